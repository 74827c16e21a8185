using StripeModelGen.Compiler.Filters;

namespace StripeModelGen.Compiler.Tests.Filters;

/// <summary>Every filter value in the shipped model is parsed by the binder with its field's grammar, and lowers.</summary>
public sealed class ShippedModelFilterTests
{
    [Fact]
    public void EveryShippedFilterValueParsesAndLowers()
    {
        var result = Compilation.LoadDirectory(RepositoryRoot.Combine("models", "stripe"));
        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
        var model = result.Model!;
        var specs = model.Dashboards.SelectMany(d => d.Tiles.Select(t => t.Query)).Concat(model.Queries.Select(q => q.Query)).ToList();
        var filters = model.Views.SelectMany(v => v.Measures).SelectMany(m => m.Filters.Select(f => (f.Field, f.Filter)))
            .Concat(model.Explores.SelectMany(e => e.AlwaysFilter).Select(f => (f.Field, f.Filter)))
            .Concat(specs.SelectMany(s => s.Filters).Select(f => (f.Field, f.Filter)))
            .Concat(model.Dashboards.SelectMany(d => d.Filters).Where(f => f.Default is not null).SelectMany(f => f.Fields.Select(field => (Field: field, Filter: f.Default!))))
            .ToList();
        Assert.NotEmpty(filters);
        foreach (var (field, filter) in filters)
        {
            Assert.False(filter is ErrorFilter, $"{field.QualifiedName}: {FilterPrinter.Print(filter)}");
            FilterLowerer.Lower(filter, FilterAssert.Value, new FilterLoweringContext(FilterAssert.Today), field.IsCaseInsensitive);
        }
    }
}
