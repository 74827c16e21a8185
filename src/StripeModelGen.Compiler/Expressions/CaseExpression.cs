using System.Collections.Immutable;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

/// <summary>One <c>WHEN condition THEN result</c>; in a simple CASE the condition is the value compared with the operand.</summary>
public sealed record WhenClause(ExpressionSyntax Condition, ExpressionSyntax Result, TextLocation Location);

/// <summary>
/// Searched <c>CASE WHEN c THEN r ... [ELSE e] END</c>, or simple <c>CASE x WHEN v THEN r ... END</c>
/// when <see cref="Operand"/> is set. There is at least one WHEN clause.
/// </summary>
public sealed record CaseExpression(ExpressionSyntax? Operand, ImmutableArray<WhenClause> WhenClauses, ExpressionSyntax? Else, TextLocation Location)
    : ExpressionSyntax(Location)
{
    public override IEnumerable<ExpressionSyntax> Children
    {
        get
        {
            if (Operand is not null)
                yield return Operand;
            foreach (var clause in WhenClauses)
            {
                yield return clause.Condition;
                yield return clause.Result;
            }
            if (Else is not null)
                yield return Else;
        }
    }
}
