using System.Collections.Immutable;

namespace StripeModelGen.Compiler.Querying;

/// <summary>An ad-hoc query as the command line states it: names and filter expressions as text.</summary>
public sealed record QueryRequest(
    string Explore,
    ImmutableArray<string> Fields,
    ImmutableArray<KeyValuePair<string, string>> Filters,
    ImmutableArray<string> Sorts,
    int? Limit,
    ImmutableArray<string> Pivots);
