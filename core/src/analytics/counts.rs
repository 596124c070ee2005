//! Partial counts of any metric, merged across shards and finished into the metric.
//!
//! The bindings pass partials around as one type ([`Counts`], tagged by `metric` in its
//! JSON form), so a Dask or Spark job needs one merge function whatever it computes.

use serde::{Deserialize, Serialize};

use super::active_users::{ActiveUserCounts, ActiveUsers};
use super::adoption::{Adoption, AdoptionCounts};
use super::churn::{Churn, ChurnCounts};
use super::funnel::{Funnel, FunnelCounts};
use super::retention::{Retention, RetentionCounts};
use super::stickiness::{StickinessCounts, StickinessHistogram};
use super::user_lifecycle::{UserLifecycle, UserLifecycleCounts};
use crate::{Error, Result};

/// Partial counts of one metric for a shard of users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "metric", rename_all = "snake_case")]
pub enum Counts {
    /// From [`active_user_counts`](super::active_user_counts).
    ActiveUsers(ActiveUserCounts),
    /// From [`retention_counts`](super::retention_counts).
    Retention(RetentionCounts),
    /// From [`activity_churn_counts`](super::activity_churn_counts).
    ActivityChurn(ChurnCounts),
    /// From [`feature_adoption_counts`](super::feature_adoption_counts).
    FeatureAdoption(AdoptionCounts),
    /// From [`event_funnel_counts`](super::event_funnel_counts).
    EventFunnel(FunnelCounts),
    /// From [`stickiness_counts`](super::stickiness_counts).
    StickinessHistogram(StickinessCounts),
    /// From [`user_lifecycle_counts`](super::user_lifecycle_counts).
    UserLifecycle(UserLifecycleCounts),
}

/// A finished metric: what [`Counts::finish`] gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Metric {
    /// See [`active_users`](super::active_users).
    ActiveUsers(ActiveUsers),
    /// See [`retention`](super::retention).
    Retention(Retention),
    /// See [`activity_churn`](super::activity_churn).
    ActivityChurn(Churn),
    /// See [`feature_adoption`](super::feature_adoption).
    FeatureAdoption(Adoption),
    /// See [`event_funnel`](super::event_funnel).
    EventFunnel(Funnel),
    /// See [`stickiness_histogram`](super::stickiness_histogram).
    StickinessHistogram(StickinessHistogram),
    /// See [`user_lifecycle`](super::user_lifecycle).
    UserLifecycle(UserLifecycle),
}

impl Counts {
    /// The snake_case name of the metric (`"retention"`).
    pub fn metric(&self) -> &'static str {
        match self {
            Counts::ActiveUsers(_) => "active_users",
            Counts::Retention(_) => "retention",
            Counts::ActivityChurn(_) => "activity_churn",
            Counts::FeatureAdoption(_) => "feature_adoption",
            Counts::EventFunnel(_) => "event_funnel",
            Counts::StickinessHistogram(_) => "stickiness_histogram",
            Counts::UserLifecycle(_) => "user_lifecycle",
        }
    }

    /// Adds `other`, the counts of a disjoint shard of users, into these.
    ///
    /// **Errors**: counts of another metric or made with other settings
    /// ([`Error::InvalidInput`] naming `field`).
    pub fn merge(&mut self, other: &Counts, field: &str) -> Result<()> {
        match (self, other) {
            (Counts::ActiveUsers(mine), Counts::ActiveUsers(theirs)) => mine.merge(theirs, field),
            (Counts::Retention(mine), Counts::Retention(theirs)) => mine.merge(theirs, field),
            (Counts::ActivityChurn(mine), Counts::ActivityChurn(theirs)) => {
                mine.merge(theirs, field)
            }
            (Counts::FeatureAdoption(mine), Counts::FeatureAdoption(theirs)) => {
                mine.merge(theirs, field)
            }
            (Counts::EventFunnel(mine), Counts::EventFunnel(theirs)) => mine.merge(theirs, field),
            (Counts::StickinessHistogram(mine), Counts::StickinessHistogram(theirs)) => {
                mine.merge(theirs, field)
            }
            (Counts::UserLifecycle(mine), Counts::UserLifecycle(theirs)) => {
                mine.merge(theirs, field)
            }
            (mine, theirs) => Err(Error::invalid(
                field,
                format!(
                    "holds {} counts, but the first partial holds {} counts",
                    theirs.metric(),
                    mine.metric()
                ),
            )),
        }
    }

    /// The metric these counts describe.
    ///
    /// **Errors**: counts without events ([`Error::Undefined`] naming `counts`).
    pub fn finish(&self) -> Result<Metric> {
        Ok(match self {
            Counts::ActiveUsers(counts) => Metric::ActiveUsers(counts.finish()?),
            Counts::Retention(counts) => Metric::Retention(counts.finish()?),
            Counts::ActivityChurn(counts) => Metric::ActivityChurn(counts.finish()?),
            Counts::FeatureAdoption(counts) => Metric::FeatureAdoption(counts.finish()?),
            Counts::EventFunnel(counts) => Metric::EventFunnel(counts.finish()?),
            Counts::StickinessHistogram(counts) => Metric::StickinessHistogram(counts.finish()?),
            Counts::UserLifecycle(counts) => Metric::UserLifecycle(counts.finish()?),
        })
    }
}

/// The sum of partial counts from shards partitioned by user (each user's events all
/// in one shard): the counts of the whole log.
///
/// **Errors**: no partials ([`Error::Undefined`] naming `parts`); partials of different
/// metrics or settings ([`Error::InvalidInput`] naming `parts[i]`).
///
/// ```
/// use pmkit::analytics::{merge_counts, retention, retention_counts, Counts, EventLog, Metric, RetentionOptions, TimeUnit};
///
/// let options = RetentionOptions::default();
/// let shard = |users: &[u64], days: &[i64]| -> pmkit::Result<Counts> {
///     Ok(Counts::Retention(retention_counts(&EventLog::new(users, days, TimeUnit::Days)?, &options)?))
/// };
/// // Users 1 and 3 in one shard, user 2 in another.
/// let parts = [shard(&[1, 3, 1], &[19_002, 19_010, 19_012])?, shard(&[2], &[19_003])?];
/// let merged = merge_counts(&parts)?.finish()?;
/// let whole = retention(&EventLog::new(&[1u64, 3, 1, 2], &[19_002i64, 19_010, 19_012, 19_003], TimeUnit::Days)?, &options)?;
/// assert_eq!(merged, Metric::Retention(whole));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn merge_counts(parts: &[Counts]) -> Result<Counts> {
    let Some((first, rest)) = parts.split_first() else {
        return Err(Error::undefined(
            "parts",
            "is empty; pass at least one partial",
        ));
    };
    let mut total = first.clone();
    for (index, part) in rest.iter().enumerate() {
        total.merge(part, &format!("parts[{}]", index + 1))?;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::{active_user_counts, ActiveUsersOptions, EventLog, TimeUnit};

    #[test]
    fn counts_of_different_metrics_do_not_merge() {
        let log = EventLog::new(&[1u64], &[19_000i64], TimeUnit::Days).unwrap();
        let active =
            Counts::ActiveUsers(active_user_counts(&log, &ActiveUsersOptions::default()).unwrap());
        let cohorts = Counts::Retention(
            crate::analytics::retention_counts(&log, &Default::default()).unwrap(),
        );
        let err = merge_counts(&[active.clone(), cohorts]).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (crate::ErrorKind::InvalidInput, "parts[1]")
        );
        assert_eq!(merge_counts(&[]).unwrap_err().field(), "parts");
        let json = serde_json::to_value(&active).unwrap();
        assert_eq!(json["metric"], "active_users");
        assert_eq!(serde_json::from_value::<Counts>(json).unwrap(), active);
    }
}
