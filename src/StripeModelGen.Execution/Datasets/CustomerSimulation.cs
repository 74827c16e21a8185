using System.Globalization;

namespace StripeModelGen.Execution.Datasets;

/// <summary>
/// Simulates one customer's whole history up to the reference time from its own random stream:
/// profile, subscriptions (planned with their invoices), manual invoices and one-off purchases, then
/// settles every invoice in finalisation order (credit balance, numbering, payment attempts) and
/// derives the customer's <c>delinquent</c> flag from the invoice events.
/// </summary>
internal sealed partial class CustomerSimulation
{
    private static readonly TimeSpan[] RetrySchedule = [TimeSpan.Zero, TimeSpan.FromDays(3), TimeSpan.FromDays(8), TimeSpan.FromDays(15)];

    private readonly SampleRandom _random;
    /// <summary>
    /// The customer's second stream, for everything added after the first version of the generator
    /// (tiered and metered prices, discounts, unprorated changes, usage): drawing from it leaves the
    /// draws of <see cref="_random"/>, and so the customer's original rows, unchanged.
    /// </summary>
    private readonly SampleRandom _extras;
    private readonly PriceCatalog _catalog;
    private readonly DateTime _reference;
    private readonly DatasetBuilder _output;
    private readonly PaymentWriter _payments;

    private readonly List<PlannedSubscription> _subscriptions = [];
    private readonly List<PlannedInvoice> _manualInvoices = [];
    private readonly List<(DateTime Time, long Amount)> _credits = [];
    private readonly List<(DateTime Time, bool Delinquent)> _delinquencyEvents = [];

    // --- profile ---------------------------------------------------------------------------------
    private string _id = "";
    private DateTime _created;
    private string _currency = "";
    private string? _email;
    private string? _oldEmail;
    private DateTime _emailChangedAt;
    private string? _name;
    private string? _country;
    private string _taxExempt = "none";
    private string _invoicePrefix = "";
    private PaymentMethodProfile? _card;
    private PaymentMethodProfile? _bank;
    private bool _active;

    public CustomerSimulation(SampleRandom random, SampleRandom extras, PriceCatalog catalog, DateTime reference, DatasetBuilder output)
    {
        _random = random;
        _extras = extras;
        _catalog = catalog;
        _reference = reference;
        _output = output;
        _payments = new PaymentWriter(random, reference, output.Charges, output.Refunds);
    }

    public void Run(DateTime historyStart)
    {
        var random = _random;
        _id = random.Id("cus_", 14);
        // A growing business: the density of sign-ups rises linearly towards the reference time.
        var span = (_reference.AddDays(-2) - historyStart).TotalSeconds;
        _created = historyStart.AddSeconds(Math.Floor(span * Math.Sqrt(random.NextDouble())));
        var archetype = random.Weighted(("subscriber", 62), ("shopper", 26), ("dormant", 12));
        _currency = random.Weighted(PriceCatalog.CurrencyWeights);
        _invoicePrefix = random.UpperAlphanumeric(8);
        var profile = CreateProfile();
        _active = archetype != "dormant";
        if (_active)
        {
            _card = PaymentMethodProfile.NewCard(random, _country);
            if (_currency is "usd" or "eur" && random.Chance(0.25))
                _bank = PaymentMethodProfile.NewBankDebit(random, _currency);
        }

        if (archetype == "subscriber")
            PlanSubscriptions();
        if (_active && random.Chance(archetype == "subscriber" ? 0.10 : 0.15))
            PlanManualInvoices();
        var allInvoices = _subscriptions.SelectMany(s => s.Invoices).Concat(_manualInvoices).ToList();
        if (archetype == "subscriber" && allInvoices.Count > 0 && !allInvoices.Exists(i => i.NeedsPayment) && random.Chance(0.10))
            PlanCredit(allInvoices);

        var invoiceRows = SettleInvoices(allInvoices);

        if (archetype == "shopper" || (archetype == "subscriber" && random.Chance(0.3)))
            MakePurchases(archetype == "shopper" ? random.Between(1, 20) : random.Between(1, 4));

        var balance = FinalBalance();
        if (archetype == "shopper" && random.Chance(0.06))
            balance = Currencies.RoundToStep(random.Between(500L, 5000L) * (Currencies.Exponent(_currency) == 0 ? 0.1m : 1m), _currency);

        foreach (var subscription in _subscriptions)
        {
            _output.Subscriptions.Add(ToRow(subscription));
            _output.SubscriptionItems.AddRange(SubscriptionItemRows(subscription));
            _output.Discounts.AddRange(DiscountRows(subscription));
            _output.ChangeEvents.AddRange(ChangeEventRows(subscription));
        }
        _output.AddInvoices(invoiceRows);

        var hasLiveBusiness = _subscriptions.Exists(s => s.IsLive) || invoiceRows.Exists(i => i.Invoice.Status is "open" or "draft");
        var deleted = !hasLiveBusiness && random.Chance(archetype == "dormant" ? 0.15 : 0.05);
        var delinquent = _delinquencyEvents.Count > 0 && _delinquencyEvents.OrderBy(e => e.Time).Last().Delinquent;
        _output.Customers.Add(profile with
        {
            Currency = _active ? _currency : null,
            Balance = _active ? balance : 0,
            Delinquent = delinquent,
            Deleted = deleted,
            InvoiceSettingsDefaultPaymentMethodId = _subscriptions.Count > 0 ? _card?.Id : null,
        });
    }

    private CustomerRow CreateProfile()
    {
        var random = _random;
        string? line1 = null, city = null, state = null, postal = null;
        if (random.Chance(0.9))
        {
            var address = random.Pick(People.Addresses[_currency]);
            _country = address.Country;
            city = address.City;
            state = address.State;
            postal = address.Postal + random.Digits(Math.Max(2, 5 - address.Postal.Length));
            line1 = random.Between(1, 250).ToString(CultureInfo.InvariantCulture) + " " + random.Pick(People.Streets);
        }

        var first = random.Pick(People.FirstNames);
        var last = random.Pick(People.LastNames);
        _name = random.Chance(0.95) ? first + " " + last : null;
        if (random.Chance(0.85))
        {
            var name = (first + "." + last).Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (random.Chance(0.02))
            {
                _email = "billing@example.com"; // shared by several customers: emails are not unique
            }
            else
            {
                var number = random.Between(1, 99);
                var domain = random.Pick(["com", "org", "net"]);
                // Stripe keeps an email as it was typed: one in eight keeps the capitals of the name.
                var local = number % 8 == 0 ? name : name.ToLowerInvariant();
                _email = local + number.ToString(CultureInfo.InvariantCulture) + "@example." + domain;
            }
            if (random.Chance(0.06))
            {
                _oldEmail = first.ToLowerInvariant() + random.Digits(3) + "@old-mail.example";
                _emailChangedAt = random.Time(_created, _reference);
            }
        }
        _taxExempt = random.Weighted(("none", 90), ("exempt", 5), ("reverse", 5));
        var phone = random.Chance(0.4) ? "+" + CountryCallingCode(_country) + " 555 01" + random.Digits(2) : null;
        var description = random.Chance(0.08) ? random.Pick(["Reseller account", "Enterprise trial", "Migrated from legacy billing", "VIP support"]) : null;
        return new CustomerRow
        {
            Id = _id,
            Created = _created,
            Email = EmailAt(_reference),
            Name = _name,
            Description = description,
            Phone = phone,
            Currency = null,
            Balance = 0,
            Delinquent = false,
            Deleted = false,
            TaxExempt = _taxExempt,
            AddressLine1 = line1,
            AddressCity = city,
            AddressState = state,
            AddressPostalCode = postal,
            AddressCountry = _country,
        };
    }

    private static string CountryCallingCode(string? country) => country switch
    {
        "US" or "CA" => "1",
        "GB" => "44",
        "DE" => "49",
        "FR" => "33",
        "NL" => "31",
        "IE" => "353",
        "ES" => "34",
        "JP" => "81",
        "KW" => "965",
        _ => "1",
    };

    /// <summary>The customer's email at a time (invoices freeze it when finalised).</summary>
    private string? EmailAt(DateTime time) => _oldEmail is not null && time < _emailChangedAt ? _oldEmail : _email;

    private bool Taxable => People.IsVatCountry(_country);

    // --- one-off purchases -------------------------------------------------------------------------

    private void MakePurchases(int count)
    {
        var random = _random;
        for (var i = 0; i < count; i++)
        {
            // Recent weeks are busier: a fifth of the purchases fall in the last 30 days.
            var time = random.Chance(0.2) ? random.Time(Max(_created, _reference.AddDays(-30)), _reference) : random.Time(_created, _reference);
            var method = _bank is not null && random.Chance(0.5) ? _bank : _card!;
            var amount = PriceCatalog.RandomAmount(random, _currency, 5, 400);
            var description = random.Chance(0.7)
                ? string.Format(CultureInfo.InvariantCulture, random.Pick(People.PurchaseDescriptions), PaymentWriter.ReceiptOrderNumber(random))
                : null;
            var receiptEmail = random.Chance(0.8) ? EmailAt(time) : null;
            _payments.Purchase(time, _id, _currency, amount, method, receiptEmail, description);
        }
    }

    // --- manual invoices ---------------------------------------------------------------------------

    private void PlanManualInvoices()
    {
        var random = _random;
        var count = random.Between(1, 3);
        for (var i = 0; i < count; i++)
        {
            var created = random.Time(_created, _reference.AddHours(-1));
            var sendInvoice = random.Chance(0.75);
            var fate = sendInvoice
                ? random.Weighted((InvoiceFate.Paid, 50), (InvoiceFate.PaidOutOfBand, 6), (InvoiceFate.Open, 15), (InvoiceFate.Draft, 8), (InvoiceFate.Void, 11), (InvoiceFate.MarkedUncollectible, 10))
                : random.Weighted((InvoiceFate.Paid, 85), (InvoiceFate.Draft, 8), (InvoiceFate.Void, 7));
            var invoice = new PlannedInvoice
            {
                Id = random.Id("in_"),
                Created = created,
                CollectionMethod = sendInvoice ? "send_invoice" : "charge_automatically",
                BillingReason = "manual",
                DaysUntilDue = sendInvoice ? 30 : null,
                PeriodStart = created,
                PeriodEnd = created,
                Description = random.Chance(0.3) ? "Thank you for your business." : null,
                Fate = fate,
                AutoAdvance = fate != InvoiceFate.Draft,
            };
            var lines = random.Between(1, 3);
            for (var l = 0; l < lines; l++)
            {
                var kind = random.Pick([PlanKind.Onboarding, PlanKind.ConsultingHour, PlanKind.PremiumSupport, PlanKind.HardwareKit]);
                var price = _catalog.Get(kind, _currency);
                var quantity = kind == PlanKind.ConsultingHour ? random.Between(1L, 10L) : random.Between(1L, 2L);
                var itemId = random.Id("ii_");
                invoice.Lines.Add(new PlannedLine
                {
                    Id = LineId(created, itemId),
                    InvoiceItemId = itemId,
                    SourceType = "invoiceitem",
                    Price = price,
                    Description = quantity == 1 ? price.Product : $"{price.Product} × {quantity.ToString(CultureInfo.InvariantCulture)}",
                    Quantity = quantity,
                    Amount = price.UnitAmount * quantity,
                    PeriodStart = created,
                    PeriodEnd = created,
                });
            }

            if (fate != InvoiceFate.Draft)
            {
                var finalizedAt = created + random.Duration(TimeSpan.Zero, TimeSpan.FromDays(2));
                if (finalizedAt >= _reference)
                {
                    invoice.Fate = InvoiceFate.Draft;
                    invoice.AutoAdvance = false;
                }
                else
                {
                    invoice.FinalizedAt = finalizedAt;
                    if (fate == InvoiceFate.Void)
                        invoice.FateTime = finalizedAt + random.Duration(TimeSpan.FromHours(1), TimeSpan.FromDays(20));
                    else if (fate == InvoiceFate.MarkedUncollectible)
                        invoice.FateTime = finalizedAt.AddDays(30) + random.Duration(TimeSpan.FromDays(5), TimeSpan.FromDays(60));
                    if (invoice.FateTime >= _reference)
                        invoice.Fate = sendInvoice ? InvoiceFate.Open : InvoiceFate.Paid;
                }
            }
            _manualInvoices.Add(invoice);
        }
    }

    /// <summary>The line id: old invoices (before 2024-09) used the invoice item id, newer ones an il_ id.</summary>
    private string LineId(DateTime invoiceCreated, string invoiceItemId) =>
        invoiceCreated < SampleData.LegacyLineIdsUntil ? invoiceItemId : _random.Id("il_");

    private void PlanCredit(List<PlannedInvoice> invoices)
    {
        var random = _random;
        var first = invoices.Min(i => i.Created);
        var time = random.Time(first, _reference);
        var typical = invoices.SelectMany(i => i.Lines).Select(l => l.Amount).DefaultIfEmpty(0).Max();
        var amount = Currencies.RoundToStep(Math.Max(typical, 500) * (decimal)(0.5 + 2.5 * random.NextDouble()), _currency);
        _credits.Add((time, amount));
    }
}
