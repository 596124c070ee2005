//! Dispatch for the product manager's metrics: satisfaction, finance, growth.
//!
//! Arguments are converted the way the bindings convert them (counts through
//! `pmkit::input::count`, option names through `parse`), defaults are the bindings'.

use super::*;
use serde_json::Value;

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    use pmkit::metrics as m;
    let a = args;
    Some(match function {
        "net_promoter_score" => json(m::net_promoter_score(&f64s_arg(a, "responses"))),
        "customer_satisfaction_score" => (|| {
            json(m::customer_satisfaction_score(
                &f64s_arg(a, "responses"),
                &options_arg(a, &["responses"])?,
            ))
        })(),
        "return_on_investment" => (|| {
            json(m::return_on_investment(
                f64_arg(a, "gain"),
                f64_arg(a, "cost"),
                &options_arg(a, &["gain", "cost"])?,
            ))
        })(),
        "product_revenue" => json(m::product_revenue(
            &f64s_arg(a, "prices"),
            &f64s_arg(a, "quantities"),
        )),
        "mrr_movements" => json(m::mrr_movements(
            &serde_arg::<Vec<String>>(a, "customers"),
            &serde_arg::<Vec<chrono::NaiveDate>>(a, "dates"),
            &f64s_arg(a, "mrr"),
        )),
        "monthly_recurring_revenue" => {
            json(m::monthly_recurring_revenue(&f64s_arg(a, "monthly_fees")))
        }
        "average_revenue_per_user" => (|| {
            json(m::average_revenue_per_user(
                f64_arg(a, "revenue"),
                count_arg(a, "customers")?,
            ))
        })(),
        "customer_lifetime_value" => (|| {
            json(m::customer_lifetime_value(
                f64_arg(a, "average_purchase_value"),
                f64_arg(a, "purchase_frequency"),
                f64_arg(a, "customer_lifespan"),
                &options_arg(
                    a,
                    &[
                        "average_purchase_value",
                        "purchase_frequency",
                        "customer_lifespan",
                    ],
                )?,
            ))
        })(),
        "fit_sbg" => (|| {
            json(m::fit_sbg(
                &pmkit::input::counts("survivors", &f64s_arg(a, "survivors"))?,
                &options_arg(a, &["survivors"])?,
            ))
        })(),
        "market_share" => json(m::market_share(
            f64_arg(a, "product_revenue"),
            f64_arg(a, "total_market"),
        )),
        "forecast_attainment" => json(m::forecast_attainment(
            f64_arg(a, "actual"),
            f64_arg(a, "forecast"),
        )),
        "conversion_rate" => (|| {
            json(m::conversion_rate(
                count_arg(a, "conversions")?,
                count_arg(a, "visitors")?,
            ))
        })(),
        "funnel_conversion" => (|| {
            json(m::funnel_conversion(&pmkit::input::counts(
                "steps",
                &f64s_arg(a, "steps"),
            )?))
        })(),
        "feature_adoption_rate" => (|| {
            json(m::feature_adoption_rate(
                count_arg(a, "feature_users")?,
                count_arg(a, "active_users")?,
            ))
        })(),
        "stickiness" => json(m::stickiness(f64_arg(a, "dau"), f64_arg(a, "mau"))),
        "churn_rate" => (|| {
            json(m::churn_rate(
                count_arg(a, "customers_at_start")?,
                count_arg(a, "customers_lost")?,
                &options_arg(a, &["customers_at_start", "customers_lost"])?,
            ))
        })(),
        "customer_retention_rate" => (|| {
            json(m::customer_retention_rate(
                count_arg(a, "customers_at_start")?,
                count_arg(a, "customers_at_end")?,
                count_arg(a, "new_customers")?,
            ))
        })(),
        _ => return None,
    })
}
