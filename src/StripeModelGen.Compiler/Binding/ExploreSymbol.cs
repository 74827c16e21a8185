using System.Collections.Immutable;
using StripeModelGen.Compiler.Filters;
using StripeModelGen.Compiler.Syntax;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

/// <summary>A join graph rooted at one view: the base view under its own name, then the joins in declaration order.</summary>
public sealed class ExploreSymbol(ExploreSyntax syntax, ViewSymbol baseView)
{
    public ExploreSyntax Syntax { get; } = syntax;

    public string Name => Syntax.Name.Value;

    public TextLocation Location => Syntax.Name.Location;

    public string? Label => Syntax.Label?.Value;

    public string? Description => Syntax.Description?.Value;

    public bool Hidden { get; internal set; }

    public ViewSymbol BaseView { get; } = baseView;

    public ImmutableArray<JoinSymbol> Joins { get; internal set; } = [];

    public BoundExpression? SqlAlwaysWhere { get; internal set; }

    public ImmutableArray<BoundFilter> AlwaysFilter { get; internal set; } = [];

    /// <summary>The view an alias names in this explore (the base view's name or a join's name).</summary>
    public ViewSymbol? ViewOf(string alias) =>
        alias == BaseView.Name ? BaseView : Joins.FirstOrDefault(j => j.Name == alias)?.View;

    public JoinSymbol? Join(string alias) => Joins.FirstOrDefault(j => j.Name == alias);

    public IEnumerable<string> Aliases => Joins.Select(j => j.Name).Prepend(BaseView.Name);

    public override string ToString() => Name;
}

/// <summary>
/// One join of an explore. <see cref="DependsOn"/> names the aliases its condition reads besides its own,
/// so a query that needs this join also gets the joins it hangs from.
/// </summary>
public sealed record JoinSymbol(
    string Name,
    ViewSymbol View,
    BoundExpression? SqlOn,
    Relationship Relationship,
    JoinType Type,
    ImmutableArray<string> DependsOn,
    TextLocation Location);

/// <summary>A field and a parsed Looker filter expression, as explores, tiles and saved queries write them.</summary>
public sealed record BoundFilter(FieldReference Field, FilterExpression Filter, TextLocation ValueLocation);
