using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Filters;

/// <summary>
/// A parsed filter value: a condition on one field's value <c>v</c>. Leaves test <c>v</c> against
/// constants; <see cref="AnyOfFilter"/>, <see cref="AllOfFilter"/> and <see cref="NotFilter"/> combine
/// them. Equality is structural (arrays compare element by element), and
/// <see cref="FilterPrinter.Print"/> gives a compact one-line form.
/// </summary>
public abstract record FilterExpression
{
    public sealed override string ToString() => FilterPrinter.Print(this);
}

/// <summary>An empty filter value: matches every row, NULLs included; lowers to no condition.</summary>
public sealed record MatchAllFilter : FilterExpression
{
    public static readonly MatchAllFilter Instance = new();

    private MatchAllFilter()
    {
    }
}

/// <summary>A value that did not parse; a diagnostic was reported. Never lowered.</summary>
public sealed record ErrorFilter : FilterExpression
{
    public static readonly ErrorFilter Instance = new();

    private ErrorFilter()
    {
    }
}

/// <summary><c>NULL</c>: the value is NULL.</summary>
public sealed record NullFilter : FilterExpression
{
    public static readonly NullFilter Instance = new();

    private NullFilter()
    {
    }
}

/// <summary>String <c>EMPTY</c>: the value is NULL or the empty string.</summary>
public sealed record EmptyFilter : FilterExpression
{
    public static readonly EmptyFilter Instance = new();

    private EmptyFilter()
    {
    }
}

/// <summary>The string equals <see cref="Value"/> exactly (escapes already removed).</summary>
public sealed record StringEqualsFilter(string Value) : FilterExpression;

/// <summary>The string matches a pattern with at least one wildcard (<c>%</c> or <c>_</c>).</summary>
public sealed record StringLikeFilter(LikePattern Pattern) : FilterExpression;

/// <summary>The number is <c>=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> or <c>&gt;=</c> <see cref="Value"/>.</summary>
public sealed record NumberCompareFilter(NumberComparison Comparison, decimal Value) : FilterExpression;

public enum NumberComparison
{
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>One end of a number interval.</summary>
public readonly record struct NumberBound(decimal Value, bool Inclusive);

/// <summary>A number interval with both ends: <c>[5,10)</c>, <c>5 to 10</c> (= <c>[5,10]</c>).</summary>
public sealed record NumberRangeFilter(NumberBound Low, NumberBound High) : FilterExpression;

/// <summary><c>yes</c> (the condition holds) or <c>no</c> (it does not, or is NULL).</summary>
public sealed record YesNoFilter(bool Value) : FilterExpression;

/// <summary>A date or timestamp in <see cref="Range"/> (start inclusive, end exclusive).</summary>
public sealed record DateFilter(DateRange Range) : FilterExpression;

/// <summary>At least one operand matches (the comma-separated positive alternatives).</summary>
public sealed record AnyOfFilter(ImmutableArray<FilterExpression> Operands) : FilterExpression
{
    public bool Equals(AnyOfFilter? other) => other is not null && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => Operands.Aggregate(17, (hash, operand) => (hash * 31) + operand.GetHashCode());
}

/// <summary>Every operand matches (<c>&gt;=5 AND &lt;10</c>; positives and negated alternatives together).</summary>
public sealed record AllOfFilter(ImmutableArray<FilterExpression> Operands) : FilterExpression
{
    public bool Equals(AllOfFilter? other) => other is not null && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => Operands.Aggregate(19, (hash, operand) => (hash * 31) + operand.GetHashCode());
}

/// <summary>
/// Looker's negation (<c>-foo</c>, <c>NOT 5</c>, <c>&lt;&gt;5</c>): "any value except". A NULL value
/// matches the negation exactly when it does not match <see cref="Operand"/>: <c>-foo</c> keeps NULLs,
/// <c>-NULL</c> and <c>-EMPTY</c> drop them.
/// </summary>
public sealed record NotFilter(FilterExpression Operand) : FilterExpression;
