namespace StripeModelGen.Compiler.Binding;

/// <summary>The type of a value in the portable expression language.</summary>
public enum ScalarType
{
    /// <summary>A value whose binding failed; compatible with everything so one mistake gives one diagnostic.</summary>
    Error,
    /// <summary>A table column: the model does not declare column types, so any use is accepted.</summary>
    Any,
    Null,
    Boolean,
    Number,
    String,
    Date,
    Timestamp,
    Json,
    /// <summary>A date part such as <c>month</c>, as the first argument of <c>DATE_TRUNC</c>.</summary>
    DatePart,
}

public enum DimensionType
{
    String,
    Number,
    YesNo,
    Money,
    Date,
    Time,
    Duration,
}

public enum MeasureType
{
    Count,
    CountDistinct,
    Sum,
    Average,
    Min,
    Max,
    Median,
    Percentile,
    Number,
}

/// <summary>A grain a time or date dimension can be read at (<c>created_month</c>).</summary>
public enum Timeframe
{
    Raw,
    Time,
    Date,
    Week,
    Month,
    Quarter,
    Year,
    Hour,
    DayOfWeek,
    MonthNum,
}

/// <summary>A unit a duration dimension is counted in (<c>days_time_to_pay</c>).</summary>
public enum DurationInterval
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

public enum Relationship
{
    ManyToOne,
    OneToOne,
    OneToMany,
    ManyToMany,
}

public enum JoinType
{
    LeftOuter,
    Inner,
    FullOuter,
    Cross,
}

public enum ChartKind
{
    SingleValue,
    Table,
    Line,
    Bar,
    Column,
    Area,
    Pie,
    Scatter,
    Text,
}

/// <summary>The model-language spelling of each enum value (<c>count_distinct</c>, <c>many_to_one</c>...).</summary>
public static class ModelNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return value switch
        {
            DimensionType.YesNo => "yesno",
            _ => builder.ToString(),
        };
    }

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(Of)];

    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
