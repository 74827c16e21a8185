using StripeModelGen.Execution.Schema;

namespace StripeModelGen.Execution.Datasets.Sources;

/// <summary>
/// Fivetran's Stripe connector as <c>fivetran/dbt_stripe</c> reads it (stripe-schemas.md section 3):
/// singular table names, <c>_fivetran_synced</c> on every table, <c>livemode</c> and
/// <c>is_deleted</c> flags, and <c>subscription_history</c> in history mode: several rows per
/// subscription, the current one with <c>_fivetran_active = true</c>. Payouts are their own table
/// (<c>payout</c>, with <c>arrival_date</c>) linked to balance transactions through
/// <c>payout_balance_transaction</c>; price tiers are <c>tier</c>. Renamed: <c>payment_intent_id</c>,
/// <c>balance_transaction.source</c> and <c>payout_id</c>, <c>invoice.billing</c>, <c>created</c>
/// and <c>finalized_at</c>, <c>invoice_line_item.type</c>, <c>subscription_id</c> and
/// <c>unique_id</c>, <c>customer.is_deleted</c> and <c>address_line_1</c>, <c>discount.end</c>
/// (a timestamp), <c>start</c>, <c>promotion_code</c>, <c>type_id</c>, <c>refund.description</c> and
/// <c>payment_intent_id</c>. Fivetran has no promotion codes, billing meters, exchange rates, MRR
/// events or line discount amounts.
/// </summary>
internal static class FivetranShape
{
    /// <summary>The last sync: an hour before the reference time.</summary>
    private static DateTime Synced(ShapeContext context) => context.Dataset.ReferenceTime.AddHours(-1);

    private static ShapeBuilder Table(string logical, string physical, bool livemode = true)
    {
        var builder = new ShapeBuilder(logical, physical);
        builder.Computed("_fivetran_synced", SigmaType.Timestamp, (_, context) => Synced(context));
        if (livemode)
            builder.Constant("livemode", SigmaType.Boolean, true);
        return builder;
    }

    public static SourceShape Create() => new("fivetran", "fivetran",
    [
        Table("accounts", "account", livemode: false)
            .Same("id", "created", "business_profile_mcc", "country", "default_currency", "email", "type", "charges_enabled", "details_submitted", "payouts_enabled")
            .Renamed("business_profile_name", "display_name")
            .Constant("is_deleted", SigmaType.Boolean, false)
            .Build(),
        Table("balance_transactions", "balance_transaction", livemode: false)
            .Same("id", "amount", "available_on", "created", "currency", "description", "fee", "net", "reporting_category", "status", "type")
            .Renamed("source", "source_id")
            .Renamed("payout_id", "automatic_transfer_id")
            .Constant("exchange_rate", SigmaType.Double, null)   // the dataset has no currency conversions
            .Build(),
        Table("charges", "charge")
            .Same("id", "amount", "amount_refunded", "balance_transaction_id", "calculated_statement_descriptor", "captured", "created", "currency",
                "customer_id", "description", "failure_code", "failure_message", "invoice_id", "paid", "payment_method_id", "receipt_email",
                "receipt_number", "refunded", "status", "outcome_network_status", "outcome_reason", "outcome_risk_level", "outcome_risk_score",
                "outcome_seller_message", "outcome_type")
            .Renamed("payment_intent_id", "payment_intent")
            .Build(),
        Table("coupons", "coupon")
            .Same("id", "amount_off", "created", "currency", "duration", "duration_in_months", "max_redemptions", "name", "percent_off", "redeem_by",
                "times_redeemed", "valid")
            .Build(),
        Table("customers", "customer")
            .Same("id", "balance", "created", "currency", "delinquent", "description", "email", "name", "phone", "tax_exempt", "address_city",
                "address_country", "address_postal_code", "address_state")
            .Renamed("address_line_1", "address_line1")
            .Renamed("is_deleted", "deleted")
            .Renamed("invoice_settings_default_payment_method", "invoice_settings_default_payment_method_id")
            .Build(),
        Table("discounts", "discount", livemode: false)
            .Same("id", "coupon_id", "customer_id", "subscription_id")
            .Constant("checkout_session_id", SigmaType.Varchar, null)   // the dataset discounts only subscriptions
            .Constant("invoice_id", SigmaType.Varchar, null)
            .Constant("invoice_item_id", SigmaType.Varchar, null)
            .EpochAsTimestamp("end", "end")
            .Renamed("start", "created")
            .Renamed("promotion_code", "promotion_code_id")
            .Constant("type", SigmaType.Varchar, "subscription")
            .Renamed("type_id", "subscription_id")
            .Build(),
        Table("disputes", "dispute")
            .Same("id", "amount", "charge_id", "created", "currency", "evidence_details_due_by", "evidence_details_has_evidence",
                "evidence_details_past_due", "evidence_details_submission_count", "is_charge_refundable", "reason", "status", "evidence_customer_email_address")
            .Build(),
        Table("invoices", "invoice")
            .Same("id", "amount_due", "amount_paid", "amount_remaining", "attempt_count", "attempted", "auto_advance", "billing_reason", "charge_id",
                "date", "currency", "customer_id", "description", "due_date", "ending_balance", "next_payment_attempt", "number", "paid", "period_end",
                "period_start", "starting_balance", "status", "status_transitions_finalized_at", "status_transitions_paid_at",
                "status_transitions_voided_at", "status_transitions_marked_uncollectible_at", "subscription_id", "subtotal", "tax", "total",
                "webhooks_delivered_at")
            .Constant("post_payment_credit_notes_amount", SigmaType.Bigint, null)   // the dataset has no credit notes
            .Constant("pre_payment_credit_notes_amount", SigmaType.Bigint, null)
            .Renamed("created", "date")
            .Renamed("billing", "collection_method")
            .Renamed("finalized_at", "status_transitions_finalized_at")
            .Constant("is_deleted", SigmaType.Boolean, false)
            .Build(),
        Table("invoice_line_items", "invoice_line_item")
            .Same("id", "amount", "currency", "description", "discountable", "invoice_id", "invoice_item_id", "period_end", "period_start", "plan_id",
                "price_id", "proration", "quantity", "subscription_item_id")
            .Computed("subscription_id", SigmaType.Varchar, (row, _) => SegmentShape.LineSubscription((InvoiceLineItemRow)row.Row))
            .Renamed("type", "source_type")
            .Computed("unique_id", SigmaType.Varchar, (row, _) => ((InvoiceLineItemRow)row.Row).InvoiceId + "_" + ((InvoiceLineItemRow)row.Row).Id)
            .Build(),
        Table("invoice_items", "invoice_item")
            .Same("id", "amount", "currency", "customer_id", "date", "description", "discountable", "invoice_id", "period_end", "period_start",
                "plan_id", "price_id", "proration", "quantity", "subscription_id", "unit_amount")
            .Renamed("subscription_item_id", "subscription_item")
            .Build(),
        Table("transfers", "payout")
            .Same("id", "amount", "automatic", "balance_transaction_id", "created", "currency", "description", "failure_code", "failure_message",
                "source_type", "status", "type")
            .Constant("statement_descriptor", SigmaType.Varchar, null)   // the dataset's payouts have none
            .Renamed("arrival_date", "date")
            .Renamed("destination_bank_account_id", "destination_id")
            .Constant("method", SigmaType.Varchar, "standard")
            .Build(),
        Table("balance_transactions", "payout_balance_transaction", livemode: false)
            .Renamed("payout_id", "automatic_transfer_id")
            .Renamed("balance_transaction_id", "id")
            .Build(context => context.Dataset.BalanceTransactions.Where(t => t.AutomaticTransferId is not null).Select(t => new ShapeRow(t))),
        Table("plans", "plan")
            .Same("id", "amount", "created", "currency", "interval", "interval_count", "nickname", "product_id", "usage_type", "aggregate_usage", "billing_scheme")
            .Constant("trial_period_days", SigmaType.Bigint, null)   // the dataset has no plan trials
            .Computed("active", SigmaType.Boolean, (row, context) => context.Find<PriceRow>("prices", ((PlanRow)row.Row).Id).Active)
            .Constant("is_deleted", SigmaType.Boolean, false)
            .Build(),
        Table("prices", "price")
            .Same("id", "active", "billing_scheme", "created", "currency", "nickname", "product_id", "recurring_aggregate_usage", "recurring_interval",
                "recurring_interval_count", "recurring_usage_type", "unit_amount", "unit_amount_decimal", "lookup_key", "tiers_mode",
                "transform_quantity_divide_by", "transform_quantity_round", "type")
            .Constant("is_deleted", SigmaType.Boolean, false)
            .Build(),
        Table("price_tiers", "tier", livemode: false)
            .Same("price_id", "flat_amount", "flat_amount_decimal")
            .Renamed("up_to", "upto")
            .Renamed("unit_amount", "amount")
            .Renamed("unit_amount_decimal", "amount_decimal")
            .Build(),
        Table("products", "product")
            .Same("id", "active", "created", "description", "name", "statement_descriptor", "type", "unit_label", "shippable")
            .Constant("url", SigmaType.Varchar, null)   // the dataset's products have none
            .Constant("is_deleted", SigmaType.Boolean, false)
            .Build(),
        Table("refunds", "refund", livemode: false)
            .Same("id", "amount", "balance_transaction_id", "charge_id", "created", "currency", "failure_balance_transaction_id", "failure_reason",
                "reason", "receipt_number", "status")
            .Renamed("description", "refund_description")
            .Renamed("payment_intent_id", "refund_payment_intent")
            .Build(),
        Table("subscriptions", "subscription_history")
            .Same("id", "billing", "billing_cycle_anchor", "cancel_at", "cancel_at_period_end", "canceled_at", "created", "current_period_end",
                "current_period_start", "customer_id", "days_until_due", "default_payment_method_id", "ended_at", "latest_invoice_id", "quantity",
                "start_date", "status", "trial_end", "trial_start")
            .Computed("_fivetran_active", SigmaType.Boolean, (_, _) => true)
            .Build(SubscriptionHistory),
        Table("subscription_items", "subscription_item", livemode: false)
            .Same("id", "plan_id", "quantity", "subscription_id")
            .EpochAsTimestamp("created", "created")
            .Computed("current_period_start", SigmaType.Timestamp, (row, context) => context.Find<SubscriptionRow>("subscriptions", ((SubscriptionItemRow)row.Row).SubscriptionId).CurrentPeriodStart)
            .Computed("current_period_end", SigmaType.Timestamp, (row, context) => context.Find<SubscriptionRow>("subscriptions", ((SubscriptionItemRow)row.Row).SubscriptionId).CurrentPeriodEnd)
            .Build(),
    ]);

    /// <summary>
    /// History mode: the current row of each subscription (<c>_fivetran_active</c>) and, before it, the
    /// versions it replaced: <c>trialing</c> until the trial ended, <c>active</c> until a canceled
    /// subscription's cancellation was requested or a past-due one's payment failed. Each old row was
    /// synced when its successor appeared.
    /// </summary>
    private static IEnumerable<ShapeRow> SubscriptionHistory(ShapeContext context)
    {
        var lag = TimeSpan.FromMinutes(10);
        foreach (var subscription in context.Dataset.Subscriptions)
        {
            var cleared = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["_fivetran_active"] = false,
                ["canceled_at"] = null,
                ["cancel_at"] = null,
                ["cancel_at_period_end"] = false,
                ["ended_at"] = null,
            };
            if (subscription is { TrialStart: { } trialStart, TrialEnd: { } trialEnd } && subscription.Status is not ("trialing" or "paused"))
            {
                yield return new ShapeRow(subscription, new Dictionary<string, object?>(cleared)
                {
                    ["status"] = "trialing",
                    ["current_period_start"] = trialStart,
                    ["current_period_end"] = trialEnd,
                    ["_fivetran_synced"] = trialEnd + lag,
                });
            }
            var activeFrom = subscription.TrialEnd ?? subscription.StartDate;
            DateTime? replacedAt = subscription.Status switch
            {
                "canceled" when subscription.CanceledAt is { } canceledAt && canceledAt > activeFrom => canceledAt,
                "past_due" when subscription.CurrentPeriodStart > activeFrom => subscription.CurrentPeriodStart.AddHours(1),
                _ => null,
            };
            if (replacedAt is { } replaced)
            {
                yield return new ShapeRow(subscription, new Dictionary<string, object?>(cleared)
                {
                    ["status"] = "active",
                    ["_fivetran_synced"] = replaced + lag,
                });
            }
            yield return new ShapeRow(subscription);
        }
    }
}
