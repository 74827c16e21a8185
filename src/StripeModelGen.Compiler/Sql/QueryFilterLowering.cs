using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Querying;

namespace StripeModelGen.Compiler.Sql;

/// <summary>Lowers a query filter on a value: a bind parameter, or a parsed Looker filter expression.</summary>
internal static class QueryFilterLowering
{
    public static SqlExpression? Lower(QueryFilter filter, SqlExpression value, LoweringContext context, DiagnosticBag diagnostics)
    {
        if (filter.Parameter is { } parameter)
            return new SqlBinary(Expressions.BinaryOperator.Equal, value, new SqlParameter(parameter));
        return new SqlBinary(Expressions.BinaryOperator.Equal, value, SqlLiteral.String(filter.Expression ?? string.Empty));
    }
}
