using System.Collections.Immutable;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Sql;

namespace StripeModelGen.Compiler.Emit;

/// <summary>Writes SQL statements in a named dialect, from the dialect files shipped with the compiler.</summary>
internal static class SqlRendering
{
    public static ImmutableArray<string> Dialects => [.. DialectCatalog.Names];

    public static bool CheckDialect(string dialect, DiagnosticBag diagnostics)
    {
        if (Dialects.Contains(dialect))
            return true;
        diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownDialect, null, dialect, Dialects, dialect);
        return false;
    }

    public static string Write(SqlStatement statement, string dialect, DiagnosticBag diagnostics) =>
        SqlWriter.Write(statement, DialectCatalog.Get(dialect), diagnostics) ?? string.Empty;

    /// <summary>
    /// The bind parameters as the manifest lists them: the query's names for a dialect that binds by name;
    /// for one that binds by position (Trino's <c>?</c>) a name per <c>?</c>, in the order of the text, which
    /// is each name once when the dialect binds repeated parameters once (<c>ParametersBoundOnce</c>).
    /// </summary>
    public static ImmutableArray<string> Parameters(SqlStatement statement, string dialect, ImmutableArray<string> named)
    {
        var spec = DialectCatalog.Get(dialect);
        return spec.PositionalParameters ? SqlWriter.WriteWithParameters(statement, spec, new DiagnosticBag()).Parameters : named;
    }
}
