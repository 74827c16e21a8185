using BenchmarkDotNet.Attributes;
using StripeModelGen.Compiler;
using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Querying;
using StripeModelGen.Testing;

namespace StripeModelGen.Benchmarks;

/// <summary>
/// Compiling SQL from an already bound model: one saved query of the shipped model (bind, plan, lower and
/// write), one fanned-out query of the planner's test model, and every artifact of the shipped model, over
/// Sigma and over Fivetran (whose missing columns views leave out and artifacts are checked for).
/// </summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private BoundModel _stripe = null!;
    private BoundModel _stripeOverFivetran = null!;
    private BoundModel _planner = null!;
    private QueryRequest _topCustomers = null!;
    private QueryRequest _fannedOut = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stripe = Load(RepositoryRoot.Combine("models", "stripe"));
        _stripeOverFivetran = Load(RepositoryRoot.Combine("models", "stripe"), "fivetran");
        _planner = Load(RepositoryRoot.Combine("tests", "StripeModelGen.Snapshots.Tests", "Models", "planner"));
        _topCustomers = new QueryRequest(
            "charges", ["customers.id", "customers.email", "charges.currency", "charges.net_amount"], [KeyValuePair.Create("charges.customer_id", "-NULL")], ["charges.net_amount:desc"], 10, []);
        _fannedOut = new QueryRequest(
            "charges", ["refunds.reason", "charges.currency", "charges.gross", "refunds.total", "charges.net"], [KeyValuePair.Create("charges.created_date", "last 90 days")], [], null, []);
        if (Compilation.CompileQuery(_stripe, _topCustomers, "postgres").Artifact is null || Compilation.CompileQuery(_planner, _fannedOut, "postgres").Artifact is null)
            throw new InvalidOperationException("The benchmark queries do not compile");
    }

    [Benchmark]
    public QueryResult OneQuery() => Compilation.CompileQuery(_stripe, _topCustomers, "postgres");

    [Benchmark]
    public QueryResult OneFannedOutQuery() => Compilation.CompileQuery(_planner, _fannedOut, "postgres");

    [Benchmark]
    public CompileResult WholeShippedModel() => Compilation.Compile(_stripe, "postgres");

    [Benchmark]
    public CompileResult WholeShippedModelOverFivetran() => Compilation.Compile(_stripeOverFivetran, "postgres");

    private static BoundModel Load(string directory, string? source = null) =>
        Compilation.LoadDirectory(directory, new CompilationOptions(source)).Model ?? throw new InvalidOperationException($"{directory} does not load cleanly");
}
