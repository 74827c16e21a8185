using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Binding;

public enum FunctionKind
{
    Scalar,
    Aggregate,
    /// <summary>Only valid with <c>OVER (...)</c>: ranking and offset functions.</summary>
    Window,
}

/// <summary>What an argument position accepts.</summary>
public enum ParameterKind
{
    Any,
    Number,
    String,
    Boolean,
    /// <summary>A date or a timestamp.</summary>
    Temporal,
    /// <summary>A JSON document, or a string holding one.</summary>
    Json,
    DatePart,
}

/// <summary>
/// A function of the portable language. <see cref="Parameters"/> lists each position's kind; when
/// <see cref="MaxArguments"/> is null the last kind repeats. <see cref="ReturnType"/> computes the result
/// type from the argument types.
/// </summary>
public sealed record FunctionSymbol(
    string Name,
    FunctionKind Kind,
    ImmutableArray<ParameterKind> Parameters,
    int MinArguments,
    int? MaxArguments,
    Func<IReadOnlyList<ScalarType>, ScalarType> ReturnType,
    bool AllowsStar = false,
    bool AllowsNullTreatment = false,
    bool ExpandedByCompiler = false)
{
    public ParameterKind ParameterAt(int index) => Parameters[Math.Min(index, Parameters.Length - 1)];

    public bool IsAggregate => Kind == FunctionKind.Aggregate;

    public string ArityText => MaxArguments switch
    {
        null => $"at least {MinArguments}",
        { } max when max == MinArguments => max.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { } max => $"{MinArguments} to {max}",
    };

    public static bool Accepts(ParameterKind kind, ScalarType type) => type switch
    {
        ScalarType.Error or ScalarType.Any or ScalarType.Null => kind != ParameterKind.DatePart || type != ScalarType.Null,
        ScalarType.DatePart => kind == ParameterKind.DatePart,
        _ => kind switch
        {
            ParameterKind.Any => true,
            ParameterKind.Number => type == ScalarType.Number,
            ParameterKind.String => type == ScalarType.String,
            ParameterKind.Boolean => type == ScalarType.Boolean,
            ParameterKind.Temporal => type is ScalarType.Date or ScalarType.Timestamp,
            ParameterKind.Json => type is ScalarType.Json or ScalarType.String,
            _ => false,
        },
    };

    public static string Describe(ParameterKind kind) => kind switch
    {
        ParameterKind.Any => "any value",
        ParameterKind.Number => "a number",
        ParameterKind.String => "a string",
        ParameterKind.Boolean => "a yes/no value",
        ParameterKind.Temporal => "a date or timestamp",
        ParameterKind.Json => "a JSON value",
        _ => "a date part (second, minute, hour, day, week, month, quarter, year)",
    };
}

/// <summary>The functions the expression language knows, by upper-case name.</summary>
public static class FunctionCatalog
{
    private static readonly Func<IReadOnlyList<ScalarType>, ScalarType> NumberResult = _ => ScalarType.Number;
    private static readonly Func<IReadOnlyList<ScalarType>, ScalarType> StringResult = _ => ScalarType.String;
    private static readonly Func<IReadOnlyList<ScalarType>, ScalarType> BooleanResult = _ => ScalarType.Boolean;

    private static Func<IReadOnlyList<ScalarType>, ScalarType> ArgumentType(int index) => types => index < types.Count ? types[index] : ScalarType.Any;

    private static readonly Func<IReadOnlyList<ScalarType>, ScalarType> CommonResult = types => CommonType(types);

    private static readonly ImmutableArray<FunctionSymbol> All =
    [
        Scalar("COALESCE", [ParameterKind.Any], 1, null, CommonResult),
        Scalar("NULLIF", [ParameterKind.Any, ParameterKind.Any], 2, 2, ArgumentType(0)),
        Scalar("GREATEST", [ParameterKind.Any], 2, null, CommonResult),
        Scalar("LEAST", [ParameterKind.Any], 2, null, CommonResult),
        Scalar("ROUND", [ParameterKind.Number, ParameterKind.Number], 1, 2, NumberResult),
        Scalar("ABS", [ParameterKind.Number], 1, 1, NumberResult),
        Scalar("FLOOR", [ParameterKind.Number], 1, 1, NumberResult),
        Scalar("CEIL", [ParameterKind.Number], 1, 1, NumberResult),
        Scalar("SIGN", [ParameterKind.Number], 1, 1, NumberResult),
        Scalar("SQRT", [ParameterKind.Number], 1, 1, NumberResult),
        Scalar("LN", [ParameterKind.Number], 1, 1, NumberResult),
        Scalar("EXP", [ParameterKind.Number], 1, 1, NumberResult),
        Scalar("POWER", [ParameterKind.Number, ParameterKind.Number], 2, 2, NumberResult),
        Scalar("MOD", [ParameterKind.Number, ParameterKind.Number], 2, 2, NumberResult),
        Scalar("LOWER", [ParameterKind.String], 1, 1, StringResult),
        Scalar("UPPER", [ParameterKind.String], 1, 1, StringResult),
        Scalar("TRIM", [ParameterKind.String], 1, 1, StringResult),
        Scalar("LENGTH", [ParameterKind.String], 1, 1, NumberResult),
        Scalar("CONCAT", [ParameterKind.Any], 1, null, StringResult),
        Scalar("SUBSTRING", [ParameterKind.String, ParameterKind.Number, ParameterKind.Number], 2, 3, StringResult),
        Scalar("REPLACE", [ParameterKind.String, ParameterKind.String, ParameterKind.String], 3, 3, StringResult),
        Scalar("SPLIT_PART", [ParameterKind.String, ParameterKind.String, ParameterKind.Number], 3, 3, StringResult),
        Scalar("STARTS_WITH", [ParameterKind.String, ParameterKind.String], 2, 2, BooleanResult),
        Scalar("DATE_TRUNC", [ParameterKind.DatePart, ParameterKind.Temporal], 2, 2, ArgumentType(1)),
        Scalar("DATE_ADD", [ParameterKind.DatePart, ParameterKind.Number, ParameterKind.Temporal], 3, 3, ArgumentType(2)),
        Scalar("DATE_DIFF", [ParameterKind.DatePart, ParameterKind.Temporal, ParameterKind.Temporal], 3, 3, NumberResult),
        Scalar("DATE_PART", [ParameterKind.DatePart, ParameterKind.Temporal], 2, 2, NumberResult),
        Scalar("DATE", [ParameterKind.Temporal], 1, 1, _ => ScalarType.Date),
        Scalar("CURRENT_DATE", [], 0, 0, _ => ScalarType.Date),
        Scalar("CURRENT_TIMESTAMP", [], 0, 0, _ => ScalarType.Timestamp),
        Scalar("FROM_UNIXTIME", [ParameterKind.Number], 1, 1, _ => ScalarType.Timestamp),
        // ISO 8601 text with `Z` or an offset (2024-03-01T10:00:00Z, ...+01:00), read as a UTC timestamp.
        Scalar("FROM_ISO8601", [ParameterKind.String], 1, 1, _ => ScalarType.Timestamp),
        Scalar("JSON_NUMBER", [ParameterKind.Json, ParameterKind.String], 2, 2, NumberResult),
        Scalar("JSON_STRING", [ParameterKind.Json, ParameterKind.String], 2, 2, StringResult),
        // The divisor from minor to major units of a currency code (1, 100 or 1000), expanded by the
        // compiler from its currency exponent table, so no dialect writes it.
        Scalar("CURRENCY_FACTOR", [ParameterKind.String], 1, 1, NumberResult) with { ExpandedByCompiler = true },

        new("COUNT", FunctionKind.Aggregate, [ParameterKind.Any], 1, 1, NumberResult, AllowsStar: true),
        Aggregate("SUM", [ParameterKind.Number], 1, 1, NumberResult),
        Aggregate("AVG", [ParameterKind.Number], 1, 1, NumberResult),
        Aggregate("MIN", [ParameterKind.Any], 1, 1, ArgumentType(0)),
        Aggregate("MAX", [ParameterKind.Any], 1, 1, ArgumentType(0)),
        Aggregate("MEDIAN", [ParameterKind.Number], 1, 1, NumberResult),
        Aggregate("PERCENTILE", [ParameterKind.Number, ParameterKind.Number], 2, 2, NumberResult),
        Aggregate("MAX_BY", [ParameterKind.Any, ParameterKind.Any], 2, 2, ArgumentType(0)),
        Aggregate("MIN_BY", [ParameterKind.Any, ParameterKind.Any], 2, 2, ArgumentType(0)),
        Aggregate("BOOL_OR", [ParameterKind.Boolean], 1, 1, BooleanResult),
        Aggregate("BOOL_AND", [ParameterKind.Boolean], 1, 1, BooleanResult),

        Window("ROW_NUMBER", [], 0, 0, NumberResult),
        Window("RANK", [], 0, 0, NumberResult),
        Window("DENSE_RANK", [], 0, 0, NumberResult),
        Window("LAG", [ParameterKind.Any, ParameterKind.Number, ParameterKind.Any], 1, 3, ArgumentType(0), nullTreatment: true),
        Window("LEAD", [ParameterKind.Any, ParameterKind.Number, ParameterKind.Any], 1, 3, ArgumentType(0), nullTreatment: true),
        Window("FIRST_VALUE", [ParameterKind.Any], 1, 1, ArgumentType(0), nullTreatment: true),
        Window("LAST_VALUE", [ParameterKind.Any], 1, 1, ArgumentType(0), nullTreatment: true),
        Window("NTH_VALUE", [ParameterKind.Any, ParameterKind.Number], 2, 2, ArgumentType(0), nullTreatment: true),
    ];

    private static readonly ImmutableDictionary<string, FunctionSymbol> ByName = All.ToImmutableDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> Names => All.Select(f => f.Name);

    /// <summary>The functions that reach the SQL writer: every one a dialect must spell.</summary>
    public static IEnumerable<string> WrittenNames => All.Where(f => !f.ExpandedByCompiler).Select(f => f.Name);

    public static FunctionSymbol? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The type values of these types share: the first concrete one; Any when none is.</summary>
    public static ScalarType CommonType(IEnumerable<ScalarType> types)
    {
        var concrete = types.Where(t => t is not (ScalarType.Null or ScalarType.Any or ScalarType.Error)).ToList();
        return concrete.Count > 0 ? concrete[0] : ScalarType.Any;
    }

    private static FunctionSymbol Scalar(string name, ImmutableArray<ParameterKind> parameters, int min, int? max, Func<IReadOnlyList<ScalarType>, ScalarType> result) =>
        new(name, FunctionKind.Scalar, parameters.IsEmpty ? [ParameterKind.Any] : parameters, min, max, result);

    private static FunctionSymbol Aggregate(string name, ImmutableArray<ParameterKind> parameters, int min, int? max, Func<IReadOnlyList<ScalarType>, ScalarType> result) =>
        new(name, FunctionKind.Aggregate, parameters, min, max, result);

    private static FunctionSymbol Window(string name, ImmutableArray<ParameterKind> parameters, int min, int? max, Func<IReadOnlyList<ScalarType>, ScalarType> result, bool nullTreatment = false) =>
        new(name, FunctionKind.Window, parameters.IsEmpty ? [ParameterKind.Any] : parameters, min, max, result, AllowsNullTreatment: nullTreatment);
}
