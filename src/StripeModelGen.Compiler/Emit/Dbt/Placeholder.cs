using System.Collections.Immutable;
using System.Text;

namespace StripeModelGen.Compiler.Emit.Dbt;

/// <summary>
/// Relations as the dialect writer sees them (<see cref="Sql.SqlRawSource"/> text): control characters no
/// SQL text contains, turned into <c>{{ ref() }}</c> and <c>{{ source() }}</c> calls once the SQL is written
/// and its own text escaped for Jinja.
/// </summary>
internal static class Placeholder
{
    private const char Start = '\u0001';
    private const char Separator = '\u0002';
    private const char End = '\u0003';
    private const string RefKind = "ref";
    private const string SourceKind = "source";

    public static string Ref(string model) => $"{Start}{RefKind}{Separator}{model}{End}";

    public static string Source(string table) => $"{Start}{SourceKind}{Separator}{table}{End}";

    /// <summary>The text with every placeholder replaced by its Jinja call; the models and tables named, sorted.</summary>
    public static string Render(string text, out ImmutableArray<string> refs, out ImmutableArray<string> sources)
    {
        var models = new SortedSet<string>(StringComparer.Ordinal);
        var tables = new SortedSet<string>(StringComparer.Ordinal);
        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf(Start, position);
            if (start < 0)
            {
                builder.Append(text, position, text.Length - position);
                break;
            }
            builder.Append(text, position, start - position);
            var separator = text.IndexOf(Separator, start);
            var end = text.IndexOf(End, start);
            if (separator < 0 || end < separator)
                throw new InvalidOperationException("A relation placeholder is not closed");
            var kind = text[(start + 1)..separator];
            var name = text[(separator + 1)..end];
            if (kind == RefKind)
            {
                models.Add(name);
                builder.Append(DbtNames.Ref(name));
            }
            else
            {
                tables.Add(name);
                builder.Append(DbtNames.Source(name));
            }
            position = end + 1;
        }
        refs = [.. models];
        sources = [.. tables];
        return builder.ToString();
    }
}
