using System.Globalization;
using System.Text.RegularExpressions;
using StripeModelGen.Compiler.Filters;
using StripeModelGen.Compiler.Sql;

namespace StripeModelGen.Compiler.Tests.Filters;

/// <summary>
/// Random checks (fixed seeds, so failures reproduce) that what the lowered SQL selects is what
/// Looker's filter means: relative dates against an independent computation with calendar period
/// numbers, and strings, numbers and yes/no against a direct reading of the filter, NULLs included.
/// </summary>
public sealed class FilterPropertyTests
{
    private static readonly (DateUnit Unit, string Name)[] Units =
        [(DateUnit.Day, "day"), (DateUnit.Week, "week"), (DateUnit.Month, "month"), (DateUnit.Quarter, "quarter"), (DateUnit.Year, "year")];

    private sealed record DateCase(string Text, Func<DateOnly, DateOnly, DayOfWeek, bool> Contains);

    [Fact]
    public void RelativeDateFiltersSelectLookersPeriods()
    {
        var random = new Random(20240305);
        var minimum = new DateOnly(1990, 1, 1).DayNumber;
        var maximum = new DateOnly(2060, 12, 31).DayNumber;
        var checkedValues = 0;
        for (var iteration = 0; iteration < 300; iteration++)
        {
            var today = DateOnly.FromDayNumber(iteration < 20 ? SpecialDay(iteration) : random.Next(minimum, maximum));
            var weekStart = (DayOfWeek)random.Next(7);
            var context = new FilterLoweringContext(SqlLiteral.Date(today), weekStart);
            foreach (var @case in DateCases(random))
            {
                var filter = (DateFilter)FilterAssert.ParseClean(@case.Text, FilterKind.Date);
                var condition = FilterLowerer.Lower(filter, FilterAssert.Value, context);
                var samples = new List<DateOnly>();
                foreach (var bound in new[] { filter.Range.Start, filter.Range.End })
                {
                    if (bound is null)
                        continue;
                    var sql = (DateOnly)SqlTestEvaluator.Evaluate(FilterLowerer.LowerBound(bound, context), new Dictionary<string, object?>())!;
                    if (bound is RelativeDate relative)
                        Assert.Equal(relative.Resolve(today, weekStart), sql);
                    samples.AddRange([sql.AddDays(-1), sql, sql.AddDays(1)]);
                }
                for (var i = 0; i < 8; i++)
                    samples.Add(today.AddDays(random.Next(-1200, 1200)));
                foreach (var day in samples)
                {
                    var expected = @case.Contains(today, day, weekStart);
                    var time = day.ToDateTime(new TimeOnly(random.Next(24), random.Next(60), random.Next(60)));
                    foreach (object value in new object[] { day, time })
                    {
                        var actual = SqlTestEvaluator.Keeps(condition, new Dictionary<string, object?> { ["v"] = value });
                        if (actual != expected)
                        {
                            Assert.Fail($"`{@case.Text}` with today {today:yyyy-MM-dd} ({today.DayOfWeek}), weeks from {weekStart}: " +
                                $"{Format(value)} should {(expected ? "" : "not ")}match; SQL: {SqlTestPrinter.Print(condition)}");
                        }
                        checkedValues++;
                    }
                }
                Assert.False(SqlTestEvaluator.Keeps(condition, new Dictionary<string, object?> { ["v"] = null }), $"`{@case.Text}` matches NULL");
            }
        }
        Assert.True(checkedValues > 100_000, $"only {checkedValues} values checked");
    }

    /// <summary>Month and year ends, leap days and week boundaries, before the random days.</summary>
    private static int SpecialDay(int index) => (index switch
    {
        0 => new DateOnly(2024, 2, 29),
        1 => new DateOnly(2024, 3, 31),
        2 => new DateOnly(2023, 12, 31),
        3 => new DateOnly(2024, 1, 1),
        4 => new DateOnly(2023, 3, 31),
        5 => new DateOnly(2024, 12, 30),
        6 => new DateOnly(2020, 6, 30),
        7 => new DateOnly(2100, 2, 28),
        8 => new DateOnly(2000, 2, 29),
        _ => new DateOnly(2024, 9, 1).AddDays(index),
    }).DayNumber;

    private static IEnumerable<DateCase> DateCases(Random random)
    {
        yield return new("today", (t, d, w) => d == t);
        yield return new("yesterday", (t, d, w) => d == t.AddDays(-1));
        yield return new("tomorrow", (t, d, w) => d == t.AddDays(1));
        foreach (var (unit, name) in Units)
        {
            var n = random.Next(1, 40);
            var a = random.Next(0, 40);
            var m = random.Next(1, 12);
            long P(DateOnly date, DayOfWeek w) => PeriodNumber(date, unit, w);
            yield return new($"{n} {name}s", (t, d, w) => P(d, w) > P(t, w) - n && P(d, w) <= P(t, w));
            yield return new($"last {n} {name}s", (t, d, w) => P(d, w) > P(t, w) - n && P(d, w) <= P(t, w));
            yield return new($"1 {name}", (t, d, w) => P(d, w) == P(t, w));
            yield return new($"{a} {name}s ago", (t, d, w) => P(d, w) == P(t, w) - a);
            yield return new($"{a} {name}s from now", (t, d, w) => P(d, w) == P(t, w) + a);
            yield return new($"{a} {name}s ago for {m} {name}s", (t, d, w) => P(d, w) >= P(t, w) - a && P(d, w) < P(t, w) - a + m);
            yield return new($"this {name}", (t, d, w) => P(d, w) == P(t, w));
            yield return new($"last {name}", (t, d, w) => P(d, w) == P(t, w) - 1);
            yield return new($"next {name}", (t, d, w) => P(d, w) == P(t, w) + 1);
            yield return new($"before {a} {name}s ago", (t, d, w) => P(d, w) < P(t, w) - a);
            yield return new($"after {a} {name}s ago", (t, d, w) => P(d, w) >= P(t, w) - a);
            yield return new($"{a} {name}s ago for {m} days", (t, d, w) =>
            {
                var start = FirstDay(P(t, w) - a, unit, w);
                return d >= start && d < start.AddDays(m);
            });
        }
    }

    /// <summary>
    /// Calendar periods numbered consecutively: the day number; weeks counted from the first week start
    /// on or after 0001-01-01 (a Monday); months and quarters counted from year 0; the year.
    /// </summary>
    private static long PeriodNumber(DateOnly date, DateUnit unit, DayOfWeek weekStart) => unit switch
    {
        DateUnit.Day => date.DayNumber,
        DateUnit.Week => (long)Math.Floor((date.DayNumber - (((int)weekStart + 6) % 7)) / 7.0),
        DateUnit.Month => (date.Year * 12L) + date.Month - 1,
        DateUnit.Quarter => (date.Year * 4L) + ((date.Month - 1) / 3),
        _ => date.Year,
    };

    /// <summary>The first day of a numbered period (the inverse of <see cref="PeriodNumber"/>).</summary>
    private static DateOnly FirstDay(long period, DateUnit unit, DayOfWeek weekStart)
    {
        switch (unit)
        {
            case DateUnit.Day:
                return DateOnly.FromDayNumber((int)period);
            case DateUnit.Month:
                return new DateOnly((int)(period / 12), (int)(period % 12) + 1, 1);
            case DateUnit.Quarter:
                return new DateOnly((int)(period / 4), ((int)(period % 4) * 3) + 1, 1);
            case DateUnit.Year:
                return new DateOnly((int)period, 1, 1);
            default:
                return DateOnly.FromDayNumber((int)(period * 7) + (((int)weekStart + 6) % 7));
        }
    }

    [Fact]
    public void StringFiltersSelectWhatTheySay()
    {
        string[] pool = ["a", "b", "ab", "a%", "%b", "_b", "%", "EMPTY", "NULL", "a^%", "a^%%"];
        string?[] values = [null, "", "a", "b", "ab", "ba", "abc", "xb", "a%", "a%b", "A"];
        CheckRandomFilters(FilterKind.String, pool, values.Cast<object?>().ToArray(), negatable: true, seed: 7);
    }

    [Fact]
    public void NumberFiltersSelectWhatTheySay()
    {
        string[] pool = ["5", "NOT 5", "<>7", ">3", "<=5", "3 to 7", "[3,7)", "(3,7]", ">=2 AND <6", "<2 OR >8", "NULL", "NOT NULL", "NOT [4,6]", "-1.5", "NOT (0,2)", "to 1"];
        object?[] values = [null, -1.5m, 0m, 1m, 2m, 3m, 4m, 4.5m, 5m, 6m, 7m, 8m, 9m, 10m];
        CheckRandomFilters(FilterKind.Number, pool, values, negatable: false, seed: 11);
    }

    [Fact]
    public void YesNoFiltersSelectWhatTheySay()
    {
        foreach (var text in new[] { "yes", "no", "NULL", "NOT NULL" })
        {
            var filter = FilterAssert.ParseClean(text, FilterKind.YesNo);
            var condition = FilterLowerer.Lower(filter, FilterAssert.Value, new FilterLoweringContext(FilterAssert.Today));
            foreach (var value in new object?[] { true, false, null })
                Assert.Equal(Matches(filter, value), SqlTestEvaluator.Keeps(condition, new Dictionary<string, object?> { ["v"] = value }));
        }
    }

    [Fact]
    public void AnyCombinationOfFiltersKeepsLookersNullRule()
    {
        // Trees the grammar cannot write (NOT over an OR holding NULL ...), built directly.
        var random = new Random(13);
        object?[] values = [null, 0m, 1m, 2m, 3m, 4m, 5m];
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var filter = RandomTree(random, depth: 3);
            var condition = FilterLowerer.Lower(filter, FilterAssert.Value, new FilterLoweringContext(FilterAssert.Today));
            foreach (var value in values)
            {
                var expected = Matches(filter, value);
                var actual = SqlTestEvaluator.Keeps(condition, new Dictionary<string, object?> { ["v"] = value });
                if (actual != expected)
                    Assert.Fail($"{FilterPrinter.Print(filter)} on {Format(value)}: expected {expected}; SQL: {SqlTestPrinter.Print(condition)}");
            }
        }
    }

    private static FilterExpression RandomTree(Random random, int depth)
    {
        var choice = random.Next(depth == 0 ? 4 : 8);
        return choice switch
        {
            0 => NullFilter.Instance,
            1 => new NumberCompareFilter((NumberComparison)random.Next(5), random.Next(6)),
            2 => new NumberRangeFilter(new NumberBound(random.Next(3), random.Next(2) == 0), new NumberBound(random.Next(3, 6), random.Next(2) == 0)),
            3 => MatchAllFilter.Instance,
            4 or 5 => new NotFilter(RandomTree(random, depth - 1)),
            6 => new AnyOfFilter([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomTree(random, depth - 1))]),
            _ => new AllOfFilter([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomTree(random, depth - 1))]),
        };
    }

    private static void CheckRandomFilters(FilterKind kind, string[] pool, object?[] values, bool negatable, int seed)
    {
        var random = new Random(seed);
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var alternatives = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => (negatable && random.Next(3) == 0 ? "-" : "") + pool[random.Next(pool.Length)]);
            var text = string.Join(",", alternatives);
            var filter = FilterAssert.ParseClean(text, kind);
            var condition = FilterLowerer.Lower(filter, FilterAssert.Value, new FilterLoweringContext(FilterAssert.Today));
            foreach (var value in values)
            {
                var expected = Matches(filter, value);
                var actual = SqlTestEvaluator.Keeps(condition, new Dictionary<string, object?> { ["v"] = value });
                if (actual != expected)
                    Assert.Fail($"`{text}` ({FilterPrinter.Print(filter)}) on {Format(value)}: expected {expected}; SQL: {SqlTestPrinter.Print(condition)}");
            }
        }
    }

    /// <summary>Looker's meaning, read directly off the filter: negation is "any value except", NULLs included.</summary>
    private static bool Matches(FilterExpression filter, object? value) => filter switch
    {
        MatchAllFilter => true,
        NullFilter => value is null,
        EmptyFilter => value is null or "",
        StringEqualsFilter s => value is string text && text == s.Value,
        StringLikeFilter l => value is string text && Regex.IsMatch(text, LikeRegex(l.Pattern), RegexOptions.Singleline),
        NumberCompareFilter c => value is decimal n && c.Comparison switch
        {
            NumberComparison.Equal => n == c.Value,
            NumberComparison.Less => n < c.Value,
            NumberComparison.LessOrEqual => n <= c.Value,
            NumberComparison.Greater => n > c.Value,
            _ => n >= c.Value,
        },
        NumberRangeFilter r => value is decimal n
            && (r.Low.Inclusive ? n >= r.Low.Value : n > r.Low.Value)
            && (r.High.Inclusive ? n <= r.High.Value : n < r.High.Value),
        YesNoFilter y => y.Value ? value is true : value is not true,
        AnyOfFilter any => any.Operands.Any(o => Matches(o, value)),
        AllOfFilter all => all.Operands.All(o => Matches(o, value)),
        NotFilter not => !Matches(not.Operand, value),
        _ => throw new ArgumentException($"Unexpected filter {filter}", nameof(filter)),
    };

    private static string LikeRegex(LikePattern pattern) =>
        "^" + string.Concat(pattern.Parts.Select(p => p.Kind switch
        {
            LikePartKind.AnyCharacters => ".*",
            LikePartKind.AnyCharacter => ".",
            _ => Regex.Escape(p.Text),
        })) + "$";

    private static string Format(object? value) => value switch
    {
        null => "NULL",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        string s => "'" + s + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
