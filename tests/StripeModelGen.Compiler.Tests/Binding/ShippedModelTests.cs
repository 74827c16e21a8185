using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Tests.Testing;

namespace StripeModelGen.Compiler.Tests.Binding;

public sealed class ShippedModelTests
{
    private static readonly Lazy<CompilationResult> Result = new(() => Compilation.LoadDirectory(RepositoryRoot.Combine("models", "stripe")));

    [Fact]
    public void The_stripe_model_validates_clean()
    {
        Assert.True(Result.Value.Diagnostics.IsEmpty, string.Join("\n", Result.Value.Diagnostics));
        Assert.NotNull(Result.Value.Model);
    }

    [Theory]
    [InlineData("charges")]
    [InlineData("customers")]
    [InlineData("invoices")]
    [InlineData("invoice_line_items")]
    [InlineData("refunds")]
    [InlineData("subscriptions")]
    public void Every_starting_view_exists_with_a_primary_key_and_descriptions(string name)
    {
        var view = Result.Value.Model!.View(name);
        Assert.NotNull(view);
        Assert.NotNull(view.PrimaryKey);
        Assert.False(string.IsNullOrWhiteSpace(view.Description));
        Assert.All(view.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Description), $"{f.QualifiedName} has no description"));
    }

    [Fact]
    public void Explores_join_the_starting_views()
    {
        var explores = Result.Value.Model!.Explores.Select(e => e.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["charges", "customers", "invoices", "subscriptions"], explores);
        Assert.All(Result.Value.Model.Explores, e => Assert.NotEmpty(e.Joins));
    }

    [Fact]
    public void Money_fields_all_have_a_currency()
    {
        var money = Result.Value.Model!.Views.SelectMany(v => v.Dimensions).Where(d => d.Type == DimensionType.Money).ToList();
        Assert.NotEmpty(money);
        Assert.All(money, d => Assert.NotNull(d.Currency));
    }
}
