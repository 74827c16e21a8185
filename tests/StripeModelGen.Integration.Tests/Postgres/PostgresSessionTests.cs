using StripeModelGen.Execution.Postgres;
using StripeModelGen.Execution.Running;

namespace StripeModelGen.Integration.Tests.Postgres;

/// <summary><see cref="PostgresSession"/>: text parameters typed by the server, connection strings checked, failures as clean exceptions.</summary>
public sealed class PostgresSessionTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Text_parameters_take_the_type_their_use_needs()
    {
        var database = await fixture.GetDatabaseAsync();
        var customer = database.Dataset.Customers[0].Id;
        await using var session = await PostgresSession.OpenAsync(database.ConnectionString, TestContext.Current.CancellationToken);

        var result = await session.QueryAsync(
            "SELECT count(*) FILTER (WHERE created >= @from AND created < @until), count(*) FILTER (WHERE customer_id = @customer), @customer AS echoed FROM stripe.charges",
            new Dictionary<string, string?> { ["from"] = "2025-01-01", ["until"] = "2025-02-01 00:00:00", ["customer"] = customer },
            TestContext.Current.CancellationToken);

        var january = database.Dataset.Charges.Count(c => c.Created >= new DateTime(2025, 1, 1) && c.Created < new DateTime(2025, 2, 1));
        Assert.Equal(new object?[] { (long)january, (long)database.Dataset.Charges.Count(c => c.CustomerId == customer), customer }, result.Rows[0]);
    }

    [Fact]
    public async Task A_statement_error_keeps_the_session_usable()
    {
        var database = await fixture.GetDatabaseAsync();
        await using var session = await PostgresSession.OpenAsync(database.ConnectionString, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SqlExecutionException>(() => session.QueryAsync("SELECT nope FROM stripe.charges", null, TestContext.Current.CancellationToken));
        Assert.Equal("42703", error.SqlState);
        Assert.False(error.IsConnectionFailure);
        Assert.Equal(1L, (await session.QueryAsync("SELECT 1", null, TestContext.Current.CancellationToken)).Rows[0][0]);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_connection_failure()
    {
        var error = await Assert.ThrowsAsync<SqlExecutionException>(() => PostgresSession.OpenAsync("Host=127.0.0.1;Port=1;Username=nobody;Timeout=3", TestContext.Current.CancellationToken));

        Assert.True(error.IsConnectionFailure);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("Host=localhost;Username=me;Database=stripe", null)]
    [InlineData("", "the connection string is empty")]
    [InlineData("Hots=localhost", "Couldn't set hots")]
    [InlineData("Host=localhost;Port=abc", "Couldn't set port")]
    [InlineData("nonsense", "Format of the initialization string does not conform to specification starting at index 0.")]
    public void Connection_strings_are_checked_without_connecting(string connectionString, string? problem)
    {
        Assert.Equal(problem, PostgresSession.CheckConnectionString(connectionString));
    }
}
