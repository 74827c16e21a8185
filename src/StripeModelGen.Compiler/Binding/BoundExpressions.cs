using System.Collections.Immutable;
using StripeModelGen.Compiler.Expressions;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

/// <summary>A typed expression. Field references stay references: the planner decides how to read them.</summary>
public abstract record BoundExpression(ScalarType Type, TextLocation Location)
{
    public abstract IEnumerable<BoundExpression> Children { get; }

    /// <summary>This node and every node below it, parents before children.</summary>
    public IEnumerable<BoundExpression> DescendantsAndSelf()
    {
        var stack = new Stack<BoundExpression>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in node.Children.Reverse())
                stack.Push(child);
        }
    }
}

/// <summary>Stands for an expression that failed to bind; it was reported once and is accepted everywhere after.</summary>
public sealed record BoundError(TextLocation Location) : BoundExpression(ScalarType.Error, Location)
{
    public static readonly BoundError Instance = new(default(TextLocation));

    public override IEnumerable<BoundExpression> Children => [];
}

public sealed record BoundLiteral(object? Value, ScalarType Type, TextLocation Location) : BoundExpression(Type, Location)
{
    public override IEnumerable<BoundExpression> Children => [];
}

/// <summary>A column of the view's table (a bare identifier, or <c>${TABLE}.column</c>).</summary>
public sealed record BoundColumn(ViewSymbol View, string Column, TextLocation Location) : BoundExpression(ScalarType.Any, Location)
{
    public override IEnumerable<BoundExpression> Children => [];
}

/// <summary><c>${field}</c> or <c>${view.field}</c> (with a timeframe or interval where it names one).</summary>
public sealed record BoundFieldExpression(FieldReference Reference, TextLocation Location) : BoundExpression(Reference.Type, Location)
{
    public override IEnumerable<BoundExpression> Children => [];
}

/// <summary><c>${alias.value}</c>: the current element of a derived view's split join.</summary>
public sealed record BoundSplitValue(string Alias, TextLocation Location) : BoundExpression(ScalarType.String, Location)
{
    public override IEnumerable<BoundExpression> Children => [];
}

/// <summary>A date part argument: <c>DATE_TRUNC(month, ...)</c>.</summary>
public sealed record BoundDatePart(DatePart Part, TextLocation Location) : BoundExpression(ScalarType.DatePart, Location)
{
    public override IEnumerable<BoundExpression> Children => [];
}

public enum DatePart
{
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

public sealed record BoundUnary(UnaryOperator Operator, BoundExpression Operand, ScalarType Type, TextLocation Location) : BoundExpression(Type, Location)
{
    public override IEnumerable<BoundExpression> Children => [Operand];
}

public sealed record BoundBinary(BinaryOperator Operator, BoundExpression Left, BoundExpression Right, ScalarType Type, TextLocation Location) : BoundExpression(Type, Location)
{
    public override IEnumerable<BoundExpression> Children => [Left, Right];
}

public sealed record BoundIsNull(BoundExpression Operand, bool Negated, TextLocation Location) : BoundExpression(ScalarType.Boolean, Location)
{
    public override IEnumerable<BoundExpression> Children => [Operand];
}

public sealed record BoundIn(BoundExpression Operand, ImmutableArray<BoundExpression> Values, bool Negated, TextLocation Location) : BoundExpression(ScalarType.Boolean, Location)
{
    public override IEnumerable<BoundExpression> Children => Values.Prepend(Operand);
}

public sealed record BoundBetween(BoundExpression Operand, BoundExpression Low, BoundExpression High, bool Negated, TextLocation Location) : BoundExpression(ScalarType.Boolean, Location)
{
    public override IEnumerable<BoundExpression> Children => [Operand, Low, High];
}

public sealed record BoundLike(BoundExpression Operand, BoundExpression Pattern, bool CaseInsensitive, bool Negated, TextLocation Location) : BoundExpression(ScalarType.Boolean, Location)
{
    public override IEnumerable<BoundExpression> Children => [Operand, Pattern];
}

public sealed record BoundWhen(BoundExpression Condition, BoundExpression Result);

/// <summary>A searched CASE; a simple <c>CASE x WHEN v</c> is bound to <c>CASE WHEN x = v</c>.</summary>
public sealed record BoundCase(ImmutableArray<BoundWhen> Whens, BoundExpression? Else, ScalarType Type, TextLocation Location) : BoundExpression(Type, Location)
{
    public override IEnumerable<BoundExpression> Children =>
        Whens.SelectMany(w => new[] { w.Condition, w.Result }).Concat(Else is null ? [] : [Else]);
}

public sealed record BoundCast(BoundExpression Operand, ScalarType Type, TextLocation Location) : BoundExpression(Type, Location)
{
    public override IEnumerable<BoundExpression> Children => [Operand];
}

public sealed record BoundOrderItem(BoundExpression Expression, bool Descending, bool? NullsFirst);

public sealed record BoundFrameBound(FrameBoundKind Kind, int Offset = 0);

public sealed record BoundFrame(FrameUnit Unit, BoundFrameBound Start, BoundFrameBound End);

public sealed record BoundWindow(ImmutableArray<BoundExpression> PartitionBy, ImmutableArray<BoundOrderItem> OrderBy, BoundFrame? Frame);

public sealed record BoundFunctionCall(
    FunctionSymbol Function,
    ImmutableArray<BoundExpression> Arguments,
    bool Distinct,
    bool Star,
    NullTreatment NullTreatment,
    BoundExpression? Filter,
    BoundWindow? Window,
    ScalarType Type,
    TextLocation Location) : BoundExpression(Type, Location)
{
    public bool IsAggregate => Function.IsAggregate && Window is null;

    public override IEnumerable<BoundExpression> Children =>
        Arguments
            .Concat(Filter is null ? [] : [Filter])
            .Concat(Window is null ? [] : Window.PartitionBy.Concat(Window.OrderBy.Select(o => o.Expression)));
}
