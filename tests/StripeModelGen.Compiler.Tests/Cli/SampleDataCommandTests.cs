using StripeModelGen.Cli;

namespace StripeModelGen.Compiler.Tests.Cli;

/// <summary><c>sample-data</c> without a database: bad options and an unreachable server are one line and exit code 2. Loading is in the integration tests.</summary>
public sealed class SampleDataCommandTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=3";

    [Theory]
    [InlineData(new[] { "--connection", Unreachable, "--source", "stitch" }, "error: --source 'stitch' is not one of: sigma, segment, fivetran")]
    [InlineData(new[] { "--connection", Unreachable, "--scale", "0" }, "error: --scale 0 is out of range: 1 to 1000")]
    [InlineData(new[] { "--connection", Unreachable, "--scale", "1001" }, "error: --scale 1001 is out of range: 1 to 1000")]
    [InlineData(new[] { "--connection", Unreachable, "--seed", "x" }, "error: Cannot parse argument 'x' for option '--seed' as expected type 'System.Int32'.")]
    [InlineData(new[] { "--scale", "2" }, "error: Option '--connection' is required.")]
    [InlineData(new[] { "--connection", "nonsense" }, "error: --connection is not a valid PostgreSQL connection string: Format of the initialization string does not conform to specification starting at index 0.")]
    [InlineData(new[] { "--connection", Unreachable, "--schema", " " }, "error: --schema must not be empty")]
    public void Unusable_input_is_one_line_and_exit_code_2(string[] args, string message)
    {
        var run = CliHarness.Run(Path.GetTempPath(), ["sample-data", .. args]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(message, run.ErrorLines[0]);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("sigma")]
    [InlineData("fivetran")]
    public void An_unreachable_database_is_exit_code_2_with_one_line(string source)
    {
        var run = CliHarness.Run(Path.GetTempPath(), "sample-data", "--connection", Unreachable, "--source", source);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: cannot connect to PostgreSQL: ", line, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void The_help_names_the_sources_and_the_defaults()
    {
        var run = CliHarness.Run(Path.GetTempPath(), "sample-data", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(run.OutLines, l => l.Contains("--source <sigma|segment|fivetran>", StringComparison.Ordinal) && l.Contains("[default: sigma]", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.Contains("--seed <N>", StringComparison.Ordinal) && l.Contains("[default: 42]", StringComparison.Ordinal));
    }
}
