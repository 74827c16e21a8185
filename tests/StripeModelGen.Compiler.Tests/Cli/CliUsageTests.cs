using StripeModelGen.Cli;

namespace StripeModelGen.Compiler.Tests.Cli;

public sealed class CliUsageTests
{
    private static readonly string Nowhere = Path.GetTempPath();

    [Fact]
    public void An_unknown_option_is_bad_usage_with_a_hint()
    {
        var run = CliHarness.Run(Nowhere, "validate", "--projct", "x");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("error: Unrecognized command or argument '--projct'.", run.ErrorLines);
        Assert.Contains("'--projct' is not known; did you mean '--project'?", run.ErrorLines);
        Assert.Equal("Run 'stripe-modelgen validate --help' for usage.", run.ErrorLines[^1]);
    }

    [Fact]
    public void An_unknown_command_is_bad_usage()
    {
        var run = CliHarness.Run(Nowhere, "valdate");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("'valdate' is not known; did you mean 'validate'?", run.ErrorLines);
        Assert.Equal("Run 'stripe-modelgen --help' for usage.", run.ErrorLines[^1]);
    }

    [Fact]
    public void No_command_is_bad_usage()
    {
        var run = CliHarness.Run(Nowhere);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Equal("Run 'stripe-modelgen --help' for usage.", run.ErrorLines[^1]);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("TEXT")]
    [InlineData("")]
    public void A_bad_format_is_bad_usage(string format)
    {
        var run = CliHarness.Run(Nowhere, "validate", "--format", format);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.StartsWith("error: ", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void A_format_without_value_is_bad_usage()
    {
        var run = CliHarness.Run(Nowhere, "validate", "--format");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
    }

    [Theory]
    [InlineData("fx_conversion")]
    [InlineData("=value")]
    [InlineData(" =value")]
    public void A_malformed_const_is_bad_usage(string constant)
    {
        using var project = TempProject.Create();

        var run = CliHarness.Run(project.Root, "validate", "--project", TempProject.ProjectName, "--const", constant);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Equal($"error: --const '{constant}' is not of the form name=value", run.ErrorLines[0]);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void A_missing_project_directory_is_bad_usage()
    {
        using var project = TempProject.Create();

        var run = CliHarness.Run(project.Root, "validate", "--project", "no-such-dir");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Equal("error: project directory 'no-such-dir' does not exist\n", run.Error);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void A_project_path_naming_a_file_is_bad_usage()
    {
        using var project = TempProject.Create();

        var run = CliHarness.Run(project.ProjectDirectory, "validate", "--project", "project.yml");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Equal("error: project directory 'project.yml' is a file, not a directory\n", run.Error);
    }

    [Fact]
    public void A_positional_argument_is_bad_usage()
    {
        using var project = TempProject.Create();

        var run = CliHarness.Run(project.Root, "validate", TempProject.ProjectName);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("error: Unrecognized command or argument 'proj'.", run.ErrorLines);
    }

    [Fact]
    public void Help_lists_the_validate_command_and_exits_0()
    {
        var run = CliHarness.Run(Nowhere, "--help");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("stripe-modelgen", run.Out, StringComparison.Ordinal);
        Assert.Contains("validate", run.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Validate_help_lists_its_options()
    {
        var run = CliHarness.Run(Nowhere, "validate", "--help");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        foreach (var option in new[] { "--project", "--source", "--format", "--const", "stripe-modelgen validate" })
            Assert.Contains(option, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        var run = CliHarness.Run(Nowhere, "--version");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(CliApplication.Version + "\n", run.Out);
        Assert.Matches(@"^\d+\.\d+\.\d+", CliApplication.Version);
        Assert.DoesNotContain("+", CliApplication.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_overload_runs_the_same_application()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CliApplication.Run(["--version"], stdout, stderr);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(CliApplication.Version + "\n", stdout.ToString());
    }
}
