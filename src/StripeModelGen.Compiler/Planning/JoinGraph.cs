using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;

namespace StripeModelGen.Compiler.Planning;

/// <summary>
/// The tree of an explore's joins: which joins a set of aliases needs, in an order where every join
/// follows those it hangs from, and which joins repeat the rows of a given alias (fanout).
/// </summary>
internal sealed class JoinGraph(ExploreSymbol explore)
{
    /// <summary>The joins needed to reach <paramref name="aliases"/>, with the joins they hang from, in declaration order.</summary>
    public ImmutableArray<JoinSymbol> Closure(IEnumerable<string> aliases)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(aliases);
        while (pending.Count > 0)
        {
            var alias = pending.Pop();
            if (!needed.Add(alias) || explore.Join(alias) is not { } join)
                continue;
            foreach (var parent in join.DependsOn)
                pending.Push(parent);
        }
        return Ordered([.. explore.Joins.Where(j => needed.Contains(j.Name))]);
    }

    /// <summary>The joins of <paramref name="joins"/> whose rows repeat each row of <paramref name="alias"/>.</summary>
    public ImmutableArray<string> FanningJoins(string alias, ImmutableArray<JoinSymbol> joins)
    {
        var fanning = ImmutableArray.CreateBuilder<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { alias };
        var pending = new Stack<string>([alias]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var join in joins)
            {
                // Edge parent → join.Name with the join's relationship read from the parent's side.
                foreach (var parent in join.DependsOn)
                {
                    var (next, repeats) = current == parent
                        ? (join.Name, join.Relationship is Relationship.OneToMany or Relationship.ManyToMany)
                        : current == join.Name
                            ? (parent, join.Relationship is Relationship.ManyToOne or Relationship.ManyToMany)
                            : (null, false);
                    if (next is null || !visited.Add(next))
                        continue;
                    if (repeats)
                        fanning.Add(join.Name);
                    pending.Push(next);
                }
            }
        }
        return [.. fanning.Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Declaration order, except that a join always follows the joins it hangs from.</summary>
    private static ImmutableArray<JoinSymbol> Ordered(ImmutableArray<JoinSymbol> joins)
    {
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<JoinSymbol>();
        var remaining = joins.ToList();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(j => j.DependsOn.All(d => placed.Contains(d) || !remaining.Any(r => r.Name == d))) ?? remaining[0];
            remaining.Remove(next);
            placed.Add(next.Name);
            result.Add(next);
        }
        return result.ToImmutable();
    }
}
