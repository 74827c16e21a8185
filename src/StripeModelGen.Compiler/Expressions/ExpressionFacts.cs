using System.Collections.Frozen;

namespace StripeModelGen.Compiler.Expressions;

/// <summary>The reserved words of the expression language and how tokens are named in messages.</summary>
public static class ExpressionFacts
{
    private static readonly FrozenDictionary<string, ExpressionTokenKind> Keywords = Enum.GetValues<ExpressionTokenKind>()
        .Where(IsKeyword)
        .ToFrozenDictionary(kind => KeywordText(kind), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reserved words that are also plausible column names: an error on one suggests quoting it.</summary>
    private static readonly FrozenSet<ExpressionTokenKind> ColumnLikeKeywords = new[]
    {
        ExpressionTokenKind.FromKeyword, ExpressionTokenKind.OrderKeyword, ExpressionTokenKind.FirstKeyword,
        ExpressionTokenKind.LastKeyword, ExpressionTokenKind.RowsKeyword, ExpressionTokenKind.RangeKeyword,
        ExpressionTokenKind.RowKeyword, ExpressionTokenKind.CurrentKeyword, ExpressionTokenKind.FilterKeyword,
        ExpressionTokenKind.PartitionKeyword, ExpressionTokenKind.AscKeyword, ExpressionTokenKind.DescKeyword,
        ExpressionTokenKind.NullsKeyword, ExpressionTokenKind.PrecedingKeyword, ExpressionTokenKind.FollowingKeyword,
        ExpressionTokenKind.UnboundedKeyword, ExpressionTokenKind.IgnoreKeyword, ExpressionTokenKind.RespectKeyword,
    }.ToFrozenSet();

    /// <summary>Reserved words that may still name a function when directly followed by <c>(</c>.</summary>
    private static readonly FrozenSet<ExpressionTokenKind> FunctionLikeKeywords = new[]
    {
        ExpressionTokenKind.FirstKeyword, ExpressionTokenKind.LastKeyword, ExpressionTokenKind.RowKeyword,
        ExpressionTokenKind.CurrentKeyword, ExpressionTokenKind.FilterKeyword, ExpressionTokenKind.IgnoreKeyword,
        ExpressionTokenKind.RespectKeyword, ExpressionTokenKind.RangeKeyword, ExpressionTokenKind.RowsKeyword,
    }.ToFrozenSet();

    public static IEnumerable<string> ReservedWords => Keywords.Keys.Order(StringComparer.Ordinal);

    public static bool IsKeyword(ExpressionTokenKind kind) => kind >= ExpressionTokenKind.SelectKeyword;

    public static ExpressionTokenKind? GetKeyword(string word) => Keywords.TryGetValue(word, out var kind) ? kind : null;

    public static bool IsReserved(string word) => Keywords.ContainsKey(word);

    internal static bool IsColumnLike(ExpressionTokenKind kind) => ColumnLikeKeywords.Contains(kind);

    internal static bool IsFunctionLike(ExpressionTokenKind kind) => FunctionLikeKeywords.Contains(kind);

    /// <summary>The upper-case spelling of a keyword kind (<c>AndKeyword</c> is <c>AND</c>).</summary>
    public static string KeywordText(ExpressionTokenKind kind) =>
        IsKeyword(kind) ? kind.ToString()[..^"Keyword".Length].ToUpperInvariant() : throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    public static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    public static bool IsIdentifierPart(char c) => c == '_' || char.IsLetterOrDigit(c);

    /// <summary>True for names that need no quotes: an identifier that is not a reserved word.</summary>
    public static bool IsPlainIdentifier(string name) =>
        name.Length > 0 && IsIdentifierStart(name[0]) && name.All(IsIdentifierPart) && !IsReserved(name);
}
