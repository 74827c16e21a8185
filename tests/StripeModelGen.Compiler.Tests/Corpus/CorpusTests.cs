using System.Globalization;
using System.Text;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Corpus;

/// <summary>
/// The broken-model corpus: every <c>Corpus/cases/**/*.case</c> file is one test. The case's files are
/// loaded with <see cref="Compilation.Load(IReadOnlyList{SourceText}, CompilationOptions?)"/> and the
/// diagnostics must be exactly the expected ids at exactly the marked spans. See Corpus/README.md.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in CorpusFiles.CaseNames())
            data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string name)
    {
        var corpusCase = CorpusCase.Parse(name, File.ReadAllText(CorpusFiles.PathOf(name), Encoding.UTF8));

        CompilationResult result;
        try
        {
            result = Compilation.Load(corpusCase.ToSourceTexts());
        }
        catch (Exception e)
        {
            Assert.Fail($"{name}: loading threw instead of reporting a diagnostic:\n{e}");
            return;
        }

        var actual = result.Diagnostics;
        var problems = new List<string>();
        foreach (var diagnostic in actual)
            CheckInvariants(diagnostic, problems);

        var expected = corpusCase.Expected
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Span.Start).ThenBy(e => e.Span.End).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var located = actual
            .Where(d => d.Location is not null)
            .OrderBy(d => d.Location!.Value.Path, StringComparer.Ordinal).ThenBy(d => d.Location!.Value.Span.Start)
            .ThenBy(d => d.Location!.Value.Span.End).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        if (located.Count != actual.Length)
            problems.Add("Some diagnostics have no location; `Compilation.Load` diagnostics must all point into a file.");
        if (located.Count != expected.Count)
        {
            problems.Add($"Expected {expected.Count} diagnostic(s), got {actual.Length}.");
        }
        else
        {
            for (var i = 0; i < expected.Count; i++)
            {
                var e = expected[i];
                var a = located[i];
                var where = a.Location!.Value;
                if (e.Id != a.Id || e.Path != where.Path || e.Span != where.Span)
                {
                    problems.Add($"Expected {e.Id} at {Describe(corpusCase, e.Path, e.Span)}, got {a.Id} at {Describe(corpusCase, where.Path, where.Span)}.");
                }
                else if (e.MessageContains is { } text && !a.FullMessage.Contains(text, StringComparison.Ordinal))
                {
                    problems.Add($"The message of {a.Id} at {where} should contain `{text}`: {a.FullMessage}");
                }
            }
        }

        if (problems.Count > 0)
            Assert.Fail(FailureReport(corpusCase, problems, actual));
    }

    [Fact]
    public void The_corpus_is_found_and_holds_only_case_files()
    {
        var directory = CorpusFiles.CasesDirectory;
        Assert.True(Directory.Exists(directory), $"No corpus at {directory}");
        var strays = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".case", StringComparison.Ordinal) && !Path.GetFileName(f).Equals("README.md", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(directory, f))
            .ToList();
        Assert.True(strays.Count == 0, "Files under Corpus/cases that are not `.case` files (and so never run): " + string.Join(", ", strays));
        Assert.True(CorpusFiles.CaseNames().Count >= 45, "The corpus has lost cases");
    }

    /// <summary>What every diagnostic must satisfy, whatever the case expects.</summary>
    private static void CheckInvariants(Diagnostic diagnostic, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(diagnostic.Message) || diagnostic.Message.Contains("{0}", StringComparison.Ordinal))
            problems.Add($"{diagnostic.Id} has a malformed message: `{diagnostic.Message}`.");
        if (diagnostic.Location is { } location && (location.Span.Start < 0 || location.Span.End > location.Source.Length || location.Span.Length < 0))
            problems.Add($"{diagnostic.Id} has a span {location.Span} outside its file of {location.Source.Length} characters.");
    }

    private static string FailureReport(CorpusCase corpusCase, List<string> problems, IReadOnlyList<Diagnostic> actual)
    {
        var report = new StringBuilder();
        report.Append(corpusCase.Name).Append(".case failed:\n");
        foreach (var problem in problems)
            report.Append("  ").Append(problem).Append('\n');

        report.Append("\nActual diagnostics:\n");
        if (actual.Count == 0)
            report.Append("  (none)\n");
        foreach (var d in actual)
        {
            if (d.Location is { } l)
            {
                report.Append(CultureInfo.InvariantCulture, $"  {d.Id} {l.Path}:{l.Line}:{l.Column} {Quote(l.Source.ToString(l.Span))} {d.FullMessage}\n");
            }
            else
            {
                report.Append(CultureInfo.InvariantCulture, $"  {d.Id} (no location) {d.FullMessage}\n");
            }
        }

        var paste = actual.Where(d => d.Location is not null)
            .Select(d => (d.Id, d.Location!.Value.Path, d.Location!.Value.Span))
            .ToList();
        report.Append("\nThe case with the actual diagnostics, ready to paste into ")
            .Append(corpusCase.Name).Append(".case (check every span before you do):\n")
            .Append("----8<----\n")
            .Append(corpusCase.Render(paste))
            .Append("----8<----\n");
        return report.ToString();
    }

    private static string Describe(CorpusCase corpusCase, string path, TextSpan span)
    {
        var file = corpusCase.Files.FirstOrDefault(f => f.Path == path);
        if (file is null)
            return $"{path} {span}";
        var source = new SourceText(path, file.Text);
        var location = source.GetLocation(TextSpan.FromBounds(Math.Min(span.Start, source.Length), Math.Min(span.End, source.Length)));
        return $"{location} {Quote(source.ToString(location.Span))}";
    }

    private static string Quote(string text)
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal);
        if (escaped.Length > 60)
            escaped = escaped[..57] + "...";
        return $"\"{escaped}\"";
    }
}
