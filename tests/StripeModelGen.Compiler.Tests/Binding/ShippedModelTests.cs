using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Tests.Testing;

namespace StripeModelGen.Compiler.Tests.Binding;

/// <summary>
/// The shipped model (<c>models/stripe</c>): it validates and compiles clean, it holds the views, explores,
/// dashboards and saved queries issue 5 lists, and everything a user reads in it is described.
/// </summary>
public sealed class ShippedModelTests
{
    private static readonly string Directory = RepositoryRoot.Combine("models", "stripe");

    private static readonly Lazy<CompilationResult> Result = new(() => Compilation.LoadDirectory(Directory));

    private static BoundModel Model => Result.Value.Model!;

    /// <summary>The Sigma tables of issue 5, each read by the view of the same name.</summary>
    public static TheoryData<string> SigmaViews =>
    [
        "charges", "refunds", "disputes", "balance_transactions", "transfers", "customers", "invoices",
        "invoice_line_items", "invoice_items", "invoice_line_item_discount_amounts", "subscriptions",
        "subscription_items", "prices", "price_tiers", "plans", "products", "coupons", "discounts",
        "promotion_codes", "billing_meters", "billing_meter_event_summaries", "billing_meter_invalid_events",
        "billing_meter_invalid_events_payload", "accounts", "exchange_rates_from_usd", "subscription_item_change_events",
    ];

    public static TheoryData<string> AllViews => [.. Result.Value.Model!.Views.Select(v => v.Name)];

    [Fact]
    public void The_stripe_model_validates_clean()
    {
        Assert.True(Result.Value.Diagnostics.IsEmpty, string.Join("\n", Result.Value.Diagnostics));
        Assert.NotNull(Result.Value.Model);
    }

    [Theory]
    [MemberData(nameof(SigmaViews))]
    public void Every_sigma_table_has_a_view_over_it(string name)
    {
        var view = Model.View(name);
        Assert.NotNull(view);
        Assert.Equal(name, view.Table);
        Assert.NotNull(Model.Source("sigma")!.Tables.GetValueOrDefault(name));
    }

    [Theory]
    [MemberData(nameof(AllViews))]
    public void Every_view_has_a_primary_key_a_label_and_descriptions_on_every_field(string name)
    {
        var view = Model.View(name)!;
        // A stage of a derived chain needs no key; a view over a table, or one an explore joins, does.
        if (view.Derived is null || Model.Explores.Any(e => e.Joins.Any(j => j.View == view || j.DependsOn.Contains(view.Name))))
            Assert.NotNull(view.PrimaryKey);
        Assert.False(string.IsNullOrWhiteSpace(view.Label), $"{name} has no label");
        Assert.False(string.IsNullOrWhiteSpace(view.Description), $"{name} has no description");
        Assert.All(view.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Description), $"{f.QualifiedName} has no description"));
        Assert.All(view.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Label), $"{f.QualifiedName} has no label"));
    }

    [Fact]
    public void Every_view_over_a_table_has_drill_fields()
    {
        Assert.All(Model.Views.Where(v => v.Derived is null), v => Assert.False(v.DrillFields.IsEmpty, $"{v.Name} has no drill_fields"));
    }

    [Fact]
    public void Status_like_fields_declare_their_values()
    {
        foreach (var (view, field) in new[]
        {
            ("charges", "status"), ("refunds", "status"), ("disputes", "status"), ("invoices", "status"), ("subscriptions", "status"),
            ("transfers", "status"), ("balance_transactions", "status"), ("prices", "type"), ("coupons", "duration"),
            ("billing_meters", "status"), ("subscription_item_change_events", "event_type"),
        })
        {
            var dimension = Assert.IsType<DimensionSymbol>(Model.View(view)!.Find(field));
            Assert.False(dimension.AllowedValues.IsEmpty, $"{view}.{field} has no values");
        }
    }

    [Fact]
    public void Money_fields_all_have_a_currency()
    {
        var money = Model.Views.SelectMany(v => v.Dimensions).Where(d => d.Type == DimensionType.Money).ToList();
        Assert.NotEmpty(money);
        Assert.All(money, d => Assert.NotNull(d.Currency));
    }

    [Fact]
    public void Epoch_columns_are_mapped_as_epoch_seconds_and_read_as_times()
    {
        var sigma = Model.Source("sigma")!;
        foreach (var (table, column, view, field) in new[]
        {
            ("subscription_items", "created", "subscription_items", "created"),
            ("discounts", "end", "discounts", "ends_at"),
            ("promotion_codes", "expires_at", "promotion_codes", "expires_at"),
        })
        {
            Assert.Equal(ColumnStorage.EpochSeconds, sigma.Tables[table].Columns[column].Storage);
            Assert.Equal(DimensionType.Time, Assert.IsType<DimensionSymbol>(Model.View(view)!.Find(field)).Type);
        }
    }

    [Fact]
    public void The_three_sources_are_declared_with_sigma_as_default()
    {
        Assert.Equal(["fivetran", "segment", "sigma"], Model.Sources.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal("sigma", Model.Project.DefaultSource);
        Assert.Equal("invoice_lines", Model.Source("segment")!.Tables["invoice_line_items"].Table);
        Assert.Equal("subscription_history", Model.Source("fivetran")!.Tables["subscriptions"].Table);
        Assert.Equal("charge", Model.Source("fivetran")!.Tables["charges"].Table);
        Assert.False(Model.Source("segment")!.Tables.ContainsKey("prices"));
    }

    [Fact]
    public void Explores_cover_charges_customers_invoices_subscriptions_billing_usage_and_payouts()
    {
        var explores = Model.Explores.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["charges", "customers", "invoices", "subscriptions", "billing_usage", "payouts"], StringComparer.Ordinal), explores);
        Assert.All(Model.Explores, e => Assert.False(string.IsNullOrWhiteSpace(e.Description), $"explore {e.Name} has no description"));
        Assert.All(Model.Explores, e => Assert.False(string.IsNullOrWhiteSpace(e.Label), $"explore {e.Name} has no label"));
    }

    [Fact]
    public void Every_view_over_a_table_is_reachable_from_an_explore()
    {
        var reachable = Model.Explores.SelectMany(e => e.Joins.Select(j => j.View).Prepend(e.BaseView)).ToHashSet();
        Assert.All(Model.Views.Where(v => v.Derived is null), v => Assert.Contains(v, reachable));
    }

    [Fact]
    public void Dashboards_of_the_looker_block_and_billing_usage_exist_with_titled_tiles()
    {
        Assert.Equal(
            ["billing_usage", "customer_lookup", "executive_summary", "finance_operations", "invoice_lookup", "mrr"],
            Model.Dashboards.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.All(Model.Dashboards, d => Assert.False(string.IsNullOrWhiteSpace(d.Description), $"dashboard {d.Name} has no description"));
        var syntax = Result.Value.Syntax!;
        Assert.All(syntax.Dashboards, d => Assert.NotNull(d.Title));
        Assert.All(syntax.Dashboards.SelectMany(d => d.Tiles.Select(t => (Dashboard: d.Name.Value, Tile: t))), t =>
        {
            Assert.NotNull(t.Tile.Title);
            Assert.False(string.IsNullOrWhiteSpace(t.Tile.Title!.Value), $"tile {t.Dashboard}.{t.Tile.Name.Value} has no title");
            Assert.NotNull(t.Tile.Chart);
            Assert.NotNull(t.Tile.Layout);
        });
    }

    [Fact]
    public void Lookup_dashboards_take_their_entity_as_a_bind_parameter_and_link_invoices()
    {
        var customer = Model.Dashboard("customer_lookup")!;
        var invoice = Model.Dashboard("invoice_lookup")!;
        Assert.Contains(customer.Filters, f => f.Name == "customer" && f.Default is null && f.Required);
        Assert.Contains(invoice.Filters, f => f.Name == "invoice" && f.Default is null && f.Required);
        Assert.Contains(customer.Tiles.SelectMany(t => t.Links), l => l.Field.QualifiedName == "invoices.id" && l.Dashboard == "invoice_lookup" && l.Filter == "invoice");
        Assert.All(customer.Tiles.Concat(invoice.Tiles), t => Assert.NotEmpty(t.Listen));
    }

    [Fact]
    public void Customer_lookup_finds_the_customer_by_id_or_by_email_in_any_case_on_every_tile()
    {
        var customer = Model.Dashboard("customer_lookup")!;
        var filter = Assert.Single(customer.Filters);
        Assert.Equal(["customers.id", "customers.email"], filter.Fields.Select(f => f.QualifiedName));
        Assert.True(filter.Fields[1].IsCaseInsensitive);
        Assert.False(filter.Fields[0].IsCaseInsensitive);
        Assert.All(customer.Tiles, t =>
        {
            var listen = Assert.Single(t.Listen);
            Assert.Same(filter, listen.Filter);
            Assert.Equal(2, listen.Fields.Length);
            Assert.EndsWith("id", listen.Fields[0].Name, StringComparison.Ordinal);
            Assert.Equal("customers.email", listen.Fields[1].QualifiedName);
        });
    }

    [Fact]
    public void Every_example_of_stripes_billing_data_page_is_a_saved_query_with_a_description()
    {
        var names = Model.Queries.Select(q => q.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(
            [
                "unpaid_subscriptions", "trialing_subscriptions", "active_subscription_products", "subscription_price_tiers",
                "subscription_invoices", "invoice_discounts", "active_billing_meters", "customer_hourly_meter_usage",
                "customer_invalid_meter_events", "invalid_coupons", "promotion_codes_redeemed",
            ],
            StringComparer.Ordinal), names);
        Assert.All(Model.Queries, q => Assert.False(string.IsNullOrWhiteSpace(q.Description), $"query {q.Name} has no description"));
    }

    [Fact]
    public void It_compiles_for_sigma_without_any_warning()
    {
        var result = Compilation.Compile(Model, "postgres");
        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
        Assert.NotNull(result.Project);
    }

    [Theory]
    [InlineData("segment", "prices")]
    [InlineData("fivetran", "billing_meters")]
    public void It_compiles_for_the_other_sources_with_only_unavailability_warnings(string source, string missingTable)
    {
        var loaded = Compilation.LoadDirectory(Directory, new CompilationOptions(source));
        Assert.True(loaded.Diagnostics.IsEmpty, string.Join("\n", loaded.Diagnostics));
        var result = Compilation.Compile(loaded.Model!, "postgres");
        Assert.NotNull(result.Project);
        Assert.All(result.Diagnostics, d => Assert.Contains(d.Id, new[] { "SMG3005", "SMG3006" }));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains($"table `{missingTable}`", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Project.Artifacts, a => a.Sql.Contains($"\"{missingTable}\"", StringComparison.Ordinal));
        Assert.Contains(result.Project.Artifacts, a => a.Kind == "tile");
    }
}
