using System.Globalization;
using StripeModelGen.Execution.Running;

namespace StripeModelGen.Integration.Tests.SqlServer;

/// <summary>
/// Whether two engines returned the same rows: the same columns, the same number of rows, and row by row
/// (or as sorted sets, for views, which have no order) the same values. Numbers compare with a relative
/// tolerance of 1e-6 (engines keep different numbers of decimals: NUMERIC, DECIMAL(38, 10), FLOAT), yes/no
/// values as 1 and 0 (SQL Server has no booleans), a date as its midnight.
/// </summary>
internal static class ResultComparison
{
    public static void AssertSame(ResultTable expected, ResultTable actual, bool ordered, string what)
    {
        Assert.Equal(expected.Columns.Select(c => c.Name), actual.Columns.Select(c => c.Name));
        var left = expected.Rows.Select(Row).ToList();
        var right = actual.Rows.Select(Row).ToList();
        if (!ordered)
        {
            left = [.. left.OrderBy(Key, StringComparer.Ordinal)];
            right = [.. right.OrderBy(Key, StringComparer.Ordinal)];
        }
        Assert.True(left.Count == right.Count, $"{what}: PostgreSQL returned {left.Count} rows, SQL Server {right.Count}");
        for (var i = 0; i < left.Count; i++)
        {
            for (var j = 0; j < left[i].Length; j++)
            {
                if (!Same(left[i][j], right[i][j]))
                {
                    Assert.Fail($"{what}: row {i + 1}, column {expected.Columns[j].Name}: PostgreSQL {Text(left[i][j])}, SQL Server {Text(right[i][j])}\n"
                        + $"PostgreSQL row: {string.Join(" | ", left[i].Select(Text))}\nSQL Server row: {string.Join(" | ", right[i].Select(Text))}");
                }
            }
        }
    }

    /// <summary>A value in a form both engines agree on.</summary>
    public static object? Normal(object? value) => value switch
    {
        null => null,
        bool b => b ? 1m : 0m,
        long l => (decimal)l,
        int i => (decimal)i,
        decimal d => d,
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        _ => value,
    };

    public static bool Same(object? a, object? b)
    {
        if (a is decimal x && b is decimal y)
            return Math.Abs(x - y) <= 0.000001m * Math.Max(1m, Math.Max(Math.Abs(x), Math.Abs(y)));
        return Equals(a, b);
    }

    private static object?[] Row(IReadOnlyList<object?> row) => [.. row.Select(Normal)];

    /// <summary>A sort key for unordered comparison: numbers rounded so that tolerance does not reorder rows.</summary>
    private static string Key(object?[] row) => string.Join("\u0001", row.Select(v => v is decimal d ? Math.Round(d, 4).ToString("0.####", CultureInfo.InvariantCulture) : Text(v)));

    private static string Text(object? value) => ResultTable.FormatValue(value);
}
