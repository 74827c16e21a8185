namespace StripeModelGen.Execution.Datasets;

internal sealed partial class CustomerSimulation
{
    private const decimal VatRate = 0.20m;

    private long _balance;
    private int _creditsApplied;

    /// <summary>An invoice row, its line rows and the discount amounts of its lines.</summary>
    internal sealed record SettledInvoice(InvoiceRow Invoice, List<InvoiceLineItemRow> Lines, List<InvoiceLineItemDiscountAmountRow> DiscountAmounts);

    /// <summary>
    /// Settles every invoice in finalisation order (drafts last): applies the credit balance,
    /// numbers the invoice, computes discount, tax and amounts, then plays its payment attempts.
    /// </summary>
    private List<SettledInvoice> SettleInvoices(List<PlannedInvoice> invoices)
    {
        _credits.Sort((a, b) => a.Time.CompareTo(b.Time));
        var ordered = invoices
            .Select((invoice, index) => (invoice, index))
            .OrderBy(p => p.invoice.FinalizedAt ?? DateTime.MaxValue)
            .ThenBy(p => p.invoice.Created)
            .ThenBy(p => p.index)
            .Select(p => p.invoice)
            .ToList();
        var settled = new List<SettledInvoice>(ordered.Count);
        var sequence = 0;
        foreach (var invoice in ordered)
        {
            var finalized = invoice.FinalizedAt is not null;
            ApplyCreditsUntil(invoice.FinalizedAt ?? _reference);

            var subtotal = invoice.Lines.Sum(l => l.Amount);
            var discountable = invoice.Lines.Where(l => !l.Proration).Sum(l => l.Amount);
            // Each discount takes its percentage of the discountable amount (prorations are not discountable).
            var discounts = discountable > 0
                ? invoice.Discounts.Select(d => (Discount: d, Amount: Currencies.RoundToStep(discountable * d.Coupon.Rate, _currency))).Where(d => d.Amount > 0).ToList()
                : [];
            var discount = discounts.Sum(d => d.Amount);
            long? tax = Taxable ? (_taxExempt == "none" ? Currencies.RoundToStep(Math.Max(0, subtotal - discount) * VatRate, _currency) : 0) : null;
            var total = subtotal - discount + (tax ?? 0);
            var startingBalance = _balance;
            var amountDue = Math.Max(0, total + startingBalance);
            long? endingBalance = null;
            if (finalized)
            {
                endingBalance = Math.Min(0, total + startingBalance);
                _balance = endingBalance.Value;
            }
            if (invoice.NeedsPayment && amountDue == 0)
                throw new InvalidOperationException($"Sample data bug: invoice {invoice.Id} must fail to be paid but nothing is due.");

            var result = Play(invoice, amountDue);
            var reference = invoice.FinalizedAt ?? _reference;
            var row = new InvoiceRow
            {
                Id = invoice.Id,
                Number = finalized ? $"{_invoicePrefix}-{++sequence:0000}" : null,
                CustomerId = _id,
                SubscriptionId = invoice.SubscriptionId,
                ChargeId = result.ChargeId,
                CustomerEmail = EmailAt(reference),
                CustomerName = _name,
                CustomerAddressCountry = _country,
                CustomerTaxExempt = _taxExempt,
                Status = result.Status,
                Paid = result.Status == "paid",
                PaidOutOfBand = result.PaidOutOfBand,
                Attempted = result.Attempted,
                AutoAdvance = result.AutoAdvance,
                CollectionMethod = invoice.CollectionMethod,
                BillingReason = invoice.BillingReason,
                AttemptCount = result.AttemptCount,
                Currency = _currency,
                Subtotal = subtotal,
                Tax = tax,
                Total = total,
                AmountDue = amountDue,
                AmountPaid = result.Status == "paid" ? amountDue : 0,
                AmountRemaining = result.Status == "paid" ? 0 : amountDue,
                StartingBalance = startingBalance,
                EndingBalance = endingBalance,
                DiscountCouponId = discount > 0 ? discounts[0].Discount.Coupon.Id : null,
                Discounts = discount > 0 ? string.Join(",", discounts.Select(d => d.Discount.Id)) : null,
                AutomaticTaxEnabled = Taxable,
                Date = invoice.Created,
                DueDate = finalized && invoice.DaysUntilDue is { } days ? invoice.FinalizedAt!.Value.AddDays(days) : null,
                PeriodStart = invoice.PeriodStart,
                PeriodEnd = invoice.PeriodEnd,
                EffectiveAt = invoice.FinalizedAt,
                NextPaymentAttempt = result.NextPaymentAttempt,
                WebhooksDeliveredAt = invoice.Created.AddSeconds(_random.Between(1, 30)),
                StatusTransitionsFinalizedAt = invoice.FinalizedAt,
                StatusTransitionsPaidAt = result.PaidAt,
                StatusTransitionsVoidedAt = result.VoidedAt,
                StatusTransitionsMarkedUncollectibleAt = result.MarkedUncollectibleAt,
                Description = invoice.Description,
            };
            var lines = invoice.Lines.Select(line => new InvoiceLineItemRow
            {
                Id = line.Id,
                InvoiceId = invoice.Id,
                InvoiceItemId = line.InvoiceItemId,
                Subscription = line.SubscriptionColumnBlank ? null : line.SubscriptionId,
                SubscriptionItemId = line.SubscriptionItemId,
                SourceType = line.SourceType,
                SourceId = line.SourceType == "subscription" ? line.SubscriptionId : line.InvoiceItemId,
                PriceId = line.Price?.Id,
                PlanId = line.Price is { IsRecurring: true } price ? price.Id : null,
                Description = line.Description,
                Proration = line.Proration,
                Discountable = !line.Proration,
                Quantity = line.Quantity,
                Currency = _currency,
                Amount = line.Amount,
                PeriodStart = line.PeriodStart,
                PeriodEnd = line.PeriodEnd,
                ProrationDetailsCreditedItemsInvoice = line.CreditedInvoiceId,
                ProrationDetailsCreditedItemsInvoiceLineItems = line.CreditedLineId,
            }).ToList();
            settled.Add(new SettledInvoice(row, lines, DiscountAmounts(invoice, discounts)));
        }
        return settled;
    }

    /// <summary>
    /// Spreads each discount over the discounted lines in proportion to their amounts (rounded down to
    /// the currency's step, the largest line taking the remainder), so an invoice's discount amounts add
    /// up to its discount exactly.
    /// </summary>
    private List<InvoiceLineItemDiscountAmountRow> DiscountAmounts(PlannedInvoice invoice, List<(PlannedDiscount Discount, long Amount)> discounts)
    {
        var rows = new List<InvoiceLineItemDiscountAmountRow>();
        var lines = invoice.Lines.Where(l => !l.Proration && l.Amount > 0).ToList();
        if (lines.Count == 0)
            return rows;
        var total = lines.Sum(l => l.Amount);
        var largest = lines.IndexOf(lines.MaxBy(l => l.Amount)!);
        var step = Currencies.MinorUnitStep(_currency);
        foreach (var (discount, amount) in discounts)
        {
            var shares = lines.Select(l => (long)Math.Floor((decimal)amount * l.Amount / total / step) * step).ToArray();
            shares[largest] += amount - shares.Sum();
            for (var i = 0; i < lines.Count; i++)
            {
                if (shares[i] == 0)
                    continue;
                rows.Add(new InvoiceLineItemDiscountAmountRow
                {
                    Id = discount.Id,
                    InvoiceId = invoice.Id,
                    InvoiceLineItemId = lines[i].Id,
                    Discount = discount.Id,
                    Amount = shares[i],
                });
            }
        }
        return rows;
    }

    private void ApplyCreditsUntil(DateTime time)
    {
        while (_creditsApplied < _credits.Count && _credits[_creditsApplied].Time <= time)
            _balance -= _credits[_creditsApplied++].Amount;
    }

    private long FinalBalance()
    {
        ApplyCreditsUntil(_reference);
        return _balance;
    }

    private sealed record PaymentResult(
        string Status,
        string? ChargeId = null,
        bool Attempted = false,
        long AttemptCount = 0,
        bool AutoAdvance = false,
        bool PaidOutOfBand = false,
        DateTime? PaidAt = null,
        DateTime? VoidedAt = null,
        DateTime? MarkedUncollectibleAt = null,
        DateTime? NextPaymentAttempt = null);

    /// <summary>Plays the invoice's payment attempts and status changes up to the reference time.</summary>
    private PaymentResult Play(PlannedInvoice invoice, long amountDue)
    {
        var random = _random;
        if (invoice.FinalizedAt is not { } finalizedAt)
        {
            var next = invoice.AutoAdvance && invoice.CollectionMethod == "charge_automatically" ? invoice.Created.AddHours(1) : (DateTime?)null;
            return new PaymentResult("draft", AutoAdvance: invoice.AutoAdvance, NextPaymentAttempt: next);
        }

        if (amountDue == 0 && invoice.Fate is not (InvoiceFate.Void or InvoiceFate.Draft))
        {
            Delinquency(finalizedAt, false);
            return new PaymentResult("paid", Attempted: true, PaidAt: finalizedAt);
        }

        var dueDate = invoice.DaysUntilDue is { } days ? finalizedAt.AddDays(days) : (DateTime?)null;
        var paymentIntent = random.Id("pi_");
        var description = invoice.BillingReason switch
        {
            "subscription_create" => "Subscription creation",
            "manual" => "Payment for Invoice",
            _ => "Subscription update",
        };
        ChargeRow Attempt(DateTime time, AttemptOutcome outcome, PaymentMethodProfile? method = null)
        {
            var receiptEmail = random.Chance(0.7) ? EmailAt(time) : null;
            return _payments.Charge(time, _id, invoice.Id, paymentIntent, amountDue, _currency, method ?? _card!, outcome, description, receiptEmail);
        }
        DateTime Slot(int attempt) => finalizedAt + RetrySchedule[attempt];

        switch (invoice.Fate)
        {
            case InvoiceFate.Paid when invoice.CollectionMethod == "charge_automatically":
            {
                var failures = random.Weighted((0, 90), (1, 7), (2, 3));
                while (Slot(failures) >= _reference)
                    failures--;
                for (var i = 0; i < failures; i++)
                {
                    Attempt(Slot(i), AttemptOutcome.Failed);
                    Delinquency(Slot(i), true);
                }
                var paidAt = Slot(failures);
                var charge = Attempt(paidAt, AttemptOutcome.Succeeded);
                if (invoice.DisputeCharge)
                    charge = _payments.Replace(charge, charge with { DisputeId = random.Id("dp_") });
                else if (random.Chance(0.03))
                    _payments.Refund(charge, bankDebit: false);
                Delinquency(paidAt, false);
                return new PaymentResult("paid", charge.Id, true, failures + 1, PaidAt: paidAt);
            }
            case InvoiceFate.Paid:
            case InvoiceFate.PaidOutOfBand:
            {
                var due = dueDate!.Value;
                var payAt = random.Chance(0.8)
                    ? finalizedAt + random.Duration(TimeSpan.FromHours(1), due - finalizedAt - TimeSpan.FromDays(1))
                    : due + random.Duration(TimeSpan.FromDays(1), TimeSpan.FromDays(20));
                if (payAt >= _reference)
                    return OpenUnpaid(dueDate);
                if (invoice.Fate == InvoiceFate.PaidOutOfBand)
                {
                    Overdue(due, payAt);
                    Delinquency(payAt, false);
                    return new PaymentResult("paid", PaidOutOfBand: true, PaidAt: payAt);
                }
                var method = _bank is not null && random.Chance(0.6) ? _bank : _card!;
                var settledAt = payAt + method.Settlement(random);
                if (method.IsBankDebit && settledAt >= _reference)
                {
                    // A bank debit still settling: the invoice stays open meanwhile.
                    var pending = Attempt(payAt, AttemptOutcome.Pending, method);
                    Overdue(due, _reference);
                    return new PaymentResult("open", pending.Id, true, 1, AutoAdvance: true);
                }
                var paidAt = settledAt;
                var charge = Attempt(payAt, AttemptOutcome.Succeeded, method);
                if (random.Chance(0.03))
                    _payments.Refund(charge, method.IsBankDebit);
                Overdue(due, paidAt);
                Delinquency(paidAt, false);
                return new PaymentResult("paid", charge.Id, true, 1, PaidAt: paidAt);
            }
            case InvoiceFate.Retrying:
            {
                string? last = null;
                var attempts = 0;
                while (attempts < RetrySchedule.Length - 1 && Slot(attempts) < _reference)
                {
                    last = Attempt(Slot(attempts), AttemptOutcome.Failed).Id;
                    Delinquency(Slot(attempts), true);
                    attempts++;
                }
                DateTime? next = Slot(attempts) >= _reference ? Slot(attempts) : null;
                return new PaymentResult("open", last, true, attempts, AutoAdvance: true, NextPaymentAttempt: next);
            }
            case InvoiceFate.ExhaustedOpen:
            case InvoiceFate.ExhaustedUncollectible:
            {
                string? last = null;
                for (var i = 0; i < RetrySchedule.Length; i++)
                {
                    if (Slot(i) >= _reference)
                        throw new InvalidOperationException($"Sample data bug: invoice {invoice.Id} retries after the reference time.");
                    last = Attempt(Slot(i), AttemptOutcome.Failed).Id;
                    Delinquency(Slot(i), true);
                }
                return invoice.Fate == InvoiceFate.ExhaustedOpen
                    ? new PaymentResult("open", last, true, RetrySchedule.Length)
                    : new PaymentResult("uncollectible", last, true, RetrySchedule.Length, MarkedUncollectibleAt: Slot(RetrySchedule.Length - 1).AddMinutes(1));
            }
            case InvoiceFate.IncompleteOpen:
            case InvoiceFate.IncompleteVoid:
            {
                var failed = Attempt(finalizedAt, AttemptOutcome.Failed);
                Delinquency(finalizedAt, true);
                return invoice.Fate == InvoiceFate.IncompleteOpen
                    ? new PaymentResult("open", failed.Id, true, 1, AutoAdvance: true)
                    : new PaymentResult("void", failed.Id, true, 1, VoidedAt: invoice.FateTime);
            }
            case InvoiceFate.Open:
                return OpenUnpaid(dueDate);
            case InvoiceFate.Void:
                if (dueDate is { } voidDue)
                    Overdue(voidDue, invoice.FateTime!.Value);
                return new PaymentResult("void", VoidedAt: invoice.FateTime);
            case InvoiceFate.MarkedUncollectible:
                Overdue(dueDate!.Value, invoice.FateTime!.Value);
                Delinquency(invoice.FateTime!.Value, false); // marked through the API: resets delinquent
                return new PaymentResult("uncollectible", MarkedUncollectibleAt: invoice.FateTime);
            default:
                throw new InvalidOperationException($"Unexpected invoice fate {invoice.Fate}.");
        }
    }

    private PaymentResult OpenUnpaid(DateTime? dueDate)
    {
        if (dueDate is { } due)
            Overdue(due, _reference);
        return new PaymentResult("open", AutoAdvance: true);
    }

    /// <summary>A send_invoice invoice still unpaid when its due date passed makes the customer delinquent at that date.</summary>
    private void Overdue(DateTime dueDate, DateTime settledAt)
    {
        if (dueDate < settledAt && dueDate < _reference)
            Delinquency(dueDate, true);
    }

    private void Delinquency(DateTime time, bool delinquent)
    {
        if (time < _reference)
            _delinquencyEvents.Add((time, delinquent));
    }
}
