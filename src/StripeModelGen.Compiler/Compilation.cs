using System.Collections.Immutable;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Emit;
using StripeModelGen.Compiler.Project;
using StripeModelGen.Compiler.Querying;
using StripeModelGen.Compiler.Syntax;
using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler;

/// <summary>What a command asks of a project beyond its files: the source to read and constant overrides.</summary>
public sealed record CompilationOptions(string? Source = null, ImmutableSortedDictionary<string, string>? Constants = null)
{
    public static readonly CompilationOptions Default = new();
}

/// <summary>The result of loading a project: its syntax, its bound model (null when the model has errors) and every diagnostic, sorted.</summary>
public sealed record CompilationResult(ModelSyntax? Syntax, BoundModel? Model, ImmutableArray<Diagnostic> Diagnostics, int FileCount)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public int ErrorCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
}

/// <summary>What compiling produced: the artifacts (null when there were errors) and every diagnostic, warnings included.</summary>
public sealed record CompileResult(CompiledProject? Project, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>What <c>dbt</c> produced: the dbt project (null when there were errors) and every diagnostic, warnings included.</summary>
public sealed record DbtResult(Emit.Dbt.DbtProject? Project, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>An ad-hoc query's artifact (null when there were errors) and its diagnostics.</summary>
public sealed record QueryResult(CompiledArtifact? Artifact, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// The façade over the pipeline: files → syntax → bound model (<see cref="LoadDirectory"/>, <see cref="Load"/>),
/// then bound model → SQL artifacts for a dialect (<see cref="Compile"/>, <see cref="CompileQuery"/>, <see cref="CompileDbt"/>),
/// optionally as of a given instant instead of the database's clock.
/// </summary>
public static class Compilation
{
    /// <summary>The dialects SQL can be written for, in a stable order.</summary>
    public static ImmutableArray<string> Dialects => SqlRendering.Dialects;

    /// <summary>
    /// Every view, tile and saved query of the model, for one dialect, over the model's selected source. With
    /// <paramref name="asOf"/> (<c>--as-of</c>, see <see cref="Sql.AsOf"/>), the SQL reads that instant instead of
    /// the database's clock (<see cref="Sql.LoweringContext.AsOf"/>); the same holds for every method here.
    /// </summary>
    public static CompileResult Compile(BoundModel model, string dialect, DateTimeOffset? asOf = null)
    {
        var diagnostics = new DiagnosticBag();
        if (!SqlRendering.CheckDialect(dialect, diagnostics))
            return new CompileResult(null, diagnostics.ToImmutableSorted());
        var project = ProjectCompiler.Compile(model, dialect, model.Project.DefaultSource, s => SqlRendering.Write(s, dialect, diagnostics), diagnostics, asOf);
        return new CompileResult(diagnostics.HasErrors ? null : project, diagnostics.ToImmutableSorted());
    }

    /// <summary>The dbt project of the model (sources, staging models, a model per view, saved query, tile and MRR query, tests), for one dialect, over the model's selected source.</summary>
    public static DbtResult CompileDbt(BoundModel model, string dialect, DateTimeOffset? asOf = null)
    {
        var diagnostics = new DiagnosticBag();
        var project = Emit.Dbt.DbtProjectCompiler.Compile(model, dialect, diagnostics, asOf);
        return new DbtResult(diagnostics.HasErrors ? null : project, diagnostics.ToImmutableSorted());
    }

    /// <summary>One ad-hoc query, for one dialect.</summary>
    public static QueryResult CompileQuery(BoundModel model, QueryRequest request, string dialect, DateTimeOffset? asOf = null)
    {
        var diagnostics = new DiagnosticBag();
        if (!SqlRendering.CheckDialect(dialect, diagnostics) || QueryBinder.ForRequest(model, request, diagnostics) is not { } query)
            return new QueryResult(null, diagnostics.ToImmutableSorted());
        var context = Sql.LoweringContext.For(model, model.Project.DefaultSource, dialect, asOf);
        var artifact = ProjectCompiler.CompileQuery(query, context, s => SqlRendering.Write(s, dialect, diagnostics), diagnostics);
        return new QueryResult(diagnostics.HasErrors ? null : artifact, diagnostics.ToImmutableSorted());
    }

    public static CompilationResult LoadDirectory(string projectDirectory, CompilationOptions? options = null)
    {
        var diagnostics = new DiagnosticBag();
        var files = ProjectDirectory.Read(projectDirectory, diagnostics);
        return Load(files, options, diagnostics, fileCount: files.Length);
    }

    /// <summary>Loads files already in memory (paths relative to the project, the project file named <c>project.yml</c>).</summary>
    public static CompilationResult Load(IReadOnlyList<SourceText> files, CompilationOptions? options = null) =>
        Load(files, options, new DiagnosticBag(), files.Count);

    private static CompilationResult Load(IReadOnlyList<SourceText> files, CompilationOptions? options, DiagnosticBag diagnostics, int fileCount)
    {
        ProjectSyntax? project = null;
        var modelFiles = ImmutableArray.CreateBuilder<ModelFileSyntax>();
        foreach (var file in files)
        {
            if (file.Path == ModelFileNames.ProjectFile)
                project = ModelFileReader.ReadProject(file, diagnostics);
            else
                modelFiles.Add(ModelFileReader.ReadModelFile(file, diagnostics));
        }
        var syntax = new ModelSyntax(project, modelFiles.ToImmutable());
        if (diagnostics.HasErrors)
            return new CompilationResult(syntax, null, diagnostics.ToImmutableSorted(), fileCount);
        var model = Binder.Bind(syntax, options ?? CompilationOptions.Default, diagnostics);
        return new CompilationResult(syntax, diagnostics.HasErrors ? null : model, diagnostics.ToImmutableSorted(), fileCount);
    }
}
