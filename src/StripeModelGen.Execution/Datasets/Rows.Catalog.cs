namespace StripeModelGen.Execution.Datasets;

// The price list, coupons and promotion codes (see Rows.cs for the naming rules).

/// <summary>A row of <c>products</c>.</summary>
public sealed record ProductRow
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required bool Active { get; init; }
    /// <summary>service or good.</summary>
    public required string Type { get; init; }
    public required bool Shippable { get; init; }
    public string? StatementDescriptor { get; init; }
    public string? UnitLabel { get; init; }
    public required DateTime Created { get; init; }
}

/// <summary>A row of <c>prices</c>: per unit, tiered (<c>unit_amount</c> null, see <c>price_tiers</c>) or metered.</summary>
public sealed record PriceRow
{
    public required string Id { get; init; }
    public required string ProductId { get; init; }
    public required bool Active { get; init; }
    public required string Currency { get; init; }
    /// <summary>Null for tiered prices.</summary>
    public long? UnitAmount { get; init; }
    public string? UnitAmountDecimal { get; init; }
    public required string Nickname { get; init; }
    public string? LookupKey { get; init; }
    /// <summary>one_time or recurring.</summary>
    public required string Type { get; init; }
    /// <summary>per_unit or tiered.</summary>
    public required string BillingScheme { get; init; }
    /// <summary>graduated for tiered prices.</summary>
    public string? TiersMode { get; init; }
    public string? RecurringInterval { get; init; }
    public long? RecurringIntervalCount { get; init; }
    /// <summary>licensed or metered.</summary>
    public string? RecurringUsageType { get; init; }
    public string? RecurringAggregateUsage { get; init; }
    public string? RecurringMeterId { get; init; }
    public long? TransformQuantityDivideBy { get; init; }
    public string? TransformQuantityRound { get; init; }
    public required string TaxBehavior { get; init; }
    public required DateTime Created { get; init; }
}

/// <summary>A row of <c>price_tiers</c>; (<see cref="PriceId"/>, <see cref="Upto"/>) is the key, the last tier has no <see cref="Upto"/>.</summary>
public sealed record PriceTierRow
{
    public required string PriceId { get; init; }
    /// <summary>Up to and including this quantity; null for the last, unbounded tier.</summary>
    public long? Upto { get; init; }
    /// <summary>Per unit in the tier.</summary>
    public required long Amount { get; init; }
    public required string AmountDecimal { get; init; }
    /// <summary>For the whole tier.</summary>
    public long? FlatAmount { get; init; }
    public string? FlatAmountDecimal { get; init; }
}

/// <summary>A row of <c>plans</c>: Stripe's older object for every recurring price, with the price's id.</summary>
public sealed record PlanRow
{
    public required string Id { get; init; }
    public required string ProductId { get; init; }
    public required string Currency { get; init; }
    /// <summary>Null for tiered plans.</summary>
    public long? Amount { get; init; }
    public string? UnitAmountDecimal { get; init; }
    public required string Interval { get; init; }
    public required long IntervalCount { get; init; }
    public required string Nickname { get; init; }
    public required string UsageType { get; init; }
    public string? AggregateUsage { get; init; }
    public required string BillingScheme { get; init; }
    public string? TiersMode { get; init; }
    public long? TransformUsageDivideBy { get; init; }
    public string? TransformUsageRound { get; init; }
    public required DateTime Created { get; init; }
}

/// <summary>A row of <c>coupons</c>; <see cref="TimesRedeemed"/> counts its <c>discounts</c>.</summary>
public sealed record CouponRow
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public double? PercentOff { get; init; }
    public long? AmountOff { get; init; }
    /// <summary>Only with <see cref="AmountOff"/>.</summary>
    public string? Currency { get; init; }
    /// <summary>once, repeating or forever.</summary>
    public required string Duration { get; init; }
    public long? DurationInMonths { get; init; }
    public long? MaxRedemptions { get; init; }
    public required long TimesRedeemed { get; init; }
    public DateTime? RedeemBy { get; init; }
    public required bool Valid { get; init; }
    public required DateTime Created { get; init; }
}

/// <summary>A row of <c>promotion_codes</c>; <see cref="ExpiresAt"/> is epoch seconds, as in Sigma.</summary>
public sealed record PromotionCodeRow
{
    public required string Id { get; init; }
    public required string Code { get; init; }
    public required string CouponId { get; init; }
    public string? CustomerId { get; init; }
    public required bool Active { get; init; }
    /// <summary>Seconds since 1970-01-01 UTC (a bigint in Sigma); null when it never expires.</summary>
    public long? ExpiresAt { get; init; }
    public long? MaxRedemptions { get; init; }
    public required long TimesRedeemed { get; init; }
    public required bool RestrictionsFirstTimeTransaction { get; init; }
    /// <summary>Sigma's own spelling (sic).</summary>
    public long? RestrictionsMiniumAmount { get; init; }
    public string? RestrictionsMiniumAmountCurrency { get; init; }
    public required DateTime Created { get; init; }
}
