using StripeModelGen.Compiler.Binding;

namespace StripeModelGen.Compiler.Planning;

/// <summary>
/// What a field reads: the aliases its expressions touch (a view's own fields are read through the
/// alias the field is read through), and for a <c>type: number</c> measure the measures its formula combines.
/// </summary>
public static class FieldDependencies
{
    /// <summary>The alias a reference inside <paramref name="owner"/>'s expressions resolves to.</summary>
    public static string AliasOf(FieldReference reference, FieldReference owner) =>
        reference.Field.View == owner.Field.View && reference.Alias == owner.Field.View.Name ? owner.Alias : reference.Alias;

    /// <summary>Every alias read by the field, following references through other dimensions.</summary>
    public static IReadOnlyCollection<string> Aliases(FieldReference field)
    {
        var aliases = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<(string, FieldSymbol)>();
        var pending = new Stack<FieldReference>([field]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!visited.Add((current.Alias, current.Field)))
                continue;
            aliases.Add(current.Alias);
            // A derived view's dimensions are columns of its rows: what they were computed from is not read here.
            if (current.Field is DimensionSymbol { View.Derived: not null })
                continue;
            foreach (var reference in References(current.Field))
                pending.Push(reference with { Alias = AliasOf(reference, current) });
        }
        return aliases;
    }

    /// <summary>The aggregating measures a measure needs: itself, or those a number formula combines (transitively).</summary>
    public static IEnumerable<FieldReference> AggregatedMeasures(FieldReference measure)
    {
        if (measure.Field is not MeasureSymbol { Type: MeasureType.Number } number)
            return [measure];
        return References(number)
            .Where(r => r.Field.IsMeasure)
            .SelectMany(r => AggregatedMeasures(r with { Alias = AliasOf(r, measure) }));
    }

    /// <summary>The field references in every expression of a field.</summary>
    public static IEnumerable<FieldReference> References(FieldSymbol field)
    {
        IEnumerable<BoundExpression?> roots = field switch
        {
            DimensionSymbol d => [d.Expression, d.Start, d.End, d.Currency],
            MeasureSymbol m => [m.Expression, m.Currency, .. m.Filters.Select(f => new BoundFieldExpression(f.Field, default))],
            _ => [],
        };
        return roots.OfType<BoundExpression>()
            .SelectMany(r => r.DescendantsAndSelf())
            .OfType<BoundFieldExpression>()
            .Select(r => r.Reference);
    }
}
