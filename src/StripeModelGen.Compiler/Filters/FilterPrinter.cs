using System.Globalization;

namespace StripeModelGen.Compiler.Filters;

/// <summary>
/// One-line text of a filter for plan printouts and tests:
/// <c>and(or(= 'a', like 'b%'), not(= 'c'))</c>, <c>[today-6d, today+1d)</c>, <c>[5, 10)</c>, <c>&gt;= 5</c>.
/// Strings are single-quoted with <c>''</c> for a quote; patterns are shown in filter syntax
/// (<c>^</c> escapes); date bounds as in <see cref="DateRange"/>.
/// </summary>
public static class FilterPrinter
{
    public static string Print(FilterExpression filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter switch
        {
            MatchAllFilter => "any",
            ErrorFilter => "error",
            NullFilter => "null",
            EmptyFilter => "empty",
            StringEqualsFilter f => "= " + Quote(f.Value),
            StringLikeFilter f => "like " + Quote(f.Pattern.ToFilterText()),
            NumberCompareFilter f => f.Comparison switch
            {
                NumberComparison.Equal => "= ",
                NumberComparison.Less => "< ",
                NumberComparison.LessOrEqual => "<= ",
                NumberComparison.Greater => "> ",
                _ => ">= ",
            } + Number(f.Value),
            NumberRangeFilter f => (f.Low.Inclusive ? "[" : "(") + Number(f.Low.Value) + ", " + Number(f.High.Value) + (f.High.Inclusive ? "]" : ")"),
            YesNoFilter f => f.Value ? "yes" : "no",
            DateFilter f => f.Range.ToString(),
            AnyOfFilter f => "or(" + string.Join(", ", f.Operands.Select(Print)) + ")",
            AllOfFilter f => "and(" + string.Join(", ", f.Operands.Select(Print)) + ")",
            NotFilter f => "not(" + Print(f.Operand) + ")",
            _ => throw new ArgumentException($"Unknown filter node {filter.GetType().Name}", nameof(filter)),
        };
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
