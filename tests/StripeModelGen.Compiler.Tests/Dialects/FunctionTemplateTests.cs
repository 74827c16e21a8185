using StripeModelGen.Compiler.Binding;
using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Sql;
using StripeModelGen.Compiler.Tests.Testing;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>Every function template: PostgreSQL's spelled out, and every dialect file's writable for every arity and date part.</summary>
public sealed class FunctionTemplateTests
{
    private static string WriteAll(DialectSpec dialect)
    {
        var (needed, _) = DialectFunctions.After(dialect.Rewrites);
        return string.Join('\n', needed.Values
            .Where(shape => dialect.Functions[shape.Name].Unsupported is null)
            .SelectMany(shape => FunctionCalls.For(shape).Select(call => shape.Name + " | " + Dialect.Expression(call, dialect with { Rewrites = [] }))));
    }

    [Fact]
    public void Postgres_writes_each_function_of_the_catalogue_the_lowerer_and_its_rewrites_so()
    {
        Assert.Equal(
            """
            ABS | ABS("t"."n0")
            ARRAY_AGG | ARRAY_AGG("t"."n0")
            ARRAY_AGG_BY_ASC | ARRAY_AGG("t"."n0" ORDER BY "t"."n1")
            ARRAY_AGG_BY_DESC | ARRAY_AGG("t"."n0" ORDER BY "t"."n1" DESC)
            ARRAY_ELEMENT | ("t"."n0")["t"."n1"]
            AT_TIME_ZONE | (("t"."created" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin')
            AVG | AVG("t"."n0")
            BOOL_AND | BOOL_AND("t"."flag")
            BOOL_OR | BOOL_OR("t"."flag")
            CEIL | CEIL("t"."n0")
            COALESCE | COALESCE("t"."n0")
            COALESCE | COALESCE("t"."n0", "t"."n1")
            COALESCE | COALESCE("t"."n0", "t"."n1", "t"."n2")
            CONCAT | CONCAT("t"."n0")
            CONCAT | CONCAT("t"."n0", "t"."n1")
            CONCAT | CONCAT("t"."n0", "t"."n1", "t"."n2")
            COUNT | COUNT("t"."n0")
            CURRENT_DATE | CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATE)
            CURRENT_TIMESTAMP | (CURRENT_TIMESTAMP AT TIME ZONE 'UTC')
            DATE | CAST("t"."created" AS DATE)
            DATE_ADD | ("t"."created" + 2 * INTERVAL '1 second')
            DATE_ADD | ("t"."created" + 2 * INTERVAL '1 minute')
            DATE_ADD | ("t"."created" + 2 * INTERVAL '1 hour')
            DATE_ADD | ("t"."created" + 2 * INTERVAL '1 day')
            DATE_ADD | ("t"."created" + 2 * INTERVAL '1 week')
            DATE_ADD | ("t"."created" + 2 * INTERVAL '1 month')
            DATE_ADD | ("t"."created" + 2 * INTERVAL '3 months')
            DATE_ADD | ("t"."created" + 2 * INTERVAL '1 year')
            DATE_DIFF | TRUNC(EXTRACT(EPOCH FROM CAST("t"."ended" AS TIMESTAMP)) - EXTRACT(EPOCH FROM CAST("t"."created" AS TIMESTAMP)))
            DATE_DIFF | TRUNC((EXTRACT(EPOCH FROM CAST("t"."ended" AS TIMESTAMP)) - EXTRACT(EPOCH FROM CAST("t"."created" AS TIMESTAMP))) / 60)
            DATE_DIFF | TRUNC((EXTRACT(EPOCH FROM CAST("t"."ended" AS TIMESTAMP)) - EXTRACT(EPOCH FROM CAST("t"."created" AS TIMESTAMP))) / 3600)
            DATE_DIFF | TRUNC((EXTRACT(EPOCH FROM CAST("t"."ended" AS TIMESTAMP)) - EXTRACT(EPOCH FROM CAST("t"."created" AS TIMESTAMP))) / 86400)
            DATE_DIFF | TRUNC((EXTRACT(EPOCH FROM CAST("t"."ended" AS TIMESTAMP)) - EXTRACT(EPOCH FROM CAST("t"."created" AS TIMESTAMP))) / 604800)
            DATE_DIFF | (CASE WHEN "t"."created" <= "t"."ended" THEN ((EXTRACT(YEAR FROM "t"."ended") - EXTRACT(YEAR FROM "t"."created")) * 12 + EXTRACT(MONTH FROM "t"."ended") - EXTRACT(MONTH FROM "t"."created")) - CASE WHEN "t"."created" + ((EXTRACT(YEAR FROM "t"."ended") - EXTRACT(YEAR FROM "t"."created")) * 12 + EXTRACT(MONTH FROM "t"."ended") - EXTRACT(MONTH FROM "t"."created")) * INTERVAL '1 month' > "t"."ended" THEN 1 ELSE 0 END ELSE ((EXTRACT(YEAR FROM "t"."ended") - EXTRACT(YEAR FROM "t"."created")) * 12 + EXTRACT(MONTH FROM "t"."ended") - EXTRACT(MONTH FROM "t"."created")) + CASE WHEN "t"."ended" - ((EXTRACT(YEAR FROM "t"."ended") - EXTRACT(YEAR FROM "t"."created")) * 12 + EXTRACT(MONTH FROM "t"."ended") - EXTRACT(MONTH FROM "t"."created")) * INTERVAL '1 month' > "t"."created" THEN 1 ELSE 0 END END)
            DATE_DIFF | TRUNC((CASE WHEN "t"."created" <= "t"."ended" THEN ((EXTRACT(YEAR FROM "t"."ended") - EXTRACT(YEAR FROM "t"."created")) * 12 + EXTRACT(MONTH FROM "t"."ended") - EXTRACT(MONTH FROM "t"."created")) - CASE WHEN "t"."created" + ((EXTRACT(YEAR FROM "t"."ended") - EXTRACT(YEAR FROM "t"."created")) * 12 + EXTRACT(MONTH FROM "t"."ended") - EXTRACT(MONTH FROM "t"."created")) * INTERVAL '1 month' > "t"."ended" THEN 1 ELSE 0 END ELSE ((EXTRACT(YEAR FROM "t"."ended") - EXTRACT(YEAR FROM "t"."created")) * 12 + EXTRACT(MONTH FROM "t"."ended") - EXTRACT(MONTH FROM "t"."created")) + CASE WHEN "t"."ended" - ((EXTRACT(YEAR FROM "t"."ended") - EXTRACT(YEAR FROM "t"."created")) * 12 + EXTRACT(MONTH FROM "t"."ended") - EXTRACT(MONTH FROM "t"."created")) * INTERVAL '1 month' > "t"."created" THEN 1 ELSE 0 END END) / 3)
            DATE_DIFF | TRUNC((CASE WHEN "t"."created" <= "t"."ended" THEN ((EXTRACT(YEAR FROM "t"."ended") - EXTRACT(YEAR FROM "t"."created")) * 12 + EXTRACT(MONTH FROM "t"."ended") - EXTRACT(MONTH FROM "t"."created")) - CASE WHEN "t"."created" + ((EXTRACT(YEAR FROM "t"."ended") - EXTRACT(YEAR FROM "t"."created")) * 12 + EXTRACT(MONTH FROM "t"."ended") - EXTRACT(MONTH FROM "t"."created")) * INTERVAL '1 month' > "t"."ended" THEN 1 ELSE 0 END ELSE ((EXTRACT(YEAR FROM "t"."ended") - EXTRACT(YEAR FROM "t"."created")) * 12 + EXTRACT(MONTH FROM "t"."ended") - EXTRACT(MONTH FROM "t"."created")) + CASE WHEN "t"."ended" - ((EXTRACT(YEAR FROM "t"."ended") - EXTRACT(YEAR FROM "t"."created")) * 12 + EXTRACT(MONTH FROM "t"."ended") - EXTRACT(MONTH FROM "t"."created")) * INTERVAL '1 month' > "t"."created" THEN 1 ELSE 0 END END) / 12)
            DATE_PART | FLOOR(EXTRACT(SECOND FROM "t"."created"))
            DATE_PART | EXTRACT(MINUTE FROM "t"."created")
            DATE_PART | EXTRACT(HOUR FROM "t"."created")
            DATE_PART | EXTRACT(DAY FROM "t"."created")
            DATE_PART | EXTRACT(WEEK FROM "t"."created")
            DATE_PART | EXTRACT(MONTH FROM "t"."created")
            DATE_PART | EXTRACT(QUARTER FROM "t"."created")
            DATE_PART | EXTRACT(YEAR FROM "t"."created")
            DATE_TRUNC | DATE_TRUNC('second', CAST("t"."created" AS TIMESTAMP))
            DATE_TRUNC | DATE_TRUNC('minute', CAST("t"."created" AS TIMESTAMP))
            DATE_TRUNC | DATE_TRUNC('hour', CAST("t"."created" AS TIMESTAMP))
            DATE_TRUNC | DATE_TRUNC('day', CAST("t"."created" AS TIMESTAMP))
            DATE_TRUNC | DATE_TRUNC('week', CAST("t"."created" AS TIMESTAMP))
            DATE_TRUNC | DATE_TRUNC('month', CAST("t"."created" AS TIMESTAMP))
            DATE_TRUNC | DATE_TRUNC('quarter', CAST("t"."created" AS TIMESTAMP))
            DATE_TRUNC | DATE_TRUNC('year', CAST("t"."created" AS TIMESTAMP))
            DAY_OF_WEEK_NAME | CASE EXTRACT(ISODOW FROM "t"."created") WHEN 1 THEN 'Monday' WHEN 2 THEN 'Tuesday' WHEN 3 THEN 'Wednesday' WHEN 4 THEN 'Thursday' WHEN 5 THEN 'Friday' WHEN 6 THEN 'Saturday' WHEN 7 THEN 'Sunday' END
            DENSE_RANK | DENSE_RANK() OVER (PARTITION BY "t"."customer_id" ORDER BY "t"."created")
            EXP | EXP("t"."n0")
            FIRST_VALUE | FIRST_VALUE("t"."n0") OVER (PARTITION BY "t"."customer_id" ORDER BY "t"."created")
            FLOOR | FLOOR("t"."n0")
            FROM_ISO8601 | (CAST("t"."s0" AS TIMESTAMPTZ) AT TIME ZONE 'UTC')
            FROM_UNIXTIME | (TO_TIMESTAMP("t"."n0") AT TIME ZONE 'UTC')
            GREATEST | GREATEST("t"."n0", "t"."n1")
            GREATEST | GREATEST("t"."n0", "t"."n1", "t"."n2")
            GREATEST | GREATEST("t"."n0", "t"."n1", "t"."n2", "t"."n3")
            HASH_KEY | CAST(CAST('x' || SUBSTR(MD5(CAST("t"."n0" AS TEXT)), 1, 15) AS BIT(60)) AS BIGINT)
            JSON_NUMBER | CAST(CAST("t"."metadata" AS JSONB) ->> 'amount' AS NUMERIC)
            JSON_STRING | (CAST("t"."metadata" AS JSONB) ->> 'amount')
            LAG | LAG("t"."n0") OVER (PARTITION BY "t"."customer_id" ORDER BY "t"."created")
            LAG | LAG("t"."n0", 2) OVER (PARTITION BY "t"."customer_id" ORDER BY "t"."created")
            LAG | LAG("t"."n0", 2, "t"."n2") OVER (PARTITION BY "t"."customer_id" ORDER BY "t"."created")
            LAST_VALUE | LAST_VALUE("t"."n0") OVER (PARTITION BY "t"."customer_id" ORDER BY "t"."created")
            LEAD | LEAD("t"."n0") OVER (PARTITION BY "t"."customer_id" ORDER BY "t"."created")
            LEAD | LEAD("t"."n0", 2) OVER (PARTITION BY "t"."customer_id" ORDER BY "t"."created")
            LEAD | LEAD("t"."n0", 2, "t"."n2") OVER (PARTITION BY "t"."customer_id" ORDER BY "t"."created")
            LEAST | LEAST("t"."n0", "t"."n1")
            LEAST | LEAST("t"."n0", "t"."n1", "t"."n2")
            LEAST | LEAST("t"."n0", "t"."n1", "t"."n2", "t"."n3")
            LENGTH | LENGTH("t"."s0")
            LN | LN("t"."n0")
            LOWER | LOWER("t"."s0")
            MAX | MAX("t"."n0")
            MEDIAN | PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "t"."n0")
            MIN | MIN("t"."n0")
            MOD | MOD("t"."n0", "t"."n1")
            NTH_VALUE | NTH_VALUE("t"."n0", 2) OVER (PARTITION BY "t"."customer_id" ORDER BY "t"."created")
            NULLIF | NULLIF("t"."n0", "t"."n1")
            PERCENTILE | PERCENTILE_CONT(90 / 100.0) WITHIN GROUP (ORDER BY "t"."n0")
            POWER | POWER("t"."n0", "t"."n1")
            RANK | RANK() OVER (PARTITION BY "t"."customer_id" ORDER BY "t"."created")
            REPLACE | REPLACE("t"."s0", '_', '_')
            ROUND | ROUND(CAST("t"."n0" AS NUMERIC))
            ROUND | ROUND(CAST("t"."n0" AS NUMERIC), 2)
            ROW_NUMBER | ROW_NUMBER() OVER (PARTITION BY "t"."customer_id" ORDER BY "t"."created")
            SIGN | SIGN("t"."n0")
            SPLIT_PART | SPLIT_PART("t"."s0", '_', 3)
            SQRT | SQRT("t"."n0")
            STARTS_WITH | STARTS_WITH("t"."s0", '_')
            SUBSTRING | SUBSTR("t"."s0", 2)
            SUBSTRING | SUBSTR("t"."s0", 2, 3)
            SUM | SUM("t"."n0")
            TRIM | TRIM("t"."s0")
            UPPER | UPPER("t"."s0")
            """,
            WriteAll(Dialect.Postgres));
    }

    public static TheoryData<string> DialectFiles => [.. Dialect.RepositoryFiles];

    [Theory]
    [MemberData(nameof(DialectFiles))]
    public void Every_dialect_file_writes_every_function_it_must_know_without_diagnostics(string file)
    {
        var diagnostics = new DiagnosticBag();
        var dialects = DialectCatalog.LoadDirectory(RepositoryRoot.Combine("dialects"), diagnostics);
        var dialect = dialects[DialectFileReader.ExpectedName(file)];

        Assert.NotEmpty(WriteAll(dialect));
    }

    /// <summary>
    /// Every function of every dialect file, each arity and date part, as the dialect writes it, against
    /// <c>Functions/&lt;dialect&gt;.txt</c> (rewritten with <c>SMG_UPDATE_SNAPSHOTS=1</c>): the listing to review
    /// when a template changes. Functions a dialect marks unsupported are listed with their reason.
    /// </summary>
    [Theory]
    [MemberData(nameof(DialectFiles))]
    public void Every_function_of_every_dialect_is_written_as_its_listing_says(string file)
    {
        var dialect = Dialect.Of(file);
        var (needed, _) = DialectFunctions.After(dialect.Rewrites);
        var unsupported = needed.Keys.Where(n => dialect.Functions[n].Unsupported is not null).Select(n => $"{n} | unsupported: {dialect.Functions[n].Unsupported}");
        var actual = $"# Every function dialect `{dialect.Name}` writes ({dialect.Title} {dialect.Versions}), after its rewrites; regenerate with SMG_UPDATE_SNAPSHOTS=1.\n"
            + string.Join('\n', WriteAll(dialect).Split('\n').Concat(unsupported).Order(StringComparer.Ordinal)) + "\n";
        var path = RepositoryRoot.Combine("tests", "StripeModelGen.Compiler.Tests", "Dialects", "Functions", dialect.Name + ".txt");
        var expected = File.Exists(path) ? File.ReadAllText(path) : null;
        if (expected == actual)
            return;
        if (Environment.GetEnvironmentVariable("SMG_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_function_reaching_the_writer_is_in_the_catalogue_the_lowerer_or_a_rewrite()
    {
        var expected = FunctionCatalog.WrittenNames
            .Concat([SqlFunctions.AtTimeZone, SqlFunctions.DayOfWeekName, SqlFunctions.HashKey])
            .Except(["MAX_BY", "MIN_BY"])
            .Concat(["ARRAY_AGG", "ARRAY_AGG_BY_ASC", "ARRAY_AGG_BY_DESC", "ARRAY_ELEMENT"])
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, Dialect.Postgres.Functions.Keys);
    }

    [Fact]
    public void Templates_choose_the_variant_of_the_call()
    {
        Assert.Equal("(\"d\" + 3 * INTERVAL '3 months')", Dialect.Expression(Fn("DATE_ADD", Part(DatePart.Quarter), Num(3), Col("d"))));
        Assert.Equal("ROUND(CAST(\"x\" AS NUMERIC))", Dialect.Expression(Fn("ROUND", Col("x"))));
        Assert.Equal("ROUND(CAST(\"x\" AS NUMERIC), 2)", Dialect.Expression(Fn("ROUND", Col("x"), Num(2))));
        Assert.Equal("COUNT(*)", Dialect.Expression(new SqlFunction("COUNT", [], Star: true)));
        Assert.Equal("SUM(DISTINCT \"x\")", Dialect.Expression(new SqlFunction("SUM", [Col("x")], Distinct: true)));
    }
}
