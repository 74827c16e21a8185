using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Sql.Rewrites;

namespace StripeModelGen.Compiler.Emit.Dbt;

/// <summary>
/// Whether a statement reads the current date or time (relative date filters such as <c>last 90 days</c>,
/// <c>CURRENT_TIMESTAMP()</c> in a field): such a model is a dbt view, so it is never stale, where a table
/// would keep the answer of the day it was built. Compiled with <see cref="LoweringContext.AsOf"/>, no statement
/// reads the clock (its reads are literals), so every model is a table.
/// </summary>
internal sealed class ClockReader : SqlTreeRewriter
{
    private bool _found;

    public override string Name => nameof(ClockReader);

    public override string Description => "Finds calls reading the current date or time (changes nothing).";

    public static bool Reads(SqlStatement statement)
    {
        var reader = new ClockReader();
        reader.Apply(statement);
        return reader._found;
    }

    protected override SqlExpression RewriteNode(SqlExpression node)
    {
        if (node is SqlFunction { Name: "CURRENT_TIMESTAMP" or "CURRENT_DATE" })
            _found = true;
        return node;
    }
}
