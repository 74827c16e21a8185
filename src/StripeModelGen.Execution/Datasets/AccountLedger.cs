namespace StripeModelGen.Execution.Datasets;

/// <summary>
/// The account's money movements, derived from the charges and refunds once every customer is
/// simulated: one dispute per disputed charge, the balance transactions of captured charges,
/// refunds (and refund failures), disputes (and won disputes' reversals), and the automatic weekly
/// payouts per currency that pay the available balance out (<c>transfers</c>, with one failed
/// payout whose amount returns to the balance). The account settles in every currency, so balance
/// transactions have no exchange rate. Each dispute draws from a stream keyed by its id and each
/// currency's payouts from their own stream.
/// </summary>
internal static class AccountLedger
{
    private static readonly string[] CurrencyCodes = [.. PriceCatalog.CurrencyWeights.Select(c => c.Currency)];

    /// <summary>The usd payout (in order) that fails: its bank account was closed.</summary>
    private const int FailedPayoutIndex = 20;

    public sealed record Result(List<DisputeRow> Disputes, List<BalanceTransactionRow> BalanceTransactions, List<TransferRow> Payouts);

    public static Result Build(int seed, DateTime reference, IReadOnlyList<ChargeRow> charges, IReadOnlyList<RefundRow> refunds,
        IReadOnlyList<InvoiceRow> invoices, IReadOnlyList<SubscriptionRow> subscriptions)
    {
        var chargesById = charges.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var transactions = new List<BalanceTransactionRow>();
        BalanceTransactionRow Transaction(string id, DateTime created, DateTime availableOn, long amount, long fee, string currency, string type, string category, string source, string? description) => new()
        {
            Id = id,
            Created = created,
            AvailableOn = availableOn,
            Amount = amount,
            Fee = fee,
            Net = amount - fee,
            Currency = currency,
            Status = availableOn <= reference ? "available" : "pending",
            Type = type,
            ReportingCategory = category,
            SourceId = source,
            Description = description,
        };

        foreach (var charge in charges.Where(c => c.BalanceTransactionId is not null))
        {
            var created = charge.CapturedAt ?? charge.Created;
            var bank = IsBankDebit(charge);
            var availableOn = created.Date.AddDays(bank ? 5 : 2);
            if (charge.Status == "pending" && availableOn <= reference)
                availableOn = reference.Date.AddDays(1); // still settling
            transactions.Add(Transaction(charge.BalanceTransactionId!, created, availableOn, charge.Amount, Fee(charge), charge.Currency,
                bank ? "payment" : "charge", "charge", charge.Id, charge.Description));
        }

        foreach (var refund in refunds.Where(r => r.BalanceTransactionId is not null))
        {
            var charge = chargesById[refund.ChargeId];
            var bank = IsBankDebit(charge);
            var (type, category) = refund.Reason == "partial_capture" ? ("refund", "partial_capture_reversal") : (bank ? "payment_refund" : "refund", "refund");
            transactions.Add(Transaction(refund.BalanceTransactionId!, refund.Created, refund.Created.Date, -refund.Amount, 0, refund.Currency,
                type, category, refund.Id, "REFUND FOR CHARGE (" + (charge.Description ?? charge.Id) + ")"));
            if (refund.FailureBalanceTransactionId is { } failureId)
            {
                var random = SampleRandom.ForKey(seed, "refund-failure", refund.Id);
                var failedAt = Min(refund.Created + random.Duration(TimeSpan.FromDays(1), TimeSpan.FromDays(6)), reference.AddSeconds(-1));
                transactions.Add(Transaction(failureId, failedAt, failedAt.Date, refund.Amount, 0, refund.Currency,
                    "refund_failure", "refund_failure", refund.Id, "REFUND FAILURE FOR CHARGE (" + (charge.Description ?? charge.Id) + ")"));
            }
        }

        var disputes = Disputes(seed, reference, charges, invoices, subscriptions, transactions, Transaction);
        var payouts = Payouts(seed, reference, transactions, Transaction);
        transactions.Sort((a, b) => a.Created != b.Created ? a.Created.CompareTo(b.Created) : string.CompareOrdinal(a.Id, b.Id));
        return new Result(disputes, transactions, payouts);
    }

    private delegate BalanceTransactionRow TransactionFactory(string id, DateTime created, DateTime availableOn, long amount, long fee, string currency,
        string type, string category, string source, string? description);

    private static bool IsBankDebit(ChargeRow charge) => charge.PaymentMethodType is "sepa_debit" or "us_bank_account";

    /// <summary>Card 2.9 % plus a fixed fee per currency; SEPA a fixed fee; ACH 0.8 % capped at $5.</summary>
    private static long Fee(ChargeRow charge)
    {
        var currency = charge.Currency;
        return charge.PaymentMethodType switch
        {
            "sepa_debit" => Currencies.RoundToStep(35, currency),
            "us_bank_account" => Math.Min(500, Currencies.RoundToStep(charge.Amount * 0.008m, currency)),
            _ => Currencies.RoundToStep(charge.Amount * 0.029m + FixedCardFee(currency), currency),
        };
    }

    private static long FixedCardFee(string currency) => currency switch
    {
        "usd" or "cad" => 30,
        "eur" => 25,
        "gbp" => 20,
        "jpy" => 40,
        "kwd" => 100,
        _ => 30,
    };

    private static long DisputeFee(string currency) => currency switch
    {
        "eur" or "gbp" => 2000,
        "jpy" => 2000,
        "kwd" => 5000,
        _ => 1500,
    };

    /// <summary>
    /// A dispute per disputed charge: opened after the charge (before the subscription was canceled
    /// for it), open for a week (needs_response), then under review, then won or lost about a month
    /// later. The dispute debits the amount and a fee; a won dispute credits the amount back.
    /// </summary>
    private static List<DisputeRow> Disputes(int seed, DateTime reference, IReadOnlyList<ChargeRow> charges, IReadOnlyList<InvoiceRow> invoices,
        IReadOnlyList<SubscriptionRow> subscriptions, List<BalanceTransactionRow> transactions, TransactionFactory transaction)
    {
        var invoicesById = invoices.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var subscriptionsById = subscriptions.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var disputes = new List<DisputeRow>();
        foreach (var charge in charges.Where(c => c.DisputeId is not null))
        {
            var random = SampleRandom.ForKey(seed, "dispute", charge.DisputeId!);
            var paidAt = charge.CapturedAt ?? charge.Created;
            var latest = reference.AddHours(-1);
            var subscription = charge.InvoiceId is { } invoiceId && invoicesById[invoiceId].SubscriptionId is { } subscriptionId ? subscriptionsById[subscriptionId] : null;
            if (subscription is { CancellationDetailsReason: "payment_disputed", CanceledAt: { } canceledAt } && canceledAt > paidAt.AddMinutes(2))
                latest = canceledAt.AddMinutes(-1);
            var window = latest - paidAt;
            var created = window > TimeSpan.FromMinutes(2)
                ? paidAt.AddMinutes(1) + random.Duration(TimeSpan.Zero, Min(TimeSpan.FromDays(45), window - TimeSpan.FromMinutes(2)))
                : paidAt.AddSeconds(Math.Max(1, (long)(reference - paidAt).TotalSeconds / 2));
            var bank = IsBankDebit(charge);
            var reason = bank ? "debit_not_authorized"
                : random.Weighted(("fraudulent", 35), ("product_not_received", 15), (subscription is null ? "duplicate" : "subscription_canceled", 20),
                    ("general", 10), ("credit_not_processed", 10), ("unrecognized", 10));
            var closedAt = created + random.Duration(TimeSpan.FromDays(20), TimeSpan.FromDays(70));
            var lost = random.Chance(0.6);
            var answered = !lost || random.Chance(0.5);
            var status = reference - created < TimeSpan.FromDays(7) ? "needs_response"
                : closedAt >= reference ? "under_review"
                : lost ? "lost" : "won";
            var dueBy = created.Date.AddDays(8).AddSeconds(-1);
            var hasEvidence = status is "under_review" or "won" || (status == "lost" && answered);
            disputes.Add(new DisputeRow
            {
                Id = charge.DisputeId!,
                ChargeId = charge.Id,
                Amount = charge.Amount,
                Currency = charge.Currency,
                Status = status,
                Reason = reason,
                NetworkReasonCode = NetworkReasonCode(charge.CardNetwork, reason),
                IsChargeRefundable = false,
                Created = created,
                EvidenceDetailsDueBy = dueBy,
                EvidenceDetailsHasEvidence = hasEvidence,
                EvidenceDetailsPastDue = status == "lost" && !hasEvidence,
                EvidenceDetailsSubmissionCount = hasEvidence ? 1 : 0,
                EvidenceCustomerEmailAddress = hasEvidence ? charge.ReceiptEmail : null,
            });
            var fee = DisputeFee(charge.Currency);
            transactions.Add(transaction(random.Id("txn_"), created, created.Date, -charge.Amount, fee, charge.Currency,
                "adjustment", "dispute", charge.DisputeId!, "Chargeback withdrawal for " + charge.Id));
            if (status == "won")
            {
                transactions.Add(transaction(random.Id("txn_"), closedAt, closedAt.Date, charge.Amount, 0, charge.Currency,
                    "adjustment", "dispute_reversal", charge.DisputeId!, "Chargeback reversal for " + charge.Id));
            }
        }
        disputes.Sort((a, b) => a.Created != b.Created ? a.Created.CompareTo(b.Created) : string.CompareOrdinal(a.Id, b.Id));
        return disputes;
    }

    private static string? NetworkReasonCode(string? network, string reason) => (network, reason) switch
    {
        ("visa", "fraudulent") or ("visa", "unrecognized") => "10.4",
        ("visa", "product_not_received") => "13.1",
        ("visa", "subscription_canceled") => "13.2",
        ("visa", "duplicate") => "12.6.1",
        ("visa", "credit_not_processed") => "13.6",
        ("visa", "general") => "13.3",
        ("mastercard", "fraudulent") or ("mastercard", "unrecognized") => "4837",
        ("mastercard", "product_not_received") => "4855",
        ("mastercard", "subscription_canceled") => "4841",
        ("mastercard", "duplicate") => "4834",
        ("mastercard", "credit_not_processed") => "4860",
        ("mastercard", "general") => "4853",
        _ => null,
    };

    /// <summary>
    /// Weekly automatic payouts per currency, every Monday: everything available by then (and created
    /// before) is paid out when the total is positive; a negative balance waits for the next week. The
    /// transactions paid out carry the payout's id in <c>automatic_transfer_id</c>.
    /// </summary>
    private static List<TransferRow> Payouts(int seed, DateTime reference, List<BalanceTransactionRow> transactions, TransactionFactory transaction)
    {
        var payouts = new List<TransferRow>();
        var paidBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var accounts = new SampleRandom(seed, "bank-accounts", 0);
        for (var c = 0; c < CurrencyCodes.Length; c++)
        {
            var currency = CurrencyCodes[c];
            var bankAccount = accounts.Id("ba_", 24);
            var random = new SampleRandom(seed, "payouts", c);
            var unpaid = transactions.Where(t => t.Currency == currency)
                .OrderBy(t => t.AvailableOn).ThenBy(t => t.Created).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
            if (unpaid.Count == 0)
                continue;
            var monday = unpaid.Min(t => t.Created).Date;
            monday = monday.AddDays(((int)DayOfWeek.Monday - (int)monday.DayOfWeek + 7) % 7 + 7);
            var index = 0;
            for (; monday < reference; monday = monday.AddDays(7))
            {
                var due = unpaid.Where(t => t.AvailableOn <= monday && t.Created < monday).ToList();
                var amount = due.Sum(t => t.Net);
                if (amount <= 0)
                    continue;
                var created = monday + random.Duration(TimeSpan.FromHours(1), TimeSpan.FromHours(3));
                if (created >= reference)
                    break;
                var id = random.Id("po_", 24);
                var balanceTransactionId = random.Id("txn_");
                foreach (var paid in due)
                {
                    paidBy[paid.Id] = id;
                    unpaid.Remove(paid);
                }
                var arrival = monday.AddDays(2);
                var failed = currency == "usd" && index == FailedPayoutIndex && arrival.AddDays(1) < reference;
                payouts.Add(new TransferRow
                {
                    Id = id,
                    Created = created,
                    Date = arrival,
                    Amount = amount,
                    AmountReversed = 0,
                    Currency = currency,
                    Status = failed ? "failed" : arrival <= reference ? "paid" : "in_transit",
                    Automatic = true,
                    Type = "bank_account",
                    SourceType = "card",
                    DestinationId = bankAccount,
                    BalanceTransactionId = balanceTransactionId,
                    Reversed = false,
                    Description = "STRIPE PAYOUT",
                    FailureCode = failed ? "account_closed" : null,
                    FailureMessage = failed ? "The bank account has been closed." : null,
                });
                transactions.Add(transaction(balanceTransactionId, created, created.Date, -amount, 0, currency, "payout", "payout", id, "STRIPE PAYOUT"));
                if (failed)
                {
                    // The money comes back and goes out with a later payout.
                    var returned = transaction(random.Id("txn_"), arrival.AddDays(1), arrival.AddDays(1), amount, 0, currency, "payout_failure", "payout_reversal", id, "STRIPE PAYOUT FAILURE");
                    transactions.Add(returned);
                    unpaid.Add(returned);
                }
                index++;
            }
        }
        for (var i = 0; i < transactions.Count; i++)
        {
            if (paidBy.TryGetValue(transactions[i].Id, out var payout))
                transactions[i] = transactions[i] with { AutomaticTransferId = payout };
        }
        payouts.Sort((a, b) => a.Created != b.Created ? a.Created.CompareTo(b.Created) : string.CompareOrdinal(a.Id, b.Id));
        return payouts;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
