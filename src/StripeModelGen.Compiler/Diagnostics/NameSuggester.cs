namespace StripeModelGen.Compiler.Diagnostics;

/// <summary>Finds the name a user most likely meant, by edit distance (with transpositions) ignoring case.</summary>
public static class NameSuggester
{
    public static string? Suggest(string actual, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(1, Math.Min(3, actual.Length / 3));
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (string.Equals(candidate, actual, StringComparison.Ordinal))
                continue;
            var distance = string.Equals(candidate, actual, StringComparison.OrdinalIgnoreCase)
                ? 0
                : Distance(actual.ToLowerInvariant(), candidate.ToLowerInvariant());
            // On a tie, a candidate with the same first letter wins: people mistype endings more than beginnings.
            var better = distance < bestDistance
                || (distance == bestDistance && best is not null && SameStart(candidate, actual) && !SameStart(best, actual));
            if (distance <= limit && better)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static bool SameStart(string a, string b) =>
        a.Length > 0 && b.Length > 0 && char.ToLowerInvariant(a[0]) == char.ToLowerInvariant(b[0]);

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
