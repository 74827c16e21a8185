using System.Reflection;
using System.Text;
using StripeModelGen.Execution.Schema;

namespace StripeModelGen.Execution.Datasets;

/// <summary>A column of a sample table: its Sigma name and type and how to read it from a row record.</summary>
public sealed class SampleColumn
{
    private readonly PropertyInfo _property;

    internal SampleColumn(PropertyInfo property)
    {
        _property = property;
        Name = ToColumnName(property.Name);
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        Type = type == typeof(string) ? SigmaType.Varchar
            : type == typeof(long) ? SigmaType.Bigint
            : type == typeof(double) ? SigmaType.Double
            : type == typeof(bool) ? SigmaType.Boolean
            : type == typeof(DateTime) ? SigmaType.Timestamp
            : throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name} has the type {type.Name}, which maps to no Sigma type.");
    }

    /// <summary>The Sigma column name (snake_case of the property name).</summary>
    public string Name { get; }

    public SigmaType Type { get; }

    /// <summary>The record property holding the column.</summary>
    public string PropertyName => _property.Name;

    /// <summary>The column's value in a row (null for SQL NULL).</summary>
    public object? GetValue(object row) => _property.GetValue(row);

    /// <summary><c>StatusTransitionsPaidAt</c> → <c>status_transitions_paid_at</c>, <c>CardLast4</c> → <c>card_last4</c>.</summary>
    public static string ToColumnName(string propertyName)
    {
        ArgumentNullException.ThrowIfNull(propertyName);
        var builder = new StringBuilder(propertyName.Length + 8);
        for (var i = 0; i < propertyName.Length; i++)
        {
            var ch = propertyName[i];
            if (char.IsAsciiLetterUpper(ch))
            {
                if (i > 0)
                    builder.Append('_');
                builder.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                builder.Append(ch);
            }
        }
        return builder.ToString();
    }
}

/// <summary>The rows of one Sigma table in a sample dataset, with the columns they fill.</summary>
public sealed class SampleTable
{
    private SampleTable(string name, Type rowType, IReadOnlyList<SampleColumn> columns, IReadOnlyList<object> rows, IReadOnlyList<SampleColumn> key)
    {
        Name = name;
        RowType = rowType;
        Columns = columns;
        Rows = rows;
        Key = key;
    }

    /// <summary>The Sigma table name, e.g. <c>charges</c>.</summary>
    public string Name { get; }

    /// <summary>The row record type, e.g. <see cref="ChargeRow"/>.</summary>
    public Type RowType { get; }

    /// <summary>The columns the rows fill, in the record's declaration order; every other column of the Sigma table is NULL.</summary>
    public IReadOnlyList<SampleColumn> Columns { get; }

    public IReadOnlyList<object> Rows { get; }

    /// <summary>
    /// The columns that identify a row in this dataset: <c>id</c> for most tables, (<c>invoice_id</c>,
    /// <c>id</c>) for invoice lines, whose old ids repeat across invoices, and the Sigma key elsewhere
    /// (<c>price_tiers</c>: price and <c>upto</c>, null for the last tier).
    /// </summary>
    public IReadOnlyList<SampleColumn> Key { get; }

    /// <summary>A row's key as text, the key columns' values joined with <c>|</c> (NULL for null).</summary>
    public string KeyOf(object row) => string.Join("|", Key.Select(c => Running.ResultTable.FormatValue(c.GetValue(row))));

    internal static SampleTable Create<TRow>(string name, IReadOnlyList<TRow> rows, params string[] key)
        where TRow : class
    {
        var columns = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .Select(p => new SampleColumn(p))
            .ToArray();
        var keyColumns = (key.Length == 0 ? ["id"] : key).Select(k => columns.Single(c => c.Name == k)).ToArray();
        return new SampleTable(name, typeof(TRow), columns, [.. rows.Cast<object>()], keyColumns);
    }
}
