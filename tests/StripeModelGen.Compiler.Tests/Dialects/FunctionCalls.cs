using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Sql;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>Sample calls of every function a dialect must write: each arity, each date part, OVER for window functions.</summary>
internal static class FunctionCalls
{
    private static readonly SqlWindow Window = Over([Col("t", "customer_id")], [Asc(Col("t", "created"))]);

    public static IEnumerable<SqlFunction> For(FunctionShape shape)
    {
        var max = shape.MaxArguments ?? shape.MinArguments + 2;
        for (var arity = shape.MinArguments; arity <= max; arity++)
        {
            var parts = shape.DatePartIndex is null ? [default(DatePart?)] : Enum.GetValues<DatePart>().Select(p => (DatePart?)p);
            foreach (var part in parts)
            {
                var arguments = Enumerable.Range(0, arity).Select(i => Argument(shape, i, part)).ToImmutableArray();
                yield return new SqlFunction(shape.Name, arguments, Window: shape.Kind == FunctionKind.Window ? Window : null);
            }
        }
    }

    /// <summary>
    /// A column of the argument's kind (numbers <c>n0</c>..., strings <c>s0</c>..., <c>created</c> and
    /// <c>ended</c>, <c>flag</c>, <c>metadata</c>), or a literal where engines want one (offsets, precisions).
    /// </summary>
    private static SqlExpression Argument(FunctionShape shape, int index, DatePart? part) => shape.ParameterAt(index) switch
    {
        ParameterKind.DatePart => Part(part!.Value),
        ParameterKind.Number when shape.Name == "PERCENTILE" && index == 1 => Num(90),
        ParameterKind.Number when index > 0 && shape.Name is not ("POWER" or "MOD") => Num(index + 1),
        ParameterKind.Number => Col("t", "n" + Index(index)),
        ParameterKind.String when shape.Name == SqlFunctions.AtTimeZone => Str("Europe/Berlin"),
        ParameterKind.String when index > 0 => Str(shape.Name is "JSON_NUMBER" or "JSON_STRING" ? "amount" : "_"),
        ParameterKind.String => Col("t", "s" + Index(index)),
        ParameterKind.Temporal => Col("t", index == 2 && shape.Name == "DATE_DIFF" ? "ended" : "created"),
        ParameterKind.Boolean => Col("t", "flag"),
        ParameterKind.Json => Col("t", "metadata"),
        _ => Col("t", "n" + Index(index)),
    };

    private static string Index(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
