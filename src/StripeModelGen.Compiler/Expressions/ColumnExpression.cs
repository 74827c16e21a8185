using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

/// <summary>
/// A column of the underlying table: a bare identifier (<c>amount</c>, also date-part units such as
/// <c>day</c> in <c>DATE_TRUNC(day, x)</c>), a quoted one (<c>"Weird Col"</c>), or either qualified
/// as <c>${TABLE}.amount</c>. <see cref="Name"/> is unescaped and keeps its case.
/// </summary>
public sealed record ColumnExpression(string Name, bool IsQuoted, ReferenceExpression? Table, TextLocation NameLocation, TextLocation Location)
    : ExpressionSyntax(Location)
{
    public override IEnumerable<ExpressionSyntax> Children => Table is null ? [] : [Table];
}
