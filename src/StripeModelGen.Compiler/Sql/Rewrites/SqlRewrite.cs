using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;

namespace StripeModelGen.Compiler.Sql.Rewrites;

/// <summary>
/// A function a rewrite introduces into the tree beyond the catalogue (<see cref="RewriteFunctions"/>):
/// a dialect that lists the rewrite must give it a template.
/// </summary>
public sealed record RewriteFunction(string Name, FunctionKind Kind, int MinArguments, int MaxArguments, string Meaning);

/// <summary>
/// A named, pure tree-to-tree rewrite that changes the shape of a statement for a dialect lacking a
/// construct (<c>FILTER</c>, <c>IGNORE NULLS</c>, <c>MAX_BY</c>, decimal <c>/</c>...). A dialect file lists
/// the rewrites it needs, in order; rewrites never look at the dialect, so each is tested on its own.
/// </summary>
public abstract class SqlRewrite
{
    /// <summary>The name dialect files list it under (<c>DecimalDivision</c>).</summary>
    public abstract string Name { get; }

    /// <summary>One line on what it does, for documentation and messages.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// Catalogue functions this rewrite replaces wherever they appear without <c>OVER</c>; a dialect
    /// listing it needs no template for them (windowed calls it cannot replace stay, and the writer reports them).
    /// </summary>
    public virtual ImmutableArray<string> RemovedFunctions => [];

    /// <summary>Functions this rewrite writes into the tree; a dialect listing it needs a template for each.</summary>
    public virtual ImmutableArray<RewriteFunction> IntroducedFunctions => [];

    /// <summary>The rewritten statement; the input is never changed, and untouched subtrees are shared.</summary>
    public abstract SqlStatement Apply(SqlStatement statement);

    public override string ToString() => Name;
}

/// <summary>Every rewrite a dialect file may list, by name.</summary>
public static class SqlRewrites
{
    public static ImmutableArray<SqlRewrite> All { get; } =
    [
        new AggregatesToWindows(),
        new BitsToPredicates(),
        new ConcatNullsAsEmpty(),
        new CtesToTop(),
        new DecimalDivision(),
        new FilterToCase(),
        new GreatestLeastToCase(),
        new IgnoreNullsToArrayAgg(),
        new IgnoreNullsToRunningGroups(),
        new IlikeToLower(),
        new LikeBracketsEscaped(),
        new MaxByToArrayAgg(),
        new NullsOrderToCase(),
        new OrderedUnionMembersToDerived(),
        new ParametersBoundOnce(),
        new PercentileToArrayAgg(),
        new PredicatesToBits(),
        new UpperCaseObjectNames(),
        new ValuesToSelect(),
    ];

    private static readonly ImmutableDictionary<string, SqlRewrite> ByName = All.ToImmutableDictionary(r => r.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => All.Select(r => r.Name);

    public static SqlRewrite? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Applies <paramref name="rewrites"/> in order.</summary>
    public static SqlStatement Apply(SqlStatement statement, IEnumerable<SqlRewrite> rewrites)
    {
        ArgumentNullException.ThrowIfNull(rewrites);
        foreach (var rewrite in rewrites)
            statement = rewrite.Apply(statement);
        return statement;
    }
}
