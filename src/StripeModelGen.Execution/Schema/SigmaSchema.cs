using System.Collections.Frozen;

namespace StripeModelGen.Execution.Schema;

/// <summary>The column types of Stripe's Sigma / Data Pipeline schema.</summary>
public enum SigmaType
{
    Varchar,
    Bigint,
    Double,
    Boolean,
    /// <summary>A UTC timestamp with whole seconds.</summary>
    Timestamp,
}

/// <summary>One column of a Sigma table.</summary>
public sealed record SigmaColumn(string Name, SigmaType Type, bool IsPrimaryKey);

/// <summary>One Sigma table: its columns in the schema's order.</summary>
public sealed class SigmaTable
{
    private readonly FrozenDictionary<string, SigmaColumn> _byName;

    internal SigmaTable(string name, IReadOnlyList<SigmaColumn> columns)
    {
        Name = name;
        Columns = columns;
        _byName = columns.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<SigmaColumn> Columns { get; }

    /// <summary>The primary key columns as the schema flags them (not always unique in real data, e.g. invoice_line_items.invoice_id).</summary>
    public IReadOnlyList<SigmaColumn> PrimaryKey => [.. Columns.Where(c => c.IsPrimaryKey)];

    public SigmaColumn? FindColumn(string name) => _byName.GetValueOrDefault(name);
}

/// <summary>
/// The fact table of Stripe's published Sigma / Data Pipeline schema (tables, columns, types,
/// primary keys), embedded from <c>Schema/sigma-columns.tsv</c>, a copy of the shared reference
/// <c>sigma-schema.json</c>. Sample data may only write columns listed here.
/// </summary>
public sealed class SigmaSchema
{
    private const string ResourceName = "StripeModelGen.Execution.Schema.sigma-columns.tsv";

    private static readonly Lazy<SigmaSchema> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<string, SigmaTable> _byName;

    private SigmaSchema(IReadOnlyList<SigmaTable> tables)
    {
        Tables = tables;
        _byName = tables.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The schema embedded in this assembly.</summary>
    public static SigmaSchema Instance => Embedded.Value;

    /// <summary>Every table, in the reference's order.</summary>
    public IReadOnlyList<SigmaTable> Tables { get; }

    public SigmaTable? FindTable(string name) => _byName.GetValueOrDefault(name);

    public SigmaTable GetTable(string name) =>
        FindTable(name) ?? throw new KeyNotFoundException($"The Sigma schema has no table `{name}`.");

    /// <summary>Parses a Sigma type name (<c>varchar</c>, <c>bigint</c>, <c>double</c>, <c>boolean</c>, <c>timestamp</c>).</summary>
    public static SigmaType ParseType(string name) => name switch
    {
        "varchar" => SigmaType.Varchar,
        "bigint" => SigmaType.Bigint,
        "double" => SigmaType.Double,
        "boolean" => SigmaType.Boolean,
        "timestamp" => SigmaType.Timestamp,
        _ => throw new FormatException($"Unknown Sigma type `{name}`."),
    };

    /// <summary>The Sigma spelling of a type.</summary>
    public static string TypeName(SigmaType type) => type switch
    {
        SigmaType.Varchar => "varchar",
        SigmaType.Bigint => "bigint",
        SigmaType.Double => "double",
        SigmaType.Boolean => "boolean",
        SigmaType.Timestamp => "timestamp",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Reads the tab-separated fact table: <c>table column type pk|-</c>, <c>#</c> comment lines.</summary>
    public static SigmaSchema Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tables = new List<(string Name, List<SigmaColumn> Columns)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split('\t');
            if (parts.Length != 4 || parts[3] is not ("pk" or "-"))
                throw new FormatException($"sigma-columns.tsv:{lineNumber}: expected `table<TAB>column<TAB>type<TAB>pk|-`.");
            if (tables.Count == 0 || tables[^1].Name != parts[0])
            {
                if (tables.Exists(t => t.Name == parts[0]))
                    throw new FormatException($"sigma-columns.tsv:{lineNumber}: the columns of table `{parts[0]}` are not contiguous.");
                tables.Add((parts[0], []));
            }
            var columns = tables[^1].Columns;
            if (columns.Exists(c => c.Name == parts[1]))
                throw new FormatException($"sigma-columns.tsv:{lineNumber}: duplicate column `{parts[0]}.{parts[1]}`.");
            columns.Add(new SigmaColumn(parts[1], ParseType(parts[2]), parts[3] == "pk"));
        }
        return new SigmaSchema([.. tables.Select(t => new SigmaTable(t.Name, t.Columns))]);
    }

    private static SigmaSchema LoadEmbedded()
    {
        using var stream = typeof(SigmaSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
