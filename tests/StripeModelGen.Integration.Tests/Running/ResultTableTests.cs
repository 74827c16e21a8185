using StripeModelGen.Execution.Running;

namespace StripeModelGen.Integration.Tests.Running;

public sealed class ResultTableTests
{
    [Fact]
    public void Values_are_rendered_the_same_way_on_every_machine()
    {
        Assert.Equal("NULL", ResultTable.FormatValue(null));
        Assert.Equal("true", ResultTable.FormatValue(true));
        Assert.Equal("-1234567", ResultTable.FormatValue(-1234567L));
        Assert.Equal("12.50", ResultTable.FormatValue(12.50m));
        Assert.Equal("0.1", ResultTable.FormatValue(0.1d));
        Assert.Equal("2026-06-30 12:34:56", ResultTable.FormatValue(new DateTime(2026, 6, 30, 12, 34, 56, DateTimeKind.Utc)));
        Assert.Equal("2026-06-30 12:34:56.25", ResultTable.FormatValue(new DateTime(2026, 6, 30, 12, 34, 56, 250, DateTimeKind.Utc)));
        Assert.Equal("2026-06-30", ResultTable.FormatValue(new DateOnly(2026, 6, 30)));
        Assert.Equal("1.02:00:00", ResultTable.FormatValue(new TimeSpan(1, 2, 0, 0)));
        Assert.Equal("a\\tb\\nc", ResultTable.FormatValue("a\tb\nc"));
    }

    [Fact]
    public void A_table_renders_a_header_rows_and_a_count()
    {
        var table = new ResultTable(
            [new ResultColumn("currency", "varchar"), new ResultColumn("total", "numeric")],
            [["eur", 10.5m], ["jpy", null]]);

        Assert.Equal("currency | total\n---------+------\neur | 10.5\njpy | NULL\n(2 rows)\n", table.ToText());
        Assert.Equal(["eur", "jpy"], table.Column("currency"));
        Assert.Equal(-1, table.IndexOf("missing"));
        Assert.Throws<KeyNotFoundException>(() => table.Column("missing"));
    }
}
