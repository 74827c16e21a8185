using System.Text;

namespace StripeModelGen.Compiler.Expressions;

/// <summary>
/// A canonical one-line rendering for tests and plan printouts: every operator application in
/// parentheses, keywords, function and type names upper-case, other names as written, explicit
/// parentheses dropped (the rendering already shows the grouping). Iterative, so deep trees are safe.
/// Anything but an <see cref="ErrorExpression"/> (printed <c>&lt;error&gt;</c>) parses back to the same text.
/// </summary>
public static class ExpressionPrinter
{
    public static string Print(ExpressionSyntax expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var builder = new StringBuilder();
        var work = new Stack<object>();
        var parts = new List<object>();
        work.Push(expression);
        while (work.Count > 0)
        {
            switch (work.Pop())
            {
                case string text:
                    builder.Append(text);
                    break;
                case ExpressionSyntax node:
                    parts.Clear();
                    AddParts(node, parts);
                    for (var i = parts.Count - 1; i >= 0; i--)
                        work.Push(parts[i]);
                    break;
            }
        }
        return builder.ToString();
    }

    private static string Quote(string text, char quote) =>
        quote + text.Replace(quote.ToString(), new string(quote, 2), StringComparison.Ordinal) + quote;

    /// <summary>The node as a sequence of strings and child nodes, printed left to right.</summary>
    private static void AddParts(ExpressionSyntax node, List<object> parts)
    {
        switch (node)
        {
            case LiteralExpression literal:
                parts.Add(literal.Kind switch
                {
                    LiteralKind.String => Quote((string)literal.Value!, '\''),
                    LiteralKind.Boolean => (bool)literal.Value! ? "TRUE" : "FALSE",
                    LiteralKind.Null => "NULL",
                    _ => literal.Text,
                });
                break;
            case ReferenceExpression reference:
                parts.Add("${" + string.Join('.', reference.Parts.Select(p => p.Name)) + "}");
                break;
            case ColumnExpression column:
                if (column.Table is not null)
                    parts.AddRange([column.Table, "."]);
                parts.Add(column.IsQuoted ? Quote(column.Name, '"') : column.Name);
                break;
            case UnaryExpression unary:
                parts.AddRange([unary.Operator switch { UnaryOperator.Negate => "(-", UnaryOperator.Plus => "(+", _ => "(NOT " }, unary.Operand, ")"]);
                break;
            case BinaryExpression binary:
                parts.AddRange(["(", binary.Left, $" {binary.Operator.ToText()} ", binary.Right, ")"]);
                break;
            case IsNullExpression isNull:
                parts.AddRange(["(", isNull.Operand, isNull.IsNegated ? " IS NOT NULL)" : " IS NULL)"]);
                break;
            case InExpression inList:
                parts.AddRange(["(", inList.Operand, inList.IsNegated ? " NOT IN (" : " IN ("]);
                AddList(parts, inList.Values);
                parts.Add("))");
                break;
            case BetweenExpression between:
                parts.AddRange(["(", between.Operand, between.IsNegated ? " NOT BETWEEN " : " BETWEEN ", between.Lower, " AND ", between.Upper, ")"]);
                break;
            case LikeExpression like:
                parts.AddRange(["(", like.Operand, (like.IsNegated ? " NOT " : " ") + (like.IsCaseInsensitive ? "ILIKE " : "LIKE "), like.Pattern, ")"]);
                break;
            case CaseExpression caseExpression:
                AddCase(caseExpression, parts);
                break;
            case CastExpression cast:
                parts.AddRange(["CAST(", cast.Operand, " AS " + TypeText(cast.Type) + ")"]);
                break;
            case FunctionCallExpression call:
                AddCall(call, parts);
                break;
            case ParenthesizedExpression parenthesized:
                parts.Add(parenthesized.Expression);
                break;
            case ErrorExpression:
                parts.Add("<error>");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown expression node");
        }
    }

    private static void AddCase(CaseExpression node, List<object> parts)
    {
        parts.Add("CASE");
        if (node.Operand is not null)
            parts.AddRange([" ", node.Operand]);
        foreach (var clause in node.WhenClauses)
            parts.AddRange([" WHEN ", clause.Condition, " THEN ", clause.Result]);
        if (node.Else is not null)
            parts.AddRange([" ELSE ", node.Else]);
        parts.Add(" END");
    }

    private static string TypeText(TypeName type) =>
        type.Arguments.IsDefaultOrEmpty
            ? type.Name.ToUpperInvariant()
            : $"{type.Name.ToUpperInvariant()}({string.Join(", ", type.Arguments.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";

    private static void AddCall(FunctionCallExpression call, List<object> parts)
    {
        parts.Add(call.Name.ToUpperInvariant() + "(" + (call.IsDistinct ? "DISTINCT " : ""));
        if (call.IsStar)
            parts.Add("*");
        AddList(parts, call.Arguments);
        parts.Add(")");
        if (call.NullTreatment != NullTreatment.None)
            parts.Add(call.NullTreatment == NullTreatment.IgnoreNulls ? " IGNORE NULLS" : " RESPECT NULLS");
        if (call.Filter is not null)
            parts.AddRange([" FILTER (WHERE ", call.Filter, ")"]);
        if (call.Window is not null)
            AddWindow(call.Window, parts);
    }

    private static void AddWindow(WindowSpec window, List<object> parts)
    {
        parts.Add(" OVER (");
        var separator = "";
        if (window.PartitionBy.Length > 0)
        {
            parts.Add("PARTITION BY ");
            AddList(parts, window.PartitionBy);
            separator = " ";
        }
        if (window.OrderBy.Length > 0)
        {
            parts.Add(separator + "ORDER BY ");
            for (var i = 0; i < window.OrderBy.Length; i++)
            {
                var item = window.OrderBy[i];
                parts.AddRange([i == 0 ? "" : ", ", item.Expression]);
                if (item.IsDescending)
                    parts.Add(" DESC");
                if (item.Nulls != NullsOrder.Unspecified)
                    parts.Add(item.Nulls == NullsOrder.First ? " NULLS FIRST" : " NULLS LAST");
            }
            separator = " ";
        }
        if (window.Frame is { } frame)
        {
            parts.Add(separator + (frame.Unit == FrameUnit.Rows ? "ROWS " : "RANGE "));
            if (frame.End is not null)
                parts.Add("BETWEEN ");
            AddBound(frame.Start, parts);
            if (frame.End is not null)
            {
                parts.Add(" AND ");
                AddBound(frame.End, parts);
            }
        }
        parts.Add(")");
    }

    private static void AddBound(FrameBound bound, List<object> parts)
    {
        switch (bound.Kind)
        {
            case FrameBoundKind.UnboundedPreceding:
                parts.Add("UNBOUNDED PRECEDING");
                break;
            case FrameBoundKind.UnboundedFollowing:
                parts.Add("UNBOUNDED FOLLOWING");
                break;
            case FrameBoundKind.CurrentRow:
                parts.Add("CURRENT ROW");
                break;
            default:
                parts.AddRange([bound.Offset!, bound.Kind == FrameBoundKind.Preceding ? " PRECEDING" : " FOLLOWING"]);
                break;
        }
    }

    private static void AddList(List<object> parts, IReadOnlyList<ExpressionSyntax> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
                parts.Add(", ");
            parts.Add(items[i]);
        }
    }
}
