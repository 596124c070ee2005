//! Feature adoption over time, and time to first use.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::activity::Activity;
use super::calendar::{date_of, day_of, Period, PeriodTable};
use super::columns::{EventLog, EventValue, TimeValue, UserIdValue};
use super::options::FeatureAdoptionOptions;
use super::rows::prepare;
use super::series::{add_aligned, later, period_index, period_starts, same_setting};
use crate::{Error, Result};

/// Partial counts of [`feature_adoption`] for one shard of users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdoptionCounts {
    /// The period adoption is counted in.
    pub period: Period,
    /// The event code of the feature.
    pub feature: u32,
    /// Start of the period holding the shard's first event (`None`: no events).
    pub first_period: Option<NaiveDate>,
    /// The shard's last day with an event.
    pub last_day: Option<NaiveDate>,
    /// Users active (any event) in each period from `first_period`.
    pub active: Vec<u64>,
    /// Users who used the feature in each period.
    pub users: Vec<u64>,
    /// Users whose first event falls in each period.
    pub new_active: Vec<u64>,
    /// Users whose first use of the feature falls in each period.
    pub new_adopters: Vec<u64>,
    /// `days_to_first_use[d]`: adopters whose first use came `d` days after their first event.
    pub days_to_first_use: Vec<u64>,
}

/// Feature adoption per period, cumulative adoption, and time to first use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Adoption {
    /// The period adoption is counted in.
    pub period: Period,
    /// The event code of the feature.
    #[cfg_attr(feature = "schema", schemars(with = "super::options::EventLabel"))]
    pub feature: u32,
    /// First day of each period.
    pub period_starts: Vec<NaiveDate>,
    /// Users active (any event) in each period.
    pub active: Vec<u64>,
    /// Users who used the feature in each period.
    pub users: Vec<u64>,
    /// `users / active` per period, a fraction; `None` when no one was active.
    pub rate: Vec<Option<f64>>,
    /// Users active at least once up to the end of each period.
    pub ever_active: Vec<u64>,
    /// Users who had used the feature at least once by the end of each period.
    pub ever_adopted: Vec<u64>,
    /// `ever_adopted / ever_active`: the share of users so far who have adopted.
    pub cumulative_rate: Vec<Option<f64>>,
    /// Users who ever used the feature.
    pub adopters: u64,
    /// `days_to_first_use[d]`: adopters whose first use came `d` calendar days after
    /// their first event (0 = the same day).
    pub days_to_first_use: Vec<u64>,
    /// Median of the days to first use (the mean of the two middle values for an even
    /// count); `None` without adopters.
    pub median_days_to_first_use: Option<f64>,
    /// Mean days to first use; `None` without adopters.
    pub mean_days_to_first_use: Option<f64>,
}

/// The median of a histogram of whole numbers (`histogram[v]` = how many times `v`).
fn histogram_median(histogram: &[u64]) -> Option<f64> {
    let total: u64 = histogram.iter().sum();
    if total == 0 {
        return None;
    }
    // The values at 0-based ranks (total − 1) / 2 and total / 2.
    let value_at = |rank: u64| {
        let mut seen = 0u64;
        histogram
            .iter()
            .position(|&count| {
                seen += count;
                seen > rank
            })
            .unwrap_or(0)
    };
    Some((value_at((total - 1) / 2) + value_at(total / 2)) as f64 / 2.0)
}

/// Partial counts of [`feature_adoption`] for a shard of users.
///
/// **Errors**: as [`feature_adoption`], except that an empty log gives empty counts.
pub fn feature_adoption_counts<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    feature: u32,
    options: &FeatureAdoptionOptions,
) -> Result<AdoptionCounts> {
    let period = options.period;
    log.require_events("feature")?;
    let Some(prepared) = prepare(log, true)? else {
        return Ok(AdoptionCounts {
            period,
            feature,
            first_period: None,
            last_day: None,
            active: Vec::new(),
            users: Vec::new(),
            new_active: Vec::new(),
            new_adopters: Vec::new(),
            days_to_first_use: Vec::new(),
        });
    };
    let table = PeriodTable::new(period, prepared.first_day, prepared.last_day);
    let periods = table.count();
    let (mut active, mut users) = (vec![0u64; periods], vec![0u64; periods]);
    let (mut new_active, mut new_adopters) = (vec![0u64; periods], vec![0u64; periods]);
    let mut days_to_first_use = Vec::new();
    let bump = |counts: &mut Vec<u64>, index: usize| {
        if let Some(count) = counts.get_mut(index) {
            *count += 1;
        }
    };
    let distinct = |counts: &mut Vec<u64>, days: &[u32]| {
        let mut last = usize::MAX;
        for &day in days {
            let p = table.of(day);
            if p != last {
                bump(counts, p);
                last = p;
            }
        }
    };
    let any = Activity::build(&prepared, None);
    let used = Activity::build(&prepared, Some(feature));
    any.for_each_user_with(&used, |_, days, feature_days| {
        distinct(&mut active, days);
        distinct(&mut users, feature_days);
        if let Some(&first) = days.first() {
            bump(&mut new_active, table.of(first));
            if let Some(&first_use) = feature_days.first() {
                bump(&mut new_adopters, table.of(first_use));
                let wait = first_use.saturating_sub(first) as usize;
                if days_to_first_use.len() <= wait {
                    days_to_first_use.resize(wait + 1, 0);
                }
                bump(&mut days_to_first_use, wait);
            }
        }
    });
    Ok(AdoptionCounts {
        period,
        feature,
        first_period: Some(period.start_date(table.first)?),
        last_day: Some(date_of(prepared.last_day)?),
        active,
        users,
        new_active,
        new_adopters,
        days_to_first_use,
    })
}

impl AdoptionCounts {
    /// Adds the counts of another shard of users (disjoint from this one's).
    ///
    /// **Errors**: counts made with another period or feature ([`Error::InvalidInput`]
    /// naming `field`).
    pub fn merge(&mut self, other: &AdoptionCounts, field: &str) -> Result<()> {
        same_setting(field, "period", &self.period, &other.period)?;
        same_setting(field, "feature", &self.feature, &other.feature)?;
        let Some(other_first) = other.first_period else {
            return Ok(());
        };
        let Some(first) = self.first_period else {
            *self = other.clone();
            return Ok(());
        };
        let where_first = format!("{field}.first_period");
        let mine = period_index(&where_first, self.period, first)?;
        let theirs = period_index(&where_first, self.period, other_first)?;
        add_aligned(mine, &mut self.active, theirs, &other.active);
        add_aligned(mine, &mut self.users, theirs, &other.users);
        add_aligned(mine, &mut self.new_active, theirs, &other.new_active);
        let start = add_aligned(mine, &mut self.new_adopters, theirs, &other.new_adopters);
        add_aligned(0, &mut self.days_to_first_use, 0, &other.days_to_first_use);
        self.first_period = Some(self.period.start_date(start)?);
        self.last_day = later(self.last_day, other.last_day);
        Ok(())
    }

    /// The [`Adoption`] these counts describe.
    ///
    /// **Errors**: counts without events ([`Error::Undefined`] naming `counts`).
    pub fn finish(&self) -> Result<Adoption> {
        let (Some(first), Some(last)) = (self.first_period, self.last_day) else {
            return Err(Error::undefined(
                "counts",
                "hold no events, so there is no adoption",
            ));
        };
        let period = self.period;
        let first_index = period_index("counts.first_period", period, first)?;
        let periods = usize::try_from(period.index(day_of(last)) - first_index + 1).unwrap_or(0);
        let at = |values: &[u64], p: usize| values.get(p).copied().unwrap_or(0);
        let rate = |part: u64, whole: u64| (whole > 0).then(|| part as f64 / whole as f64);
        let (mut ever_active, mut ever_adopted) = (Vec::new(), Vec::new());
        let (mut total_active, mut total_adopted) = (0u64, 0u64);
        for p in 0..periods {
            total_active += at(&self.new_active, p);
            total_adopted += at(&self.new_adopters, p);
            ever_active.push(total_active);
            ever_adopted.push(total_adopted);
        }
        let active: Vec<u64> = (0..periods).map(|p| at(&self.active, p)).collect();
        let users: Vec<u64> = (0..periods).map(|p| at(&self.users, p)).collect();
        let adopters: u64 = self.days_to_first_use.iter().sum();
        let total_days: u64 = self
            .days_to_first_use
            .iter()
            .enumerate()
            .map(|(d, &n)| d as u64 * n)
            .sum();
        Ok(Adoption {
            period,
            feature: self.feature,
            period_starts: period_starts(period, first_index, periods)?,
            rate: users
                .iter()
                .zip(&active)
                .map(|(&u, &a)| rate(u, a))
                .collect(),
            active,
            users,
            cumulative_rate: ever_adopted
                .iter()
                .zip(&ever_active)
                .map(|(&u, &a)| rate(u, a))
                .collect(),
            ever_active,
            ever_adopted,
            adopters,
            days_to_first_use: self.days_to_first_use.clone(),
            median_days_to_first_use: histogram_median(&self.days_to_first_use),
            mean_days_to_first_use: rate(total_days, adopters),
        })
    }
}

/// Feature adoption over time: per calendar period, the users of a feature (an event
/// code) over the active users, the cumulative share of users who have adopted it, and
/// the time from a user's first event to their first use of the feature.
///
/// **Definitions**: `active[p]` = distinct users with any event in period `p`;
/// `users[p]` = distinct users with a `feature` event in `p`; `rate[p]` = `users[p] /
/// active[p]` (the per-period adoption rate). `ever_adopted[p]` / `ever_active[p]` =
/// users whose first feature use / first event came by the end of `p`, and
/// `cumulative_rate[p]` their ratio. Time to first use = calendar days from a user's
/// first event (any) to their first `feature` event, as a histogram with its median
/// and mean. Rates are fractions; `None` where the denominator is 0.
///
/// **Errors**: a log without events ([`Error::InvalidInput`] naming `feature`); an
/// empty log ([`Error::Undefined`] naming `user_ids`); bad columns as in
/// [`active_users`](super::active_users).
///
/// **Source**: Pendo, "Feature adoption rate" (feature users / active users in the
/// period); Amplitude, "Measure feature adoption"; Mixpanel, "Time to first action".
/// For a single pair of counts, see [`crate::metrics::feature_adoption_rate`].
///
/// ```
/// use pmkit::analytics::{feature_adoption, EventLog, FeatureAdoptionOptions, TimeUnit};
///
/// // Week of Monday 2022-01-10: users 1, 2, 3 active; user 1 uses feature 9 on day 2
/// // after joining, user 2 on their first day.
/// let users = [1u64, 2, 3, 1, 2];
/// let days = [19_002i64, 19_003, 19_004, 19_004, 19_003];
/// let events = [0u32, 9, 0, 9, 0];
/// let log = EventLog::new(&users, &days, TimeUnit::Days)?.with_events(&events)?;
/// let adoption = feature_adoption(&log, 9, &FeatureAdoptionOptions::default())?;
/// assert_eq!((adoption.users[0], adoption.active[0]), (2, 3));
/// assert_eq!(adoption.days_to_first_use, [1, 0, 1]);
/// assert_eq!(adoption.median_days_to_first_use, Some(1.0));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn feature_adoption<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    feature: u32,
    options: &FeatureAdoptionOptions,
) -> Result<Adoption> {
    log.require_events("feature")?;
    if log.is_empty() {
        return Err(Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        ));
    }
    feature_adoption_counts(log, feature, options)?.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::TimeUnit;

    #[test]
    fn median_of_a_histogram() {
        assert_eq!(histogram_median(&[]), None);
        assert_eq!(histogram_median(&[0, 3]), Some(1.0));
        assert_eq!(histogram_median(&[1, 0, 0, 1]), Some(1.5));
        assert_eq!(histogram_median(&[2, 1, 0, 5]), Some(3.0));
    }

    #[test]
    fn cumulative_adoption_and_shards() {
        // Week 0: users 1, 2 (2 uses the feature); week 1: users 1, 3 (1 uses it).
        let users = [1u64, 2, 2, 1, 1, 3];
        let days = [19_002i64, 19_003, 19_003, 19_010, 19_011, 19_012];
        let events = [0u32, 0, 4, 0, 4, 0];
        let log = EventLog::new(&users, &days, TimeUnit::Days)
            .unwrap()
            .with_events(&events)
            .unwrap();
        let adoption = feature_adoption(&log, 4, &FeatureAdoptionOptions::default()).unwrap();
        assert_eq!(adoption.rate, [Some(0.5), Some(0.5)]);
        assert_eq!(
            (adoption.ever_adopted, adoption.ever_active),
            (vec![1, 2], vec![2, 3])
        );
        assert_eq!(adoption.days_to_first_use, [1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        assert_eq!(adoption.mean_days_to_first_use, Some(4.5));
        let shard = |pick: &[usize]| {
            let u: Vec<u64> = pick.iter().map(|&i| users[i]).collect();
            let d: Vec<i64> = pick.iter().map(|&i| days[i]).collect();
            let e: Vec<u32> = pick.iter().map(|&i| events[i]).collect();
            feature_adoption_counts(
                &EventLog::new(&u, &d, TimeUnit::Days)
                    .unwrap()
                    .with_events(&e)
                    .unwrap(),
                4,
                &FeatureAdoptionOptions::default(),
            )
            .unwrap()
        };
        let mut merged = shard(&[5]);
        merged.merge(&shard(&[0, 3, 4]), "parts[1]").unwrap();
        merged.merge(&shard(&[1, 2]), "parts[2]").unwrap();
        let whole = feature_adoption(&log, 4, &FeatureAdoptionOptions::default()).unwrap();
        assert_eq!(merged.finish().unwrap(), whole);
    }

    #[test]
    fn needs_events() {
        let log = EventLog::new(&[1u64], &[19_002i64], TimeUnit::Days).unwrap();
        assert_eq!(
            feature_adoption(&log, 1, &FeatureAdoptionOptions::default())
                .unwrap_err()
                .field(),
            "feature"
        );
    }
}
