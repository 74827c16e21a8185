using System.Globalization;
using StripeModelGen.Compiler.Filters;
using StripeModelGen.Compiler.Sql;

namespace StripeModelGen.Compiler.Tests.Filters;

/// <summary>The worked examples of Filters/README.md: today is Wednesday 2024-03-13, weeks start on Monday.</summary>
public sealed class DateRangeExampleTests
{
    private static readonly DateOnly Today = new(2024, 3, 13);

    [Theory]
    [InlineData("today", "2024-03-13", "2024-03-14")]
    [InlineData("yesterday", "2024-03-12", "2024-03-13")]
    [InlineData("tomorrow", "2024-03-14", "2024-03-15")]
    [InlineData("7 days", "2024-03-07", "2024-03-14")]
    [InlineData("last 7 days", "2024-03-07", "2024-03-14")]
    [InlineData("2 months", "2024-02-01", "2024-04-01")]
    [InlineData("3 days ago", "2024-03-10", "2024-03-11")]
    [InlineData("3 days ago for 2 days", "2024-03-10", "2024-03-12")]
    [InlineData("this week", "2024-03-11", "2024-03-18")]
    [InlineData("last week", "2024-03-04", "2024-03-11")]
    [InlineData("next week", "2024-03-18", "2024-03-25")]
    [InlineData("2 weeks from now", "2024-03-25", "2024-04-01")]
    [InlineData("before 3 days ago", null, "2024-03-10")]
    [InlineData("this quarter", "2024-01-01", "2024-04-01")]
    [InlineData("last quarter", "2023-10-01", "2024-01-01")]
    [InlineData("last year", "2023-01-01", "2024-01-01")]
    [InlineData("4 weeks ago for 4 weeks", "2024-02-12", "2024-03-11")]
    public void RelativeRanges(string text, string? start, string end)
    {
        var range = ((DateFilter)FilterAssert.ParseClean(text, FilterKind.Date)).Range;
        Assert.Equal(start, Resolve(range.Start));
        Assert.Equal(end, Resolve(range.End));
    }

    [Theory]
    [InlineData(DayOfWeek.Sunday, "2024-03-10", "2024-03-17")]
    [InlineData(DayOfWeek.Wednesday, "2024-03-13", "2024-03-20")]
    [InlineData(DayOfWeek.Thursday, "2024-03-07", "2024-03-14")]
    [InlineData(DayOfWeek.Saturday, "2024-03-09", "2024-03-16")]
    public void ThisWeekFollowsTheWeekStart(DayOfWeek weekStart, string start, string end)
    {
        var range = ((DateFilter)FilterAssert.ParseClean("this week", FilterKind.Date)).Range;
        var context = new FilterLoweringContext(SqlLiteral.Date(Today), weekStart);
        Assert.Equal(start, Format(SqlTestEvaluator.Evaluate(FilterLowerer.LowerBound(range.Start!, context), new Dictionary<string, object?>())));
        Assert.Equal(end, Format(SqlTestEvaluator.Evaluate(FilterLowerer.LowerBound(range.End!, context), new Dictionary<string, object?>())));
    }

    private static string? Resolve(DateBound? bound) => bound switch
    {
        null => null,
        RelativeDate relative => relative.Resolve(Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => bound.ToString(),
    };

    private static string Format(object? value) => ((DateOnly)value!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
