using StripeModelGen.Execution.Datasets;

namespace StripeModelGen.Integration.Tests.Datasets;

/// <summary>Stripe's semantics hold in the generated rows, for several seeds (the generator must never produce an impossible state).</summary>
public sealed class SampleDataInvariantTests
{
    public static TheoryData<int, int> Seeds => new() { { 42, 1 }, { 1, 1 }, { 7, 2 }, { 2026, 1 }, { 123456789, 1 } };

    private static readonly Dictionary<(int, int), SampleDataset> Cache = [];

    internal static SampleDataset Dataset(int seed, int scale)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((seed, scale), out var dataset))
                Cache[(seed, scale)] = dataset = SampleData.Generate(seed, scale);
            return dataset;
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Ids_have_Stripe_prefixes_and_are_unique(int seed, int scale)
    {
        var d = Dataset(seed, scale);

        AssertIds(d.Customers.Select(r => r.Id), "cus_");
        AssertIds(d.Subscriptions.Select(r => r.Id), "sub_");
        AssertIds(d.Invoices.Select(r => r.Id), "in_");
        AssertIds(d.Charges.Select(r => r.Id), "ch_");
        AssertIds(d.Refunds.Select(r => r.Id), "re_");
        Assert.All(d.InvoiceLineItems, l => Assert.Matches("^(il_|ii_|sli_)", l.Id));
        Assert.Equal(d.InvoiceLineItems.Count, d.InvoiceLineItems.Select(l => (l.InvoiceId, l.Id)).Distinct().Count());
        Assert.All(d.Charges, c => Assert.StartsWith("pi_", c.PaymentIntent, StringComparison.Ordinal));
        Assert.All(d.Charges.Select(c => c.BalanceTransactionId).Concat(d.Refunds.Select(r => r.BalanceTransactionId)).OfType<string>(),
            id => Assert.StartsWith("txn_", id, StringComparison.Ordinal));
        Assert.All(d.Charges.Select(c => c.DisputeId).OfType<string>(), id => Assert.StartsWith("dp_", id, StringComparison.Ordinal));
        Assert.All(d.Charges.Select(c => c.PaymentMethodId).OfType<string>(), id => Assert.StartsWith("pm_", id, StringComparison.Ordinal));

        static void AssertIds(IEnumerable<string> ids, string prefix)
        {
            var list = ids.ToList();
            Assert.All(list, id => Assert.StartsWith(prefix, id, StringComparison.Ordinal));
            Assert.Equal(list.Count, list.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_reference_resolves_and_currencies_agree(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var customers = d.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var invoices = d.Invoices.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var charges = d.Charges.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var subscriptions = d.Subscriptions.ToDictionary(s => s.Id, StringComparer.Ordinal);

        foreach (var charge in d.Charges)
        {
            if (charge.CustomerId is not null)
                Assert.Equal(customers[charge.CustomerId].Currency, charge.Currency);
            if (charge.InvoiceId is not null)
            {
                Assert.Equal(invoices[charge.InvoiceId].Currency, charge.Currency);
                Assert.Equal(invoices[charge.InvoiceId].CustomerId, charge.CustomerId);
            }
        }
        foreach (var invoice in d.Invoices)
        {
            Assert.Equal(customers[invoice.CustomerId].Currency, invoice.Currency);
            if (invoice.SubscriptionId is not null)
                Assert.Equal(invoice.CustomerId, subscriptions[invoice.SubscriptionId].CustomerId);
            if (invoice.ChargeId is not null)
                Assert.Equal(invoice.Id, charges[invoice.ChargeId].InvoiceId);
        }
        foreach (var line in d.InvoiceLineItems)
            Assert.Equal(invoices[line.InvoiceId].Currency, line.Currency);
        foreach (var refund in d.Refunds)
            Assert.Equal(charges[refund.ChargeId].Currency, refund.Currency);
        foreach (var subscription in d.Subscriptions)
        {
            Assert.True(customers.ContainsKey(subscription.CustomerId));
            if (subscription.LatestInvoiceId is not null)
                Assert.Equal(subscription.Id, invoices[subscription.LatestInvoiceId].SubscriptionId);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Amounts_are_valid_minor_units_of_their_currency(int seed, int scale)
    {
        var d = Dataset(seed, scale);

        var amounts = d.Charges.SelectMany(c => new[] { (c.Currency, c.Amount), (c.Currency, c.AmountRefunded) })
            .Concat(d.Refunds.Select(r => (r.Currency, r.Amount)))
            .Concat(d.Invoices.SelectMany(i => new[] { (i.Currency, i.Total), (i.Currency, i.AmountDue), (i.Currency, i.AmountPaid), (i.Currency, i.Subtotal), (i.Currency, i.Tax ?? 0) }))
            .Concat(d.InvoiceLineItems.Select(l => (l.Currency, l.Amount)))
            .Concat(d.Customers.Where(c => c.Currency is not null).Select(c => (c.Currency!, c.Balance)));
        Assert.All(amounts, a => Assert.Equal(0, a.Item2 % Currencies.MinorUnitStep(a.Item1)));
        Assert.All(d.Charges, c => Assert.True(c.Amount > 0));
        Assert.Equal(0, Currencies.Exponent("jpy"));
        Assert.Equal(3, Currencies.Exponent("kwd"));
        Assert.Equal(15.00m, Currencies.ToMajorUnits(1500, "usd"));
        Assert.Equal(1500m, Currencies.ToMajorUnits(1500, "jpy"));
        Assert.Equal(1.500m, Currencies.ToMajorUnits(1500, "kwd"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Charges_and_refunds_follow_Stripe_semantics(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var refundsByCharge = d.Refunds.ToLookup(r => r.ChargeId, StringComparer.Ordinal);

        foreach (var charge in d.Charges)
        {
            Assert.Contains(charge.Status, new[] { "succeeded", "pending", "failed" });
            Assert.Equal(charge.Status == "succeeded", charge.Paid);
            Assert.Equal(charge.Status == "failed", charge.FailureCode is not null);
            Assert.Equal(charge.Status == "failed", charge.FailureMessage is not null);
            Assert.Equal(charge.Captured, charge.CapturedAt is not null);
            if (charge.Status == "failed")
                Assert.False(charge.Captured);
            var refunded = refundsByCharge[charge.Id].Where(r => r.Status is "succeeded" or "pending").Sum(r => r.Amount);
            Assert.Equal(refunded, charge.AmountRefunded);
            Assert.InRange(charge.AmountRefunded, 0, charge.Amount);
            Assert.Equal(charge.AmountRefunded == charge.Amount, charge.Refunded);
            Assert.True(charge.Created < d.ReferenceTime);
        }
        foreach (var refund in d.Refunds)
        {
            Assert.Contains(refund.Status, new[] { "pending", "succeeded", "failed", "canceled" });
            Assert.Equal(refund.Status == "failed", refund.FailureReason is not null);
            Assert.True(refund.Created < d.ReferenceTime);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Invoice_amounts_statuses_and_transitions_are_consistent(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var lines = d.InvoiceLineItems.ToLookup(l => l.InvoiceId, StringComparer.Ordinal);

        foreach (var invoice in d.Invoices)
        {
            var discount = invoice.Subtotal + (invoice.Tax ?? 0) - invoice.Total;
            Assert.True(discount >= 0, $"{invoice.Id}: negative discount");
            Assert.Equal(invoice.DiscountCouponId is not null, discount > 0);
            Assert.Equal(lines[invoice.Id].Sum(l => l.Amount), invoice.Subtotal);
            Assert.NotEmpty(lines[invoice.Id]);
            Assert.Equal(Math.Max(0, invoice.Total + invoice.StartingBalance), invoice.AmountDue);
            Assert.Equal(invoice.AmountDue - invoice.AmountPaid, invoice.AmountRemaining);
            Assert.Equal(invoice.Status == "paid", invoice.Paid);
            Assert.Equal(invoice.Paid ? invoice.AmountDue : 0, invoice.AmountPaid);
            Assert.Equal(invoice.Status == "paid", invoice.StatusTransitionsPaidAt is not null);
            Assert.Equal(invoice.Status == "void", invoice.StatusTransitionsVoidedAt is not null);
            Assert.Equal(invoice.Status == "uncollectible", invoice.StatusTransitionsMarkedUncollectibleAt is not null);
            Assert.Equal(invoice.Status != "draft", invoice.StatusTransitionsFinalizedAt is not null);
            Assert.Equal(invoice.Status != "draft", invoice.Number is not null);
            Assert.Equal(invoice.Status != "draft", invoice.EndingBalance is not null);
            Assert.Equal(invoice.CollectionMethod == "send_invoice" && invoice.Status != "draft", invoice.DueDate is not null);
            Assert.True(invoice.AttemptCount == 0 || invoice.Attempted);
            Assert.True(invoice.PaidOutOfBand ? invoice.Paid && invoice.ChargeId is null : true);
            if (invoice.StatusTransitionsFinalizedAt is { } finalized)
            {
                Assert.True(finalized >= invoice.Date && finalized < d.ReferenceTime);
                Assert.True((invoice.StatusTransitionsPaidAt ?? finalized) >= finalized);
            }
            if (invoice.NextPaymentAttempt is { } next && invoice.Status == "open")
                Assert.True(next > d.ReferenceTime, $"{invoice.Id}: next attempt in the past");
            Assert.True(invoice.Date < d.ReferenceTime);
            Assert.Contains(invoice.Status, new[] { "draft", "open", "paid", "uncollectible", "void" });
        }
        Assert.Equal(d.Invoices.Where(i => i.Number is not null).Count(), d.Invoices.Select(i => i.Number).OfType<string>().Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Subscription_statuses_match_their_dates_and_invoices(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var invoicesBySubscription = d.Invoices.Where(i => i.SubscriptionId is not null).ToLookup(i => i.SubscriptionId!, StringComparer.Ordinal);

        foreach (var s in d.Subscriptions)
        {
            var invoices = invoicesBySubscription[s.Id].ToList();
            Assert.NotEmpty(invoices);
            Assert.True(s.StartDate < d.ReferenceTime);
            Assert.True(s.CurrentPeriodStart < s.CurrentPeriodEnd);
            Assert.Equal(s.Status is "canceled" or "incomplete_expired", s.EndedAt is not null);
            Assert.Equal(s.PriceId is null, s.Quantity is null);
            switch (s.Status)
            {
                case "trialing":
                    Assert.True(s.TrialEnd > d.ReferenceTime);
                    break;
                case "paused":
                    Assert.True(s.TrialEnd < d.ReferenceTime);
                    Assert.Equal("pause", s.TrialSettingsEndBehaviorMissingPaymentMethod);
                    break;
                case "past_due":
                    Assert.Contains(invoices, i => i.Status == "open" && i.AttemptCount > 0 && i.NextPaymentAttempt > d.ReferenceTime);
                    break;
                case "unpaid":
                    Assert.Contains(invoices, i => i.Status is "open" or "uncollectible" && i.AttemptCount == 4);
                    break;
                case "incomplete":
                    Assert.Equal("open", Assert.Single(invoices).Status);
                    break;
                case "incomplete_expired":
                    Assert.Equal("void", Assert.Single(invoices).Status);
                    break;
                case "canceled":
                    Assert.NotNull(s.CanceledAt);
                    Assert.True(s.EndedAt < d.ReferenceTime);
                    Assert.All(invoices, i => Assert.True(i.Date < s.EndedAt));
                    break;
                case "active":
                    Assert.All(invoices, i => Assert.Contains(i.Status, new[] { "paid", "open", "draft" }));
                    break;
                default:
                    Assert.Fail($"unknown status {s.Status}");
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Delinquent_customers_are_consistent_with_their_invoices(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var invoices = d.Invoices.ToLookup(i => i.CustomerId, StringComparer.Ordinal);
        var failedInvoiceCharges = d.Charges.Where(c => c.InvoiceId is not null && c.Status == "failed").Select(c => c.CustomerId).ToHashSet(StringComparer.Ordinal);

        foreach (var customer in d.Customers)
        {
            var theirs = invoices[customer.Id].ToList();
            var failedOrOverdue = failedInvoiceCharges.Contains(customer.Id)
                || theirs.Exists(i => i.DueDate is { } due && due < d.ReferenceTime && (i.StatusTransitionsPaidAt ?? d.ReferenceTime) > due);
            if (customer.Delinquent)
                Assert.True(failedOrOverdue, $"{customer.Id} is delinquent without a failed payment or a passed due date");
            if (theirs.Count == 0)
                Assert.False(customer.Delinquent);
            if (theirs.Count > 0 && theirs.TrueForAll(i => i.Status is "paid" or "draft") && !failedOrOverdue)
                Assert.False(customer.Delinquent);
        }
    }

    [Fact]
    public void The_seed_42_dataset_covers_every_case_the_model_distinguishes()
    {
        var d = Dataset(42, 1);

        Assert.Superset(new HashSet<string> { "usd", "eur", "gbp", "jpy", "kwd" }, d.Charges.Select(c => c.Currency).ToHashSet());
        Assert.Equal(["failed", "pending", "succeeded"], d.Charges.Select(c => c.Status).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(d.Charges, c => c.Status == "succeeded" && !c.Captured);
        Assert.Contains(d.Charges, c => c.CustomerId is null);
        Assert.Contains(d.Charges, c => c.DisputeId is not null);
        Assert.Contains(d.Charges, c => c.Refunded);
        Assert.Contains(d.Charges, c => c.AmountRefunded > 0 && !c.Refunded);
        Assert.Contains(d.Refunds.GroupBy(r => r.ChargeId), g => g.Count() >= 2);
        Assert.Contains(d.Charges, c => c.Refunded && d.Refunds.Count(r => r.ChargeId == c.Id && r.Status == "succeeded") >= 2);
        Assert.Superset(new HashSet<string> { "succeeded", "pending", "failed", "canceled" }, d.Refunds.Select(r => r.Status).ToHashSet());
        Assert.Superset(new HashSet<string> { "expired_uncaptured_charge", "partial_capture", "requested_by_customer" }, d.Refunds.Select(r => r.Reason).OfType<string>().ToHashSet());

        Assert.Equal(["draft", "open", "paid", "uncollectible", "void"], d.Invoices.Select(i => i.Status).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(d.Invoices, i => i.AttemptCount >= 2);
        Assert.Contains(d.Invoices, i => i.PaidOutOfBand);
        Assert.Contains(d.Invoices, i => i.StartingBalance < 0);
        Assert.Contains(d.InvoiceLineItems, l => l.Proration && l.Amount < 0);
        Assert.Contains(d.InvoiceLineItems, l => l.SourceType == "subscription" && l.Subscription is null);
        Assert.Contains(d.InvoiceLineItems.GroupBy(l => l.Id), g => g.Count() >= 2); // legacy line ids repeat across invoices

        Assert.Equal(["active", "canceled", "incomplete", "incomplete_expired", "past_due", "paused", "trialing", "unpaid"],
            d.Subscriptions.Select(s => s.Status).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(d.Subscriptions, s => s.PriceId is null); // several items
        Assert.Contains(d.Subscriptions, s => s.Status == "active" && s.CancelAtPeriodEnd);

        Assert.Contains(d.Customers, c => c.Delinquent);
        Assert.Contains(d.Customers, c => c.Email is null);
        Assert.Contains(d.Customers, c => c.Currency is null);
        Assert.Contains(d.Customers, c => c.Deleted);
        Assert.Contains(d.Customers, c => c.Balance < 0);
        Assert.Contains(d.Customers.GroupBy(c => c.Email).Where(g => g.Key is not null), g => g.Count() >= 2);
        Assert.Contains(d.Customers, c => c.Email is { } email && email != email.ToLowerInvariant()); // emails are kept as typed
    }

    [Fact]
    public void Timestamps_are_utc_whole_seconds()
    {
        var d = Dataset(42, 1);

        foreach (var table in d.Tables)
        {
            foreach (var column in table.Columns.Where(c => c.Type == Execution.Schema.SigmaType.Timestamp))
            {
                foreach (var row in table.Rows)
                {
                    if (column.GetValue(row) is DateTime time)
                    {
                        // local_event_timestamp is wall-clock time in the account's zone: no kind.
                        Assert.Equal(column.Name == "local_event_timestamp" ? DateTimeKind.Unspecified : DateTimeKind.Utc, time.Kind);
                        Assert.Equal(0, time.Ticks % TimeSpan.TicksPerSecond);
                    }
                }
            }
        }
    }
}
