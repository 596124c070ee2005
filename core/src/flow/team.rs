//! Team-level flow: throughput, cumulative flow, WIP, net flow and ageing WIP.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::period::{
    check_cells, check_period, check_span, day_number, from_day_number, period_ends, span_periods,
    Measure, Period, Tally,
};
use super::timeline::{Counting, Timelines};
use crate::{Error, Result};

/// The result of [`throughput`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Throughput {
    /// The period length.
    #[cfg_attr(feature = "schema", schemars(with = "super::FlowPeriod"))]
    pub period: Period,
    /// The last day of each period, oldest first, with no gaps.
    pub ends: Vec<NaiveDate>,
    /// Items (or points) finished in each period; 0 for an empty period.
    pub values: Vec<f64>,
    /// The same per item type, each aligned with `ends`.
    pub by_type: BTreeMap<String, Vec<f64>>,
}

/// Items (or points) finished per day or week, in total and by item type.
///
/// **Rule** (jira-agile-metrics' `ThroughputCalculator`): an item counts in the period
/// holding its done day if it has a cycle time (it went through a committed column;
/// an item moved straight from the backlog to done is not delivered work). Periods run
/// from the one holding `start` (default: the first finish) to the one holding `end`
/// (default: the last finish), with no gaps: empty periods are 0, so the values are a
/// ready throughput history for the `pmkit::forecast` functions. Finishes outside the
/// range are left out. No finished item and no range gives empty lists. Cancelled
/// items are not throughput: [`cancelled_work`](super::cancelled_work) counts them.
///
/// **Errors**: a month for `period` ([`Error::Parse`](crate::Error::Parse): flow counts
/// days and weeks); `end` before `start`; malformed `timelines`; finishes (or `start` to
/// `end`) spanning more than [`MAX_FLOW_SPAN_DAYS`](super::MAX_FLOW_SPAN_DAYS) (100 years),
/// or more than [`MAX_FLOW_CELLS`](super::MAX_FLOW_CELLS) numbers (types × periods).
///
/// ```
/// use pmkit::flow::{item_timelines, sample_items, sample_today, sample_workflow, throughput, Counting, Measure, Period};
///
/// let timelines = item_timelines(&sample_items(), &sample_workflow(), sample_today(), Counting::Elapsed)?;
/// let weekly = throughput(&timelines, Period::parse("period", "week_monday")?, Measure::Items, None, None)?;
/// let finished = timelines.items.iter().filter(|item| item.cycle_time.is_some()).count();
/// assert_eq!(weekly.values.iter().sum::<f64>(), finished as f64);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn throughput(
    timelines: &Timelines,
    period: Period,
    measure: Measure,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Result<Throughput> {
    let period = check_period(period)?;
    timelines.check()?;
    let finished = || {
        timelines
            .items
            .iter()
            .filter(|item| item.cycle_time.is_some() && item.cancelled_on.is_none())
            .filter_map(|item| {
                item.done_on
                    .map(|day| (item, day, Some(item.item_type.as_str())))
            })
    };
    let Tally {
        ends,
        values,
        groups: by_type,
    } = Tally::of(finished, period, measure, start, end)?;
    Ok(Throughput {
        period,
        ends,
        values,
        by_type,
    })
}

/// The result of [`cumulative_flow`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CumulativeFlow {
    /// Every day from the first to the last date in the data.
    pub dates: Vec<NaiveDate>,
    /// The column names, in workflow order.
    pub columns: Vec<String>,
    /// `counts[c][d]`: items (or points) that had reached column `c` or a later one
    /// by the end of `dates[d]`, and were not cancelled by then.
    pub counts: Vec<Vec<f64>>,
    /// Items (or points) cancelled by the end of each day, aligned with `dates`: the
    /// work that left the bands above. Empty when `dates` is.
    #[serde(default)]
    pub cancelled: Vec<f64>,
}

/// Cumulative flow per day: for each column, how many items had reached it (or a
/// later column) by each day.
///
/// **Rule** (jira-agile-metrics' `CFDCalculator`): an item that skipped a column is
/// counted in it from the day it entered the next column it did reach; days run from
/// the earliest to the latest entry (or cancellation) date of any item. A cancelled
/// item leaves every band on the day it was cancelled and is counted in `cancelled`
/// instead, so it is never work in progress after it; the bands of a board without
/// cancelled work never go down, and the done band goes down only when a finished
/// item is later cancelled.
///
/// **Errors**: malformed `timelines`; dates spanning more than
/// [`MAX_FLOW_SPAN_DAYS`](super::MAX_FLOW_SPAN_DAYS) (100 years) or more than
/// [`MAX_FLOW_CELLS`](super::MAX_FLOW_CELLS) numbers (columns × days) to produce
/// ([`Error::OutOfRange`] on `timelines`).
///
/// ```
/// use pmkit::flow::{cumulative_flow, item_timelines, sample_items, sample_today, sample_workflow, Counting, Measure};
///
/// let timelines = item_timelines(&sample_items(), &sample_workflow(), sample_today(), Counting::Elapsed)?;
/// let cfd = cumulative_flow(&timelines, Measure::Items)?;
/// // Every column's band is at least as high as the next one's.
/// let last = cfd.dates.len() - 1;
/// assert!(cfd.counts[0][last] >= cfd.counts[1][last]);
/// assert_eq!(cfd.cancelled[last], 0.0); // the sample board cancels nothing
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn cumulative_flow(timelines: &Timelines, measure: Measure) -> Result<CumulativeFlow> {
    flow_counts(timelines, measure).map(|(cfd, _)| cfd)
}

/// The cumulative flow, and per day the items (or points) cancelled after they had
/// reached the committed column (cumulative): the WIP that left without finishing.
fn flow_counts(timelines: &Timelines, measure: Measure) -> Result<(CumulativeFlow, Vec<f64>)> {
    timelines.check()?;
    let columns = timelines.columns.len();
    // One pass over the items (each a separate allocation, so the slow part) gathers
    // every item's reached day per column, right to left so that a skipped column takes
    // the next reached column's day, and its cancellation day; the counting then runs
    // on these flat arrays.
    const NOT_REACHED: i64 = i64::MIN;
    let mut reached_days = Vec::with_capacity(timelines.items.len() * columns);
    let mut cancelled_days = Vec::with_capacity(timelines.items.len());
    let (mut first, mut last) = (i64::MAX, i64::MIN);
    for item in &timelines.items {
        let start = reached_days.len();
        reached_days.resize(start + columns, NOT_REACHED);
        let mut reached = NOT_REACHED;
        for (column, entry) in item.entered.iter().enumerate().rev() {
            if let Some(moment) = entry {
                reached = day_number(moment.date());
                first = first.min(reached);
                last = last.max(reached);
            }
            if let Some(slot) = reached_days.get_mut(start + column) {
                *slot = reached;
            }
        }
        let cancelled = item.cancelled_on.map_or(NOT_REACHED, day_number);
        if cancelled != NOT_REACHED {
            first = first.min(cancelled);
            last = last.max(cancelled);
        }
        cancelled_days.push(cancelled);
    }
    let (Some(first_day), Some(last_day)) = (from_day_number(first), from_day_number(last)) else {
        let cfd = CumulativeFlow {
            dates: Vec::new(),
            columns: timelines.columns.clone(),
            counts: vec![Vec::new(); columns],
            cancelled: Vec::new(),
        };
        return Ok((cfd, Vec::new()));
    };
    // Three more rows than the columns: the cancelled and withdrawn series, and WIP.
    check_span("timelines", first_day, last_day)?;
    let days = span_periods(Period::Day, first_day, last_day);
    check_cells("timelines", columns + 3, days, "columns and series")?;
    let dates = period_ends(Period::Day, first_day, last_day)?;
    // Changes per day first, summed into running totals at the end.
    let mut counts = vec![vec![0.0; dates.len()]; columns];
    let mut cancelled = vec![0.0; dates.len()];
    let mut withdrawn = vec![0.0; dates.len()];
    let index_of = |day: i64| usize::try_from(day - first).ok();
    for ((item, days), &cancelled_day) in timelines
        .items
        .iter()
        .zip(reached_days.chunks_exact(columns.max(1)))
        .zip(&cancelled_days)
    {
        let weight = measure.weight(item);
        let cancelled_at = (cancelled_day != NOT_REACHED)
            .then(|| index_of(cancelled_day))
            .flatten();
        for (row, &day) in counts.iter_mut().zip(days) {
            // A band reached after the cancellation (only in hand-made timelines) is
            // never counted.
            if day == NOT_REACHED || (cancelled_day != NOT_REACHED && day > cancelled_day) {
                continue;
            }
            if let Some(slot) = index_of(day).and_then(|index| row.get_mut(index)) {
                *slot += weight;
            }
            if let Some(slot) = cancelled_at.and_then(|index| row.get_mut(index)) {
                *slot -= weight;
            }
        }
        if let Some(index) = cancelled_at {
            if let Some(slot) = cancelled.get_mut(index) {
                *slot += weight;
            }
            let committed = days.get(timelines.committed).copied();
            if committed.is_some_and(|day| day != NOT_REACHED && day <= cancelled_day) {
                if let Some(slot) = withdrawn.get_mut(index) {
                    *slot += weight;
                }
            }
        }
    }
    for row in counts.iter_mut().chain([&mut cancelled, &mut withdrawn]) {
        let mut total = 0.0;
        for value in row.iter_mut() {
            total += *value;
            *value = total;
        }
    }
    let cfd = CumulativeFlow {
        dates,
        columns: timelines.columns.clone(),
        counts,
        cancelled,
    };
    Ok((cfd, withdrawn))
}

/// The result of [`wip`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Wip {
    /// Every day of the cumulative flow.
    pub dates: Vec<NaiveDate>,
    /// Items (or points) committed but not done at the end of each day.
    pub values: Vec<f64>,
}

/// Work in progress per day: the committed band minus the done band of the
/// [`cumulative_flow`] (jira-agile-metrics' `WIPChartCalculator`).
///
/// **Errors**: malformed `timelines`.
///
/// ```
/// use pmkit::flow::{item_timelines, sample_items, sample_today, sample_workflow, wip, Counting, Measure};
///
/// let timelines = item_timelines(&sample_items(), &sample_workflow(), sample_today(), Counting::Elapsed)?;
/// let daily = wip(&timelines, Measure::Items)?;
/// assert!(daily.values.iter().all(|&open| open >= 0.0));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn wip(timelines: &Timelines, measure: Measure) -> Result<Wip> {
    let cfd = cumulative_flow(timelines, measure)?;
    let band = |column: usize| cfd.counts.get(column).cloned().unwrap_or_default();
    let (started, finished) = (band(timelines.committed), band(timelines.done));
    let values = started.iter().zip(&finished).map(|(s, f)| s - f).collect();
    Ok(Wip {
        dates: cfd.dates,
        values,
    })
}

/// The result of [`net_flow`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NetFlow {
    /// The period length.
    #[cfg_attr(feature = "schema", schemars(with = "super::FlowPeriod"))]
    pub period: Period,
    /// The last day of each period.
    pub ends: Vec<NaiveDate>,
    /// Items (or points) that reached the committed column in each period.
    pub arrivals: Vec<f64>,
    /// Items (or points) that reached the done column in each period.
    pub departures: Vec<f64>,
    /// `arrivals − departures`: positive when work piles up.
    pub net: Vec<f64>,
}

/// Arrivals (commitments) and departures (finishes) per period, from the
/// [`cumulative_flow`] (jira-agile-metrics' `NetFlowChartCalculator`).
///
/// An item cancelled after it was committed is a departure on the day it was
/// cancelled (it left the work in progress without finishing), so the net flows add
/// up to the WIP at the end.
///
/// The first period's arrivals and departures include everything before it, as in
/// jira-agile-metrics. jira-agile-metrics labels a week by the day before it starts
/// (`label='left'`); pmkit gives its last day.
///
/// **Errors**: a month for `period` ([`Error::Parse`](crate::Error::Parse)); malformed
/// `timelines`.
///
/// ```
/// use pmkit::flow::{item_timelines, net_flow, sample_items, sample_today, sample_workflow, Counting, Measure, Period};
///
/// let timelines = item_timelines(&sample_items(), &sample_workflow(), sample_today(), Counting::Elapsed)?;
/// let weekly = net_flow(&timelines, Period::parse("period", "week")?, Measure::Items)?;
/// let piled_up: f64 = weekly.net.iter().sum();
/// assert_eq!(piled_up, *pmkit::flow::wip(&timelines, Measure::Items)?.values.last().unwrap());
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn net_flow(timelines: &Timelines, period: Period, measure: Measure) -> Result<NetFlow> {
    let period = check_period(period)?;
    let (cfd, withdrawn) = flow_counts(timelines, measure)?;
    let (Some(&first), Some(&last)) = (cfd.dates.first(), cfd.dates.last()) else {
        return Ok(NetFlow {
            period,
            ends: Vec::new(),
            arrivals: Vec::new(),
            departures: Vec::new(),
            net: Vec::new(),
        });
    };
    let ends = period_ends(period, first, last)?;
    // A band plus the committed work cancelled by each day: what reached it and left
    // without finishing is still an arrival, and a departure when it left.
    let changes = |column: usize| -> Vec<f64> {
        let band: Vec<f64> = cfd
            .counts
            .get(column)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .zip(&withdrawn)
            .map(|(count, gone)| count + gone)
            .collect();
        let mut before = 0.0;
        ends.iter()
            .map(|end| {
                let day = (*end.min(&last) - first).num_days() as usize;
                let now = band.get(day).copied().unwrap_or(before);
                let change = now - before;
                before = now;
                change
            })
            .collect()
    };
    let arrivals = changes(timelines.committed);
    let departures = changes(timelines.done);
    let net = arrivals
        .iter()
        .zip(&departures)
        .map(|(a, d)| a - d)
        .collect();
    Ok(NetFlow {
        period,
        ends,
        arrivals,
        departures,
        net,
    })
}

/// One open item in [`ageing_wip`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgeingItem {
    /// The item's key.
    pub key: String,
    /// The item's type.
    pub item_type: String,
    /// The column it is in.
    pub column: String,
    /// The day work on it started.
    pub started: NaiveDate,
    /// Days from `started` to `today`, by the timelines' counting (inclusive adds 1;
    /// exact counts calendar days, as `today` is a day).
    pub age_days: f64,
}

/// The items in progress on `today` (committed, neither done nor cancelled) with their
/// age and column, in input order (jira-agile-metrics' `AgeingWIPChartCalculator`).
///
/// pmkit dates the start as cycle time does (the first committed..done column the item
/// entered); jira-agile-metrics uses the committed column only, and drops an item that
/// skipped it.
///
/// **Errors**: `today` before an open item's start; malformed `timelines`.
///
/// ```
/// use pmkit::flow::{ageing_wip, item_timelines, sample_items, sample_today, sample_workflow, Counting};
///
/// let timelines = item_timelines(&sample_items(), &sample_workflow(), sample_today(), Counting::Elapsed)?;
/// let open = ageing_wip(&timelines)?;
/// assert!(!open.is_empty());
/// assert!(open.iter().all(|item| item.column != "Done" && item.age_days >= 0.0));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn ageing_wip(timelines: &Timelines) -> Result<Vec<AgeingItem>> {
    timelines.check()?;
    let today = timelines.today;
    let mut open = Vec::new();
    for item in &timelines.items {
        let (Some(started), None, None) = (item.committed_on, item.done_on, item.cancelled_on)
        else {
            continue;
        };
        if today < started {
            return Err(Error::invalid(
                "today",
                format!("{today} is before {} started on {started}", item.key),
            ));
        }
        let elapsed = (today - started).num_days() as f64;
        let age_days = match timelines.counting {
            Counting::Inclusive => elapsed + 1.0,
            Counting::Elapsed | Counting::Exact => elapsed,
        };
        open.push(AgeingItem {
            key: item.key.clone(),
            item_type: item.item_type.clone(),
            column: item.column.clone().unwrap_or_default(),
            started,
            age_days,
        });
    }
    Ok(open)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{item_timelines, sample_workflow, Item, Moment, Transition};
    use crate::ErrorKind;
    use chrono::Weekday;

    fn day(text: &str) -> NaiveDate {
        crate::input::date("day", text).unwrap()
    }

    fn finished(key: &str, start: &str, end: &str) -> Item {
        let at = |text: &str| Moment::parse("at", text).unwrap();
        let to = |when: &str, from: &str, to: &str| Transition {
            at: at(when),
            from: Some(from.into()),
            to: to.into(),
        };
        Item {
            key: key.into(),
            item_type: "story".into(),
            points: 2.0,
            created: at("2026-03-01"),
            status: None,
            transitions: vec![
                to(start, "To Do", "In Progress"),
                to(end, "In Progress", "Done"),
            ],
            blocked: vec![],
        }
    }

    fn timelines(items: &[Item]) -> Timelines {
        item_timelines(
            items,
            &sample_workflow(),
            day("2026-03-31"),
            Counting::Elapsed,
        )
        .unwrap()
    }

    #[test]
    fn weeks_close_on_the_chosen_day() {
        // 2026-03-03 is a Tuesday: the week closing on Monday ends on 2026-03-09,
        // the ISO week on Sunday 2026-03-08; a Monday closes its own week.
        let monday = Period::parse("period", "week_monday").unwrap();
        assert_eq!(monday.end_of(day("2026-03-03")).unwrap(), day("2026-03-09"));
        assert_eq!(monday.end_of(day("2026-03-09")).unwrap(), day("2026-03-09"));
        let iso = Period::parse("period", "W").unwrap();
        assert_eq!(iso.end_of(day("2026-03-03")).unwrap(), day("2026-03-08"));
        assert_eq!(Period::parse("period", "1W-MON").unwrap(), monday);
        assert_eq!(monday.to_string(), "week_monday");
        assert_eq!(Period::WEEK.to_string(), "week");
    }

    #[test]
    fn months_are_refused_naming_the_period() {
        // Even where there is nothing to count: the period is checked first.
        for t in [
            timelines(&[]),
            timelines(&[finished("A", "2026-03-02", "2026-03-03")]),
        ] {
            let err = throughput(&t, Period::Month, Measure::Items, None, None).unwrap_err();
            assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "period"));
            assert!(
                err.reason().contains("not supported by flow metrics"),
                "{err}"
            );
            let err = net_flow(&t, Period::Month, Measure::Items).unwrap_err();
            assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "period"));
        }
    }

    #[test]
    fn iso_weeks_are_written_week() {
        let t = timelines(&[finished("A", "2026-03-02", "2026-03-03")]);
        let weekly = throughput(&t, Period::WEEK, Measure::Items, None, None).unwrap();
        let json = serde_json::to_value(&weekly).unwrap();
        assert_eq!(json["period"], "week");
        let monday = Period::parse("period", "week_monday").unwrap();
        let weekly = net_flow(&t, monday, Measure::Items).unwrap();
        assert_eq!(
            serde_json::to_value(&weekly).unwrap()["period"],
            "week_monday"
        );
    }

    #[test]
    fn empty_weeks_count_zero_and_ranges_cut() {
        // Finishes on Tue 3 March and Wed 18 March: three ISO weeks, the middle one empty.
        let t = timelines(&[
            finished("A", "2026-03-02", "2026-03-03"),
            finished("B", "2026-03-10", "2026-03-18"),
        ]);
        let weekly = throughput(
            &t,
            Period::Week {
                closing: Weekday::Sun,
            },
            Measure::Points,
            None,
            None,
        )
        .unwrap();
        assert_eq!(
            weekly.ends,
            vec![day("2026-03-08"), day("2026-03-15"), day("2026-03-22")]
        );
        assert_eq!(weekly.values, vec![2.0, 0.0, 2.0]);
        let cut = throughput(
            &t,
            Period::Day,
            Measure::Items,
            Some(day("2026-03-10")),
            None,
        )
        .unwrap();
        assert_eq!(cut.values.len(), 9);
        assert_eq!(cut.values.iter().sum::<f64>(), 1.0);
    }

    #[test]
    fn a_stray_year_is_refused_before_allocating() {
        // Found by the items_json fuzz target: a transition typed in the far future
        // asked for millions of days. 0001 to 9999 on four columns is above the cap.
        let mut far = finished("A", "2026-03-02", "2026-03-03");
        far.created = Moment::parse("created", "0001-01-01").unwrap();
        far.transitions[1].at = Moment::parse("at", "9999-12-30").unwrap();
        let today = day("9999-12-31");
        let t = item_timelines(&[far], &sample_workflow(), today, Counting::Elapsed).unwrap();
        let err = cumulative_flow(&t, Measure::Items).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "timelines")
        );
        assert!(err.reason().contains("at most 36525 days"), "{err}");
        // Throughput spans the finishes only: one finish is one week.
        let weekly = throughput(&t, Period::WEEK, Measure::Items, None, None).unwrap();
        assert_eq!(weekly.values, [1.0]);
        // A range asked for is named as such.
        let far = Some(day("2200-01-01"));
        let err = throughput(
            &t,
            Period::WEEK,
            Measure::Items,
            Some(day("2026-01-01")),
            far,
        );
        assert_eq!(err.unwrap_err().field(), "start");
    }

    #[test]
    fn no_items_give_empty_series() {
        let t = timelines(&[]);
        assert!(throughput(&t, Period::Day, Measure::Items, None, None)
            .unwrap()
            .ends
            .is_empty());
        assert!(net_flow(&t, Period::Day, Measure::Items)
            .unwrap()
            .net
            .is_empty());
        assert!(ageing_wip(&t).unwrap().is_empty());
    }
}
