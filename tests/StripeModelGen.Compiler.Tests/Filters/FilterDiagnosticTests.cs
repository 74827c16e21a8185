using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Filters;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Filters;

/// <summary>One mistake, one diagnostic, on exactly the characters that caused it.</summary>
public sealed class FilterDiagnosticTests
{
    [Theory]
    [InlineData("a,[|,|]b")]
    [InlineData("[|,|]a")]
    [InlineData("a[|,|]")]
    [InlineData("a, [|,|] b")]
    [InlineData("[|,|]")]
    public void EmptyAlternative(string marked) => FilterAssert.SingleDiagnostic(marked, FilterKind.String, "SMG3101");

    [Theory]
    [InlineData("[|-|]")]
    [InlineData("a,[|-|]")]
    [InlineData("a, [|-|]  ,b")]
    public void NegationWithoutValue(string marked) => FilterAssert.SingleDiagnostic(marked, FilterKind.String, "SMG3102");

    [Theory]
    [InlineData("ab[|^|]")]
    [InlineData("a,b[|^|]")]
    public void DanglingEscape(string marked)
    {
        var diagnostic = FilterAssert.SingleDiagnostic(marked, FilterKind.String, "SMG3103");
        Assert.EndsWith("write `^^` for a literal `^`", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[|{{ _user_attributes['region'] }}|]", FilterKind.String)]
    [InlineData("a,[|{% if x %}|]", FilterKind.String)]
    [InlineData("x[|{user_attribute}|]y", FilterKind.String)]
    [InlineData("[|{{ _user_attributes['limit'] }}|]", FilterKind.Number)]
    [InlineData(">[|{max}|]", FilterKind.Number)]
    [InlineData("after [|{{ start }}|]", FilterKind.Date)]
    [InlineData("[|{{ flag }}|]", FilterKind.YesNo)]
    public void TemplatesAreNotGuessedAt(string marked, FilterKind kind)
    {
        var diagnostic = FilterAssert.SingleDiagnostic(marked, kind, "SMG3104");
        Assert.Contains("user attribute or a Liquid template", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[|FOO%|]", "expected a number, found `FOO%`")]
    [InlineData("5 [|10|]", "expected `,`, `AND`, `OR` or the end of the filter, found `10`")]
    [InlineData(">=[||]", "expected a number after `>=`, found the end of the filter")]
    [InlineData("> [|x|]", "expected a number after `>`, found `x`")]
    [InlineData("[|5.5.5|]", "`5.5.5` is not a number")]
    [InlineData("[|1x|]", "`1x` is not a number")]
    [InlineData("[|99999999999999999999999999999999|]", "`99999999999999999999999999999999` is not a number")]
    [InlineData("[[|1;5|]]", "`1;5` is not a number")]
    [InlineData("[5,10[||]", "expected `]` or `)` to close the interval, found the end of the filter")]
    [InlineData("[5[|]|]", "expected `,` between the bounds of an interval, found `]`")]
    [InlineData("[|(,)|]", "an interval needs at least one bound")]
    [InlineData("5,[|,|]6", "expected a number, found `,`")]
    [InlineData("NOT [|banana|]", "expected a number, found `banana`")]
    [InlineData("to [|AND|]", "expected a number after `to`, found `AND`")]
    [InlineData(">=5 AND[||]", "expected a number, found the end of the filter")]
    [InlineData("[|!|]5", "expected a number, found `!`")]
    [InlineData("[|-|] 5", "expected a number, found `-`")]
    [InlineData("[|yes|]", "expected a number, found `yes`")]
    public void InvalidNumberFilter(string marked, string reason)
    {
        var diagnostic = FilterAssert.SingleDiagnostic(marked, FilterKind.Number, "SMG3110");
        var text = Testing.MarkedText.Parse(marked).Text.Trim();
        Assert.Equal($"`{text}` is not a number filter: {reason}; examples: `5`, `>=10`, `1 to 5`, `[0,100)`, `NOT 3`, `NULL`", diagnostic.Message);
    }

    [Theory]
    [InlineData("[|[10,5]|]")]
    [InlineData("[|10 to 5|]")]
    [InlineData("[|(5,5]|]")]
    [InlineData("1,[|[5,5)|]")]
    public void EmptyNumberRange(string marked) => FilterAssert.SingleDiagnostic(marked, FilterKind.Number, "SMG3111");

    [Theory]
    [InlineData("last [|banana|] days", "expected a number or `day`, `week`, `month`, `quarter` or `year` after `last`, found `banana`")]
    [InlineData("last 7 [|bananas|]", "expected `days`, `weeks`, `months`, `quarters` or `years` after `last 7`, found `bananas`")]
    [InlineData("[|banana|]", "unexpected `banana`")]
    [InlineData("this days [|ago|]", "expected `to`, `for` or the end of the filter, found `ago`")]
    [InlineData("last[||]", "expected a number or `day`, `week`, `month`, `quarter` or `year` after `last`, found the end of the filter")]
    [InlineData("this [|7|] days", "expected `day`, `week`, `month`, `quarter` or `year` after `this`, found `7`")]
    [InlineData("before[||]", "expected a date such as `2024-03-05`, `today`, `last month` or `3 days ago`, found the end of the filter")]
    [InlineData("2024-01-01 to[||]", "expected a date such as `2024-03-05`, `today`, `last month` or `3 days ago`, found the end of the filter")]
    [InlineData("3 days [|to|] 2024", "expected `ago` or `from now` after `3 days`, found `to`")]
    [InlineData("3 days [|from|]", "expected `ago` or `from now` after `3 days`, found `from`")]
    [InlineData("today for 2[||]", "expected `days`, `weeks`, `months`, `quarters` or `years` after `2`, found the end of the filter")]
    [InlineData("today [|foo|]", "expected `to`, `for` or the end of the filter, found `foo`")]
    [InlineData("2024-01-01[|,|] 2024-02-01", "expected `to`, `for` or the end of the filter, found `,`")]
    [InlineData("last 7 days [|ago|]", "expected the end of the filter, found `ago`")]
    [InlineData("not [|5|]", "expected `NULL` after `NOT` (date filters have no other negation)")]
    [InlineData("not[||]", "expected `NULL` after `NOT` (date filters have no other negation)")]
    [InlineData("7[||]", "expected `days`, `weeks`, `months`, `quarters` or `years` after `7`, found the end of the filter")]
    [InlineData("20240101 [|x|]", "expected `days`, `weeks`, `months`, `quarters` or `years` after `20240101`, found `x`")]
    [InlineData("today for [|two|] days", "expected a number of days, weeks, months, quarters or years after `for`, found `two`")]
    [InlineData("NULL [|x|]", "expected the end of the filter, found `x`")]
    [InlineData("[|-5|]", "unexpected `-5`")]
    public void InvalidDateFilter(string marked, string reason)
    {
        var diagnostic = FilterAssert.SingleDiagnostic(marked, FilterKind.Date, "SMG3120");
        var text = Testing.MarkedText.Parse(marked).Text.Trim();
        Assert.Equal($"`{text}` is not a date filter: {reason}; examples: `today`, `7 days`, `last month`, `this year`, `3 days ago`, `2024-03`, `after 2024-01-01`, `2024-01-01 to 2024-04-01`", diagnostic.Message);
    }

    [Theory]
    [InlineData("[|2024-13|]")]
    [InlineData("[|2024-02-30|]")]
    [InlineData("[|2023-02-29|]")]
    [InlineData("[|0000|]")]
    [InlineData("after [|2024-00-10|]")]
    [InlineData("2024-03-05 [|24:00|]")]
    [InlineData("2024-03-05 [|10:60|]")]
    public void InvalidDate(string marked) => FilterAssert.SingleDiagnostic(marked, FilterKind.Date, "SMG3121");

    [Theory]
    [InlineData("this [|fiscal|] year", "fiscal periods are not supported; use calendar months, quarters or years, or explicit dates")]
    [InlineData("[|monday|]", "day-of-week filters are not supported; use a date range")]
    [InlineData("last [|Friday|]", "day-of-week filters are not supported; use a date range")]
    [InlineData("3 [|hours|]", "relative date filters count whole days, weeks, months, quarters or years")]
    [InlineData("last 3 [|minutes|]", "relative date filters count whole days, weeks, months, quarters or years")]
    [InlineData("2 [|hours|] ago", "relative date filters count whole days, weeks, months, quarters or years")]
    [InlineData("[|now|]", "relative date filters count whole days; use `today` or an explicit date and time")]
    [InlineData("before [|now|]", "relative date filters count whole days; use `today` or an explicit date and time")]
    public void UnsupportedDateFilter(string marked, string reason)
    {
        var diagnostic = FilterAssert.SingleDiagnostic(marked, FilterKind.Date, "SMG3122");
        Assert.EndsWith("is not supported in date filters: " + reason, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[|2024-01-01 to 2024-01-01|]", "the end `2024-01-01` is not after the start `2024-01-01`, and the end of `to` is excluded")]
    [InlineData("  [|2024-03-01 to 2024-01-01|] ", "the end `2024-01-01` is not after the start `2024-03-01`, and the end of `to` is excluded")]
    [InlineData("[|2024-01-01 10:00 to 2024-01-01|]", "the end `2024-01-01` is not after the start `2024-01-01 10:00:00`, and the end of `to` is excluded")]
    public void EmptyDateRange(string marked, string reason)
    {
        var diagnostic = FilterAssert.SingleDiagnostic(marked, FilterKind.Date, "SMG3123");
        Assert.EndsWith("matches no date: " + reason, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[|0|] days", "`0 days` is out of range: use at least 1")]
    [InlineData("last [|0|] weeks", "`0 weeks` is out of range: use at least 1")]
    [InlineData("today for [|0|] days", "`0 days` is out of range: use at least 1")]
    [InlineData("[|99999999|] days", "`99999999 days` is out of range: it reaches beyond 10,000 years")]
    [InlineData("[|12000|] years ago", "`12000 years` is out of range: it reaches beyond 10,000 years")]
    [InlineData("[|99999999999|] days", "`99999999999 days` is out of range: it reaches beyond 10,000 years")]
    [InlineData("9990 for [|20|] years", "`20` is out of range: the range would end after the year 9999")]
    public void DateAmountOutOfRange(string marked, string message) =>
        Assert.Equal(message, FilterAssert.SingleDiagnostic(marked, FilterKind.Date, "SMG3124").Message);

    [Theory]
    [InlineData("[|maybe|]")]
    [InlineData("  [|yes please|] ")]
    [InlineData("[|1|]")]
    [InlineData("[|yes,no|]")]
    public void InvalidYesNoFilter(string marked) => FilterAssert.SingleDiagnostic(marked, FilterKind.YesNo, "SMG3130");

    [Fact]
    public void LocationsGoThroughTheCallersMap()
    {
        // The value starts at offset 10 of its file, as a YAML scalar's value would.
        var source = new SourceText("views/charges.view.yml", "filters: [last banana days]");
        var bag = new DiagnosticBag();
        var filter = FilterExpressionParser.Parse("last banana days", FilterKind.Date, (start, length) => source.GetLocation(new TextSpan(10 + start, length)), bag);
        Assert.Same(ErrorFilter.Instance, filter);
        var location = bag.ToImmutableSorted().Single().Location!.Value;
        Assert.Equal("banana", source.ToString(location.Span));
        Assert.Equal("views/charges.view.yml:1:16", location.ToString());
    }

    [Fact]
    public void OnlyTheFirstMistakeIsReported()
    {
        var bag = new DiagnosticBag();
        FilterExpressionParser.Parse("a,,b,,c^", FilterKind.String, bag);
        Assert.Equal(1, bag.Count);
    }
}
