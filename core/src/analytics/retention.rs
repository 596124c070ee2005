//! Cohort retention: the cohort matrix of returning users, as counts and rates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::activity::Activity;
use super::calendar::{date_of, day_of, Period, PeriodTable};
use super::columns::{EventLog, EventValue, TimeValue, UserIdValue};
use super::rows::prepare;
use super::series::{add_aligned, add_rows, later, period_index, period_starts, same_setting};
use crate::names::named_enum;
use crate::{Error, Result};

named_enum!(
    /// Which users form a cohort.
    #[derive(Default)]
    Cohorts, "cohort kind" {
        /// Each user joins one cohort: the period of their first (start) event, the
        /// default ("first time" in Mixpanel, "new users" / `_new` in Amplitude).
        #[default]
        FirstTime = "first_time",
        /// A user joins the cohort of every period with a start event, so one user can be
        /// in many cohorts ("recurring" in Mixpanel, "compounded" in its API).
        Recurring = "recurring",
    }
);

named_enum!(
    /// What counts as returning in period `k` of a cohort.
    #[derive(Default)]
    RetentionKind, "retention kind" {
        /// Active in exactly period `k` ("N-day" / "return on" retention), the default.
        #[default]
        On = "on",
        /// Active in period `k` or any later one ("unbounded" / "return on or after"), so
        /// the curve never rises.
        OnOrAfter = "on_or_after",
    }
);

/// The options of [`retention`] and [`retention_counts`]; `Default` is weekly (ISO
/// weeks), first-time cohorts, "on" retention, any event starting and returning.
///
/// `unit` and `utc_offset_minutes` describe the columns (they are read where the
/// [`EventLog`] is built); the counts and the result carry the other settings only.
// Its schema is named `RetentionSettings`: the typings declare the options of the
// `retention` functions per function (`RetentionOptions` in TypeScript), and this
// struct as the settings a result reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "RetentionSettings"))]
#[serde(default, deny_unknown_fields)]
pub struct RetentionOptions {
    /// The cohort and return period: "day", "week" (ISO, the default), `"week_<weekday>"` or "month" (calendar-aligned).
    #[serde(deserialize_with = "super::options::deserialize_period")]
    pub period: Period,
    /// "first_time" (one cohort per user, the default) or "recurring" (every period with a start event).
    pub cohorts: Cohorts,
    /// "on" (returned in exactly period k, the default) or "on_or_after" (in period k or later).
    pub kind: RetentionKind,
    /// The event that puts a user in a cohort (needs `events`); default any event.
    #[serde(deserialize_with = "super::options::deserialize_event")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<super::options::EventLabel>")
    )]
    pub start_event: Option<u32>,
    /// The event that counts as returning (needs `events`); default any event.
    #[serde(deserialize_with = "super::options::deserialize_event")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<super::options::EventLabel>")
    )]
    pub return_event: Option<u32>,
    /// The unit of `times` (see [`TimeUnit`](super::TimeUnit)); default seconds (Python: a datetime64 column's own unit).
    #[serde(
        deserialize_with = "super::options::deserialize_unit",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<super::options::UnitName>")
    )]
    pub unit: Option<super::TimeUnit>,
    /// The fixed offset from UTC, in whole minutes, whose calendar days are counted; default 0.
    #[serde(
        deserialize_with = "super::options::deserialize_offset",
        skip_serializing_if = "super::options::is_zero"
    )]
    pub utc_offset_minutes: i64,
    /// An IANA time zone ("America/New_York") or fixed offset ("+05:30") whose calendar days are counted, following daylight saving; instead of `utc_offset_minutes`; default the zone of a time-zone-aware `times` column (Python), else UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tz: Option<super::Zone>,
}

impl RetentionOptions {
    /// The settings the counts keep: these options without the column settings.
    pub(crate) fn counting(&self) -> RetentionOptions {
        RetentionOptions {
            unit: None,
            utc_offset_minutes: 0,
            tz: None,
            ..*self
        }
    }
}

/// Partial counts of [`retention`] for one shard of users; they add up across shards
/// partitioned by user ([`RetentionCounts::merge`]); [`RetentionCounts::finish`] gives
/// the [`Retention`] matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetentionCounts {
    /// The settings the counts were made with.
    pub options: RetentionOptions,
    /// Start of the period holding the shard's first event (`None`: no events).
    pub first_period: Option<NaiveDate>,
    /// The shard's last day with an event.
    pub last_day: Option<NaiveDate>,
    /// Users per cohort, one per period from `first_period`.
    pub cohort_sizes: Vec<u64>,
    /// `returned[c][k]`: users of cohort `c` returning in period `k` (as `options.kind`
    /// says), for the periods the shard observed.
    pub returned: Vec<Vec<u64>>,
}

/// A retention matrix: cohorts by period of first (or every) activity, and how many of
/// each came back in each later period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Retention {
    /// The settings it was computed with.
    pub options: RetentionOptions,
    /// Start date of each cohort's period, one row per period of the log.
    pub cohort_starts: Vec<NaiveDate>,
    /// Users in each cohort (0 for a period nobody started in).
    pub cohort_sizes: Vec<u64>,
    /// `counts[c][k]`: distinct users of cohort `c` returning in period `k` after it
    /// (`k = 0` is the cohort's own period); `None` where period `c + k` is after the
    /// log's last day: a cell that cannot exist yet, not a zero.
    pub counts: Vec<Vec<Option<u64>>>,
    /// `counts[c][k] / cohort_sizes[c]`, a fraction; `None` where the count is `None`
    /// or the cohort is empty.
    pub rates: Vec<Vec<Option<f64>>>,
    /// The weighted-average row: per `k`, Σ returned / Σ cohort size over the cohorts
    /// whose period `c + k` is complete (ended on or before the last day); `None` when
    /// no cohort has had `k` complete periods.
    pub average: Vec<Option<f64>>,
    /// The numerators of `average`.
    pub average_returned: Vec<u64>,
    /// The denominators of `average`: users who have had `k` complete periods to
    /// return (right-censored).
    pub average_cohort_users: Vec<u64>,
    /// The last day with an event.
    pub last_day: NaiveDate,
    /// Whether the last period ends on `last_day`; if not, its cells are partial and
    /// left out of `average`.
    pub last_period_complete: bool,
}

/// The most periods a retention matrix spans. Its cells grow with the square of the
/// span (4,000 periods are 8 million cells: eleven years of days, 76 of weeks), so a
/// longer span is an [`Error::OutOfRange`] rather than gigabytes of mostly empty rows;
/// count over a longer `period` or a shorter time range instead.
pub const MAX_RETENTION_PERIODS: usize = 4_000;

/// `periods`, or an [`Error::OutOfRange`] naming `field` beyond
/// [`MAX_RETENTION_PERIODS`].
fn bounded_periods(field: &str, period: Period, periods: u64) -> Result<usize> {
    match usize::try_from(periods) {
        Ok(periods) if periods <= MAX_RETENTION_PERIODS => Ok(periods),
        _ => Err(Error::out_of_range(
            field,
            format!(
                "spans {periods} {period} periods; a retention matrix holds at most \
                 {MAX_RETENTION_PERIODS} (its cells grow with the square of the span): use a \
                 longer period or a shorter time range"
            ),
        )),
    }
}

/// Partial counts of [`retention`] for a shard of users (see [`RetentionCounts`]).
///
/// **Errors**: as [`retention`], except that an empty log gives empty counts.
pub fn retention_counts<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    options: &RetentionOptions,
) -> Result<RetentionCounts> {
    if options.start_event.is_some() {
        log.require_events("start_event")?;
    }
    if options.return_event.is_some() {
        log.require_events("return_event")?;
    }
    let uses_events = options.start_event.is_some() || options.return_event.is_some();
    let Some(prepared) = prepare(log, uses_events)? else {
        return Ok(RetentionCounts {
            options: options.counting(),
            first_period: None,
            last_day: None,
            cohort_sizes: Vec::new(),
            returned: Vec::new(),
        });
    };
    let period = options.period;
    let table = PeriodTable::new(period, prepared.first_day, prepared.last_day);
    let periods = bounded_periods("times", period, table.count() as u64)?;
    let start_activity = Activity::build_periods(&prepared, options.start_event, &table);
    let own_returns = (options.return_event != options.start_event)
        .then(|| Activity::build_periods(&prepared, options.return_event, &table));
    let return_activity = own_returns.as_ref().unwrap_or(&start_activity);

    // Cohort sizes, and row c with one cell per period from c to the last; "on or
    // after" rows are difference arrays until the end (one more cell).
    let tally = || -> (Vec<u64>, Vec<Vec<i64>>) {
        let rows = (0..periods).map(|c| vec![0i64; periods - c + 1]).collect();
        (vec![0u64; periods], rows)
    };
    let tally_bytes = (periods + 2) * (periods + 3) * 8;
    // The activities hold each user's distinct periods (relative to the first). Users
    // are walked in parallel ranges, each into its own tally; integer sums, so the
    // tallies add up to exactly what one walk would count.
    let tallies = start_activity.tally_users_with(
        return_activity,
        tally_bytes,
        tally,
        |(sizes, rows), started, returned| {
            let cohorts: &[u32] = match options.cohorts {
                Cohorts::FirstTime => started.get(..1).unwrap_or(&[]),
                Cohorts::Recurring => started,
            };
            for &cohort in cohorts {
                let cohort = cohort as usize;
                if let Some(size) = sizes.get_mut(cohort) {
                    *size += 1;
                }
                let Some(row) = rows.get_mut(cohort) else {
                    continue;
                };
                match options.kind {
                    RetentionKind::On => {
                        for &period in returned.iter().filter(|&&p| p as usize >= cohort) {
                            if let Some(cell) = row.get_mut(period as usize - cohort) {
                                *cell += 1;
                            }
                        }
                    }
                    RetentionKind::OnOrAfter => {
                        if let Some(&latest) = returned.last().filter(|&&p| p as usize >= cohort) {
                            if let Some(cell) = row.first_mut() {
                                *cell += 1;
                            }
                            if let Some(cell) = row.get_mut(latest as usize - cohort + 1) {
                                *cell -= 1;
                            }
                        }
                    }
                }
            }
        },
    );
    let mut tallies = tallies.into_iter();
    let (mut sizes, mut rows) = tallies.next().unwrap_or_else(tally);
    for (more_sizes, more_rows) in tallies {
        for (size, more) in sizes.iter_mut().zip(more_sizes) {
            *size += more;
        }
        for (row, more_row) in rows.iter_mut().zip(more_rows) {
            for (cell, more) in row.iter_mut().zip(more_row) {
                *cell += more;
            }
        }
    }
    let returned = rows
        .into_iter()
        .map(|mut row| {
            row.pop();
            if options.kind == RetentionKind::OnOrAfter {
                let mut total = 0i64;
                for cell in &mut row {
                    total += *cell;
                    *cell = total;
                }
            }
            row.into_iter().map(i64::unsigned_abs).collect()
        })
        .collect();
    Ok(RetentionCounts {
        options: options.counting(),
        first_period: Some(period.start_date(table.first)?),
        last_day: Some(date_of(prepared.last_day)?),
        cohort_sizes: sizes,
        returned,
    })
}

impl RetentionCounts {
    /// Adds the counts of another shard of users (disjoint from this one's).
    ///
    /// **Errors**: counts made with other options, or a `first_period` that does not
    /// start a period ([`Error::InvalidInput`] naming `field`).
    pub fn merge(&mut self, other: &RetentionCounts, field: &str) -> Result<()> {
        same_setting(field, "options", &self.options, &other.options)?;
        let Some(other_first) = other.first_period else {
            return Ok(());
        };
        let Some(first) = self.first_period else {
            *self = other.clone();
            return Ok(());
        };
        let period = self.options.period;
        let where_first = format!("{field}.first_period");
        let mine = period_index(&where_first, period, first)?;
        let theirs = period_index(&where_first, period, other_first)?;
        if let Some(last) = later(self.last_day, other.last_day) {
            let last_index = period.index(day_of(last));
            let span = last_index - mine.min(theirs) + 1;
            bounded_periods(&where_first, period, span.max(0).unsigned_abs())?;
        }
        add_aligned(mine, &mut self.cohort_sizes, theirs, &other.cohort_sizes);
        let start = add_rows(mine, &mut self.returned, theirs, &other.returned);
        self.first_period = Some(period.start_date(start)?);
        self.last_day = later(self.last_day, other.last_day);
        Ok(())
    }

    /// The [`Retention`] matrix these counts describe, up to the last day.
    ///
    /// **Errors**: counts without events ([`Error::Undefined`] naming `counts`); a
    /// `first_period` that does not start a period or comes after `last_day`
    /// ([`Error::InvalidInput`] naming `counts.first_period`).
    pub fn finish(&self) -> Result<Retention> {
        let (Some(first), Some(last)) = (self.first_period, self.last_day) else {
            return Err(Error::undefined(
                "counts",
                "hold no events, so there are no cohorts",
            ));
        };
        let period = self.options.period;
        let first_index = period_index("counts.first_period", period, first)?;
        let last_day = day_of(last);
        let last_index = period.index(last_day);
        if last_index < first_index {
            return Err(Error::invalid(
                "counts.first_period",
                format!("{first} is after the last day {last}"),
            ));
        }
        let periods = bounded_periods(
            "counts.first_period",
            period,
            (last_index - first_index + 1).unsigned_abs(),
        )?;
        let complete = period.end(last_index) == last_day;
        let sizes: Vec<u64> = (0..periods)
            .map(|c| self.cohort_sizes.get(c).copied().unwrap_or(0))
            .collect();
        let counts: Vec<Vec<Option<u64>>> = (0..periods)
            .map(|c| {
                let row = self.returned.get(c);
                (0..periods)
                    .map(|k| {
                        (c + k < periods)
                            .then(|| row.and_then(|row| row.get(k)).copied().unwrap_or(0))
                    })
                    .collect()
            })
            .collect();
        let rates = counts
            .iter()
            .zip(&sizes)
            .map(|(row, &size)| {
                row.iter()
                    .map(|cell| cell.filter(|_| size > 0).map(|n| n as f64 / size as f64))
                    .collect()
            })
            .collect();
        // A cell is complete when its period ended on or before the last day: all but
        // the last period, and the last one too when it ends on the last day.
        let complete_periods = if complete { periods } else { periods - 1 };
        let (mut average, mut average_returned, mut average_cohort_users) =
            (Vec::new(), Vec::new(), Vec::new());
        for k in 0..periods {
            let (mut returned, mut users) = (0u64, 0u64);
            let eligible = complete_periods.saturating_sub(k);
            for (row, &size) in counts.iter().zip(&sizes).take(eligible) {
                returned += row.get(k).copied().flatten().unwrap_or(0);
                users += size;
            }
            average.push((users > 0).then(|| returned as f64 / users as f64));
            average_returned.push(returned);
            average_cohort_users.push(users);
        }
        Ok(Retention {
            options: self.options,
            cohort_starts: period_starts(period, first_index, periods)?,
            cohort_sizes: sizes,
            counts,
            rates,
            average,
            average_returned,
            average_cohort_users,
            last_day: last,
            last_period_complete: complete,
        })
    }
}

/// The retention matrix of an event log: cohorts of users by the calendar period of
/// their first activity (or of every activity), and how many of each came back in each
/// later period.
///
/// **Definitions** (with `P(day)` the calendar period of a day: a day, a week or a
/// month, per `options.period`):
/// - cohort `c` ([`Cohorts::FirstTime`], the default) = users whose *first* start event
///   is in period `c`; with [`Cohorts::Recurring`], users with *any* start event in `c`.
///   The start event is `options.start_event`, or any event.
/// - [`RetentionKind::On`]: `counts[c][k]` = users of cohort `c` with a return event in
///   period `c + k` (return event: `options.return_event`, or any event). Period 0 is
///   the cohort's own, so with any event returning, `counts[c][0]` = cohort size.
/// - [`RetentionKind::OnOrAfter`] ("unbounded"): users of cohort `c` with a return
///   event in period `c + k` *or later*, which never rises with `k`.
/// - `rates[c][k]` = `counts[c][k] / cohort_sizes[c]`. Cells in periods after the
///   log's last day are `None` (they cannot exist yet), not 0.
/// - `average[k]` = Σ_c `counts[c][k]` / Σ_c `cohort_sizes[c]` over the cohorts whose
///   period `c + k` is complete: the weighted average, whose denominator holds only
///   users who have had `k` full periods to come back (right-censored), as Amplitude
///   computes it. An unfinished last period is shown in the matrix but left out of the
///   average.
///
/// Periods are calendar-aligned (ISO weeks by default; see [`Period`]) and read on
/// the log's calendar days (UTC or its fixed offset). Every period from the log's
/// first to its last day has a row, empty cohorts included.
///
/// **Errors**: an empty log ([`Error::Undefined`] naming `user_ids`); a `start_event`
/// or `return_event` without an events column ([`Error::InvalidInput`] naming the
/// option); bad columns as in [`active_users`](super::active_users) (`user_ids[i]`,
/// `times[i]`, `events[i]`); a log spanning more than [`MAX_RETENTION_PERIODS`]
/// periods ([`Error::OutOfRange`] naming `times`).
///
/// **Source**: Amplitude, "Retention Analysis" and its FAQ ("Return On" and "Return On
/// or After", the weighted average of the rows below, asterisked incomplete periods);
/// Mixpanel, "Retention" (first-time vs recurring, "on" vs "on or after").
///
/// ```
/// use pmkit::analytics::{retention, EventLog, Period, RetentionKind, RetentionOptions, TimeUnit};
///
/// // Day 19_002 is Monday 2022-01-10. Users 1 and 2 start in week 0 (10–16 Jan), user 3
/// // in week 1; user 1 comes back in week 2, whose Sunday (30 Jan) ends the log.
/// let users = [1u64, 2, 1, 3];
/// let days = [19_002i64, 19_003, 19_022, 19_015];
/// let log = EventLog::new(&users, &days, TimeUnit::Days)?;
/// let on = retention(&log, &RetentionOptions::default())?;
/// assert_eq!(on.cohort_sizes, [2, 1, 0]);
/// assert_eq!(on.counts[0], [Some(2), Some(0), Some(1)]);
/// assert_eq!(on.counts[1], [Some(1), Some(0), None]);
/// assert_eq!(on.rates[0][2], Some(0.5));
/// let unbounded = retention(&log, &RetentionOptions { kind: RetentionKind::OnOrAfter, ..Default::default() })?;
/// assert_eq!(unbounded.counts[0], [Some(2), Some(1), Some(1)]);
/// assert_eq!(unbounded.average[1], Some(1.0 / 3.0)); // (1 + 0) / (2 + 1)
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn retention<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    options: &RetentionOptions,
) -> Result<Retention> {
    if log.is_empty() {
        return Err(Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        ));
    }
    retention_counts(log, options)?.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::TimeUnit;

    // 19_002 is Monday 2022-01-10; weeks 0, 1, 2 start on 19_002, 19_009, 19_016.
    const MON: i64 = 19_002;

    fn run(users: &[u64], days: &[i64], options: RetentionOptions) -> Retention {
        retention(
            &EventLog::new(users, days, TimeUnit::Days).unwrap(),
            &options,
        )
        .unwrap()
    }

    #[test]
    fn recurring_cohorts_count_every_active_period() {
        // User 1 active in weeks 0, 1, 2; user 2 in weeks 1 and 2.
        let users = [1u64, 1, 1, 2, 2];
        let days = [MON, MON + 7, MON + 14, MON + 8, MON + 20];
        let options = RetentionOptions {
            cohorts: Cohorts::Recurring,
            ..Default::default()
        };
        let matrix = run(&users, &days, options);
        assert_eq!(matrix.cohort_sizes, [1, 2, 2]);
        assert_eq!(matrix.counts[0], [Some(1), Some(1), Some(1)]);
        assert_eq!(matrix.counts[1], [Some(2), Some(2), None]);
        assert_eq!(matrix.counts[2], [Some(2), None, None]);
        // The log ends on Sunday of week 2 (MON + 20): every period is complete.
        assert!(matrix.last_period_complete);
        assert_eq!(matrix.average[1], Some(1.0)); // (1 + 2) / (1 + 2)
        assert_eq!(matrix.average_cohort_users, [5, 3, 1]);
    }

    #[test]
    fn an_unfinished_last_period_is_left_out_of_the_average() {
        // Ends on Wednesday of week 1.
        let users = [1u64, 2, 1];
        let days = [MON, MON + 1, MON + 9];
        let matrix = run(&users, &days, RetentionOptions::default());
        assert!(!matrix.last_period_complete);
        assert_eq!(matrix.counts[0], [Some(2), Some(1)]);
        assert_eq!(matrix.rates[0], [Some(1.0), Some(0.5)]);
        assert_eq!(matrix.counts[1], [Some(0), None]);
        assert_eq!(matrix.rates[1], [None, None]); // an empty cohort has no rate
        assert_eq!(matrix.average, [Some(1.0), None]);
        assert_eq!(matrix.average_cohort_users, [2, 0]);
    }

    #[test]
    fn start_and_return_events() {
        // Code 5 = sign-up, 7 = purchase. User 1 signs up in week 0 and buys in weeks 0
        // and 2; user 2 buys in week 0 but signs up in week 1; user 3 never signs up.
        let users = [1u64, 1, 1, 2, 2, 3];
        let days = [MON, MON + 2, MON + 15, MON + 1, MON + 8, MON + 20];
        let events = [5u32, 7, 7, 7, 5, 7];
        let log = EventLog::new(&users, &days, TimeUnit::Days)
            .unwrap()
            .with_events(&events)
            .unwrap();
        let options = RetentionOptions {
            start_event: Some(5),
            return_event: Some(7),
            ..Default::default()
        };
        let matrix = retention(&log, &options).unwrap();
        assert_eq!(matrix.cohort_sizes, [1, 1, 0]);
        assert_eq!(matrix.counts[0], [Some(1), Some(0), Some(1)]);
        // User 2's purchase came before the cohort's period: not a return.
        assert_eq!(matrix.counts[1], [Some(0), Some(0), None]);
        let log = EventLog::new(&users, &days, TimeUnit::Days).unwrap();
        let err = retention(&log, &options).unwrap_err();
        assert_eq!(err.field(), "start_event");
    }

    #[test]
    fn monthly_and_daily_periods() {
        let users = [1u64, 1, 2];
        let days = [18_992, 19_029, 19_000]; // 2021-12-31, 2022-02-06, 2022-01-08
        let options = RetentionOptions {
            period: Period::Month,
            ..Default::default()
        };
        let matrix = run(&users, &days, options);
        let starts: Vec<String> = matrix
            .cohort_starts
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(starts, ["2021-12-01", "2022-01-01", "2022-02-01"]);
        assert_eq!(matrix.counts[0], [Some(1), Some(0), Some(1)]);
        let daily = run(
            &[1, 1],
            &[MON, MON + 1],
            RetentionOptions {
                period: Period::Day,
                ..Default::default()
            },
        );
        assert_eq!(daily.counts, [vec![Some(1), Some(1)], vec![Some(0), None]]);
    }

    #[test]
    fn shards_add_up_to_the_whole() {
        let users = [1u64, 2, 3, 1, 3, 4, 4];
        let days = [
            MON,
            MON + 3,
            MON + 8,
            MON + 16,
            MON + 30,
            MON + 20,
            MON + 22,
        ];
        for kind in [RetentionKind::On, RetentionKind::OnOrAfter] {
            for cohorts in [Cohorts::FirstTime, Cohorts::Recurring] {
                let options = RetentionOptions {
                    kind,
                    cohorts,
                    ..Default::default()
                };
                let whole = run(&users, &days, options);
                let counts = |users: &[u64], days: &[i64]| {
                    retention_counts(
                        &EventLog::new(users, days, TimeUnit::Days).unwrap(),
                        &options,
                    )
                    .unwrap()
                };
                let mut merged = counts(&[4, 4], &[MON + 20, MON + 22]);
                merged.merge(&counts(&[2], &[MON + 3]), "parts[1]").unwrap();
                merged.merge(&counts(&[], &[]), "parts[2]").unwrap();
                merged
                    .merge(
                        &counts(&[1, 3, 1, 3], &[MON, MON + 8, MON + 16, MON + 30]),
                        "parts[3]",
                    )
                    .unwrap();
                assert_eq!(merged.finish().unwrap(), whole, "{kind} {cohorts}");
            }
        }
    }

    #[test]
    fn a_span_beyond_the_matrix_bound_is_an_error_not_gigabytes() {
        let daily = RetentionOptions {
            period: Period::Day,
            ..Default::default()
        };
        // 4,000 days is the bound; 4,001 (two events 4,000 days apart) is past it.
        let log = EventLog::new(&[1u64, 2], &[MON, MON + 4_000], TimeUnit::Days).unwrap();
        let err = retention(&log, &daily).unwrap_err();
        assert!(matches!(err, Error::OutOfRange { .. }), "{err}");
        assert_eq!(err.field(), "times");
        assert!(err.to_string().contains("spans 4001 day periods"), "{err}");
        // The same span as weeks is 572 periods, well inside.
        assert_eq!(
            retention(&log, &RetentionOptions::default())
                .unwrap()
                .cohort_sizes
                .len(),
            572
        );
        // Hand-made counts cannot reach it either: merging shards 4,000 days apart, or
        // finishing counts whose last day is that far from the first period.
        let near = EventLog::new(&[1u64], &[MON], TimeUnit::Days).unwrap();
        let far = EventLog::new(&[2u64], &[MON + 4_000], TimeUnit::Days).unwrap();
        let mut merged = retention_counts(&near, &daily).unwrap();
        let far_counts = retention_counts(&far, &daily).unwrap();
        let err = merged.merge(&far_counts, "parts[1]").unwrap_err();
        assert_eq!(err.field(), "parts[1].first_period");
        assert_eq!(
            merged,
            retention_counts(&near, &daily).unwrap(),
            "half-applied"
        );
        let mut stretched = retention_counts(&near, &daily).unwrap();
        stretched.last_day = far_counts.last_day;
        assert_eq!(
            stretched.finish().unwrap_err().field(),
            "counts.first_period"
        );
    }

    #[test]
    fn merging_other_options_is_an_error() {
        let log = EventLog::new(&[1u64], &[MON], TimeUnit::Days).unwrap();
        let mut weekly = retention_counts(&log, &RetentionOptions::default()).unwrap();
        let monthly = retention_counts(
            &log,
            &RetentionOptions {
                period: Period::Month,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(
            weekly.merge(&monthly, "parts[1]").unwrap_err().field(),
            "parts[1]"
        );
        assert_eq!(
            Cohorts::parse("cohorts", "recurring"),
            Ok(Cohorts::Recurring)
        );
        assert_eq!(
            RetentionKind::parse("kind", "on_or_after"),
            Ok(RetentionKind::OnOrAfter)
        );
        assert_eq!(
            RetentionKind::parse("kind", "after").unwrap_err().kind(),
            crate::ErrorKind::Parse
        );
    }
}
