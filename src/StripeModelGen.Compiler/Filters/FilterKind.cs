using StripeModelGen.Compiler.Binding;

namespace StripeModelGen.Compiler.Filters;

/// <summary>Which grammar a filter value is read with: it follows the type of the filtered field.</summary>
public enum FilterKind
{
    String,
    Number,
    /// <summary>Date and time fields: the values are dates or timestamps (wall-clock time).</summary>
    Date,
    YesNo,
}

public static class FilterKinds
{
    /// <summary>
    /// The grammar for a field of this type. Fields whose type is unknown (table columns, failed
    /// bindings) and JSON values are filtered as strings, as Looker does for untyped dimensions.
    /// </summary>
    public static FilterKind Of(ScalarType type) => type switch
    {
        ScalarType.Number => FilterKind.Number,
        ScalarType.Boolean => FilterKind.YesNo,
        ScalarType.Date or ScalarType.Timestamp => FilterKind.Date,
        _ => FilterKind.String,
    };
}
