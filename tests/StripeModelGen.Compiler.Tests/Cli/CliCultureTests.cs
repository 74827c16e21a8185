using System.Globalization;

namespace StripeModelGen.Compiler.Tests.Cli;

/// <summary>The CLI's output does not depend on the current culture of the machine it runs on.</summary>
public sealed class CliCultureTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in new[] { "tr-TR", "de-DE" })
        {
            foreach (var format in new[] { "text", "json", "github" })
                data.Add(culture, format);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_is_the_same_under_any_culture(string cultureName, string format)
    {
        // 1,200 lines so positions run past a thousand, where group separators would show.
        var view = string.Concat(Enumerable.Repeat("# padding\n", 1200)) + TempProject.BrokenView;
        using var project = TempProject.Create(("views/charges.view.yml", view), ("views/empty.view.yml", ""));
        string[] args = ["validate", "--project", TempProject.ProjectName, "--format", format];
        var culture = CliHarness.Culture(cultureName);
        Assert.NotEqual("1.5", 1.5.ToString(culture)); // the culture really formats numbers differently

        var invariant = CliHarness.WithCulture(CultureInfo.InvariantCulture, () => CliHarness.Run(project.Root, args));
        var localized = CliHarness.WithCulture(culture, () => CliHarness.Run(project.Root, args));

        Assert.Equal(invariant, localized);
        Assert.Contains("1203", localized.Error, StringComparison.Ordinal);
        Assert.Equal("2 errors, 1 warning in 3 files\n", localized.Out);
    }

    [Fact]
    public void Usage_errors_are_in_English_under_any_culture()
    {
        var run = CliHarness.WithCulture(CliHarness.Culture("de-DE"), () => CliHarness.Run(Path.GetTempPath(), "validate", "--bogus"));

        Assert.Contains("error: Unrecognized command or argument '--bogus'.", run.ErrorLines);
    }
}
