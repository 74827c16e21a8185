using StripeModelGen.Cli;

namespace StripeModelGen.Compiler.Tests.Cli;

public sealed class CliGuardTests
{
    private static string Guarded(Func<int> body, bool debug, out int code)
    {
        using var stderr = new StringWriter();
        code = CliApplication.Guard(body, stderr, debug);
        return stderr.ToString();
    }

    [Fact]
    public void An_unexpected_exception_exits_3_with_one_line_and_no_stack_trace()
    {
        var error = Guarded(() => throw new InvalidOperationException("the plan has no root\nsecond line"), debug: false, out var code);

        Assert.Equal(ExitCodes.InternalError, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            "stripe-modelgen: internal error (InvalidOperationException: the plan has no root second line). " +
            "This is a bug; please report it with the command you ran at https://github.com/stripe-modelgen/stripe-modelgen/issues",
            line);
        Assert.DoesNotContain(" at ", error.Replace("ran at https", "ran-at https", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Debug_mode_adds_the_full_exception()
    {
        var error = Guarded(() => throw new InvalidOperationException("boom"), debug: true, out var code);

        Assert.Equal(ExitCodes.InternalError, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("stripe-modelgen: internal error (InvalidOperationException: boom).", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.Contains(nameof(CliGuardTests), error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_returns_passes_its_code_through_silently()
    {
        var error = Guarded(() => 1, debug: false, out var code);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Run_turns_an_exception_inside_a_command_into_exit_code_3()
    {
        using var project = TempProject.Create();
        using var stderr = new StringWriter();
        var environment = new CliEnvironment(new ThrowingWriter(), stderr, project.Root, _ => null);

        var code = CliApplication.Run(["validate", "--project", TempProject.ProjectName], environment);

        Assert.Equal(ExitCodes.InternalError, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("stripe-modelgen: internal error (InvalidOperationException: stdout is broken). This is a bug;", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_with_SMG_DEBUG_prints_the_full_exception_after_the_line()
    {
        using var project = TempProject.Create();
        using var stderr = new StringWriter();
        var environment = new CliEnvironment(new ThrowingWriter(), stderr, project.Root, name => name == "SMG_DEBUG" ? "1" : null);

        var code = CliApplication.Run(["validate", "--project", TempProject.ProjectName], environment);

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains(nameof(ThrowingWriter), stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("0", false)]
    [InlineData("1", true)]
    public void SMG_DEBUG_1_turns_on_debug_mode(string? value, bool expected)
    {
        var environment = new CliEnvironment(TextWriter.Null, TextWriter.Null, Path.GetTempPath(), name => name == "SMG_DEBUG" ? value : null);

        Assert.Equal(expected, environment.Debug);
    }
}

/// <summary>A stdout that fails on every write, to make a command blow up mid-way.</summary>
internal sealed class ThrowingWriter : TextWriter
{
    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public override void Write(char value) => throw new InvalidOperationException("stdout is broken");

    public override void Write(string? value) => throw new InvalidOperationException("stdout is broken");

    public override void Flush()
    {
    }
}
