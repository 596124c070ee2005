//! [`ProductSnapshot`]: the inputs of every KPI for one product, in its JSON shape.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::metrics::Stakeholder;
use crate::{Error, Result};

/// The inputs of every KPI for one product. Every section is optional; absent
/// sections leave their metrics out of the scorecard.
///
/// The JSON form (snake_case keys, ISO dates) is what `make demo` reads and what the
/// Python and JavaScript `kpi_scorecard` / `kpiScorecard` take.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ProductSnapshot {
    /// The product's name.
    pub product: String,
    /// The one currency every money value is in (`"USD"`).
    pub currency: String,
    /// Money returned and invested, for ROI.
    pub investment: Option<Investment>,
    /// CSAT survey answers on 1..=5.
    pub csat_responses: Option<Vec<f64>>,
    /// NPS survey answers on 0..=10.
    pub nps_responses: Option<Vec<f64>>,
    /// One-off sales lines, for product revenue.
    pub sales: Option<Sales>,
    /// Each paying subscriber's monthly fee, for MRR and ARPU.
    pub monthly_fees: Option<Vec<f64>>,
    /// A conversion funnel, for conversion rate and funnel conversion.
    pub funnel: Option<Funnel>,
    /// Users of a new feature among active users, for feature adoption.
    pub adoption: Option<Adoption>,
    /// Average daily and monthly active users, for stickiness.
    pub usage: Option<Usage>,
    /// Customers over a period, for churn and retention.
    pub customers: Option<Customers>,
    /// Concept and launch dates, for time to market.
    pub launch: Option<Launch>,
    /// Defect counts, for defect density and escape rate.
    pub quality: Option<Quality>,
    /// Completed points per sprint, for team velocity.
    pub velocity: Option<Velocity>,
    /// Planned and completed backlog work in a period, for backlog completion.
    pub backlog: Option<BacklogProgress>,
    /// The current sprint's burndown inputs.
    pub sprint: Option<SprintProgress>,
    /// Stakeholders' current and desired engagement.
    pub stakeholders: Option<Vec<Stakeholder>>,
    /// Purchase behaviour, for customer lifetime value.
    pub purchases: Option<Purchases>,
    /// Product and market revenue, for market share.
    pub market: Option<Market>,
    /// Actual and forecast revenue, for forecast attainment.
    pub forecast: Option<Forecast>,
}

impl crate::json::FromJsonText for ProductSnapshot {
    fn from_json_text(text: &str) -> Result<Self> {
        ProductSnapshot::from_json(text)
    }
}

impl ProductSnapshot {
    /// Reads a snapshot from its JSON text.
    ///
    /// **Errors**: [`Error::Parse`] on field `snapshot`, saying what was wrong and
    /// where (an unknown section, a wrong type, malformed JSON; with line and column).
    pub fn from_json(text: &str) -> Result<Self> {
        crate::json::from_str("snapshot", text)
    }

    /// The snapshot as pretty-printed JSON text.
    pub fn to_json(&self) -> String {
        // Serializing plain structs of numbers, strings and dates cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// ROI inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Investment {
    /// Total money returned by the investment.
    pub gain: f64,
    /// Money invested.
    pub cost: f64,
    /// Years the investment ran, for the annualized variant.
    #[serde(default)]
    pub years: Option<f64>,
}

/// Sales lines as two parallel columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sales {
    /// Unit price of each line.
    pub prices: Vec<f64>,
    /// Units sold on each line.
    pub quantities: Vec<f64>,
}

/// A conversion funnel: step names and the users who reached each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "FunnelInputs"))]
#[serde(deny_unknown_fields)]
pub struct Funnel {
    /// Step names, first to last ("visited", "signed up", "paid").
    pub steps: Vec<String>,
    /// Users who reached each step.
    pub counts: Vec<u64>,
}

impl Funnel {
    /// The first and last step counts; an error unless names and counts pair up.
    pub fn ends(&self) -> Result<(u64, u64)> {
        crate::input::same_length("counts", &self.counts, "steps", &self.steps)?;
        match (self.counts.first(), self.counts.last()) {
            (Some(&first), Some(&last)) => Ok((first, last)),
            _ => Err(Error::undefined(
                "counts",
                "is empty; a funnel needs at least one step",
            )),
        }
    }
}

/// Feature adoption inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "AdoptionInputs"))]
#[serde(deny_unknown_fields)]
pub struct Adoption {
    /// The feature's name.
    #[serde(default)]
    pub feature: String,
    /// Active users who used the feature in the window.
    pub feature_users: u64,
    /// Active users in the same window.
    pub active_users: u64,
}

/// Usage inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Usage {
    /// Average daily active users over the month.
    pub dau: f64,
    /// Monthly active users.
    pub mau: f64,
}

/// Customers over one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Customers {
    /// Customers at the start of the period.
    pub at_start: u64,
    /// Customers lost during the period.
    pub lost: u64,
    /// Customers gained during the period.
    #[serde(default)]
    pub new: u64,
}

impl Customers {
    /// Customers at the end: start − lost + new; an error when more were lost than there were.
    pub fn at_end(&self) -> Result<u64> {
        let had = u128::from(self.at_start) + u128::from(self.new);
        had.checked_sub(u128::from(self.lost))
            .and_then(|at_end| u64::try_from(at_end).ok())
            .ok_or_else(|| {
                Error::out_of_range(
                    "lost",
                    format!(
                        "{} is more than the customers at start plus new ({had})",
                        self.lost
                    ),
                )
            })
    }
}

/// Time-to-market inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Launch {
    /// When the product or feature was conceived.
    pub concept_date: NaiveDate,
    /// When it launched.
    pub launch_date: NaiveDate,
}

/// Quality inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quality {
    /// Defects found, per severity level.
    pub defect_counts: Vec<u64>,
    /// Weight of each severity level, for the weighted density.
    #[serde(default)]
    pub severity_weights: Option<Vec<f64>>,
    /// Code size in thousands of lines.
    pub size_kloc: f64,
    /// Defects found in production.
    pub found_in_production: u64,
    /// Defects found before release.
    pub found_before_release: u64,
}

/// Velocity inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "VelocityInputs"))]
#[serde(deny_unknown_fields)]
pub struct Velocity {
    /// Completed points per sprint, oldest first.
    pub completed_points: Vec<f64>,
    /// How many recent sprints to average.
    #[serde(default = "default_velocity_window")]
    pub window: u64,
}

fn default_velocity_window() -> u64 {
    crate::metrics::DEFAULT_VELOCITY_WINDOW
}

/// Backlog progress in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BacklogProgress {
    /// Planned items (or points) completed.
    pub completed: f64,
    /// Items (or points) planned.
    pub planned: f64,
}

/// The current sprint's burndown inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SprintProgress {
    /// Points committed at sprint start.
    pub committed_points: f64,
    /// Points remaining at the end of each day so far.
    pub remaining_points: Vec<f64>,
    /// Working days in the sprint.
    pub sprint_days: u64,
}

/// Purchase behaviour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Purchases {
    /// Average money per purchase.
    pub average_purchase_value: f64,
    /// Purchases per customer per period.
    pub purchase_frequency: f64,
    /// Periods a customer stays.
    pub customer_lifespan: f64,
    /// Gross margin as a fraction (1.0 = revenue CLV).
    #[serde(default = "default_margin")]
    pub margin: f64,
}

fn default_margin() -> f64 {
    1.0
}

/// Market share inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Market {
    /// The product's revenue in the market.
    pub product_revenue: f64,
    /// The whole market's revenue.
    pub total_market_revenue: f64,
}

/// Revenue against its forecast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ForecastInputs"))]
#[serde(deny_unknown_fields)]
pub struct Forecast {
    /// Revenue achieved.
    pub actual_revenue: f64,
    /// Revenue forecast for the same period.
    pub forecast_revenue: f64,
}
