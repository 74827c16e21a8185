using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

public sealed partial class Binder
{
    /// <summary>
    /// Fields are bound independently (a reference's type comes from the referenced field's declaration),
    /// so cycles are found afterwards, on the graph of references: each back edge is one cycle, reported
    /// at the reference that closes it.
    /// </summary>
    private void ReportReferenceCycles(IEnumerable<ViewSymbol> views)
    {
        var state = new Dictionary<FieldSymbol, bool>(); // false: on the current path, true: done
        var path = new List<FieldSymbol>();
        foreach (var field in views.SelectMany(v => v.Fields))
            Visit(field);

        void Visit(FieldSymbol field)
        {
            if (state.ContainsKey(field))
                return;
            state[field] = false;
            path.Add(field);
            foreach (var (target, location) in References(field))
            {
                if (!state.TryGetValue(target, out var done))
                {
                    Visit(target);
                }
                else if (!done)
                {
                    var cycle = path.Skip(path.IndexOf(target)).Append(target).Select(f => Name(f, field)).ToList();
                    _diagnostics.Report(DiagnosticCatalog.FieldCycle, location, string.Join(" → ", cycle));
                }
            }
            path.RemoveAt(path.Count - 1);
            state[field] = true;
        }

        static string Name(FieldSymbol field, FieldSymbol context) => field.View == context.View ? field.Name : field.QualifiedName;
    }

    private static IEnumerable<(FieldSymbol Target, TextLocation Location)> References(FieldSymbol field)
    {
        IEnumerable<BoundExpression?> roots = field switch
        {
            DimensionSymbol d => [d.Expression, d.Currency, d.Start, d.End, .. d.DialectExpressions.Values],
            MeasureSymbol m => [m.Expression, m.Currency, .. m.DialectExpressions.Values],
            _ => [],
        };
        foreach (var root in roots.OfType<BoundExpression>())
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node is BoundFieldExpression reference)
                    yield return (reference.Reference.Field, reference.Location);
            }
        }
    }
}
