namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// A literal LIKE pattern holding <c>[</c> gets it escaped (<c>\[</c>, with <c>ESCAPE '\'</c> made
/// explicit), for engines where <c>[...]</c> is a character class in LIKE (SQL Server): the portable
/// pattern only knows <c>%</c> and <c>_</c>. A pattern that is not a literal cannot be fixed in the
/// text; its <c>[</c> keep the engine's meaning (documented).
/// </summary>
public sealed class LikeBracketsEscaped : SqlTreeRewriter
{
    public override string Name => nameof(LikeBracketsEscaped);

    public override string Description => "a `[` in a literal LIKE pattern becomes `\\[` (`ESCAPE '\\'`)";

    protected override SqlExpression RewriteNode(SqlExpression node)
    {
        if (node is not SqlLike { Pattern: SqlLiteral { Kind: SqlLiteralKind.String, Value: string pattern } } like || !pattern.Contains('[', StringComparison.Ordinal))
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
        return like with { Pattern = SqlLiteral.String(text.ToString()), Escape = escape };
    }
}
