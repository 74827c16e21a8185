namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// <c>CONCAT(a, b)</c> → <c>CONCAT(COALESCE(CAST(a AS string), ''), COALESCE(CAST(b AS string), ''))</c>,
/// for engines whose CONCAT is NULL when an argument is (Snowflake, Trino): the portable CONCAT reads
/// NULL as the empty string. String literals are left as they are.
/// </summary>
public sealed class ConcatNullsAsEmpty : SqlTreeRewriter
{
    public override string Name => nameof(ConcatNullsAsEmpty);

    public override string Description => "each `CONCAT` argument becomes `COALESCE(CAST(x AS string), '')`";

    protected override SqlExpression RewriteNode(SqlExpression node) =>
        node is SqlFunction { Window: null } function && string.Equals(function.Name, "CONCAT", StringComparison.OrdinalIgnoreCase)
            && Map(function.Arguments, Text) is var arguments && arguments != function.Arguments
            ? function with { Arguments = arguments }
            : node;

    private static SqlExpression Text(SqlExpression argument) => argument switch
    {
        SqlLiteral { Kind: SqlLiteralKind.String } => argument,
        SqlFunction { Name: "COALESCE", Arguments: [SqlCast { Type: Binding.ScalarType.String }, SqlLiteral { Kind: SqlLiteralKind.String, Value: "" }] } => argument,
        _ => new SqlFunction("COALESCE", [new SqlCast(argument, Binding.ScalarType.String), SqlLiteral.String(string.Empty)]),
    };
}
