using System.Collections.Concurrent;
using System.Reflection;
using StripeModelGen.Execution.Schema;

namespace StripeModelGen.Execution.Datasets.Sources;

/// <summary>Declares one source table: columns kept as they are, renamed, converted or computed from a Sigma row.</summary>
internal sealed class ShapeBuilder(string logical, string physical)
{
    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo> Properties = new();

    private readonly SigmaTable _sigma = SigmaSchema.Instance.GetTable(logical);
    private readonly List<ShapeColumn> _columns = [];

    /// <summary>Sigma columns the source has under the same name and type.</summary>
    public ShapeBuilder Same(params string[] columns)
    {
        foreach (var column in columns)
            Renamed(column, column);
        return this;
    }

    /// <summary>A Sigma column the source names differently (<c>payment_intent</c> → <c>payment_intent_id</c>).</summary>
    public ShapeBuilder Renamed(string name, string from)
    {
        var type = TypeOf(from);
        _columns.Add(new ShapeColumn(name, type, from, (row, _) => Read(row.Row, from)));
        return this;
    }

    /// <summary>A Sigma epoch-seconds bigint the source stores as a timestamp (<c>discounts.end</c>, <c>subscription_items.created</c>).</summary>
    public ShapeBuilder EpochAsTimestamp(string name, string from)
    {
        if (TypeOf(from) != SigmaType.Bigint)
            throw new InvalidOperationException($"{logical}.{from} is not an epoch bigint.");
        _columns.Add(new ShapeColumn(name, SigmaType.Timestamp, from,
            (row, _) => Read(row.Row, from) is long seconds ? DateTime.UnixEpoch.AddSeconds(seconds) : null));
        return this;
    }

    /// <summary>A column computed from the row (and lookups), or a constant of the source (<c>livemode</c>).</summary>
    public ShapeBuilder Computed(string name, SigmaType type, Func<ShapeRow, ShapeContext, object?> value)
    {
        _columns.Add(new ShapeColumn(name, type, null, value));
        return this;
    }

    public ShapeBuilder Constant(string name, SigmaType type, object? value) => Computed(name, type, (_, _) => value);

    public ShapeTable Build(Func<ShapeContext, IEnumerable<ShapeRow>>? rows = null)
    {
        var duplicate = _columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"{physical}.{duplicate.Key} is declared twice.");
        return new ShapeTable(logical, physical, [.. _columns], rows);
    }

    private SigmaType TypeOf(string column) =>
        _sigma.FindColumn(column)?.Type ?? throw new InvalidOperationException($"{logical}.{column} is not a Sigma column.");

    /// <summary>The value of a Sigma column in a row record (<c>payment_intent</c> → property <c>PaymentIntent</c>).</summary>
    public static object? Read(object row, string column)
    {
        var property = Properties.GetOrAdd((row.GetType(), column), static key =>
            key.Item1.GetProperty(ToPropertyName(key.Item2), BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{key.Item1.Name} has no property for the column `{key.Item2}`: the dataset does not fill it."));
        return property.GetValue(row);
    }

    private static string ToPropertyName(string column) =>
        string.Concat(column.Split('_').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
