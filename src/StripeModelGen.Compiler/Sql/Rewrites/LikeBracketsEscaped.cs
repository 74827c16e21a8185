namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// A literal LIKE pattern holding <c>[</c> gets it escaped (<c>\[</c>, with <c>ESCAPE '\'</c> made
/// explicit), for engines where <c>[...]</c> is a character class in LIKE (SQL Server): the portable
/// pattern only knows <c>%</c> and <c>_</c>. A lower-cased literal (<c>LOWER('...')</c>, what
/// <see cref="IlikeToLower"/> makes of an ILIKE pattern) is a literal too. A pattern that is not a literal
/// cannot be fixed in the text; its <c>[</c> keep the engine's meaning (documented).
/// </summary>
public sealed class LikeBracketsEscaped : SqlTreeRewriter
{
    public override string Name => nameof(LikeBracketsEscaped);

    public override string Description => "a `[` in a literal LIKE pattern becomes `\\[` (`ESCAPE '\\'`)";

    protected override SqlExpression RewriteNode(SqlExpression node)
    {
        if (node is not SqlLike like || LiteralPattern(like.Pattern) is not { } pattern || !pattern.Contains('[', StringComparison.Ordinal))
            return node;
        // Without an explicit escape the portable one is `\`: say so, so the engine reads `\[` as `[`.
        var escape = like.Escape ?? '\\';
        var text = new System.Text.StringBuilder(pattern.Length + 4);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == escape && i + 1 < pattern.Length)
                text.Append(escape).Append(pattern[++i]);
            else if (pattern[i] == '[')
                text.Append(escape).Append('[');
            else
                text.Append(pattern[i]);
        }
        var escaped = SqlLiteral.String(text.ToString());
        return like with { Pattern = like.Pattern is SqlFunction lower ? lower with { Arguments = [escaped] } : escaped, Escape = escape };
    }

    private static string? LiteralPattern(SqlExpression pattern) => pattern switch
    {
        SqlLiteral { Kind: SqlLiteralKind.String, Value: string text } => text,
        SqlFunction { Name: "LOWER", Arguments: [SqlLiteral { Kind: SqlLiteralKind.String, Value: string text }], Window: null } => text,
        _ => null,
    };
}
