using System.Collections.Immutable;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

public enum NullTreatment
{
    None,
    IgnoreNulls,
    RespectNulls,
}

/// <summary>
/// <c>NAME([DISTINCT] args | *) [IGNORE|RESPECT NULLS] [FILTER (WHERE cond)] [OVER (...)]</c>.
/// <see cref="Name"/> keeps its case; the binder looks it up case-insensitively. The null treatment is
/// the same whether written inside the parentheses or after them.
/// </summary>
public sealed record FunctionCallExpression(
    string Name,
    TextLocation NameLocation,
    TextLocation? DistinctLocation,
    ImmutableArray<ExpressionSyntax> Arguments,
    bool IsStar,
    NullTreatment NullTreatment,
    TextLocation? NullTreatmentLocation,
    ExpressionSyntax? Filter,
    WindowSpec? Window,
    TextLocation Location) : ExpressionSyntax(Location)
{
    public bool IsDistinct => DistinctLocation is not null;

    public override IEnumerable<ExpressionSyntax> Children
    {
        get
        {
            foreach (var argument in Arguments)
                yield return argument;
            if (Filter is not null)
                yield return Filter;
            if (Window is null)
                yield break;
            foreach (var child in Window.Children)
                yield return child;
        }
    }
}
