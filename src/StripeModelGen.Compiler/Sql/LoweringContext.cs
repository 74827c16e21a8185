using StripeModelGen.Compiler.Binding;

namespace StripeModelGen.Compiler.Sql;

/// <summary>What lowering needs besides the plan: the source the tables come from, the target dialect
/// (for per-dialect <c>sql_&lt;dialect&gt;</c> replacements), the project's time settings and the clock.</summary>
public sealed record LoweringContext(BoundModel Model, SourceSymbol? Source, string Dialect)
{
    /// <summary>
    /// When set, tables are read through these relations (dbt staging models) by their logical names:
    /// the staging models have already renamed columns and turned epoch integers into timestamps.
    /// </summary>
    public Func<string, string>? StagingRelation { get; init; }

    /// <summary>
    /// When set, a derived view for which it returns a relation (its dbt model) is read from that relation
    /// instead of being computed in a CTE; null keeps the CTE.
    /// </summary>
    public Func<ViewSymbol, string?>? DerivedRelation { get; init; }

    /// <summary>
    /// The instant the statement takes as "now" (<c>--as-of</c>): every read of the clock (today's date of
    /// relative date filters, <c>CURRENT_TIMESTAMP()</c> and <c>CURRENT_DATE()</c> in expressions) becomes a
    /// literal of it, so the statement gives the same answer whenever it runs. Null reads the database's clock
    /// when the statement runs. <see cref="CurrentTimestamp"/>, <see cref="CurrentDate"/> and <see cref="Today"/>
    /// are the only places lowering reads the clock.
    /// </summary>
    public DateTimeOffset? AsOf { get; init; }

    public ProjectSettings Project => Model.Project;

    public bool ConvertsTimeZone => Project.TimeZone is not ("UTC" or "Etc/UTC");

    /// <summary>The current time as <c>CURRENT_TIMESTAMP()</c> reads it: a UTC timestamp without time zone.</summary>
    public SqlExpression CurrentTimestamp() =>
        AsOf is { } now ? SqlLiteral.Timestamp(now.UtcDateTime) : new SqlFunction("CURRENT_TIMESTAMP", []);

    /// <summary>The current date as <c>CURRENT_DATE()</c> reads it: the UTC date.</summary>
    public SqlExpression CurrentDate() =>
        AsOf is { } now ? SqlLiteral.Date(DateOnly.FromDateTime(now.UtcDateTime)) : new SqlFunction("CURRENT_DATE", []);

    /// <summary>
    /// Today's date in the project's time zone, which relative dates count from: computed here from
    /// <see cref="AsOf"/> when it is set, otherwise by the database from its clock.
    /// </summary>
    public SqlExpression Today() => AsOf is { } now
        ? SqlLiteral.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now.UtcDateTime, Sql.AsOf.FindTimeZone(Project.TimeZone))))
        : new SqlFunction("DATE", [WallClock(new SqlFunction("CURRENT_TIMESTAMP", []))]);

    /// <summary>A UTC timestamp as the wall-clock time of the project's time zone.</summary>
    public SqlExpression WallClock(SqlExpression utc) =>
        ConvertsTimeZone ? new SqlFunction(SqlFunctions.AtTimeZone, [utc, SqlLiteral.String(Project.TimeZone)]) : utc;

    public static LoweringContext For(BoundModel model, string? source, string dialect, DateTimeOffset? asOf = null) =>
        new(model, model.Source(source ?? model.Project.DefaultSource), dialect) { AsOf = asOf };
}
