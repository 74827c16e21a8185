using System.Collections.Immutable;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Syntax;

/// <summary>Every file of a project, read but not yet checked against each other.</summary>
public sealed record ModelSyntax(ProjectSyntax? Project, ImmutableArray<ModelFileSyntax> Files)
{
    public IEnumerable<SourceSyntax> Sources => Files.SelectMany(f => f.Sources);

    public IEnumerable<ViewSyntax> Views => Files.SelectMany(f => f.Views);

    public IEnumerable<ExploreSyntax> Explores => Files.SelectMany(f => f.Explores);

    public IEnumerable<DashboardSyntax> Dashboards => Files.SelectMany(f => f.Dashboards);

    public IEnumerable<SavedQuerySyntax> Queries => Files.SelectMany(f => f.Queries);
}

/// <summary>The objects one model file declares, in file order.</summary>
public sealed record ModelFileSyntax(
    SourceText Source,
    ImmutableArray<SourceSyntax> Sources,
    ImmutableArray<ViewSyntax> Views,
    ImmutableArray<ExploreSyntax> Explores,
    ImmutableArray<DashboardSyntax> Dashboards,
    ImmutableArray<SavedQuerySyntax> Queries);

/// <summary><c>project.yml</c>.</summary>
public sealed record ProjectSyntax(
    SourceText Source,
    YamlScalarSyntax? Name,
    YamlScalarSyntax? DefaultSource,
    YamlScalarSyntax? DefaultDialect,
    YamlScalarSyntax? TimeZone,
    YamlScalarSyntax? WeekStart,
    YamlScalarSyntax? Description,
    ImmutableArray<ConstantSyntax> Constants);

/// <summary>A project constant, overridable on the command line with <c>--const name=value</c>.</summary>
public sealed record ConstantSyntax(YamlScalarSyntax Name, YamlScalarSyntax? Value, ImmutableArray<YamlScalarSyntax> AllowedValues, YamlScalarSyntax? Description);

/// <summary>A warehouse layout (sigma, segment, fivetran): logical tables mapped to physical ones.</summary>
public sealed record SourceSyntax(YamlScalarSyntax Name, YamlScalarSyntax? Description, YamlScalarSyntax? Database, YamlScalarSyntax? Schema, ImmutableArray<SourceTableSyntax> Tables);

/// <summary>
/// A logical table's physical table, the rows of it that are read (<c>where:</c>), the columns that differ and
/// the logical columns the source does not have at all (<c>missing:</c>).
/// </summary>
public sealed record SourceTableSyntax(
    YamlScalarSyntax Name,
    YamlScalarSyntax? Table,
    ImmutableArray<SourceRowConditionSyntax> Where,
    ImmutableArray<SourceColumnSyntax> Columns,
    ImmutableArray<YamlScalarSyntax> Missing);

/// <summary>One entry of a source table's <c>where:</c>: only rows whose physical <see cref="Column"/> equals <see cref="Value"/> are read.</summary>
public sealed record SourceRowConditionSyntax(YamlScalarSyntax Column, YamlScalarSyntax Value);

/// <summary>A column whose physical name or storage differs from the logical one (<c>type: epoch_seconds</c> and so on).</summary>
public sealed record SourceColumnSyntax(YamlScalarSyntax Name, YamlScalarSyntax? Column, YamlScalarSyntax? Type);

public sealed record ViewSyntax(
    YamlScalarSyntax Name,
    YamlScalarSyntax? Label,
    YamlScalarSyntax? Description,
    YamlScalarSyntax? Table,
    DerivedSyntax? Derived,
    PublishSyntax? Publish,
    ImmutableArray<DimensionSyntax> Dimensions,
    ImmutableArray<MeasureSyntax> Measures,
    ImmutableArray<YamlScalarSyntax> DrillFields);

/// <summary>
/// A view whose rows are computed from other views rather than read from a table: the rows of
/// <see cref="From"/> joined to <see cref="Joins"/>, filtered by <see cref="Where"/> and, when
/// <see cref="GroupBy"/> is given (even empty), grouped by those of the view's dimensions.
/// </summary>
public sealed record DerivedSyntax(YamlMappingSyntax Node, YamlScalarSyntax? From, ImmutableArray<JoinSyntax> Joins, YamlScalarSyntax? Where, ImmutableArray<YamlScalarSyntax>? GroupBy);

/// <summary>A view published as an artifact of its own (<c>kind: mrr</c>): its columns, in order, sorted as given.</summary>
public sealed record PublishSyntax(YamlMappingSyntax Node, YamlScalarSyntax? Kind, ImmutableArray<SortSyntax> Sorts);

/// <summary>Per-dialect replacements of a <c>sql:</c> (<c>sql_postgres:</c>, <c>sql_sqlserver:</c> ...), keyed by dialect name.</summary>
public sealed record DialectSqlSyntax(string Dialect, YamlScalarSyntax Sql);

public sealed record DimensionSyntax(
    YamlScalarSyntax Name,
    YamlScalarSyntax? Type,
    YamlScalarSyntax? Sql,
    ImmutableArray<DialectSqlSyntax> DialectSql,
    YamlScalarSyntax? PrimaryKey,
    YamlScalarSyntax? Label,
    YamlScalarSyntax? Description,
    YamlScalarSyntax? Hidden,
    YamlScalarSyntax? Format,
    YamlScalarSyntax? Currency,
    ImmutableArray<YamlScalarSyntax> Timeframes,
    YamlScalarSyntax? SqlStart,
    YamlScalarSyntax? SqlEnd,
    ImmutableArray<YamlScalarSyntax> Intervals,
    ImmutableArray<YamlScalarSyntax> Values,
    YamlScalarSyntax? GroupLabel,
    YamlScalarSyntax? CaseSensitive = null);

public sealed record MeasureSyntax(
    YamlScalarSyntax Name,
    YamlScalarSyntax? Type,
    YamlScalarSyntax? Sql,
    ImmutableArray<DialectSqlSyntax> DialectSql,
    ImmutableArray<FilterSyntax> Filters,
    YamlScalarSyntax? Percentile,
    YamlScalarSyntax? Label,
    YamlScalarSyntax? Description,
    YamlScalarSyntax? Hidden,
    YamlScalarSyntax? Format,
    YamlScalarSyntax? Currency,
    ImmutableArray<YamlScalarSyntax> DrillFields,
    YamlScalarSyntax? GroupLabel);

/// <summary>A field and a Looker filter expression (<c>succeeded</c>, <c>-NULL</c>, <c>last 7 days</c>...).</summary>
public sealed record FilterSyntax(YamlScalarSyntax Field, YamlScalarSyntax Value);

public sealed record ExploreSyntax(
    YamlScalarSyntax Name,
    YamlScalarSyntax? View,
    YamlScalarSyntax? Label,
    YamlScalarSyntax? Description,
    ImmutableArray<JoinSyntax> Joins,
    YamlScalarSyntax? SqlAlwaysWhere,
    ImmutableArray<FilterSyntax> AlwaysFilter,
    YamlScalarSyntax? Hidden);

/// <summary>
/// A join; <c>name</c> defaults to <c>view</c>, and differs when one view is joined twice (<c>from:</c>).
/// A split join (only in a derived view) has <c>split:</c> (a string expression) and <c>separator:</c>
/// instead of <c>view:</c>, and a <c>name:</c>: one row per element of the string, read as <c>${name.value}</c>.
/// </summary>
public sealed record JoinSyntax(
    YamlMappingSyntax Node,
    YamlScalarSyntax? Name,
    YamlScalarSyntax? View,
    YamlScalarSyntax? SqlOn,
    YamlScalarSyntax? Relationship,
    YamlScalarSyntax? Type,
    YamlScalarSyntax? Split = null,
    YamlScalarSyntax? Separator = null);

public sealed record DashboardSyntax(
    YamlScalarSyntax Name,
    YamlScalarSyntax? Title,
    YamlScalarSyntax? Description,
    ImmutableArray<DashboardFilterSyntax> Filters,
    ImmutableArray<TileSyntax> Tiles);

/// <summary>
/// A dashboard filter on one field (<c>field:</c>) or on several (<c>fields:</c>, the filter's value matching
/// a row when it matches any of them); <see cref="Fields"/> holds either. Empty after a structural error.
/// </summary>
public sealed record DashboardFilterSyntax(YamlScalarSyntax Name, YamlScalarSyntax? Title, ImmutableArray<YamlScalarSyntax> Fields, YamlScalarSyntax? Default, YamlScalarSyntax? Required);

/// <summary>Where a tile sits on the dashboard's 24-column grid.</summary>
public sealed record LayoutSyntax(YamlMappingSyntax Node, YamlScalarSyntax? Row, YamlScalarSyntax? Column, YamlScalarSyntax? Width, YamlScalarSyntax? Height);

/// <summary>
/// A dashboard filter feeding a tile's field (<c>listen: { period: charges.created_date }</c>), or one field per
/// field of a filter on several (<c>listen: { customer: [charges.customer_id, customers.email] }</c>);
/// <see cref="Value"/> is the listened value as written.
/// </summary>
public sealed record ListenSyntax(YamlScalarSyntax Filter, ImmutableArray<YamlScalarSyntax> Fields, YamlNodeSyntax Value);

/// <summary>A link from a tile's field to another dashboard, passing the field's value to one of its filters.</summary>
public sealed record TileLinkSyntax(YamlMappingSyntax Node, YamlScalarSyntax? Field, YamlScalarSyntax? Dashboard, YamlScalarSyntax? Filter, YamlScalarSyntax? Label);

/// <summary>The query part shared by tiles and saved queries.</summary>
public sealed record QuerySyntax(
    YamlScalarSyntax? Explore,
    ImmutableArray<YamlScalarSyntax> Fields,
    ImmutableArray<FilterSyntax> Filters,
    ImmutableArray<SortSyntax> Sorts,
    YamlScalarSyntax? Limit,
    ImmutableArray<YamlScalarSyntax> Pivots);

/// <summary><c>field</c> or <c>field desc</c>: the field is the value's characters [FieldStart, FieldStart + FieldLength).</summary>
public sealed record SortSyntax(YamlScalarSyntax Node, int FieldStart, int FieldLength, bool Descending)
{
    public string Field => Node.Value.Substring(FieldStart, FieldLength);

    public TextLocation FieldLocation => Node.GetSourceLocation(FieldStart, FieldLength);
}

public sealed record TileSyntax(
    YamlMappingSyntax Node,
    YamlScalarSyntax Name,
    YamlScalarSyntax? Title,
    YamlScalarSyntax? Chart,
    QuerySyntax Query,
    ImmutableArray<ListenSyntax> Listen,
    LayoutSyntax? Layout,
    ImmutableArray<TileLinkSyntax> Links,
    YamlScalarSyntax? Note);

public sealed record SavedQuerySyntax(YamlScalarSyntax Name, YamlScalarSyntax? Description, QuerySyntax Query);
