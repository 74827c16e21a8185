using System.Collections.Immutable;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

public sealed partial class Binder
{
    private static readonly string[] WeekDays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private ImmutableArray<SourceSymbol> BindSources()
    {
        var declared = new Dictionary<string, TextLocation>(StringComparer.Ordinal);
        var sources = ImmutableArray.CreateBuilder<SourceSymbol>();
        foreach (var source in _syntax.Sources)
        {
            if (!Declare(declared, source.Name, "Source"))
                continue;
            var tableNames = new Dictionary<string, TextLocation>(StringComparer.Ordinal);
            var tables = ImmutableSortedDictionary.CreateBuilder<string, SourceTableSymbol>(StringComparer.Ordinal);
            foreach (var table in source.Tables)
            {
                if (!Declare(tableNames, table.Name, "Table"))
                    continue;
                var columnNames = new Dictionary<string, TextLocation>(StringComparer.Ordinal);
                var columns = ImmutableSortedDictionary.CreateBuilder<string, SourceColumnSymbol>(StringComparer.Ordinal);
                foreach (var column in table.Columns)
                {
                    if (!Declare(columnNames, column.Name, "Column"))
                        continue;
                    var storage = column.Type is null ? ColumnStorage.Native : ParseEnum<ColumnStorage>(column.Type, "column storage") ?? ColumnStorage.Native;
                    columns[column.Name.Value] = new SourceColumnSymbol(column.Name.Value, column.Column?.Value ?? column.Name.Value, storage);
                }
                foreach (var missing in table.Missing)
                {
                    if (table.Columns.Any(c => c.Name.Value == missing.Value))
                        _diagnostics.Report(DiagnosticCatalog.MissingColumnStored, missing.Location, missing.Value, table.Name.Value);
                    else if (Declare(columnNames, missing, "Missing column"))
                        columns[missing.Value] = new SourceColumnSymbol(missing.Value, missing.Value, ColumnStorage.Native, Missing: true);
                }
                tables[table.Name.Value] = new SourceTableSymbol(table.Name.Value, table.Table?.Value ?? table.Name.Value, BindRowConditions(table), columns.ToImmutable());
            }
            sources.Add(new SourceSymbol(source.Name.Value, source.Description?.Value, source.Database?.Value, source.Schema?.Value, tables.ToImmutable()) { Location = source.Name.Location });
        }
        return sources.ToImmutable();
    }

    /// <summary>A source table's <c>where:</c>: booleans and numbers as written plainly, anything else (or quoted) as a string.</summary>
    private ImmutableArray<SourceRowCondition> BindRowConditions(SourceTableSyntax table)
    {
        // Each column appears once: the YAML reader rejects duplicate keys.
        var conditions = ImmutableArray.CreateBuilder<SourceRowCondition>();
        foreach (var condition in table.Where)
        {
            var value = condition.Value;
            object typed = value.Style != YamlScalarStyle.Plain ? value.Value
                : value.Value is "true" or "false" ? value.Value == "true"
                : decimal.TryParse(value.Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number
                : value.Value;
            conditions.Add(new SourceRowCondition(condition.Column.Value, typed));
        }
        return conditions.ToImmutable();
    }

    private ProjectSettings BindProject(ImmutableArray<SourceSymbol> sources)
    {
        var project = _syntax.Project;
        var sourceNames = sources.Select(s => s.Name).ToList();
        var defaultSource = project?.DefaultSource?.Value ?? sourceNames.FirstOrDefault() ?? "sigma";
        if (project?.DefaultSource is { } sourceSyntax && !sourceNames.Contains(sourceSyntax.Value))
            _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownSource, sourceSyntax.Location, sourceSyntax.Value, sourceNames, sourceSyntax.Value);
        if (_options.Source is { } requested && !sourceNames.Contains(requested))
            _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownSource, null, requested, sourceNames, requested);

        var dialect = project?.DefaultDialect?.Value ?? DefaultDialect;
        if (project?.DefaultDialect is { } dialectSyntax && !DialectNames.Contains(dialectSyntax.Value))
            _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownDialect, dialectSyntax.Location, dialectSyntax.Value, DialectNames, dialectSyntax.Value);

        var timeZone = project?.TimeZone?.Value ?? "UTC";
        if (project?.TimeZone is { } zoneSyntax && !IsIanaTimeZone(zoneSyntax.Value))
            _diagnostics.Report(DiagnosticCatalog.InvalidTimeZone, zoneSyntax.Location, zoneSyntax.Value);

        var weekStart = DayOfWeek.Monday;
        if (project?.WeekStart is { } weekSyntax)
        {
            var index = Array.IndexOf(WeekDays, weekSyntax.Value);
            if (index >= 0)
                weekStart = (DayOfWeek)((index + 1) % 7);
            else
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.InvalidEnumValue, weekSyntax.Location, weekSyntax.Value, WeekDays, weekSyntax.Value, "week start day", string.Join(", ", WeekDays));
        }

        return new ProjectSettings(
            project?.Name?.Value ?? "project",
            project?.Description?.Value,
            _options.Source ?? defaultSource,
            dialect,
            timeZone,
            weekStart,
            BindConstants(project));
    }

    private static bool IsIanaTimeZone(string name)
    {
        if (name is "UTC" or "Etc/UTC")
            return true;
        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) && zone.HasIanaId;
    }

    private ImmutableSortedDictionary<string, ConstantSymbol> BindConstants(ProjectSyntax? project)
    {
        var declared = new Dictionary<string, TextLocation>(StringComparer.Ordinal);
        var constants = ImmutableSortedDictionary.CreateBuilder<string, ConstantSymbol>(StringComparer.Ordinal);
        foreach (var constant in project?.Constants ?? [])
        {
            if (!Declare(declared, constant.Name, "Constant"))
                continue;
            var allowed = constant.AllowedValues.Select(v => v.Value).ToImmutableArray();
            var value = constant.Value?.Value ?? string.Empty;
            if (constant.Value is { } valueSyntax && allowed.Length > 0 && !allowed.Contains(value))
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.InvalidEnumValue, valueSyntax.Location, value, allowed, value, $"value of `{constant.Name.Value}`", string.Join(", ", allowed));
            constants[constant.Name.Value] = new ConstantSymbol(constant.Name.Value, value, allowed, constant.Description?.Value);
        }
        foreach (var (name, value) in _options.Constants ?? ImmutableSortedDictionary<string, string>.Empty)
        {
            if (!constants.TryGetValue(name, out var constant))
            {
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownProjectConstant, null, name, constants.Keys, name);
                continue;
            }
            if (constant.AllowedValues.Length > 0 && !constant.AllowedValues.Contains(value))
            {
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.InvalidEnumValue, null, value, constant.AllowedValues, value, $"value of `{name}`", string.Join(", ", constant.AllowedValues));
                continue;
            }
            constants[name] = constant with { Value = value };
        }
        return constants.ToImmutable();
    }
}
