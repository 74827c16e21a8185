using StripeModelGen.Compiler.Binding;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// Functions that only rewrites put into the tree. They are not part of the model language; a
/// dialect gives them templates only when it lists a rewrite that introduces them.
/// </summary>
public static class RewriteFunctions
{
    /// <summary><c>ARRAY_AGG(x)</c>: the values of the group or window frame, NULLs included, in frame order.</summary>
    public static readonly RewriteFunction ArrayAgg = new("ARRAY_AGG", FunctionKind.Aggregate, 1, 1, "the values of the group or frame as an array, in frame order");

    /// <summary><c>ARRAY_AGG_BY_DESC(x, key)</c>: the values ordered by <c>key</c> descending.</summary>
    public static readonly RewriteFunction ArrayAggByDesc = new("ARRAY_AGG_BY_DESC", FunctionKind.Aggregate, 2, 2, "the values of the group as an array ordered by the second argument, descending");

    /// <summary><c>ARRAY_AGG_BY_ASC(x, key)</c>: the values ordered by <c>key</c> ascending.</summary>
    public static readonly RewriteFunction ArrayAggByAsc = new("ARRAY_AGG_BY_ASC", FunctionKind.Aggregate, 2, 2, "the values of the group as an array ordered by the second argument, ascending");

    /// <summary><c>ARRAY_ELEMENT(array, i)</c>: the i-th element, counting from 1; NULL when out of range.</summary>
    public static readonly RewriteFunction ArrayElement = new("ARRAY_ELEMENT", FunctionKind.Scalar, 2, 2, "the element at a 1-based index, NULL when out of range");

    /// <summary><c>PERCENTILE_OF_ARRAY(values, p)</c>: the interpolated <c>p</c>-th percentile (0 to 100) of the non-NULL numbers in an array; NULL when there are none.</summary>
    public static readonly RewriteFunction PercentileOfArray = new("PERCENTILE_OF_ARRAY", FunctionKind.Scalar, 2, 2, "the interpolated p-th percentile (0 to 100) of the array's non-NULL numbers, NULL when there are none");

    /// <summary><c>PERCENTILE_CONT(x, f) OVER (PARTITION BY ...)</c>: the interpolated percentile, <c>f</c> a fraction literal from 0 to 1, of the partition.</summary>
    public static readonly RewriteFunction PercentileCont = new("PERCENTILE_CONT", FunctionKind.Window, 2, 2, "the interpolated percentile (a fraction literal from 0 to 1) of x over the window's partition");
}
