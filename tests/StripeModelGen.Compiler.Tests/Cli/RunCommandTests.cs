using System.Collections.Immutable;
using StripeModelGen.Cli;
using StripeModelGen.Cli.Commands;
using StripeModelGen.Compiler.Emit;
using StripeModelGen.Execution.Running;

namespace StripeModelGen.Compiler.Tests.Cli;

/// <summary>
/// <c>run</c> without a database: what to run, parameters and connection strings are checked first
/// (exit 2, one line, no stack trace), an unreachable server is exit 2, and the three output formats
/// render result tables deterministically. Runs against PostgreSQL are in the integration tests.
/// </summary>
public sealed class RunCommandTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=3";

    private static string Planner => RepositoryRoot.Combine("tests", "StripeModelGen.Snapshots.Tests", "Models", "planner");

    private static CliRun Run(params string[] more) => CliHarness.Run(RepositoryRoot.Path, ["run", "--project", Planner, .. more]);

    [Theory]
    [InlineData(new[] { "--connection", Unreachable }, "error: run needs what to run: --dashboard NAME, --query NAME, or --explore E --fields a,b")]
    [InlineData(new[] { "--connection", Unreachable, "--dashboard", "lookup", "--query", "two_legs" }, "error: --dashboard and --query cannot be combined; give one of --dashboard, --query or --explore")]
    [InlineData(new[] { "--connection", Unreachable, "--query", "two_legs", "--limit", "3" }, "error: --limit belongs to an ad-hoc query (--explore); it cannot be used with --query")]
    [InlineData(new[] { "--connection", Unreachable, "--explore", "charges" }, "error: --explore needs --fields a,b")]
    [InlineData(new[] { "--connection", Unreachable, "--query", "two_legs", "--param", "oops" }, "error: --param 'oops' is not of the form name=value")]
    [InlineData(new[] { "--connection", Unreachable, "--query", "two_legs", "--format", "xml" }, "error: --format 'xml' is not one of: table, csv, json")]
    [InlineData(new[] { "--connection", "Hots=localhost", "--query", "two_legs" }, "error: --connection is not a valid PostgreSQL connection string: Couldn't set hots")]
    [InlineData(new[] { "--connection", Unreachable, "--query", "two_leg" }, "error: the project has no saved query 'two_leg'; did you mean 'two_legs'?")]
    [InlineData(new[] { "--connection", Unreachable, "--dashboard", "lookp" }, "error: the project has no dashboard 'lookp'; did you mean 'lookup'?")]
    public void Unusable_input_is_one_line_and_exit_code_2(string[] args, string message)
    {
        var run = Run(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(message, run.ErrorLines[0]);
        Assert.Empty(run.Out);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_parameter_is_named_before_connecting()
    {
        var run = Run("--connection", Unreachable, "--dashboard", "lookup");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(["error: dashboard lookup needs --param customer=VALUE (it takes customer)"], run.ErrorLines);
    }

    [Fact]
    public void An_unknown_parameter_is_refused()
    {
        var run = Run("--connection", Unreachable, "--query", "two_legs", "--param", "customer=cus_1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("error: --param customer: query two_legs has no parameter customer (it takes none)", run.ErrorLines.Last());
    }

    [Fact]
    public void An_unreachable_database_is_exit_code_2_with_one_line()
    {
        var run = Run("--connection", Unreachable, "--query", "two_legs");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.ErrorLines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith("error: cannot connect to PostgreSQL: ", line, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Only_the_warnings_of_what_runs_are_shown()
    {
        var run = Run("--connection", Unreachable, "--query", "money_summed_across_currencies");

        Assert.Equal(ExitCodes.Usage, run.ExitCode); // the connection fails after compiling
        Assert.Matches("^queries\\.yml:\\d+:\\d+: warning SMG3001: `charges\\.gross` combines amounts in different currencies", run.ErrorLines[0]);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.Single(Run("--connection", Unreachable, "--query", "measure_alone").ErrorLines);
    }

    [Fact]
    public void Model_errors_are_diagnostics_and_exit_code_1()
    {
        using var project = TempProject.WithView(TempProject.BrokenView);

        var run = CliHarness.Run(project.Root, "run", "--project", TempProject.ProjectName, "--connection", Unreachable, "--query", "q");

        Assert.Equal(ExitCodes.ModelErrors, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("error SMG1013", StringComparison.Ordinal));
    }

    [Fact]
    public void The_command_is_listed_in_the_help()
    {
        var run = CliHarness.Run(RepositoryRoot.Path, "--help");

        Assert.Contains(run.OutLines, l => l.TrimStart().StartsWith("run ", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.TrimStart().StartsWith("sample-data ", StringComparison.Ordinal));
    }

    private static RunResult Result(string name, string? title, ResultTable table, params (string Name, string Type)[] columns) =>
        new(name, title, [.. columns.Select(c => new ArtifactColumn(c.Name, c.Type))], table, null);

    private static readonly ResultTable Sample = new(
        [new ResultColumn("charges.currency", "varchar"), new ResultColumn("charges.gross", "numeric"), new ResultColumn("charges.count", "bigint"), new ResultColumn("charges.note", "text")],
        [
            ["usd", 161943.5600000000m, 1269L, "plain"],
            ["jpy", 5996143m, 378L, "with, comma"],
            ["kwd", 22149.33m, 227L, "say \"hi\""],
            [null, 0.5m, 0L, null],
        ]);

    private static readonly (string, string)[] SampleColumns = [("charges.currency", "string"), ("charges.gross", "money"), ("charges.count", "number"), ("charges.note", "string")];

    [Fact]
    public void Table_output_is_aligned_like_psql()
    {
        var text = RunOutput.Table([Result("query", null, Sample, SampleColumns)], titled: false);

        Assert.Equal(
            " charges.currency | charges.gross | charges.count | charges.note\n"
            + "------------------+---------------+---------------+--------------\n"
            + " usd              |     161943.56 |          1269 | plain\n"
            + " jpy              |       5996143 |           378 | with, comma\n"
            + " kwd              |     22149.330 |           227 | say \"hi\"\n"
            + "                  |          0.50 |             0 |\n"
            + "(4 rows)\n",
            text);
    }

    [Fact]
    public void Csv_output_follows_RFC_4180()
    {
        var text = RunOutput.Csv([Result("query", null, Sample, SampleColumns)], titled: false);

        Assert.Equal(
            "charges.currency,charges.gross,charges.count,charges.note\r\n"
            + "usd,161943.56,1269,plain\r\n"
            + "jpy,5996143,378,\"with, comma\"\r\n"
            + "kwd,22149.330,227,\"say \"\"hi\"\"\"\r\n"
            + ",0.50,0,\r\n",
            text);
    }

    [Fact]
    public void Json_output_is_an_array_of_objects_and_a_dashboard_an_object_of_tiles()
    {
        var one = new ResultTable([new ResultColumn("a", "numeric"), new ResultColumn("t", "timestamp"), new ResultColumn("b", "boolean")],
            [[0.7500m, new DateTime(2026, 6, 30, 12, 0, 5, DateTimeKind.Utc), true]]);

        Assert.Equal("[\n  {\n    \"a\": 0.75,\n    \"t\": \"2026-06-30T12:00:05Z\",\n    \"b\": true\n  }\n]\n",
            RunOutput.Json([Result("q", null, one)], null, null));
        var dashboard = RunOutput.Json([Result("gross", "Gross charges", one), new RunResult("broken", "Broken", [], null, "42703: column \"x\" does not exist")], "exec", "Executive");
        Assert.Contains("\"dashboard\": \"exec\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("\"title\": \"Gross charges\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("\"error\": \"42703: column \\\"x\\\" does not exist\"", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dashboard_prints_each_tiles_title_before_its_table()
    {
        var table = new ResultTable([new ResultColumn("n", "bigint")], [[1L]]);

        var text = RunOutput.Table([Result("a", "First tile", table), new RunResult("b", "Second tile", [], null, "boom")], titled: true);

        Assert.Equal("First tile\n n\n---\n 1\n(1 row)\n\nSecond tile\n(failed: boom)\n", text);
    }

    [Theory]
    [InlineData("12.5000", 2, "12.50")]
    [InlineData("12.5000", 0, "12.5")]
    [InlineData("1200.00", 0, "1200")]
    [InlineData("1200", 2, "1200.00")]
    [InlineData("9.1", 3, "9.100")]
    [InlineData("-0.123456789", 2, "-0.123456789")]
    [InlineData("0", 0, "0")]
    public void Decimals_lose_trailing_zeros_but_keep_the_minimum(string value, int minimum, string expected)
    {
        Assert.Equal(expected, RunOutput.Decimal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), minimum));
    }

    [Fact]
    public void Parameters_split_at_the_first_equals_and_a_later_one_wins()
    {
        var values = RunCommand.ParseParameters(["customer=cus_1", "period=a=b", "customer=cus_2"]);

        Assert.Equal(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("customer", "cus_2"), KeyValuePair.Create("period", "a=b")]), values);
    }
}
