namespace StripeModelGen.Compiler.Project;

public static class ModelFileNames
{
    public const string ProjectFile = "project.yml";

    public static bool IsModelFile(string fileName) =>
        fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
}
