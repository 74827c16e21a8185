using StripeModelGen.Compiler.Text;

namespace StripeModelGen.Compiler.Tests.Binding;

/// <summary>Loads a small in-memory project: <c>project.yml</c> plus the given model files.</summary>
internal static class ModelBuilder
{
    public static CompilationResult Load(string models, string project = "name: test\n", CompilationOptions? options = null) =>
        Compilation.Load([new SourceText("project.yml", project), new SourceText("model.yml", models)], options);

    public static string Describe(CompilationResult result) => string.Join("\n", result.Diagnostics);
}
