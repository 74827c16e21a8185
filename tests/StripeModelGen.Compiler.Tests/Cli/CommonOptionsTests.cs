using StripeModelGen.Cli;

namespace StripeModelGen.Compiler.Tests.Cli;

public sealed class CommonOptionsTests
{
    [Fact]
    public void Constants_split_at_the_first_equals_sign_and_sort_ordinally()
    {
        var constants = CommonOptions.ParseConstants(["fx_conversion=dated", "b=x=y", "a=", "B=upper"]);

        Assert.Equal(["B", "a", "b", "fx_conversion"], constants.Keys);
        Assert.Equal("dated", constants["fx_conversion"]);
        Assert.Equal("x=y", constants["b"]);
        Assert.Equal(string.Empty, constants["a"]);
        Assert.Same(StringComparer.Ordinal, constants.KeyComparer);
    }

    [Fact]
    public void A_later_constant_wins()
    {
        var constants = CommonOptions.ParseConstants(["a=1", "a=2"]);

        Assert.Equal("2", Assert.Single(constants).Value);
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=x")]
    [InlineData("")]
    public void A_pair_without_a_name_is_a_usage_error(string pair)
    {
        var e = Assert.Throws<UsageException>(() => CommonOptions.ParseConstants([pair]));

        Assert.Contains(pair, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_const_options_reach_the_compilation_options()
    {
        using var project = TempProject.Create();
        var environment = new CliEnvironment(TextWriter.Null, TextWriter.Null, project.Root, _ => null);
        var common = new CommonOptions();
        var command = new System.CommandLine.RootCommand();
        common.AddTo(command);

        var parse = command.Parse(["--project", TempProject.ProjectName, "--source", "fivetran", "--const", "a=1", "--const", "b=2"]);
        var selection = common.Read(parse, environment);

        Assert.Empty(parse.Errors);
        Assert.Equal(project.ProjectDirectory, selection.Directory);
        Assert.Equal("fivetran", selection.Options.Source);
        Assert.Equal(["a", "b"], selection.Options.Constants!.Keys);
        Assert.Equal("proj/", selection.PathPrefixFrom(project.Root));
        Assert.Equal(string.Empty, selection.PathPrefixFrom(project.ProjectDirectory));
    }

    [Fact]
    public void Without_const_options_the_constants_are_empty()
    {
        using var project = TempProject.Create();
        var environment = new CliEnvironment(TextWriter.Null, TextWriter.Null, project.ProjectDirectory, _ => null);
        var common = new CommonOptions();
        var command = new System.CommandLine.RootCommand();
        common.AddTo(command);

        var selection = common.Read(command.Parse([]), environment);

        Assert.Equal(project.ProjectDirectory, selection.Directory);
        Assert.Null(selection.Options.Source);
        Assert.Empty(selection.Options.Constants!);
    }
}
