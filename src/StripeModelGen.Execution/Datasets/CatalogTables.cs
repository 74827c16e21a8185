using System.Globalization;

namespace StripeModelGen.Execution.Datasets;

/// <summary>
/// The rows of the account-wide tables that follow from the catalogue and the simulated customers:
/// prices, plans, price tiers, coupons and promotion codes (their redemption counts come from the
/// discounts), billing meters, and the invoice items behind one-off and proration lines.
/// </summary>
internal static class CatalogTables
{
    public static List<PriceRow> Prices(PriceCatalog catalog) => [.. catalog.Prices.Select(price => new PriceRow
    {
        Id = price.Id,
        ProductId = price.ProductId,
        Active = price.Active,
        Currency = price.Currency,
        UnitAmount = price.IsTiered ? null : price.UnitAmount,
        UnitAmountDecimal = price.IsTiered ? null : price.UnitAmount.ToString(CultureInfo.InvariantCulture),
        Nickname = price.Nickname,
        LookupKey = price.Active ? LookupKey(price) : null,
        Type = price.IsRecurring ? "recurring" : "one_time",
        BillingScheme = price.IsTiered ? "tiered" : "per_unit",
        TiersMode = price.IsTiered ? "graduated" : null,
        RecurringInterval = price.Interval,
        RecurringIntervalCount = price.IsRecurring ? 1 : null,
        RecurringUsageType = price.IsRecurring ? (price.IsMetered ? "metered" : "licensed") : null,
        RecurringAggregateUsage = price.IsMetered ? "sum" : null,
        RecurringMeterId = price.Meter?.Id,
        TransformQuantityDivideBy = price.DivideBy,
        TransformQuantityRound = price.DivideBy is null ? null : "up",
        TaxBehavior = "exclusive",
        Created = price.Created,
    })];

    /// <summary><c>pro_monthly_usd</c>.</summary>
    private static string LookupKey(SamplePrice price) =>
        price.Nickname.ToLowerInvariant().Replace(",", "", StringComparison.Ordinal).Replace("(", "", StringComparison.Ordinal)
            .Replace(")", "", StringComparison.Ordinal).Replace(' ', '_') + "_" + price.Currency;

    public static List<PlanRow> Plans(PriceCatalog catalog) => [.. catalog.Prices.Where(p => p.IsRecurring).Select(price => new PlanRow
    {
        Id = price.Id,
        ProductId = price.ProductId,
        Currency = price.Currency,
        Amount = price.IsTiered ? null : price.UnitAmount,
        UnitAmountDecimal = price.IsTiered ? null : price.UnitAmount.ToString(CultureInfo.InvariantCulture),
        Interval = price.Interval!,
        IntervalCount = 1,
        Nickname = price.Nickname,
        UsageType = price.IsMetered ? "metered" : "licensed",
        AggregateUsage = price.IsMetered ? "sum" : null,
        BillingScheme = price.IsTiered ? "tiered" : "per_unit",
        TiersMode = price.IsTiered ? "graduated" : null,
        TransformUsageDivideBy = price.DivideBy,
        TransformUsageRound = price.DivideBy is null ? null : "up",
        Created = price.Created,
    })];

    public static List<PriceTierRow> PriceTiers(PriceCatalog catalog) => [.. catalog.Prices.Where(p => p.IsTiered).SelectMany(price => price.Tiers!.Select(tier => new PriceTierRow
    {
        PriceId = price.Id,
        Upto = tier.Upto,
        Amount = tier.UnitAmount,
        AmountDecimal = tier.UnitAmount.ToString(CultureInfo.InvariantCulture),
        FlatAmount = tier.FlatAmount == 0 ? null : tier.FlatAmount,
        FlatAmountDecimal = tier.FlatAmount == 0 ? null : tier.FlatAmount.ToString(CultureInfo.InvariantCulture),
    }))];

    public static List<CouponRow> Coupons(PriceCatalog catalog, IReadOnlyList<DiscountRow> discounts)
    {
        var redeemed = discounts.CountBy(d => d.CouponId).ToDictionary(StringComparer.Ordinal);
        return [.. catalog.Coupons.Select(coupon => new CouponRow
        {
            Id = coupon.Id,
            Name = coupon.Name,
            PercentOff = coupon.PercentOff is { } percent ? (double)percent : null,
            AmountOff = coupon.AmountOff,
            Currency = coupon.Currency,
            Duration = coupon.Duration,
            DurationInMonths = coupon.DurationInMonths,
            MaxRedemptions = coupon.MaxRedemptions,
            TimesRedeemed = redeemed.GetValueOrDefault(coupon.Id),
            RedeemBy = coupon.RedeemBy,
            Valid = coupon.Valid,
            Created = coupon.Created,
        })];
    }

    public static List<PromotionCodeRow> PromotionCodes(PriceCatalog catalog, IReadOnlyList<DiscountRow> discounts)
    {
        var redeemed = discounts.Where(d => d.PromotionCodeId is not null).CountBy(d => d.PromotionCodeId!).ToDictionary(StringComparer.Ordinal);
        return [.. catalog.Coupons.Select(coupon => new PromotionCodeRow
        {
            Id = coupon.PromotionCodeId,
            Code = coupon.PromotionCode,
            CouponId = coupon.Id,
            Active = coupon.Valid,
            ExpiresAt = coupon.RedeemBy is { } until ? CustomerSimulation.Epoch(until) : null,
            MaxRedemptions = coupon.MaxRedemptions,
            TimesRedeemed = redeemed.GetValueOrDefault(coupon.PromotionCodeId),
            RestrictionsFirstTimeTransaction = coupon.FirstTimeOnly,
            RestrictionsMiniumAmount = coupon.AmountOff is null ? null : 5000,
            RestrictionsMiniumAmountCurrency = coupon.AmountOff is null ? null : coupon.Currency,
            Created = coupon.Created.AddMinutes(5),
        })];
    }

    public static List<BillingMeterRow> Meters(PriceCatalog catalog) => [.. catalog.Meters.Select(meter => new BillingMeterRow
    {
        Id = meter.Id,
        Livemode = true,
        Created = meter.Created,
        Updated = meter.Deactivated ?? meter.Created,
        Deactivated = meter.Deactivated,
        Status = meter.Active ? "ACTIVE" : "INACTIVE",
        EventName = meter.EventName,
        DisplayName = meter.DisplayName,
        DefaultAggregationFormula = meter.Formula,
        CustomerMappingEventPayloadKey = "stripe_customer_id",
        CustomerMappingType = "by_id",
        ValueSettingsEventPayloadKey = "value",
    })];

    /// <summary>One invoice item per invoice line that has an <c>invoice_item_id</c> (one-off and proration lines).</summary>
    public static List<InvoiceItemRow> InvoiceItems(IReadOnlyList<InvoiceRow> invoices, IReadOnlyList<InvoiceLineItemRow> lines)
    {
        var byId = invoices.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var rows = new List<InvoiceItemRow>();
        foreach (var line in lines.Where(l => l.InvoiceItemId is not null))
        {
            var quantity = line.Quantity ?? 1;
            rows.Add(new InvoiceItemRow
            {
                Id = line.InvoiceItemId!,
                InvoiceId = line.InvoiceId,
                CustomerId = byId[line.InvoiceId].CustomerId,
                SubscriptionId = line.Subscription,
                SubscriptionItem = line.SubscriptionItemId,
                PriceId = line.PriceId,
                PlanId = line.PlanId,
                Description = line.Description,
                Currency = line.Currency,
                Amount = line.Amount,
                UnitAmount = line.Amount % quantity == 0 ? line.Amount / quantity : null,
                UnitAmountDecimal = Math.Round((decimal)line.Amount / quantity, 12).ToString("0.############", CultureInfo.InvariantCulture),
                Quantity = quantity,
                Proration = line.Proration,
                Discountable = line.Discountable,
                NetAmount = line.Discountable ? null : line.Amount,
                Date = line.PeriodStart,
                PeriodStart = line.PeriodStart,
                PeriodEnd = line.PeriodEnd,
            });
        }
        return rows;
    }
}
