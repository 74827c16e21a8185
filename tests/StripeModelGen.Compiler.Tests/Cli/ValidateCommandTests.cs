using System.Text.Json;
using System.Text.RegularExpressions;
using StripeModelGen.Cli;

namespace StripeModelGen.Compiler.Tests.Cli;

public sealed partial class ValidateCommandTests
{
    [GeneratedRegex(@"^(?<path>[^:\s]+):(?<line>\d+):(?<col>\d+): (?<severity>error|warning) (?<id>SMG\d{4}): (?<message>.+)$")]
    private static partial Regex TextLine();

    [GeneratedRegex(@"^::(?<command>error|warning) file=(?<file>[^,]+),line=(?<line>\d+),col=(?<col>\d+),endLine=\d+,endColumn=\d+,title=(?<id>SMG\d{4})::(?<message>.+)$")]
    private static partial Regex GithubLine();

    [Fact]
    public void A_project_without_problems_exits_0_with_a_summary_and_no_diagnostics()
    {
        using var project = TempProject.Create();

        var run = CliHarness.Run(project.Root, "validate", "--project", TempProject.ProjectName);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("0 errors, 0 warnings in 1 file\n", run.Out);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void The_project_defaults_to_the_current_directory()
    {
        using var project = TempProject.Create();

        var run = CliHarness.Run(project.ProjectDirectory, "validate");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("0 errors, 0 warnings in 1 file\n", run.Out);
    }

    [Fact]
    public void Warnings_alone_exit_0_and_are_counted_in_the_singular()
    {
        using var project = TempProject.Create(("views/empty.view.yml", "   \n"));

        var run = CliHarness.Run(project.Root, "validate", "--project", TempProject.ProjectName);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("0 errors, 1 warning in 2 files\n", run.Out);
        var line = Assert.Single(run.ErrorLines);
        Assert.Equal("views/empty.view.yml:1:1: warning SMG0006: File is empty", line);
    }

    [Fact]
    public void Errors_exit_1_and_print_text_lines_relative_to_the_project()
    {
        using var project = TempProject.WithView(TempProject.BrokenView);

        var run = CliHarness.Run(project.Root, "validate", "--project", TempProject.ProjectName);

        Assert.True(run.ExitCode == ExitCodes.ModelErrors, run.ToString());
        Assert.Equal("2 errors, 0 warnings in 2 files\n", run.Out);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.All(run.ErrorLines, line => Assert.Matches(TextLine(), line));
        Assert.Equal(
            [
                "views/charges.view.yml:3:5: error SMG1013: Unknown key `nmae` in view `charges`; did you mean `name`?",
                "views/charges.view.yml:4:5: error SMG1003: Duplicate key `name`; the first one is at line 2",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void A_single_error_is_counted_in_the_singular()
    {
        using var project = TempProject.WithView("views:\n  - name: charges\n    nmae: x\n");

        var run = CliHarness.Run(project.Root, "validate", "--project", TempProject.ProjectName);

        Assert.True(run.ExitCode == ExitCodes.ModelErrors, run.ToString());
        Assert.Equal("1 error, 0 warnings in 2 files\n", run.Out);
    }

    [Fact]
    public void A_directory_without_project_file_is_a_model_error()
    {
        using var project = TempProject.Create();
        File.Delete(Path.Combine(project.ProjectDirectory, "project.yml"));

        var run = CliHarness.Run(project.Root, "validate", "--project", TempProject.ProjectName);

        Assert.True(run.ExitCode == ExitCodes.ModelErrors, run.ToString());
        Assert.Contains("SMG0001", run.Error, StringComparison.Ordinal);
        Assert.Equal("1 error, 0 warnings in 0 files\n", run.Out);
    }

    [Fact]
    public void Github_format_prints_workflow_commands_with_paths_relative_to_the_current_directory()
    {
        using var project = TempProject.WithView(TempProject.BrokenView);

        var run = CliHarness.Run(project.Root, "validate", "--project", TempProject.ProjectName, "--format", "github");

        Assert.True(run.ExitCode == ExitCodes.ModelErrors, run.ToString());
        Assert.Equal("2 errors, 0 warnings in 2 files\n", run.Out);
        Assert.Equal(2, run.ErrorLines.Length);
        var first = GithubLine().Match(run.ErrorLines[0]);
        Assert.True(first.Success, run.ErrorLines[0]);
        Assert.Equal("error", first.Groups["command"].Value);
        Assert.Equal("proj/views/charges.view.yml", first.Groups["file"].Value);
        Assert.Equal("3", first.Groups["line"].Value);
        Assert.Equal("5", first.Groups["col"].Value);
        Assert.Equal("SMG1013", first.Groups["id"].Value);
        Assert.Matches(GithubLine(), run.ErrorLines[1]);
    }

    [Fact]
    public void Github_paths_use_forward_slashes_and_climb_out_of_the_current_directory_when_needed()
    {
        using var project = TempProject.WithView(TempProject.BrokenView);
        var elsewhere = Path.Combine(project.Root, "elsewhere", "deeper");
        Directory.CreateDirectory(elsewhere);

        var run = CliHarness.Run(elsewhere, "validate", "--project", Path.Combine("..", "..", TempProject.ProjectName), "--format", "github");

        Assert.True(run.ExitCode == ExitCodes.ModelErrors, run.ToString());
        Assert.StartsWith("::error file=../../proj/views/charges.view.yml,line=3,col=5,", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Github_paths_have_no_prefix_when_the_project_is_the_current_directory()
    {
        using var project = TempProject.WithView(TempProject.BrokenView);

        var run = CliHarness.Run(project.ProjectDirectory, "validate", "--format", "github");

        Assert.StartsWith("::error file=views/charges.view.yml,line=3,col=5,", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Json_format_prints_one_document_with_diagnostics_and_counts()
    {
        using var project = TempProject.WithView(TempProject.BrokenView);

        var run = CliHarness.Run(project.Root, "validate", "--project", TempProject.ProjectName, "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.ModelErrors, run.ToString());
        Assert.Equal("2 errors, 0 warnings in 2 files\n", run.Out);
        using var document = JsonDocument.Parse(run.Error);
        var root = document.RootElement;
        Assert.Equal(2, root.GetProperty("errors").GetInt32());
        Assert.Equal(0, root.GetProperty("warnings").GetInt32());
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal("SMG1013", diagnostics[0].GetProperty("id").GetString());
        Assert.Equal("error", diagnostics[0].GetProperty("severity").GetString());
        Assert.Equal("views/charges.view.yml", diagnostics[0].GetProperty("path").GetString());
        Assert.Equal(3, diagnostics[0].GetProperty("line").GetInt32());
        Assert.Equal(5, diagnostics[0].GetProperty("column").GetInt32());
        Assert.Equal("name", diagnostics[0].GetProperty("suggestion").GetString());
        Assert.Equal("SMG1003", diagnostics[1].GetProperty("id").GetString());
    }

    [Fact]
    public void Json_format_of_a_clean_project_is_an_empty_document()
    {
        using var project = TempProject.Create();

        var run = CliHarness.Run(project.Root, "validate", "--project", TempProject.ProjectName, "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var document = JsonDocument.Parse(run.Error);
        Assert.Empty(document.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(0, document.RootElement.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void Output_is_identical_across_runs()
    {
        using var project = TempProject.WithView(TempProject.BrokenView);
        foreach (var format in new[] { "text", "json", "github" })
        {
            var first = CliHarness.Run(project.Root, "validate", "--project", TempProject.ProjectName, "--format", format);
            var second = CliHarness.Run(project.Root, "validate", "--project", TempProject.ProjectName, "--format", format);
            Assert.Equal(first, second);
            Assert.DoesNotContain("\r", first.Out + first.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Constants_are_passed_without_a_usage_error()
    {
        using var project = TempProject.Create();
        project.Write("project.yml", "name: t\nconstants:\n  - name: a\n    value: '0'\n  - name: b\n    value: x\n");

        var run = CliHarness.Run(project.Root, "validate", "--project", TempProject.ProjectName, "--const", "a=1", "--const", "b=x=y");

        // What the binder makes of the values is its business; the command line must accept them.
        Assert.True(run.ExitCode != ExitCodes.Usage, run.ToString());
        Assert.DoesNotContain("--const", run.Error, StringComparison.Ordinal);
    }
}
