using System.Collections.Immutable;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

public enum NullsOrder
{
    Unspecified,
    First,
    Last,
}

/// <summary>One <c>ORDER BY</c> item: <c>expr [ASC|DESC] [NULLS FIRST|LAST]</c>.</summary>
public sealed record OrderItem(ExpressionSyntax Expression, bool IsDescending, NullsOrder Nulls, TextLocation Location);

public enum FrameUnit
{
    Rows,
    Range,
}

public enum FrameBoundKind
{
    UnboundedPreceding,
    Preceding,
    CurrentRow,
    Following,
    UnboundedFollowing,
}

/// <summary>A frame bound; <see cref="Offset"/> is set for <c>n PRECEDING</c> and <c>n FOLLOWING</c> only.</summary>
public sealed record FrameBound(FrameBoundKind Kind, ExpressionSyntax? Offset, TextLocation Location);

/// <summary><c>ROWS|RANGE start</c> or <c>ROWS|RANGE BETWEEN start AND end</c> (<see cref="End"/> null for the first form).</summary>
public sealed record WindowFrame(FrameUnit Unit, FrameBound Start, FrameBound? End, TextLocation Location);

/// <summary><c>OVER ([PARTITION BY ...] [ORDER BY ...] [frame])</c>; <see cref="Location"/> covers <c>OVER</c> to <c>)</c>.</summary>
public sealed record WindowSpec(ImmutableArray<ExpressionSyntax> PartitionBy, ImmutableArray<OrderItem> OrderBy, WindowFrame? Frame, TextLocation Location)
{
    /// <summary>The expressions of the partition, the order items and the frame offsets, in source order.</summary>
    public IEnumerable<ExpressionSyntax> Children
    {
        get
        {
            foreach (var expression in PartitionBy)
                yield return expression;
            foreach (var item in OrderBy)
                yield return item.Expression;
            if (Frame?.Start.Offset is { } start)
                yield return start;
            if (Frame?.End?.Offset is { } end)
                yield return end;
        }
    }
}
