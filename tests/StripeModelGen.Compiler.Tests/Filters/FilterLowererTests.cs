using StripeModelGen.Compiler.Filters;
using StripeModelGen.Compiler.Sql;

namespace StripeModelGen.Compiler.Tests.Filters;

/// <summary>Filters lowered on the value <c>v</c> with today's date <c>today</c>, printed compactly.</summary>
public sealed class FilterLowererTests
{
    [Theory]
    [InlineData("FOO", "v = 'FOO'")]
    [InlineData("FOO,BAR", "v IN ('FOO', 'BAR')")]
    [InlineData("FOO%", "v LIKE 'FOO%'")]
    [InlineData("%FOO%,BAR,BAZ", "v LIKE '%FOO%' OR v IN ('BAR', 'BAZ')")]
    [InlineData("a,%b,c", "v IN ('a', 'c') OR v LIKE '%b'")]
    [InlineData("_UF", "v LIKE '_UF'")]
    [InlineData("-FOO", "v <> 'FOO' OR v IS NULL")]
    [InlineData("-FOO,-BAR", "v NOT IN ('FOO', 'BAR') OR v IS NULL")]
    [InlineData("-%FOO%", "v NOT LIKE '%FOO%' OR v IS NULL")]
    [InlineData("FOO%,-FOOD", "v LIKE 'FOO%' AND (v <> 'FOOD' OR v IS NULL)")]
    [InlineData("a,b,-c,-d", "v IN ('a', 'b') AND (v NOT IN ('c', 'd') OR v IS NULL)")]
    [InlineData("EMPTY", "v IS NULL OR v = ''")]
    [InlineData("-EMPTY", "v IS NOT NULL AND v <> ''")]
    [InlineData("NULL", "v IS NULL")]
    [InlineData("-NULL", "v IS NOT NULL")]
    [InlineData("NULL,FOO", "v IS NULL OR v = 'FOO'")]
    [InlineData("-NULL,-FOO", "v IS NOT NULL AND (v <> 'FOO' OR v IS NULL)")]
    [InlineData("a^,b", "v = 'a,b'")]
    [InlineData("100^%", "v = '100%'")]
    [InlineData("100^%%", "v LIKE '100\\%%' ESCAPE '\\'")]
    [InlineData("-100^%%", "v NOT LIKE '100\\%%' ESCAPE '\\' OR v IS NULL")]
    [InlineData("%50^%%", "v LIKE '%50\\%%' ESCAPE '\\'")]
    [InlineData("a^_b_", "v LIKE 'a\\_b_' ESCAPE '\\'")]
    [InlineData("%^%", "v LIKE '%\\%' ESCAPE '\\'")]
    [InlineData("C:\\temp%", "v LIKE 'C:\\\\temp%' ESCAPE '\\'")]
    [InlineData("it's", "v = 'it''s'")]
    [InlineData("", "(none)")]
    public void String(string text, string expected) => Assert.Equal(expected, FilterAssert.Lower(text, FilterKind.String));

    [Theory]
    [InlineData("FOO", "LOWER(v) = LOWER('FOO')")]
    [InlineData("FOO,Bar", "LOWER(v) IN (LOWER('FOO'), LOWER('Bar'))")]
    [InlineData("FOO%", "v ILIKE 'FOO%'")]
    [InlineData("-FOO", "LOWER(v) <> LOWER('FOO') OR v IS NULL")]
    [InlineData("-FOO,-BAR", "LOWER(v) NOT IN (LOWER('FOO'), LOWER('BAR')) OR v IS NULL")]
    [InlineData("-%FOO%", "v NOT ILIKE '%FOO%' OR v IS NULL")]
    [InlineData("100^%%", "v ILIKE '100\\%%' ESCAPE '\\'")]
    [InlineData("EMPTY", "v IS NULL OR v = ''")]
    [InlineData("-EMPTY", "v IS NOT NULL AND v <> ''")]
    [InlineData("-NULL", "v IS NOT NULL")]
    public void StringIgnoringCase(string text, string expected) => Assert.Equal(expected, FilterAssert.Lower(text, FilterKind.String, caseInsensitive: true));

    [Fact]
    public void IgnoringCaseKeepsWhatTheLowerCasedFilterKeepsOfTheLowerCasedValue()
    {
        string?[] values = ["foo", "FOO", "Foo", "food", "FOOD", "", null, "a", "B", "c", "C", "o%", "O%x", "x_y", "X_Y", "xzy", "Jane.Doe@Example.com"];
        foreach (var text in new[] { "FOO", "Foo%", "-foo", "a,B,-C", "EMPTY", "-NULL", "%O^%%", "x^_Y", "x_Y", "-%oo%,-EMPTY", "jane.doe@example.COM" })
        {
            var ignoringCase = FilterLowerer.Lower(FilterAssert.ParseClean(text, FilterKind.String), FilterAssert.Value, new FilterLoweringContext(FilterAssert.Today), caseInsensitive: true);
            var lowerCased = FilterLowerer.Lower(FilterAssert.ParseClean(text.ToLowerInvariant(), FilterKind.String), FilterAssert.Value, new FilterLoweringContext(FilterAssert.Today));
            foreach (var value in values)
            {
                var expected = SqlTestEvaluator.Keeps(lowerCased, new Dictionary<string, object?> { ["v"] = value?.ToLowerInvariant() });
                Assert.True(expected == SqlTestEvaluator.Keeps(ignoringCase, new Dictionary<string, object?> { ["v"] = value }), $"`{text}` on {value ?? "NULL"}");
            }
        }
    }

    [Theory]
    [InlineData("5", "v = 5")]
    [InlineData("-5", "v = -5")]
    [InlineData("5,7,9", "v IN (5, 7, 9)")]
    [InlineData("NOT 5", "v <> 5 OR v IS NULL")]
    [InlineData("<>5", "v <> 5 OR v IS NULL")]
    [InlineData("NOT 5,NOT 6", "v NOT IN (5, 6) OR v IS NULL")]
    [InlineData(">5", "v > 5")]
    [InlineData("<=5", "v <= 5")]
    [InlineData("5 to 10", "v BETWEEN 5 AND 10")]
    [InlineData("[5,10)", "v >= 5 AND v < 10")]
    [InlineData("(5,10]", "v > 5 AND v <= 10")]
    [InlineData(">=5 AND <10", "v >= 5 AND v < 10")]
    [InlineData("<5 OR >10", "v < 5 OR v > 10")]
    [InlineData(">10 AND <=20 OR 90", "v > 10 AND v <= 20 OR v = 90")]
    [InlineData("NOT 3 to 80", "v NOT BETWEEN 3 AND 80 OR v IS NULL")]
    [InlineData("NOT (5,10)", "NOT (v > 5 AND v < 10) OR v IS NULL")]
    [InlineData("NOT >5", "NOT v > 5 OR v IS NULL")]
    [InlineData("NOT 10,[1,5)", "v >= 1 AND v < 5 AND (v <> 10 OR v IS NULL)")]
    [InlineData("5,NULL", "v = 5 OR v IS NULL")]
    [InlineData("NULL", "v IS NULL")]
    [InlineData("NOT NULL", "v IS NOT NULL")]
    public void Number(string text, string expected) => Assert.Equal(expected, FilterAssert.Lower(text, FilterKind.Number));

    [Theory]
    [InlineData("yes", "v")]
    [InlineData("no", "NOT v OR v IS NULL")]
    [InlineData("NULL", "v IS NULL")]
    [InlineData("NOT NULL", "v IS NOT NULL")]
    public void YesNo(string text, string expected) => Assert.Equal(expected, FilterAssert.Lower(text, FilterKind.YesNo));

    [Theory]
    [InlineData("today", "v >= today AND v < DATE_ADD(day, 1, today)")]
    [InlineData("yesterday", "v >= DATE_ADD(day, -1, today) AND v < today")]
    [InlineData("7 days", "v >= DATE_ADD(day, -6, today) AND v < DATE_ADD(day, 1, today)")]
    [InlineData("3 days ago for 2 days", "v >= DATE_ADD(day, -3, today) AND v < DATE_ADD(day, -1, today)")]
    [InlineData("this week", "v >= DATE_TRUNC(week, today) AND v < DATE_ADD(day, 7, DATE_TRUNC(week, today))")]
    [InlineData("last week", "v >= DATE_ADD(day, -7, DATE_TRUNC(week, today)) AND v < DATE_TRUNC(week, today)")]
    [InlineData("this month", "v >= DATE_TRUNC(month, today) AND v < DATE_ADD(month, 1, DATE_TRUNC(month, today))")]
    [InlineData("2 months", "v >= DATE_ADD(month, -1, DATE_TRUNC(month, today)) AND v < DATE_ADD(month, 1, DATE_TRUNC(month, today))")]
    [InlineData("this quarter", "v >= DATE_TRUNC(quarter, today) AND v < DATE_ADD(month, 3, DATE_TRUNC(quarter, today))")]
    [InlineData("next year", "v >= DATE_ADD(year, 1, DATE_TRUNC(year, today)) AND v < DATE_ADD(year, 2, DATE_TRUNC(year, today))")]
    [InlineData("3 months ago for 2 days", "v >= DATE_ADD(month, -3, DATE_TRUNC(month, today)) AND v < DATE_ADD(day, 2, DATE_ADD(month, -3, DATE_TRUNC(month, today)))")]
    [InlineData("before 3 days ago", "v < DATE_ADD(day, -3, today)")]
    [InlineData("after 2 weeks ago", "v >= DATE_ADD(day, -14, DATE_TRUNC(week, today))")]
    [InlineData("before 2024-01-01", "v < DATE '2024-01-01'")]
    [InlineData("after 2024-01-01", "v >= DATE '2024-01-01'")]
    [InlineData("2024-01-01 to 2024-03-31", "v >= DATE '2024-01-01' AND v < DATE '2024-03-31'")]
    [InlineData("2024-03", "v >= DATE '2024-03-01' AND v < DATE '2024-04-01'")]
    [InlineData("2024-03-05 10:00", "v >= TIMESTAMP '2024-03-05 10:00:00' AND v < TIMESTAMP '2024-03-05 10:01:00'")]
    [InlineData("9999", "v >= DATE '9999-01-01'")]
    [InlineData("NULL", "v IS NULL")]
    [InlineData("NOT NULL", "v IS NOT NULL")]
    public void Date(string text, string expected) => Assert.Equal(expected, FilterAssert.Lower(text, FilterKind.Date));

    [Theory]
    [InlineData(DayOfWeek.Monday, "v >= DATE_ADD(day, -7, DATE_TRUNC(week, today)) AND v < DATE_TRUNC(week, today)")]
    [InlineData(DayOfWeek.Sunday, "v >= DATE_ADD(day, -8, DATE_TRUNC(week, DATE_ADD(day, 1, today))) AND v < DATE_ADD(day, -1, DATE_TRUNC(week, DATE_ADD(day, 1, today)))")]
    [InlineData(DayOfWeek.Saturday, "v >= DATE_ADD(day, -9, DATE_TRUNC(week, DATE_ADD(day, 2, today))) AND v < DATE_ADD(day, -2, DATE_TRUNC(week, DATE_ADD(day, 2, today)))")]
    [InlineData(DayOfWeek.Tuesday, "v >= DATE_ADD(day, -13, DATE_TRUNC(week, DATE_ADD(day, 6, today))) AND v < DATE_ADD(day, -6, DATE_TRUNC(week, DATE_ADD(day, 6, today)))")]
    public void WeeksStartOnTheContextsWeekStart(DayOfWeek weekStart, string expected) =>
        Assert.Equal(expected, FilterAssert.Lower("last week", FilterKind.Date, weekStart));

    [Theory]
    [InlineData(FilterKind.String, "v = :status")]
    [InlineData(FilterKind.Number, "v = :status")]
    [InlineData(FilterKind.YesNo, "v = :status")]
    [InlineData(FilterKind.Date, "v >= :status AND v < DATE_ADD(day, 1, :status)")]
    public void DashboardFilterWithoutDefaultIsAParameter(FilterKind kind, string expected) =>
        Assert.Equal(expected, SqlTestPrinter.Print(FilterLowerer.LowerParameter(kind, FilterAssert.Value, "status")));

    [Theory]
    [InlineData(FilterKind.String, "LOWER(v) = LOWER(:status)")]
    [InlineData(FilterKind.Number, "v = :status")]
    [InlineData(FilterKind.Date, "v >= :status AND v < DATE_ADD(day, 1, :status)")]
    public void AParameterOnAStringIgnoringCaseComparesLowerCasedSides(FilterKind kind, string expected) =>
        Assert.Equal(expected, SqlTestPrinter.Print(FilterLowerer.LowerParameter(kind, FilterAssert.Value, "status", caseInsensitive: true)));

    [Fact]
    public void UserValuesOnlyBecomeLiterals()
    {
        const string hostile = "x'; DROP TABLE charges; --";
        var lowered = FilterLowerer.Lower(FilterAssert.ParseClean(hostile + ",-" + hostile + "%", FilterKind.String), FilterAssert.Value, new FilterLoweringContext(FilterAssert.Today));
        var strings = Descendants(lowered!).OfType<SqlLiteral>().Where(l => l.Kind == SqlLiteralKind.String).Select(l => (string)l.Value!).ToList();
        Assert.Equal([hostile, hostile + "%"], strings);
        Assert.All(Descendants(lowered!), node => Assert.IsNotType<SqlFunction>(node));
    }

    [Fact]
    public void TheValueIsNeverWrappedInAFunction()
    {
        foreach (var text in new[] { "today", "7 days", "last week", "this quarter", "3 months ago for 2 days", "2024", "before 3 days ago" })
        {
            var lowered = FilterLowerer.Lower(FilterAssert.ParseClean(text, FilterKind.Date), FilterAssert.Value, new FilterLoweringContext(FilterAssert.Today, DayOfWeek.Sunday));
            Assert.All(Descendants(lowered!).OfType<SqlFunction>(), f => Assert.DoesNotContain(FilterAssert.Value, f.Arguments));
        }
    }

    [Fact]
    public void FiltersWithErrorsAreNotLowered() =>
        Assert.Throws<ArgumentException>(() => FilterLowerer.Lower(ErrorFilter.Instance, FilterAssert.Value, new FilterLoweringContext(FilterAssert.Today)));

    [Fact]
    public void NegationOfAFilterThatMatchesNullDropsNulls()
    {
        // not(or(null, = 5)): a NULL value matches the operand, so the negation must not keep it.
        var filter = new NotFilter(new AnyOfFilter([NullFilter.Instance, new NumberCompareFilter(NumberComparison.Equal, 5)]));
        var lowered = FilterLowerer.Lower(filter, FilterAssert.Value, new FilterLoweringContext(FilterAssert.Today));
        Assert.Equal("v IS NOT NULL AND NOT (v IS NULL OR v = 5)", SqlTestPrinter.Print(lowered));
    }

    [Fact]
    public void LikePatternsEscapeLiteralWildcardsOnlyWhenAsked()
    {
        var pattern = ((StringLikeFilter)FilterAssert.ParseClean("100^%^!%", FilterKind.String)).Pattern;
        Assert.Equal("100!%!!%", pattern.ToSqlPattern('!'));
        Assert.Throws<InvalidOperationException>(() => pattern.ToSqlPattern());
        Assert.Equal("a%b_", ((StringLikeFilter)FilterAssert.ParseClean("a%b_", FilterKind.String)).Pattern.ToSqlPattern());
    }

    private static IEnumerable<SqlExpression> Descendants(SqlExpression root) => root.Children.SelectMany(Descendants).Prepend(root);
}
