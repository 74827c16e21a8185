using System.Collections.Immutable;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Sql.Rewrites;

namespace StripeModelGen.Compiler.Tests.Dialects.Rewrites;

internal static class RewriteAssert
{
    /// <summary>PostgreSQL without its rewrites, and with MAX_BY / MIN_BY spelled as the engines that have them do.</summary>
    private static readonly Lazy<DialectSpec> Writer = new(() => Dialect.PostgresPlain with
    {
        Functions = Dialect.Postgres.Functions
            .Add("MAX_BY", Template("MAX_BY", "MAX_BY({0}, {1})"))
            .Add("MIN_BY", Template("MIN_BY", "MIN_BY({0}, {1})"))
            .Add("PERCENTILE_CONT", Template("PERCENTILE_CONT", "PERCENTILE_CONT({1}) WITHIN GROUP (ORDER BY {0})"))
            .Add("PERCENTILE_OF_ARRAY", Template("PERCENTILE_OF_ARRAY", "PERCENTILE_OF_ARRAY({0}, {1})")),
    });

    private static FunctionTemplate Template(string name, string text) =>
        new(name, SqlTemplate.Parse(text, (_, _, m) => throw new InvalidOperationException(m)), ImmutableSortedDictionary<int, SqlTemplate>.Empty, ImmutableSortedDictionary<Compiler.Binding.DatePart, SqlTemplate>.Empty, WindowUse.Allowed);

    /// <summary>The expression of <c>SELECT x AS "x"</c> after <paramref name="rewrite"/>, written by PostgreSQL without its own rewrites.</summary>
    public static string Rewritten(SqlRewrite rewrite, SqlExpression expression)
    {
        var statement = rewrite.Apply(Ast.SelectExpression(expression));
        return Dialect.Expression(((SqlSelect)((SqlQueryStatement)statement).Query).Columns[0].Expression, Writer.Value);
    }

    /// <summary>The whole statement after <paramref name="rewrite"/>, written by PostgreSQL without its own rewrites.</summary>
    public static string Rewritten(SqlRewrite rewrite, SqlStatement statement) => Dialect.Write(rewrite.Apply(statement), Writer.Value);

    /// <summary>Applying <paramref name="rewrite"/> to a statement it has nothing to do in returns the very same instance.</summary>
    public static void Untouched(SqlRewrite rewrite, SqlStatement statement) => Assert.Same(statement, rewrite.Apply(statement));

    /// <summary>Applying <paramref name="rewrite"/> to a tree it has nothing to do in returns the very same instance.</summary>
    public static void Untouched(SqlRewrite rewrite, SqlExpression expression)
    {
        var statement = Ast.SelectExpression(expression);
        Assert.Same(statement, rewrite.Apply(statement));
    }
}
