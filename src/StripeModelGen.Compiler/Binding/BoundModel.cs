using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Binding;

/// <summary>A checked model: every name resolved, every expression typed. Lists keep declaration order.</summary>
public sealed record BoundModel(
    ProjectSettings Project,
    ImmutableArray<SourceSymbol> Sources,
    ImmutableArray<ViewSymbol> Views,
    ImmutableArray<ExploreSymbol> Explores,
    ImmutableArray<DashboardSymbol> Dashboards,
    ImmutableArray<SavedQuerySymbol> Queries)
{
    public ViewSymbol? View(string name) => Views.FirstOrDefault(v => v.Name == name);

    public ExploreSymbol? Explore(string name) => Explores.FirstOrDefault(e => e.Name == name);

    public DashboardSymbol? Dashboard(string name) => Dashboards.FirstOrDefault(d => d.Name == name);

    public SourceSymbol? Source(string name) => Sources.FirstOrDefault(s => s.Name == name);
}
