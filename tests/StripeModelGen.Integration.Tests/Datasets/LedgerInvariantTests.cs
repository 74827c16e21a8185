using StripeModelGen.Execution.Datasets;

namespace StripeModelGen.Integration.Tests.Datasets;

/// <summary>Disputes, balance transactions and payouts follow from the charges and refunds and add up, for several seeds.</summary>
public sealed class LedgerInvariantTests
{
    public static TheoryData<int, int> Seeds => SampleDataInvariantTests.Seeds;

    private static SampleDataset Dataset(int seed, int scale) => SampleDataInvariantTests.Dataset(seed, scale);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_disputed_charge_has_one_dispute(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var charges = d.Charges.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var invoices = d.Invoices.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var subscriptions = d.Subscriptions.ToDictionary(s => s.Id, StringComparer.Ordinal);

        Assert.Equal(d.Charges.Where(c => c.DisputeId is not null).Select(c => c.DisputeId!).Order(StringComparer.Ordinal),
            d.Disputes.Select(x => x.Id).Order(StringComparer.Ordinal));
        foreach (var dispute in d.Disputes)
        {
            var charge = charges[dispute.ChargeId];
            Assert.Equal(dispute.Id, charge.DisputeId);
            Assert.Equal((charge.Amount, charge.Currency), (dispute.Amount, dispute.Currency));
            Assert.Equal("succeeded", charge.Status);
            Assert.True(dispute.Created > (charge.CapturedAt ?? charge.Created) && dispute.Created < d.ReferenceTime);
            Assert.Contains(dispute.Status, new[] { "needs_response", "under_review", "won", "lost" });
            Assert.Equal(dispute.Status == "needs_response", d.ReferenceTime - dispute.Created < TimeSpan.FromDays(7));
            Assert.True(dispute.EvidenceDetailsDueBy > dispute.Created);
            if (charge.InvoiceId is { } invoiceId && invoices[invoiceId].SubscriptionId is { } subscriptionId
                && subscriptions[subscriptionId] is { CancellationDetailsReason: "payment_disputed", CanceledAt: { } canceledAt }
                && canceledAt > (charge.CapturedAt ?? charge.Created).AddMinutes(2))
                Assert.True(dispute.Created < canceledAt, $"{dispute.Id} opened after its subscription was canceled for it");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Balance_transactions_mirror_charges_refunds_and_disputes(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var bySource = d.BalanceTransactions.ToLookup(t => t.SourceId, StringComparer.Ordinal);
        var byId = d.BalanceTransactions.ToDictionary(t => t.Id, StringComparer.Ordinal);

        foreach (var transaction in d.BalanceTransactions)
        {
            Assert.StartsWith("txn_", transaction.Id, StringComparison.Ordinal);
            Assert.Equal(transaction.Amount - transaction.Fee, transaction.Net);
            Assert.True(transaction.Fee >= 0);
            Assert.Equal(transaction.AvailableOn <= d.ReferenceTime ? "available" : "pending", transaction.Status);
            Assert.True(transaction.Created < d.ReferenceTime);
            Assert.Equal(0, transaction.Amount % Currencies.MinorUnitStep(transaction.Currency));
            Assert.Equal(0, transaction.Fee % Currencies.MinorUnitStep(transaction.Currency));
        }
        foreach (var charge in d.Charges)
        {
            var theirs = bySource[charge.Id].ToList();
            Assert.Equal(charge.BalanceTransactionId is null ? 0 : 1, theirs.Count);
            if (charge.BalanceTransactionId is { } id)
            {
                var transaction = byId[id];
                Assert.Equal((charge.Id, charge.Amount, charge.Currency, "charge"), (transaction.SourceId, transaction.Amount, transaction.Currency, transaction.ReportingCategory));
                Assert.True(transaction.Fee > 0 && transaction.Fee < charge.Amount);
                if (charge.Status == "pending")
                    Assert.Equal("pending", transaction.Status);
            }
        }
        foreach (var refund in d.Refunds)
        {
            var theirs = bySource[refund.Id].ToList();
            Assert.Equal((refund.BalanceTransactionId is null ? 0 : 1) + (refund.FailureBalanceTransactionId is null ? 0 : 1), theirs.Count);
            if (refund.BalanceTransactionId is { } id)
            {
                Assert.Equal(-refund.Amount, byId[id].Amount);
                Assert.Equal(refund.Reason == "partial_capture" ? "partial_capture_reversal" : "refund", byId[id].ReportingCategory);
            }
            if (refund.FailureBalanceTransactionId is { } failure)
                Assert.Equal((refund.Amount, "refund_failure"), (byId[failure].Amount, byId[failure].ReportingCategory));
        }
        foreach (var dispute in d.Disputes)
        {
            var theirs = bySource[dispute.Id].ToList();
            var withdrawal = Assert.Single(theirs, t => t.ReportingCategory == "dispute");
            Assert.Equal(-dispute.Amount, withdrawal.Amount);
            Assert.True(withdrawal.Fee > 0);
            Assert.Equal(dispute.Status == "won" ? 1 : 0, theirs.Count(t => t.ReportingCategory == "dispute_reversal"));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Payouts_pay_out_exactly_the_transactions_that_name_them(int seed, int scale)
    {
        var d = Dataset(seed, scale);
        var paid = d.BalanceTransactions.Where(t => t.AutomaticTransferId is not null).ToLookup(t => t.AutomaticTransferId!, StringComparer.Ordinal);
        var payouts = d.Transfers.ToDictionary(p => p.Id, StringComparer.Ordinal);

        Assert.NotEmpty(d.Transfers);
        foreach (var payout in d.Transfers)
        {
            Assert.StartsWith("po_", payout.Id, StringComparison.Ordinal);
            Assert.True(payout.Amount > 0);
            Assert.Equal(payout.Amount, paid[payout.Id].Sum(t => t.Net));
            Assert.All(paid[payout.Id], t =>
            {
                Assert.Equal(payout.Currency, t.Currency);
                Assert.True(t.AvailableOn <= payout.Created && t.Created < payout.Created);
            });
            var own = Assert.Single(d.BalanceTransactions, t => t.Id == payout.BalanceTransactionId);
            Assert.Equal((-payout.Amount, "payout", payout.Id), (own.Amount, own.ReportingCategory, own.SourceId));
            Assert.Null(own.AutomaticTransferId);
            Assert.Equal(payout.Status == "failed" ? "payout_reversal" : null,
                d.BalanceTransactions.SingleOrDefault(t => t.SourceId == payout.Id && t.ReportingCategory == "payout_reversal")?.ReportingCategory);
            Assert.True(payout.Status is "paid" or "in_transit" or "failed");
            Assert.Equal(payout.Status == "in_transit", payout.Date > d.ReferenceTime);
        }
        Assert.All(d.BalanceTransactions.Where(t => t.AutomaticTransferId is not null), t => Assert.True(payouts.ContainsKey(t.AutomaticTransferId!)));
        Assert.Single(d.Transfers, p => p.Status == "failed");
    }

    [Fact]
    public void The_seed_42_ledger_covers_every_reporting_category()
    {
        var d = Dataset(42, 1);

        Assert.Equal(["charge", "dispute", "dispute_reversal", "partial_capture_reversal", "payout", "payout_reversal", "refund", "refund_failure"],
            d.BalanceTransactions.Select(t => t.ReportingCategory).Distinct().Order(StringComparer.Ordinal));
        Assert.Superset(new HashSet<string> { "charge", "payment", "refund", "adjustment", "payout", "payout_failure" }, d.BalanceTransactions.Select(t => t.Type).ToHashSet());
        Assert.Contains(d.BalanceTransactions, t => t.Status == "pending");
        Assert.Contains(d.BalanceTransactions, t => t.AutomaticTransferId is null && t.ReportingCategory == "charge"); // not paid out yet
        Assert.Superset(new HashSet<string> { "won", "lost" }, d.Disputes.Select(x => x.Status).ToHashSet());
        Assert.Equal(d.Charges.Select(c => c.Currency).Distinct().Order(StringComparer.Ordinal), d.Transfers.Select(p => p.Currency).Distinct().Order(StringComparer.Ordinal));
    }
}
