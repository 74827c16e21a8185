using System.Globalization;
using StripeModelGen.Execution.Datasets;

namespace StripeModelGen.Integration.Tests.Datasets;

/// <summary>
/// The catalogue, subscription items, discounts, invoice items, line discount amounts and usage
/// agree with each other and with the subscriptions and invoices, for several seeds.
/// </summary>
public sealed class BillingDataInvariantTests
{
    public static TheoryData<int, int> Seeds => SampleDataInvariantTests.Seeds;

    private static SampleDataset Dataset(int seed, int scale) => SampleDataInvariantTests.Dataset(seed, scale);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Catalogue_ids_have_Stripe_prefixes_and_every_reference_resolves(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var products = d.Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var prices = d.Prices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var meters = d.BillingMeters.ToDictionary(m => m.Id, StringComparer.Ordinal);

        Assert.All(d.Products, p => Assert.StartsWith("prod_", p.Id, StringComparison.Ordinal));
        Assert.All(d.Prices, p => Assert.StartsWith("price_", p.Id, StringComparison.Ordinal));
        Assert.All(d.BillingMeters, m => Assert.StartsWith("mtr_", m.Id, StringComparison.Ordinal));
        Assert.All(d.PromotionCodes, p => Assert.StartsWith("promo_", p.Id, StringComparison.Ordinal));
        Assert.All(d.Prices, p => Assert.True(products.ContainsKey(p.ProductId)));
        Assert.All(d.Prices.Where(p => p.RecurringMeterId is not null), p => Assert.True(meters.ContainsKey(p.RecurringMeterId!)));
        foreach (var price in d.Prices)
        {
            Assert.Equal(price.Type == "recurring", price.RecurringInterval is not null);
            Assert.Equal(price.BillingScheme == "tiered", price.UnitAmount is null);
            Assert.Equal(price.RecurringUsageType == "metered", price.RecurringMeterId is not null);
        }
        // Every recurring price is also a plan with the same id, amount and interval.
        Assert.Equal(d.Prices.Where(p => p.Type == "recurring").Select(p => (p.Id, p.UnitAmount, p.RecurringInterval!, p.ProductId)),
            d.Plans.Select(p => (p.Id, p.Amount, p.Interval, p.ProductId)));
        // Tiers: the tiered prices, ascending upto, the last unbounded.
        foreach (var group in d.PriceTiers.GroupBy(t => t.PriceId))
        {
            Assert.Equal("tiered", prices[group.Key].BillingScheme);
            var tiers = group.ToList();
            Assert.Null(tiers[^1].Upto);
            Assert.Equal(tiers.Take(tiers.Count - 1).Select(t => t.Upto), tiers.Take(tiers.Count - 1).Select(t => t.Upto).Order());
        }
        Assert.Equal(d.Prices.Where(p => p.BillingScheme == "tiered").Select(p => p.Id).Order(StringComparer.Ordinal),
            d.PriceTiers.Select(t => t.PriceId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["ACTIVE", "INACTIVE"], d.BillingMeters.Select(m => m.Status).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Subscription_items_match_their_subscription_and_price(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var prices = d.Prices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var customers = d.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var items = d.SubscriptionItems.ToLookup(i => i.SubscriptionId, StringComparer.Ordinal);

        Assert.Equal(d.SubscriptionItems.Count, d.SubscriptionItems.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(d.SubscriptionItems, i => Assert.StartsWith("si_", i.Id, StringComparison.Ordinal));
        foreach (var subscription in d.Subscriptions)
        {
            var theirs = items[subscription.Id].ToList();
            Assert.NotEmpty(theirs);
            foreach (var item in theirs)
            {
                var price = prices[item.PriceId];
                Assert.Equal(subscription.Id, item.Subscription);
                Assert.Equal(customers[subscription.CustomerId].Currency, item.PriceCurrency);
                Assert.Equal((price.ProductId, price.Currency, price.UnitAmount, price.Nickname, price.RecurringInterval), (item.PriceProductId, item.PriceCurrency, item.PriceUnitAmount, item.PriceNickname, item.PriceRecurringInterval));
                Assert.Equal((item.PriceId, item.PriceProductId, item.PriceUnitAmount), (item.PlanId, item.PlanProductId, item.PlanAmount));
                Assert.Equal(price.RecurringUsageType == "metered", item.Quantity is null);
                Assert.Equal(CustomerSimulationEpoch(subscription.Created), item.Created); // an epoch bigint
            }
            // The subscription's own price and quantity are set only for a single item.
            if (theirs.Count == 1)
                Assert.Equal((theirs[0].PriceId, theirs[0].Quantity), (subscription.PriceId!, subscription.Quantity));
            else
                Assert.Null(subscription.PriceId);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Invoice_lines_bill_the_subscription_items_and_invoice_items(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var items = d.SubscriptionItems.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var tiers = d.PriceTiers.ToLookup(t => t.PriceId, StringComparer.Ordinal);
        var prices = d.Prices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var invoices = d.Invoices.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var invoiceItems = d.InvoiceItems.ToDictionary(i => i.Id, StringComparer.Ordinal);

        foreach (var line in d.InvoiceLineItems)
        {
            if (line.SubscriptionItemId is { } itemId)
                Assert.Equal(line.Subscription ?? line.SourceId, items[itemId].SubscriptionId);
            if (line.InvoiceItemId is { } invoiceItemId)
            {
                var item = invoiceItems[invoiceItemId];
                Assert.Equal((line.InvoiceId, line.Amount, line.Currency, line.Proration, line.PeriodStart, line.PeriodEnd),
                    (item.InvoiceId, item.Amount, item.Currency, item.Proration, item.PeriodStart, item.PeriodEnd));
                Assert.Equal(invoices[line.InvoiceId].CustomerId, item.CustomerId);
                Assert.Equal(item.Amount, decimal.Parse(item.UnitAmountDecimal, CultureInfo.InvariantCulture) * item.Quantity, 6);
                Assert.Equal(!item.Proration, item.Discountable);
            }
            // A full-period subscription line costs what the price says for its quantity.
            if (line is { SourceType: "subscription", Proration: false, Quantity: { } quantity, PriceId: { } priceId } && line.Amount > 0 && prices[priceId].RecurringUsageType == "licensed")
            {
                var price = prices[priceId];
                var expected = price.BillingScheme == "tiered" ? Graduated(tiers[priceId].ToList(), quantity) : price.UnitAmount!.Value * quantity;
                Assert.Equal(expected, line.Amount);
            }
        }
        Assert.Equal(d.InvoiceLineItems.Count(l => l.InvoiceItemId is not null), d.InvoiceItems.Count);
        Assert.Contains(d.InvoiceLineItems, l => l.PriceId is { } p && prices[p].BillingScheme == "tiered");
        Assert.Contains(d.InvoiceLineItems, l => l.PriceId is { } p && prices[p].RecurringUsageType == "metered" && l.Amount > 0);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Discounts_coupons_and_promotion_codes_agree_with_subscriptions_and_invoices(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var discounts = d.Discounts.ToDictionary(x => x.Id, StringComparer.Ordinal);
        var coupons = d.Coupons.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var subscriptions = d.Subscriptions.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var promotionCodes = d.PromotionCodes.ToDictionary(p => p.Id, StringComparer.Ordinal);

        foreach (var discount in d.Discounts)
        {
            Assert.StartsWith("di_", discount.Id, StringComparison.Ordinal);
            var coupon = coupons[discount.CouponId];
            Assert.True(coupon.Valid);
            Assert.Equal(subscriptions[discount.SubscriptionId!].CustomerId, discount.CustomerId);
            Assert.Equal(coupon.Duration == "repeating", discount.End is not null);
            if (discount.End is { } end)
                Assert.Equal(discount.Created.AddMonths((int)coupon.DurationInMonths!.Value), DateTime.UnixEpoch.AddSeconds(end));
            if (discount.PromotionCodeId is { } code)
                Assert.Equal(discount.CouponId, promotionCodes[code].CouponId);
        }
        foreach (var coupon in d.Coupons)
        {
            Assert.Equal(d.Discounts.Count(x => x.CouponId == coupon.Id), coupon.TimesRedeemed);
            Assert.True(coupon.PercentOff is null != coupon.AmountOff is null);
        }
        Assert.All(d.PromotionCodes, p => Assert.Equal(d.Discounts.Count(x => x.PromotionCodeId == p.Id), p.TimesRedeemed));
        Assert.Contains(d.Coupons, c => !c.Valid);

        foreach (var subscription in d.Subscriptions)
        {
            var listed = subscription.Discounts?.Split(',') ?? [];
            Assert.All(listed, id => Assert.Equal(subscription.Id, discounts[id].SubscriptionId));
            Assert.Equal(listed.Length > 0 ? discounts[listed[0]].CouponId : null, subscription.DiscountCouponId);
            // A subscription lists its discounts that still apply.
            var current = d.Discounts.Where(x => x.SubscriptionId == subscription.Id && (x.End is null || DateTime.UnixEpoch.AddSeconds(x.End.Value) > d.ReferenceTime)).Select(x => x.Id);
            Assert.Equal(current.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        }

        // The line discount amounts of an invoice add up to its discount; only its discounts appear.
        var amounts = d.InvoiceLineItemDiscountAmounts.ToLookup(a => a.InvoiceId, StringComparer.Ordinal);
        var lines = d.InvoiceLineItems.ToLookup(l => l.InvoiceId, StringComparer.Ordinal);
        foreach (var invoice in d.Invoices)
        {
            var discount = invoice.Subtotal + (invoice.Tax ?? 0) - invoice.Total;
            Assert.Equal(discount, amounts[invoice.Id].Sum(a => a.Amount));
            var applied = invoice.Discounts?.Split(',') ?? [];
            Assert.Equal(discount > 0, applied.Length > 0);
            Assert.All(amounts[invoice.Id], a =>
            {
                Assert.Contains(a.Discount, applied);
                Assert.Equal(a.Id, a.Discount);
                Assert.True(a.Amount > 0);
                Assert.Contains(lines[invoice.Id], l => l.Id == a.InvoiceLineItemId && !l.Proration);
            });
            if (invoice.SubscriptionId is { } subscriptionId)
                Assert.All(applied, id => Assert.Equal(subscriptionId, discounts[id].SubscriptionId));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Metered_usage_is_billed_on_the_next_invoice(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var meters = d.BillingMeters.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var customers = d.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var prices = d.Prices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var invoices = d.Invoices.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var usage = d.BillingMeterEventSummaries.ToLookup(s => (s.CustomerId, s.MeterId));

        foreach (var summary in d.BillingMeterEventSummaries)
        {
            Assert.True(customers.ContainsKey(summary.CustomerId));
            Assert.True(meters[summary.MeterId].Status == "ACTIVE");
            Assert.Equal("hourly", summary.ValueGroupingWindow);
            Assert.Equal(summary.StartTime.AddHours(1), summary.EndTime);
            Assert.True(summary.AggregatedValue > 0 && summary.EndTime <= d.ReferenceTime);
        }
        foreach (var line in d.InvoiceLineItems.Where(l => l.PriceId is { } p && prices[p].RecurringUsageType == "metered"))
        {
            var price = prices[line.PriceId!];
            var used = (long)usage[(invoices[line.InvoiceId].CustomerId, price.RecurringMeterId!)]
                .Where(s => s.StartTime >= line.PeriodStart && s.StartTime < line.PeriodEnd).Sum(s => s.AggregatedValue);
            var billed = price.TransformQuantityDivideBy is { } per ? (used + per - 1) / per : used;
            Assert.Equal(billed, line.Quantity);
            Assert.Equal(billed * price.UnitAmount!.Value, line.Amount);
        }
        var events = d.BillingMeterInvalidEvents.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Assert.All(d.BillingMeterInvalidEventPayloads, p => Assert.True(events.ContainsKey(p.EventId)));
        foreach (var invalid in d.BillingMeterInvalidEvents)
        {
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", invalid.Id);
            Assert.Equal(invalid.ErrorCode == "METER_NOT_FOUND", invalid.MeterId is null);
            Assert.True(invalid.Created <= invalid.Received && invalid.Received < d.ReferenceTime);
            Assert.Equal(["stripe_customer_id", "value"], d.BillingMeterInvalidEventPayloads.Where(p => p.EventId == invalid.Id).Select(p => p.Key));
        }
    }

    [Fact]
    public void The_seed_42_dataset_covers_the_billing_cases_the_saved_queries_ask_about()
    {
        var d = Dataset(42, 1);
        var prices = d.Prices.ToDictionary(p => p.Id, StringComparer.Ordinal);

        Assert.Contains(d.Subscriptions, s => s.Discounts?.Contains(',', StringComparison.Ordinal) == true); // two discounts to split into rows
        Assert.Contains(d.Subscriptions, s => s.Status == "active" && d.SubscriptionItems.Any(i => i.SubscriptionId == s.Id));
        Assert.Contains(d.SubscriptionItems, i => prices[i.PriceId].BillingScheme == "tiered"); // first price tiers of subscriptions
        Assert.Contains(d.Discounts, x => x.End is not null);
        Assert.Contains(d.Discounts, x => x.PromotionCodeId is not null);
        Assert.Contains(d.PromotionCodes, p => p.ExpiresAt is not null && !p.Active);
        Assert.Contains(d.Coupons, c => !c.Valid && c.AmountOff is not null);
        Assert.Contains(d.Coupons, c => !c.Valid && c.PercentOff is not null);
        Assert.Contains(d.Invoices, i => i.Discounts?.Contains(',', StringComparison.Ordinal) == true);
        Assert.Contains(d.InvoiceLineItemDiscountAmounts.GroupBy(a => a.InvoiceId), g => g.Select(a => a.InvoiceLineItemId).Distinct().Count() >= 2);
        Assert.Contains(d.InvoiceItems, i => i.Proration && i.Amount < 0);
        Assert.Contains(d.InvoiceItems, i => !i.Proration);
        Assert.Superset(new HashSet<string> { "METER_NOT_FOUND", "CUSTOMER_NOT_FOUND", "INVALID_VALUE" }, d.BillingMeterInvalidEvents.Select(e => e.ErrorCode).ToHashSet());
        Assert.Contains(d.BillingMeterEventSummaries.GroupBy(s => s.CustomerId), g => g.Select(s => s.MeterId).Distinct().Count() == 2);
        Assert.Contains(d.BillingMeterEventSummaries, s => s.StartTime >= d.ReferenceTime.AddDays(-7));
    }

    /// <summary>A graduated price: each tier's flat amount once reached, plus its unit amount for the units in it.</summary>
    private static long Graduated(List<PriceTierRow> tiers, long quantity)
    {
        long amount = 0, below = 0;
        foreach (var tier in tiers)
        {
            if (quantity <= below)
                break;
            var upto = tier.Upto ?? long.MaxValue;
            amount += (tier.FlatAmount ?? 0) + (Math.Min(quantity, upto) - below) * tier.Amount;
            below = upto;
        }
        return amount;
    }

    private static long CustomerSimulationEpoch(DateTime time) => (long)(time - DateTime.UnixEpoch).TotalSeconds;
}
