using StripeModelGen.Execution.Schema;

namespace StripeModelGen.Execution.Datasets.Sources;

/// <summary>
/// Stripe by Segment (stripe-schemas.md section 1): one table per collection, named like Sigma's,
/// one current row per object, foreign keys as <c>&lt;object&gt;_id</c>, the columns Segment documents
/// (and the Looker block reads), and Segment's <c>received_at</c> load time on every table; invoices
/// also have the API properties the documented list leaves out (number, amounts paid and
/// remaining, status transitions). Renamed: <c>charges.payment_intent_id</c>, <c>invoice_lines</c>
/// (<c>item_id</c>, <c>type</c> with the values <c>Subscription</c> and <c>InvoiceItem</c>,
/// <c>subscription_id</c>), <c>invoices.created</c>, <c>subscriptions.start</c> (besides
/// <c>start_date</c>) and
/// <c>discount_id</c>, <c>discounts._end</c> and <c>start</c>, <c>plans.product</c> and <c>name</c>,
/// <c>balance_transactions.source</c> and <c>available</c>, <c>transfers.bank_account_id</c>,
/// <c>accounts.transfers_enabled</c>. Segment has no prices, price tiers, promotion codes, billing
/// meters, exchange rates, MRR events or line discount amounts.
/// </summary>
internal static class SegmentShape
{
    /// <summary>Segment syncs every three hours; a row arrives with the first sync after its object was created.</summary>
    private static readonly TimeSpan SyncInterval = TimeSpan.FromHours(3);

    public static SourceShape Create() => new("segment", "segment",
    [
        new ShapeBuilder("accounts", "accounts")
            .Same("id", "business_name", "business_url", "charges_enabled", "country", "default_currency", "details_submitted", "display_name",
                "email", "statement_descriptor", "timezone", "type", "debit_negative_balances", "product_description", "support_email", "support_phone")
            .Renamed("transfers_enabled", "payouts_enabled")
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("created"))
            .Build(),
        new ShapeBuilder("charges", "charges")
            .Same("id", "amount", "amount_refunded", "balance_transaction_id", "captured", "currency", "customer_id", "description", "failure_code",
                "failure_message", "invoice_id", "paid", "payment_method_id", "receipt_email", "receipt_number", "refunded", "status", "created", "dispute_id")
            .Renamed("payment_intent_id", "payment_intent")
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("created"))
            .Build(),
        new ShapeBuilder("refunds", "refunds")
            .Same("id", "amount", "balance_transaction_id", "charge_id", "currency", "reason", "receipt_number", "created")
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("created"))
            .Build(),
        new ShapeBuilder("disputes", "disputes")
            .Same("id", "amount", "charge_id", "currency", "created", "reason", "status", "is_charge_refundable", "evidence_details_due_by",
                "evidence_details_has_evidence", "evidence_details_past_due", "evidence_details_submission_count", "evidence_customer_email_address")
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("created"))
            .Build(),
        new ShapeBuilder("customers", "customers")
            .Same("id", "balance", "currency", "delinquent", "description", "email", "created")
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("created"))
            .Build(),
        new ShapeBuilder("invoices", "invoices")
            .Same("id", "amount_due", "attempt_count", "attempted", "charge_id", "currency", "customer_id", "description", "ending_balance", "paid",
                "period_end", "period_start", "starting_balance", "subscription_id", "subtotal", "tax", "total", "auto_advance", "status", "date",
                "next_payment_attempt", "webhooks_delivered_at")
            .Renamed("created", "date")
            // Properties of the API's invoice object the documented list leaves out; Segment syncs the
            // object's properties, nested ones flattened with `_` (status_transitions.paid_at).
            .Same("number", "amount_paid", "amount_remaining", "collection_method", "billing_reason", "due_date", "status_transitions_finalized_at",
                "status_transitions_paid_at", "status_transitions_voided_at", "status_transitions_marked_uncollectible_at")
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("date"))
            .Build(),
        new ShapeBuilder("invoice_line_items", "invoice_lines")
            .Same("id", "amount", "currency", "description", "discountable", "invoice_id", "period_end", "period_start", "plan_id", "proration", "quantity")
            .Renamed("item_id", "invoice_item_id")
            .Computed("subscription_id", SigmaType.Varchar, (row, _) => LineSubscription((InvoiceLineItemRow)row.Row))
            .Computed("type", SigmaType.Varchar, (row, _) => ((InvoiceLineItemRow)row.Row).SourceType switch
            {
                "subscription" => "Subscription",
                "invoiceitem" => "InvoiceItem",
                var other => other,
            })
            .Computed("received_at", SigmaType.Timestamp, (row, context) => ReceivedAt(context.Find<InvoiceRow>("invoices", ((InvoiceLineItemRow)row.Row).InvoiceId).Date, context))
            .Build(),
        new ShapeBuilder("invoice_items", "invoice_items")
            .Same("id", "amount", "currency", "customer_id", "date", "description", "discountable", "invoice_id", "period_start", "period_end",
                "proration", "quantity", "subscription_id", "plan_id")
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("date"))
            .Build(),
        new ShapeBuilder("subscriptions", "subscriptions")
            .Same("id", "cancel_at_period_end", "canceled_at", "created", "current_period_end", "current_period_start", "customer_id", "ended_at",
                "plan_id", "quantity", "status", "trial_end", "trial_start")
            .Same("start_date")
            .Renamed("start", "start_date")
            .Computed("discount_id", SigmaType.Varchar, (row, _) => ((SubscriptionRow)row.Row).Discounts?.Split(',')[0])
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("created"))
            .Build(),
        new ShapeBuilder("subscription_items", "subscription_items")
            .Same("id", "plan_id", "quantity", "subscription_id")
            .EpochAsTimestamp("created", "created")
            .Computed("received_at", SigmaType.Timestamp, (row, context) => ReceivedAt(DateTime.UnixEpoch.AddSeconds(((SubscriptionItemRow)row.Row).Created), context))
            .Build(),
        new ShapeBuilder("plans", "plans")
            .Same("id", "amount", "currency", "interval", "interval_count", "created")
            .Constant("trial_period_days", SigmaType.Bigint, null)   // the dataset has no plan trials
            .Renamed("product", "product_id")
            .Renamed("name", "nickname")
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("created"))
            .Build(),
        new ShapeBuilder("products", "products")
            .Same("id", "active", "description", "name", "shippable")
            .Constant("url", SigmaType.Varchar, null)   // the dataset's products have none
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("created"))
            .Build(),
        new ShapeBuilder("coupons", "coupons")
            .Same("id", "amount_off", "currency", "duration", "duration_in_months", "max_redemptions", "percent_off", "times_redeemed", "valid")
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("created"))
            .Build(),
        new ShapeBuilder("discounts", "discounts")
            .Same("id", "coupon_id", "customer_id")
            .EpochAsTimestamp("_end", "end")
            .Renamed("start", "created")
            .Renamed("subscription", "subscription_id")
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("created"))
            .Build(),
        new ShapeBuilder("balance_transactions", "balance_transactions")
            .Same("id", "amount", "currency", "description", "fee", "net", "status", "type", "created")
            .Renamed("source", "source_id")
            .Renamed("available", "available_on")
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("created"))
            .Build(),
        new ShapeBuilder("transfers", "transfers")
            .Same("id", "amount", "amount_reversed", "balance_transaction_id", "created", "currency", "description", "reversed", "date", "status", "type")
            .Renamed("bank_account_id", "destination_id")
            .Computed("received_at", SigmaType.Timestamp, ReceivedAt("created"))
            .Build(),
    ]);

    /// <summary>The line's subscription as the API (and so Segment) has it: Sigma leaves the column blank on some subscription lines, whose source_id holds it.</summary>
    internal static string? LineSubscription(InvoiceLineItemRow line) =>
        line.Subscription ?? (line.SourceType == "subscription" ? line.SourceId : null);

    private static Func<ShapeRow, ShapeContext, object?> ReceivedAt(string createdColumn) =>
        (row, context) => ReceivedAt((DateTime)ShapeBuilder.Read(row.Row, createdColumn)!, context);

    /// <summary>Seven minutes past the first three-hourly sync after <paramref name="created"/>, at the latest the reference time (the last sync).</summary>
    private static DateTime ReceivedAt(DateTime created, ShapeContext context)
    {
        var ticks = SyncInterval.Ticks;
        var sync = new DateTime((created.Ticks / ticks + 1) * ticks, DateTimeKind.Utc).AddMinutes(7);
        return sync < context.Dataset.ReferenceTime ? sync : context.Dataset.ReferenceTime;
    }
}
