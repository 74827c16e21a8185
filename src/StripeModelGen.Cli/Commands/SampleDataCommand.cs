using System.CommandLine;
using System.Globalization;
using StripeModelGen.Execution.Datasets;
using StripeModelGen.Execution.Datasets.Sources;
using StripeModelGen.Execution.Postgres;
using StripeModelGen.Execution.Running;

namespace StripeModelGen.Cli.Commands;

/// <summary>
/// <c>sample-data</c>: generates the deterministic synthetic Stripe dataset and loads it into a
/// PostgreSQL database in the layout of one source (sigma, segment or fivetran), by default into
/// schema <c>stripe</c> (which every source of the shipped model reads), replacing the tables it
/// loads; prints one line per table and a summary, and on stderr the instant the data ends at (what
/// to give <c>run --as-of</c> for relative dates to fall inside the data). Exit codes: 0 loaded; 1
/// the database refused the load; 2 bad usage (a malformed connection string, a scale out of range)
/// or no connection to the database.
/// </summary>
public static class SampleDataCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var source = new Option<string>("--source")
        {
            Description = "The layout to load: sigma (Stripe Sigma / Data Pipeline), segment or fivetran",
            HelpName = "sigma|segment|fivetran",
            DefaultValueFactory = _ => "sigma",
        };
        source.CompletionSources.Add([.. SourceShape.Names]);
        source.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !SourceShape.Names.Contains(t.Value, StringComparer.Ordinal)))
                result.AddError($"--source '{token.Value}' is not one of: {string.Join(", ", SourceShape.Names)}");
        });
        var connection = new Option<string>("--connection")
        {
            Description = "The PostgreSQL database, as an Npgsql connection string (Host=localhost;Username=me;Database=stripe)",
            HelpName = "C",
            Required = true,
        };
        var scale = new Option<int>("--scale")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"How much data: {SampleData.CustomersPerScale} customers per unit, 1 to {SampleData.MaxScale}"),
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        scale.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var n && (n < 1 || n > SampleData.MaxScale))
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--scale {n} is out of range: 1 to {SampleData.MaxScale}"));
        });
        var seed = new Option<int>("--seed")
        {
            Description = "The random seed: the same seed and scale always give the same data",
            HelpName = "N",
            DefaultValueFactory = _ => 42,
        };
        var schema = new Option<string>("--schema")
        {
            Description = "The schema to load into (default: stripe, which the shipped model's sources read: one source per database; give another schema to keep several side by side)",
            HelpName = "NAME",
        };
        var command = new Command("sample-data", "Generate the synthetic Stripe dataset and load it into PostgreSQL");
        foreach (var option in new Option[] { source, connection, scale, seed, schema })
            command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var context = new CommandContext(parseResult, environment);
            return Run(context, context.Get(source) ?? "sigma", context.Get(connection)!, context.Get(scale), context.Get(seed), context.Get(schema));
        });
        return command;
    }

    private static int Run(CommandContext context, string source, string connection, int scale, int seed, string? schema)
    {
        if (PostgresSession.CheckConnectionString(connection) is { } problem)
            throw new UsageException($"--connection is not a valid PostgreSQL connection string: {problem}");
        if (schema is not null && schema.Trim().Length == 0)
            throw new UsageException("--schema must not be empty");
        var target = schema ?? PostgresLoader.DefaultSchema;

        var dataset = SampleData.Generate(seed, scale);
        LoadSummary summary;
        try
        {
            summary = PostgresLoader.LoadSourceAsync(connection, dataset, source, target).GetAwaiter().GetResult();
        }
        catch (SqlExecutionException e) when (e.IsConnectionFailure)
        {
            context.Output.WriteUsageError("cannot connect to PostgreSQL: " + e.Message);
            return ExitCodes.Usage;
        }
        catch (SqlExecutionException e)
        {
            context.Output.WriteErrorLine($"error: loading into schema {target} failed: {e.Message}");
            return ExitCodes.ModelErrors;
        }

        var names = summary.Tables.Select(t => summary.Schema + "." + t.Table).ToList();
        var nameWidth = names.Max(n => n.Length);
        var counts = summary.Tables.Select(t => t.Rows.ToString(CultureInfo.InvariantCulture)).ToList();
        var countWidth = counts.Max(c => c.Length);
        for (var i = 0; i < names.Count; i++)
            context.Output.WriteLine($"{names[i].PadRight(nameWidth)}  {counts[i].PadLeft(countWidth)} {(summary.Tables[i].Rows == 1 ? "row" : "rows")}");
        if (summary.OmittedColumns.Count > 0)
        {
            context.Output.WriteErrorLine(string.Create(CultureInfo.InvariantCulture,
                $"note: {summary.OmittedColumns.Count} Sigma columns longer than PostgreSQL's {PostgresLoader.MaxIdentifierLength}-byte identifier limit were left out ({summary.OmittedColumns[0]}, ...)"));
        }
        var rows = summary.Tables.Sum(t => (long)t.Rows);
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"loaded {ConsoleOutput.Count(summary.Tables.Count, "table")} ({rows} rows) of {source} sample data (seed {seed}, scale {scale}) into schema {summary.Schema}"));
        context.Output.WriteErrorLine(string.Create(CultureInfo.InvariantCulture,
            $"note: the data ends at {SampleData.ReferenceTime:yyyy-MM-dd'T'HH:mm:ss'Z'}; run dashboards with --as-of {SampleData.ReferenceTime:yyyy-MM-dd} so that relative dates (\"last 90 days\") fall inside it"));
        return ExitCodes.Success;
    }
}
