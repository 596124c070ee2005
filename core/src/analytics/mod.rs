//! Product analytics over event logs: active users, retention cohorts, churn, feature
//! adoption, funnels and stickiness, from columns of millions of rows.
//!
//! An event log is three columns: who ([`EventLog`]'s `user_ids`), when (`times`, in a
//! [`TimeUnit`], read on UTC calendar days or those of a fixed offset) and, optionally,
//! what (`events`, integer event codes; [`IdMap`] turns names into codes). Rows may
//! come in any order. Every metric reads the columns in one or two passes into per-user
//! day sets (bitmaps or short lists, see the `activity` module) and then walks the
//! users once: no global sort, no per-row allocation.
//!
//! Definitions follow what Amplitude, Mixpanel and PostHog document; each function
//! says which, and `docs/analytics.md` shows them side by side with a pandas recipe.
//!
//! **More data than one machine**: every metric also comes as partial counts
//! ([`ActiveUserCounts`], [`RetentionCounts`], …, or [`Counts`] for any of them) that
//! add up across shards partitioned by user; merge them with [`merge_counts`] and
//! finish them into the metric.
//!
//! ```
//! use pmkit::analytics::{active_users, retention, sample_events, ActiveUsersOptions, EventLog, RetentionOptions, TimeUnit};
//!
//! let sample = sample_events();
//! let log = EventLog::new(&sample.user_ids, &sample.times, TimeUnit::Seconds)?;
//! let weekly = retention(&log, &RetentionOptions::default())?;
//! assert_eq!(weekly.rates[0][0], Some(1.0)); // everyone is active in their first week
//! let active = active_users(&log, &ActiveUsersOptions::default())?;
//! assert_eq!(active.days.len(), 56);
//! # Ok::<(), pmkit::Error>(())
//! ```

mod active_users;
mod activity;
mod adoption;
mod calendar;
mod churn;
mod columns;
mod counts;
mod encode;
mod encoded_log;
mod funnel;
mod ids;
mod options;
mod parallel;
mod retention;
mod rows;
mod sample;
mod series;
mod stickiness;
mod user_lifecycle;
mod zone;

pub use active_users::*;
pub use adoption::*;
pub use calendar::{Period, MAX_DAY, MIN_DAY};
pub use churn::*;
pub use columns::*;
pub use counts::*;
pub use encode::{encode_integers, encode_text, EncodedText, TextColumn};
pub use encoded_log::{Breakdown, EncodedLog, Segment, DEFAULT_MAX_SEGMENTS, MAX_SEGMENTS};
pub use funnel::*;
pub use ids::*;
pub use options::{
    ActiveUsersOptions, ActivityChurnOptions, EventFunnelOptions, FeatureAdoptionOptions,
    StickinessOptions, UserLifecycleOptions,
};
pub use retention::*;
pub use sample::*;
pub use stickiness::*;
pub use user_lifecycle::*;
pub use zone::Zone;

// docs/analytics.md's Rust examples run as doc tests.
#[doc = include_str!("../../../docs/analytics.md")]
#[cfg(doctest)]
pub struct AnalyticsDoctests;
