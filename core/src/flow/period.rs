//! What a flow metric counts (items or points) and the day arithmetic of its reporting
//! periods: a day, or a week closing on a chosen weekday ([`Period`], shared with
//! analytics; flow refuses months).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::timeline::ItemTimeline;
use crate::calendar::add_days;
use crate::{Error, Result};

pub use crate::calendar::Period;

/// The most numbers one flow result may hold (columns × days of a cumulative flow,
/// groups × periods of a throughput): 20 million, 160 MB of `f64`. A decade of daily
/// flow on a 20-column board is 73,000; the cap stops a stray year (a transition typed
/// in 4052) from asking for gigabytes before anything is allocated.
pub const MAX_FLOW_CELLS: usize = 20_000_000;

/// The longest span of days a flow result covers: 36,525 days, 100 years (the roadmap
/// chart's limit too). Longer is a typing slip, not a history (a transition in 4052),
/// and every daily series over it would hold millions of values.
pub const MAX_FLOW_SPAN_DAYS: i64 = 36_525;

/// An [`Error::OutOfRange`] on `field` if `first` to `last` is longer than
/// [`MAX_FLOW_SPAN_DAYS`].
pub(super) fn check_span(field: &str, first: NaiveDate, last: NaiveDate) -> Result<()> {
    let days = (last - first).num_days() + 1;
    if days > MAX_FLOW_SPAN_DAYS {
        return Err(Error::out_of_range(
            field,
            format!(
                "runs from {first} to {last}, {days} days; flow metrics cover at most \
                 {MAX_FLOW_SPAN_DAYS} days (100 years): check for a date far from the others"
            ),
        ));
    }
    Ok(())
}

/// An [`Error::OutOfRange`] on `field` if `rows` series of `length` values exceed
/// [`MAX_FLOW_CELLS`].
pub(super) fn check_cells(field: &str, rows: usize, length: usize, what: &str) -> Result<()> {
    let cells = rows.saturating_mul(length);
    if cells > MAX_FLOW_CELLS {
        return Err(Error::out_of_range(
            field,
            format!(
                "would need {rows} {what} × {length} periods = {cells} numbers, above the limit of {MAX_FLOW_CELLS}; \
                 check for a date far from the others, or use a longer period"
            ),
        ));
    }
    Ok(())
}

/// `period` if flow metrics can count in it: a day or a week.
///
/// **Errors**: [`Period::Month`] ([`Error::Parse`] naming `period`, the error flow
/// metrics have always given for `"month"`): a month's length varies, and flow
/// metrics count whole days and weeks.
pub(super) fn check_period(period: Period) -> Result<Period> {
    match period {
        Period::Day | Period::Week { .. } => Ok(period),
        Period::Month => Err(Error::parse(
            "period",
            "\"month\" is not supported by flow metrics; use \"day\", \"week\" or \"week_<weekday>\"",
        )),
    }
}

/// What is counted: items, or their story points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Each item counts 1 (the default).
    #[default]
    Items,
    /// Each item counts its points.
    Points,
}

impl Measure {
    /// Reads `"items"` or `"points"`; [`Error::Parse`] naming `field` otherwise.
    pub fn parse(field: &str, text: &str) -> Result<Self> {
        match text {
            "items" => Ok(Measure::Items),
            "points" => Ok(Measure::Points),
            _ => Err(Error::parse(
                field,
                format!("{text:?} is not \"items\" or \"points\""),
            )),
        }
    }

    pub(super) fn weight(self, item: &ItemTimeline) -> f64 {
        match self {
            Measure::Items => 1.0,
            Measure::Points => item.points,
        }
    }
}

/// Consecutive period ends from the period holding `first` to the one holding `last`.
pub(super) fn period_ends(
    period: Period,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<NaiveDate>> {
    let (mut end, last) = (period.end_of(first)?, period.end_of(last)?);
    let mut ends =
        Vec::with_capacity((last - end).num_days().max(0) as usize / period.days() as usize + 1);
    while end < last {
        ends.push(end);
        end = period.end_of(add_days(end, 1)?)?;
    }
    ends.push(end);
    Ok(ends)
}

/// How many periods run from the one holding `first` to the one holding `last`, at
/// most: counted before [`period_ends`] allocates them.
pub(super) fn span_periods(period: Period, first: NaiveDate, last: NaiveDate) -> usize {
    let days = usize::try_from((last - first).num_days()).unwrap_or(0);
    days / period.days().max(1) as usize + 2
}

/// Days since 0001-01-01 (day 1, a Monday): plain integers for the per-item loops,
/// where date arithmetic would cost more than the counting itself.
pub(super) fn day_number(day: NaiveDate) -> i64 {
    i64::from(day.num_days_from_ce())
}

/// The date of a [`day_number`]; `None` for a number no date has (the "none" markers).
pub(super) fn from_day_number(number: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(number).ok()?)
}

/// Index of the period holding the day numbered `day` in a series whose first period
/// ends on the day numbered `first_end`; `None` before the series.
pub(super) fn period_index(period: Period, first_end: i64, day: i64) -> Option<usize> {
    let end = match period {
        Period::Day => day,
        Period::Week { closing } => {
            let weekday = (day - 1).rem_euclid(7);
            day + (i64::from(closing.num_days_from_monday()) - weekday).rem_euclid(7)
        }
        // The public functions refuse months (`check_period`); counted right anyway.
        Period::Month => {
            let month = |number| {
                from_day_number(number)
                    .map(|date| i64::from(date.year()) * 12 + i64::from(date.month0()))
            };
            return usize::try_from(month(day)? - month(first_end)?).ok();
        }
    };
    usize::try_from(end - first_end)
        .ok()
        .map(|days| days / period.days() as usize)
}

/// Items (or points) per period, in total and per group, of events `(item, day, group)`
/// (a finish and its type, a cancellation and its column): periods from the one holding
/// `start` (default: the first event) to the one holding `end` (default: the last),
/// with no gaps. Events outside the range are left out; an event without a group
/// counts in the total only.
pub(super) struct Tally {
    pub ends: Vec<NaiveDate>,
    pub values: Vec<f64>,
    pub groups: BTreeMap<String, Vec<f64>>,
}

impl Tally {
    pub(super) fn of<'a, I>(
        events: impl Fn() -> I,
        period: Period,
        measure: Measure,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    ) -> Result<Tally>
    where
        I: Iterator<Item = (&'a ItemTimeline, NaiveDate, Option<&'a str>)>,
    {
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                return Err(Error::invalid(
                    "end",
                    format!("{end} is before start {start}"),
                ));
            }
        }
        let first = start.or_else(|| events().map(|(_, day, _)| day).min());
        let last = end.or_else(|| events().map(|(_, day, _)| day).max());
        let ends = match (first, last) {
            (Some(first), Some(last)) if first <= last => {
                let field = if start.is_some() || end.is_some() {
                    "start"
                } else {
                    "timelines"
                };
                check_span(field, first, last)?;
                check_cells("timelines", 1, span_periods(period, first, last), "series")?;
                period_ends(period, first, last)?
            }
            _ => Vec::new(),
        };
        let mut values = vec![0.0; ends.len()];
        let mut groups: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        if let Some(&first_end) = ends.first() {
            let first_end = day_number(first_end);
            for (item, day, group) in events() {
                let Some(index) = period_index(period, first_end, day_number(day)) else {
                    continue;
                };
                let Some(slot) = values.get_mut(index) else {
                    continue;
                };
                let weight = measure.weight(item);
                *slot += weight;
                let Some(group) = group else {
                    continue;
                };
                // Look up before inserting, so the name is copied once per group, not per item.
                if !groups.contains_key(group) {
                    check_cells("timelines", groups.len() + 2, ends.len(), "series")?;
                    groups.insert(group.to_owned(), vec![0.0; ends.len()]);
                }
                let per_group = groups.get_mut(group);
                if let Some(slot) = per_group.and_then(|values| values.get_mut(index)) {
                    *slot += weight;
                }
            }
        }
        Ok(Tally {
            ends,
            values,
            groups,
        })
    }
}
