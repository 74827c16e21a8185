using System.Globalization;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Running;
using StripeModelGen.Integration.Tests.Postgres;
using StripeModelGen.Integration.Tests.Testing;
using static StripeModelGen.Integration.Tests.Shipped.ShippedRows;

namespace StripeModelGen.Integration.Tests.Compiled;

/// <summary>
/// More of the planner model's saved queries and its dashboard tile, run on PostgreSQL and compared
/// row for row with values computed in C# from the generated records (the oracle).
/// The planner's conventions the oracle reproduces: rows ordered by the explicit sorts, then by every
/// dimension ascending with NULLs last (text in byte order: the private cluster uses the C locale);
/// money in major units (<see cref="Currencies.ToMajorUnits"/>); the project's time zone is UTC and
/// weeks start on Monday; a sum over no rows is NULL; durations are whole units of elapsed time,
/// truncated toward zero (DATE_DIFF in src/StripeModelGen.Compiler/Dialects/README.md).
/// </summary>
public sealed class PlannerQueryResultsTests(PostgresFixture fixture)
{
    private const string Model = "planner";

    private SampleDataset Data => fixture.Dataset;

    private static decimal Major(long amount, string currency) => Currencies.ToMajorUnits(amount, currency);

    private static bool Succeeded(ChargeRow charge) => charge.Status == "succeeded";

    private static DateOnly Day(DateTime time) => DateOnly.FromDateTime(time);

    private static DateOnly Month(DateTime time) => new(time.Year, time.Month, 1);

    private static DateOnly Week(DateTime time) => Day(time).AddDays(-(((int)time.DayOfWeek + 6) % 7));

    private static DateOnly Quarter(DateTime time) => new(time.Year, ((time.Month - 1) / 3 * 3) + 1, 1);

    private static DateTime Hour(DateTime time) => new(time.Year, time.Month, time.Day, time.Hour, 0, 0, DateTimeKind.Utc);

    /// <summary>The sum, or NULL when there is nothing to add (SQL's SUM over no rows).</summary>
    private static decimal? SumOrNull(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Sum();
    }

    private static decimal? Gross(IEnumerable<ChargeRow> charges) => SumOrNull(charges.Where(Succeeded).Select(c => Major(c.Amount, c.Currency)));

    [Fact]
    public async Task Money_dimensions_are_in_major_units_filtered_and_sorted_in_major_units()
    {
        var expected = Sorted(
                Data.Charges.Where(c => Major(c.Amount, c.Currency) >= 100)
                    .Select(c => Row(c.Id, c.Currency, Major(c.Amount, c.Currency), Major(c.AmountRefunded, c.Currency))),
                Desc(2), Asc(0), Asc(1), Asc(3))
            .Take(20)
            .ToList();

        Assert.Equal(20, expected.Count);
        await AssertRows("queries/money_dimensions.sql", expected);
    }

    /// <summary>
    /// The twenty largest charges pass any lower bound, so the filter shows only without the limit: the
    /// test removes the compiled LIMIT and expects every charge of at least 100 in major units.
    /// </summary>
    [Fact]
    public async Task The_money_filter_compares_major_units()
    {
        var database = await fixture.GetDatabaseAsync();
        var sql = CompiledModels.Artifact(Model, "queries/money_dimensions.sql").Sql;
        const string limit = "\nLIMIT 20;\n";
        Assert.EndsWith(limit, sql, StringComparison.Ordinal);
        var expected = Sorted(
            Data.Charges.Where(c => Major(c.Amount, c.Currency) >= 100)
                .Select(c => Row(c.Id, c.Currency, Major(c.Amount, c.Currency), Major(c.AmountRefunded, c.Currency))),
            Desc(2), Asc(0), Asc(1), Asc(3));
        // Minor units would let other charges through (every charge of at least 1.00 USD).
        Assert.Contains(Data.Charges, c => c.Amount >= 100 && Major(c.Amount, c.Currency) < 100);

        var result = await Db.QueryAsync(database.ConnectionString, sql[..^limit.Length] + ";\n");

        Assert.True(expected.Count > 20);
        Assert.Equal(Texts(expected), Texts(result));
    }

    [Fact]
    public async Task Timeframes_week_quarter_day_of_week_month_number_and_hour_in_utc()
    {
        var expected = Sorted(
            Data.Charges
                .GroupBy(c => (Week: Week(c.Created), Quarter: Quarter(c.Created), DayOfWeek: c.Created.DayOfWeek.ToString(), MonthNumber: (decimal)c.Created.Month, Hour: Hour(c.Created)))
                .Select(g => Row(g.Key.Week, g.Key.Quarter, g.Key.DayOfWeek, g.Key.MonthNumber, g.Key.Hour, (long)g.Count())),
            Asc(0), Asc(1), Asc(2), Asc(3), Asc(4));

        Assert.All(expected, r => Assert.Equal(DayOfWeek.Monday, ((DateOnly)r[0]!).DayOfWeek));
        Assert.Contains(expected, r => (long)r[5]! > 1);
        await AssertRows("queries/timeframes.sql", expected);
    }

    [Fact]
    public async Task Durations_are_whole_days_and_hours_elapsed_from_the_charge_to_each_of_its_refunds()
    {
        var refundsByCharge = Data.Refunds.ToLookup(r => r.ChargeId);
        static decimal Whole(TimeSpan elapsed, int seconds) => Math.Truncate((decimal)elapsed.TotalSeconds / seconds);
        var rows = Data.Charges.SelectMany(c => refundsByCharge[c.Id].Any()
            ? refundsByCharge[c.Id].Select(r => (c.Id, Days: (decimal?)Whole(r.Created - c.Created, 86_400), Hours: (decimal?)Whole(r.Created - c.Created, 3_600)))
            : [(c.Id, Days: null, Hours: null)]);
        var expected = Sorted(rows.Distinct().Select(r => Row(r.Id, r.Days, r.Hours)), Asc(0), Asc(1), Asc(2));

        Assert.Contains(expected, r => r[1] is decimal days && days > 0);
        Assert.Contains(expected, r => r[1] is decimal days && r[2] is decimal hours && hours > days * 24); // not whole days
        Assert.Contains(expected, r => r[1] is null);
        await AssertRows("queries/durations.sql", expected);
    }

    [Fact]
    public async Task Totals_without_dimensions_count_each_view_once()
    {
        var charges = Data.Charges.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var expected = new[] { Row((long)Data.Charges.Count, (long)Data.Refunds.Count(r => charges.Contains(r.ChargeId))) };

        Assert.NotEqual(0L, expected[0][1]);
        await AssertRows("queries/totals_without_dimensions.sql", expected);
    }

    [Fact]
    public async Task Filtered_counts_and_the_success_rate_as_a_decimal_ratio_per_month()
    {
        var expected = Sorted(
                Data.Charges.GroupBy(c => Month(c.Created)).Select(g => Row(
                    g.Key,
                    (long)g.Count(c => c.Status == "failed"),
                    (long)g.Count(Succeeded),
                    Round((decimal)g.Count(Succeeded) / g.Count()))),
                Asc(0))
            .ToList();

        // Integer division would make every rate 0 or 1.
        Assert.Contains(expected, r => (decimal)r[3]! is > 0m and < 1m);
        Assert.Contains(expected, r => (long)r[1]! > 0);
        await AssertRows("queries/filtered_measures.sql", expected, round: true);
    }

    [Fact]
    public async Task A_number_measure_over_two_views_subtracts_per_currency_totals_of_each()
    {
        var chargesById = Data.Charges.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var expected = Sorted(
                Data.Charges.GroupBy(c => c.Currency).Select(g =>
                {
                    var gross = Gross(g);
                    var refunds = SumOrNull(Data.Refunds.Where(r => chargesById[r.ChargeId].Currency == g.Key).Select(r => Major(r.Amount, r.Currency)));
                    return Row(g.Key, gross is { } a && refunds is { } b ? a - b : null);
                }),
                Asc(0))
            .ToList();

        Assert.Contains(expected, r => r[1] is decimal);
        await AssertRows("queries/number_measure_across_views.sql", expected);
    }

    [Fact]
    public async Task A_pivot_is_one_row_per_month_and_currency()
    {
        var expected = Sorted(
            Data.Charges.GroupBy(c => (Month: Month(c.Created), c.Currency)).Select(g => Row(g.Key.Month, g.Key.Currency, Gross(g))),
            Asc(0), Asc(1));

        Assert.Contains(expected, r => r[2] is decimal);
        await AssertRows("queries/pivot.sql", expected);
    }

    [Fact]
    public async Task Dimensions_only_are_the_distinct_combinations()
    {
        var emails = Data.Customers.ToDictionary(c => c.Id, c => c.Email, StringComparer.Ordinal);
        var expected = Sorted(
            Data.Charges.Select(c => (c.Status, Email: c.CustomerId is null ? null : emails[c.CustomerId])).Distinct().Select(p => Row(p.Status, p.Email)),
            Asc(0), Asc(1));

        Assert.Contains(expected, r => r[1] is null);
        await AssertRows("queries/dimensions_only.sql", expected);
    }

    [Fact]
    public async Task The_top_ten_email_and_currency_groups_by_gross_with_nulls_last()
    {
        var emails = Data.Customers.ToDictionary(c => c.Id, c => c.Email, StringComparer.Ordinal);
        var groups = Data.Charges.GroupBy(c => (Email: c.CustomerId is null ? null : emails[c.CustomerId], c.Currency))
            .Select(g => Row(g.Key.Email, g.Key.Currency, Gross(g)))
            .ToList();
        var expected = Sorted(groups, Desc(2), Asc(0), Asc(1)).Take(10).ToList();

        Assert.Equal(10, expected.Count);
        Assert.Contains(groups, r => r[2] is null); // groups without revenue exist, and must not come first
        await AssertRows("queries/top_ten.sql", expected);
    }

    [Fact]
    public async Task Money_summed_across_currencies_adds_major_units_of_every_currency()
    {
        var expected = Sorted(Data.Charges.GroupBy(c => c.Status).Select(g => Row(g.Key, Gross(g))), Asc(0)).ToList();

        Assert.True(Data.Charges.Where(Succeeded).Select(c => c.Currency).Distinct().Count() > 1);
        Assert.Contains(expected, r => r[1] is decimal);
        await AssertRows("queries/money_summed_across_currencies.sql", expected);
    }

    /// <summary>The customer with the most charges in the 30 days before the dataset's end, who also has older charges.</summary>
    private string BusiestRecentCustomer(DateOnly today) => Data.Charges
        .Where(c => c.CustomerId is not null && InLastThirtyDays(c, today))
        .GroupBy(c => c.CustomerId!)
        .Where(g => Data.Charges.Any(c => c.CustomerId == g.Key && !InLastThirtyDays(c, today)))
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .First().Key;

    /// <summary>"last 30 days": from the start of the day 29 days before today to the end of today (UTC).</summary>
    private static bool InLastThirtyDays(ChargeRow charge, DateOnly today) =>
        Day(charge.Created) >= today.AddDays(-29) && Day(charge.Created) <= today;

    private IReadOnlyList<object?[]> LookupRows(string customer, DateOnly today) => Sorted(
        Data.Charges.Where(c => c.CustomerId == customer && InLastThirtyDays(c, today))
            .Select(c => Row(c.Id, Day(c.Created), Major(c.Amount, c.Currency), c.Currency)),
        Asc(0), Asc(1), Asc(2), Asc(3));

    /// <summary>
    /// The tile as compiled, with <c>@customer</c> bound and "last 30 days" relative to the real
    /// current date. The dataset ends on 2026-06-30, so from 2026-07-30 on the expected set is empty
    /// (the window holds no charge); the next test pins the clock so the same filters select rows.
    /// </summary>
    [Fact]
    public async Task The_lookup_tile_returns_the_customer_s_charges_of_the_last_30_days()
    {
        var database = await fixture.GetDatabaseAsync();
        var customer = BusiestRecentCustomer(Day(SampleData.ReferenceTime).AddDays(-1));
        var before = DateOnly.FromDateTime(DateTime.UtcNow);

        var result = await Db.QueryAsync(database.ConnectionString, CompiledModels.Artifact(Model, "tiles/lookup/charges.sql").Sql, new Dictionary<string, object?> { ["customer"] = customer });

        var after = DateOnly.FromDateTime(DateTime.UtcNow);
        var actual = Texts(result);
        // The query ran on one of these dates (they differ only when it ran at midnight UTC).
        var candidates = new[] { before, after }.Distinct().Select(today => Texts(LookupRows(customer, today))).ToList();
        Assert.True(
            candidates.Any(c => c.SequenceEqual(actual)),
            $"today {before:yyyy-MM-dd}, customer {customer}\nexpected:\n{string.Join("\n", candidates[0])}\nactual:\n{string.Join("\n", actual)}");
    }

    /// <summary>
    /// The same tile with its clock pinned to 2026-06-29 12:00 UTC, the last full day of the dataset:
    /// CURRENT_TIMESTAMP cannot be set in PostgreSQL, so the test replaces it in the compiled text with
    /// that instant. The customer filter and both bounds of the date window must hold.
    /// </summary>
    [Fact]
    public async Task The_lookup_tile_with_a_pinned_clock_keeps_only_that_customer_s_charges_inside_the_window()
    {
        var database = await fixture.GetDatabaseAsync();
        var today = new DateOnly(2026, 6, 29);
        var customer = BusiestRecentCustomer(today);
        var sql = CompiledModels.Artifact(Model, "tiles/lookup/charges.sql").Sql;
        const string clock = "CURRENT_TIMESTAMP";
        Assert.Equal(2, sql.Split(clock).Length - 1); // the two bounds of "last 30 days"; anything else needs this test reviewed
        var pinned = sql.Replace(clock, "CAST('2026-06-29 12:00:00+00' AS TIMESTAMPTZ)", StringComparison.Ordinal);
        var expected = LookupRows(customer, today);

        Assert.True(expected.Count >= 2, $"customer {customer} has {expected.Count.ToString(CultureInfo.InvariantCulture)} charges in the window");
        Assert.Contains(Data.Charges, c => c.CustomerId == customer && !InLastThirtyDays(c, today));
        Assert.Contains(Data.Charges, c => c.CustomerId != customer && InLastThirtyDays(c, today));
        var result = await Db.QueryAsync(database.ConnectionString, pinned, new Dictionary<string, object?> { ["customer"] = customer });
        Assert.Equal(Texts(expected), Texts(result));
    }

    [Fact]
    public async Task The_lookup_tile_with_a_pinned_clock_includes_today_and_the_day_29_days_before_but_not_the_day_before_that()
    {
        var database = await fixture.GetDatabaseAsync();
        var sql = CompiledModels.Artifact(Model, "tiles/lookup/charges.sql").Sql;
        // One charge on each edge day: pin "today" to the day of a charge, then to the day 29 and 30 days after it.
        var charge = Data.Charges.Where(c => c.CustomerId is not null).OrderBy(c => c.Created).ThenBy(c => c.Id, StringComparer.Ordinal).Skip(100).First();
        var day = Day(charge.Created);
        foreach (var (today, included) in new[] { (day, true), (day.AddDays(29), true), (day.AddDays(30), false), (day.AddDays(-1), false) })
        {
            var pinned = sql.Replace("CURRENT_TIMESTAMP", $"CAST('{today:yyyy-MM-dd} 23:59:59+00' AS TIMESTAMPTZ)", StringComparison.Ordinal);
            var result = await Db.QueryAsync(database.ConnectionString, pinned, new Dictionary<string, object?> { ["customer"] = charge.CustomerId });
            var ids = result.Rows.Select(r => (string)r[0]!).ToList();
            Assert.True(ids.Contains(charge.Id) == included, $"charge {charge.Id} of {charge.Created:yyyy-MM-dd HH:mm:ss} with today = {today:yyyy-MM-dd}: included {!included}");
            Assert.Equal(Texts(LookupRows(charge.CustomerId!, today)), Texts(result));
        }
    }

    /// <summary>
    /// customers.email has <c>case_sensitive: no</c>: <c>%@EXAMPLE.COM</c> matches the emails stored as typed, in
    /// any case (<c>emma.smith12@example.com</c>, <c>Emma.Smith16@example.com</c>), and <c>-BILLING@Example.com</c>
    /// drops the shared <c>billing@example.com</c>.
    /// </summary>
    [Fact]
    public async Task A_filter_on_a_field_compared_in_any_case_matches_values_typed_in_another_case()
    {
        var emails = Data.Customers.ToDictionary(c => c.Id, c => c.Email, StringComparer.Ordinal);
        static bool Kept(string? email) => email?.ToLowerInvariant() is { } lower
            && lower.EndsWith("@example.com", StringComparison.Ordinal) && lower != "billing@example.com" && !lower.EndsWith("@old-mail.example", StringComparison.Ordinal);
        var expected = Data.Charges
            .Select(c => c.CustomerId is null ? null : emails.GetValueOrDefault(c.CustomerId))
            .Where(Kept)
            .GroupBy(e => e!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new object?[] { g.Key, (long)g.Count() })
            .ToList();
        Assert.Contains(expected, r => (string)r[0]! != ((string)r[0]!).ToLowerInvariant());
        Assert.Contains(expected, r => (string)r[0]! == ((string)r[0]!).ToLowerInvariant());
        Assert.Contains(Data.Customers, c => c.Email == "billing@example.com");
        await AssertRows("queries/emails_in_any_case.sql", expected);
    }

    /// <summary>
    /// A dashboard filter on a customer's id or email (one parameter, used twice) finds the customer by
    /// either, the email in any case; the filter with a default on two fields keeps a charge when either matches.
    /// </summary>
    [Fact]
    public async Task A_filter_on_several_fields_finds_the_customer_by_id_or_by_email_in_any_case()
    {
        var database = await fixture.GetDatabaseAsync();
        var customers = Data.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var customer = Data.Customers
            .Where(c => c.Email is { } email && email != email.ToLowerInvariant() && email.EndsWith("@example.com", StringComparison.Ordinal))
            .OrderByDescending(c => Data.Charges.Count(ch => ch.CustomerId == c.Id))
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .First();
        string? EmailOf(ChargeRow charge) => charge.CustomerId is { } id && customers.TryGetValue(id, out var owner) ? owner.Email?.ToLowerInvariant() : null;
        var artifact = CompiledModels.Artifact(Model, "tiles/lookup_by_email/gross_and_refunds.sql");
        Assert.Equal(["customer_or_email"], artifact.Parameters);

        foreach (var value in new[] { customer.Id, customer.Email!.ToLowerInvariant(), customer.Email.ToUpperInvariant() })
        {
            var charges = Data.Charges
                .Where(c => c.CustomerId == value || EmailOf(c) == value.ToLowerInvariant())
                .Where(c => EmailOf(c)?.EndsWith("@example.com", StringComparison.Ordinal) == true || c.Currency.EndsWith("@Example.com", StringComparison.Ordinal))
                .ToList();
            var expected = charges.GroupBy(c => c.Currency)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new object?[] { g.Key, Gross(g), (long)Data.Refunds.Count(r => g.Any(c => c.Id == r.ChargeId)) })
                .ToList();
            Assert.NotEmpty(expected);
            var result = await Db.QueryAsync(database.ConnectionString, artifact.Sql, new Dictionary<string, object?> { ["customer_or_email"] = value });
            Assert.Equal(Texts(expected), Texts(result));
        }
    }

    private static decimal Round(decimal value) => Math.Round(value, 12, MidpointRounding.AwayFromZero);

    private static string Text(object? value) => value switch
    {
        null => "NULL",
        decimal d => d.ToString("0.############", CultureInfo.InvariantCulture),
        double d => ((decimal)d).ToString("0.############", CultureInfo.InvariantCulture),
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static string Line(IEnumerable<object?> row, bool round = false) =>
        string.Join(" | ", row.Select(v => round && v is decimal d ? Text(Round(d)) : Text(v)));

    private static List<string> Texts(IEnumerable<object?[]> rows) => [.. rows.Select(r => Line(r))];

    private static List<string> Texts(ResultTable table, bool round = false) => [.. table.Rows.Select(r => Line(r, round))];

    private async Task AssertRows(string path, IEnumerable<object?[]> expected, bool round = false)
    {
        var database = await fixture.GetDatabaseAsync();
        var result = await Db.QueryAsync(database.ConnectionString, CompiledModels.Artifact(Model, path).Sql);
        var expectedLines = expected.Select(r => Line(r, round)).ToList();
        Assert.NotEmpty(expectedLines);
        Assert.Equal(CompiledModels.Artifact(Model, path).Columns.Select(c => c.Name), result.Columns.Select(c => c.Name));
        Assert.Equal(expectedLines, Texts(result, round));
    }
}
