using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Sql;

/// <summary>Something a FROM or JOIN reads.</summary>
public abstract record SqlSource(string Alias);

/// <summary>A physical table: optional database and schema, quoted by the dialect.</summary>
public sealed record SqlTable(string? Database, string? Schema, string Name, string Alias) : SqlSource(Alias);

/// <summary>A query or a CTE name read under an alias.</summary>
public sealed record SqlDerivedTable(SqlQuery Query, string Alias) : SqlSource(Alias);

/// <summary>A logical table the selected source does not have; like <see cref="SqlMissingColumn"/>, never written.</summary>
public sealed record SqlMissingTable(string Table, string Alias) : SqlSource(Alias);

public sealed record SqlCteReference(string Name, string Alias) : SqlSource(Alias);

/// <summary>A relation written as given: a dbt <c>{{ ref('...') }}</c> or <c>{{ source('...') }}</c> call. Never user text.</summary>
public sealed record SqlRawSource(string Text, string Alias) : SqlSource(Alias);

/// <summary>
/// One row per element of the <see cref="Separator"/>-separated string <see cref="List"/> (per row of what it
/// is joined to, with <see cref="SqlJoinType.Cross"/>); NULL yields no row. Each element is read as
/// <see cref="SqlSplitValue"/> (untrimmed: the writer trims it), written from the dialect's <c>split</c> templates.
/// </summary>
public sealed record SqlSplitSource(SqlExpression List, string Separator, string Alias) : SqlSource(Alias);

public enum SqlJoinType
{
    Inner,
    Left,
    Full,
    Cross,
}

public sealed record SqlJoin(SqlJoinType Type, SqlSource Source, SqlExpression? Condition);

public sealed record SqlSelectItem(SqlExpression Expression, string Alias);

public abstract record SqlQuery;

public sealed record SqlCte(string Name, ImmutableArray<string> Columns, SqlQuery Query);

public sealed record SqlSelect(
    ImmutableArray<SqlCte> Ctes,
    ImmutableArray<SqlSelectItem> Columns,
    SqlSource? From,
    ImmutableArray<SqlJoin> Joins,
    SqlExpression? Where,
    ImmutableArray<SqlExpression> GroupBy,
    SqlExpression? Having,
    ImmutableArray<SqlOrderItem> OrderBy,
    int? Limit,
    bool Distinct = false) : SqlQuery
{
    public static SqlSelect Empty { get; } = new([], [], null, [], null, [], null, [], null);
}

/// <summary>Literal rows: the currency exponent table and other small constant relations.</summary>
public sealed record SqlValues(ImmutableArray<string> Columns, ImmutableArray<ImmutableArray<SqlExpression>> Rows) : SqlQuery;

public sealed record SqlUnionAll(ImmutableArray<SqlQuery> Queries) : SqlQuery;

/// <summary>A whole statement as a dialect writes it.</summary>
public abstract record SqlStatement;

public sealed record SqlQueryStatement(SqlQuery Query) : SqlStatement;

public sealed record SqlCreateView(string? Database, string? Schema, string Name, SqlQuery Query) : SqlStatement;
