namespace StripeModelGen.Compiler.Binding;

public sealed record BoundModel;
