using BenchmarkDotNet.Attributes;
using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Project;
using StripeModelGen.Compiler.Text;
using StripeModelGen.Testing;

namespace StripeModelGen.Benchmarks;

/// <summary>Loading the shipped Stripe model: from disk, and from files already in memory (parse and bind only).</summary>
[MemoryDiagnoser]
public class LoadModelBenchmarks
{
    private string _projectDirectory = string.Empty;
    private IReadOnlyList<SourceText> _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _projectDirectory = RepositoryRoot.Combine("models", "stripe");
        _files = ProjectDirectory.Read(_projectDirectory, new DiagnosticBag());
        var result = Compilation.Load(_files);
        if (result.HasErrors || result.Model is null)
            throw new InvalidOperationException("The shipped model does not load cleanly: " + string.Join("\n", result.Diagnostics));
    }

    [Benchmark(Baseline = true)]
    public CompilationResult ParseAndBind() => Compilation.Load(_files);

    [Benchmark]
    public CompilationResult ReadParseAndBind() => Compilation.LoadDirectory(_projectDirectory);
}
