using StripeModelGen.Compiler.Sql.Rewrites;

namespace StripeModelGen.Compiler.Sql;

/// <summary>
/// What a lowered statement or expression reads that the selected source does not have: the tables and
/// columns lowering marked as <see cref="SqlMissingTable"/> and <see cref="SqlMissingColumn"/>. An artifact
/// with a gap is reported unavailable for the source instead of being written.
/// </summary>
public static class SourceGaps
{
    /// <summary>The first gap of the statement, described for a message ("column `x` of table `t`"); null when there is none.</summary>
    public static string? First(SqlStatement statement)
    {
        var finder = new Finder();
        finder.Apply(statement);
        return finder.Found;
    }

    /// <summary>The first gap of an expression; null when there is none.</summary>
    public static string? First(SqlExpression expression) =>
        expression is SqlMissingColumn column ? Describe(column) : expression.Children.Select(First).FirstOrDefault(g => g is not null);

    private static string Describe(SqlMissingColumn column) => $"column `{column.Column}` of table `{column.Table}`";

    private static string Describe(SqlMissingTable table) => $"table `{table.Table}`";

    private sealed class Finder : SqlTreeRewriter
    {
        public string? Found { get; private set; }

        public override string Name => nameof(SourceGaps);

        public override string Description => "Finds what the source does not have (changes nothing).";

        protected override SqlExpression RewriteNode(SqlExpression node)
        {
            if (node is SqlMissingColumn column)
                Found ??= Describe(column);
            return node;
        }

        protected override SqlSource RewriteSourceNode(SqlSource source)
        {
            if (source is SqlMissingTable table)
                Found ??= Describe(table);
            return source;
        }
    }
}
