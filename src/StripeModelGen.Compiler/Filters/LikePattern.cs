using System.Collections.Immutable;
using System.Text;

namespace StripeModelGen.Compiler.Filters;

public enum LikePartKind
{
    /// <summary>Characters matched as they are, <c>%</c> and <c>_</c> included.</summary>
    Literal,
    /// <summary><c>%</c>: any run of characters, possibly empty.</summary>
    AnyCharacters,
    /// <summary><c>_</c>: exactly one character.</summary>
    AnyCharacter,
}

/// <summary>One piece of a pattern: literal text, or a wildcard (then <see cref="Text"/> is empty).</summary>
public readonly record struct LikePart(LikePartKind Kind, string Text)
{
    public static LikePart Literal(string text) => new(LikePartKind.Literal, text);

    public static readonly LikePart AnyCharacters = new(LikePartKind.AnyCharacters, "");

    public static readonly LikePart AnyCharacter = new(LikePartKind.AnyCharacter, "");
}

/// <summary>
/// A string pattern with SQL LIKE semantics, kept as typed parts so that a literal <c>%</c> or
/// <c>_</c> (written <c>^%</c>, <c>^_</c> by the user) is never confused with a wildcard.
/// Adjacent literals are merged and runs of <c>%</c> collapse to one.
/// </summary>
public sealed record LikePattern
{
    public LikePattern(IEnumerable<LikePart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var builder = ImmutableArray.CreateBuilder<LikePart>();
        foreach (var part in parts)
        {
            if (part.Kind == LikePartKind.Literal && part.Text.Length == 0)
                continue;
            if (builder.Count > 0 && builder[^1].Kind == part.Kind && part.Kind != LikePartKind.AnyCharacter)
            {
                if (part.Kind == LikePartKind.Literal)
                    builder[^1] = LikePart.Literal(builder[^1].Text + part.Text);
                continue;
            }
            builder.Add(part.Kind == LikePartKind.Literal ? part : part with { Text = "" });
        }
        Parts = builder.ToImmutable();
    }

    public ImmutableArray<LikePart> Parts { get; }

    public bool HasWildcards => Parts.Any(p => p.Kind != LikePartKind.Literal);

    /// <summary>A literal part holds <c>%</c> or <c>_</c>, which a plain LIKE pattern cannot say without an escape.</summary>
    public bool HasLiteralWildcards => Parts.Any(p => p.Kind == LikePartKind.Literal && p.Text.AsSpan().IndexOfAny('%', '_') >= 0);

    /// <summary>
    /// The text before the only wildcard when the pattern is <c>literal%</c> ("starts with"); null otherwise.
    /// </summary>
    public string? Prefix => Parts is [{ Kind: LikePartKind.Literal } literal, { Kind: LikePartKind.AnyCharacters }] ? literal.Text : null;

    /// <summary>
    /// The SQL LIKE pattern. Without <paramref name="escape"/> the pattern must not hold literal
    /// wildcards (<see cref="HasLiteralWildcards"/>); with it, literal <c>%</c>, <c>_</c> and the
    /// escape character are preceded by the escape, for <c>LIKE ... ESCAPE 'c'</c>.
    /// </summary>
    public string ToSqlPattern(char? escape = null)
    {
        if (escape is null && HasLiteralWildcards)
            throw new InvalidOperationException("A pattern with a literal % or _ needs an escape character.");
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            switch (part.Kind)
            {
                case LikePartKind.AnyCharacters:
                    text.Append('%');
                    break;
                case LikePartKind.AnyCharacter:
                    text.Append('_');
                    break;
                default:
                    foreach (var c in part.Text)
                    {
                        if (escape is { } e && (c == '%' || c == '_' || c == e))
                            text.Append(e);
                        text.Append(c);
                    }
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>The pattern as a Looker filter alternative: wildcards bare, special characters escaped with <c>^</c>.</summary>
    public string ToFilterText()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Parts.Length; i++)
        {
            var part = Parts[i];
            if (part.Kind == LikePartKind.AnyCharacters)
                text.Append('%');
            else if (part.Kind == LikePartKind.AnyCharacter)
                text.Append('_');
            else
                text.Append(FilterText.Escape(part.Text, leading: i == 0, trailing: i == Parts.Length - 1));
        }
        return text.ToString();
    }

    public bool Equals(LikePattern? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() => Parts.Aggregate(23, (hash, part) => (hash * 31) + part.GetHashCode());
}
