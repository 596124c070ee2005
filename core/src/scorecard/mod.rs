//! A product's scorecard: the inputs of every KPI in one JSON document, evaluated at once.
//!
//! [`ProductSnapshot`] is the interchange shape a team keeps for a product (the demo's
//! sample, a dashboard upload, a notebook's dict); [`scorecard`] computes every KPI it
//! has inputs for and returns one [`KpiReading`] per metric, in catalog order, with its
//! value, unit, formula and owning roles. Sections are optional: a metric whose inputs
//! are absent is listed in [`Scorecard::missing`], not guessed.
//!
//! ```
//! use pmkit::scorecard::{scorecard, ProductSnapshot};
//! use pmkit::metrics::MetricId;
//!
//! let snapshot: ProductSnapshot = ProductSnapshot {
//!     product: "Acme CRM".into(),
//!     nps_responses: Some(vec![10.0, 9.0, 8.0, 3.0]),
//!     ..ProductSnapshot::default()
//! };
//! let card = scorecard(&snapshot)?;
//! assert_eq!(card.readings.len(), 1);
//! assert_eq!(card.readings[0].metric, MetricId::NetPromoterScore);
//! assert_eq!(card.readings[0].value, 25.0);
//! # Ok::<(), pmkit::Error>(())
//! ```

mod inputs;

pub use inputs::*;

use serde::{Deserialize, Serialize};

use crate::metrics::{self as m, MetricId, MetricInfo, Unit};
use crate::roles::Role;
use crate::{input, Result};

/// One KPI of the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiReading {
    /// Which metric.
    pub metric: MetricId,
    /// Its display name ("Net Promoter Score").
    pub name: String,
    /// The headline value, in `unit`.
    pub value: f64,
    /// The unit of `value`.
    pub unit: Unit,
    /// The formula used, in words.
    pub formula: String,
    /// The role(s) judged by it.
    pub owners: Vec<Role>,
    /// What the headline value summarises, where the metric has more than one number
    /// ("mean of the last 3 sprints", "overall, first step to last").
    pub note: Option<String>,
}

/// Every KPI computed for one product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// The product's name, from the snapshot.
    pub product: String,
    /// The currency money values are in, from the snapshot.
    pub currency: String,
    /// One reading per metric with inputs, in catalog order.
    pub readings: Vec<KpiReading>,
    /// The metrics whose inputs the snapshot does not have.
    pub missing: Vec<MetricId>,
}

impl Scorecard {
    /// The reading for `metric`, if the snapshot had its inputs.
    pub fn get(&self, metric: MetricId) -> Option<&KpiReading> {
        self.readings
            .iter()
            .find(|reading| reading.metric == metric)
    }

    /// The readings of the KPIs `role` is judged by.
    pub fn for_role(&self, role: Role) -> Vec<&KpiReading> {
        self.readings
            .iter()
            .filter(|reading| reading.owners.contains(&role))
            .collect()
    }
}

/// Computes every KPI the snapshot has inputs for.
///
/// **Errors**: the first invalid section, with its field prefixed by the section name
/// (`"nps_responses[3]: 11 is outside the 0..=10 scale"`); nothing is half-computed.
pub fn scorecard(snapshot: &ProductSnapshot) -> Result<Scorecard> {
    let mut readings = Vec::new();
    let mut missing = Vec::new();
    for metric in MetricId::ALL {
        match evaluate(snapshot, metric)? {
            Some((value, note)) => {
                let info: MetricInfo = metric.info();
                readings.push(KpiReading {
                    metric,
                    name: info.name.to_string(),
                    value,
                    unit: info.unit,
                    formula: info.formula.to_string(),
                    owners: info.owners.to_vec(),
                    note,
                });
            }
            None => missing.push(metric),
        }
    }
    Ok(Scorecard {
        product: snapshot.product.clone(),
        currency: snapshot.currency.clone(),
        readings,
        missing,
    })
}

/// The headline value of one metric and what it summarises, `None` without inputs.
fn evaluate(snapshot: &ProductSnapshot, metric: MetricId) -> Result<Option<(f64, Option<String>)>> {
    let s = snapshot;
    let plain = |value: Result<f64>, section: &str| {
        value
            .map_err(|err| err.within(section))
            .map(|v| Some((v, None)))
    };
    Ok(match metric {
        MetricId::ReturnOnInvestment => match &s.investment {
            Some(i) => plain(
                m::return_on_investment(i.gain, i.cost, i.years),
                "investment",
            )?
            .map(|(v, _)| {
                (
                    v,
                    i.years
                        .map(|years| format!("annualized over {years} years")),
                )
            }),
            None => None,
        },
        MetricId::CustomerSatisfactionScore => match &s.csat_responses {
            Some(r) => plain(
                m::customer_satisfaction_score(r, 5, 4, m::CsatMethod::Share),
                "csat_responses",
            )?
            .map(|(v, _)| (v, Some("share of answers 4 or 5 on a 1..=5 scale".into()))),
            None => None,
        },
        MetricId::NetPromoterScore => match &s.nps_responses {
            Some(r) => Some((
                m::net_promoter_score(r)
                    .map_err(|e| e.within("nps_responses"))?
                    .score,
                None,
            )),
            None => None,
        },
        MetricId::ProductRevenue => match &s.sales {
            Some(sales) => plain(
                m::product_revenue(&sales.prices, &sales.quantities),
                "sales",
            )?,
            None => None,
        },
        MetricId::MonthlyRecurringRevenue => match &s.monthly_fees {
            Some(fees) => plain(m::monthly_recurring_revenue(fees), "monthly_fees")?,
            None => None,
        },
        MetricId::AverageRevenuePerUser => match &s.monthly_fees {
            Some(fees) => {
                let mrr =
                    m::monthly_recurring_revenue(fees).map_err(|e| e.within("monthly_fees"))?;
                let customers = u64::try_from(fees.len()).unwrap_or(u64::MAX);
                plain(m::average_revenue_per_user(mrr, customers), "monthly_fees")?
                    .map(|(v, _)| (v, Some("MRR / paying subscribers".into())))
            }
            None => None,
        },
        MetricId::ConversionRate => match &s.funnel {
            Some(f) => {
                let (first, last) = f.ends().map_err(|e| e.within("funnel"))?;
                plain(m::conversion_rate(last, first), "funnel")?
                    .map(|(v, _)| (v, Some("last funnel step / first funnel step".into())))
            }
            None => None,
        },
        MetricId::FunnelConversion => match &s.funnel {
            Some(f) => Some((
                m::funnel_conversion(&f.counts)
                    .map_err(|e| e.within("funnel"))?
                    .overall,
                Some("overall conversion, first step to last".into()),
            )),
            None => None,
        },
        MetricId::FeatureAdoptionRate => match &s.adoption {
            Some(a) => plain(
                m::feature_adoption_rate(a.feature_users, a.active_users),
                "adoption",
            )?,
            None => None,
        },
        MetricId::Stickiness => match &s.usage {
            Some(u) => plain(m::stickiness(u.dau, u.mau), "usage")?,
            None => None,
        },
        MetricId::ChurnRate => match &s.customers {
            Some(c) => plain(
                m::churn_rate(c.at_start, c.lost, c.new, m::ChurnMethod::Start),
                "customers",
            )?,
            None => None,
        },
        MetricId::CustomerRetentionRate => match &s.customers {
            Some(c) => {
                let at_end = c.at_end().map_err(|e| e.within("customers"))?;
                plain(
                    m::customer_retention_rate(c.at_start, at_end, c.new),
                    "customers",
                )?
            }
            None => None,
        },
        MetricId::TimeToMarket => match &s.launch {
            Some(l) => {
                let days = m::time_to_market(l.concept_date, l.launch_date)
                    .map_err(|e| e.within("launch"))?;
                // Whole days, exact in f64 for any calendar span chrono represents.
                Some((days as f64, None))
            }
            None => None,
        },
        MetricId::DefectDensity => match &s.quality {
            Some(q) => plain(
                m::defect_density(&q.defect_counts, q.size_kloc, q.severity_weights.as_deref()),
                "quality",
            )?,
            None => None,
        },
        MetricId::DefectEscapeRate => match &s.quality {
            Some(q) => plain(
                m::defect_escape_rate(q.found_in_production, q.found_before_release),
                "quality",
            )?,
            None => None,
        },
        MetricId::TeamVelocity => match &s.velocity {
            Some(v) => {
                let summary = m::team_velocity(&v.completed_points, v.window)
                    .map_err(|e| e.within("velocity"))?;
                Some((
                    summary.mean,
                    Some(format!("mean of the last {} sprints", summary.sprints)),
                ))
            }
            None => None,
        },
        MetricId::BacklogCompletionRate => match &s.backlog {
            Some(b) => plain(
                m::backlog_completion_rate(b.completed, b.planned),
                "backlog",
            )?,
            None => None,
        },
        MetricId::SprintBurndown => match &s.sprint {
            Some(sp) => {
                let burndown =
                    m::sprint_burndown(sp.committed_points, &sp.remaining_points, sp.sprint_days)
                        .map_err(|e| e.within("sprint"))?;
                let gap = burndown.gap.last().copied().unwrap_or(0.0);
                Some((
                    gap,
                    Some(format!(
                        "points behind the ideal line after day {}",
                        burndown.gap.len().saturating_sub(1)
                    )),
                ))
            }
            None => None,
        },
        MetricId::StakeholderEngagement => match &s.stakeholders {
            Some(list) => Some((
                m::stakeholder_engagement(list)
                    .map_err(|e| e.within("stakeholders"))?
                    .share_at_or_above_desired,
                Some("share of stakeholders at or above their desired engagement".into()),
            )),
            None => None,
        },
        MetricId::CustomerLifetimeValue => match &s.purchases {
            Some(p) => plain(
                m::customer_lifetime_value(
                    p.average_purchase_value,
                    p.purchase_frequency,
                    p.customer_lifespan,
                    p.margin,
                ),
                "purchases",
            )?,
            None => None,
        },
        MetricId::MarketShare => match &s.market {
            Some(mk) => plain(
                m::market_share(mk.product_revenue, mk.total_market_revenue),
                "market",
            )?,
            None => None,
        },
        MetricId::ForecastAttainment => match &s.forecast {
            Some(f) => plain(
                m::forecast_attainment(f.actual_revenue, f.forecast_revenue),
                "forecast",
            )?,
            None => None,
        },
    })
}

/// Checks that a whole snapshot is usable before it is stored (the scorecard of it succeeds).
pub fn validate_snapshot(snapshot: &ProductSnapshot) -> Result<()> {
    input::non_empty("product", snapshot.product.as_bytes())?;
    scorecard(snapshot).map(|_| ())
}
