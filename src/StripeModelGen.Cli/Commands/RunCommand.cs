using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Emit;
using StripeModelGen.Compiler.Querying;
using StripeModelGen.Execution.Postgres;
using StripeModelGen.Execution.Running;

namespace StripeModelGen.Cli.Commands;

/// <summary>
/// <c>run</c>: compiles a dashboard, a saved query or an ad-hoc query for PostgreSQL (the only engine
/// it executes on for now), binds <c>--param</c> values to the artifact's parameters, runs it on
/// <c>--connection</c> and prints the rows as a table, CSV or JSON. Exit codes: 0 success; 1 the model
/// or query has errors, or the database rejected a statement (one located line per failure, e.g.
/// <c>tile executive_summary.gross_charges: 42703: column "x" does not exist</c>); 2 bad usage (a
/// missing or unknown parameter, a malformed connection string) or no connection to the database.
/// </summary>
public static class RunCommand
{
    /// <summary>The dialect <c>run</c> compiles for: the engine it can execute on.</summary>
    public const string Dialect = "postgres";

    private static readonly string[] Formats = ["table", "csv", "json"];

    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var connection = new Option<string>("--connection")
        {
            Description = "The PostgreSQL database, as an Npgsql connection string (Host=localhost;Username=me;Database=stripe)",
            HelpName = "C",
            Required = true,
        };
        var dashboard = new Option<string>("--dashboard") { Description = "Run every tile of this dashboard", HelpName = "NAME" };
        var query = new Option<string>("--query") { Description = "Run this saved query", HelpName = "NAME" };
        var explore = new Option<string>("--explore") { Description = "Run an ad-hoc query over this explore (with --fields)", HelpName = "E" };
        var fields = new Option<string>("--fields") { Description = "Comma-separated fields of the ad-hoc query, as view.field", HelpName = "a,b" };
        var filters = new Option<string[]>("--filter") { Description = "A filter of the ad-hoc query, field=Looker filter expression; repeatable", HelpName = "f=expr", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var sorts = new Option<string[]>("--sort") { Description = "Sort the ad-hoc query by a selected field, optionally :desc; repeatable", HelpName = "f[:desc]", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var limit = new Option<int?>("--limit") { Description = "At most N rows (ad-hoc query)", HelpName = "N" };
        var asOf = AsOfOption.Create();
        var parameters = new Option<string[]>("--param")
        {
            Description = "A value for a parameter of the dashboard or query (a dashboard filter without a default); repeatable, a later one wins",
            HelpName = "name=value",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<string>("--format")
        {
            Description = "How rows are printed: table (aligned columns, like psql), csv (RFC 4180) or json (an array of objects)",
            HelpName = "table|csv|json",
            DefaultValueFactory = _ => "table",
        };
        format.CompletionSources.Add(Formats);
        format.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !Formats.Contains(t.Value, StringComparer.Ordinal)))
                result.AddError($"--format '{token.Value}' is not one of: {string.Join(", ", Formats)}");
        });
        parameters.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !TrySplit(t.Value, out _, out _)))
                result.AddError($"--param '{token.Value}' is not of the form name=value");
        });

        var command = new Command("run", "Run a dashboard, a saved query or an ad-hoc query on PostgreSQL and print the rows");
        common.AddTo(command);
        foreach (var option in new Option[] { connection, dashboard, query, explore, fields, filters, sorts, limit, parameters, asOf, format })
            command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var context = new CommandContext(parseResult, environment);
            var selection = Select(context, dashboard, query, explore, fields, filters, sorts, limit);
            var values = ParseParameters(context.Get(parameters) ?? []);
            return Run(context, common, selection, values, asOf, context.Get(connection)!, context.Get(format) ?? "table");
        });
        return command;
    }

    /// <summary>What to run: a dashboard, a saved query, or an ad-hoc request.</summary>
    private sealed record Selection(string? Dashboard, string? Query, QueryRequest? Request);

    private static Selection Select(CommandContext context, Option<string> dashboard, Option<string> query, Option<string> explore, Option<string> fields,
        Option<string[]> filters, Option<string[]> sorts, Option<int?> limit)
    {
        var chosen = new[] { ("--dashboard", context.Get(dashboard)), ("--query", context.Get(query)), ("--explore", context.Get(explore)) }
            .Where(c => c.Item2 is not null).ToList();
        if (chosen.Count != 1)
        {
            throw new UsageException(chosen.Count == 0
                ? "run needs what to run: --dashboard NAME, --query NAME, or --explore E --fields a,b"
                : $"{string.Join(" and ", chosen.Select(c => c.Item1))} cannot be combined; give one of --dashboard, --query or --explore");
        }
        var adHocFlags = new (string Name, bool Given)[]
        {
            ("--fields", context.Get(fields) is not null), ("--filter", (context.Get(filters) ?? []).Length > 0),
            ("--sort", (context.Get(sorts) ?? []).Length > 0), ("--limit", context.Get(limit) is not null),
        };
        if (chosen[0].Item1 != "--explore")
        {
            if (adHocFlags.FirstOrDefault(f => f.Given) is { Name: { } flag })
                throw new UsageException($"{flag} belongs to an ad-hoc query (--explore); it cannot be used with {chosen[0].Item1}");
            return chosen[0].Item1 == "--dashboard" ? new Selection(chosen[0].Item2, null, null) : new Selection(null, chosen[0].Item2, null);
        }
        if (context.Get(fields) is not { } fieldList)
            throw new UsageException("--explore needs --fields a,b");
        var request = new QueryRequest(
            context.Get(explore)!,
            [.. fieldList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            [.. (context.Get(filters) ?? []).Select(ParseFilter)],
            [.. context.Get(sorts) ?? []],
            context.Get(limit) is { } n ? n > 0 ? n : throw new UsageException($"--limit {n.ToString(CultureInfo.InvariantCulture)} must be at least 1") : null,
            []);
        return new Selection(null, null, request);
    }

    private static KeyValuePair<string, string> ParseFilter(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
            throw new UsageException($"--filter '{text}' is not of the form field=expression");
        return KeyValuePair.Create(text[..equals].Trim(), text[(equals + 1)..]);
    }

    private static bool TrySplit(string pair, out string name, out string value)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        name = equals > 0 ? pair[..equals].Trim() : string.Empty;
        value = equals > 0 ? pair[(equals + 1)..] : string.Empty;
        return name.Length > 0;
    }

    /// <summary><c>name=value</c> pairs, split at the first <c>=</c>; a later name wins.</summary>
    public static ImmutableSortedDictionary<string, string> ParseParameters(IEnumerable<string> pairs)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            if (!TrySplit(pair, out var name, out var value))
                throw new UsageException($"--param '{pair}' is not of the form name=value");
            builder[name] = value;
        }
        return builder.ToImmutable();
    }

    /// <summary>One statement to run: its label in messages (<c>tile d.t</c>, <c>query q</c>), its title and its artifact.</summary>
    private sealed record Job(string Label, string Name, string? Title, CompiledArtifact Artifact);

    private static int Run(CommandContext context, CommonOptions common, Selection selection, ImmutableSortedDictionary<string, string> values, Option<string> asOfOption, string connection, string format)
    {
        if (PostgresSession.CheckConnectionString(connection) is { } problem)
            throw new UsageException($"--connection is not a valid PostgreSQL connection string: {problem}");
        var (project, loaded) = context.LoadProject(common);
        var prefix = project.PathPrefixFrom(context.Environment.CurrentDirectory);
        if (loaded.Model is not { } model)
        {
            context.Output.WriteDiagnostics(loaded.Diagnostics, DiagnosticFormat.Text, prefix);
            return ExitCodes.ModelErrors;
        }

        var (jobs, what, diagnostics) = Compile(model, selection, AsOfOption.Resolve(context, asOfOption, model));
        context.Output.WriteDiagnostics([.. loaded.Diagnostics, .. diagnostics], DiagnosticFormat.Text, prefix);
        if (jobs is null)
        {
            if (!diagnostics.Any(d => d.IsError))
                context.Output.WriteErrorLine($"error: {what} has nothing that can run over source {model.Project.DefaultSource}");
            return ExitCodes.ModelErrors;
        }

        var expected = jobs.SelectMany(j => j.Artifact.Parameters).Distinct().Order(StringComparer.Ordinal).ToList();
        var takes = expected.Count == 0 ? "it takes none" : "it takes " + string.Join(", ", expected);
        if (values.Keys.FirstOrDefault(k => !expected.Contains(k)) is { } unknown)
            throw new UsageException($"--param {unknown}: {what} has no parameter {unknown} ({takes})");
        var missing = expected.Where(p => !values.ContainsKey(p)).ToList();
        if (missing.Count > 0)
            throw new UsageException($"{what} needs {string.Join(" ", missing.Select(m => $"--param {m}=VALUE"))} ({takes})");

        return Execute(context, jobs, selection.Dashboard, model, values, connection, format);
    }

    /// <summary>Compiles what was selected; null jobs (after diagnostics) when it cannot run.</summary>
    private static (IReadOnlyList<Job>? Jobs, string What, ImmutableArray<Diagnostic> Diagnostics) Compile(BoundModel model, Selection selection, DateTimeOffset? asOf)
    {
        if (selection.Request is { } request)
        {
            var adHoc = Compilation.CompileQuery(model, request, Dialect, asOf);
            return (adHoc.Artifact is { } artifact ? [new Job("query", "query", null, artifact)] : null, "the query", adHoc.Diagnostics);
        }

        if (selection.Dashboard is { } dashboardName)
        {
            var dashboard = model.Dashboard(dashboardName)
                ?? throw new UsageException(Unknown("dashboard", dashboardName, model.Dashboards.Select(d => d.Name)));
            var compiled = Compilation.Compile(model, Dialect, asOf);
            var located = Within(compiled.Diagnostics, model, [dashboard.Location, .. dashboard.Tiles.Select(t => t.Location)]);
            if (compiled.Project is not { } project)
                return (null, $"dashboard {dashboard.Name}", compiled.Diagnostics);
            var jobs = dashboard.Tiles
                .Select(t => (Tile: t, Artifact: project.Artifacts.FirstOrDefault(a => a.Kind == QueryBinder.TileKind && a.Name == $"{dashboard.Name}.{t.Name}")))
                .Where(t => t.Artifact is not null)
                .Select(t => new Job($"tile {t.Artifact!.Name}", t.Tile.Name, t.Tile.Title, t.Artifact))
                .ToList();
            return (jobs.Count > 0 ? jobs : null, $"dashboard {dashboard.Name}", located);
        }

        var queryName = selection.Query!;
        var saved = model.Queries.FirstOrDefault(q => q.Name == queryName)
            ?? throw new UsageException(Unknown("saved query", queryName, model.Queries.Select(q => q.Name)));
        var all = Compilation.Compile(model, Dialect, asOf);
        var forQuery = Within(all.Diagnostics, model, [saved.Location]);
        var found = all.Project?.Artifacts.FirstOrDefault(a => a.Kind == QueryBinder.SavedQueryKind && a.Name == saved.Name);
        return (found is null ? null : [new Job($"query {saved.Name}", saved.Name, null, found)], $"query {saved.Name}", all.Project is null ? all.Diagnostics : forQuery);
    }

    /// <summary>
    /// The errors, and the warnings located in the YAML of what runs: from a selected dashboard's, tile's
    /// or saved query's line up to the next dashboard, tile or saved query of the same file. Compiling the
    /// whole project reports on every artifact; <c>run</c> shows only what concerns its own.
    /// </summary>
    private static ImmutableArray<Diagnostic> Within(ImmutableArray<Diagnostic> diagnostics, BoundModel model, IReadOnlyList<Compiler.Text.TextLocation> selected)
    {
        var anchors = model.Dashboards.SelectMany(d => d.Tiles.Select(t => t.Location).Prepend(d.Location)).Concat(model.Queries.Select(q => q.Location)).ToList();
        bool Inside(Compiler.Text.TextLocation at, Compiler.Text.TextLocation start)
        {
            if (at.Path != start.Path || at.Line < start.Line)
                return false;
            var next = anchors.Where(a => a.Path == start.Path && a.Line > start.Line).Select(a => a.Line).DefaultIfEmpty(int.MaxValue).Min();
            return at.Line < next;
        }
        return [.. diagnostics.Where(d => d.IsError || (d.Location is { } at && selected.Any(s => Inside(at, s))))];
    }

    private static string Unknown(string kind, string name, IEnumerable<string> names)
    {
        var list = names.ToList();
        var suggestion = NameSuggester.Suggest(name, list);
        return $"the project has no {kind} '{name}'" + (suggestion is null
            ? list.Count == 0 ? "" : $" (it has: {string.Join(", ", list)})"
            : $"; did you mean '{suggestion}'?");
    }

    private static int Execute(CommandContext context, IReadOnlyList<Job> jobs, string? dashboard, BoundModel model, ImmutableSortedDictionary<string, string> values, string connection, string format)
    {
        PostgresSession session;
        try
        {
            session = PostgresSession.OpenAsync(connection).GetAwaiter().GetResult();
        }
        catch (SqlExecutionException e)
        {
            context.Output.WriteUsageError("cannot connect to PostgreSQL: " + e.Message);
            return ExitCodes.Usage;
        }

        var results = new List<RunResult>();
        var failed = false;
        try
        {
            foreach (var job in jobs)
            {
                var bound = job.Artifact.Parameters.ToDictionary(p => p, p => (string?)values[p], StringComparer.Ordinal);
                try
                {
                    var table = session.QueryAsync(job.Artifact.Sql, bound).GetAwaiter().GetResult();
                    results.Add(new RunResult(job.Name, job.Title, job.Artifact.Columns, table, null));
                }
                catch (SqlExecutionException e) when (!e.IsConnectionFailure)
                {
                    context.Output.WriteErrorLine($"{job.Label}: {e.Message}");
                    results.Add(new RunResult(job.Name, job.Title, job.Artifact.Columns, null, e.Message));
                    failed = true;
                }
                catch (SqlExecutionException e)
                {
                    context.Output.WriteUsageError($"lost the connection to PostgreSQL during {job.Label}: {e.Message}");
                    return ExitCodes.Usage;
                }
            }
        }
        finally
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        var dashboardSymbol = dashboard is null ? null : model.Dashboard(dashboard);
        context.Output.Out.Write(format switch
        {
            "csv" => RunOutput.Csv(results, dashboard is not null),
            "json" => RunOutput.Json(results, dashboardSymbol?.Name, dashboardSymbol?.Title),
            _ => RunOutput.Table(results, dashboard is not null),
        });
        return failed ? ExitCodes.ModelErrors : ExitCodes.Success;
    }
}

/// <summary>One statement's outcome: the tile or query name, the tile's title, the artifact's columns, and the rows or the error.</summary>
public sealed record RunResult(string Name, string? Title, IReadOnlyList<ArtifactColumn> Columns, ResultTable? Table, string? Error);

/// <summary>
/// Renders the results of <c>run</c>, the same on every machine (invariant culture, <c>\n</c> line
/// ends except CSV's <c>\r\n</c>): decimals lose trailing zeros, but money keeps the decimals of the
/// row's currency (<c>12.50</c> USD, <c>1200</c> JPY, <c>9.000</c> KWD; two without a currency
/// column), other numbers none (<c>0.75</c>), doubles round-trip,
/// timestamps are <c>yyyy-MM-dd HH:mm:ss</c> (ISO 8601 with <c>Z</c> in JSON), SQL NULL is an empty
/// cell (<c>null</c> in JSON).
/// </summary>
public static class RunOutput
{
    /// <summary>
    /// Aligned columns like psql: a centred header, a <c>-+-</c> rule, numbers right-aligned, text
    /// left-aligned, then <c>(N rows)</c>. With <paramref name="titled"/> (a dashboard) each table comes
    /// after its tile's title, tiles separated by a blank line.
    /// </summary>
    public static string Table(IReadOnlyList<RunResult> results, bool titled)
    {
        ArgumentNullException.ThrowIfNull(results);
        var builder = new StringBuilder();
        for (var r = 0; r < results.Count; r++)
        {
            var result = results[r];
            if (titled)
            {
                if (r > 0)
                    builder.Append('\n');
                builder.Append(result.Title ?? result.Name).Append('\n');
            }
            if (result.Table is not { } table)
            {
                if (titled)
                    builder.Append("(failed: ").Append(result.Error).Append(")\n");
                continue;
            }
            var money = MoneyColumns(result, table);
            var cells = table.Rows.Select(row => row.Select((value, i) => Cell(value, MinimumDecimals(money, table, row, i), escape: true)).ToArray()).ToList();
            var widths = table.Columns.Select((c, i) => Math.Max(c.Name.Length, cells.Count == 0 ? 0 : cells.Max(row => row[i].Length))).ToArray();
            var numeric = table.Columns.Select((_, i) => table.Rows.Any(row => row[i] is not null) && table.Rows.All(row => row[i] is null or long or decimal or double)).ToArray();
            var header = table.Columns.Select((c, i) => Centre(c.Name, widths[i]));
            builder.Append((" " + string.Join(" | ", header)).TrimEnd()).Append('\n');
            builder.Append(string.Join("+", widths.Select(w => new string('-', w + 2)))).Append('\n');
            foreach (var row in cells)
            {
                var padded = row.Select((cell, i) => numeric[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
                builder.Append((" " + string.Join(" | ", padded)).TrimEnd()).Append('\n');
            }
            builder.Append(table.Rows.Count == 1 ? "(1 row)" : string.Create(CultureInfo.InvariantCulture, $"({table.Rows.Count} rows)")).Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>
    /// RFC 4180: a header record, one record per row, <c>\r\n</c> line ends, fields quoted when they hold a
    /// comma, a quote or a line break. With <paramref name="titled"/> each tile's records follow a record
    /// holding its title, tiles separated by an empty line.
    /// </summary>
    public static string Csv(IReadOnlyList<RunResult> results, bool titled)
    {
        ArgumentNullException.ThrowIfNull(results);
        var builder = new StringBuilder();
        for (var r = 0; r < results.Count; r++)
        {
            var result = results[r];
            if (titled)
            {
                if (r > 0)
                    builder.Append("\r\n");
                builder.Append(CsvField(result.Title ?? result.Name)).Append("\r\n");
            }
            if (result.Table is not { } table)
                continue;
            var money = MoneyColumns(result, table);
            builder.Append(string.Join(",", table.Columns.Select(c => CsvField(c.Name)))).Append("\r\n");
            foreach (var row in table.Rows)
                builder.Append(string.Join(",", row.Select((value, i) => CsvField(Cell(value, MinimumDecimals(money, table, row, i), escape: false))))).Append("\r\n");
        }
        return builder.ToString();
    }

    /// <summary>
    /// A query: an array of objects, one per row, keyed by column name. A dashboard: an object with its
    /// name, title and tiles, each tile with its name, title and rows (or its error).
    /// </summary>
    public static string Json(IReadOnlyList<RunResult> results, string? dashboard, string? title)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            if (dashboard is null)
            {
                WriteRows(writer, results.Count == 0 ? null : results[0]);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteString("dashboard", dashboard);
                writer.WriteString("title", title);
                writer.WriteStartArray("tiles");
                foreach (var result in results)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", result.Name);
                    writer.WriteString("title", result.Title);
                    if (result.Error is { } error)
                    {
                        writer.WriteString("error", error);
                    }
                    else
                    {
                        writer.WritePropertyName("rows");
                        WriteRows(writer, result);
                    }
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteRows(Utf8JsonWriter writer, RunResult? result)
    {
        writer.WriteStartArray();
        if (result?.Table is { } table)
        {
            var money = MoneyColumns(result, table);
            foreach (var row in table.Rows)
            {
                writer.WriteStartObject();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    writer.WritePropertyName(table.Columns[i].Name);
                    switch (row[i])
                    {
                        case null:
                            writer.WriteNullValue();
                            break;
                        case bool b:
                            writer.WriteBooleanValue(b);
                            break;
                        case long l:
                            writer.WriteNumberValue(l);
                            break;
                        case decimal d:
                            writer.WriteRawValue(Decimal(d, MinimumDecimals(money, table, row, i)));
                            break;
                        case double d when double.IsFinite(d):
                            writer.WriteRawValue(d.ToString("R", CultureInfo.InvariantCulture));
                            break;
                        case DateTime t:
                            writer.WriteStringValue(t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                            break;
                        case string s:
                            writer.WriteStringValue(s);
                            break;
                        case var other:
                            writer.WriteStringValue(ResultTable.FormatValue(other));
                            break;
                    }
                }
                writer.WriteEndObject();
            }
        }
        writer.WriteEndArray();
    }

    /// <summary>Which result columns are money: the artifact says so for its column of that name.</summary>
    private static bool[] MoneyColumns(RunResult result, ResultTable table) =>
        [.. table.Columns.Select(column => result.Columns.Any(c => c.Name == column.Name && c.Type == "money"))];

    /// <summary>
    /// How many decimals a cell shows at least: for money, its currency's (the row's currency column,
    /// 0 for JPY, 3 for KWD), or two when the row has none; nothing for other numbers.
    /// </summary>
    private static int MinimumDecimals(bool[] money, ResultTable table, IReadOnlyList<object?> row, int index)
    {
        if (!money[index])
            return 0;
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var name = table.Columns[i].Name;
            if (row[i] is string { Length: 3 } currency && (name == "currency" || name.EndsWith(".currency", StringComparison.Ordinal) || name.EndsWith("_currency", StringComparison.Ordinal)))
                return Execution.Datasets.Currencies.Exponent(currency.ToLowerInvariant());
        }
        return 2;
    }

    /// <summary>One cell as text: empty for NULL; decimals as <see cref="Decimal"/>; everything else as <see cref="ResultTable.FormatValue"/> (strings raw unless <paramref name="escape"/>).</summary>
    public static string Cell(object? value, int minimumDecimals, bool escape) => value switch
    {
        null => "",
        decimal d => Decimal(d, minimumDecimals),
        string s when !escape => s,
        _ => ResultTable.FormatValue(value),
    };

    /// <summary>A decimal without trailing zeros beyond <paramref name="minimumDecimals"/>: <c>0.7500000000</c> → <c>0.75</c>; with 2, <c>12.5</c> → <c>12.50</c>; with 0, <c>1200.00</c> → <c>1200</c>.</summary>
    public static string Decimal(decimal value, int minimumDecimals)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal))
            text = text.TrimEnd('0').TrimEnd('.');
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : text.Length - dot - 1;
        if (decimals >= minimumDecimals)
            return text;
        return (dot < 0 ? text + "." : text) + new string('0', minimumDecimals - decimals);
    }

    private static string Centre(string text, int width)
    {
        var left = (width - text.Length) / 2;
        return new string(' ', left) + text + new string(' ', width - text.Length - left);
    }

    private static string CsvField(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
