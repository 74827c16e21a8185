using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Filters;

namespace StripeModelGen.Compiler.Tests.Filters;

/// <summary>Every documented form of every kind, parsed and printed compactly.</summary>
public sealed class FilterGrammarTests
{
    [Theory]
    [InlineData("FOO", "= 'FOO'")]
    [InlineData("FOO,BAR", "or(= 'FOO', = 'BAR')")]
    [InlineData("  FOO ,  BAR  ", "or(= 'FOO', = 'BAR')")]
    [InlineData("%FOO%", "like '%FOO%'")]
    [InlineData("FOO%", "like 'FOO%'")]
    [InlineData("%FOO", "like '%FOO'")]
    [InlineData("F%OD", "like 'F%OD'")]
    [InlineData("_UF", "like '_UF'")]
    [InlineData("a__", "like 'a__'")]
    [InlineData("%%a", "like '%a'")]
    [InlineData("EMPTY", "empty")]
    [InlineData("empty", "empty")]
    [InlineData("NULL", "null")]
    [InlineData("null", "null")]
    [InlineData("-FOO", "not(= 'FOO')")]
    [InlineData("- FOO", "not(= 'FOO')")]
    [InlineData("-FOO,-BAR", "and(not(= 'FOO'), not(= 'BAR'))")]
    [InlineData("-%FOO%", "not(like '%FOO%')")]
    [InlineData("-FOO%", "not(like 'FOO%')")]
    [InlineData("-EMPTY", "not(empty)")]
    [InlineData("-NULL", "not(null)")]
    [InlineData("FOO%,BAR", "or(like 'FOO%', = 'BAR')")]
    [InlineData("FOO%,-FOOD", "and(like 'FOO%', not(= 'FOOD'))")]
    [InlineData("a,b,-c,-d", "and(or(= 'a', = 'b'), not(= 'c'), not(= 'd'))")]
    [InlineData("-c,a", "and(= 'a', not(= 'c'))")]
    [InlineData("NULL,foo", "or(null, = 'foo')")]
    [InlineData("a^,b", "= 'a,b'")]
    [InlineData("100^%", "= '100%'")]
    [InlineData("sub^_region", "= 'sub_region'")]
    [InlineData("^-5", "= '-5'")]
    [InlineData("t-shirt", "= 't-shirt'")]
    [InlineData("a^^b", "= 'a^b'")]
    [InlineData("^NULL", "= 'NULL'")]
    [InlineData("^EMPTY", "= 'EMPTY'")]
    [InlineData("hello^ ", "= 'hello '")]
    [InlineData("^ x", "= ' x'")]
    [InlineData("^{x}", "= '{x}'")]
    [InlineData("{x", "= '{x'")]
    [InlineData("\"quoted, twice\"", "or(= '\"quoted', = 'twice\"')")]
    [InlineData("it's", "= 'it''s'")]
    [InlineData("100^%%", "like '100^%%'")]
    [InlineData("100^_%", "like '100^_%'")]
    [InlineData("Zürich,東京", "or(= 'Zürich', = '東京')")]
    [InlineData("", "any")]
    [InlineData("   ", "any")]
    public void String(string text, string expected) => FilterAssert.Prints(text, FilterKind.String, expected);

    [Theory]
    [InlineData("5", "= 5")]
    [InlineData("-5", "= -5")]
    [InlineData("+5", "= 5")]
    [InlineData("5.50", "= 5.50")]
    [InlineData(".5", "= 0.5")]
    [InlineData("1e3", "= 1000")]
    [InlineData("NOT 5", "not(= 5)")]
    [InlineData("not -5", "not(= -5)")]
    [InlineData("<>5", "not(= 5)")]
    [InlineData("<> 5", "not(= 5)")]
    [InlineData("!=5", "not(= 5)")]
    [InlineData("=5", "= 5")]
    [InlineData(">5", "> 5")]
    [InlineData(">=5", ">= 5")]
    [InlineData("<5", "< 5")]
    [InlineData("<=-5.5", "<= -5.5")]
    [InlineData("5,7,9", "or(= 5, = 7, = 9)")]
    [InlineData("1, 3, 5, 7", "or(= 1, = 3, = 5, = 7)")]
    [InlineData("5 to 10", "[5, 10]")]
    [InlineData("5 TO 5", "[5, 5]")]
    [InlineData("5 to", ">= 5")]
    [InlineData("to 10", "<= 10")]
    [InlineData("[5,10]", "[5, 10]")]
    [InlineData("(5,10)", "(5, 10)")]
    [InlineData("[5,10)", "[5, 10)")]
    [InlineData("(5, 10]", "(5, 10]")]
    [InlineData("(1,)", "> 1")]
    [InlineData("(1, inf)", "> 1")]
    [InlineData("[2000,)", ">= 2000")]
    [InlineData("(-inf,100]", "<= 100")]
    [InlineData("(,100)", "< 100")]
    [InlineData("[,10]", "<= 10")]
    [InlineData(">=5 AND <10", "and(>= 5, < 10)")]
    [InlineData("<5 OR >10", "or(< 5, > 10)")]
    [InlineData(">10 AND <=20 OR 90", "or(and(> 10, <= 20), = 90)")]
    [InlineData(">=50 and <=100 or >=500 and <=1000", "or(and(>= 50, <= 100), and(>= 500, <= 1000))")]
    [InlineData("[0,9],[20,29]", "or([0, 9], [20, 29])")]
    [InlineData("(1,100],500,600", "or((1, 100], = 500, = 600)")]
    [InlineData("NOT 10,[1,5)", "and([1, 5), not(= 10))")]
    [InlineData("NOT 3 to 80.44", "not([3, 80.44])")]
    [InlineData("23,NOT 42,43", "and(or(= 23, = 43), not(= 42))")]
    [InlineData("NULL", "null")]
    [InlineData("NOT NULL", "not(null)")]
    [InlineData("-NULL", "not(null)")]
    [InlineData("5,NULL", "or(= 5, null)")]
    [InlineData("23,NOT NULL", "and(= 23, not(null))")]
    [InlineData("", "any")]
    public void Number(string text, string expected) => FilterAssert.Prints(text, FilterKind.Number, expected);

    [Theory]
    [InlineData("today", "[today, today+1d)")]
    [InlineData("Today", "[today, today+1d)")]
    [InlineData("yesterday", "[today-1d, today)")]
    [InlineData("tomorrow", "[today+1d, today+2d)")]
    [InlineData("7 days", "[today-6d, today+1d)")]
    [InlineData("last 7 days", "[today-6d, today+1d)")]
    [InlineData("1 day", "[today, today+1d)")]
    [InlineData("3 weeks", "[week(today)-2w, week(today)+1w)")]
    [InlineData("1 month", "[month(today), month(today)+1mo)")]
    [InlineData("2 months", "[month(today)-1mo, month(today)+1mo)")]
    [InlineData("LAST 4 Quarters", "[quarter(today)-3q, quarter(today)+1q)")]
    [InlineData("2 years", "[year(today)-1y, year(today)+1y)")]
    [InlineData("3 days ago", "[today-3d, today-2d)")]
    [InlineData("1 day ago", "[today-1d, today)")]
    [InlineData("0 days ago", "[today, today+1d)")]
    [InlineData("3 months ago", "[month(today)-3mo, month(today)-2mo)")]
    [InlineData("3 days ago for 2 days", "[today-3d, today-1d)")]
    [InlineData("6 weeks ago for 6 weeks", "[week(today)-6w, week(today))")]
    [InlineData("3 months ago for 2 days", "[month(today)-3mo, month(today)-3mo+2d)")]
    [InlineData("2 weeks from now", "[week(today)+2w, week(today)+3w)")]
    [InlineData("1 year from now for 2 quarters", "[year(today)+1y, year(today)+1y+2q)")]
    [InlineData("this day", "[today, today+1d)")]
    [InlineData("this week", "[week(today), week(today)+1w)")]
    [InlineData("this month", "[month(today), month(today)+1mo)")]
    [InlineData("this quarter", "[quarter(today), quarter(today)+1q)")]
    [InlineData("This Year", "[year(today), year(today)+1y)")]
    [InlineData("last week", "[week(today)-1w, week(today))")]
    [InlineData("last month", "[month(today)-1mo, month(today))")]
    [InlineData("last quarter", "[quarter(today)-1q, quarter(today))")]
    [InlineData("last year", "[year(today)-1y, year(today))")]
    [InlineData("next week", "[week(today)+1w, week(today)+2w)")]
    [InlineData("next month", "[month(today)+1mo, month(today)+2mo)")]
    [InlineData("next quarter", "[quarter(today)+1q, quarter(today)+2q)")]
    [InlineData("next years", "[year(today)+1y, year(today)+2y)")]
    [InlineData("yesterday for 3 days", "[today-1d, today+2d)")]
    [InlineData("before 3 days ago", "[.., today-3d)")]
    [InlineData("after 3 days ago", "[today-3d, ..)")]
    [InlineData("before this month", "[.., month(today))")]
    [InlineData("after next week", "[week(today)+1w, ..)")]
    [InlineData("before 2024-01-01", "[.., 2024-01-01)")]
    [InlineData("after 2024-01-01", "[2024-01-01, ..)")]
    [InlineData("AFTER 2024-01-01 10:30", "[2024-01-01 10:30:00, ..)")]
    [InlineData("2024-01-01 to 2024-03-31", "[2024-01-01, 2024-03-31)")]
    [InlineData("2024 to 2025", "[2024-01-01, 2025-01-01)")]
    [InlineData("2024-03-05 10:00 to 2024-03-05 12:00", "[2024-03-05 10:00:00, 2024-03-05 12:00:00)")]
    [InlineData("3 months ago to today", "[month(today)-3mo, today)")]
    [InlineData("2024", "[2024-01-01, 2025-01-01)")]
    [InlineData("2024-03", "[2024-03-01, 2024-04-01)")]
    [InlineData("2024/03", "[2024-03-01, 2024-04-01)")]
    [InlineData("2024-12", "[2024-12-01, 2025-01-01)")]
    [InlineData("2024-03-05", "[2024-03-05, 2024-03-06)")]
    [InlineData("2024/3/5", "[2024-03-05, 2024-03-06)")]
    [InlineData("2024-02-29", "[2024-02-29, 2024-03-01)")]
    [InlineData("2024-12-31", "[2024-12-31, 2025-01-01)")]
    [InlineData("2024-03-05 10:00", "[2024-03-05 10:00:00, 2024-03-05 10:01:00)")]
    [InlineData("2024-03-05 9:05:30", "[2024-03-05 09:05:30, 2024-03-05 09:05:31)")]
    [InlineData("2024-01-01 for 3 days", "[2024-01-01, 2024-01-04)")]
    [InlineData("2024-01 for 2 months", "[2024-01-01, 2024-03-01)")]
    [InlineData("2024-01-31 for 1 month", "[2024-01-31, 2024-02-29)")]
    [InlineData("9999", "[9999-01-01, ..)")]
    [InlineData("9999-12-31", "[9999-12-31, ..)")]
    [InlineData("NULL", "null")]
    [InlineData("-NULL", "not(null)")]
    [InlineData("not null", "not(null)")]
    [InlineData("  ", "any")]
    public void Date(string text, string expected) => FilterAssert.Prints(text, FilterKind.Date, expected);

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData("Yes", "yes")]
    [InlineData("TRUE", "yes")]
    [InlineData(" no ", "no")]
    [InlineData("No", "no")]
    [InlineData("false", "no")]
    [InlineData("NULL", "null")]
    [InlineData("-NULL", "not(null)")]
    [InlineData("NOT NULL", "not(null)")]
    [InlineData("", "any")]
    public void YesNo(string text, string expected) => FilterAssert.Prints(text, FilterKind.YesNo, expected);

    [Theory]
    [InlineData(ScalarType.String, FilterKind.String)]
    [InlineData(ScalarType.Number, FilterKind.Number)]
    [InlineData(ScalarType.Boolean, FilterKind.YesNo)]
    [InlineData(ScalarType.Date, FilterKind.Date)]
    [InlineData(ScalarType.Timestamp, FilterKind.Date)]
    [InlineData(ScalarType.Any, FilterKind.String)]
    [InlineData(ScalarType.Error, FilterKind.String)]
    [InlineData(ScalarType.Json, FilterKind.String)]
    public void KindFollowsTheFieldType(ScalarType type, FilterKind expected) => Assert.Equal(expected, FilterKinds.Of(type));

    [Fact]
    public void EqualFiltersAreEqualRecords()
    {
        var first = FilterAssert.ParseClean("a,b,-c%", FilterKind.String);
        var second = FilterAssert.ParseClean(" a , b , -c% ", FilterKind.String);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, FilterAssert.ParseClean("a,b,-c", FilterKind.String));
        Assert.Equal(FilterAssert.ParseClean("3 months ago for 2 days", FilterKind.Date), FilterAssert.ParseClean("3 MONTHS AGO FOR 2 DAY", FilterKind.Date));
    }

    [Fact]
    public void ToStringIsThePrintedForm() =>
        Assert.Equal("and(like 'FOO%', not(= 'FOOD'))", FilterAssert.ParseClean("FOO%,-FOOD", FilterKind.String).ToString());

    [Theory]
    [InlineData("plain")]
    [InlineData("a,b")]
    [InlineData("50%")]
    [InlineData("_x_")]
    [InlineData("-leading")]
    [InlineData("in-between")]
    [InlineData("  padded  ")]
    [InlineData("NULL")]
    [InlineData("empty")]
    [InlineData("^caret^")]
    [InlineData("{{ _user_attributes['id'] }}")]
    [InlineData("cus_9s6XKzkNRiz8i3")]
    public void EscapedStringsMatchExactlyThemselves(string value)
    {
        var filter = FilterAssert.ParseClean(FilterText.EscapeString(value), FilterKind.String);
        Assert.Equal(new StringEqualsFilter(value), filter);
    }

    [Fact]
    public void PatternsPrintBackToFilterText()
    {
        foreach (var text in new[] { "%FOO%", "100^%%", "a^_b%", "^-x%", "%^ padded^ ", "x^,y%" })
        {
            var filter = (StringLikeFilter)FilterAssert.ParseClean(text, FilterKind.String);
            Assert.Equal(filter, FilterAssert.ParseClean(filter.Pattern.ToFilterText(), FilterKind.String));
        }
    }

    [Fact]
    public void EmptyStringHasNoExactFilter() => Assert.Throws<ArgumentException>(() => FilterText.EscapeString(""));

    [Fact]
    public void ParseWithoutAFileReportsUnderTheFilterPath()
    {
        var bag = new DiagnosticBag();
        FilterExpressionParser.Parse("last banana days", FilterKind.Date, bag);
        Assert.Equal("filter:1:6", bag.ToImmutableSorted().Single().Location.ToString());
    }
}
