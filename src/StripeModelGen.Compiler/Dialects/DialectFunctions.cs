using System.Collections.Immutable;
using System.Globalization;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Sql.Rewrites;

namespace StripeModelGen.Compiler.Dialects;

/// <summary>What a dialect template needs to know about a function: its kind, arity and which arguments are date parts.</summary>
public sealed record FunctionShape(string Name, FunctionKind Kind, int MinArguments, int? MaxArguments, ImmutableArray<ParameterKind> Parameters)
{
    public ParameterKind ParameterAt(int index) => Parameters.IsDefaultOrEmpty ? ParameterKind.Any : Parameters[Math.Min(index, Parameters.Length - 1)];

    /// <summary>The position of the date-part argument (<c>DATE_TRUNC(month, x)</c>: 0), or null.</summary>
    public int? DatePartIndex
    {
        get
        {
            for (var i = 0; i < Parameters.Length; i++)
            {
                if (Parameters[i] == ParameterKind.DatePart)
                    return i;
            }
            return null;
        }
    }

    public bool TakesFilterAndOver => Kind is FunctionKind.Aggregate or FunctionKind.Window;

    public string ArityText => MaxArguments switch
    {
        null => $"at least {MinArguments.ToString(CultureInfo.InvariantCulture)}",
        { } max when max == MinArguments => max.ToString(CultureInfo.InvariantCulture),
        { } max => $"{MinArguments.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}",
    };
}

/// <summary>
/// The functions a dialect must give templates for: the model language's catalogue
/// (<see cref="FunctionCatalog"/>), the lowerer's internal ones (<see cref="SqlFunctions"/>), minus what
/// the dialect's rewrites remove, plus what they introduce — computed in rewrite order.
/// </summary>
public static class DialectFunctions
{
    /// <summary>The lowerer's own functions (<see cref="SqlFunctions"/>), with their signatures.</summary>
    public static ImmutableArray<FunctionShape> Internal { get; } =
    [
        new(SqlFunctions.AtTimeZone, FunctionKind.Scalar, 2, 2, [ParameterKind.Temporal, ParameterKind.String]),
        new(SqlFunctions.DayOfWeekName, FunctionKind.Scalar, 1, 1, [ParameterKind.Temporal]),
        new(SqlFunctions.HashKey, FunctionKind.Scalar, 1, 1, [ParameterKind.Any]),
    ];

    /// <summary>The catalogue's functions and the internal ones, by name.</summary>
    public static ImmutableSortedDictionary<string, FunctionShape> Base { get; } = BuildBase();

    public static FunctionShape Shape(RewriteFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new(function.Name, function.Kind, function.MinArguments, function.MaxArguments, [ParameterKind.Any]);
    }

    /// <summary>
    /// Every function that can reach the writer once <paramref name="rewrites"/> ran, by name, and for
    /// each function a rewrite removed, that rewrite.
    /// </summary>
    public static (ImmutableSortedDictionary<string, FunctionShape> Needed, ImmutableSortedDictionary<string, SqlRewrite> Removed) After(IEnumerable<SqlRewrite> rewrites)
    {
        ArgumentNullException.ThrowIfNull(rewrites);
        var needed = Base.ToBuilder();
        var removed = ImmutableSortedDictionary.CreateBuilder<string, SqlRewrite>(StringComparer.Ordinal);
        foreach (var rewrite in rewrites)
        {
            foreach (var name in rewrite.RemovedFunctions)
            {
                if (needed.Remove(name))
                    removed[name] = rewrite;
            }
            foreach (var function in rewrite.IntroducedFunctions)
            {
                needed[function.Name] = Shape(function);
                removed.Remove(function.Name);
            }
        }
        return (needed.ToImmutable(), removed.ToImmutable());
    }

    /// <summary>Any function a template may be written for, whichever rewrites a dialect lists.</summary>
    public static FunctionShape? Find(string name)
    {
        if (Base.TryGetValue(name, out var shape))
            return shape;
        foreach (var rewrite in SqlRewrites.All)
        {
            foreach (var function in rewrite.IntroducedFunctions)
            {
                if (string.Equals(function.Name, name, StringComparison.Ordinal))
                    return Shape(function);
            }
        }
        return null;
    }

    public static IEnumerable<string> AllNames =>
        Base.Keys.Concat(SqlRewrites.All.SelectMany(r => r.IntroducedFunctions).Select(f => f.Name)).Distinct(StringComparer.Ordinal);

    private static ImmutableSortedDictionary<string, FunctionShape> BuildBase()
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, FunctionShape>(StringComparer.Ordinal);
        foreach (var name in FunctionCatalog.WrittenNames)
        {
            var symbol = FunctionCatalog.Find(name)!;
            builder[symbol.Name] = new FunctionShape(symbol.Name, symbol.Kind, symbol.MinArguments, symbol.MaxArguments, symbol.Parameters);
        }
        foreach (var shape in Internal)
            builder[shape.Name] = shape;
        return builder.ToImmutable();
    }
}
