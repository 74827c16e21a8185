using System.Globalization;

namespace StripeModelGen.Execution.Datasets;

/// <summary>A saved card or bank account and what Stripe records about it on each charge.</summary>
internal sealed record PaymentMethodProfile(
    string Id,
    string Type,
    string? Brand,
    string? Network,
    string? Funding,
    string? Country,
    string? Last4,
    long? ExpMonth,
    long? ExpYear,
    string? Fingerprint)
{
    public bool IsCard => Type == "card";

    /// <summary>Bank debits settle after a few days: their charges stay pending meanwhile.</summary>
    public bool IsBankDebit => Type is "sepa_debit" or "us_bank_account";

    /// <summary>How long a debit takes to settle: ACH 3-6 days, SEPA 5-14 days; cards settle at once.</summary>
    public TimeSpan Settlement(SampleRandom random) => Type switch
    {
        "sepa_debit" => TimeSpan.FromDays(random.Between(5, 14)),
        "us_bank_account" => TimeSpan.FromDays(random.Between(3, 6)),
        _ => TimeSpan.Zero,
    };

    public static PaymentMethodProfile NewCard(SampleRandom random, string? country)
    {
        var (brand, network) = random.Weighted(
            (("Visa", "visa"), 55), (("MasterCard", "mastercard"), 30), (("American Express", "amex"), 10),
            (("Discover", "discover"), 3), (("JCB", "jcb"), country == "JP" ? 20 : 2));
        var funding = random.Weighted(("credit", 60), ("debit", 35), ("prepaid", 4), ("unknown", 1));
        var cardCountry = country is not null && random.Chance(0.9) ? country : random.Pick(["US", "GB", "DE", "FR", "JP", "CA", "BR"]);
        return new PaymentMethodProfile(
            random.Id("pm_"), "card", brand, network, funding, cardCountry, random.Digits(4),
            random.Between(1, 12), random.Between(2026, 2031), random.Id("", 16));
    }

    public static PaymentMethodProfile NewBankDebit(SampleRandom random, string currency) =>
        new(random.Id("pm_"), currency == "eur" ? "sepa_debit" : "us_bank_account", null, null, null, null, random.Digits(4), null, null, random.Id("", 16));
}

/// <summary>How a charge attempt ends.</summary>
internal enum AttemptOutcome
{
    Succeeded,
    /// <summary>Authorised for later capture and not captured (yet).</summary>
    Uncaptured,
    Pending,
    Failed,
    /// <summary>Blocked by Radar before reaching the network.</summary>
    Blocked,
}

/// <summary>Builds charge rows (one per attempt) and refund rows with Stripe's field semantics.</summary>
internal sealed class PaymentWriter
{
    private static readonly (string Code, string Message, string Reason, int Weight)[] CardFailures =
    [
        ("card_declined", "Your card was declined.", "generic_decline", 30),
        ("card_declined", "Your card was declined.", "do_not_honor", 10),
        ("card_declined", "Your card has insufficient funds.", "insufficient_funds", 15),
        ("expired_card", "Your card has expired.", "expired_card", 12),
        ("incorrect_cvc", "Your card's security code is incorrect.", "incorrect_cvc", 8),
        ("processing_error", "An error occurred while processing your card. Try again in a little bit.", "processing_error", 5),
    ];

    private static readonly (string Code, string Message, int Weight)[] BankFailures =
    [
        ("insufficient_funds", "The customer's account has insufficient funds to cover this payment.", 3),
        ("debit_not_authorized", "The customer has notified their bank that this payment was unauthorized.", 1),
    ];

    private readonly SampleRandom _random;
    private readonly DateTime _reference;
    private readonly List<ChargeRow> _charges;
    private readonly List<RefundRow> _refunds;

    public PaymentWriter(SampleRandom random, DateTime reference, List<ChargeRow> charges, List<RefundRow> refunds)
    {
        _random = random;
        _reference = reference;
        _charges = charges;
        _refunds = refunds;
    }

    /// <summary>Writes one charge attempt (without refunds) and returns it.</summary>
    public ChargeRow Charge(
        DateTime created, string? customerId, string? invoiceId, string paymentIntent, long amount, string currency,
        PaymentMethodProfile method, AttemptOutcome outcome, string? description, string? receiptEmail)
    {
        var random = _random;
        string? failureCode = null, failureMessage = null, outcomeReason = null;
        string outcomeType, networkStatus, riskLevel, sellerMessage;
        long? riskScore;
        switch (outcome)
        {
            case AttemptOutcome.Failed when method.IsCard:
            {
                var failure = random.Weighted(CardFailures.Select(f => (f, f.Weight)).ToArray());
                (failureCode, failureMessage, outcomeReason) = (failure.Code, failure.Message, failure.Reason);
                outcomeType = "issuer_declined";
                networkStatus = "declined_by_network";
                sellerMessage = failure.Reason == "generic_decline"
                    ? "The bank did not return any further details with this decline."
                    : $"The bank returned the decline code `{failure.Reason}`.";
                (riskLevel, riskScore) = ("normal", random.Between(5L, 64L));
                break;
            }
            case AttemptOutcome.Failed:
            {
                var failure = random.Weighted(BankFailures.Select(f => (f, f.Weight)).ToArray());
                (failureCode, failureMessage) = (failure.Code, failure.Message);
                outcomeType = "issuer_declined";
                networkStatus = "declined_by_network";
                sellerMessage = "The bank declined this payment.";
                (riskLevel, riskScore) = ("not_assessed", null);
                break;
            }
            case AttemptOutcome.Blocked:
                (failureCode, failureMessage, outcomeReason) = ("card_declined", "Your card was declined.", "highest_risk_level");
                outcomeType = "blocked";
                networkStatus = "not_sent_to_network";
                sellerMessage = "Stripe blocked this payment as too risky.";
                (riskLevel, riskScore) = ("highest", random.Between(76L, 99L));
                break;
            default:
                if (method.IsCard && random.Chance(0.04))
                {
                    outcomeType = "manual_review";
                    outcomeReason = "elevated_risk_level";
                    sellerMessage = "Stripe evaluated this payment as having elevated risk, and placed it in your manual review queue.";
                    (riskLevel, riskScore) = ("elevated", random.Between(65L, 75L));
                }
                else
                {
                    outcomeType = "authorized";
                    sellerMessage = "Payment complete.";
                    (riskLevel, riskScore) = method.IsCard ? ("normal", random.Between(0L, 64L)) : ("not_assessed", (long?)null);
                }
                networkStatus = "approved_by_network";
                break;
        }

        var succeeded = outcome is AttemptOutcome.Succeeded or AttemptOutcome.Uncaptured;
        var captured = outcome is AttemptOutcome.Succeeded or AttemptOutcome.Pending;
        var status = outcome switch
        {
            AttemptOutcome.Succeeded or AttemptOutcome.Uncaptured => "succeeded",
            AttemptOutcome.Pending => "pending",
            _ => "failed",
        };
        var charge = new ChargeRow
        {
            Id = random.Id("ch_"),
            Created = created,
            CustomerId = customerId,
            InvoiceId = invoiceId,
            PaymentIntent = paymentIntent,
            Amount = amount,
            AmountRefunded = 0,
            Currency = currency,
            Status = status,
            Paid = succeeded,
            Captured = captured,
            CapturedAt = captured ? created.AddSeconds(method.IsCard ? 1 : 0) : null,
            Refunded = false,
            FailureCode = failureCode,
            FailureMessage = failureMessage,
            BalanceTransactionId = captured ? random.Id("txn_") : null,
            Description = description,
            ReceiptEmail = receiptEmail,
            ReceiptNumber = succeeded && receiptEmail is not null ? $"{random.Digits(4)}-{random.Digits(4)}" : null,
            CalculatedStatementDescriptor = method.IsCard ? "ACMECLOUD" : null,
            PaymentMethodId = method.Id,
            PaymentMethodType = method.Type,
            CardBrand = method.Brand,
            CardFunding = method.Funding,
            CardCountry = method.Country,
            CardLast4 = method.IsCard ? method.Last4 : null,
            CardExpMonth = method.ExpMonth,
            CardExpYear = method.ExpYear,
            CardFingerprint = method.IsCard ? method.Fingerprint : null,
            CardNetwork = method.Network,
            CardCvcCheck = method.IsCard ? (failureCode == "incorrect_cvc" ? "fail" : "pass") : null,
            OutcomeType = outcomeType,
            OutcomeReason = outcomeReason,
            OutcomeNetworkStatus = networkStatus,
            OutcomeRiskLevel = riskLevel,
            OutcomeRiskScore = riskScore,
            OutcomeSellerMessage = sellerMessage,
        };
        _charges.Add(charge);
        return charge;
    }

    /// <summary>Replaces a charge written earlier (records are immutable).</summary>
    public ChargeRow Replace(ChargeRow charge, ChargeRow updated)
    {
        var index = _charges.LastIndexOf(charge);
        _charges[index] = updated;
        return updated;
    }

    /// <summary>Manual capture: captured later in full or in part, still open, or expired and released after 7 days.</summary>
    public void SettleUncaptured(ChargeRow charge)
    {
        var random = _random;
        if (charge.Created > _reference.AddDays(-7))
            return; // an open hold
        var roll = random.Weighted(("capture", 60), ("partial", 15), ("expire", 25));
        switch (roll)
        {
            case "capture":
            case "partial":
            {
                var capturedAt = charge.Created + random.Duration(TimeSpan.FromHours(1), TimeSpan.FromDays(5));
                long released = 0;
                if (roll == "partial")
                {
                    var step = Currencies.MinorUnitStep(charge.Currency);
                    released = Math.Clamp(Currencies.RoundToStep(charge.Amount * (decimal)(0.1 + 0.4 * random.NextDouble()), charge.Currency), step, charge.Amount - step);
                    _refunds.Add(NewRefund(charge, released, "succeeded", "partial_capture", capturedAt, null));
                }
                Replace(charge, charge with
                {
                    Captured = true,
                    CapturedAt = capturedAt,
                    BalanceTransactionId = random.Id("txn_"),
                    AmountRefunded = released,
                });
                break;
            }
            default:
            {
                var expiredAt = charge.Created.AddDays(7);
                _refunds.Add(NewRefund(charge, charge.Amount, "succeeded", "expired_uncaptured_charge", expiredAt, null) with { BalanceTransactionId = null });
                Replace(charge, charge with { AmountRefunded = charge.Amount, Refunded = true });
                break;
            }
        }
    }

    /// <summary>Customer refunds of a captured charge: full, partial, several partial ones, failed or canceled ones.</summary>
    public ChargeRow Refund(ChargeRow charge, bool bankDebit)
    {
        var random = _random;
        var capturedAt = charge.CapturedAt ?? charge.Created;
        if (capturedAt > _reference.AddHours(-2))
            return charge;
        var step = Currencies.MinorUnitStep(charge.Currency);
        var scenario = random.Weighted(("full", 40), ("partial", 30), ("several", 20), ("failed", 6), ("canceled", 4));
        var reason = random.Weighted<string?>(("requested_by_customer", 60), ("duplicate", 10), ("fraudulent", 5), (null, 25));
        var time = capturedAt;
        DateTime NextTime()
        {
            var remaining = _reference - time;
            time += random.Duration(TimeSpan.FromMinutes(10), remaining < TimeSpan.FromDays(40) ? remaining : TimeSpan.FromDays(40));
            return time;
        }
        string SucceededStatus(DateTime created) =>
            (bankDebit && created > _reference.AddDays(-5)) || (created > _reference.AddDays(-1) && random.Chance(0.3)) ? "pending" : "succeeded";
        long Part(long remaining) =>
            remaining <= 2 * step ? remaining : Math.Clamp(Currencies.RoundToStep(remaining * (decimal)(0.1 + 0.5 * random.NextDouble()), charge.Currency), step, remaining - step);

        long refunded = 0;
        switch (scenario)
        {
            case "full":
            {
                var created = NextTime();
                _refunds.Add(NewRefund(charge, charge.Amount, SucceededStatus(created), reason, created, bankDebit));
                refunded = charge.Amount;
                break;
            }
            case "partial":
            {
                var created = NextTime();
                refunded = Part(charge.Amount);
                _refunds.Add(NewRefund(charge, refunded, SucceededStatus(created), reason, created, bankDebit));
                break;
            }
            case "several":
            {
                var count = random.Between(2, 3);
                var toFull = random.Chance(0.4);
                for (var i = 0; i < count && refunded < charge.Amount; i++)
                {
                    var remaining = charge.Amount - refunded;
                    var amount = i == count - 1 && toFull ? remaining : Part(remaining);
                    var created = NextTime();
                    _refunds.Add(NewRefund(charge, amount, SucceededStatus(created), reason, created, bankDebit));
                    refunded += amount;
                }
                break;
            }
            case "failed":
            {
                var created = NextTime();
                var failed = NewRefund(charge, charge.Amount, "failed", reason, created, bankDebit) with
                {
                    FailureReason = random.Pick(["expired_or_canceled_card", "lost_or_stolen_card", "declined", "unknown"]),
                    FailureBalanceTransactionId = random.Id("txn_"),
                    ReceiptNumber = null,
                };
                _refunds.Add(failed);
                if (random.Chance(0.5))
                {
                    var retry = NextTime();
                    _refunds.Add(NewRefund(charge, charge.Amount, SucceededStatus(retry), reason, retry, bankDebit));
                    refunded = charge.Amount;
                }
                break;
            }
            default:
            {
                var created = NextTime();
                _refunds.Add(NewRefund(charge, Part(charge.Amount), "canceled", reason, created, bankDebit) with
                {
                    BalanceTransactionId = null,
                    ReceiptNumber = null,
                });
                break;
            }
        }
        return Replace(charge, charge with { AmountRefunded = refunded, Refunded = refunded == charge.Amount });
    }

    private RefundRow NewRefund(ChargeRow charge, long amount, string status, string? reason, DateTime created, bool? bankDebit)
    {
        var random = _random;
        return new RefundRow
        {
            Id = random.Id("re_"),
            ChargeId = charge.Id,
            Amount = amount,
            Currency = charge.Currency,
            Status = status,
            Reason = reason,
            Created = created,
            BalanceTransactionId = random.Id("txn_"),
            ReceiptNumber = status == "succeeded" && random.Chance(0.5) ? $"{random.Digits(4)}-{random.Digits(4)}" : null,
            RefundDescription = bankDebit == true ? "Refund for " + charge.Id : null,
            RefundPaymentIntent = charge.PaymentIntent,
        };
    }

    /// <summary>A one-off purchase: a payment intent with its charge attempts (some failing before a success, some abandoned).</summary>
    public void Purchase(DateTime created, string? customerId, string currency, long amount, PaymentMethodProfile method, string? receiptEmail, string? description)
    {
        var random = _random;
        var paymentIntent = random.Id("pi_");
        var time = created;
        if (method.IsBankDebit)
        {
            var failed = random.Chance(0.05);
            var outcome = failed ? AttemptOutcome.Failed : time + method.Settlement(random) > _reference ? AttemptOutcome.Pending : AttemptOutcome.Succeeded;
            var charge = Charge(time, customerId, null, paymentIntent, amount, currency, method, outcome, description, receiptEmail);
            if (outcome == AttemptOutcome.Succeeded && random.Chance(0.06))
                Refund(charge, bankDebit: true);
            return;
        }

        var failures = random.Weighted((0, 85), (1, 7), (2, 3), (-1, 5)); // -1: fails 1-3 times, then abandoned
        var abandoned = failures < 0;
        if (abandoned)
            failures = random.Between(1, 3);
        for (var i = 0; i < failures; i++)
        {
            Charge(time, customerId, null, paymentIntent, amount, currency, method, random.Chance(0.15) ? AttemptOutcome.Blocked : AttemptOutcome.Failed, description, receiptEmail);
            time += random.Duration(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(30));
            if (time >= _reference)
                return;
        }
        if (abandoned)
            return;

        if (random.Chance(0.05))
        {
            SettleUncaptured(Charge(time, customerId, null, paymentIntent, amount, currency, method, AttemptOutcome.Uncaptured, description, receiptEmail));
            return;
        }
        var succeeded = Charge(time, customerId, null, paymentIntent, amount, currency, method, AttemptOutcome.Succeeded, description, receiptEmail);
        if (random.Chance(0.10))
            succeeded = Refund(succeeded, bankDebit: false);
        if (succeeded.AmountRefunded == 0 && random.Chance(0.012))
            Replace(succeeded, succeeded with { DisputeId = random.Id("dp_") });
    }

    public static string ReceiptOrderNumber(SampleRandom random) => random.Between(10000, 99999).ToString(CultureInfo.InvariantCulture);
}
