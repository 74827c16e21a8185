using System.Collections.Immutable;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Sql.Rewrites;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Dialects;

/// <summary>
/// Writes a <see cref="SqlStatement"/> as text for one dialect: upper-case keywords, one clause per
/// line, select items one per line, every identifier quoted, literals escaped, parentheses wherever
/// precedence could be misread, <c>;\n</c> at the end. Everything dialect-specific comes from the
/// <see cref="DialectSpec"/> (flags, templates, rewrites): the writer never looks at a dialect's name.
/// What a dialect cannot express is an SMG40xx diagnostic, and then no text: never a guess.
/// A tree the lowerer should never build (a join without a condition, an empty SELECT list, a CAST to
/// no type) is a bug and throws <see cref="ArgumentException"/>.
/// </summary>
public sealed partial class SqlWriter
{
    private const string Indent = "  ";

    private readonly DialectSpec _dialect;
    private readonly DiagnosticBag _diagnostics;
    private readonly TextLocation? _location;
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly List<string> _lines = [];
    private readonly List<string> _parameters = [];
    private bool _failed;

    private SqlWriter(DialectSpec dialect, DiagnosticBag diagnostics, TextLocation? location)
    {
        _dialect = dialect;
        _diagnostics = diagnostics;
        _location = location;
    }

    /// <summary>
    /// Applies the dialect's rewrites in order, then writes the statement. Null when something could
    /// not be expressed (reported to <paramref name="diagnostics"/> at <paramref name="location"/>, the
    /// tile, query or view being compiled, when given).
    /// </summary>
    public static string? Write(SqlStatement statement, DialectSpec dialect, DiagnosticBag diagnostics, TextLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return Render(SqlRewrites.Apply(statement, dialect.Rewrites), dialect, diagnostics, location);
    }

    /// <summary>Writes the statement exactly as it is, without the dialect's rewrites.</summary>
    public static string? Render(SqlStatement statement, DialectSpec dialect, DiagnosticBag diagnostics, TextLocation? location = null) =>
        RenderWithParameters(statement, dialect, diagnostics, location).Text;

    /// <summary>
    /// Like <see cref="Write"/>, and the bind parameters in the order the text binds them: for named
    /// parameters each name once, in order of first appearance; for positional ones (<c>?</c>) one entry
    /// per occurrence, so a name appears as often as the engine expects a value for it.
    /// </summary>
    public static (string? Text, ImmutableArray<string> Parameters) WriteWithParameters(SqlStatement statement, DialectSpec dialect, DiagnosticBag diagnostics, TextLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return RenderWithParameters(SqlRewrites.Apply(statement, dialect.Rewrites), dialect, diagnostics, location);
    }

    private static (string? Text, ImmutableArray<string> Parameters) RenderWithParameters(SqlStatement statement, DialectSpec dialect, DiagnosticBag diagnostics, TextLocation? location)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var writer = new SqlWriter(dialect, diagnostics, location);
        var text = writer.WriteStatement(statement);
        var parameters = dialect.PositionalParameters ? [.. writer._parameters] : writer._parameters.Distinct(StringComparer.Ordinal).ToImmutableArray();
        return (writer._failed ? null : text, parameters);
    }

    private string WriteStatement(SqlStatement statement)
    {
        switch (statement)
        {
            case SqlQueryStatement query:
                WriteQuery(query.Query, 0);
                return string.Join('\n', _lines) + ";\n";
            case SqlCreateView view:
            {
                if (view.Database is not null && !_dialect.Capabilities.ViewDatabase)
                    Unsupported(DiagnosticCatalog.DialectUnsupported, "A view name with a database (`CREATE VIEW database.schema.view`)", _dialect.Name);
                WriteQuery(view.Query, 0);
                var query = string.Join('\n', _lines);
                var name = QualifiedName(view.Database, view.Schema, view.Name);
                return _dialect.CreateView.Render(hole => hole.Name == "name" ? name : query) + ";\n";
            }
            default:
                throw new ArgumentException($"Unknown statement {statement.GetType().Name}", nameof(statement));
        }
    }

    private void Line(int depth, string text) => _lines.Add(string.Concat(Enumerable.Repeat(Indent, depth)) + text);

    private void AppendToLastLine(string text) => _lines[^1] += text;

    /// <summary>A query where it stands alone: a statement, a UNION ALL member.</summary>
    private void WriteQuery(SqlQuery query, int depth)
    {
        switch (query)
        {
            case SqlSelect select:
                WriteSelect(select, depth);
                break;
            case SqlValues values:
                // VALUES alone would lose the column names: read it through a derived table that names them.
                Line(depth, "SELECT *");
                Line(depth, "FROM (");
                WriteValuesRows(values, depth + 1);
                Line(depth, ") AS " + Quote("values") + " " + ColumnList(values.Columns));
                break;
            case SqlUnionAll union:
                WriteUnion(union, depth);
                break;
            default:
                throw new ArgumentException($"Unknown query {query.GetType().Name}", nameof(query));
        }
    }

    /// <summary>A query inside parentheses that name its columns (a CTE, a derived table): VALUES goes in as is.</summary>
    private void WriteNestedQuery(SqlQuery query, int depth)
    {
        if (query is SqlValues values)
            WriteValuesRows(values, depth);
        else
            WriteQuery(query, depth);
    }

    private void WriteValuesRows(SqlValues values, int depth)
    {
        if (values.Rows.IsDefaultOrEmpty)
            throw new ArgumentException("VALUES needs at least one row", nameof(values));
        Line(depth, "VALUES");
        for (var i = 0; i < values.Rows.Length; i++)
        {
            var row = values.Rows[i];
            if (row.Length != values.Columns.Length)
                throw new ArgumentException($"VALUES row {i + 1} has {row.Length} values for {values.Columns.Length} columns", nameof(values));
            Line(depth + 1, "(" + string.Join(", ", row.Select(Delimited)) + ")" + (i < values.Rows.Length - 1 ? "," : string.Empty));
        }
    }

    private void WriteUnion(SqlUnionAll union, int depth)
    {
        var members = Flatten(union).ToList();
        if (members.Count == 0)
            throw new ArgumentException("UNION ALL needs at least one query", nameof(union));
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
                Line(depth, "UNION ALL");
            if (members[i] is SqlSelect select && (!select.Ctes.IsDefaultOrEmpty || !select.OrderBy.IsDefaultOrEmpty || select.Limit is not null))
            {
                Line(depth, "(");
                WriteSelect(select, depth + 1);
                Line(depth, ")");
            }
            else
            {
                WriteQuery(members[i], depth);
            }
        }
    }

    private static IEnumerable<SqlQuery> Flatten(SqlUnionAll union) =>
        union.Queries.SelectMany(q => q is SqlUnionAll inner ? Flatten(inner) : [q]);

    private void WriteSelect(SqlSelect select, int depth)
    {
        if (select.Columns.IsDefaultOrEmpty)
            throw new ArgumentException("A SELECT needs at least one column", nameof(select));
        WriteCtes(select.Ctes, depth);

        var head = "SELECT";
        if (select.Distinct)
            head += " DISTINCT";
        if (select.Limit is { } top && _dialect.LimitStyle == LimitStyle.Top)
            head += $" TOP ({Count(top)})";
        Line(depth, head);
        var items = select.Columns.Select(c => Delimited(c.Expression)).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            CheckValue(select.Columns[i].Expression);
            Line(depth + 1, items[i] + " AS " + Quote(select.Columns[i].Alias) + (i < items.Count - 1 ? "," : string.Empty));
        }

        if (select.From is { } from)
            WriteSource("FROM ", from, null, depth);
        foreach (var join in select.Joins.IsDefault ? [] : select.Joins)
            WriteJoin(join, depth);
        if (select.Where is { } where)
            WriteCondition("WHERE ", where, depth);
        if (!select.GroupBy.IsDefaultOrEmpty)
            Line(depth, "GROUP BY " + string.Join(", ", select.GroupBy.Select(g => GroupKey(g, items))));
        if (select.Having is { } having)
            WriteCondition("HAVING ", having, depth);
        if (!select.OrderBy.IsDefaultOrEmpty)
            Line(depth, "ORDER BY " + string.Join(", ", select.OrderBy.Select(OrderItem)));
        if (select.Limit is { } limit)
        {
            switch (_dialect.LimitStyle)
            {
                case LimitStyle.Limit:
                    Line(depth, "LIMIT " + Count(limit));
                    break;
                case LimitStyle.Fetch:
                    // OFFSET ... FETCH belongs to ORDER BY (SQL Server refuses it without one): never guess an order.
                    if (select.OrderBy.IsDefaultOrEmpty)
                        Unsupported(DiagnosticCatalog.DialectUnsupported, "A row limit without an order (`OFFSET ... FETCH` needs `ORDER BY`)", _dialect.Name);
                    Line(depth, "OFFSET 0 ROWS");
                    Line(depth, $"FETCH NEXT {Count(limit)} ROWS ONLY");
                    break;
            }
        }
    }

    private static string Count(int value) =>
        value >= 0 ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : throw new ArgumentException($"A LIMIT cannot be negative: {value}", nameof(value));

    private void WriteCtes(ImmutableArray<SqlCte> ctes, int depth)
    {
        if (ctes.IsDefaultOrEmpty)
            return;
        for (var i = 0; i < ctes.Length; i++)
        {
            var cte = ctes[i];
            var columns = !cte.Columns.IsDefaultOrEmpty ? cte.Columns : cte.Query is SqlValues values ? values.Columns : [];
            if (cte.Query is SqlValues v && v.Columns.Length != columns.Length)
                throw new ArgumentException($"CTE {cte.Name} names {columns.Length} columns for {v.Columns.Length} values", nameof(ctes));
            var name = Quote(cte.Name) + (columns.IsDefaultOrEmpty ? string.Empty : " " + ColumnList(columns));
            Line(depth, (i == 0 ? "WITH " : string.Empty) + name + " AS (");
            WriteNestedQuery(cte.Query, depth + 1);
            Line(depth, i < ctes.Length - 1 ? ")," : ")");
        }
    }

    /// <summary><c>FROM x AS "a"</c> or <c>LEFT JOIN (...) AS "a" ON ...</c>: <paramref name="suffix"/> follows the alias.</summary>
    private void WriteSource(string keyword, SqlSource source, string? suffix, int depth)
    {
        switch (source)
        {
            case SqlTable table:
                Line(depth, keyword + QualifiedName(table.Database, table.Schema, table.Name) + " AS " + Quote(table.Alias) + suffix);
                break;
            case SqlCteReference cte:
                Line(depth, keyword + Quote(cte.Name) + " AS " + Quote(cte.Alias) + suffix);
                break;
            case SqlRawSource raw:
                Line(depth, keyword + raw.Text + " AS " + Quote(raw.Alias) + suffix);
                break;
            case SqlDerivedTable derived:
                Line(depth, keyword + "(");
                WriteNestedQuery(derived.Query, depth + 1);
                var columns = derived.Query is SqlValues values ? " " + ColumnList(values.Columns) : string.Empty;
                Line(depth, ") AS " + Quote(derived.Alias) + columns + suffix);
                break;
            case SqlSplitSource:
                throw new ArgumentException("A split source can only be CROSS JOINed", nameof(source));
            default:
                throw new ArgumentException($"Unknown source {source.GetType().Name}", nameof(source));
        }
    }

    private void WriteJoin(SqlJoin join, int depth)
    {
        var keyword = join.Type switch
        {
            SqlJoinType.Inner => "INNER JOIN ",
            SqlJoinType.Left => "LEFT JOIN ",
            SqlJoinType.Full => "FULL JOIN ",
            SqlJoinType.Cross => "CROSS JOIN ",
            _ => throw new ArgumentException($"Unknown join type {join.Type}", nameof(join)),
        };
        if (join.Source is SqlSplitSource split)
        {
            if (join.Type != SqlJoinType.Cross || join.Condition is not null)
                throw new ArgumentException("A split source is joined with CROSS JOIN and no condition", nameof(join));
            var list = Delimited(split.List);
            var separator = Delimited(SqlLiteral.String(split.Separator));
            Line(depth, _dialect.SplitJoin.Render(hole => hole.Name switch
            {
                "list" => list,
                "separator" => separator,
                _ => Quote(split.Alias),
            }));
            return;
        }
        if (join.Type == SqlJoinType.Cross)
        {
            if (join.Condition is not null)
                throw new ArgumentException("A CROSS JOIN takes no condition", nameof(join));
            WriteSource(keyword, join.Source, null, depth);
            return;
        }
        if (join.Condition is null)
            throw new ArgumentException($"A {join.Type} join needs a condition", nameof(join));
        CheckCondition(join.Condition);
        WriteSource(keyword, join.Source, " ON " + Delimited(join.Condition), depth);
    }

    /// <summary><c>WHERE a</c>, then each further conjunct of a top-level AND chain on its own <c>AND</c> line.</summary>
    private void WriteCondition(string keyword, SqlExpression condition, int depth)
    {
        var conjuncts = Conjuncts(condition).ToList();
        foreach (var conjunct in conjuncts)
            CheckCondition(conjunct);
        if (conjuncts.Count == 1)
        {
            Line(depth, keyword + Delimited(condition));
            return;
        }
        Line(depth, keyword + Conjunct(conjuncts[0]));
        foreach (var conjunct in conjuncts.Skip(1))
            Line(depth + 1, "AND " + Conjunct(conjunct));
    }

    private static IEnumerable<SqlExpression> Conjuncts(SqlExpression condition) =>
        condition is SqlBinary { Operator: Expressions.BinaryOperator.And } and
            ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
            : [condition];

    /// <summary>An ordinal when the dialect groups by ordinals and the key is a select item, else the expression.</summary>
    private string GroupKey(SqlExpression key, List<string> items)
    {
        var parameters = _parameters.Count;
        var text = Delimited(key);
        if (!_dialect.Capabilities.GroupByOrdinal)
            return text;
        var index = items.IndexOf(text);
        if (index < 0)
            return text;
        // The ordinal replaces the text, and any parameter in it with it.
        _parameters.RemoveRange(parameters, _parameters.Count - parameters);
        return (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private string ColumnList(ImmutableArray<string> columns) => "(" + string.Join(", ", columns.Select(Quote)) + ")";

    private string QualifiedName(string? database, string? schema, string name)
    {
        var parts = new List<string>(3);
        if (database is not null)
            parts.Add(Quote(database));
        if (schema is not null)
            parts.Add(Quote(schema));
        parts.Add(Quote(name));
        return string.Join('.', parts);
    }

    /// <summary>Reports a construct the dialect cannot express, once per statement.</summary>
    private void Unsupported(DiagnosticDescriptor descriptor, params object?[] args)
    {
        _failed = true;
        var message = descriptor.Format(args);
        if (_reported.Add(descriptor.Id + message))
            _diagnostics.Add(new Diagnostic(descriptor, _location, message));
    }
}
