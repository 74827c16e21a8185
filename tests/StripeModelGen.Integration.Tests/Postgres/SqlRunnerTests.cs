using StripeModelGen.Execution.Running;
using StripeModelGen.Integration.Tests.Testing;

namespace StripeModelGen.Integration.Tests.Postgres;

public sealed class SqlRunnerTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Values_come_back_as_normalised_clr_types()
    {
        var database = await fixture.GetDatabaseAsync();

        var result = await Db.QueryAsync(database.ConnectionString, """
            SELECT 1::smallint AS small, 2::int AS int, 3::bigint AS big, 12.50::numeric AS exact, 0.25::real AS single,
                   1.5::double precision AS double, true AS flag, 'text' AS word, NULL::varchar AS nothing,
                   timestamp '2026-06-30 12:34:56' AS stamp, timestamptz '2026-06-30 12:34:56+02' AS stamp_tz,
                   date '2026-06-30' AS day, interval '1 day 2 hours' AS span, 1e40::numeric AS huge
            """);

        var row = Assert.Single(result.Rows);
        Assert.Equal(
            ["small", "int", "big", "exact", "single", "double", "flag", "word", "nothing", "stamp", "stamp_tz", "day", "span", "huge"],
            result.Columns.Select(c => c.Name));
        Assert.Equal(new object?[]
        {
            1L, 2L, 3L, 12.50m, 0.25d, 1.5d, true, "text", null,
            new DateTime(2026, 6, 30, 12, 34, 56, DateTimeKind.Utc), new DateTime(2026, 6, 30, 10, 34, 56, DateTimeKind.Utc),
            new DateOnly(2026, 6, 30), new TimeSpan(1, 2, 0, 0), 1e40d,
        }, row);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)row[9]!).Kind);
        Assert.Equal("numeric", result.Columns[3].DataTypeName);
        Assert.Equal(
            "1 | 2 | 3 | 12.50 | 0.25 | 1.5 | true | text | NULL | 2026-06-30 12:34:56 | 2026-06-30 10:34:56 | 2026-06-30 | 1.02:00:00 | 1E+40",
            result.ToText().Split('\n')[2]);
    }

    [Fact]
    public async Task Named_parameters_are_bound()
    {
        var database = await fixture.GetDatabaseAsync();
        var customer = database.Dataset.Customers.First(c => c.Email is not null);

        var result = await Db.QueryAsync(database.ConnectionString,
            "SELECT email FROM stripe.customers WHERE id = @customer",
            new Dictionary<string, object?> { ["customer"] = customer.Id });

        Assert.Equal(customer.Email, Assert.Single(result.Rows)[0]);
    }

    [Fact]
    public async Task A_statement_without_rows_gives_an_empty_table()
    {
        var database = await fixture.GetDatabaseAsync();

        var result = await Db.QueryAsync(database.ConnectionString, "SELECT id FROM stripe.charges WHERE false");

        Assert.Equal(["id"], result.Columns.Select(c => c.Name));
        Assert.Empty(result.Rows);
        Assert.Equal("id\n--\n(0 rows)\n", result.ToText());
    }

    [Fact]
    public async Task A_database_error_becomes_a_clean_exception()
    {
        var database = await fixture.GetDatabaseAsync();

        var error = await Assert.ThrowsAsync<SqlExecutionException>(() =>
            Db.QueryAsync(database.ConnectionString, "SELECT no_such_column FROM stripe.charges"));

        Assert.Equal("42703", error.SqlState);
        Assert.Equal("42703: column \"no_such_column\" does not exist (at character 8)", error.Message);
        Assert.Equal(8, error.Position);
        Assert.False(error.IsConnectionFailure);
    }

    [Fact]
    public async Task A_division_by_zero_at_run_time_is_reported_too()
    {
        var database = await fixture.GetDatabaseAsync();

        var error = await Assert.ThrowsAsync<SqlExecutionException>(() =>
            Db.QueryAsync(database.ConnectionString, "SELECT amount / 0 FROM stripe.charges"));

        Assert.Equal("22012", error.SqlState);
        Assert.StartsWith("22012: division by zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_connection_failure()
    {
        var error = await Assert.ThrowsAsync<SqlExecutionException>(() =>
            Db.QueryAsync("Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=3", "SELECT 1"));

        Assert.True(error.IsConnectionFailure);
        Assert.DoesNotContain('\n', error.Message);
    }
}
