//! The product manager's and product owner's KPI formulas (`pmkit::metrics`).

/// Hands every `pmkit::metrics` function to `$callback` (see the crate docs).
#[macro_export]
macro_rules! metrics {
    ($callback:ident) => {
        $callback! {
            /// Net Promoter Score of answers on 0..=10: 100 × (share of promoters, 9–10,
            /// − share of detractors, 0–6), from −100 to 100, with the counts behind it.
            fn net_promoter_score / netPromoterScore (responses: Vec<f64>) -> pmkit::metrics::NpsResult {
                pmkit::metrics::net_promoter_score(&responses)
            }
            /// The NPS of `responses` with its confidence interval in NPS points (the Wald
            /// interval of the promoter / passive / detractor multinomial, at `level` 0.95).
            fn nps_interval / npsInterval (responses: Vec<f64>; options: pmkit::stats::LevelOptions) -> pmkit::stats::Interval {
                pmkit::metrics::nps_interval(&responses, &options)
            }
            /// The change in NPS from survey `before` to survey `after`, with its confidence
            /// interval in NPS points: an interval that contains 0 shows no change.
            fn nps_change_interval / npsChangeInterval (before: Vec<f64>, after: Vec<f64>; options: pmkit::stats::LevelOptions) -> pmkit::stats::Interval {
                pmkit::metrics::nps_change_interval(&before, &after, &options)
            }
            /// Customer satisfaction score of whole-number answers on 1..=`scale_max`: the
            /// share of answers of at least `satisfied_min` (`method` "share", a fraction),
            /// or the mean answer ("mean"). Defaults: a 1–5 scale, 4 and 5 satisfied.
            fn customer_satisfaction_score / customerSatisfactionScore (responses: Vec<f64>; options: pmkit::metrics::CsatOptions) -> f64 {
                pmkit::metrics::customer_satisfaction_score(&responses, &options)
            }
            /// Return on investment: (`gain` − `cost`) / `cost` as a fraction, or with
            /// `years` the annualized rate (`gain` / `cost`)^(1/`years`) − 1.
            fn return_on_investment / returnOnInvestment (gain: f64, cost: f64; options: pmkit::metrics::RoiOptions) -> f64 {
                pmkit::metrics::return_on_investment(gain, cost, &options)
            }
            /// Product revenue: Σ `prices[i]` × `quantities[i]` over two columns of the same length.
            fn product_revenue / productRevenue (prices: Vec<f64>, quantities: Vec<f64>) -> f64 {
                pmkit::metrics::product_revenue(&prices, &quantities)
            }
            /// Monthly recurring revenue: the sum of every subscriber's monthly fee.
            fn monthly_recurring_revenue / monthlyRecurringRevenue (monthly_fees: Vec<f64>) -> f64 {
                pmkit::metrics::monthly_recurring_revenue(&monthly_fees)
            }
            /// Monthly MRR movements from a subscription ledger (row `i`: customer
            /// `customers[i]` pays `mrr[i]` per month from `dates[i]` on, 0 = cancelled): per
            /// month the starting, new, expansion, contraction, churned, reactivation and
            /// ending MRR with customer counts, net and gross revenue retention, quick ratio,
            /// logo and revenue churn. Ending = starting + new + expansion + reactivation −
            /// contraction − churned, exactly.
            fn mrr_movements / mrrMovements (customers: Vec<String>, dates: Vec<chrono::NaiveDate>, mrr: Vec<f64>) -> Vec<pmkit::metrics::MrrMonth> {
                pmkit::metrics::mrr_movements(&customers, &dates, &mrr)
            }
            /// Average revenue per user: `revenue` / `customers`.
            fn average_revenue_per_user / averageRevenuePerUser (revenue: f64, customers: u64) -> f64 {
                pmkit::metrics::average_revenue_per_user(revenue, customers)
            }
            /// Customer lifetime value: `average_purchase_value` × `purchase_frequency` ×
            /// `customer_lifespan` × `margin` (1.0, the revenue CLV, by default); with
            /// `sbg_alpha` and `sbg_beta` (a `fit_sbg` result) the lifespan is the expected
            /// paying periods within `customer_lifespan` periods, discounted at `discount_rate`.
            fn customer_lifetime_value / customerLifetimeValue (average_purchase_value: f64, purchase_frequency: f64, customer_lifespan: f64; options: pmkit::metrics::LifetimeValueOptions) -> f64 {
                pmkit::metrics::customer_lifetime_value(average_purchase_value, purchase_frequency, customer_lifespan, &options)
            }
            /// Fits the shifted-beta-geometric retention model (Fader & Hardie 2007) to a
            /// survival curve (`survivors[t]` still active at the start of period t, the
            /// cohort size first) by maximum likelihood: α, β, the log-likelihood, survival
            /// and retention rates projected `periods` (12) further, the expected lifetime
            /// and the discounted expected (residual) lifetime at `discount_rate` (0.10).
            fn fit_sbg / fitSbg (survivors: Vec<u64>; options: pmkit::metrics::SbgOptions) -> pmkit::metrics::SbgFit {
                pmkit::metrics::fit_sbg(&survivors, &options)
            }
            /// Market share: `product_revenue` / `total_market`, as a fraction.
            fn market_share / marketShare (product_revenue: f64, total_market: f64) -> f64 {
                pmkit::metrics::market_share(product_revenue, total_market)
            }
            /// Forecast attainment: `actual` / `forecast` (1.0 = forecast met).
            fn forecast_attainment / forecastAttainment (actual: f64, forecast: f64) -> f64 {
                pmkit::metrics::forecast_attainment(actual, forecast)
            }
            /// Conversion rate: `conversions` / `visitors`, as a fraction.
            fn conversion_rate / conversionRate (conversions: u64, visitors: u64) -> f64 {
                pmkit::metrics::conversion_rate(conversions, visitors)
            }
            /// Funnel conversion from the count of people at each step: step-to-step
            /// rates, the share of entrants reaching each step, drop-off and the overall rate.
            fn funnel_conversion / funnelConversion (steps: Vec<u64>) -> pmkit::metrics::FunnelConversion {
                pmkit::metrics::funnel_conversion(&steps)
            }
            /// Feature adoption rate: `feature_users` / `active_users`, as a fraction.
            fn feature_adoption_rate / featureAdoptionRate (feature_users: u64, active_users: u64) -> f64 {
                pmkit::metrics::feature_adoption_rate(feature_users, active_users)
            }
            /// Stickiness: `dau` / `mau`, as a fraction.
            fn stickiness / stickiness (dau: f64, mau: f64) -> f64 {
                pmkit::metrics::stickiness(dau, mau)
            }
            /// Churn rate: customers lost over customers at start (`method` "start", the
            /// default), the average customer count ("average") or every customer served
            /// ("serviced", start + `new_customers`).
            fn churn_rate / churnRate (customers_at_start: u64, customers_lost: u64; options: pmkit::metrics::ChurnOptions) -> f64 {
                pmkit::metrics::churn_rate(customers_at_start, customers_lost, &options)
            }
            /// Customer retention rate: (`customers_at_end` − `new_customers`) / `customers_at_start`.
            fn customer_retention_rate / customerRetentionRate (customers_at_start: u64, customers_at_end: u64, new_customers: u64) -> f64 {
                pmkit::metrics::customer_retention_rate(customers_at_start, customers_at_end, new_customers)
            }
            /// Defect density: defects (weighted by `severity_weights` when given) per
            /// thousand lines of code.
            fn defect_density / defectDensity (defect_counts: Vec<u64>, size_kloc: f64; options: pmkit::metrics::DefectDensityOptions) -> f64 {
                pmkit::metrics::defect_density(&defect_counts, size_kloc, &options)
            }
            /// Defect escape rate: `found_in_production` / all defects found, as a fraction.
            fn defect_escape_rate / defectEscapeRate (found_in_production: u64, found_before_release: u64) -> f64 {
                pmkit::metrics::defect_escape_rate(found_in_production, found_before_release)
            }
            /// Time to market: whole days from `concept_date` to `launch_date`.
            fn time_to_market / timeToMarket (concept_date: chrono::NaiveDate, launch_date: chrono::NaiveDate) -> i64 {
                pmkit::metrics::time_to_market(concept_date, launch_date)
            }
            /// Team velocity over the last `window` sprints (3 by default): mean, median,
            /// sample standard deviation, min and max points per sprint.
            fn team_velocity / teamVelocity (completed_points: Vec<f64>; options: pmkit::metrics::VelocityOptions) -> pmkit::metrics::VelocitySummary {
                pmkit::metrics::team_velocity(&completed_points, &options)
            }
            /// Backlog completion rate: `completed` / `planned` work in a period, as a fraction.
            fn backlog_completion_rate / backlogCompletionRate (completed: f64, planned: f64) -> f64 {
                pmkit::metrics::backlog_completion_rate(completed, planned)
            }
            /// Sprint burndown: the ideal line, the actual remaining points and the gap per day.
            fn sprint_burndown / sprintBurndown (committed_points: f64, remaining_points: Vec<f64>, sprint_days: u64) -> pmkit::metrics::SprintBurndown {
                pmkit::metrics::sprint_burndown(committed_points, &remaining_points, sprint_days)
            }
            /// Stakeholder engagement on the PMBOK assessment matrix, from
            /// `{name, current, desired}` objects: the share at or above the desired
            /// level, the mean shortfall and the stakeholders below it.
            fn stakeholder_engagement / stakeholderEngagement (stakeholders: $crate::Json<Vec<pmkit::metrics::Stakeholder>>) -> pmkit::metrics::StakeholderEngagement {
                pmkit::metrics::stakeholder_engagement(&stakeholders)
            }
            /// Every metric pmkit computes, with its catalog entry: name, owners, unit,
            /// direction, formula, source and the function that computes it.
            fn metrics_catalog / metricsCatalog () -> Vec<pmkit::metrics::MetricInfo> {
                Ok(pmkit::metrics::metrics_catalog())
            }
        }
    };
}
