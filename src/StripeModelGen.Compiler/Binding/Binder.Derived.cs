using System.Collections.Immutable;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax;

namespace StripeModelGen.Compiler.Binding;

public sealed partial class Binder
{
    /// <summary>Resolves every derived view's sources, so its dimensions can reference them; then rejects cycles.</summary>
    private void DeclareDerivedSources(ImmutableArray<ViewSymbol> views)
    {
        foreach (var view in views)
        {
            if (view.Syntax.Derived is not { From: { } from } syntax)
                continue;
            if (!_views.TryGetValue(from.Value, out var fromView))
            {
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownView, from.Location, from.Value, _views.Keys, from.Value);
                continue;
            }
            var aliases = new HashSet<string>(StringComparer.Ordinal) { fromView.Name };
            var joins = ImmutableArray.CreateBuilder<JoinSymbol>();
            var splits = ImmutableArray.CreateBuilder<SplitJoinSymbol>();
            foreach (var join in syntax.Joins)
            {
                var name = JoinName(join);
                if (join.Split is not null)
                {
                    if (!IsValidName(name))
                        continue;
                    if (!aliases.Add(name.Value))
                        _diagnostics.Report(DiagnosticCatalog.JoinTwice, name.Location, name.Value, $"derived view `{view.Name}`");
                    else
                        splits.Add(new SplitJoinSymbol(name.Value, BoundError.Instance, join.Separator!.Value, name.Location));
                    continue;
                }
                if (!_views.TryGetValue(join.View!.Value, out var joined))
                {
                    _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownView, join.View.Location, join.View.Value, _views.Keys, join.View.Value);
                    continue;
                }
                if (!IsValidName(name))
                    continue;
                if (!aliases.Add(name.Value))
                {
                    _diagnostics.Report(DiagnosticCatalog.JoinTwice, name.Location, name.Value, $"derived view `{view.Name}`");
                    continue;
                }
                var type = join.Type is null ? JoinType.LeftOuter : ParseEnum<JoinType>(join.Type, "join type") ?? JoinType.LeftOuter;
                var relationship = join.Relationship is null ? Relationship.ManyToOne : ParseEnum<Relationship>(join.Relationship, "relationship") ?? Relationship.ManyToOne;
                joins.Add(new JoinSymbol(name.Value, joined, null, relationship, type, [], name.Location));
            }
            view.Derived = new DerivedSymbol(fromView, joins.ToImmutable(), syntax.GroupBy is not null) { Splits = splits.ToImmutable() };
        }
        ReportDerivedCycles(views);
    }

    private void ReportDerivedCycles(ImmutableArray<ViewSymbol> views)
    {
        foreach (var view in views.Where(v => v.Derived is not null))
        {
            var path = new List<ViewSymbol> { view };
            if (ReachesItself(view, view, path))
            {
                _diagnostics.Report(DiagnosticCatalog.DerivedCycle, view.Syntax.Derived!.From!.Location, view.Name, string.Join(" → ", path.Select(v => v.Name)));
                view.Derived = null;
            }
        }
    }

    private static bool ReachesItself(ViewSymbol start, ViewSymbol current, List<ViewSymbol> path)
    {
        foreach (var source in current.Derived?.Sources ?? [])
        {
            if (path.Count > 64)
                return false;
            path.Add(source);
            if (source == start || ReachesItself(start, source, path))
                return true;
            path.RemoveAt(path.Count - 1);
        }
        return false;
    }

    /// <summary>After the view's dimensions: its join conditions, <c>where</c> and <c>group_by</c>.</summary>
    private void BindDerivedRows(ViewSymbol view)
    {
        if (view.Derived is not { } derived || view.Syntax.Derived is not { } syntax)
            return;
        var aliases = AliasSet.Of(view, derived);
        derived.Joins = [.. derived.Joins.Select(join =>
        {
            var joinSyntax = syntax.Joins.First(j => j.Split is null && JoinName(j).Value == join.Name);
            if (joinSyntax.SqlOn is null)
            {
                if (join.Type != JoinType.Cross)
                    _diagnostics.Report(DiagnosticCatalog.MissingKey, JoinName(joinSyntax).Location, $"The join of `{join.Name}`", "sql_on");
                return join;
            }
            var condition = BindTyped(joinSyntax.SqlOn, ExpressionScope.ForJoin(aliases, join.Name), ParameterKind.Boolean, $"The `sql_on` of `{join.Name}`");
            return join with { SqlOn = condition };
        })];
        // A split's list reads the view's sources, not another split's elements.
        var sources = aliases with { Splits = [] };
        derived.Splits = [.. derived.Splits.Select(split =>
        {
            var list = syntax.Joins.First(j => j.Split is not null && JoinName(j).Value == split.Name).Split!;
            return split with { List = BindTyped(list, ExpressionScope.ForRowFilter(sources, $"`split` of `{split.Name}`"), ParameterKind.String, $"The `split` of `{split.Name}`") };
        })];
        if (syntax.Where is { } where)
            derived.Where = BindTyped(where, ExpressionScope.ForRowFilter(aliases, $"`where` of derived view `{view.Name}`"), ParameterKind.Boolean, $"`where` of derived view `{view.Name}`");
        if (syntax.GroupBy is { } groupBy)
        {
            var dimensions = ImmutableArray.CreateBuilder<DimensionSymbol>();
            foreach (var name in groupBy)
            {
                if (view.Find(name.Value) is DimensionSymbol dimension)
                    dimensions.Add(dimension);
                else
                    _diagnostics.ReportWithSuggestion(DiagnosticCatalog.GroupByNotDimension, name.Location, name.Value, view.Dimensions.Select(d => d.Name), name.Value, view.Name);
            }
            derived.GroupBy = dimensions.ToImmutable();
        }
    }

    private void BindPublish(ViewSymbol view)
    {
        if (view.Syntax.Publish is not { Kind: { } kind } publish)
            return;
        if (kind.Value != "mrr")
        {
            _diagnostics.Report(DiagnosticCatalog.UnknownPublishKind, kind.Location, kind.Value);
            return;
        }
        var sorts = ImmutableArray.CreateBuilder<QuerySort>();
        foreach (var sort in publish.Sorts)
        {
            if (ResolveFieldName(view, sort.Field, sort.FieldLocation) is { } field)
                sorts.Add(new QuerySort(field, sort.Descending));
        }
        view.Publish = new PublishSymbol(kind.Value, sorts.ToImmutable());
    }
}
