using StripeModelGen.Execution.Schema;

namespace StripeModelGen.Execution.Datasets.Sources;

/// <summary>A column of a source's physical table: its name, its type and how its value comes from a Sigma row.</summary>
public sealed class ShapeColumn
{
    private readonly Func<ShapeRow, ShapeContext, object?> _value;

    internal ShapeColumn(string name, SigmaType type, string? from, Func<ShapeRow, ShapeContext, object?> value)
    {
        Name = name;
        Type = type;
        From = from;
        _value = value;
    }

    /// <summary>The physical column name, e.g. <c>payment_intent_id</c>.</summary>
    public string Name { get; }

    /// <summary>The column's type, in Sigma's vocabulary (the loader maps it to the engine's).</summary>
    public SigmaType Type { get; }

    /// <summary>The Sigma column it is read from (<c>payment_intent</c>); null for a column computed from several (or none).</summary>
    public string? From { get; }

    internal object? Value(ShapeRow row, ShapeContext context) =>
        row.Overrides is { } overrides && overrides.TryGetValue(Name, out var value) ? value : _value(row, context);
}

/// <summary>A Sigma row on its way into a source table, with the values a history row changes (Fivetran's <c>subscription_history</c>).</summary>
public sealed record ShapeRow(object Row, IReadOnlyDictionary<string, object?>? Overrides = null);

/// <summary>One physical table of a source: the Sigma table it comes from, its name and its columns.</summary>
public sealed class ShapeTable
{
    private readonly Func<ShapeContext, IEnumerable<ShapeRow>>? _rows;

    internal ShapeTable(string logical, string physical, IReadOnlyList<ShapeColumn> columns, Func<ShapeContext, IEnumerable<ShapeRow>>? rows = null)
    {
        Logical = logical;
        Physical = physical;
        Columns = columns;
        _rows = rows;
    }

    /// <summary>The Sigma (logical) table, e.g. <c>invoice_line_items</c>.</summary>
    public string Logical { get; }

    /// <summary>The table as the source names it, e.g. <c>invoice_lines</c> (Segment) or <c>invoice_line_item</c> (Fivetran).</summary>
    public string Physical { get; }

    public IReadOnlyList<ShapeColumn> Columns { get; }

    internal IEnumerable<ShapeRow> Rows(ShapeContext context) =>
        _rows?.Invoke(context) ?? context.Dataset.GetTable(Logical).Rows.Select(r => new ShapeRow(r));
}

/// <summary>What a mapping may look up while shaping rows: the dataset and its rows by id.</summary>
public sealed class ShapeContext
{
    private readonly Dictionary<string, Dictionary<string, object>> _byId = new(StringComparer.Ordinal);

    internal ShapeContext(SampleDataset dataset) => Dataset = dataset;

    public SampleDataset Dataset { get; }

    /// <summary>A row of a Sigma table by its <c>id</c>.</summary>
    public T Find<T>(string table, string id)
        where T : class
    {
        if (!_byId.TryGetValue(table, out var rows))
        {
            var sample = Dataset.GetTable(table);
            var key = sample.Columns.Single(c => c.Name == "id");
            _byId[table] = rows = sample.Rows.ToDictionary(r => (string)key.GetValue(r)!, StringComparer.Ordinal);
        }
        return (T)rows[id];
    }
}

/// <summary>A source's tables with their rows, ready to load: values in column order.</summary>
public sealed record ShapedTable(string Name, string Logical, IReadOnlyList<ShapeColumn> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>A dataset in one source's layout.</summary>
public sealed record ShapedDataset(string Source, IReadOnlyList<ShapedTable> Tables)
{
    public ShapedTable GetTable(string name) =>
        Tables.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"The {Source} dataset has no table `{name}`.");
}

/// <summary>
/// How one warehouse source lays out the Stripe data: which tables it has (a table the source lacks
/// is not there at all), what they are called, and which columns they have under which names and
/// types. The rows are the Sigma records of a <see cref="SampleDataset"/>, so every source holds the
/// same business facts. Sigma itself is loaded as it is (<see cref="Postgres.PostgresLoader"/>);
/// <see cref="Segment"/> and <see cref="Fivetran"/> follow the shared reference
/// (<c>stripe-schemas.md</c> sections 1 and 3).
/// </summary>
public sealed class SourceShape
{
    internal SourceShape(string name, string defaultSchema, IReadOnlyList<ShapeTable> tables)
    {
        Name = name;
        DefaultSchema = defaultSchema;
        Tables = tables;
    }

    /// <summary>The source names: sigma, segment, fivetran.</summary>
    public static IReadOnlyList<string> Names { get; } = ["sigma", "segment", "fivetran"];

    /// <summary>Stripe by Segment: collection names, <c>_id</c> foreign keys, <c>received_at</c>, <c>invoice_lines</c>, <c>discounts._end</c>, <c>subscriptions.start</c>; no prices, promotion codes, meters, exchange rates or MRR events.</summary>
    public static SourceShape Segment { get; } = SegmentShape.Create();

    /// <summary>Fivetran's Stripe connector: singular names, <c>subscription_history</c> (history mode, <c>_fivetran_active</c>), <c>payout</c> and <c>payout_balance_transaction</c>, <c>tier</c>; no promotion codes, meters, exchange rates or MRR events.</summary>
    public static SourceShape Fivetran { get; } = FivetranShape.Create();

    public string Name { get; }

    /// <summary>The schema the shipped model's source reads (<c>segment</c>, <c>fivetran</c>).</summary>
    public string DefaultSchema { get; }

    public IReadOnlyList<ShapeTable> Tables { get; }

    /// <summary>The shape of a source other than sigma; null for an unknown name (and for sigma, which needs no mapping).</summary>
    public static SourceShape? Find(string name) => name switch
    {
        "segment" => Segment,
        "fivetran" => Fivetran,
        _ => null,
    };

    /// <summary>The schema a source is loaded into unless told otherwise: <c>stripe</c> for sigma (the shipped model's schema), else the source's name.</summary>
    public static string DefaultSchemaFor(string source) => source == "sigma" ? Postgres.PostgresLoader.DefaultSchema : Find(source)?.DefaultSchema ?? source;

    public ShapeTable? FindTable(string physical) => Tables.FirstOrDefault(t => t.Physical == physical);

    /// <summary>The dataset's rows in this source's tables.</summary>
    public ShapedDataset Apply(SampleDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var context = new ShapeContext(dataset);
        var tables = Tables.Select(table => new ShapedTable(
            table.Physical,
            table.Logical,
            table.Columns,
            [.. table.Rows(context).Select(row => table.Columns.Select(c => c.Value(row, context)).ToArray())])).ToList();
        return new ShapedDataset(Name, tables);
    }
}
