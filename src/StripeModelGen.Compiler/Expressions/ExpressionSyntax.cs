using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Expressions;

/// <summary>
/// A node of a parsed expression. <see cref="Location"/> is in the model file (not in the YAML value),
/// covering the whole node. Nodes are immutable; <see cref="Children"/> lists the direct sub-expressions
/// in source order, including those inside clauses such as <c>WHEN</c> or <c>OVER (...)</c>.
/// </summary>
public abstract record ExpressionSyntax(TextLocation Location)
{
    public abstract IEnumerable<ExpressionSyntax> Children { get; }

    /// <summary>This node and every node below it, pre-order, without recursion (safe on deep trees).</summary>
    public IEnumerable<ExpressionSyntax> DescendantsAndSelf()
    {
        var stack = new Stack<ExpressionSyntax>();
        stack.Push(this);
        var children = new List<ExpressionSyntax>();
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            children.Clear();
            children.AddRange(node.Children);
            for (var i = children.Count - 1; i >= 0; i--)
                stack.Push(children[i]);
        }
    }

    public sealed override string ToString() => ExpressionPrinter.Print(this);
}
