using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Expressions;

namespace StripeModelGen.Compiler.Sql;

/// <summary>
/// A dialect-neutral SQL expression. Function calls name functions of the portable catalogue
/// (<see cref="FunctionCatalog"/>) or the few internal ones in <see cref="SqlFunctions"/>; each
/// dialect renders them from its templates.
/// </summary>
public abstract record SqlExpression
{
    public abstract IEnumerable<SqlExpression> Children { get; }
}

/// <summary><c>table.column</c>, or a bare output column name when <see cref="Table"/> is null.</summary>
public sealed record SqlColumn(string? Table, string Name) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children => [];
}

/// <summary>
/// A logical column the selected source does not have (<c>missing: true</c>). Lowering marks it rather than
/// failing, so that whoever compiles the statement reports what is unavailable (<see cref="SourceGaps"/>);
/// it is never written.
/// </summary>
public sealed record SqlMissingColumn(string Table, string Column) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children => [];
}

/// <summary>The current element of the <see cref="SqlSplitSource"/> read under <see cref="Alias"/>, trimmed of spaces.</summary>
public sealed record SqlSplitValue(string Alias) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children => [];
}

public enum SqlLiteralKind
{
    Null,
    Boolean,
    Number,
    String,
    Date,
    Timestamp,
}

/// <summary>A constant; user-supplied values always arrive here (or as parameters), never as SQL text.</summary>
public sealed record SqlLiteral(SqlLiteralKind Kind, object? Value) : SqlExpression
{
    public static readonly SqlLiteral Null = new(SqlLiteralKind.Null, null);
    public static readonly SqlLiteral True = new(SqlLiteralKind.Boolean, true);
    public static readonly SqlLiteral False = new(SqlLiteralKind.Boolean, false);

    public static SqlLiteral String(string value) => new(SqlLiteralKind.String, value);

    public static SqlLiteral Number(decimal value) => new(SqlLiteralKind.Number, value);

    public static SqlLiteral Date(DateOnly value) => new(SqlLiteralKind.Date, value);

    public static SqlLiteral Timestamp(DateTime value) => new(SqlLiteralKind.Timestamp, value);

    public override IEnumerable<SqlExpression> Children => [];
}

/// <summary>A named bind parameter (a dashboard filter without a default), written in the dialect's style.</summary>
public sealed record SqlParameter(string Name) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children => [];
}

/// <summary>
/// The value of column <see cref="Column"/> of the one-row CTE <see cref="Cte"/>: <c>(SELECT "column" FROM "cte")</c>.
/// Only rewrites introduce it (a parameter bound once in a CTE and read wherever it is used).
/// </summary>
public sealed record SqlCteValue(string Cte, string Column) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children => [];
}

public sealed record SqlUnary(UnaryOperator Operator, SqlExpression Operand) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children => [Operand];
}

/// <summary><c>/</c> is always decimal division; dialects whose <c>/</c> truncates integers rewrite it.</summary>
public sealed record SqlBinary(BinaryOperator Operator, SqlExpression Left, SqlExpression Right) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children => [Left, Right];
}

public sealed record SqlIsNull(SqlExpression Operand, bool Negated) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children => [Operand];
}

public sealed record SqlIn(SqlExpression Operand, ImmutableArray<SqlExpression> Values, bool Negated) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children => Values.Prepend(Operand);
}

public sealed record SqlBetween(SqlExpression Operand, SqlExpression Low, SqlExpression High, bool Negated) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children => [Operand, Low, High];
}

/// <summary>
/// <c>x [NOT] LIKE p</c>. With <see cref="Escape"/> the pattern's escape character is that one, written
/// as <c>ESCAPE 'c'</c> on every dialect; without it, <c>\</c> escapes (the portable default, which each
/// dialect's <c>like_escape</c> spells out where the engine has another).
/// </summary>
public sealed record SqlLike(SqlExpression Operand, SqlExpression Pattern, bool CaseInsensitive, bool Negated, char? Escape = null) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children => [Operand, Pattern];
}

public sealed record SqlWhen(SqlExpression Condition, SqlExpression Result);

public sealed record SqlCase(ImmutableArray<SqlWhen> Whens, SqlExpression? Else) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children =>
        Whens.SelectMany(w => new[] { w.Condition, w.Result }).Concat(Else is null ? [] : [Else]);
}

public sealed record SqlCast(SqlExpression Operand, ScalarType Type) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children => [Operand];
}

/// <summary>A date part argument (<c>DATE_TRUNC(month, ...)</c>).</summary>
public sealed record SqlDatePart(DatePart Part) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children => [];
}

public sealed record SqlOrderItem(SqlExpression Expression, bool Descending, bool? NullsFirst);

public sealed record SqlWindow(ImmutableArray<SqlExpression> PartitionBy, ImmutableArray<SqlOrderItem> OrderBy, BoundFrame? Frame);

public sealed record SqlFunction(
    string Name,
    ImmutableArray<SqlExpression> Arguments,
    bool Distinct = false,
    bool Star = false,
    NullTreatment NullTreatment = NullTreatment.None,
    SqlExpression? Filter = null,
    SqlWindow? Window = null) : SqlExpression
{
    public override IEnumerable<SqlExpression> Children =>
        Arguments
            .Concat(Filter is null ? [] : [Filter])
            .Concat(Window is null ? [] : Window.PartitionBy.Concat(Window.OrderBy.Select(o => o.Expression)));
}

/// <summary>Functions the lowerer introduces beyond the model language's catalogue.</summary>
public static class SqlFunctions
{
    /// <summary><c>AT_TIME_ZONE(utc_timestamp, 'Europe/Berlin')</c>: the wall-clock time in the zone.</summary>
    public const string AtTimeZone = "AT_TIME_ZONE";

    /// <summary><c>DAY_OF_WEEK_NAME(ts)</c>: Monday ... Sunday.</summary>
    public const string DayOfWeekName = "DAY_OF_WEEK_NAME";

    /// <summary><c>HASH_KEY(x)</c>: a large integer hash of a primary key, for symmetric aggregates.</summary>
    public const string HashKey = "HASH_KEY";
}
