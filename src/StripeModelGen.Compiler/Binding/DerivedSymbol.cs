using System.Collections.Immutable;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

/// <summary>
/// How a derived view computes its rows: the rows of <see cref="From"/> (read under its own name), joined
/// to <see cref="Joins"/>, filtered by <see cref="Where"/>, grouped by <see cref="GroupBy"/> when given.
/// Its dimensions are the columns; each is materialised once, so a derived view over a derived view
/// reads columns rather than repeating their expressions.
/// </summary>
public sealed class DerivedSymbol(ViewSymbol from, ImmutableArray<JoinSymbol> joins, bool isGrouped)
{
    public ViewSymbol From { get; } = from;

    public ImmutableArray<JoinSymbol> Joins { get; internal set; } = joins;

    /// <summary>The split joins, after the view joins: one row per non-empty element of a string.</summary>
    public ImmutableArray<SplitJoinSymbol> Splits { get; internal set; } = [];

    public BoundExpression? Where { get; internal set; }

    /// <summary>The grouping dimensions; null when the view does not group (empty: one row over all source rows).</summary>
    public ImmutableArray<DimensionSymbol>? GroupBy { get; internal set; }

    /// <summary>True when the view declares <c>group_by</c> (even empty): its dimensions may aggregate.</summary>
    public bool IsGrouped { get; } = isGrouped;

    public ImmutableDictionary<string, ViewSymbol> Aliases =>
        Joins.ToImmutableDictionary(j => j.Name, j => j.View, StringComparer.Ordinal).SetItem(From.Name, From);

    /// <summary>The views this one is computed from.</summary>
    public IEnumerable<ViewSymbol> Sources => Joins.Select(j => j.View).Prepend(From);
}

/// <summary>
/// A split join of a derived view: one row per element of <see cref="List"/> (a string, bound in the view's
/// row scope) cut at <see cref="Separator"/>, read as <c>${name.value}</c> (trimmed; empty elements are dropped).
/// </summary>
public sealed record SplitJoinSymbol(string Name, BoundExpression List, string Separator, TextLocation Location);

/// <summary>A view published as an artifact of its own kind (<c>mrr</c>), with the order of its rows.</summary>
public sealed record PublishSymbol(string Kind, ImmutableArray<QuerySort> Sorts);
