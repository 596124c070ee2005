//! The KPI formulas of both product roles, and the catalog that describes them.
//!
//! Every function validates its input and returns a [`crate::Result`]; none panics
//! and none returns NaN. Rates are fractions (`0.25` = 25 %); scores keep their
//! convention (NPS runs from −100 to 100). Each function's rustdoc gives the formula,
//! its variants, units, edge cases and the public source it follows; `docs/metrics.md`
//! has the same in prose.
//!
//! | module | metrics |
//! |---|---|
//! | satisfaction | NPS, CSAT |
//! | nps_interval | how sure an NPS is: its interval, and the change between surveys |
//! | finance | ROI, product revenue, MRR, ARPU, customer lifetime value, market share, forecast attainment |
//! | mrr | MRR movements: new, expansion, contraction, churn, reactivation; NRR, GRR, quick ratio |
//! | growth | conversion, funnel conversion, feature adoption, stickiness, churn, retention |
//! | retention_projection | the shifted-beta-geometric fit of a survival curve: projected retention, lifetimes (DEL, DERL) |
//! | delivery | time to market, team velocity, backlog completion, sprint burndown |
//! | quality | defect density, defect escape rate |
//! | stakeholder | stakeholder engagement |

mod catalog;
mod delivery;
mod finance;
mod growth;
mod mrr;
mod nps_interval;
mod quality;
mod retention_projection;
mod satisfaction;
mod stakeholder;

pub use catalog::*;
pub use delivery::*;
pub use finance::*;
pub use growth::*;
pub use mrr::*;
pub use nps_interval::*;
pub use quality::*;
pub use retention_projection::*;
pub use satisfaction::*;
pub use stakeholder::*;

// docs/metrics.md's Rust examples run as doc tests.
#[doc = include_str!("../../../docs/metrics.md")]
#[cfg(doctest)]
pub struct MetricsDoctests;
