using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Filters;
using StripeModelGen.Compiler.Querying;

namespace StripeModelGen.Compiler.Planning;

/// <summary>
/// Plans a query so that a measure's value never depends on the other fields selected: each measure is
/// aggregated over only the joins it and the query's dimensions and filters need; when one of those joins
/// repeats the measure's rows, the rows are first reduced to one per primary key of the measure's view.
/// Legs with the same joins share one aggregation.
/// </summary>
public static class QueryPlanner
{
    public static QueryPlan? Plan(BoundQuery query, DiagnosticBag diagnostics)
    {
        var explore = query.Explore;
        var graph = new JoinGraph(explore);
        var dimensions = query.Dimensions.Distinct().ToImmutableArray();
        var measures = query.Measures.Distinct().ToImmutableArray();
        var rowFilters = query.Filters.Where(f => !f.IsGroupFilter).ToImmutableArray();
        var groupFilters = query.Filters.Where(f => f.IsGroupFilter).ToImmutableArray();

        var rowAliases = new SortedSet<string>(StringComparer.Ordinal) { explore.BaseView.Name };
        foreach (var field in dimensions.Concat(rowFilters.SelectMany(f => f.Fields)))
            rowAliases.UnionWith(FieldDependencies.Aliases(field));
        if (explore.SqlAlwaysWhere is { } always)
            rowAliases.UnionWith(always.DescendantsAndSelf().OfType<BoundFieldExpression>().SelectMany(r => FieldDependencies.Aliases(r.Reference)));

        var aggregated = measures.Concat(groupFilters.SelectMany(f => f.Fields))
            .SelectMany(FieldDependencies.AggregatedMeasures)
            .Distinct()
            .ToList();
        var allAliases = rowAliases.Concat(aggregated.SelectMany(FieldDependencies.Aliases)).Distinct().ToList();
        var missing = allAliases.FirstOrDefault(a => explore.ViewOf(a) is null);
        if (missing is not null)
        {
            var field = query.Fields.Concat(query.Filters.SelectMany(f => f.Fields)).First(f => FieldDependencies.Aliases(f).Contains(missing));
            diagnostics.Report(DiagnosticCatalog.AliasNotJoined, query.Location, field.QualifiedName, missing, explore.Name);
            return null;
        }

        var dimensionJoins = graph.Closure(rowAliases);
        if (PlanLegs(query, graph, rowAliases, aggregated, diagnostics) is not { } legs)
            return null;
        if (legs.IsEmpty)
            legs = [new AggregationLeg(dimensionJoins, LegStrategy.Direct, null, [], [])];

        ReportUngroupedCurrencies(query, dimensions, measures, diagnostics);
        return new QueryPlan(query, dimensions, measures, dimensionJoins, legs, rowFilters, groupFilters, Sorts(query, dimensions), query.Limit);
    }

    private static ImmutableArray<AggregationLeg>? PlanLegs(
        BoundQuery query, JoinGraph graph, IReadOnlyCollection<string> rowAliases, List<FieldReference> aggregated, DiagnosticBag diagnostics)
    {
        var direct = new Dictionary<string, (ImmutableArray<JoinSymbol> Joins, List<FieldReference> Measures)>(StringComparer.Ordinal);
        var perKey = new Dictionary<string, (ImmutableArray<JoinSymbol> Joins, string Alias, ImmutableArray<string> FannedOutBy, List<FieldReference> Measures)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var measure in aggregated)
        {
            var joins = graph.Closure(rowAliases.Concat(FieldDependencies.Aliases(measure)));
            var joinKey = string.Join(",", joins.Select(j => j.Name));
            var fannedOutBy = IsFanoutSafe((MeasureSymbol)measure.Field) ? [] : graph.FanningJoins(measure.Alias, joins);
            if (fannedOutBy.IsEmpty)
            {
                var key = "direct:" + joinKey;
                if (!direct.TryGetValue(key, out var leg))
                {
                    direct[key] = leg = (joins, []);
                    order.Add(key);
                }
                leg.Measures.Add(measure);
                continue;
            }
            if (measure.Field.View.PrimaryKey is null)
            {
                diagnostics.Report(DiagnosticCatalog.FanoutWithoutPrimaryKey, query.Location, measure.QualifiedName, fannedOutBy[0], measure.Field.View.Name);
                return null;
            }
            var grainKey = $"key:{measure.Alias}:{joinKey}";
            if (!perKey.TryGetValue(grainKey, out var grainLeg))
            {
                perKey[grainKey] = grainLeg = (joins, measure.Alias, fannedOutBy, []);
                order.Add(grainKey);
            }
            grainLeg.Measures.Add(measure);
        }
        return [.. order.Select(key => direct.TryGetValue(key, out var d)
            ? new AggregationLeg(d.Joins, LegStrategy.Direct, null, [], [.. d.Measures])
            : new AggregationLeg(perKey[key].Joins, LegStrategy.PerPrimaryKey, perKey[key].Alias, perKey[key].FannedOutBy, [.. perKey[key].Measures]))];
    }

    /// <summary>Repeated rows do not change a distinct count, a minimum or a maximum.</summary>
    private static bool IsFanoutSafe(MeasureSymbol measure) =>
        measure.Type is MeasureType.CountDistinct or MeasureType.Min or MeasureType.Max;

    /// <summary>
    /// Explicit sorts first (NULLs last, so a descending "top 10" starts with real values), then every
    /// remaining dimension ascending, so the row order is fully determined.
    /// </summary>
    private static ImmutableArray<PlannedSort> Sorts(BoundQuery query, ImmutableArray<FieldReference> dimensions)
    {
        var sorts = query.Sorts.Select(s => new PlannedSort(s.Field, s.Descending, NullsFirst: false)).ToList();
        foreach (var dimension in dimensions)
        {
            if (!sorts.Any(s => s.Field == dimension))
                sorts.Add(new PlannedSort(dimension, Descending: false, NullsFirst: false));
        }
        return [.. sorts];
    }

    /// <summary>A money measure whose currency is neither grouped by nor pinned to one value adds currencies together.</summary>
    private static void ReportUngroupedCurrencies(BoundQuery query, ImmutableArray<FieldReference> dimensions, ImmutableArray<FieldReference> measures, DiagnosticBag diagnostics)
    {
        foreach (var measure in measures.SelectMany(FieldDependencies.AggregatedMeasures).Distinct())
        {
            if (measure.Field is not MeasureSymbol { Currency: BoundFieldExpression currency } || measure.Field is MeasureSymbol { Type: MeasureType.Count or MeasureType.CountDistinct })
                continue;
            var currencyField = currency.Reference with { Alias = FieldDependencies.AliasOf(currency.Reference, measure) };
            var grouped = dimensions.Contains(currencyField);
            var pinned = query.Filters.Any(f => f.Fields is [var only] && only == currencyField && (f.IsParameter || f.Filter is StringEqualsFilter));
            if (!grouped && !pinned)
                diagnostics.Report(DiagnosticCatalog.CurrencyNotGrouped, query.Location, measure.QualifiedName, currencyField.QualifiedName);
        }
    }
}
