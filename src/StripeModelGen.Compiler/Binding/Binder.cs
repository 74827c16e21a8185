using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Syntax;

namespace StripeModelGen.Compiler.Binding;

public static class Binder
{
    public static BoundModel Bind(ModelSyntax syntax, CompilationOptions options, DiagnosticBag diagnostics) => new();
}
