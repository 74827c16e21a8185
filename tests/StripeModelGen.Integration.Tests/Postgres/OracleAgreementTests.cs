using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Running;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Postgres;

/// <summary>
/// Hand-written SQL over the loaded tables equals the same numbers computed in C# from the
/// generated records: the loader and the oracle agree, so compiled SQL can later be checked
/// against the oracle alone.
/// </summary>
public sealed class OracleAgreementTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Gross_refunded_and_net_charges_per_currency()
    {
        var database = await fixture.GetDatabaseAsync();
        var revenue = database.Dataset.Charges.Where(c => c.Status == "succeeded" && c.Captured).ToList();
        var expected = revenue.GroupBy(c => c.Currency)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.Sum(c => c.Amount), g.Sum(c => c.AmountRefunded), g.Sum(c => c.Amount - c.AmountRefunded), (long)g.Count()));

        var actual = await Query(database, """
            SELECT currency, sum(amount)::bigint, sum(amount_refunded)::bigint, sum(amount - amount_refunded)::bigint, count(*)
            FROM stripe.charges
            WHERE status = 'succeeded' AND captured
            GROUP BY currency
            ORDER BY currency COLLATE "C"
            """);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Charge_attempts_per_status_and_failure_code()
    {
        var database = await fixture.GetDatabaseAsync();
        var expected = database.Dataset.Charges
            .GroupBy(c => (c.Status, c.FailureCode))
            .OrderBy(g => g.Key.Status, StringComparer.Ordinal).ThenBy(g => g.Key.FailureCode ?? "", StringComparer.Ordinal)
            .Select(g => Row(g.Key.Status, g.Key.FailureCode, (long)g.Count()));

        var actual = await Query(database, """
            SELECT status, failure_code, count(*)
            FROM stripe.charges
            GROUP BY status, failure_code
            ORDER BY status COLLATE "C", coalesce(failure_code, '') COLLATE "C"
            """);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Amounts_scaled_to_major_units_by_currency_exponent()
    {
        var database = await fixture.GetDatabaseAsync();
        var expected = database.Dataset.Charges.Where(c => c.Status == "succeeded")
            .GroupBy(c => c.Currency)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.Sum(c => Currencies.ToMajorUnits(c.Amount, c.Currency))));

        var actual = await Query(database, """
            SELECT currency,
                   sum(amount)::bigint / CASE WHEN currency IN ('jpy') THEN 1::numeric WHEN currency IN ('kwd') THEN 1000::numeric ELSE 100::numeric END
            FROM stripe.charges
            WHERE status = 'succeeded'
            GROUP BY currency
            ORDER BY currency COLLATE "C"
            """);

        Assert.Equal(expected.Count(), actual.Count);
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal(want[0], got[0]);
            Assert.Equal((decimal)want[1]!, Math.Round((decimal)got[1]!, 3));
        }
    }

    [Fact]
    public async Task Refunds_fan_out_and_sum_to_the_charges_amount_refunded()
    {
        var database = await fixture.GetDatabaseAsync();
        var refunds = database.Dataset.Refunds;
        var expectedFanout = refunds.GroupBy(r => r.ChargeId).Count(g => g.Count() > 1);
        var expectedByStatus = refunds.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, (long)g.Count(), g.Sum(r => r.Amount)));

        var fanout = await Query(database, "SELECT count(*) FROM (SELECT charge_id FROM stripe.refunds GROUP BY charge_id HAVING count(*) > 1) AS many");
        var byStatus = await Query(database, "SELECT status, count(*), sum(amount)::bigint FROM stripe.refunds GROUP BY status ORDER BY status COLLATE \"C\"");
        var mismatches = await Query(database, """
            SELECT count(*)
            FROM stripe.charges AS c
            LEFT JOIN (SELECT charge_id, sum(amount)::bigint AS refunded FROM stripe.refunds WHERE status IN ('succeeded', 'pending') GROUP BY charge_id) AS r
              ON r.charge_id = c.id
            WHERE coalesce(r.refunded, 0) <> c.amount_refunded
            """);

        Assert.True(expectedFanout > 0);
        Assert.Equal([Row((long)expectedFanout)], fanout);
        Assert.Equal(expectedByStatus, byStatus);
        Assert.Equal([Row(0L)], mismatches);
    }

    [Fact]
    public async Task Invoices_per_status_and_open_receivables_per_currency()
    {
        var database = await fixture.GetDatabaseAsync();
        var invoices = database.Dataset.Invoices;
        var expectedStatus = invoices.GroupBy(i => i.Status).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, (long)g.Count(), g.Sum(i => i.AmountDue), g.Sum(i => i.AmountPaid)));
        var expectedOpen = invoices.Where(i => i.Status == "open").GroupBy(i => i.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.Sum(i => i.AmountRemaining), (long)g.Count(i => i.DueDate < database.Dataset.ReferenceTime)));

        var status = await Query(database, "SELECT status, count(*), sum(amount_due)::bigint, sum(amount_paid)::bigint FROM stripe.invoices GROUP BY status ORDER BY status COLLATE \"C\"");
        var open = await Query(database, """
            SELECT currency, sum(amount_remaining)::bigint, count(*) FILTER (WHERE due_date < timestamp '2026-06-30 00:00:00')
            FROM stripe.invoices
            WHERE status = 'open'
            GROUP BY currency
            ORDER BY currency COLLATE "C"
            """);

        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedOpen, open);
    }

    [Fact]
    public async Task Invoice_lines_add_up_to_the_subtotal()
    {
        var database = await fixture.GetDatabaseAsync();

        var mismatches = await Query(database, """
            SELECT count(*)
            FROM stripe.invoices AS i
            JOIN (SELECT invoice_id, sum(amount)::bigint AS amount FROM stripe.invoice_line_items GROUP BY invoice_id) AS l ON l.invoice_id = i.id
            WHERE l.amount <> i.subtotal
            """);
        var prorations = await Query(database, "SELECT count(*), sum(amount)::bigint FROM stripe.invoice_line_items WHERE proration");

        Assert.Equal([Row(0L)], mismatches);
        var expected = database.Dataset.InvoiceLineItems.Where(l => l.Proration).ToList();
        Assert.Equal([Row((long)expected.Count, expected.Sum(l => l.Amount))], prorations);
    }

    [Fact]
    public async Task Customers_per_billing_currency_and_delinquency()
    {
        var database = await fixture.GetDatabaseAsync();
        var expected = database.Dataset.Customers
            .GroupBy(c => c.Currency)
            .OrderBy(g => g.Key ?? "~", StringComparer.Ordinal)
            .Select(g => Row(g.Key, (long)g.Count(), (long)g.Count(c => c.Delinquent), (long)g.Count(c => c.Email is null), g.Sum(c => c.Balance)));

        var actual = await Query(database, """
            SELECT currency, count(*), count(*) FILTER (WHERE delinquent), count(*) FILTER (WHERE email IS NULL), sum(balance)::bigint
            FROM stripe.customers
            GROUP BY currency
            ORDER BY coalesce(currency, '~') COLLATE "C"
            """);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Subscriptions_per_status_and_active_subscribers()
    {
        var database = await fixture.GetDatabaseAsync();
        var subscriptions = database.Dataset.Subscriptions;
        var expected = subscriptions.GroupBy(s => s.Status).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, (long)g.Count()));
        var expectedSubscribers = subscriptions.Where(s => s.Status is "active" or "past_due").Select(s => s.CustomerId).Distinct().LongCount();

        var actual = await Query(database, "SELECT status, count(*) FROM stripe.subscriptions GROUP BY status ORDER BY status COLLATE \"C\"");
        var subscribers = await Query(database, "SELECT count(DISTINCT customer_id) FROM stripe.subscriptions WHERE status IN ('active', 'past_due')");

        Assert.Equal(expected, actual);
        Assert.Equal([Row(expectedSubscribers)], subscribers);
    }

    [Fact]
    public async Task Succeeded_charges_per_month_round_trip_timestamps()
    {
        var database = await fixture.GetDatabaseAsync();
        var expected = database.Dataset.Charges.Where(c => c.Status == "succeeded")
            .GroupBy(c => new DateTime(c.Created.Year, c.Created.Month, 1, 0, 0, 0, DateTimeKind.Utc))
            .OrderBy(g => g.Key)
            .Select(g => Row(g.Key, (long)g.Count()));

        var actual = await Query(database, """
            SELECT date_trunc('month', created), count(*)
            FROM stripe.charges
            WHERE status = 'succeeded'
            GROUP BY 1
            ORDER BY 1
            """);

        Assert.Equal(expected, actual);
    }

    private static object?[] Row(params object?[] values) => values;

    private static async Task<List<object?[]>> Query(PostgresDatabase database, string sql)
    {
        var result = await Db.QueryAsync(database.ConnectionString, sql);
        return [.. result.Rows.Select(r => r.ToArray())];
    }
}
