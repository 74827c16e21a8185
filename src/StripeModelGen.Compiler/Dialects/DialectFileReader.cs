using System.Collections.Immutable;
using System.Globalization;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Sql.Rewrites;
using StripeModelGen.Compiler.Syntax;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Dialects;

/// <summary>
/// Reads one <c>dialects/&lt;name&gt;.yml</c> into a <see cref="DialectSpec"/> with the model files' YAML
/// front end, so every problem is a diagnostic at <c>dialects/&lt;name&gt;.yml:line:col</c>: unknown and
/// missing keys, values of the wrong kind, templates that do not parse, holes out of range, functions the
/// catalogue lacks, functions without a template, unknown rewrites. Null when the file had errors.
/// </summary>
public sealed class DialectFileReader
{
    private static readonly MappingReader.Shape FileShape = new(
        ["name", "title", "versions", "identifiers", "strings", "literals", "parameter", "limit", "types", "supports", "operators", "like_escape", "time_zone_names", "create_view", "split_join", "split_value", "rewrites", "functions"],
        NameKeys: []);
    private static readonly MappingReader.Shape IdentifiersShape = new(["open", "close", "escaped_close", "max_length", "max_length_unit", "case_folding"], NameKeys: []);
    private static readonly MappingReader.Shape StringsShape = new(["prefix", "quote", "escaped_quote", "escape_backslash"], NameKeys: []);
    private static readonly MappingReader.Shape LiteralsShape = new(["true", "false", "date", "timestamp"], NameKeys: []);
    private static readonly MappingReader.Shape SupportsShape = new(
        ["filter_clause", "ignore_nulls", "nulls_first_last", "group_by_ordinal", "boolean_values", "create_or_replace_view", "ilike", "view_database"],
        NameKeys: []);
    private static readonly MappingReader.Shape OperatorsShape = new(["concat"], NameKeys: []);
    private static readonly MappingReader.Shape FunctionShape = new(["template", "by_arity", "by_part", "window", "unsupported"], NameKeys: []);

    /// <summary>The types a CAST can target, as the <c>types</c> keys spell them.</summary>
    private static readonly ImmutableArray<(string Key, ScalarType Type)> TypeKeys =
    [
        ("string", ScalarType.String),
        ("number", ScalarType.Number),
        ("boolean", ScalarType.Boolean),
        ("date", ScalarType.Date),
        ("timestamp", ScalarType.Timestamp),
        ("json", ScalarType.Json),
    ];

    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;

    private DialectFileReader(SourceText source, DiagnosticBag diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
    }

    /// <summary>The dialect a file is expected to declare: its file name without <c>.yml</c>.</summary>
    public static string ExpectedName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = path[(path.LastIndexOf('/') + 1)..];
        return file.EndsWith(".yml", StringComparison.Ordinal) ? file[..^4] : file;
    }

    /// <summary>Reads <paramref name="source"/> (its path is <c>dialects/&lt;name&gt;.yml</c>); null after any error.</summary>
    public static DialectSpec? Read(SourceText source, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var local = new DiagnosticBag();
        var spec = new DialectFileReader(source, local).ReadFile();
        diagnostics.AddRange(local.ToImmutableSorted());
        return local.HasErrors ? null : spec;
    }

    private DialectSpec? ReadFile()
    {
        var root = YamlTreeReader.Read(_source, _diagnostics);
        if (root is null or YamlScalarSyntax { IsNull: true })
        {
            // An empty file (or one of comments only) still needs its keys; a YAML error was reported already.
            if (!_diagnostics.HasErrors)
                _diagnostics.Report(DiagnosticCatalog.MissingKey, _source.GetLocation(root?.Span ?? default), "A dialect file", "name");
            return null;
        }
        if (MappingReader.Open(root, "a dialect file", FileShape, _diagnostics) is not { } file)
            return null;

        var name = file.RequiredScalar("name");
        if (name is not null && name.Value != ExpectedName(_source.Path))
            _diagnostics.Report(DiagnosticCatalog.DialectNameMismatch, name.Location, name.Value, _source.Path);
        var title = file.RequiredScalar("title");
        var versions = file.RequiredScalar("versions");
        var identifiers = Section(file, "identifiers", "`identifiers`", IdentifiersShape, ReadIdentifiers);
        var strings = Section(file, "strings", "`strings`", StringsShape, ReadStrings);
        var literals = Section(file, "literals", "`literals`", LiteralsShape, ReadLiterals);
        var parameter = RequiredTemplate(file, "parameter", "`parameter`", ["name"], inStringAllowed: [], optionalHoles: ["name"]);
        var limit = Enum(file, "limit", "limit style", ["limit", "top", "fetch"]) switch
        {
            "limit" => LimitStyle.Limit,
            "top" => LimitStyle.Top,
            "fetch" => LimitStyle.Fetch,
            _ => (LimitStyle?)null,
        };
        var types = Section(file, "types", "`types`", new MappingReader.Shape([.. TypeKeys.Select(t => t.Key)], NameKeys: []), ReadTypes);
        var supports = Section(file, "supports", "`supports`", SupportsShape, ReadSupports);
        var concat = Section(file, "operators", "`operators`", OperatorsShape, r => r.RequiredScalar("concat", allowEmptyQuoted: true)?.Value);
        var likeEscape = file.RequiredScalar("like_escape", allowEmptyQuoted: true);
        var timeZones = Enum(file, "time_zone_names", "time zone naming", ["iana", "windows"]) switch
        {
            "iana" => TimeZoneNames.Iana,
            "windows" => TimeZoneNames.Windows,
            _ => (TimeZoneNames?)null,
        };
        var createView = RequiredTemplate(file, "create_view", "`create_view`", ["name", "query"], inStringAllowed: []);
        var splitJoin = RequiredTemplate(file, "split_join", "`split_join`", ["list", "separator", "alias"], inStringAllowed: []);
        var splitValue = RequiredTemplate(file, "split_value", "`split_value`", ["alias"], inStringAllowed: []);
        var rewrites = ReadRewrites(file);
        var functions = ReadFunctions(file, rewrites);

        if (name is null || title is null || versions is null || identifiers is null || strings is null || literals is null || parameter is null
            || limit is null || types is null || supports is null || concat is null || likeEscape is null || timeZones is null || createView is null || splitJoin is null || splitValue is null || functions is null)
            return null;
        return new DialectSpec
        {
            Name = name.Value,
            Title = title.Value,
            Versions = versions.Value,
            Identifiers = identifiers,
            Strings = strings,
            TrueLiteral = literals.True,
            FalseLiteral = literals.False,
            DateLiteral = literals.Date,
            TimestampLiteral = literals.Timestamp,
            Parameter = parameter,
            LimitStyle = limit.Value,
            TypeNames = types,
            Capabilities = supports,
            ConcatOperator = concat,
            LikeEscapeClause = likeEscape.Value,
            TimeZoneNames = timeZones.Value,
            CreateView = createView,
            SplitJoin = splitJoin,
            SplitValue = splitValue,
            Rewrites = rewrites,
            Functions = functions,
        };
    }

    private T? Section<T>(MappingReader file, string key, string what, MappingReader.Shape shape, Func<MappingReader, T?> read)
        where T : class
    {
        if (NodeOf(file, key) is null)
        {
            file.ReportMissing(key);
            return null;
        }
        var mapping = file.Mapping(key);
        if (mapping is null)
        {
            if (NodeOf(file, key) is YamlScalarSyntax { IsNull: true } empty)
                _diagnostics.Report(DiagnosticCatalog.EmptyValue, empty.Location, what);
            return null;
        }
        return MappingReader.Open(mapping, what, shape, _diagnostics) is { } reader ? read(reader) : null;
    }

    private IdentifierRules? ReadIdentifiers(MappingReader reader)
    {
        var open = reader.RequiredScalar("open");
        var close = reader.RequiredScalar("close");
        var escaped = reader.RequiredScalar("escaped_close");
        var maxLength = Integer(reader, "max_length");
        var unit = Enum(reader, "max_length_unit", "length unit", ["bytes", "characters"]);
        var folding = Enum(reader, "case_folding", "case folding", ["lower", "upper", "none"]);
        if (open is null || close is null || escaped is null || maxLength is null || unit is null || folding is null)
            return null;
        return new IdentifierRules(
            open.Value,
            close.Value,
            escaped.Value,
            maxLength.Value,
            unit == "bytes" ? LengthUnit.Bytes : LengthUnit.Characters,
            folding switch { "lower" => CaseFolding.Lower, "upper" => CaseFolding.Upper, _ => CaseFolding.None });
    }

    private StringLiteralRules? ReadStrings(MappingReader reader)
    {
        var prefix = reader.RequiredScalar("prefix", allowEmptyQuoted: true);
        var quote = reader.RequiredScalar("quote");
        var escaped = reader.RequiredScalar("escaped_quote");
        var backslash = Boolean(reader, "escape_backslash");
        if (prefix is null || quote is null || escaped is null || backslash is null)
            return null;
        return new StringLiteralRules(prefix.Value, quote.Value, escaped.Value, backslash.Value);
    }

    private sealed record Literals(string True, string False, SqlTemplate Date, SqlTemplate Timestamp);

    private Literals? ReadLiterals(MappingReader reader)
    {
        var @true = reader.RequiredScalar("true");
        var @false = reader.RequiredScalar("false");
        var date = RequiredTemplate(reader, "date", "`literals.date`", ["value"], inStringAllowed: ["value"]);
        var timestamp = RequiredTemplate(reader, "timestamp", "`literals.timestamp`", ["value"], inStringAllowed: ["value"]);
        return @true is null || @false is null || date is null || timestamp is null ? null : new Literals(@true.Value, @false.Value, date, timestamp);
    }

    private ImmutableSortedDictionary<ScalarType, string>? ReadTypes(MappingReader reader)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<ScalarType, string>();
        var complete = true;
        foreach (var (key, type) in TypeKeys)
        {
            if (reader.RequiredScalar(key) is { } name)
                builder[type] = name.Value;
            else
                complete = false;
        }
        return complete ? builder.ToImmutable() : null;
    }

    private DialectCapabilities? ReadSupports(MappingReader reader)
    {
        var filter = Boolean(reader, "filter_clause");
        var ignoreNulls = Boolean(reader, "ignore_nulls");
        var nulls = Boolean(reader, "nulls_first_last");
        var ordinal = Boolean(reader, "group_by_ordinal");
        var booleans = Boolean(reader, "boolean_values");
        var replace = Boolean(reader, "create_or_replace_view");
        var ilike = Boolean(reader, "ilike");
        var viewDatabase = Boolean(reader, "view_database");
        if (filter is null || ignoreNulls is null || nulls is null || ordinal is null || booleans is null || replace is null || ilike is null || viewDatabase is null)
            return null;
        return new DialectCapabilities(filter.Value, ignoreNulls.Value, nulls.Value, ordinal.Value, booleans.Value, replace.Value, ilike.Value, viewDatabase.Value);
    }

    private ImmutableArray<SqlRewrite> ReadRewrites(MappingReader file)
    {
        if (NodeOf(file, "rewrites") is null)
        {
            file.ReportMissing("rewrites");
            return [];
        }
        var rewrites = ImmutableArray.CreateBuilder<SqlRewrite>();
        foreach (var item in file.ScalarList("rewrites"))
        {
            if (SqlRewrites.Find(item.Value) is not { } rewrite)
            {
                var known = string.Join(", ", SqlRewrites.Names.Order(StringComparer.Ordinal));
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.DialectUnknownRewrite, item.Location, item.Value, SqlRewrites.Names, item.Value, known);
                continue;
            }
            if (rewrites.Contains(rewrite))
            {
                _diagnostics.Report(DiagnosticCatalog.DialectDuplicateRewrite, item.Location, item.Value);
                continue;
            }
            rewrites.Add(rewrite);
        }
        return rewrites.ToImmutable();
    }

    private ImmutableSortedDictionary<string, FunctionTemplate>? ReadFunctions(MappingReader file, ImmutableArray<SqlRewrite> rewrites)
    {
        var entry = file.Syntax.Find("functions");
        if (entry is null)
        {
            file.ReportMissing("functions");
            return null;
        }
        var mapping = file.Mapping("functions");
        if (mapping is null)
            return null;
        var (needed, removed) = DialectFunctions.After(rewrites);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, FunctionTemplate>(StringComparer.Ordinal);
        foreach (var function in mapping.Entries)
        {
            var key = function.Key.Value;
            if (removed.TryGetValue(key, out var remover))
            {
                _diagnostics.Report(DiagnosticCatalog.DialectUnusedFunction, function.Key.Location, key, remover.Name);
                continue;
            }
            if (!needed.TryGetValue(key, out var shape))
            {
                if (DialectFunctions.Find(key) is not null)
                {
                    var introducers = SqlRewrites.All.Where(r => r.IntroducedFunctions.Any(f => f.Name == key)).Select(r => r.Name);
                    _diagnostics.Add(new Diagnostic(
                        DiagnosticCatalog.DialectUnusedFunction,
                        function.Key.Location,
                        $"The template for `{key}` is never used: only rewrite {string.Join(" or ", introducers.Select(n => $"`{n}`"))} introduces it, and this dialect does not list it"));
                }
                else
                {
                    _diagnostics.ReportWithSuggestion(DiagnosticCatalog.DialectUnknownFunction, function.Key.Location, key, needed.Keys, key);
                }
                continue;
            }
            if (ReadFunction(shape, function) is { } template)
                builder[key] = template;
        }
        foreach (var missing in needed.Keys.Where(n => mapping.Find(n) is null))
            _diagnostics.Report(DiagnosticCatalog.DialectMissingFunction, entry.Key.Location, ExpectedName(_source.Path), missing);
        return builder.ToImmutable();
    }

    private FunctionTemplate? ReadFunction(FunctionShape shape, YamlEntrySyntax entry)
    {
        var what = $"function `{shape.Name}`";
        if (entry.Value is YamlScalarSyntax { IsNull: false } scalar)
        {
            var template = FunctionTemplateOf(shape, scalar, arity: null);
            return template is null ? null : new FunctionTemplate(shape.Name, template, ImmutableSortedDictionary<int, SqlTemplate>.Empty, ImmutableSortedDictionary<DatePart, SqlTemplate>.Empty, WindowUse.Allowed);
        }
        if (MappingReader.Open(entry.Value, what, FunctionShape, _diagnostics) is not { } reader)
            return null;
        var present = new[] { "template", "by_arity", "by_part", "unsupported" }.Where(k => NodeOf(reader, k) is not null).ToList();
        if (present.Count == 0)
        {
            reader.ReportMissing("template");
            return null;
        }
        if (present.Count > 1)
        {
            _diagnostics.Report(DiagnosticCatalog.MutuallyExclusiveKeys, reader.Syntax.Find(present[1])!.Key.Location, present[1], present[0]);
            return null;
        }
        if (present[0] == "unsupported")
        {
            // A function the engine cannot express: the reason, and nothing else.
            if (NodeOf(reader, "window") is not null)
            {
                _diagnostics.Report(DiagnosticCatalog.MutuallyExclusiveKeys, reader.Syntax.Find("window")!.Key.Location, "window", "unsupported");
                return null;
            }
            return reader.RequiredScalar("unsupported") is { } reason
                ? new FunctionTemplate(shape.Name, null, ImmutableSortedDictionary<int, SqlTemplate>.Empty, ImmutableSortedDictionary<DatePart, SqlTemplate>.Empty, WindowUse.Never, reason.Value)
                : null;
        }
        var window = NodeOf(reader, "window") is null ? WindowUse.Allowed : Enum(reader, "window", "window use", ["true", "false", "only"]) switch
        {
            "true" => WindowUse.Allowed,
            "false" => WindowUse.Never,
            "only" => WindowUse.Only,
            _ => (WindowUse?)null,
        };
        if (window is null)
            return null;
        if (window == WindowUse.Only && !shape.TakesFilterAndOver)
        {
            _diagnostics.Report(DiagnosticCatalog.DialectVariantsNotApplicable, reader.Syntax.Find("window")!.Value.Location, "window: only", shape.Name, "only aggregates and window functions take OVER");
            return null;
        }
        SqlTemplate? single = null;
        var byArity = ImmutableSortedDictionary<int, SqlTemplate>.Empty;
        var byPart = ImmutableSortedDictionary<DatePart, SqlTemplate>.Empty;
        switch (present[0])
        {
            case "template":
                if (reader.RequiredScalar("template") is not { } text || (single = FunctionTemplateOf(shape, text, arity: null)) is null)
                    return null;
                break;
            case "by_arity":
                if (ReadByArity(shape, reader) is not { } arities)
                    return null;
                byArity = arities;
                break;
            default:
                if (ReadByPart(shape, reader) is not { } parts)
                    return null;
                byPart = parts;
                break;
        }
        return new FunctionTemplate(shape.Name, single, byArity, byPart, window.Value);
    }

    private ImmutableSortedDictionary<int, SqlTemplate>? ReadByArity(FunctionShape shape, MappingReader reader)
    {
        var key = reader.Syntax.Find("by_arity")!.Key;
        if (shape.MaxArguments is not { } max)
        {
            _diagnostics.Report(DiagnosticCatalog.DialectVariantsNotApplicable, key.Location, "by_arity", shape.Name, "it takes any number of arguments; use `{args}`");
            return null;
        }
        if (max == shape.MinArguments)
        {
            _diagnostics.Report(DiagnosticCatalog.DialectVariantsNotApplicable, key.Location, "by_arity", shape.Name, $"it always takes {shape.ArityText} argument(s); use `template`");
            return null;
        }
        if (reader.Mapping("by_arity") is not { } mapping)
            return null;
        var builder = ImmutableSortedDictionary.CreateBuilder<int, SqlTemplate>();
        var ok = true;
        foreach (var entry in mapping.Entries)
        {
            if (!int.TryParse(entry.Key.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var arity) || arity < shape.MinArguments || arity > max)
            {
                _diagnostics.Report(DiagnosticCatalog.InvalidEnumValue, entry.Key.Location, entry.Key.Value, $"argument count of `{shape.Name}`", string.Join(", ", Enumerable.Range(shape.MinArguments, max - shape.MinArguments + 1)));
                ok = false;
                continue;
            }
            if (entry.Value is not YamlScalarSyntax { IsNull: false } text)
            {
                _diagnostics.Report(DiagnosticCatalog.ExpectedScalar, entry.Value.Location, $"`by_arity` of `{shape.Name}`", entry.Value.Description);
                ok = false;
                continue;
            }
            if (FunctionTemplateOf(shape, text, arity) is { } template)
                builder[arity] = template;
            else
                ok = false;
        }
        var missing = Enumerable.Range(shape.MinArguments, max - shape.MinArguments + 1).Where(a => !builder.ContainsKey(a) && mapping.Find(a.ToString(CultureInfo.InvariantCulture)) is null).ToList();
        if (missing.Count > 0)
        {
            _diagnostics.Report(DiagnosticCatalog.DialectIncompleteVariants, key.Location, "by_arity", shape.Name, "argument count", string.Join(", ", missing));
            ok = false;
        }
        return ok ? builder.ToImmutable() : null;
    }

    private ImmutableSortedDictionary<DatePart, SqlTemplate>? ReadByPart(FunctionShape shape, MappingReader reader)
    {
        var key = reader.Syntax.Find("by_part")!.Key;
        if (shape.DatePartIndex is null)
        {
            _diagnostics.Report(DiagnosticCatalog.DialectVariantsNotApplicable, key.Location, "by_part", shape.Name, "it has no date part argument");
            return null;
        }
        if (reader.Mapping("by_part") is not { } mapping)
            return null;
        var builder = ImmutableSortedDictionary.CreateBuilder<DatePart, SqlTemplate>();
        var ok = true;
        foreach (var entry in mapping.Entries)
        {
            if (!ModelNames.TryParse<DatePart>(entry.Key.Value, out var part))
            {
                _diagnostics.ReportWithSuggestion(DiagnosticCatalog.InvalidEnumValue, entry.Key.Location, entry.Key.Value, ModelNames.All<DatePart>(), entry.Key.Value, "date part", string.Join(", ", ModelNames.All<DatePart>()));
                ok = false;
                continue;
            }
            if (entry.Value is not YamlScalarSyntax { IsNull: false } text)
            {
                _diagnostics.Report(DiagnosticCatalog.ExpectedScalar, entry.Value.Location, $"`by_part` of `{shape.Name}`", entry.Value.Description);
                ok = false;
                continue;
            }
            if (FunctionTemplateOf(shape, text, arity: null) is { } template)
                builder[part] = template;
            else
                ok = false;
        }
        var missing = System.Enum.GetValues<DatePart>().Where(p => mapping.Find(ModelNames.Of(p)) is null).Select(ModelNames.Of).ToList();
        if (missing.Count > 0)
        {
            _diagnostics.Report(DiagnosticCatalog.DialectIncompleteVariants, key.Location, "by_part", shape.Name, "date part", string.Join(", ", missing));
            ok = false;
        }
        return ok ? builder.ToImmutable() : null;
    }

    /// <summary>Parses a function template and checks its holes against the function's signature.</summary>
    private SqlTemplate? FunctionTemplateOf(FunctionShape shape, YamlScalarSyntax scalar, int? arity)
    {
        if (Parse(scalar) is not { } template)
            return null;
        var ok = true;
        var names = shape.Kind == FunctionKind.Aggregate ? "`{0}`, `{1}`..., `{args}` and `{distinct}`" : "`{0}`, `{1}`... and `{args}`";
        foreach (var hole in template.Holes)
        {
            var location = scalar.GetSourceLocation(hole.Offset, hole.Name.Length + 2);
            if (hole.Index is { } index)
            {
                var count = arity ?? shape.MaxArguments;
                if (count is { } n && index >= n)
                {
                    _diagnostics.Report(DiagnosticCatalog.DialectHoleOutOfRange, location, hole.Name, shape.Name, arity is null ? shape.ArityText : arity.Value.ToString(CultureInfo.InvariantCulture));
                    ok = false;
                    continue;
                }
                if (arity is null && index >= shape.MinArguments)
                {
                    _diagnostics.Report(DiagnosticCatalog.DialectOptionalHole, location, hole.Name, shape.Name, shape.ArityText);
                    ok = false;
                    continue;
                }
                if (hole.InString && shape.ParameterAt(index) != ParameterKind.DatePart)
                {
                    _diagnostics.Report(DiagnosticCatalog.DialectHoleInString, location, hole.Name);
                    ok = false;
                }
                continue;
            }
            if (hole.Name == "args" || (hole.Name == SqlTemplate.DistinctHole && shape.Kind == FunctionKind.Aggregate))
            {
                if (hole.InString)
                {
                    _diagnostics.Report(DiagnosticCatalog.DialectHoleInString, location, hole.Name);
                    ok = false;
                }
                continue;
            }
            _diagnostics.Report(DiagnosticCatalog.DialectUnknownHole, location, hole.Name, $"the template of `{shape.Name}`", names);
            ok = false;
        }
        if (ok && shape.TakesFilterAndOver && !template.EndsWithCall)
        {
            _diagnostics.Report(DiagnosticCatalog.DialectTemplateNotCall, scalar.Location, shape.Kind == FunctionKind.Aggregate ? "aggregate" : "window function", shape.Name);
            ok = false;
        }
        return ok ? template : null;
    }

    /// <summary>
    /// A non-function template whose holes are exactly <paramref name="holes"/>, each once (those in
    /// <paramref name="optionalHoles"/> at most once).
    /// </summary>
    private SqlTemplate? RequiredTemplate(MappingReader reader, string key, string what, IReadOnlyCollection<string> holes, IReadOnlyCollection<string> inStringAllowed, IReadOnlyCollection<string>? optionalHoles = null)
    {
        if (reader.RequiredScalar(key) is not { } scalar || Parse(scalar) is not { } template)
            return null;
        var ok = true;
        foreach (var hole in template.Holes)
        {
            var location = scalar.GetSourceLocation(hole.Offset, hole.Name.Length + 2);
            if (!holes.Contains(hole.Name))
            {
                _diagnostics.Report(DiagnosticCatalog.DialectUnknownHole, location, hole.Name, what, string.Join(" and ", holes.Select(h => $"`{{{h}}}`")));
                ok = false;
            }
            else if (hole.InString && !inStringAllowed.Contains(hole.Name))
            {
                _diagnostics.Report(DiagnosticCatalog.DialectHoleInString, location, hole.Name);
                ok = false;
            }
        }
        foreach (var hole in holes)
        {
            var count = template.Holes.Count(h => h.Name == hole);
            if (count > 1 || (count == 0 && optionalHoles?.Contains(hole) != true))
            {
                _diagnostics.Report(DiagnosticCatalog.DialectMissingHole, scalar.Location, what, hole);
                ok = false;
            }
        }
        return ok ? template : null;
    }

    private static YamlNodeSyntax? NodeOf(MappingReader reader, string key) => reader.Syntax.Find(key)?.Value;

    private SqlTemplate? Parse(YamlScalarSyntax scalar) =>
        SqlTemplate.Parse(scalar.Value, (start, length, message) =>
            _diagnostics.Report(DiagnosticCatalog.DialectTemplateSyntax, scalar.GetSourceLocation(start, length), message));

    private bool? Boolean(MappingReader reader, string key)
    {
        if (reader.RequiredScalar(key) is not { } scalar)
            return null;
        switch (scalar.Value)
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                _diagnostics.Report(DiagnosticCatalog.InvalidBoolean, scalar.Location, scalar.Value);
                return null;
        }
    }

    private int? Integer(MappingReader reader, string key)
    {
        if (reader.RequiredScalar(key) is not { } scalar)
            return null;
        if (int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            return value;
        _diagnostics.Report(DiagnosticCatalog.InvalidInteger, scalar.Location, scalar.Value, " above 0");
        return null;
    }

    private string? Enum(MappingReader reader, string key, string what, IReadOnlyList<string> values)
    {
        if (reader.RequiredScalar(key) is not { } scalar)
            return null;
        if (values.Contains(scalar.Value))
            return scalar.Value;
        _diagnostics.ReportWithSuggestion(DiagnosticCatalog.InvalidEnumValue, scalar.Location, scalar.Value, values, scalar.Value, what, string.Join(", ", values));
        return null;
    }
}
