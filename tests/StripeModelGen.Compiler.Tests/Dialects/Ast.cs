using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Tests.Testing;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>Short constructors for SQL trees, so that a test reads like the SQL it expects.</summary>
internal static class Ast
{
    public static SqlColumn Col(string table, string name) => new(table, name);

    public static SqlColumn Col(string name) => new(null, name);

    public static SqlLiteral Num(decimal value) => SqlLiteral.Number(value);

    public static SqlLiteral Str(string value) => SqlLiteral.String(value);

    public static SqlDatePart Part(DatePart part) => new(part);

    public static SqlBinary Bin(BinaryOperator op, SqlExpression left, SqlExpression right) => new(op, left, right);

    public static SqlBinary Eq(SqlExpression left, SqlExpression right) => new(BinaryOperator.Equal, left, right);

    public static SqlBinary And(SqlExpression left, SqlExpression right) => new(BinaryOperator.And, left, right);

    public static SqlBinary Or(SqlExpression left, SqlExpression right) => new(BinaryOperator.Or, left, right);

    public static SqlUnary Not(SqlExpression operand) => new(UnaryOperator.Not, operand);

    public static SqlUnary Neg(SqlExpression operand) => new(UnaryOperator.Negate, operand);

    public static SqlFunction Fn(string name, params SqlExpression[] arguments) => new(name, [.. arguments]);

    public static SqlWindow Over(ImmutableArray<SqlExpression> partitionBy, ImmutableArray<SqlOrderItem> orderBy, BoundFrame? frame = null) =>
        new(partitionBy, orderBy, frame);

    public static SqlOrderItem Asc(SqlExpression expression, bool? nullsFirst = null) => new(expression, false, nullsFirst);

    public static SqlOrderItem Desc(SqlExpression expression, bool? nullsFirst = null) => new(expression, true, nullsFirst);

    public static BoundFrame Rows(FrameBoundKind start, int startOffset, FrameBoundKind end, int endOffset = 0) =>
        new(FrameUnit.Rows, new BoundFrameBound(start, startOffset), new BoundFrameBound(end, endOffset));

    public static SqlSelectItem Item(SqlExpression expression, string alias) => new(expression, alias);

    public static SqlSelect Select(params SqlSelectItem[] items) => SqlSelect.Empty with { Columns = [.. items] };

    public static SqlSelect From(this SqlSelect select, SqlSource source) => select with { From = source };

    public static SqlTable Table(string schema, string name, string alias) => new(null, schema, name, alias);

    public static SqlQueryStatement Statement(SqlQuery query) => new(query);

    public static SqlQueryStatement SelectExpression(SqlExpression expression) => Statement(Select(Item(expression, "x")));
}

/// <summary>The shipped dialects, and writing with them in tests.</summary>
internal static class Dialect
{
    private static readonly Lazy<DialectSpec> LazyPostgres = new(() => DialectCatalog.Get("postgres"));

    public static DialectSpec Postgres => LazyPostgres.Value;

    /// <summary>Postgres without rewrites: what the writer does on its own.</summary>
    public static DialectSpec PostgresPlain => Postgres with { Rewrites = [] };

    public static DialectSpec Snowflake => DialectCatalog.Get("snowflake");

    public static DialectSpec Trino => DialectCatalog.Get("trino");

    public static DialectSpec SqlServer => DialectCatalog.Get("sqlserver");

    /// <summary>Every dialect of the repository's <c>dialects/</c> folder (read from the source tree), by name.</summary>
    public static IReadOnlyDictionary<string, DialectSpec> All => LazyAll.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, DialectSpec>> LazyAll = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var dialects = DialectCatalog.LoadDirectory(RepositoryRoot.Combine("dialects"), diagnostics);
        Assert.Empty(diagnostics.ToImmutableSorted());
        return dialects;
    });

    /// <summary>The dialect a file of <c>dialects/</c> declares.</summary>
    public static DialectSpec Of(string file) => All[DialectFileReader.ExpectedName(file)];

    /// <summary>Every dialect file of the repository, read from the source tree.</summary>
    public static IReadOnlyList<string> RepositoryFiles =>
        [.. Directory.GetFiles(RepositoryRoot.Combine("dialects"), "*.yml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static string Write(SqlStatement statement, DialectSpec dialect)
    {
        var diagnostics = new DiagnosticBag();
        var text = SqlWriter.Write(statement, dialect, diagnostics);
        Assert.True(text is not null && diagnostics.Count == 0, "Unexpected diagnostics:\n" + string.Join('\n', diagnostics.ToImmutableSorted()));
        return text!;
    }

    /// <summary>The one expression of <c>SELECT x AS "x"</c>, as written for <paramref name="dialect"/> (rewrites applied).</summary>
    public static string Expression(SqlExpression expression, DialectSpec? dialect = null)
    {
        dialect ??= PostgresPlain;
        var text = Write(Ast.SelectExpression(expression), dialect);
        const string prefix = "SELECT\n  ";
        var suffix = $" AS {dialect.Identifiers.Open}x{dialect.Identifiers.Close};\n";
        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        Assert.EndsWith(suffix, text, StringComparison.Ordinal);
        return text[prefix.Length..^suffix.Length];
    }

    /// <summary>Writing fails: the diagnostics, as printed.</summary>
    public static IReadOnlyList<Diagnostic> Errors(SqlStatement statement, DialectSpec dialect)
    {
        var diagnostics = new DiagnosticBag();
        var text = SqlWriter.Write(statement, dialect, diagnostics);
        Assert.Null(text);
        return diagnostics.ToImmutableSorted();
    }
}
