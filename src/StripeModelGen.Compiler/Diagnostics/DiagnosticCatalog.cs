namespace StripeModelGen.Compiler.Diagnostics;

/// <summary>
/// Every diagnostic the compiler can report. Ids are stable (users grep for them and CI filters on
/// them): never renumber, only add. Ranges by stage:
/// SMG0xxx project and files, SMG1xxx YAML and model structure, SMG11xx expression syntax,
/// SMG2xxx names and references, SMG22xx types, functions and aggregation, SMG23xx dashboards,
/// SMG3xxx queries and planning, SMG4xxx dialects, SMG5xxx output.
/// </summary>
public static class DiagnosticCatalog
{
    private static DiagnosticDescriptor Error(string id, string title, string format) => new(id, DiagnosticSeverity.Error, title, format);

    private static DiagnosticDescriptor Warning(string id, string title, string format) => new(id, DiagnosticSeverity.Warning, title, format);

    // SMG0xxx: project and files
    public static readonly DiagnosticDescriptor ProjectNotFound = Error("SMG0001", "Project not found", "No project file `project.yml` in `{0}`");
    public static readonly DiagnosticDescriptor FileUnreadable = Error("SMG0002", "File unreadable", "Cannot read `{0}`: {1}");
    public static readonly DiagnosticDescriptor FileNotUtf8 = Error("SMG0003", "File is not UTF-8", "File is not valid UTF-8 (invalid byte 0x{0:X2} at offset {1}); save it as UTF-8");
    public static readonly DiagnosticDescriptor FileTooLarge = Error("SMG0004", "File too large", "File is {0:N0} bytes; model files are limited to {1:N0} bytes");
    public static readonly DiagnosticDescriptor FileOutsideProject = Error("SMG0005", "File outside the project", "`{0}` resolves to `{1}`, outside the project directory; model files must stay inside the project");
    public static readonly DiagnosticDescriptor EmptyFile = Warning("SMG0006", "Empty file", "File is empty");
    public static readonly DiagnosticDescriptor ProjectDirectoryMissing = Error("SMG0007", "Project directory missing", "Project directory `{0}` does not exist");
    public static readonly DiagnosticDescriptor TooManyFiles = Error("SMG0008", "Too many files", "The project has more than {0:N0} model files");

    // SMG1xxx: YAML and model structure
    public static readonly DiagnosticDescriptor YamlSyntax = Error("SMG1001", "YAML syntax error", "{0}");
    public static readonly DiagnosticDescriptor YamlTab = Error("SMG1002", "Tab in indentation", "Tabs are not allowed for indentation in YAML; use spaces");
    public static readonly DiagnosticDescriptor DuplicateKey = Error("SMG1003", "Duplicate key", "Duplicate key `{0}`; the first one is at line {1}");
    public static readonly DiagnosticDescriptor NestingTooDeep = Error("SMG1004", "Nesting too deep", "YAML nesting deeper than {0} levels");
    public static readonly DiagnosticDescriptor AliasLimit = Error("SMG1005", "Too many aliases", "YAML aliases would expand to more than {0:N0} nodes; aliases are limited to guard against alias bombs");
    public static readonly DiagnosticDescriptor UnknownAlias = Error("SMG1006", "Unknown alias", "Alias `*{0}` has no anchor `&{0}` before it");
    public static readonly DiagnosticDescriptor MultipleDocuments = Error("SMG1007", "Several YAML documents", "A model file holds one YAML document; found a second one");
    public static readonly DiagnosticDescriptor ExpectedMapping = Error("SMG1010", "Mapping expected", "Expected a mapping (`key: value` pairs) for {0}, found {1}");
    public static readonly DiagnosticDescriptor ExpectedList = Error("SMG1011", "List expected", "Expected a list for {0}, found {1}");
    public static readonly DiagnosticDescriptor ExpectedScalar = Error("SMG1012", "Scalar expected", "Expected a single value for {0}, found {1}");
    public static readonly DiagnosticDescriptor UnknownKey = Error("SMG1013", "Unknown key", "Unknown key `{0}` in {1}");
    public static readonly DiagnosticDescriptor MissingKey = Error("SMG1014", "Missing key", "{0} needs `{1}`");
    public static readonly DiagnosticDescriptor InvalidEnumValue = Error("SMG1015", "Invalid value", "`{0}` is not a valid {1}; expected one of: {2}");
    public static readonly DiagnosticDescriptor InvalidBoolean = Error("SMG1016", "Boolean expected", "`{0}` is not a boolean; write `true` or `false`");
    public static readonly DiagnosticDescriptor InvalidInteger = Error("SMG1017", "Integer expected", "`{0}` is not a whole number{1}");
    public static readonly DiagnosticDescriptor InvalidName = Error("SMG1018", "Invalid name", "`{0}` is not a valid name: {1}");
    public static readonly DiagnosticDescriptor EmptyValue = Error("SMG1019", "Empty value", "{0} cannot be empty");
    public static readonly DiagnosticDescriptor UnknownTopLevelKey = Error("SMG1020", "Unknown top-level key", "Unknown top-level key `{0}`; a model file holds {1}");
    public static readonly DiagnosticDescriptor ProjectKeyOutsideProjectFile = Error("SMG1021", "Project settings outside project.yml", "`{0}` belongs in `project.yml`");
    public static readonly DiagnosticDescriptor MutuallyExclusiveKeys = Error("SMG1022", "Conflicting keys", "`{0}` cannot be combined with `{1}`");
    public static readonly DiagnosticDescriptor InvalidTimeZone = Error("SMG1023", "Unknown time zone", "`{0}` is not an IANA time zone name (such as `UTC` or `Europe/Berlin`)");

    // SMG11xx: expression syntax
    public static readonly DiagnosticDescriptor UnexpectedCharacter = Error("SMG1101", "Unexpected character", "Unexpected character `{0}` in expression");
    public static readonly DiagnosticDescriptor UnterminatedString = Error("SMG1102", "Unterminated string", "String literal is not closed; add a `'`");
    public static readonly DiagnosticDescriptor UnterminatedReference = Error("SMG1103", "Unterminated reference", "`${{` is not closed; add a `}}`");
    public static readonly DiagnosticDescriptor InvalidReference = Error("SMG1104", "Invalid reference", "`${{{0}}}` is not a valid reference; write `${{field}}`, `${{view.field}}` or `${{TABLE}}`");
    public static readonly DiagnosticDescriptor UnexpectedToken = Error("SMG1105", "Unexpected token", "Expected {0}, found {1}");
    public static readonly DiagnosticDescriptor UnterminatedQuotedIdentifier = Error("SMG1106", "Unterminated quoted identifier", "Quoted identifier is not closed; add a `\"`");
    public static readonly DiagnosticDescriptor ExpressionTooDeep = Error("SMG1107", "Expression too deep", "Expression nesting deeper than {0} levels");
    public static readonly DiagnosticDescriptor InvalidNumber = Error("SMG1108", "Invalid number", "`{0}` is not a valid number");
    public static readonly DiagnosticDescriptor EmptyExpression = Error("SMG1109", "Empty expression", "Expression is empty");
    public static readonly DiagnosticDescriptor UnterminatedComment = Error("SMG1110", "Unterminated comment", "Comment is not closed; add a `*/`");
    public static readonly DiagnosticDescriptor EmptyQuotedIdentifier = Error("SMG1111", "Empty quoted identifier", "A quoted identifier needs a name between its `\"` quotes");
    public static readonly DiagnosticDescriptor ExpressionTooLong = Error("SMG1112", "Expression too long", "Expression chains operators more than {0} levels deep; split it into several fields");

    // SMG2xxx: names and references
    public static readonly DiagnosticDescriptor DuplicateName = Error("SMG2001", "Duplicate name", "{0} `{1}` is already defined at {2}");
    public static readonly DiagnosticDescriptor UnknownView = Error("SMG2002", "Unknown view", "Unknown view `{0}`");
    public static readonly DiagnosticDescriptor UnknownField = Error("SMG2003", "Unknown field", "Unknown field `{0}` in view `{1}`");
    public static readonly DiagnosticDescriptor UnknownExplore = Error("SMG2004", "Unknown explore", "Unknown explore `{0}`");
    public static readonly DiagnosticDescriptor UnknownDashboardFilter = Error("SMG2005", "Unknown dashboard filter", "Unknown filter `{0}` in dashboard `{1}`");
    public static readonly DiagnosticDescriptor UnknownTimeframe = Error("SMG2006", "Unknown timeframe", "`{0}` has no timeframe `{1}`; it has: {2}");
    public static readonly DiagnosticDescriptor FieldCycle = Error("SMG2007", "Circular reference", "Circular reference: {0}");
    public static readonly DiagnosticDescriptor ViewNotInExplore = Error("SMG2008", "View not in explore", "View `{0}` is not part of {1}");
    public static readonly DiagnosticDescriptor MissingPrimaryKey = Error("SMG2009", "Primary key required", "The `{0}` join of `{1}` needs a primary key on view `{2}`; mark one dimension `primary_key: true`");
    public static readonly DiagnosticDescriptor FieldNotReachable = Error("SMG2010", "Field not reachable", "Field `{0}` is not reachable from explore `{1}`: view `{2}` is not joined in it");
    public static readonly DiagnosticDescriptor TableReferenceOutsideView = Error("SMG2011", "${TABLE} outside a view", "`${{TABLE}}` only has a meaning inside a view's fields");
    public static readonly DiagnosticDescriptor UnqualifiedReferenceOutsideView = Error("SMG2012", "Unqualified reference", "`${{{0}}}` needs its view here: write `${{view.{0}}}`");
    public static readonly DiagnosticDescriptor UnknownSource = Error("SMG2013", "Unknown source", "Unknown source `{0}`");
    public static readonly DiagnosticDescriptor UnknownDialect = Error("SMG2014", "Unknown dialect", "Unknown dialect `{0}`");
    public static readonly DiagnosticDescriptor UnknownTable = Error("SMG2015", "Unknown table", "No source maps logical table `{0}`; add it to a source's `tables`");
    public static readonly DiagnosticDescriptor MultiplePrimaryKeys = Error("SMG2016", "Several primary keys", "View `{0}` already has primary key `{1}`; a view has one primary key dimension");
    public static readonly DiagnosticDescriptor JoinTwice = Error("SMG2017", "View joined twice", "View `{0}` is already joined in explore `{1}`; give the second join its own `name:`");
    public static readonly DiagnosticDescriptor ReferenceToMeasureInDimension = Error("SMG2018", "Measure in a dimension", "{0} cannot reference measure `{1}`; a dimension has one value per row");
    public static readonly DiagnosticDescriptor TimeframeOnNonTime = Error("SMG2019", "Timeframe on a non-time field", "`{0}` is not a time dimension, so `{0}_{1}` is not a field");
    public static readonly DiagnosticDescriptor UnknownProjectConstant = Error("SMG2020", "Unknown constant", "Unknown constant `{0}`");
    public static readonly DiagnosticDescriptor JoinNotConnected = Error("SMG2021", "Join not connected", "The join of `{0}` in explore `{1}` does not reference any view joined before it");
    public static readonly DiagnosticDescriptor JoinMissingOtherView = Error("SMG2022", "Join condition misses the joined view", "The `sql_on` of `{0}` must reference `{0}`");
    public static readonly DiagnosticDescriptor ColumnOutsideView = Error("SMG2023", "Column outside a view", "`{0}` reads a table column, which only a view's fields can do; reference a field as `${{view.field}}`");
    public static readonly DiagnosticDescriptor FieldNeedsView = Error("SMG2024", "Field needs its view", "`{0}` needs its view: write `view.{0}`");
    public static readonly DiagnosticDescriptor TableNeedsColumn = Error("SMG2025", "${TABLE} without a column", "`${{TABLE}}` names the view's table; write `${{TABLE}}.column`");
    public static readonly DiagnosticDescriptor MoneyNeedsCurrency = Error("SMG2026", "Money without currency", "Money dimension `{0}` needs `currency:` (for example `currency: ${{currency}}`)");
    public static readonly DiagnosticDescriptor PivotNotSelected = Error("SMG2027", "Pivot on an unselected field", "Pivot field `{0}` is not among the query's fields");
    public static readonly DiagnosticDescriptor ViewNeedsTable = Error("SMG2028", "View without a table", "View `{0}` needs `table:` (or `derived:`)");
    public static readonly DiagnosticDescriptor ColumnInDerivedView = Error("SMG2029", "Column in a derived view", "`{0}` reads a table column, but derived view `{1}` has no table; reference a field of its sources as `${{view.field}}`");
    public static readonly DiagnosticDescriptor DerivedCycle = Error("SMG2030", "Derived views in a cycle", "Derived view `{0}` is computed from itself: {1}");
    public static readonly DiagnosticDescriptor GroupByNotDimension = Error("SMG2031", "Group-by is not a dimension", "`{0}` is not a dimension of derived view `{1}`");
    public static readonly DiagnosticDescriptor UnknownPublishKind = Error("SMG2032", "Unknown publication kind", "`{0}` is not a kind of published view; expected: mrr");
    public static readonly DiagnosticDescriptor SplitJoinOutsideDerived = Error("SMG2033", "Split join outside a derived view", "The join of `{0}` in explore `{1}` splits a string; only a derived view's joins can (define a derived view with this join and explore it)");
    public static readonly DiagnosticDescriptor MissingColumnStored = Error("SMG2034", "Column both stored and missing", "Column `{0}` of table `{1}` is listed under `missing:`, so it cannot also be listed under `columns:`");

    // SMG22xx: types, functions and aggregation
    public static readonly DiagnosticDescriptor UnknownFunction = Error("SMG2201", "Unknown function", "Unknown function `{0}`");
    public static readonly DiagnosticDescriptor WrongArgumentCount = Error("SMG2202", "Wrong number of arguments", "`{0}` takes {1} argument(s), not {2}");
    public static readonly DiagnosticDescriptor WrongArgumentType = Error("SMG2203", "Wrong argument type", "Argument {0} of `{1}` must be {2}, not {3}");
    public static readonly DiagnosticDescriptor NestedAggregate = Error("SMG2204", "Aggregate inside aggregate", "`{0}` aggregates inside {1}");
    public static readonly DiagnosticDescriptor NumberMeasureReferencesDimension = Error("SMG2205", "Number measure over a dimension", "{0} has `type: number` and combines measures; `{1}` is a row value (define a measure that aggregates it)");
    public static readonly DiagnosticDescriptor AggregateInDimension = Error("SMG2206", "Aggregate in a dimension", "{0} cannot use aggregate `{1}`; define a measure");
    public static readonly DiagnosticDescriptor OperatorTypeMismatch = Error("SMG2207", "Operand types", "Operator `{0}` cannot be applied to {1} and {2}");
    public static readonly DiagnosticDescriptor ConditionNotBoolean = Error("SMG2208", "Condition is not a yes/no value", "{0} must be a yes/no (boolean) expression, not {1}");
    public static readonly DiagnosticDescriptor WindowNotAllowed = Error("SMG2209", "Window function not allowed", "Window function `{0}` cannot be used in {1}");
    public static readonly DiagnosticDescriptor NotAWindowFunction = Error("SMG2210", "Not a window function", "`{0}` cannot take `OVER (...)`");
    public static readonly DiagnosticDescriptor WindowFunctionNeedsOver = Error("SMG2211", "Window function needs OVER", "`{0}` is a window function and needs `OVER (...)`");
    public static readonly DiagnosticDescriptor IgnoreNullsNotAllowed = Error("SMG2212", "IGNORE NULLS not allowed", "`IGNORE NULLS` applies to `LAG`, `LEAD`, `FIRST_VALUE`, `LAST_VALUE` and `NTH_VALUE`, not `{0}`");
    public static readonly DiagnosticDescriptor MeasureSqlRequired = Error("SMG2213", "Measure needs sql", "Measure `{0}` of `type: {1}` needs `sql:`");
    public static readonly DiagnosticDescriptor MeasureSqlNotAllowed = Error("SMG2214", "Measure takes no sql", "Measure `{0}` of `type: count` counts rows or primary keys; remove `sql:` or use `count_distinct`");
    public static readonly DiagnosticDescriptor MeasureFilterNotDimension = Error("SMG2215", "Measure filter on a measure", "Measure filters apply to dimensions; `{0}` is a measure");
    public static readonly DiagnosticDescriptor TypeMismatch = Error("SMG2216", "Type mismatch", "{0} must be {1}, not {2}");
    public static readonly DiagnosticDescriptor PercentileOutOfRange = Error("SMG2217", "Percentile out of range", "`percentile` must be between 0 and 100, not {0}");
    public static readonly DiagnosticDescriptor CastTypeUnknown = Error("SMG2218", "Unknown type", "Unknown type `{0}` in CAST; expected one of: {1}");
    public static readonly DiagnosticDescriptor DistinctNotAllowed = Error("SMG2219", "DISTINCT or FILTER not allowed", "`{0}` applies to aggregates, not `{1}`");
    public static readonly DiagnosticDescriptor AggregateInWhere = Error("SMG2220", "Aggregate in a row filter", "{0} filters rows and cannot use aggregate `{1}`");
    public static readonly DiagnosticDescriptor WindowInWindow = Error("SMG2222", "Window inside a window", "`{0}` is a window function inside window function `{1}`; compute the inner one in a derived view and read it from there");
    public static readonly DiagnosticDescriptor MeasureInRowContext = Error("SMG2221", "Measure in a row expression", "{0} works on rows and cannot use measure `{1}`");

    // SMG23xx: dashboards
    public static readonly DiagnosticDescriptor TileOverlap = Error("SMG2301", "Tiles overlap", "Tile `{0}` overlaps tile `{1}` in the layout");
    public static readonly DiagnosticDescriptor TileOutOfBounds = Error("SMG2302", "Tile outside the grid", "Tile `{0}` spans columns {1} to {2}; the grid has 24 columns");
    public static readonly DiagnosticDescriptor ListenFieldMismatch = Error("SMG2303", "Listen type mismatch", "Filter `{0}` takes {1} and cannot drive `{2}`, which holds {3}");
    public static readonly DiagnosticDescriptor UnknownDashboard = Error("SMG2304", "Unknown dashboard", "Unknown dashboard `{0}`");
    public static readonly DiagnosticDescriptor TileNeedsFields = Error("SMG2305", "Tile without fields", "Tile `{0}` selects no fields");
    public static readonly DiagnosticDescriptor SortFieldNotSelected = Error("SMG2306", "Sort on an unselected field", "Sort field `{0}` is not among the query's fields");
    public static readonly DiagnosticDescriptor LinkFieldNotSelected = Error("SMG2307", "Link on an unselected field", "Link field `{0}` is not among the tile's fields");
    public static readonly DiagnosticDescriptor DashboardFilterFieldTypes = Error("SMG2308", "Filter fields of different types", "The fields of filter `{0}` must hold values of one type: `{1}` holds {2}, `{3}` {4}");
    public static readonly DiagnosticDescriptor ListenFieldCount = Error("SMG2309", "Listen field count", "Filter `{0}` has {1} field(s) ({2}); listen to it with one field of explore `{3}` for each, in that order, not {4}");
    public static readonly DiagnosticDescriptor FieldListedTwice = Error("SMG2310", "Field listed twice", "`{0}` is listed twice in {1}");
    public static readonly DiagnosticDescriptor ListenMixesMeasures = Error("SMG2311", "Listen mixes dimensions and measures", "Filter `{0}` cannot drive dimension `{1}` and measure `{2}` together: it matches either rows or groups");

    // SMG30xx: queries and planning
    public static readonly DiagnosticDescriptor CurrencyNotGrouped = Warning("SMG3001", "Currencies added together", "`{0}` combines amounts in different currencies: group by `{1}` (or filter it to one currency) to get a meaningful value");
    public static readonly DiagnosticDescriptor FanoutWithoutPrimaryKey = Error("SMG3002", "Fanout cannot be undone", "`{0}` would be inflated by the one-to-many join of `{1}`, and view `{2}` has no primary key to aggregate it at its own grain");
    public static readonly DiagnosticDescriptor AliasNotJoined = Error("SMG3003", "View not joined", "`{0}` reads view `{1}`, which explore `{2}` does not join under that name");
    public static readonly DiagnosticDescriptor UnknownQueryName = Error("SMG3004", "Unknown query", "Unknown {0} `{1}`");
    public static readonly DiagnosticDescriptor UnavailableForSource = Warning("SMG3005", "Unavailable for this source", "{0} `{1}` is not available for source `{2}`: it reads {3}, which `{2}` does not have; no SQL was written for it");
    public static readonly DiagnosticDescriptor LeftOutForSource = Warning("SMG3006", "Column left out for this source", "Column `{0}` of view `{1}` is left out for source `{2}`: it reads {3}, which `{2}` does not have");

    // SMG4xxx: dialects
    // SMG40xx: loading dialect files (dialects/<name>.yml)
    public static readonly DiagnosticDescriptor DialectTemplateSyntax = Error("SMG4001", "Invalid template", "Invalid template: {0}");
    public static readonly DiagnosticDescriptor DialectUnknownHole = Error("SMG4002", "Unknown template hole", "Unknown hole `{{{0}}}` in {1}; it takes {2}");
    public static readonly DiagnosticDescriptor DialectHoleOutOfRange = Error("SMG4003", "Template hole out of range", "`{{{0}}}` is out of range: `{1}` takes {2} argument(s)");
    public static readonly DiagnosticDescriptor DialectOptionalHole = Error("SMG4004", "Template hole for an optional argument", "`{{{0}}}` names an optional argument: `{1}` takes {2} arguments; write one template per arity under `by_arity`, or use `{{args}}`");
    public static readonly DiagnosticDescriptor DialectHoleInString = Error("SMG4005", "Template hole inside a string", "`{{{0}}}` sits inside a quoted string; only a date part may be spliced into a string literal");
    public static readonly DiagnosticDescriptor DialectMissingHole = Error("SMG4006", "Template hole missing", "{0} needs the hole `{{{1}}}` exactly once");
    public static readonly DiagnosticDescriptor DialectUnknownFunction = Error("SMG4007", "Unknown function", "`{0}` is not a function of the catalogue, nor one a listed rewrite introduces");
    public static readonly DiagnosticDescriptor DialectMissingFunction = Error("SMG4008", "Function template missing", "Dialect `{0}` has no template for function `{1}`");
    public static readonly DiagnosticDescriptor DialectUnusedFunction = Error("SMG4009", "Function template never used", "The template for `{0}` is never used: rewrite `{1}` removes every call to it");
    public static readonly DiagnosticDescriptor DialectUnknownRewrite = Error("SMG4010", "Unknown rewrite", "Unknown rewrite `{0}`; known rewrites: {1}");
    public static readonly DiagnosticDescriptor DialectNameMismatch = Error("SMG4011", "Dialect name does not match its file", "Dialect `{0}` must be declared in `{0}.yml`, not in `{1}`");
    public static readonly DiagnosticDescriptor DialectTemplateNotCall = Error("SMG4012", "Template cannot take FILTER or OVER", "The template of {0} `{1}` must end with a call (`NAME(...)`) so that FILTER, IGNORE NULLS and OVER can follow it");
    public static readonly DiagnosticDescriptor DialectIncompleteVariants = Error("SMG4013", "Template variants incomplete", "`{0}` of `{1}` needs a template for every {2}; missing: {3}");
    public static readonly DiagnosticDescriptor DialectVariantsNotApplicable = Error("SMG4014", "Template variants do not apply", "`{0}` does not apply to `{1}`: {2}");
    public static readonly DiagnosticDescriptor DialectDuplicateRewrite = Error("SMG4015", "Rewrite listed twice", "Rewrite `{0}` is already listed");

    // SMG402x: writing SQL for a dialect
    public static readonly DiagnosticDescriptor DialectUnsupported = Error("SMG4020", "Not expressible in the dialect", "{0} cannot be expressed in dialect `{1}`");
    public static readonly DiagnosticDescriptor DialectNoTemplate = Error("SMG4021", "Function has no template", "Function `{0}` has no template in dialect `{1}`");
    public static readonly DiagnosticDescriptor DialectInvalidString = Error("SMG4022", "String not representable", "A string literal contains {0}, which dialect `{1}` cannot represent");
    public static readonly DiagnosticDescriptor DialectInvalidIdentifier = Error("SMG4023", "Name not representable", "The name `{0}` cannot be written in dialect `{1}`: {2}");
    public static readonly DiagnosticDescriptor DialectInvalidParameter = Error("SMG4024", "Invalid parameter name", "`{0}` is not a valid parameter name: use letters, digits and `_`, starting with a letter or `_`");
    public static readonly DiagnosticDescriptor DialectInvalidNumber = Error("SMG4025", "Number not representable", "The number `{0}` cannot be written as SQL");
    public static readonly DiagnosticDescriptor DialectNoWindowsTimeZone = Error("SMG4026", "Time zone has no Windows name", "The time zone `{0}` has no Windows name, which dialect `{1}` needs to convert times (AT TIME ZONE); choose a zone of the same rules that has one");
    public static readonly DiagnosticDescriptor DialectFunctionUnsupported = Error("SMG4027", "Function not available in the dialect", "`{0}` cannot be expressed in dialect `{1}`: {2}");

    // SMG5xxx: output
    public static readonly DiagnosticDescriptor DbtModelNameClash = Error("SMG5001", "dbt model names clash", "{0} `{1}` would be dbt model `{2}`, which is already the model of {3}; rename one of them");
    public static readonly DiagnosticDescriptor DbtModelNameTooLong = Error("SMG5002", "dbt model name too long", "{0} `{1}` would be dbt model `{2}`, which is {3} characters long; PostgreSQL cuts names after {4} characters, so shorten the name");

    // SMG31xx: filter expressions
    public static readonly DiagnosticDescriptor EmptyFilterAlternative = Error("SMG3101", "Empty filter alternative", "Empty alternative in filter `{0}`; remove the extra `,` (`EMPTY` matches empty strings)");
    public static readonly DiagnosticDescriptor NegationWithoutValue = Error("SMG3102", "Negation without a value", "`-` needs a value to exclude in filter `{0}` (`-foo` matches everything but `foo`)");
    public static readonly DiagnosticDescriptor DanglingFilterEscape = Error("SMG3103", "Escape at the end", "`^` at the end of filter `{0}` escapes nothing; write `^^` for a literal `^`");
    public static readonly DiagnosticDescriptor FilterTemplateNotSupported = Error("SMG3104", "Template in a filter value", "`{0}` looks like a user attribute or a Liquid template, which filter values cannot use{1}");
    // SMG3105 (a literal % or _ after a wildcard) is retired: such patterns are LIKE ... ESCAPE now. Never reuse the id.
    public static readonly DiagnosticDescriptor InvalidNumberFilter = Error("SMG3110", "Invalid number filter", "`{0}` is not a number filter: {1}; examples: `5`, `>=10`, `1 to 5`, `[0,100)`, `NOT 3`, `NULL`");
    public static readonly DiagnosticDescriptor EmptyNumberRange = Error("SMG3111", "Empty number range", "The range `{0}` contains no number; write the lower bound first");
    public static readonly DiagnosticDescriptor InvalidDateFilter = Error("SMG3120", "Invalid date filter", "`{0}` is not a date filter: {1}; examples: `today`, `7 days`, `last month`, `this year`, `3 days ago`, `2024-03`, `after 2024-01-01`, `2024-01-01 to 2024-04-01`");
    public static readonly DiagnosticDescriptor InvalidDate = Error("SMG3121", "Invalid date", "`{0}` is not a valid date or time; write `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]`");
    public static readonly DiagnosticDescriptor UnsupportedDateFilter = Error("SMG3122", "Unsupported date filter", "`{0}` is not supported in date filters: {1}");
    public static readonly DiagnosticDescriptor EmptyDateRange = Error("SMG3123", "Empty date range", "`{0}` matches no date: {1}");
    public static readonly DiagnosticDescriptor DateAmountOutOfRange = Error("SMG3124", "Date amount out of range", "`{0}` is out of range: {1}");
    public static readonly DiagnosticDescriptor InvalidYesNoFilter = Error("SMG3130", "Invalid yes/no filter", "`{0}` is not a yes/no filter; write `yes`, `no`, `NULL` or `NOT NULL`");
}
