using System.Collections.Immutable;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

/// <summary>One dotted name of a <c>${...}</c> reference, with its own location.</summary>
public sealed record ReferencePart(string Name, TextLocation Location);

/// <summary>
/// <c>${field}</c>, <c>${view.field}</c> or <c>${TABLE}</c>: one or two parts, each a plain identifier.
/// <see cref="Location"/> covers the braces.
/// </summary>
public sealed record ReferenceExpression(ImmutableArray<ReferencePart> Parts, TextLocation Location) : ExpressionSyntax(Location)
{
    public const string TableName = "TABLE";

    public bool IsTable => Parts.Length == 1 && string.Equals(Parts[0].Name, TableName, StringComparison.Ordinal);

    /// <summary>The view part of <c>${view.field}</c>, or null for a one-part reference.</summary>
    public ReferencePart? View => Parts.Length == 2 ? Parts[0] : null;

    public ReferencePart Field => Parts[^1];

    public override IEnumerable<ExpressionSyntax> Children => [];
}
