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

// docs/scorecard.md's Rust example runs as a doc test.
#[doc = include_str!("../../../docs/scorecard.md")]
#[cfg(doctest)]
pub struct ScorecardDoctests;

pub use inputs::*;

use serde::{Deserialize, Serialize};

use crate::metrics::{self as m, MetricId, MetricInfo, Unit};
use crate::roles::Role;
use crate::stats::{proportion_interval, Interval, LevelOptions, ProportionIntervalOptions};
use crate::{input, Result};

/// One KPI of the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// The value's 95 % confidence interval, where the KPI is a share of counts (Wilson:
    /// conversion, funnel, CSAT share, feature adoption, churn, retention, defect
    /// escape) or an NPS (the multinomial Wald interval); absent elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
}

/// Every KPI computed for one product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
                    interval: interval(snapshot, metric)?,
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
            .map_err(|err| locate(err, section))
            .map(|v| Some((v, None)))
    };
    Ok(match metric {
        MetricId::ReturnOnInvestment => match &s.investment {
            Some(i) => plain(
                m::return_on_investment(i.gain, i.cost, &m::RoiOptions { years: i.years }),
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
                m::customer_satisfaction_score(r, &m::CsatOptions::default()),
                "csat_responses",
            )?
            .map(|(v, _)| (v, Some("share of answers 4 or 5 on a 1–5 scale".into()))),
            None => None,
        },
        MetricId::NetPromoterScore => match &s.nps_responses {
            Some(r) => Some((
                m::net_promoter_score(r)
                    .map_err(|e| locate(e, "nps_responses"))?
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
                    m::monthly_recurring_revenue(fees).map_err(|e| locate(e, "monthly_fees"))?;
                let customers = u64::try_from(fees.len()).unwrap_or(u64::MAX);
                plain(m::average_revenue_per_user(mrr, customers), "monthly_fees")?
                    .map(|(v, _)| (v, Some("MRR / paying subscribers".into())))
            }
            None => None,
        },
        MetricId::ConversionRate => match &s.funnel {
            Some(f) => {
                let (first, last) = f.ends().map_err(|e| locate(e, "funnel"))?;
                plain(m::conversion_rate(last, first), "funnel")?
                    .map(|(v, _)| (v, Some("last funnel step / first funnel step".into())))
            }
            None => None,
        },
        MetricId::FunnelConversion => match &s.funnel {
            Some(f) => Some((
                m::funnel_conversion(&f.counts)
                    .map_err(|e| locate(e, "funnel"))?
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
                m::churn_rate(
                    c.at_start,
                    c.lost,
                    &m::ChurnOptions {
                        new_customers: c.new,
                        method: m::ChurnMethod::Start,
                    },
                ),
                "customers",
            )?,
            None => None,
        },
        MetricId::CustomerRetentionRate => match &s.customers {
            Some(c) => {
                let at_end = c.at_end().map_err(|e| locate(e, "customers"))?;
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
                    .map_err(|e| locate(e, "launch"))?;
                // Whole days, exact in f64 for any calendar span chrono represents.
                Some((days as f64, None))
            }
            None => None,
        },
        MetricId::DefectDensity => match &s.quality {
            Some(q) => plain(
                m::defect_density(
                    &q.defect_counts,
                    q.size_kloc,
                    &m::DefectDensityOptions {
                        severity_weights: q.severity_weights.clone(),
                    },
                ),
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
                let summary = m::team_velocity(
                    &v.completed_points,
                    &m::VelocityOptions { window: v.window },
                )
                .map_err(|e| locate(e, "velocity"))?;
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
                        .map_err(|e| locate(e, "sprint"))?;
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
                    .map_err(|e| locate(e, "stakeholders"))?
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
                    &m::LifetimeValueOptions {
                        margin: p.margin,
                        ..m::LifetimeValueOptions::default()
                    },
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

/// The 95 % interval of a KPI that has counts behind it (called once its value was
/// computed, so the inputs are valid), `None` for the others. Backlog completion is
/// left out: its inputs may be points, which are not independent trials.
fn interval(snapshot: &ProductSnapshot, metric: MetricId) -> Result<Option<Interval>> {
    let s = snapshot;
    let share = |successes: u64, trials: u64, section: &str| {
        proportion_interval(successes, trials, &ProportionIntervalOptions::default())
            .map(Some)
            .map_err(|err| locate(err, section))
    };
    match metric {
        MetricId::NetPromoterScore => match &s.nps_responses {
            Some(r) => m::nps_interval(r, &LevelOptions::default())
                .map(Some)
                .map_err(|e| locate(e, "nps_responses")),
            None => Ok(None),
        },
        MetricId::CustomerSatisfactionScore => match &s.csat_responses {
            Some(r) => {
                let satisfied_min = m::CsatOptions::default().satisfied_min as f64;
                let satisfied = r.iter().filter(|&&answer| answer >= satisfied_min).count();
                share(satisfied as u64, r.len() as u64, "csat_responses")
            }
            None => Ok(None),
        },
        MetricId::ConversionRate | MetricId::FunnelConversion => match &s.funnel {
            Some(f) => {
                let (first, last) = f.ends().map_err(|e| locate(e, "funnel"))?;
                share(last, first, "funnel")
            }
            None => Ok(None),
        },
        MetricId::FeatureAdoptionRate => match &s.adoption {
            Some(a) => share(a.feature_users, a.active_users, "adoption"),
            None => Ok(None),
        },
        MetricId::ChurnRate => match &s.customers {
            Some(c) => share(c.lost, c.at_start, "customers"),
            None => Ok(None),
        },
        MetricId::CustomerRetentionRate => match &s.customers {
            Some(c) => {
                let at_end = c.at_end().map_err(|e| locate(e, "customers"))?;
                share(at_end.saturating_sub(c.new), c.at_start, "customers")
            }
            None => Ok(None),
        },
        MetricId::DefectEscapeRate => match &s.quality {
            Some(q) => {
                let all = q.found_in_production.saturating_add(q.found_before_release);
                share(q.found_in_production, all, "quality")
            }
            None => Ok(None),
        },
        _ => Ok(None),
    }
}

/// Renames an error's field from the metric function's parameter to where the value
/// sits in the snapshot (`responses[3]` → `nps_responses[3]`, `customers_lost` →
/// `customers.lost`); other fields are put under their section.
fn locate(err: crate::Error, section: &str) -> crate::Error {
    // (section, function parameter, snapshot path) where the names differ.
    const RENAMES: &[(&str, &str, &str)] = &[
        ("nps_responses", "responses", "nps_responses"),
        ("csat_responses", "responses", "csat_responses"),
        ("monthly_fees", "monthly_fees", "monthly_fees"),
        ("monthly_fees", "revenue", "monthly_fees"),
        ("monthly_fees", "customers", "monthly_fees"),
        ("stakeholders", "stakeholders", "stakeholders"),
        ("funnel", "steps", "funnel.counts"),
        ("funnel", "conversions", "funnel.counts"),
        ("funnel", "visitors", "funnel.counts"),
        ("customers", "customers_at_start", "customers.at_start"),
        ("customers", "customers_lost", "customers.lost"),
        ("customers", "new_customers", "customers.new"),
        ("customers", "customers_at_end", "customers.lost"),
        ("market", "total_market", "market.total_market_revenue"),
        ("forecast", "actual", "forecast.actual_revenue"),
        ("forecast", "forecast", "forecast.forecast_revenue"),
    ];
    err.map_field(|field| {
        for &(renamed_section, parameter, path) in RENAMES {
            if renamed_section != section {
                continue;
            }
            if let Some(rest) = field.strip_prefix(parameter) {
                if rest.is_empty() || rest.starts_with('[') || rest.starts_with('.') {
                    return format!("{path}{rest}");
                }
            }
        }
        format!("{section}.{field}")
    })
}

/// The bundled sample product (the one `make demo` reports on): a CRM adding an AI
/// email assistant, with inputs for every KPI.
///
/// ```
/// let card = pmkit::scorecard::scorecard(&pmkit::scorecard::sample_snapshot())?;
/// assert!(card.missing.is_empty());
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn sample_snapshot() -> ProductSnapshot {
    // The bundled text is checked by the tests; an unreadable one would be a bug caught there.
    ProductSnapshot::from_json(SAMPLE_JSON).unwrap_or_default()
}

/// The bundled sample product as JSON text.
pub const SAMPLE_JSON: &str = include_str!("sample_product.json");

/// Checks that a whole snapshot is usable before it is stored (the scorecard of it succeeds).
pub fn validate_snapshot(snapshot: &ProductSnapshot) -> Result<()> {
    input::non_empty("product", snapshot.product.as_bytes())?;
    scorecard(snapshot).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn sample_has_every_kpi() {
        let snapshot = ProductSnapshot::from_json(SAMPLE_JSON).unwrap();
        let card = scorecard(&snapshot).unwrap();
        assert_eq!(card.readings.len(), MetricId::ALL.len());
        assert!(card.missing.is_empty());
        // Hand-computed from sample_product.json.
        let value = |id| card.get(id).unwrap().value;
        assert_eq!(value(MetricId::ChurnRate), 24.0 / 800.0);
        assert_eq!(
            value(MetricId::CustomerRetentionRate),
            (840.0 - 64.0) / 800.0
        );
        assert_eq!(value(MetricId::ConversionRate), 360.0 / 12_000.0);
        assert_eq!(value(MetricId::TeamVelocity), (33.0 + 30.0 + 36.0) / 3.0);
        assert_eq!(value(MetricId::TimeToMarket), 163.0);
        assert_eq!(value(MetricId::NetPromoterScore), 35.0); // 10 promoters, 3 detractors of 20
    }

    #[test]
    fn shares_and_nps_carry_intervals() {
        let card = scorecard(&sample_snapshot()).unwrap();
        let interval = |id| card.get(id).unwrap().interval.clone();
        // Churn: 24 of 800, Wilson at 95 %.
        let churn = interval(MetricId::ChurnRate).unwrap();
        let expected = proportion_interval(24, 800, &ProportionIntervalOptions::default()).unwrap();
        assert_eq!(churn, expected);
        assert_eq!(churn.value, card.get(MetricId::ChurnRate).unwrap().value);
        let nps = interval(MetricId::NetPromoterScore).unwrap();
        assert_eq!((nps.value, nps.method.as_str()), (35.0, "wald"));
        for id in [
            MetricId::CustomerSatisfactionScore,
            MetricId::ConversionRate,
            MetricId::FunnelConversion,
            MetricId::FeatureAdoptionRate,
            MetricId::CustomerRetentionRate,
            MetricId::DefectEscapeRate,
        ] {
            let reading = card.get(id).unwrap();
            let interval = reading.interval.as_ref().unwrap();
            assert!((interval.value - reading.value).abs() < 1e-12, "{id:?}");
            assert!(interval.low <= interval.value && interval.value <= interval.high);
        }
        for id in [
            MetricId::TeamVelocity,
            MetricId::ReturnOnInvestment,
            MetricId::BacklogCompletionRate,
        ] {
            assert_eq!(interval(id), None);
        }
        // Readings without an interval serialize as before.
        let json = serde_json::to_value(card.get(MetricId::TeamVelocity).unwrap()).unwrap();
        assert!(json.get("interval").is_none());
    }

    #[test]
    fn json_round_trips() {
        let snapshot = sample_snapshot();
        let again = ProductSnapshot::from_json(&snapshot.to_json()).unwrap();
        assert_eq!(snapshot, again);
    }

    #[test]
    fn bad_sections_name_their_field() {
        let snapshot = ProductSnapshot {
            nps_responses: Some(vec![10.0, 11.0]),
            ..ProductSnapshot::default()
        };
        let err = scorecard(&snapshot).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OutOfRange);
        assert_eq!(err.field(), "nps_responses[1]");

        let err = ProductSnapshot::from_json(r#"{"product": "x", "nps": []}"#).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Parse);
        assert!(err.to_string().contains("unknown field `nps`"), "{err}");
    }

    #[test]
    fn absent_sections_are_missing_not_zero() {
        let card = scorecard(&ProductSnapshot::default()).unwrap();
        assert!(card.readings.is_empty());
        assert_eq!(card.missing.len(), MetricId::ALL.len());
    }
}
