using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Tests.Binding;

public sealed class BinderTests
{
    private const string Model = """
        sources:
          - name: sigma
            schema: stripe
            tables: [{ name: charges }, { name: customers }, { name: refunds, table: charge_refunds }]
        views:
          - name: charges
            table: charges
            dimensions:
              - { name: id, primary_key: true }
              - { name: customer_id }
              - { name: currency }
              - { name: amount, type: money }
              - { name: created, type: time, timeframes: [raw, date, month] }
              - { name: is_large, type: yesno, sql: "${amount} > 100000" }
              - { name: settled, type: duration, sql_start: "${created}", sql_end: "CURRENT_TIMESTAMP()", intervals: [day, hour] }
            measures:
              - { name: count, type: count }
              - { name: gross, type: sum, sql: "${amount}", filters: [{ field: status, value: succeeded }] }
              - { name: average_charge, type: number, sql: "${gross} / NULLIF(${count}, 0)" }
          - name: customers
            table: customers
            dimensions:
              - { name: id, primary_key: true }
              - { name: email }
          - name: refunds
            table: refunds
            dimensions:
              - { name: id, primary_key: true }
              - { name: charge_id }
        explores:
          - name: charges
            joins:
              - { view: customers, sql_on: "${charges.customer_id} = ${customers.id}" }
              - { view: refunds, sql_on: "${refunds.charge_id} = ${charges.id}", relationship: one_to_many }
        queries:
          - name: by_month
            explore: charges
            fields: [charges.created_month, customers.email, charges.gross]
            sorts: ["charges.gross desc"]
            limit: 10
        """;

    private static BoundModel Bind(string model = Model)
    {
        var result = ModelBuilder.Load(model.Replace("status", "currency", StringComparison.Ordinal));
        Assert.True(result.Model is not null, ModelBuilder.Describe(result));
        Assert.Empty(result.Diagnostics);
        return result.Model!;
    }

    [Fact]
    public void Dimensions_get_types_timeframes_and_defaults()
    {
        var charges = Bind().View("charges")!;
        Assert.Equal("id", charges.PrimaryKey!.Name);
        var created = Assert.IsType<DimensionSymbol>(charges.Find("created"));
        Assert.Equal([Timeframe.Raw, Timeframe.Date, Timeframe.Month], created.Timeframes);
        var id = Assert.IsType<DimensionSymbol>(charges.Find("id"));
        var column = Assert.IsType<BoundColumn>(id.Expression);
        Assert.Equal("id", column.Column);
        var settled = Assert.IsType<DimensionSymbol>(charges.Find("settled"));
        Assert.Equal([DurationInterval.Day, DurationInterval.Hour], settled.Intervals);
        Assert.Equal(ScalarType.Timestamp, settled.Start!.Type);
    }

    [Fact]
    public void Money_dimension_defaults_its_currency_to_the_views_currency_field()
    {
        var amount = Assert.IsType<DimensionSymbol>(Bind().View("charges")!.Find("amount"));
        var currency = Assert.IsType<BoundFieldExpression>(amount.Currency);
        Assert.Equal("currency", currency.Reference.Field.Name);
    }

    [Fact]
    public void A_sum_over_money_carries_its_currency_and_a_number_measure_references_measures()
    {
        var charges = Bind().View("charges")!;
        var gross = Assert.IsType<MeasureSymbol>(charges.Find("gross"));
        Assert.NotNull(gross.Currency);
        var filter = Assert.Single(gross.Filters);
        Assert.Equal("currency", filter.Field.Name);
        var average = Assert.IsType<MeasureSymbol>(charges.Find("average_charge"));
        var division = Assert.IsType<BoundBinary>(average.Expression);
        Assert.Equal(BinaryOperator.Divide, division.Operator);
        Assert.IsType<BoundFieldExpression>(division.Left);
        Assert.IsType<BoundFunctionCall>(division.Right);
    }

    [Fact]
    public void Joins_know_the_aliases_they_hang_from()
    {
        var explore = Bind().Explore("charges")!;
        Assert.Equal(["customers", "refunds"], explore.Joins.Select(j => j.Name));
        Assert.All(explore.Joins, j => Assert.Equal(ImmutableArray.Create("charges"), j.DependsOn));
        Assert.Equal(Relationship.OneToMany, explore.Join("refunds")!.Relationship);
        Assert.Equal(JoinType.LeftOuter, explore.Join("refunds")!.Type);
    }

    [Fact]
    public void Saved_queries_resolve_timeframes_and_sorts()
    {
        var query = Assert.Single(Bind().Queries).Query;
        Assert.Equal(["charges.created_month", "customers.email", "charges.gross"], query.Fields.Select(f => f.QualifiedName));
        Assert.Equal(ScalarType.Date, query.Fields[0].Type);
        var sort = Assert.Single(query.Sorts);
        Assert.True(sort.Descending);
        Assert.Equal(10, query.Limit);
    }

    [Fact]
    public void Sources_map_logical_tables()
    {
        var sigma = Assert.Single(Bind().Sources);
        Assert.Equal("charge_refunds", sigma.Tables["refunds"].Table);
        Assert.Equal("stripe", sigma.Schema);
    }

    [Fact]
    public void Project_settings_and_constant_overrides_apply()
    {
        const string project = """
            name: billing
            default_dialect: trino
            timezone: Europe/Berlin
            week_start_day: sunday
            constants:
              - { name: fx_conversion, value: exponent_aware, allowed_values: [exponent_aware, stripe_template] }
            """;
        var options = new CompilationOptions(Constants: ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("fx_conversion", "stripe_template")]));
        var result = ModelBuilder.Load("views: []\n", project, options);
        Assert.Empty(result.Diagnostics);
        var settings = result.Model!.Project;
        Assert.Equal("trino", settings.DefaultDialect);
        Assert.Equal("Europe/Berlin", settings.TimeZone);
        Assert.Equal(DayOfWeek.Sunday, settings.WeekStart);
        Assert.Equal("stripe_template", settings.Constants["fx_conversion"].Value);
    }

    [Theory]
    [InlineData("fx_conversoin", "stripe_template", "SMG2020", "fx_conversion")]
    [InlineData("fx_conversion", "stripe_templat", "SMG1015", "stripe_template")]
    public void Bad_constant_overrides_are_reported(string name, string value, string id, string suggestion)
    {
        const string project = "name: t\nconstants:\n  - { name: fx_conversion, value: exponent_aware, allowed_values: [exponent_aware, stripe_template] }\n";
        var options = new CompilationOptions(Constants: ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(name, value)]));
        var diagnostic = Assert.Single(ModelBuilder.Load("views: []\n", project, options).Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Null(diagnostic.Location);
        Assert.Equal(suggestion, diagnostic.Suggestion);
    }

    [Fact]
    public void An_unknown_source_option_is_reported_with_a_suggestion()
    {
        var result = ModelBuilder.Load("sources: [{ name: sigma }]\n", options: new CompilationOptions(Source: "sigm"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SMG2013", diagnostic.Id);
        Assert.Equal("sigma", diagnostic.Suggestion);
    }

    [Fact]
    public void Binding_is_deterministic()
    {
        static string Snapshot(BoundModel model) => string.Join("\n", model.Views.SelectMany(v => v.Fields).Select(f => f.QualifiedName))
            + string.Join("\n", model.Explores.SelectMany(e => e.Joins).Select(j => j.Name + ":" + string.Join(",", j.DependsOn)));
        Assert.Equal(Snapshot(Bind()), Snapshot(Bind()));
    }
}
