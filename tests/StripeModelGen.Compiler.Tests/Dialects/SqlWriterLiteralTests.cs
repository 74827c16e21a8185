using StripeModelGen.Compiler.Diagnostics;
using StripeModelGen.Compiler.Dialects;
using StripeModelGen.Compiler.Sql;
using static StripeModelGen.Compiler.Tests.Dialects.Ast;

namespace StripeModelGen.Compiler.Tests.Dialects;

/// <summary>Literals, identifiers and parameters: escaped by the dialect's rules, so no value can end its token early.</summary>
public sealed class SqlWriterLiteralTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("''", "''''''")]
    [InlineData("'; DROP TABLE charges; --", "'''; DROP TABLE charges; --'")]
    [InlineData("C:\\temp\\", "'C:\\temp\\'")]
    [InlineData("\\'", "'\\'''")]
    [InlineData("line\nbreak\ttab", "'line\nbreak\ttab'")]
    [InlineData("Zürich 東京 🚀", "'Zürich 東京 🚀'")]
    [InlineData("", "''")]
    public void Strings_double_their_quotes_and_keep_backslashes_on_postgres(string value, string expected) =>
        Assert.Equal(expected, Dialect.Expression(Str(value)));

    [Fact]
    public void A_dialect_whose_backslash_escapes_doubles_it_and_a_prefix_is_written()
    {
        var snowflakeLike = Dialect.PostgresPlain with { Strings = new StringLiteralRules("N", "'", "''", EscapeBackslash: true) };

        Assert.Equal("N'a\\\\''b'", Dialect.Expression(Str("a\\'b"), snowflakeLike));
    }

    [Theory]
    [InlineData(0, "the character NUL")]
    [InlineData(0xD800, "a lone surrogate (not valid Unicode)")]
    [InlineData(0xDFFF, "a lone surrogate (not valid Unicode)")]
    public void Text_no_engine_can_store_is_an_error(int character, string what)
    {
        var value = "bad " + (char)character + " text";
        var diagnostic = Assert.Single(Dialect.Errors(SelectExpression(Str(value)), Dialect.Postgres));

        Assert.Equal("SMG4022", diagnostic.Id);
        Assert.Equal($"A string literal contains {what}, which dialect `postgres` cannot represent", diagnostic.Message);
        Assert.Null(diagnostic.Location);
    }

    [Fact]
    public void Errors_are_reported_at_the_location_the_caller_gives()
    {
        var source = new Text.SourceText("views/charges.view.yml", "measures: x");
        var location = source.GetLocation(new Text.TextSpan(10, 1));
        var diagnostics = new DiagnosticBag();

        Assert.Null(SqlWriter.Write(SelectExpression(Str("\0")), Dialect.Postgres, diagnostics, location));
        Assert.Equal("views/charges.view.yml:1:11", Assert.Single(diagnostics.ToImmutableSorted()).Location.ToString());
    }

    [Theory]
    [InlineData("amount", "\"amount\"")]
    [InlineData("Amount", "\"Amount\"")]
    [InlineData("order", "\"order\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("\"; DROP TABLE x; --", "\"\"\"; DROP TABLE x; --\"")]
    [InlineData("naïve 列", "\"naïve 列\"")]
    public void Identifiers_are_always_quoted_with_the_quote_doubled(string name, string expected) =>
        Assert.Equal(expected, Dialect.Expression(Col(name)));

    [Fact]
    public void Qualified_names_quote_each_part()
    {
        Assert.Equal("\"my schema\".\"charges\"", Dialect.Expression(Col("my schema", "charges")));
        Assert.Contains("FROM \"db\".\"sch\".\"t\" AS \"x\"", Dialect.Write(Statement(Select(Item(Num(1), "a")).From(new SqlTable("db", "sch", "t", "x"))), Dialect.Postgres), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, "a name cannot be empty")]
    [InlineData(0, "it contains the character NUL")]
    [InlineData(0xDC00, "it is not valid Unicode (a lone surrogate)")]
    public void Names_no_engine_can_hold_are_errors(int character, string problem)
    {
        var name = character < 0 ? string.Empty : "a" + (char)character;
        var diagnostic = Assert.Single(Dialect.Errors(SelectExpression(Col(name)), Dialect.Postgres));

        Assert.Equal("SMG4023", diagnostic.Id);
        Assert.EndsWith(problem, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_engine_would_cut_are_errors_counted_in_its_unit()
    {
        var sixtyThreeBytes = new string('a', 61) + "é";
        Assert.Equal("\"" + sixtyThreeBytes + "\"", Dialect.Expression(Col(sixtyThreeBytes)));

        var sixtyFourBytes = new string('a', 62) + "é";
        var diagnostic = Assert.Single(Dialect.Errors(SelectExpression(Col(sixtyFourBytes)), Dialect.Postgres));
        Assert.Equal("SMG4023", diagnostic.Id);
        Assert.EndsWith("it is longer than 63 bytes, and the engine would silently cut it", diagnostic.Message, StringComparison.Ordinal);

        var byCharacters = Dialect.Postgres with { Identifiers = Dialect.Postgres.Identifiers with { MaxLengthUnit = LengthUnit.Characters } };
        Assert.Equal("\"" + sixtyFourBytes + "\"", Dialect.Expression(Col(sixtyFourBytes), byCharacters));
    }

    [Fact]
    public void A_dialect_with_different_opening_and_closing_quotes_escapes_the_closing_one()
    {
        var brackets = Dialect.PostgresPlain with { Identifiers = Dialect.Postgres.Identifiers with { Open = "[", Close = "]", EscapedClose = "]]" } };

        Assert.Equal("SELECT\n  [a]]b[c] AS [x];\n", Dialect.Write(SelectExpression(Col("a]b[c")), brackets));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("1.50", "1.50")]
    [InlineData("0.0001", "0.0001")]
    public void Decimals_are_written_invariantly_with_their_scale(string value, string expected) =>
        Assert.Equal(expected, Dialect.Expression(Num(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void Other_number_types_are_written_invariantly_and_non_finite_ones_are_errors()
    {
        Assert.Equal("79228162514264337593543950335", Dialect.Expression(Num(decimal.MaxValue)));
        Assert.Equal("1E+30", Dialect.Expression(new SqlLiteral(SqlLiteralKind.Number, 1e30)));
        Assert.Equal("0.1", Dialect.Expression(new SqlLiteral(SqlLiteralKind.Number, 0.1)));
        Assert.Equal("-5", Dialect.Expression(new SqlLiteral(SqlLiteralKind.Number, -5L)));
        Assert.Equal("SMG4025", Assert.Single(Dialect.Errors(SelectExpression(new SqlLiteral(SqlLiteralKind.Number, double.NaN)), Dialect.Postgres)).Id);
        Assert.Equal("SMG4025", Assert.Single(Dialect.Errors(SelectExpression(new SqlLiteral(SqlLiteralKind.Number, double.PositiveInfinity)), Dialect.Postgres)).Id);
    }

    [Fact]
    public void Number_formatting_ignores_the_current_culture()
    {
        var written = Cli.CliHarness.WithCulture(Cli.CliHarness.Culture("de-DE"), () =>
            (Dialect.Expression(Num(1.5m)), Dialect.Expression(new SqlLiteral(SqlLiteralKind.Number, 2.25)), Dialect.Expression(SqlLiteral.Date(new DateOnly(2024, 3, 1)))));

        Assert.Equal(("1.5", "2.25", "DATE '2024-03-01'"), written);
    }

    [Fact]
    public void Booleans_nulls_dates_and_timestamps_use_the_dialect_spellings()
    {
        Assert.Equal("TRUE", Dialect.Expression(SqlLiteral.True));
        Assert.Equal("FALSE", Dialect.Expression(SqlLiteral.False));
        Assert.Equal("NULL", Dialect.Expression(SqlLiteral.Null));
        Assert.Equal("DATE '2024-01-31'", Dialect.Expression(SqlLiteral.Date(new DateOnly(2024, 1, 31))));
        Assert.Equal("TIMESTAMP '2024-01-31 23:59:58'", Dialect.Expression(SqlLiteral.Timestamp(new DateTime(2024, 1, 31, 23, 59, 58, DateTimeKind.Utc))));
        Assert.Equal("TIMESTAMP '2024-01-31 23:59:58.25'", Dialect.Expression(SqlLiteral.Timestamp(new DateTime(2024, 1, 31, 23, 59, 58, 250, DateTimeKind.Utc))));
        Assert.Equal("TIMESTAMP '2024-01-31 00:00:00.000001'", Dialect.Expression(SqlLiteral.Timestamp(new DateTime(2024, 1, 31).AddTicks(10))));

        var sqlServerLike = Dialect.PostgresPlain with
        {
            TrueLiteral = "1",
            FalseLiteral = "0",
            DateLiteral = SqlTemplate.Parse("CAST('{value}' AS DATE)", (_, _, m) => throw new InvalidOperationException(m))!,
        };
        Assert.Equal("1", Dialect.Expression(SqlLiteral.True, sqlServerLike));
        Assert.Equal("CAST('2024-01-31' AS DATE)", Dialect.Expression(SqlLiteral.Date(new DateOnly(2024, 1, 31)), sqlServerLike));
    }

    [Fact]
    public void Parameters_use_the_dialect_style_and_their_names_are_checked()
    {
        Assert.Equal("@period_start", Dialect.Expression(new SqlParameter("period_start")));
        Assert.Equal("\"a\" = @_p1", Dialect.Expression(Eq(Col("a"), new SqlParameter("_p1"))));

        foreach (var bad in new[] { "", "1st", "a b", "x;DROP", "é" })
        {
            var diagnostic = Assert.Single(Dialect.Errors(SelectExpression(new SqlParameter(bad)), Dialect.Postgres));
            Assert.Equal("SMG4024", diagnostic.Id);
        }
    }
}
