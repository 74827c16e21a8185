using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax;
using StripeModelGen.Compiler.Syntax.Yaml;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

/// <summary>
/// Resolves and types a <see cref="ModelSyntax"/> into a <see cref="BoundModel"/>. Works in passes —
/// project, sources, view declarations, field expressions, reference cycles, explores, queries and
/// dashboards — so every name is declared before anything refers to it. A failed name or expression
/// becomes an error symbol that later checks accept silently: one mistake, one diagnostic.
/// </summary>
public sealed partial class Binder
{
    /// <summary>The dialect a project compiles for when it names none.</summary>
    public const string DefaultDialect = "postgres";

    /// <summary>The dialects shipped as <c>dialects/*.yml</c>.</summary>
    private static IReadOnlyCollection<string> DialectNames => [.. Dialects.DialectCatalog.Names];

    private readonly ModelSyntax _syntax;
    private readonly CompilationOptions _options;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, ViewSymbol> _views = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExploreSymbol> _explores = new(StringComparer.Ordinal);
    private readonly ExpressionBinder _expressions;
    private ImmutableSortedDictionary<string, ConstantSymbol> _constants = ImmutableSortedDictionary<string, ConstantSymbol>.Empty;

    private Binder(ModelSyntax syntax, CompilationOptions options, DiagnosticBag diagnostics)
    {
        _syntax = syntax;
        _options = options;
        _diagnostics = diagnostics;
        _expressions = new ExpressionBinder(diagnostics, name => _views.GetValueOrDefault(name), () => _views.Keys, () => _constants);
    }

    public static BoundModel Bind(ModelSyntax syntax, CompilationOptions options, DiagnosticBag diagnostics) =>
        new Binder(syntax, options, diagnostics).Bind();

    /// <summary>Binds a query written outside the model (on the command line) against a bound model.</summary>
    public static QuerySpec? BindQuery(BoundModel model, QuerySyntax query, DiagnosticBag diagnostics)
    {
        var binder = new Binder(new ModelSyntax(null, []), CompilationOptions.Default, diagnostics);
        foreach (var view in model.Views)
            binder._views[view.Name] = view;
        foreach (var explore in model.Explores)
            binder._explores[explore.Name] = explore;
        return binder.BindQuery(query);
    }

    private BoundModel Bind()
    {
        var sources = BindSources();
        var project = BindProject(sources);
        _constants = project.Constants;
        var views = DeclareViews(sources);
        DeclareDerivedSources(views);
        foreach (var view in views)
            BindViewFields(view);
        foreach (var view in views)
        {
            BindDerivedRows(view);
            BindPublish(view);
        }
        ReportReferenceCycles(views);
        var explores = BindExplores();
        var queries = BindSavedQueries();
        var dashboards = BindDashboards();
        return new BoundModel(project, sources, views, explores, dashboards, queries);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex NamePattern();

    private const int MaxNameLength = 63;

    /// <summary>Names become SQL column aliases on four engines: lower-case ASCII keeps them portable.</summary>
    private bool IsValidName(YamlScalarSyntax name)
    {
        var text = name.Value;
        string? problem = null;
        if (text.Length > MaxNameLength)
            problem = string.Create(CultureInfo.InvariantCulture, $"names are at most {MaxNameLength} characters");
        else if (!NamePattern().IsMatch(text))
            problem = "names use lower-case letters a-z, digits and underscores, and do not start with a digit";
        if (problem is null)
            return true;
        _diagnostics.Report(DiagnosticCatalog.InvalidName, name.Location, text, problem);
        return false;
    }

    /// <summary>Declares <paramref name="name"/> in <paramref name="scope"/>; reports and returns false when taken or invalid.</summary>
    private bool Declare(Dictionary<string, TextLocation> scope, YamlScalarSyntax name, string kind)
    {
        if (!IsValidName(name))
            return false;
        if (scope.TryGetValue(name.Value, out var first))
        {
            _diagnostics.Report(DiagnosticCatalog.DuplicateName, name.Location, kind, name.Value, first);
            return false;
        }
        scope[name.Value] = name.Location;
        return true;
    }

    private bool? ParseBoolean(YamlScalarSyntax? scalar)
    {
        if (scalar is null)
            return null;
        switch (scalar.Value)
        {
            case "true" or "yes" or "True" or "TRUE":
                return true;
            case "false" or "no" or "False" or "FALSE":
                return false;
            default:
                _diagnostics.Report(DiagnosticCatalog.InvalidBoolean, scalar.Location, scalar.Value);
                return null;
        }
    }

    private int? ParseInteger(YamlScalarSyntax? scalar, int minimum, string rangeText)
    {
        if (scalar is null)
            return null;
        if (int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum)
            return value;
        _diagnostics.Report(DiagnosticCatalog.InvalidInteger, scalar.Location, scalar.Value, rangeText);
        return null;
    }

    /// <summary>Parses a model-language enum value; reports the allowed values (and a near miss) otherwise.</summary>
    private TEnum? ParseEnum<TEnum>(YamlScalarSyntax? scalar, string what)
        where TEnum : struct, Enum
    {
        if (scalar is null)
            return null;
        if (ModelNames.TryParse<TEnum>(scalar.Value, out var value))
            return value;
        var allowed = ModelNames.All<TEnum>();
        _diagnostics.ReportWithSuggestion(DiagnosticCatalog.InvalidEnumValue, scalar.Location, scalar.Value, allowed, scalar.Value, what, string.Join(", ", allowed));
        return null;
    }
}
