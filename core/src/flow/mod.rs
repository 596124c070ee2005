//! Flow metrics from status history: cycle time, lead time, throughput, WIP,
//! cumulative flow, net flow and ageing WIP, counted by items or by points.
//!
//! Start from [`item_timelines`]: it reads each [`Item`]'s status transitions against
//! a [`Workflow`] (statuses mapped to ordered columns, with the backlog, committed and
//! done columns marked) and gives every item's column entry dates, cycle time, lead
//! time and blocked days. The team-level functions take those [`Timelines`]:
//! [`throughput`], [`cumulative_flow`], [`wip`], [`net_flow`], [`ageing_wip`]; and
//! [`durations`] collects cycle or lead times for [`percentiles`] and [`histogram`].
//! Work a workflow names as cancelled leaves all of these and is counted apart by
//! [`cancelled_work`].
//!
//! With [`Counting::Elapsed`] (the default) every number matches jira-agile-metrics
//! 0.24 on the same data; where pmkit departs from it, the function's documentation
//! says so and why. `docs/flow.md` has the same in prose, with examples in Rust,
//! Python and JavaScript.
//!
//! ```
//! use pmkit::flow::*;
//!
//! let timelines = item_timelines(&sample_items(), &sample_workflow(), sample_today(), Counting::Elapsed)?;
//! let cycle_times = durations(&timelines, DurationKind::CycleTime);
//! let p = percentiles(&cycle_times, &CYCLE_TIME_LEVELS)?;
//! println!("cycle time: 50% ≤ {} days, 85% ≤ {} days", p[0].value, p[1].value);
//! # Ok::<(), pmkit::Error>(())
//! ```

mod cancelled;
mod model;
mod options;
mod period;
mod sample;
mod stats;
mod team;
mod timeline;

pub use crate::stats::{percentiles, Percentile};
pub use cancelled::*;
pub use model::*;
pub use options::*;
pub use period::*;
pub use sample::*;
pub use stats::*;
pub use team::*;
pub use timeline::*;

// docs/flow.md's Rust examples run as doc tests.
#[doc = include_str!("../../../docs/flow.md")]
#[cfg(doctest)]
pub struct FlowDoctests;
