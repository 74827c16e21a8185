using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Binding;

/// <summary>The checked <c>project.yml</c>, with <c>--const</c> overrides applied.</summary>
public sealed record ProjectSettings(
    string Name,
    string? Description,
    string DefaultSource,
    string DefaultDialect,
    string TimeZone,
    DayOfWeek WeekStart,
    ImmutableSortedDictionary<string, ConstantSymbol> Constants);

public sealed record ConstantSymbol(string Name, string Value, ImmutableArray<string> AllowedValues, string? Description);

/// <summary>A source: how logical tables are laid out physically in one warehouse schema.</summary>
public sealed record SourceSymbol(string Name, string? Description, string? Database, string? Schema, ImmutableSortedDictionary<string, SourceTableSymbol> Tables)
{
    /// <summary>Where the source is declared (its name); the default location for a source built in code.</summary>
    public Text.TextLocation Location { get; init; }

    /// <summary>True when a table of the source lists <c>missing:</c> columns, so that a view may have to leave some out.</summary>
    public bool LacksColumns => Tables.Values.Any(t => t.Columns.Values.Any(c => c.Missing));
}

/// <summary>
/// A logical table as one source stores it: the physical <see cref="Table"/>, the rows of it that are read
/// (all of them unless <see cref="Where"/> has conditions; a history-mode table keeps its current rows) and
/// the columns that differ.
/// </summary>
public sealed record SourceTableSymbol(string Name, string Table, ImmutableArray<SourceRowCondition> Where, ImmutableSortedDictionary<string, SourceColumnSymbol> Columns)
{
    /// <summary>True when the source does not have this logical column (<c>missing:</c>): whatever reads it is not compiled for the source.</summary>
    public bool Lacks(string column) => Columns.GetValueOrDefault(column)?.Missing ?? false;
}

/// <summary>Only rows whose physical <see cref="Column"/> equals <see cref="Value"/> (a bool, decimal or string) are read.</summary>
public sealed record SourceRowCondition(string Column, object Value);

/// <summary>A column stored under another name or in another form (<see cref="Storage"/>), or not at all (<see cref="Missing"/>).</summary>
public sealed record SourceColumnSymbol(string Name, string Column, ColumnStorage Storage, bool Missing = false);

/// <summary>How a source stores a column the model reads as something else.</summary>
public enum ColumnStorage
{
    /// <summary>As the model reads it; only the name differs.</summary>
    Native,
    /// <summary>Whole seconds since 1970-01-01 UTC, read as a timestamp.</summary>
    EpochSeconds,
    /// <summary>Milliseconds since 1970-01-01 UTC, read as a timestamp.</summary>
    EpochMilliseconds,
    /// <summary>ISO 8601 text with <c>Z</c> or an offset (<c>2024-03-01T10:00:00Z</c>), read as a UTC timestamp.</summary>
    Iso8601Text,
}
