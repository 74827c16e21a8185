using System.Text;

using StripeModelGen.Testing;

namespace StripeModelGen.Snapshots.Tests;

/// <summary>
/// The in-house snapshot helper: compares a text with the file committed under <c>Snapshots/</c>. On a
/// mismatch it fails with a unified diff and writes the actual text beside the file as <c>.received</c>;
/// with <c>SMG_UPDATE_SNAPSHOTS=1</c> it rewrites the file instead. A missing snapshot is a failure too
/// (and is written as <c>.received</c>), so a new case is always reviewed before it is accepted.
/// </summary>
public static class Snapshot
{
    public static string Directory => Path.Combine(RepositoryRoot.Path, "tests", "StripeModelGen.Snapshots.Tests", "Snapshots");

    private static bool Updating => Environment.GetEnvironmentVariable("SMG_UPDATE_SNAPSHOTS") == "1";

    public static void Verify(string relativePath, string actual)
    {
        var path = Path.Combine(Directory, relativePath);
        var received = path + ".received";
        var expected = File.Exists(path) ? File.ReadAllText(path) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (Updating)
        {
            File.WriteAllText(path, actual);
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        var message = expected is null
            ? $"No snapshot {relativePath} yet; review {relativePath}.received and accept it with SMG_UPDATE_SNAPSHOTS=1.\n{actual}"
            : $"Snapshot {relativePath} differs (actual text in {relativePath}.received; accept with SMG_UPDATE_SNAPSHOTS=1):\n{UnifiedDiff.Create(expected, actual)}";
        Assert.Fail(message);
    }
}

/// <summary>A line-based unified diff (longest common subsequence), enough to review a snapshot change.</summary>
public static class UnifiedDiff
{
    public static string Create(string expected, string actual, int context = 3)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        }
        var lines = new List<(char Kind, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x++]));
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', b[y++]));
            }
            else
            {
                lines.Add(('-', a[x++]));
            }
        }
        var output = new StringBuilder("--- expected\n+++ actual\n");
        var lastPrinted = -1;
        for (var k = 0; k < lines.Count; k++)
        {
            if (lines[k].Kind == ' ')
                continue;
            var start = Math.Max(lastPrinted + 1, k - context);
            if (start > lastPrinted + 1)
                output.Append("@@\n");
            var end = k;
            while (end + 1 < lines.Count && (lines[end + 1].Kind != ' ' || Enumerable.Range(end + 1, Math.Min(context * 2, lines.Count - end - 1)).Any(n => lines[n].Kind != ' ')))
                end++;
            end = Math.Min(lines.Count - 1, end + context);
            for (var n = start; n <= end; n++)
                output.Append(lines[n].Kind).Append(lines[n].Text).Append('\n');
            lastPrinted = end;
            k = end;
        }
        return output.ToString();
    }
}
