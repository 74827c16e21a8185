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
public sealed record SourceSymbol(string Name, string? Description, string? Database, string? Schema, ImmutableSortedDictionary<string, SourceTableSymbol> Tables);

public sealed record SourceTableSymbol(string Name, string Table, ImmutableSortedDictionary<string, SourceColumnSymbol> Columns);

public sealed record SourceColumnSymbol(string Name, string Column, string? Type);
