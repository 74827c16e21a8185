using System.Text;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Filters;
using StripeModelGen.Compiler.Querying;

namespace StripeModelGen.Compiler.Planning;

/// <summary>A compact, stable text form of a plan, for snapshot tests and for reading what the planner decided.</summary>
public static class PlanPrinter
{
    public static string Print(QueryPlan plan)
    {
        var text = new StringBuilder();
        text.Append($"{plan.Query.Kind} {plan.Query.Name} over explore {plan.Query.Explore.Name}\n");
        Line(text, "dimensions", plan.Dimensions.Select(d => d.QualifiedName));
        Line(text, "measures", plan.Measures.Select(m => m.QualifiedName));
        Line(text, "row filters", plan.RowFilters.Select(Filter));
        Line(text, "group filters", plan.GroupFilters.Select(Filter));
        if (plan.Query.Explore.SqlAlwaysWhere is not null)
            text.Append("always where: sql_always_where of the explore\n");
        for (var i = 0; i < plan.Legs.Length; i++)
        {
            var leg = plan.Legs[i];
            var strategy = leg.Strategy == LegStrategy.Direct
                ? "direct"
                : $"one row per {leg.GrainAlias}.{leg.Measures[0].Field.View.PrimaryKey!.Name} (fanned out by {string.Join(", ", leg.FannedOutBy)})";
            text.Append($"leg {i + 1}: {strategy}\n");
            text.Append($"  from {plan.Query.Explore.BaseView.Name}");
            foreach (var join in leg.Joins)
                text.Append($" {ModelNames.Of(join.Type)} join {join.Name} ({ModelNames.Of(join.Relationship)})");
            text.Append('\n');
            if (!leg.Measures.IsEmpty)
                text.Append("  aggregates ").Append(string.Join(", ", leg.Measures.Select(Measure))).Append('\n');
        }
        Line(text, "order by", plan.Sorts.Select(s => $"{s.Field.QualifiedName} {(s.Descending ? "desc" : "asc")} nulls {(s.NullsFirst ? "first" : "last")}"));
        if (plan.Limit is { } limit)
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"limit {limit}\n");
        return text.ToString();
    }

    private static string Measure(FieldReference measure) =>
        $"{measure.QualifiedName} ({ModelNames.Of(((MeasureSymbol)measure.Field).Type)})";

    /// <summary><c>field filter</c>; a filter on several fields is <c>(a filter or b filter)</c>; a field compared ignoring case is marked <c>(any case)</c>.</summary>
    private static string Filter(QueryFilter filter)
    {
        var condition = filter.IsParameter ? $"= :{filter.Parameter}" : FilterPrinter.Print(filter.Filter!);
        var parts = filter.Fields.Select(f => $"{f.QualifiedName}{(f.IsCaseInsensitive ? " (any case)" : "")} {condition}").ToList();
        return parts.Count == 1 ? parts[0] : $"({string.Join(" or ", parts)})";
    }

    private static void Line(StringBuilder text, string label, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
            text.Append(label).Append(": ").Append(string.Join(", ", list)).Append('\n');
    }
}
