using System.Collections.Immutable;
using StripeModelGen.Compiler.Syntax;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Binding;

public sealed class ViewSymbol(ViewSyntax syntax)
{
    private ImmutableDictionary<string, FieldSymbol> _fieldsByName = ImmutableDictionary<string, FieldSymbol>.Empty;

    public ViewSyntax Syntax { get; } = syntax;

    public string Name => Syntax.Name.Value;

    public TextLocation Location => Syntax.Name.Location;

    public string? Label => Syntax.Label?.Value;

    public string? Description => Syntax.Description?.Value;

    /// <summary>The logical table the view reads; the chosen source maps it to a physical one. Null for a derived view.</summary>
    public string? Table { get; internal set; }

    /// <summary>How a derived view computes its rows; null for a view over a table.</summary>
    public DerivedSymbol? Derived { get; internal set; }

    public PublishSymbol? Publish { get; internal set; }

    public ImmutableArray<DimensionSymbol> Dimensions { get; private set; } = [];

    public ImmutableArray<MeasureSymbol> Measures { get; private set; } = [];

    public DimensionSymbol? PrimaryKey { get; internal set; }

    public ImmutableArray<FieldReference> DrillFields { get; internal set; } = [];

    public IEnumerable<FieldSymbol> Fields => Dimensions.Cast<FieldSymbol>().Concat(Measures);

    /// <summary>
    /// A view over a table whose dimensions include window functions: its rows are first computed in a CTE
    /// (the columns its fields read, plus the windows), so filters and groupings apply to the results.
    /// </summary>
    public bool ComputesWindows => Derived is null && Dimensions.Any(d => d.HasWindow);

    /// <summary>The table columns the view's fields read, in first-use order.</summary>
    public IEnumerable<string> ColumnsRead =>
        Dimensions.SelectMany(d => new[] { d.Expression, d.Start, d.End, d.Currency }.Concat(d.DialectExpressions.Values))
            .Concat(Measures.SelectMany(m => new[] { m.Expression, m.Currency }.Concat(m.DialectExpressions.Values)))
            .OfType<BoundExpression>()
            .SelectMany(e => e.DescendantsAndSelf())
            .OfType<BoundColumn>()
            .Where(c => c.View == this)
            .Select(c => c.Column)
            .Distinct(StringComparer.Ordinal);

    public FieldSymbol? Find(string name) => _fieldsByName.GetValueOrDefault(name);

    internal void SetFields(ImmutableArray<DimensionSymbol> dimensions, ImmutableArray<MeasureSymbol> measures)
    {
        Dimensions = dimensions;
        Measures = measures;
        _fieldsByName = Fields.ToImmutableDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public override string ToString() => Name;
}
