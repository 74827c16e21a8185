namespace StripeModelGen.Execution.Datasets;

// Subscription items, discounts, invoice items, MRR change events and usage-based billing (see Rows.cs for the naming rules).

/// <summary>
/// A row of <c>subscription_items</c>: the current items of every subscription, with the price and
/// plan denormalised; <see cref="Created"/> is epoch seconds (a bigint in Sigma, unlike other tables).
/// </summary>
public sealed record SubscriptionItemRow
{
    public required string Id { get; init; }
    public required string SubscriptionId { get; init; }
    /// <summary>The same subscription id (Sigma has both columns).</summary>
    public required string Subscription { get; init; }
    /// <summary>Seconds since 1970-01-01 UTC.</summary>
    public required long Created { get; init; }
    /// <summary>Null for metered prices.</summary>
    public long? Quantity { get; init; }
    public required string PriceId { get; init; }
    public required string PriceProductId { get; init; }
    public required string PriceCurrency { get; init; }
    public long? PriceUnitAmount { get; init; }
    public required string PriceNickname { get; init; }
    public required string PriceRecurringInterval { get; init; }
    public required long PriceRecurringIntervalCount { get; init; }
    public required DateTime PriceCreated { get; init; }
    public required string PlanId { get; init; }
    public required string PlanProductId { get; init; }
    public required string PlanCurrency { get; init; }
    public long? PlanAmount { get; init; }
    public required string PlanNickname { get; init; }
    public required string PlanInterval { get; init; }
    public required long PlanIntervalCount { get; init; }
    public required DateTime PlanCreated { get; init; }
}

/// <summary>A row of <c>discounts</c>: a coupon applied to a subscription; <see cref="End"/> is epoch seconds.</summary>
public sealed record DiscountRow
{
    public required string Id { get; init; }
    public required string CouponId { get; init; }
    public string? PromotionCodeId { get; init; }
    public required string CustomerId { get; init; }
    public string? SubscriptionId { get; init; }
    public required DateTime Created { get; init; }
    /// <summary>Seconds since 1970-01-01 UTC when a repeating coupon stops; null for forever (and once) coupons.</summary>
    public long? End { get; init; }
}

/// <summary>A row of <c>invoice_items</c>: the one-off and proration lines of invoices (every line with an <c>invoice_item_id</c>).</summary>
public sealed record InvoiceItemRow
{
    public required string Id { get; init; }
    public required string InvoiceId { get; init; }
    public required string CustomerId { get; init; }
    public string? SubscriptionId { get; init; }
    public string? SubscriptionItem { get; init; }
    public string? PriceId { get; init; }
    public string? PlanId { get; init; }
    public required string Description { get; init; }
    public required string Currency { get; init; }
    /// <summary>Minor units; negative for proration credits.</summary>
    public required long Amount { get; init; }
    /// <summary>Set when <see cref="Amount"/> is a whole multiple of <see cref="Quantity"/>.</summary>
    public long? UnitAmount { get; init; }
    public required string UnitAmountDecimal { get; init; }
    public required long Quantity { get; init; }
    public required bool Proration { get; init; }
    public required bool Discountable { get; init; }
    /// <summary>The amount after discounts; null for discountable items (Stripe's rule).</summary>
    public long? NetAmount { get; init; }
    public required DateTime Date { get; init; }
    public required DateTime PeriodStart { get; init; }
    public required DateTime PeriodEnd { get; init; }
}

/// <summary>
/// A row of <c>invoice_line_item_discount_amounts</c>: one per discounted line and discount; the
/// amounts of an invoice add up to its discount (<c>subtotal + tax - total</c>). <see cref="Id"/> is
/// the discount's id, as is <see cref="Discount"/>.
/// </summary>
public sealed record InvoiceLineItemDiscountAmountRow
{
    public required string Id { get; init; }
    public required string InvoiceId { get; init; }
    public required string InvoiceLineItemId { get; init; }
    public required string Discount { get; init; }
    public required long Amount { get; init; }
}

/// <summary>
/// A row of <c>subscription_item_change_events</c>: a change of one item's MRR or quantity.
/// <see cref="MrrChange"/> is monthly-normalised, after forever coupons, in minor units of
/// <see cref="Currency"/>; <see cref="LocalEventTimestamp"/> is in the account's time zone
/// (<see cref="SampleAccount.TimeZone"/>). Key: (item, timestamp, type).
/// </summary>
public sealed record SubscriptionItemChangeEventRow
{
    public required string SubscriptionItemId { get; init; }
    public required DateTime EventTimestamp { get; init; }
    /// <summary>ACTIVE_START, ACTIVE_END, ACTIVE_UPGRADE, ACTIVE_DOWNGRADE, ACTIVE_QUANTITY_INCREASE or ACTIVE_QUANTITY_DECREASE.</summary>
    public required string EventType { get; init; }
    public required string SubscriptionId { get; init; }
    public required string CustomerId { get; init; }
    public required string ProductId { get; init; }
    public required string PriceId { get; init; }
    public required string Currency { get; init; }
    public required long MrrChange { get; init; }
    public required long QuantityChange { get; init; }
    /// <summary>Wall-clock time in the account's time zone, stored without an offset.</summary>
    public required DateTime LocalEventTimestamp { get; init; }
}

/// <summary>A row of <c>billing_meters</c>; <see cref="Status"/> is upper case (ACTIVE, INACTIVE) as in Sigma.</summary>
public sealed record BillingMeterRow
{
    public required string Id { get; init; }
    public required bool Livemode { get; init; }
    public required DateTime Created { get; init; }
    public required DateTime Updated { get; init; }
    public DateTime? Deactivated { get; init; }
    public required string Status { get; init; }
    public required string EventName { get; init; }
    public required string DisplayName { get; init; }
    /// <summary>SUM or COUNT.</summary>
    public required string DefaultAggregationFormula { get; init; }
    public required string CustomerMappingEventPayloadKey { get; init; }
    public required string CustomerMappingType { get; init; }
    public required string ValueSettingsEventPayloadKey { get; init; }
}

/// <summary>A row of <c>billing_meter_event_summaries</c>: one customer's usage of one meter in one hour (<c>hourly</c>).</summary>
public sealed record BillingMeterEventSummaryRow
{
    public required string Id { get; init; }
    public required bool Livemode { get; init; }
    public required string MeterId { get; init; }
    public required string CustomerId { get; init; }
    public required string ValueGroupingWindow { get; init; }
    public required DateTime StartTime { get; init; }
    /// <summary>Exclusive.</summary>
    public required DateTime EndTime { get; init; }
    public required double AggregatedValue { get; init; }
}

/// <summary>A row of <c>billing_meter_invalid_events</c>: a meter event that failed validation (its payload is in <c>billing_meter_invalid_events_payload</c>).</summary>
public sealed record BillingMeterInvalidEventRow
{
    /// <summary>A UUID, also the <c>event_id</c> of the payload rows.</summary>
    public required string Id { get; init; }
    public required bool Livemode { get; init; }
    /// <summary>Null when no meter matches the event name.</summary>
    public string? MeterId { get; init; }
    public required DateTime Created { get; init; }
    public required DateTime Received { get; init; }
    /// <summary>METER_NOT_FOUND, CUSTOMER_NOT_FOUND, INVALID_VALUE or TIMESTAMP_TOO_FAR_IN_PAST.</summary>
    public required string ErrorCode { get; init; }
    public required string ErrorMessage { get; init; }
    public required string EventName { get; init; }
}

/// <summary>A row of <c>billing_meter_invalid_events_payload</c>: one key of an invalid event's payload (<c>stripe_customer_id</c>, <c>value</c>).</summary>
public sealed record BillingMeterInvalidEventPayloadRow
{
    public required string EventId { get; init; }
    public required string Key { get; init; }
    public required string Value { get; init; }
}
