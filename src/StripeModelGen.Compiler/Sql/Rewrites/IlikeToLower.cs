namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// <c>x ILIKE p</c> → <c>LOWER(x) LIKE LOWER(p)</c>, for engines without ILIKE (Trino, SQL Server). The
/// escape character, if any, is kept (LOWER leaves <c>\</c>, <c>%</c> and <c>_</c> alone).
/// </summary>
public sealed class IlikeToLower : SqlTreeRewriter
{
    public override string Name => nameof(IlikeToLower);

    public override string Description => "`x ILIKE p` becomes `LOWER(x) LIKE LOWER(p)`";

    protected override SqlExpression RewriteNode(SqlExpression node) =>
        node is SqlLike { CaseInsensitive: true } like
            ? like with { Operand = new SqlFunction("LOWER", [like.Operand]), Pattern = new SqlFunction("LOWER", [like.Pattern]), CaseInsensitive = false }
            : node;
}
