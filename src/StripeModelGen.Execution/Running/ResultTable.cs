using System.Globalization;
using System.Text;

namespace StripeModelGen.Execution.Running;

/// <summary>A result column: its name and the engine's type name (e.g. <c>numeric</c>, <c>bigint</c>).</summary>
public sealed record ResultColumn(string Name, string DataTypeName);

/// <summary>
/// The rows a statement returned, with normalised CLR values: integers as <see cref="long"/>,
/// exact decimals as <see cref="decimal"/> (a whole number too large for it as <see cref="double"/>),
/// floating point as <see cref="double"/>, timestamps as
/// <see cref="DateTime"/> (UTC), dates as <see cref="DateOnly"/>, times as <see cref="TimeOnly"/>,
/// intervals as <see cref="TimeSpan"/>, booleans, strings, and null for SQL NULL.
/// </summary>
public sealed class ResultTable
{
    public ResultTable(IReadOnlyList<ResultColumn> columns, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        Columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<ResultColumn> Columns { get; }

    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    /// <summary>The index of a column by name (ordinal); -1 when absent.</summary>
    public int IndexOf(string columnName)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == columnName)
                return i;
        }
        return -1;
    }

    /// <summary>The values of one column, top to bottom.</summary>
    public IReadOnlyList<object?> Column(string columnName)
    {
        var index = IndexOf(columnName);
        if (index < 0)
            throw new KeyNotFoundException($"The result has no column `{columnName}`; it has {string.Join(", ", Columns.Select(c => c.Name))}.");
        return [.. Rows.Select(r => r[index])];
    }

    /// <summary>
    /// A deterministic text rendering: a header line, a separator, then one line per row, cells
    /// separated by <c> | </c> and formatted by <see cref="FormatValue"/> (invariant culture).
    /// </summary>
    public string ToText()
    {
        var builder = new StringBuilder();
        builder.Append(string.Join(" | ", Columns.Select(c => c.Name))).Append('\n');
        builder.Append(string.Join("-+-", Columns.Select(c => new string('-', Math.Max(1, c.Name.Length))))).Append('\n');
        foreach (var row in Rows)
            builder.Append(string.Join(" | ", row.Select(FormatValue))).Append('\n');
        builder.Append(Rows.Count == 1 ? "(1 row)" : string.Create(CultureInfo.InvariantCulture, $"({Rows.Count} rows)")).Append('\n');
        return builder.ToString();
    }

    public override string ToString() => ToText();

    /// <summary>
    /// One value as text, the same on every machine: <c>NULL</c>; <c>true</c>/<c>false</c>; integers and
    /// decimals in invariant culture (decimals keep their scale: <c>12.50</c>); doubles round-trip
    /// (<c>R</c>); timestamps <c>yyyy-MM-dd HH:mm:ss[.fffffff]</c>; dates <c>yyyy-MM-dd</c>; intervals
    /// <c>[-]d.hh:mm:ss[.fffffff]</c>; strings as they are, with tab, CR and LF escaped.
    /// </summary>
    public static string FormatValue(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "true" : "false",
        string s => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal),
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay.Ticks % TimeSpan.TicksPerSecond == 0
            ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture).TrimEnd('0'),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        byte[] bytes => "\\x" + Convert.ToHexStringLower(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
