using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Tests.Testing;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>Loading dialect files: every shipped one loads clean, and each kind of mistake is a diagnostic at its exact span.</summary>
public sealed class DialectFileTests
{
    public static TheoryData<string> DialectFiles => [.. Dialect.RepositoryFiles];

    private static string PostgresText => File.ReadAllText(RepositoryRoot.Combine("dialects", "postgres.yml"));

    [Theory]
    [MemberData(nameof(DialectFiles))]
    public void Every_dialect_file_in_the_repository_loads_without_diagnostics(string file)
    {
        var diagnostics = new DiagnosticBag();
        var source = new SourceText("dialects/" + file, File.ReadAllText(RepositoryRoot.Combine("dialects", file)));

        var dialect = DialectCatalog.Read(source, diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted().Select(d => DiagnosticFormatter.Text(d)));
        Assert.NotNull(dialect);
        Assert.Equal(DialectFileReader.ExpectedName(file), dialect.Name);
    }

    [Fact]
    public void The_embedded_dialects_are_the_repository_files()
    {
        var embedded = new DiagnosticBag();
        var fromDirectory = new DiagnosticBag();

        var shipped = DialectCatalog.Load(embedded);
        var repository = DialectCatalog.LoadDirectory(RepositoryRoot.Combine("dialects"), fromDirectory);

        Assert.Equal(0, embedded.Count + fromDirectory.Count);
        Assert.Equal(Dialect.RepositoryFiles.Select(DialectFileReader.ExpectedName), shipped.Keys);
        Assert.Equal(repository.Keys, shipped.Keys);
        Assert.Equal(repository.Keys, DialectCatalog.Names);
        Assert.True(DialectCatalog.TryGet("postgres", out var postgres));
        Assert.Equal(repository["postgres"].Functions.Keys, postgres.Functions.Keys);
        Assert.False(DialectCatalog.TryGet("oracle", out _));
        Assert.Throws<KeyNotFoundException>(() => DialectCatalog.Get("oracle"));
    }

    [Fact]
    public void Postgres_reads_into_the_spec_the_writer_uses()
    {
        var postgres = Dialect.Postgres;

        Assert.Equal(("postgres", "PostgreSQL", "13+"), (postgres.Name, postgres.Title, postgres.Versions));
        Assert.Equal(new IdentifierRules("\"", "\"", "\"\"", 63, LengthUnit.Bytes, CaseFolding.Lower), postgres.Identifiers);
        Assert.Equal(new StringLiteralRules(string.Empty, "'", "''", EscapeBackslash: false), postgres.Strings);
        Assert.Equal(new DialectCapabilities(FilterClause: true, IgnoreNulls: false, NullsFirstLast: true, GroupByOrdinal: true, BooleanValues: true, CreateOrReplaceView: true, Ilike: true, ViewDatabase: true), postgres.Capabilities);
        Assert.Equal(LimitStyle.Limit, postgres.LimitStyle);
        Assert.Equal("VARCHAR NUMERIC BOOLEAN DATE TIMESTAMP JSONB", string.Join(' ', new[] { ScalarType.String, ScalarType.Number, ScalarType.Boolean, ScalarType.Date, ScalarType.Timestamp, ScalarType.Json }.Select(t => postgres.TypeNames[t])));
        Assert.Equal(["IgnoreNullsToArrayAgg", "MaxByToArrayAgg", "DecimalDivision"], postgres.Rewrites.Select(r => r.Name));
        Assert.Equal("CREATE OR REPLACE VIEW {name} AS\n{query}", postgres.CreateView.Text);
        Assert.Equal("amount", postgres.FoldUnquoted("Amount"));
        Assert.False(postgres.Functions["MEDIAN"].AllowsWindow);
        Assert.True(postgres.Functions["SUM"].AllowsWindow);
    }

    [Fact]
    public void A_file_read_from_a_directory_is_reported_under_the_dialects_folder()
    {
        var directory = Directory.CreateTempSubdirectory("smg-dialects-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "postgres.yml"), PostgresText.Replace("limit: limit", "limit: lmit", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(directory.FullName, "README.md"), "not a dialect");
            var diagnostics = new DiagnosticBag();

            var dialects = DialectCatalog.LoadDirectory(directory.FullName, diagnostics);

            Assert.Empty(dialects);
            var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
            Assert.StartsWith("dialects/postgres.yml:", DiagnosticFormatter.Text(diagnostic), StringComparison.Ordinal);
            Assert.Equal("`lmit` is not a valid limit style; expected one of: limit, top, fetch; did you mean `limit`?", diagnostic.FullMessage);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static TheoryData<string, string, string, string> BadFiles => new()
    {
        // YAML and structure, from the shared front end
        { "tab", "name: postgres", "name: postgres\n[|\t|]title: x", "SMG1002" },
        { "duplicate key", "title: PostgreSQL", "title: PostgreSQL\n[|title|]: again", "SMG1003" },
        { "unknown key", "title: PostgreSQL", "title: PostgreSQL\n[|tittle|]: x", "SMG1013" },
        { "missing key", "title: PostgreSQL\n", string.Empty, "SMG1014" },
        { "missing nested key", "  escaped_quote: \"''\"      # how a quote inside the text is written\n", string.Empty, "SMG1014" },
        { "not a mapping", "operators:\n  concat: \"||\"", "operators: [|[a, b]|]", "SMG1010" },
        { "bad enum", "limit: limit", "limit: [|lmit|]", "SMG1015" },
        { "bad boolean", "filter_clause: true ", "filter_clause: [|yes|] ", "SMG1016" },
        { "bad integer", "max_length: 63 ", "max_length: [|63b|] ", "SMG1017" },
        { "empty value", "quote: \"'\"  ", "[|quote|]: \"\"  ", "SMG1019" },
        // templates
        { "template syntax", "ABS: \"ABS({0})\"", "ABS: \"ABS[|(|]({0})\"", "SMG4001" },
        { "unknown hole", "COUNT: \"COUNT({distinct}{0})\"", "COUNT: \"COUNT([|{star}|])\"", "SMG4002" },
        { "distinct on a scalar", "ABS: \"ABS({0})\"", "ABS: \"ABS([|{distinct}|]{0})\"", "SMG4002" },
        { "hole out of range", "NULLIF: \"NULLIF({0}, {1})\"", "NULLIF: \"NULLIF({0}, [|{2}|])\"", "SMG4003" },
        { "hole out of range in by_arity", "2: \"ROUND(CAST({0} AS NUMERIC), {1})\"", "2: \"ROUND(CAST({0} AS NUMERIC), [|{2}|])\"", "SMG4003" },
        { "optional hole", "SUBSTRING: \"SUBSTR({args})\"", "SUBSTRING: \"SUBSTR({0}, {1}, [|{2}|])\"", "SMG4004" },
        { "argument inside a string", "JSON_STRING: \"(CAST({0} AS JSONB) ->> {1})\"", "JSON_STRING: \"(CAST({0} AS JSONB) ->> '[|{1}|]')\"", "SMG4005" },
        { "missing hole", "create_view: \"CREATE OR REPLACE VIEW {name} AS\\n{query}\"", "create_view: [|\"CREATE OR REPLACE VIEW {name} AS\"|]", "SMG4006" },
        { "hole of another template", "parameter: \"@{name}\"", "parameter: \"@[|{value}|]{name}\"", "SMG4002" },
        { "unknown function", "ABS: \"ABS({0})\"", "ABS: \"ABS({0})\"\n  [|ABSS|]: \"ABS({0})\"", "SMG4007" },
        { "missing function", "  ABS: \"ABS({0})\"\n", string.Empty, "SMG4008" },
        { "function a rewrite removes", "  BOOL_OR: \"BOOL_OR({0})\"", "  BOOL_OR: \"BOOL_OR({0})\"\n  [|MAX_BY|]: \"MAX_BY({0}, {1})\"", "SMG4009" },
        { "function no listed rewrite introduces", "  - IgnoreNullsToArrayAgg ", "  - FilterToCase ", "SMG4009" },
        { "unknown rewrite", "  - DecimalDivision ", "  - [|DecimalDivison|] ", "SMG4010" },
        { "rewrite listed twice", "  - DecimalDivision ", "  - DecimalDivision\n  - [|DecimalDivision|] ", "SMG4015" },
        { "name of another file", "name: postgres", "name: [|postgresql|]", "SMG4011" },
        { "aggregate that is not a call", "SUM: \"SUM({distinct}{0})\"", "SUM: [|\"(SUM({distinct}{0}))\"|]", "SMG4012" },
        { "by_part missing a part", "      year: \"EXTRACT(YEAR FROM {1})\"\n", string.Empty, "SMG4013" },
        { "by_part of an unknown part", "      year: \"EXTRACT(YEAR FROM {1})\"", "      year: \"EXTRACT(YEAR FROM {1})\"\n      [|decade|]: \"x({1})\"", "SMG1015" },
        { "by_arity on a fixed arity", "ABS: \"ABS({0})\"", "ABS:\n    [|by_arity|]:\n      1: \"ABS({0})\"", "SMG4014" },
        { "by_part without a date part", "ABS: \"ABS({0})\"", "ABS:\n    [|by_part|]:\n      day: \"ABS({0})\"", "SMG4014" },
        { "template and by_arity", "ABS: \"ABS({0})\"", "ABS:\n    template: \"ABS({0})\"\n    [|by_arity|]: {}", "SMG1022" },
        { "window: only on a scalar", "ABS: \"ABS({0})\"", "ABS:\n    template: \"ABS({0})\"\n    window: [|only|]", "SMG4014" },
        { "unknown window use", "SUM: \"SUM({distinct}{0})\"", "SUM:\n    template: \"SUM({distinct}{0})\"\n    window: [|sometimes|]", "SMG1015" },
        { "unsupported and a template", "ABS: \"ABS({0})\"", "ABS:\n    template: \"ABS({0})\"\n    [|unsupported|]: no", "SMG1022" },
        { "unsupported and window", "ABS: \"ABS({0})\"", "ABS:\n    unsupported: no\n    [|window|]: false", "SMG1022" },
        { "bad time zone naming", "time_zone_names: iana", "time_zone_names: [|olson|]", "SMG1015" },
        { "parameter hole twice", "parameter: \"@{name}\"", "parameter: [|\"@{name}{name}\"|]", "SMG4006" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Each_kind_of_mistake_is_reported_at_its_span(string kind, string find, string replaceMarked, string id)
    {
        Assert.Contains(find, PostgresText, StringComparison.Ordinal);
        var (text, span) = replaceMarked.Contains(MarkedText.StartMarker, StringComparison.Ordinal)
            ? MarkedText.Parse(PostgresText.Replace(find, replaceMarked, StringComparison.Ordinal))
            : (PostgresText.Replace(find, replaceMarked, StringComparison.Ordinal), (TextSpan?)null);
        var diagnostics = new DiagnosticBag();

        var dialect = DialectCatalog.Read(new SourceText("dialects/postgres.yml", text), diagnostics);

        Assert.Null(dialect);
        var all = diagnostics.ToImmutableSorted();
        var diagnostic = Assert.Single(all, d => d.Id == id);
        Assert.True(all.Length == 1, $"{kind}: expected only {id}, got:\n{string.Join('\n', all.Select(d => DiagnosticFormatter.Text(d)))}");
        Assert.Equal("dialects/postgres.yml", diagnostic.Location?.Path);
        if (span is { } expected)
            Assert.Equal(MarkedText.Mark(text, expected), MarkedText.Mark(text, diagnostic.Location!.Value.Span));
    }

    [Theory]
    [InlineData("title: PostgreSQL\n", "", "[||]name: postgres", "A dialect file needs `title`")]
    [InlineData("  ABS: \"ABS({0})\"\n", "", "[||]functions:", "Dialect `postgres` has no template for function `ABS`")]
    [InlineData("NULLIF: \"NULLIF({0}, {1})\"", "NULLIF: \"NULLIF({0}, {2})\"", "NULLIF: \"NULLIF({0}, [||]{2})", "`{2}` is out of range: `NULLIF` takes 2 argument(s)")]
    [InlineData("ABS: \"ABS({0})\"", "ABS: \"ABS({0})\"\n  ABSS: \"ABS({0})\"", "[||]ABSS:", "`ABSS` is not a function of the catalogue, nor one a listed rewrite introduces; did you mean `ABS`?")]
    [InlineData("  - DecimalDivision ", "  - DecimalDivison ", "[||]DecimalDivison", "Unknown rewrite `DecimalDivison`; known rewrites: AggregatesToWindows, BitsToPredicates, ConcatNullsAsEmpty, CtesToTop, DecimalDivision, FilterToCase, GreatestLeastToCase, IgnoreNullsToArrayAgg, IgnoreNullsToRunningGroups, IlikeToLower, LikeBracketsEscaped, MaxByToArrayAgg, NullsOrderToCase, OrderedUnionMembersToDerived, ParametersBoundOnce, PercentileToArrayAgg, PredicatesToBits, UpperCaseObjectNames, ValuesToSelect; did you mean `DecimalDivision`?")]
    [InlineData("  - IgnoreNullsToArrayAgg ", "  - FilterToCase ", "[||]ARRAY_AGG:", "The template for `ARRAY_AGG` is never used: only rewrite `IgnoreNullsToArrayAgg` or `PercentileToArrayAgg` introduces it, and this dialect does not list it")]
    [InlineData("name: postgres", "name: pg", "name: [||]pg", "Dialect `pg` must be declared in `pg.yml`, not in `dialects/postgres.yml`")]
    public void Messages_name_the_file_the_line_and_what_to_do(string find, string replace, string markedAnchor, string message)
    {
        var text = PostgresText.Replace(find, replace, StringComparison.Ordinal);
        var (anchor, offset) = MarkedText.Parse(markedAnchor);
        var source = new SourceText("dialects/postgres.yml", text);
        var expected = source.GetLocation(new TextSpan(text.IndexOf(anchor, StringComparison.Ordinal) + offset.Start, 0));
        var diagnostics = new DiagnosticBag();

        DialectCatalog.Read(source, diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal($"dialects/postgres.yml:{expected.Line}:{expected.Column}: error {diagnostic.Id}: {message}", DiagnosticFormatter.Text(diagnostic));
    }

    [Fact]
    public void A_parameter_without_a_name_is_positional_and_an_unsupported_function_keeps_its_reason()
    {
        var text = PostgresText
            .Replace("parameter: \"@{name}\"", "parameter: \"?\"", StringComparison.Ordinal)
            .Replace("  ABS: \"ABS({0})\"", "  ABS:\n    unsupported: \"no absolute values here\"", StringComparison.Ordinal)
            .Replace("time_zone_names: iana", "time_zone_names: windows", StringComparison.Ordinal);
        var diagnostics = new DiagnosticBag();

        var dialect = DialectCatalog.Read(new SourceText("dialects/postgres.yml", text), diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.NotNull(dialect);
        Assert.True(dialect.PositionalParameters);
        Assert.Equal(TimeZoneNames.Windows, dialect.TimeZoneNames);
        Assert.Equal("no absolute values here", dialect.Functions["ABS"].Unsupported);
        Assert.False(Dialect.Postgres.PositionalParameters);
    }

    [Fact]
    public void The_shipped_dialects_read_into_their_specs()
    {
        Assert.Equal(["postgres", "snowflake", "sqlserver", "trino"], Dialect.All.Keys);
        Assert.Equal(("sqlserver", "SQL Server", "2017+"), (Dialect.SqlServer.Name, Dialect.SqlServer.Title, Dialect.SqlServer.Versions));
        Assert.Equal(LimitStyle.Top, Dialect.SqlServer.LimitStyle);
        Assert.Equal(TimeZoneNames.Windows, Dialect.SqlServer.TimeZoneNames);
        Assert.False(Dialect.SqlServer.Capabilities.BooleanValues);
        Assert.Equal(WindowUse.Only, Dialect.SqlServer.Functions["PERCENTILE_CONT"].Window);
        Assert.Equal("MAX_BY", Assert.Single(Dialect.SqlServer.Rewrites.SelectMany(r => r.RemovedFunctions), f => f == "MAX_BY"));
        Assert.Equal("AMOUNT", Dialect.Snowflake.FoldUnquoted("amount"));
        Assert.Equal(CaseFolding.Upper, Dialect.Snowflake.Identifiers.CaseFolding);
        Assert.True(Dialect.Trino.PositionalParameters);
        Assert.Equal(TimeZoneNames.Iana, Dialect.Trino.TimeZoneNames);
    }

    [Fact]
    public void An_empty_file_needs_a_name()
    {
        var diagnostics = new DiagnosticBag();

        Assert.Null(DialectCatalog.Read(new SourceText("dialects/x.yml", "# nothing yet\n"), diagnostics));
        Assert.Equal("A dialect file needs `name`", Assert.Single(diagnostics.ToImmutableSorted()).Message);
    }
}
