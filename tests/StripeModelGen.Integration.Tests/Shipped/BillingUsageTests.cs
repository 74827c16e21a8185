using StripeModelGen.Execution.Datasets;
using StripeModelGen.Integration.Tests.Postgres;
using static StripeModelGen.Integration.Tests.Shipped.ExecutiveSummaryTests;
using static StripeModelGen.Integration.Tests.Shipped.ShippedRows;

namespace StripeModelGen.Integration.Tests.Shipped;

/// <summary>
/// Every tile of the Billing Usage dashboard against the oracle. Its period ("last 30 days") filters
/// billing_meter_event_summaries.start_time_date, and billing_meter_invalid_events.created_date for
/// the invalid-event tiles; today is pinned to each of <see cref="ShippedTests.PinnedDays"/>. Usage values
/// are doubles holding whole numbers, so their sums are exact.
/// </summary>
public sealed class BillingUsageTests(PostgresFixture fixture) : ShippedTests(fixture)
{
    private const string Tiles = "tiles/billing_usage/";

    private List<BillingMeterEventSummaryRow> Usage(string day) => [.. Data.BillingMeterEventSummaries.Where(s => InLast(s.StartTime, ParseDay(day), 30))];

    private List<BillingMeterInvalidEventRow> InvalidEvents(string day) => [.. Data.BillingMeterInvalidEvents.Where(e => InLast(e.Created, ParseDay(day), 30))];

    private string? MeterName(string meterId) => Data.BillingMeters.SingleOrDefault(m => m.Id == meterId)?.DisplayName;

    [Fact]
    public async Task Active_meter_count()
    {
        var expected = new[] { Row((long)Data.BillingMeters.Count(m => m.Status == "ACTIVE")) };
        Assert.NotEqual(0L, expected[0][0]);
        Assert.Contains(Data.BillingMeters, m => m.Status != "ACTIVE");
        await AssertRowsAsync(Tiles + "active_meter_count.sql", expected);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Customers_with_usage_in_the_period(string day)
    {
        var expected = new[] { Row((long)Usage(day).Select(s => s.CustomerId).Distinct().Count()) };
        Assert.True((long)expected[0][0]! > 1);
        await AssertRowsAsync(Tiles + "metered_customer_count.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Meters_with_usage_in_the_period(string day)
    {
        var expected = new[] { Row((long)Usage(day).Select(s => s.MeterId).Distinct().Count()) };
        Assert.True((long)expected[0][0]! > 1);
        await AssertRowsAsync(Tiles + "meters_with_usage_count.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Invalid_meter_events_of_the_period(string day)
    {
        var expected = new[] { Row((long)InvalidEvents(day).Count) };
        Assert.NotEqual(0L, expected[0][0]);
        await AssertRowsAsync(Tiles + "invalid_event_count.sql", expected, On(day));
    }

    [Fact]
    public async Task Active_meters_by_name()
    {
        var expected = Sorted(
            Data.BillingMeters.Where(m => m.Status == "ACTIVE")
                .Select(m => Row(m.Id, m.DisplayName, m.EventName, m.DefaultAggregationFormula, m.Status, Day(m.Created))),
            Asc(1), Asc(0), Asc(2), Asc(3), Asc(4), Asc(5));
        Assert.True(expected.Count >= 2);
        await AssertRowsAsync(Tiles + "active_meters.sql", expected);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Usage_by_day_and_meter(string day)
    {
        var expected = Sorted(
            Usage(day).GroupBy(s => (Day: Day(s.StartTime), Meter: MeterName(s.MeterId)))
                .Select(g => Row(g.Key.Day, g.Key.Meter, (decimal)g.Sum(s => s.AggregatedValue))),
            Asc(0), Asc(1));
        Assert.True(expected.Count > 30);
        await AssertRowsAsync(Tiles + "usage_by_day.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Top_customers_by_usage_per_meter(string day)
    {
        var customers = Data.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var expected = Sorted(
                Usage(day).GroupBy(s => (Meter: MeterName(s.MeterId), Customer: customers.GetValueOrDefault(s.CustomerId)))
                    .Select(g => Row(g.Key.Meter, g.Key.Customer?.Id, g.Key.Customer?.Email, (decimal)g.Sum(s => s.AggregatedValue))),
                Desc(3), Asc(0), Asc(1), Asc(2));
        Assert.True(expected.Count > (day == LastDay ? 20 : 1)); // on the last day the limit drops groups
        expected = [.. expected.Take(20)];
        await AssertRowsAsync(Tiles + "top_customers_by_usage.sql", expected, On(day));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Invalid_meter_events_by_error_most_frequent_first(string day)
    {
        var expected = Sorted(InvalidEvents(day).GroupBy(e => e.ErrorCode).Select(g => Row(g.Key, (long)g.Count())), Desc(1), Asc(0));
        Assert.True(expected.Count >= (day == LastDay ? 2 : 1));
        await AssertRowsAsync(Tiles + "invalid_events_by_error.sql", expected, On(day));
    }
}
