using System.Collections.Immutable;
using System.Text;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Corpus;

/// <summary>One expected diagnostic: its id, where its span is marked, and optionally text its message must contain.</summary>
public sealed record CorpusExpectation(string Id, string Path, TextSpan Span, string? MessageContains);

/// <summary>One file of a case, markers removed.</summary>
public sealed record CorpusFile(string Path, string Text, ImmutableArray<TextSpan> Marks);

/// <summary>
/// A broken-model case (see Corpus/README.md for the format): header lines, then files, each
/// introduced by <c>--- path.yml</c>, with one <c>[|...|]</c> mark per expected diagnostic.
/// </summary>
public sealed record CorpusCase(
    string Name,
    ImmutableArray<string> Notes,
    bool CrLf,
    bool HasDefaultProject,
    ImmutableArray<CorpusFile> Files,
    ImmutableArray<CorpusExpectation> Expected)
{
    public const string DefaultProjectText = "name: test\n";

    private const string ExpectPrefix = "# expect:";
    private const string NotePrefix = "# note:";
    private const string LineEndingsPrefix = "# line-endings:";

    public static CorpusCase Parse(string name, string caseText)
    {
        var lines = caseText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
            lines = lines[..^1];

        var notes = ImmutableArray.CreateBuilder<string>();
        var expects = new List<(string Id, string? Contains)>();
        var expectNone = false;
        var crlf = false;
        var index = 0;
        for (; index < lines.Length && !IsFileHeader(lines[index], out _); index++)
        {
            var line = lines[index].TrimEnd();
            if (line.Length == 0)
                continue;
            if (line.StartsWith(ExpectPrefix, StringComparison.Ordinal))
            {
                var rest = line[ExpectPrefix.Length..].Trim();
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                var id = space < 0 ? rest : rest[..space];
                var contains = space < 0 ? null : rest[(space + 1)..].Trim();
                if (id == "none")
                {
                    expectNone = true;
                    continue;
                }
                if (id.Length != 7 || !id.StartsWith("SMG", StringComparison.Ordinal) || !id[3..].All(char.IsAsciiDigit))
                    throw Format(name, index, $"`{id}` is not a diagnostic id (SMG####) or `none`");
                expects.Add((id, string.IsNullOrEmpty(contains) ? null : contains));
            }
            else if (line.StartsWith(NotePrefix, StringComparison.Ordinal))
            {
                notes.Add(line[NotePrefix.Length..].Trim());
            }
            else if (line.StartsWith(LineEndingsPrefix, StringComparison.Ordinal))
            {
                var value = line[LineEndingsPrefix.Length..].Trim();
                crlf = value switch
                {
                    "crlf" => true,
                    "lf" => false,
                    _ => throw Format(name, index, $"line endings are `lf` or `crlf`, not `{value}`"),
                };
            }
            else
            {
                throw Format(name, index, "before the first `--- file.yml` line, only `# expect:`, `# note:`, `# line-endings:` and blank lines are allowed");
            }
        }
        if (expectNone && expects.Count > 0)
            throw Format(name, 0, "`# expect: none` cannot be combined with other `# expect:` lines");
        if (!expectNone && expects.Count == 0)
            throw Format(name, 0, "a case needs `# expect: SMG####` lines, or `# expect: none` for a model that loads clean");
        if (index == lines.Length)
            throw Format(name, index, "a case needs at least one file, introduced by a line `--- path.yml`");

        var files = ImmutableArray.CreateBuilder<CorpusFile>();
        while (index < lines.Length)
        {
            IsFileHeader(lines[index], out var path);
            if (files.Any(f => f.Path == path))
                throw Format(name, index, $"file `{path}` appears twice");
            var content = new List<string>();
            for (index++; index < lines.Length && !IsFileHeader(lines[index], out _); index++)
                content.Add(lines[index]);
            files.Add(ParseFile(name, path, content, crlf));
        }

        var hasDefaultProject = !files.Any(f => f.Path == "project.yml");
        if (hasDefaultProject)
            files.Insert(0, new CorpusFile("project.yml", crlf ? DefaultProjectText.Replace("\n", "\r\n", StringComparison.Ordinal) : DefaultProjectText, []));

        var marks = files
            .SelectMany(f => f.Marks.Select(span => (f.Path, Span: span)))
            .OrderBy(m => m.Path, StringComparer.Ordinal)
            .ThenBy(m => m.Span.Start)
            .ThenBy(m => m.Span.End)
            .ToList();
        if (marks.Count != expects.Count)
        {
            throw Format(name, 0, $"{expects.Count} `# expect:` line(s) but {marks.Count} `[|...|]` mark(s); "
                + "mark exactly one span per expected diagnostic (`[||]` for an empty span)");
        }
        var expected = expects.Zip(marks, (e, m) => new CorpusExpectation(e.Id, m.Path, m.Span, e.Contains)).ToImmutableArray();
        return new CorpusCase(name, notes.ToImmutable(), crlf, hasDefaultProject, files.ToImmutable(), expected);
    }

    public IReadOnlyList<SourceText> ToSourceTexts() => [.. Files.Select(f => new SourceText(f.Path, f.Text))];

    /// <summary>
    /// The case file as it would read with <paramref name="diagnostics"/> as its expectations: notes kept,
    /// one <c># expect:</c> line per diagnostic, and each diagnostic's span marked in the file texts.
    /// </summary>
    public string Render(IReadOnlyList<(string Id, string Path, TextSpan Span)> diagnostics)
    {
        var builder = new StringBuilder();
        if (diagnostics.Count == 0)
            builder.Append("# expect: none\n");
        foreach (var d in diagnostics)
            builder.Append("# expect: ").Append(d.Id).Append('\n');
        foreach (var note in Notes)
            builder.Append("# note: ").Append(note).Append('\n');
        if (CrLf)
            builder.Append("# line-endings: crlf\n");
        foreach (var file in Files)
        {
            if (HasDefaultProject && file.Path == "project.yml")
                continue;
            builder.Append("--- ").Append(file.Path).Append('\n');
            var marked = InsertMarks(file.Text, [.. diagnostics.Where(d => d.Path == file.Path).Select(d => d.Span)]);
            builder.Append(marked.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        return builder.ToString();
    }

    private static CorpusFile ParseFile(string name, string path, List<string> lines, bool crlf)
    {
        var raw = lines.Count == 0 ? string.Empty : string.Join(crlf ? "\r\n" : "\n", lines) + (crlf ? "\r\n" : "\n");
        var text = new StringBuilder(raw.Length);
        var open = new Stack<int>();
        var marks = ImmutableArray.CreateBuilder<TextSpan>();
        for (var i = 0; i < raw.Length; i++)
        {
            // `[|]` inside an open mark is a `[` followed by the closing `|]`, so `[|[|]` marks one `[`.
            var closesAfterBracket = open.Count > 0 && i + 2 < raw.Length && raw[i + 1] == '|' && raw[i + 2] == ']';
            if (raw[i] == '[' && i + 1 < raw.Length && raw[i + 1] == '|' && !closesAfterBracket)
            {
                open.Push(text.Length);
                i++;
            }
            else if (raw[i] == '|' && i + 1 < raw.Length && raw[i + 1] == ']' && open.Count > 0)
            {
                marks.Add(TextSpan.FromBounds(open.Pop(), text.Length));
                i++;
            }
            else
            {
                text.Append(raw[i]);
            }
        }
        if (open.Count > 0)
            throw new FormatException($"{name}: file `{path}` has a `[|` without its `|]`");

        // A file ends with exactly one line break: blank lines before the next `---` only separate files,
        // and a `[||]` alone on the last line marks the end of the file.
        var newline = crlf ? "\r\n" : "\n";
        var s = text.ToString();
        while (s.EndsWith(newline + newline, StringComparison.Ordinal))
            s = s[..^newline.Length];
        if (s == newline && lines.All(l => l.Length == 0))
            s = string.Empty;
        var clamped = marks.Select(m => TextSpan.FromBounds(Math.Min(m.Start, s.Length), Math.Min(m.End, s.Length))).ToImmutableArray();
        return new CorpusFile(path, s, clamped);
    }

    private static bool IsFileHeader(string line, out string path)
    {
        path = string.Empty;
        if (!line.StartsWith("--- ", StringComparison.Ordinal))
            return false;
        var candidate = line[4..].TrimEnd();
        if (candidate.Length == 0 || candidate.Contains(' ', StringComparison.Ordinal)
            || !(candidate.EndsWith(".yml", StringComparison.Ordinal) || candidate.EndsWith(".yaml", StringComparison.Ordinal)))
            return false;
        path = candidate;
        return true;
    }

    private static string InsertMarks(string text, IReadOnlyList<TextSpan> spans)
    {
        // Events at one position: closers first (innermost first), then empty marks, then openers (outermost first).
        var events = new List<(int Position, int Order, int Tie, string Marker)>();
        foreach (var span in spans)
        {
            if (span.Length == 0)
            {
                events.Add((span.Start, 1, 0, "[||]"));
                continue;
            }
            events.Add((span.Start, 2, -span.End, "[|"));
            events.Add((span.End, 0, -span.Start, "|]"));
        }
        var builder = new StringBuilder(text.Length + (events.Count * 2));
        var next = 0;
        foreach (var e in events.OrderBy(e => e.Position).ThenBy(e => e.Order).ThenBy(e => e.Tie))
        {
            var position = Math.Clamp(e.Position, 0, text.Length);
            builder.Append(text, next, position - next).Append(e.Marker);
            next = position;
        }
        builder.Append(text, next, text.Length - next);
        return builder.ToString();
    }

    private static FormatException Format(string name, int lineIndex, string message) =>
        new($"{name}.case line {lineIndex + 1}: {message}");
}
