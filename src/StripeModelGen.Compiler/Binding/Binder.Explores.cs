using System.Collections.Immutable;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Filters;
using StripeModelGen.Compiler.Syntax;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

public sealed partial class Binder
{
    private ImmutableArray<ExploreSymbol> BindExplores()
    {
        var declared = new Dictionary<string, TextLocation>(StringComparer.Ordinal);
        var explores = ImmutableArray.CreateBuilder<ExploreSymbol>();
        foreach (var syntax in _syntax.Explores)
        {
            if (!Declare(declared, syntax.Name, "Explore"))
                continue;
            var viewName = syntax.View ?? syntax.Name;
            if (!_views.TryGetValue(viewName.Value, out var baseView))
            {
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownView, viewName.Location, viewName.Value, _views.Keys, viewName.Value);
                continue;
            }
            var explore = new ExploreSymbol(syntax, baseView) { Hidden = ParseBoolean(syntax.Hidden) ?? false };
            explore.Joins = DeclareJoins(explore);
            explore.Joins = [.. explore.Joins.Select(j => BindJoinCondition(explore, j, syntax.Joins.First(s => s.Split is null && JoinName(s).Value == j.Name)))];
            if (syntax.SqlAlwaysWhere is { } where)
                explore.SqlAlwaysWhere = BindTyped(where, ExpressionScope.ForRowFilter(AliasSet.Of(explore), $"`sql_always_where` of explore `{explore.Name}`"), ParameterKind.Boolean, $"`sql_always_where` of explore `{explore.Name}`");
            explore.AlwaysFilter = [.. syntax.AlwaysFilter.Select(f => BindFilter(explore, f)).OfType<BoundFilter>()];
            _explores[explore.Name] = explore;
            explores.Add(explore);
        }
        return explores.ToImmutable();
    }

    private static YamlScalarSyntax JoinName(JoinSyntax join) => join.Name ?? join.View!;

    /// <summary>First every join's alias and view, so conditions can reference joins declared after them.</summary>
    private ImmutableArray<JoinSymbol> DeclareJoins(ExploreSymbol explore)
    {
        var aliases = new Dictionary<string, TextLocation>(StringComparer.Ordinal) { [explore.BaseView.Name] = explore.Syntax.View?.Location ?? explore.Location };
        var joins = ImmutableArray.CreateBuilder<JoinSymbol>();
        foreach (var join in explore.Syntax.Joins)
        {
            var name = JoinName(join);
            if (join.Split is { } split)
            {
                _diagnostics.Report(DiagnosticCatalog.SplitJoinOutsideDerived, split.Location, name.Value, explore.Name);
                continue;
            }
            if (!_views.TryGetValue(join.View!.Value, out var view))
            {
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownView, join.View.Location, join.View.Value, _views.Keys, join.View.Value);
                continue;
            }
            if (!IsValidName(name))
                continue;
            if (aliases.ContainsKey(name.Value))
            {
                _diagnostics.Report(DiagnosticCatalog.JoinTwice, name.Location, name.Value, explore.Name);
                continue;
            }
            aliases[name.Value] = name.Location;
            var relationship = join.Relationship is null ? Relationship.ManyToOne : ParseEnum<Relationship>(join.Relationship, "relationship") ?? Relationship.ManyToOne;
            var type = join.Type is null ? JoinType.LeftOuter : ParseEnum<JoinType>(join.Type, "join type") ?? JoinType.LeftOuter;
            joins.Add(new JoinSymbol(name.Value, view, null, relationship, type, [], name.Location));
        }
        return joins.ToImmutable();
    }

    private JoinSymbol BindJoinCondition(ExploreSymbol explore, JoinSymbol join, JoinSyntax syntax)
    {
        if (syntax.SqlOn is null)
        {
            if (join.Type != JoinType.Cross)
                _diagnostics.Report(DiagnosticCatalog.MissingKey, JoinName(syntax).Location, $"The join of `{join.Name}`", "sql_on");
            return join;
        }
        if (join.Type == JoinType.Cross)
        {
            _diagnostics.Report(DiagnosticCatalog.MutuallyExclusiveKeys, syntax.SqlOn.Location, "sql_on", "type: cross");
            return join;
        }
        var condition = BindTyped(syntax.SqlOn, ExpressionScope.ForJoin(AliasSet.Of(explore), join.Name), ParameterKind.Boolean, $"The `sql_on` of `{join.Name}`");
        if (condition is BoundError)
            return join with { SqlOn = condition };
        var aliases = condition.DescendantsAndSelf().OfType<BoundFieldExpression>().Select(r => r.Reference.Alias).Distinct().ToList();
        if (!aliases.Contains(join.Name))
        {
            _diagnostics.Report(DiagnosticCatalog.JoinMissingOtherView, syntax.SqlOn.Location, join.Name);
            return join with { SqlOn = new BoundError(condition.Location) };
        }
        var dependsOn = aliases.Where(a => a != join.Name).Order(StringComparer.Ordinal).ToImmutableArray();
        if (dependsOn.IsEmpty)
        {
            _diagnostics.Report(DiagnosticCatalog.JoinNotConnected, syntax.SqlOn.Location, join.Name, explore.Name);
            return join with { SqlOn = new BoundError(condition.Location) };
        }
        CheckPrimaryKeys(explore, join, syntax, dependsOn);
        return join with { SqlOn = condition, DependsOn = dependsOn };
    }

    /// <summary>
    /// Fanout-safe aggregation identifies rows by primary key: the "one" side of every relationship needs one,
    /// and both sides of a many-to-many.
    /// </summary>
    private void CheckPrimaryKeys(ExploreSymbol explore, JoinSymbol join, JoinSyntax syntax, ImmutableArray<string> dependsOn)
    {
        var location = syntax.Relationship?.Location ?? JoinName(syntax).Location;
        var relationship = ModelNames.Of(join.Relationship);
        var needKeys = join.Relationship switch
        {
            Relationship.ManyToOne or Relationship.OneToOne => [join.View],
            Relationship.OneToMany => dependsOn.Select(explore.ViewOf).OfType<ViewSymbol>(),
            _ => dependsOn.Select(explore.ViewOf).OfType<ViewSymbol>().Append(join.View),
        };
        foreach (var view in needKeys.Distinct())
        {
            if (view.PrimaryKey is null)
            {
                _diagnostics.Report(DiagnosticCatalog.MissingPrimaryKey, location, relationship, join.Name, view.Name);
                return;
            }
        }
    }

    private BoundFilter? BindFilter(ExploreSymbol explore, FilterSyntax filter) =>
        ResolveQueryField(explore, filter.Field) is { } field ? new BoundFilter(field, ParseFilter(field, filter.Value), filter.Value.Location) : null;

    /// <summary>Parses a Looker filter expression for the kind of values <paramref name="field"/> holds.</summary>
    private FilterExpression ParseFilter(FieldReference field, YamlScalarSyntax value) =>
        FilterExpressionParser.Parse(value.Value, FilterKinds.Of(field.Type), value.GetSourceLocation, _diagnostics);

    /// <summary>Resolves <c>alias.field</c> as a query names it, within the explore's join graph.</summary>
    private FieldReference? ResolveQueryField(ExploreSymbol explore, YamlScalarSyntax node) =>
        ResolveQueryField(explore, node, 0, node.Value.Length);

    /// <summary>Resolves the part [start, start + length) of a scalar's value as <c>alias.field</c>.</summary>
    private FieldReference? ResolveQueryField(ExploreSymbol explore, YamlScalarSyntax node, int start, int length)
    {
        var text = node.Value.Substring(start, length);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            _diagnostics.Report(DiagnosticCatalog.FieldNeedsView, node.GetSourceLocation(start, length), text);
            return null;
        }
        var alias = text[..dot];
        if (explore.ViewOf(alias) is { } view)
            return ResolveFieldName(view, text[(dot + 1)..], node.GetSourceLocation(start + dot + 1, length - dot - 1), alias);
        if (_views.ContainsKey(alias))
            _diagnostics.Report(DiagnosticCatalog.FieldNotReachable, node.GetSourceLocation(start, length), text, explore.Name, alias);
        else
            _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownView, node.GetSourceLocation(start, dot), alias, explore.Aliases, alias);
        return null;
    }
}
