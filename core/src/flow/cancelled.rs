//! Cancelled work: the items a workflow's `cancelled` statuses withdrew, per period and
//! per the column they left (jira-agile-metrics' waste).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::period::{check_period, Measure, Period, Tally};
use super::timeline::Timelines;
use crate::Result;

/// The result of [`cancelled_work`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CancelledWork {
    /// The period length.
    #[cfg_attr(feature = "schema", schemars(with = "super::FlowPeriod"))]
    pub period: Period,
    /// The last day of each period, oldest first, with no gaps.
    pub ends: Vec<NaiveDate>,
    /// Items (or points) cancelled in each period; 0 for an empty period.
    pub values: Vec<f64>,
    /// The same per column the items left, each aligned with `ends` (an item cancelled
    /// before it was in any column counts in `values` only).
    pub by_column: BTreeMap<String, Vec<f64>>,
    /// Of `values`, the items (or points) cancelled after work on them had started:
    /// jira-agile-metrics' waste.
    pub wasted: Vec<f64>,
    /// Every cancelled item, in input order.
    pub items: Vec<CancelledItem>,
}

/// One item of [`cancelled_work`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CancelledItem {
    /// The item's key.
    pub key: String,
    /// The item's type.
    pub item_type: String,
    /// The item's points.
    pub points: f64,
    /// The day it was cancelled.
    pub cancelled_on: NaiveDate,
    /// The column it left; `None` if it was in none.
    pub column: Option<String>,
    /// Whether work on it had started (it had reached the committed column).
    pub started: bool,
}

/// Items (or points) cancelled per day or week, in total, per column they left, and
/// after work started (waste), with the list of cancelled items.
///
/// **Rule** (jira-agile-metrics' `WasteCalculator`, on the board's own statuses): an
/// item counts in the period holding its `cancelled_on` day (see
/// [`item_timelines`](super::item_timelines)). Periods run from the one holding `start`
/// (default: the first cancellation) to the one holding `end` (default: the last), with
/// no gaps, as in [`throughput`](super::throughput). jira-agile-metrics counts only the
/// items withdrawn from a work-in-progress column, by month; pmkit counts every
/// cancelled item and gives that share as `wasted`.
///
/// **Errors**: a month for `period` ([`Error::Parse`](crate::Error::Parse)); `end`
/// before `start`; malformed `timelines`.
///
/// ```
/// use pmkit::flow::{cancelled_work, item_timelines, sample_workflow, Item, Measure, Moment, Period, Transition};
///
/// let at = |text: &str| Moment::parse("at", text).unwrap();
/// let withdrawn = |key: &str, moves: &[(&str, &str, &str)]| Item {
///     key: key.into(), item_type: "story".into(), points: 2.0,
///     created: at("2026-03-02"), status: None, blocked: vec![],
///     transitions: moves.iter().map(|(day, from, to)| Transition {
///         at: at(day), from: Some((*from).into()), to: (*to).into(),
///     }).collect(),
/// };
/// let items = [
///     withdrawn("A-1", &[("2026-03-03", "To Do", "In Progress"), ("2026-03-04", "In Progress", "Won't Do")]),
///     withdrawn("A-2", &[("2026-03-05", "To Do", "Won't Do")]),
/// ];
/// let mut workflow = sample_workflow();
/// workflow.cancelled = vec!["Won't Do".into()];
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
/// let timelines = item_timelines(&items, &workflow, today, pmkit::flow::Counting::Elapsed)?;
/// let daily = cancelled_work(&timelines, Period::Day, Measure::Items, None, None)?;
/// assert_eq!(daily.values, [1.0, 1.0]); // 4 and 5 March
/// assert_eq!(daily.wasted, [1.0, 0.0]); // only A-1 had started
/// assert_eq!(daily.by_column["In Progress"], [1.0, 0.0]);
/// assert_eq!(daily.by_column["Backlog"], [0.0, 1.0]);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn cancelled_work(
    timelines: &Timelines,
    period: Period,
    measure: Measure,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Result<CancelledWork> {
    let period = check_period(period)?;
    timelines.check()?;
    let cancelled = || {
        timelines.items.iter().filter_map(|item| {
            let day = item.cancelled_on?;
            Some((item, day, item.cancelled_from.as_deref()))
        })
    };
    let Tally {
        ends,
        values,
        groups: by_column,
    } = Tally::of(cancelled, period, measure, start, end)?;
    let wasted = Tally::of(
        || cancelled().filter(|(item, _, _)| item.wasted()),
        period,
        measure,
        // The same periods as `values`, even when the waste starts later.
        ends.first().copied().or(start),
        ends.last().copied().or(end),
    )?
    .values;
    let items = cancelled()
        .map(|(item, day, column)| CancelledItem {
            key: item.key.clone(),
            item_type: item.item_type.clone(),
            points: item.points,
            cancelled_on: day,
            column: column.map(str::to_owned),
            started: item.committed_on.is_some(),
        })
        .collect();
    Ok(CancelledWork {
        period,
        ends,
        values,
        by_column,
        wasted,
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{
        ageing_wip, cumulative_flow, item_timelines, net_flow, sample_workflow, throughput, wip,
        Counting, Item, Moment, Transition,
    };

    fn item(key: &str, moves: &[(&str, &str, &str)]) -> Item {
        let at = |text: &str| Moment::parse("at", text).unwrap();
        Item {
            key: key.into(),
            item_type: "story".into(),
            points: 3.0,
            created: at("2026-03-02"),
            status: None,
            transitions: moves
                .iter()
                .map(|(day, from, to)| Transition {
                    at: at(day),
                    from: Some((*from).into()),
                    to: (*to).into(),
                })
                .collect(),
            blocked: vec![],
        }
    }

    /// A finishes on the 4th; B starts on the 3rd and is cancelled on the 5th; C is
    /// cancelled from the backlog on the 4th; D is in progress from the 3rd.
    fn timelines() -> Timelines {
        let mut workflow = sample_workflow();
        workflow.cancelled = vec!["Won't Do".into()];
        let items = [
            item(
                "A",
                &[
                    ("2026-03-02", "To Do", "In Progress"),
                    ("2026-03-04", "In Progress", "Done"),
                ],
            ),
            item(
                "B",
                &[
                    ("2026-03-03", "To Do", "In Progress"),
                    ("2026-03-05", "In Progress", "Won't Do"),
                ],
            ),
            item("C", &[("2026-03-04", "To Do", "Won't Do")]),
            item("D", &[("2026-03-03", "To Do", "In Progress")]),
        ];
        let today = crate::input::date("today", "2026-03-06").unwrap();
        item_timelines(&items, &workflow, today, Counting::Elapsed).unwrap()
    }

    #[test]
    fn cancelled_items_leave_wip_ageing_and_throughput() {
        let t = timelines();
        let cfd = cumulative_flow(&t, Measure::Items).unwrap();
        // 2nd to 5th March. Backlog band: 4 created, C leaves on the 4th, B on the 5th.
        assert_eq!(cfd.counts[0], [4.0, 4.0, 3.0, 2.0]);
        assert_eq!(cfd.counts[1], [1.0, 3.0, 3.0, 2.0]);
        assert_eq!(cfd.counts[3], [0.0, 0.0, 1.0, 1.0]);
        assert_eq!(cfd.cancelled, [0.0, 0.0, 1.0, 2.0]);
        assert_eq!(
            wip(&t, Measure::Items).unwrap().values,
            [1.0, 3.0, 2.0, 1.0]
        );
        let open: Vec<String> = ageing_wip(&t).unwrap().into_iter().map(|i| i.key).collect();
        assert_eq!(open, ["D"]);
        let done = throughput(&t, Period::Day, Measure::Items, None, None).unwrap();
        assert_eq!(done.values.iter().sum::<f64>(), 1.0);
        // B's cancellation is a departure: the net flows add up to the WIP.
        let net = net_flow(&t, Period::Day, Measure::Items).unwrap();
        assert_eq!(net.arrivals, [1.0, 2.0, 0.0, 0.0]);
        assert_eq!(net.departures, [0.0, 0.0, 1.0, 1.0]);
        assert_eq!(net.net.iter().sum::<f64>(), 1.0);
    }

    #[test]
    fn cancelled_work_counts_by_period_column_and_waste() {
        let t = timelines();
        let work = cancelled_work(&t, Period::Day, Measure::Points, None, None).unwrap();
        assert_eq!(work.values, [3.0, 3.0]);
        assert_eq!(work.wasted, [0.0, 3.0]);
        assert_eq!(work.by_column["Backlog"], [3.0, 0.0]);
        assert_eq!(work.by_column["In Progress"], [0.0, 3.0]);
        let keys: Vec<(&str, bool)> = work
            .items
            .iter()
            .map(|i| (i.key.as_str(), i.started))
            .collect();
        assert_eq!(keys, [("B", true), ("C", false)]);
        let day = |text| Some(crate::input::date("day", text).unwrap());
        let cut = cancelled_work(
            &t,
            Period::Day,
            Measure::Items,
            day("2026-03-05"),
            day("2026-03-06"),
        )
        .unwrap();
        assert_eq!((cut.values, cut.wasted), (vec![1.0, 0.0], vec![1.0, 0.0]));
        let err = cancelled_work(&t, Period::Month, Measure::Items, None, None).unwrap_err();
        assert_eq!(err.field(), "period");
    }
}
