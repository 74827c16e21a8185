using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Sql.Rewrites;

namespace StripeModelGen.Compiler.Dialects;

/// <summary>How the <c>LIMIT</c> of a query is spelled.</summary>
public enum LimitStyle
{
    /// <summary><c>... LIMIT n</c> after ORDER BY (PostgreSQL, Snowflake, Trino).</summary>
    Limit,

    /// <summary><c>SELECT TOP (n) ...</c> (SQL Server).</summary>
    Top,

    /// <summary><c>... OFFSET 0 ROWS FETCH NEXT n ROWS ONLY</c> after ORDER BY (ANSI; SQL Server with ORDER BY).</summary>
    Fetch,
}

/// <summary>What the engine does to the case of an identifier written without quotes.</summary>
public enum CaseFolding
{
    Lower,
    Upper,
    None,
}

/// <summary>How the engine names time zones in its conversion functions.</summary>
public enum TimeZoneNames
{
    /// <summary>IANA names, as the model writes them (<c>Europe/Berlin</c>).</summary>
    Iana,

    /// <summary>Windows names (<c>W. Europe Standard Time</c>): the writer maps each IANA name (SQL Server).</summary>
    Windows,
}

/// <summary>Whether a function can take <c>OVER (...)</c>.</summary>
public enum WindowUse
{
    /// <summary>With or without OVER.</summary>
    Allowed,

    /// <summary>Never with OVER (PostgreSQL's ordered-set aggregates).</summary>
    Never,

    /// <summary>Only with OVER (SQL Server's PERCENTILE_CONT): a call without it is reported.</summary>
    Only,
}

/// <summary>The unit an identifier's maximum length is counted in.</summary>
public enum LengthUnit
{
    Bytes,
    Characters,
}

/// <summary>Quoted identifiers: <c>"name"</c>, with <see cref="EscapedClose"/> standing for a closing quote inside the name.</summary>
public sealed record IdentifierRules(string Open, string Close, string EscapedClose, int MaxLength, LengthUnit MaxLengthUnit, CaseFolding CaseFolding)
{
    /// <summary>The length of <paramref name="name"/> in <see cref="MaxLengthUnit"/>.</summary>
    public int LengthOf(string name) => MaxLengthUnit == LengthUnit.Bytes
        ? System.Text.Encoding.UTF8.GetByteCount(name)
        : name.EnumerateRunes().Count();
}

/// <summary>
/// String literals: <c>prefix + quote + text + quote</c>, each quote in the text written as
/// <see cref="EscapedQuote"/>, and each backslash doubled when <see cref="EscapeBackslash"/>.
/// </summary>
public sealed record StringLiteralRules(string Prefix, string Quote, string EscapedQuote, bool EscapeBackslash);

/// <summary>The yes/no half of a dialect: what the writer may emit as is.</summary>
public sealed record DialectCapabilities(
    bool FilterClause,
    bool IgnoreNulls,
    bool NullsFirstLast,
    bool GroupByOrdinal,
    bool BooleanValues,
    bool CreateOrReplaceView,
    bool Ilike,
    bool ViewDatabase);

/// <summary>
/// A dialect's template for one function: one template, one per argument count (<c>by_arity</c>), or
/// one per date part (<c>by_part</c>, chosen by the call's date-part argument). <see cref="Window"/> says
/// whether the dialect can apply <c>OVER</c> to it. <see cref="Unsupported"/>, when set, is why the
/// engine cannot express the function at all (a call is reported with that reason; there is no template).
/// </summary>
public sealed record FunctionTemplate(
    string Name,
    SqlTemplate? Template,
    ImmutableSortedDictionary<int, SqlTemplate> ByArity,
    ImmutableSortedDictionary<DatePart, SqlTemplate> ByPart,
    WindowUse Window,
    string? Unsupported = null)
{
    public IEnumerable<SqlTemplate> Templates => (Template is null ? [] : new[] { Template }).Concat(ByArity.Values).Concat(ByPart.Values);

    /// <summary>False when the dialect cannot apply <c>OVER</c> to the function.</summary>
    public bool AllowsWindow => Window != WindowUse.Never;

    /// <summary>The template for a call with <paramref name="arity"/> arguments and date part <paramref name="part"/>.</summary>
    public SqlTemplate? Resolve(int arity, DatePart? part)
    {
        if (Template is not null)
            return Template;
        if (!ByArity.IsEmpty)
            return ByArity.GetValueOrDefault(arity);
        return part is { } p ? ByPart.GetValueOrDefault(p) : null;
    }
}

/// <summary>
/// Everything lexical or yes/no about one SQL dialect, read from <c>dialects/&lt;name&gt;.yml</c> by
/// <see cref="DialectFileReader"/>. Immutable; the writer (<see cref="SqlWriter"/>) and the rewrites
/// listed in <see cref="Rewrites"/> are the code half. Tests derive variants with <c>with</c>.
/// </summary>
public sealed record DialectSpec
{
    /// <summary>The dialect's name: <c>postgres</c>, <c>snowflake</c>, <c>trino</c>, <c>sqlserver</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The engine's own name, for people: <c>PostgreSQL</c>.</summary>
    public required string Title { get; init; }

    /// <summary>The engine versions the output is written for, as text: <c>13+</c>.</summary>
    public required string Versions { get; init; }

    public required IdentifierRules Identifiers { get; init; }

    public required StringLiteralRules Strings { get; init; }

    public required string TrueLiteral { get; init; }

    public required string FalseLiteral { get; init; }

    /// <summary><c>DATE '{value}'</c>: <c>{value}</c> is <c>yyyy-MM-dd</c>.</summary>
    public required SqlTemplate DateLiteral { get; init; }

    /// <summary><c>TIMESTAMP '{value}'</c>: <c>{value}</c> is <c>yyyy-MM-dd HH:mm:ss[.ffffff]</c>.</summary>
    public required SqlTemplate TimestampLiteral { get; init; }

    /// <summary>
    /// A bind parameter: <c>@{name}</c>. Without a <c>{name}</c> hole (<c>?</c>) parameters are positional:
    /// one value per occurrence, in the order they appear in the text (<see cref="PositionalParameters"/>).
    /// </summary>
    public required SqlTemplate Parameter { get; init; }

    /// <summary>True when the engine binds parameters by position (Trino's <c>?</c>), not by name.</summary>
    public bool PositionalParameters => !Parameter.Has("name");

    /// <summary>How the engine names time zones (SQL Server: Windows names, mapped from IANA by the writer).</summary>
    public required TimeZoneNames TimeZoneNames { get; init; }

    public required LimitStyle LimitStyle { get; init; }

    /// <summary>The CAST target for each concrete <see cref="ScalarType"/> (Boolean, Number, String, Date, Timestamp, Json).</summary>
    public required ImmutableSortedDictionary<ScalarType, string> TypeNames { get; init; }

    public required DialectCapabilities Capabilities { get; init; }

    /// <summary>The string concatenation operator (<c>||</c>); empty when the dialect has none.</summary>
    public required string ConcatOperator { get; init; }

    /// <summary>Text after every LIKE pattern that makes <c>\</c> its escape character (empty when it already is).</summary>
    public required string LikeEscapeClause { get; init; }

    /// <summary><c>CREATE OR REPLACE VIEW {name} AS\n{query}</c>.</summary>
    public required SqlTemplate CreateView { get; init; }

    /// <summary>A split join (<see cref="Sql.SqlSplitSource"/>), keyword included: <c>{list}</c>, <c>{separator}</c> (a string literal), <c>{alias}</c> (quoted).</summary>
    public required SqlTemplate SplitJoin { get; init; }

    /// <summary>An element of a split join (<see cref="Sql.SqlSplitValue"/>), trimmed of spaces: <c>{alias}</c> (quoted).</summary>
    public required SqlTemplate SplitValue { get; init; }

    /// <summary>The rewrites <see cref="SqlWriter.Write"/> applies before writing, in order.</summary>
    public required ImmutableArray<SqlRewrite> Rewrites { get; init; }

    /// <summary>A template for every function that can reach the writer, by upper-case name.</summary>
    public required ImmutableSortedDictionary<string, FunctionTemplate> Functions { get; init; }

    /// <summary>The name an unquoted identifier would stand for in this dialect (<c>Amount</c> → <c>amount</c> on PostgreSQL).</summary>
    public string FoldUnquoted(string name) => Identifiers.CaseFolding switch
    {
        CaseFolding.Lower => name.ToLowerInvariant(),
        CaseFolding.Upper => name.ToUpperInvariant(),
        _ => name,
    };

    public override string ToString() => Name;
}
