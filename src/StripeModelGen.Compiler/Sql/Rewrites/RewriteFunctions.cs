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
}
