//! The backlog health report.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::backlog::Backlog;
use super::estimate::UnestimatedPolicy;
use super::invest::{invest_findings, is_ready, Finding, InvestContext, Rule};
use super::status::StatusCategory;
use crate::{input, Error, Result};

/// The knobs of [`backlog_health`]; [`HealthOptions::default`] is a 30-day period, the
/// Definition of Ready `missing_acceptance_criteria`, `unestimated`, `too_big`,
/// `blocked`, no size limits, and unestimated stories excluded from effort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct HealthOptions {
    /// Days in the period ending `today` (inclusive) for the completion rate, ≥ 1.
    /// Default 30.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub period_days: u64,
    /// The team's Definition of Ready (default: missing_acceptance_criteria,
    /// unestimated, too_big, blocked).
    pub definition_of_ready: Vec<Rule>,
    /// Size limits for `too_big`; the backlog adds its own resolved items.
    pub context: InvestContext,
    /// The points an unestimated story counts for in the must-have effort share;
    /// `None` (the default) leaves it out.
    pub unestimated_weight: Option<f64>,
}

impl Default for HealthOptions {
    fn default() -> Self {
        HealthOptions {
            period_days: 30,
            definition_of_ready: DEFAULT_DEFINITION_OF_READY.to_vec(),
            context: InvestContext::default(),
            unestimated_weight: None,
        }
    }
}

/// The Definition of Ready [`HealthOptions::default`] uses.
pub const DEFAULT_DEFINITION_OF_READY: &[Rule] = &[
    Rule::MissingAcceptanceCriteria,
    Rule::Unestimated,
    Rule::TooBig,
    Rule::Blocked,
];

/// The health of a backlog on a day. Shares are fractions of the open stories (to do
/// or in progress); a share is `None` when there are no open stories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BacklogHealth {
    /// The day of the report.
    pub today: NaiveDate,
    /// The first day of the period (`today` − `period_days` + 1).
    pub period_start: NaiveDate,
    /// All stories.
    pub stories: u64,
    /// Open stories.
    pub open: u64,
    /// Stories done with a resolved date in the period.
    pub completed_in_period: u64,
    /// Stories cancelled with a resolved date in the period (never counted as completed).
    pub cancelled_in_period: u64,
    /// Done stories without a resolved date, left out of the completion rate.
    pub done_without_date: u64,
    /// completed_in_period / (completed_in_period + open); `None` when both are 0.
    pub completion_rate: Option<f64>,
    /// Open stories that pass the Definition of Ready.
    pub ready: u64,
    /// ready / open.
    pub ready_share: Option<f64>,
    /// Open stories without an estimate.
    pub unestimated: u64,
    /// unestimated / open.
    pub unestimated_share: Option<f64>,
    /// Median age in days (today − created) of the open stories with a created date.
    pub median_open_age_days: Option<f64>,
    /// Age in days of the oldest of them.
    pub oldest_open_age_days: Option<u64>,
    /// Its id.
    pub oldest_open_id: Option<String>,
    /// Ids of open stories blocked by an open item, in backlog order.
    pub blocked: Vec<String>,
    /// Must-have share of the planned effort (see [`moscow_summary`](crate::work::moscow_summary)).
    pub must_have_share: Option<f64>,
    /// Backlog-level findings (`must_have_share` above 60 %).
    pub findings: Vec<Finding>,
}

/// The health report of a backlog on `today`.
///
/// - **completion rate** over the `period_days` ending today: stories done in the
///   period / (done in the period + still open). Cancelled stories are never completed:
///   they are counted apart (`cancelled_in_period`) and left out of the rate.
/// - **ready share**: open stories passing the Definition of Ready / open stories.
/// - **unestimated share**: open stories without an estimate / open stories.
/// - **age** of open stories (today − created): median and oldest, in days.
/// - **blocked**: open stories with a `blocked_by` link to an item that is not done or
///   cancelled in this backlog.
/// - **must-have share** of the open effort (DSDM's 60 % guideline), with its finding.
///
/// **Errors**: an empty backlog ([`Error::Undefined`] on `backlog`); a created or
/// resolved date after `today` ([`Error::InvalidInput`] on
/// `backlog.stories[i].created`); `period_days` 0 ([`Error::OutOfRange`] on
/// `period_days`); an invalid context or a backlog rule in the Definition of Ready
/// (fields `context.…`, `definition_of_ready[i]`).
///
/// ```
/// use pmkit::work::{backlog_health, sample_backlog, HealthOptions};
/// use chrono::NaiveDate;
///
/// let today = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
/// let health = backlog_health(&sample_backlog(), today, &HealthOptions::default())?;
/// assert_eq!(health.completed_in_period, 2);
/// assert_eq!(health.cancelled_in_period, 1);
/// assert_eq!(health.completion_rate, Some(2.0 / 8.0)); // 2 done, 6 still open
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn backlog_health(
    backlog: &Backlog,
    today: NaiveDate,
    options: &HealthOptions,
) -> Result<BacklogHealth> {
    if backlog.is_empty() {
        return Err(Error::undefined(
            "backlog",
            "has no stories, so its health is undefined",
        ));
    }
    let unestimated_policy =
        UnestimatedPolicy::from_weight("unestimated_weight", options.unestimated_weight)?;
    if options.period_days == 0 {
        return Err(Error::out_of_range(
            "period_days",
            "is 0; the period must be at least one day",
        ));
    }
    options
        .context
        .validate()
        .map_err(|err| err.within("context"))?;
    if options.definition_of_ready.is_empty() {
        return Err(Error::undefined(
            "definition_of_ready",
            "is empty; pick at least one rule",
        ));
    }
    let period_start = today
        .checked_sub_days(chrono::Days::new(options.period_days - 1))
        .ok_or_else(|| {
            Error::out_of_range(
                "period_days",
                "reaches before the earliest representable date",
            )
        })?;
    let context = backlog.invest_context(&options.context);

    let mut open = 0u64;
    let (mut completed, mut cancelled, mut undated) = (0u64, 0u64, 0u64);
    let (mut ready, mut unestimated) = (0u64, 0u64);
    let mut ages: Vec<(u64, &str)> = Vec::new();
    let mut blocked = Vec::new();
    for (index, story) in backlog.stories().iter().enumerate() {
        let field = |name: &str| format!("backlog.stories[{index}].{name}");
        for (name, date) in [("created", story.created), ("resolved", story.resolved)] {
            if let Some(date) = date {
                if date > today {
                    return Err(Error::invalid(
                        field(name),
                        format!("{date} is after today ({today})"),
                    ));
                }
            }
        }
        let in_period = story.resolved.map(|day| day >= period_start);
        match story.status.category {
            StatusCategory::Done => match in_period {
                Some(true) => completed += 1,
                Some(false) => {}
                None => undated += 1,
            },
            StatusCategory::Cancelled => cancelled += u64::from(in_period == Some(true)),
            StatusCategory::ToDo | StatusCategory::InProgress => {
                open += 1;
                if story.estimate.is_none() {
                    unestimated += 1;
                }
                if is_ready(story, &options.definition_of_ready, &context)? {
                    ready += 1;
                }
                if !invest_findings(story, &context, &[Rule::Blocked])?.is_empty() {
                    blocked.push(story.id.clone());
                }
                if let Some(created) = story.created {
                    // created ≤ today was checked above, so the difference is ≥ 0.
                    let age = (today - created).num_days().unsigned_abs();
                    ages.push((age, story.id.as_str()));
                }
            }
        }
    }
    let share = |part: u64| (open > 0).then(|| part as f64 / open as f64);
    let completion_rate = input::ratio(completed, "open", completed + open).ok();
    let oldest = ages.iter().copied().max_by_key(|&(age, _)| age);
    let moscow = backlog.moscow_summary(unestimated_policy);
    Ok(BacklogHealth {
        today,
        period_start,
        stories: backlog.len() as u64,
        open,
        completed_in_period: completed,
        cancelled_in_period: cancelled,
        done_without_date: undated,
        completion_rate,
        ready,
        ready_share: share(ready),
        unestimated,
        unestimated_share: share(unestimated),
        median_open_age_days: median(ages.iter().map(|&(age, _)| age).collect()),
        oldest_open_age_days: oldest.map(|(age, _)| age),
        oldest_open_id: oldest.map(|(_, id)| id.to_owned()),
        blocked,
        must_have_share: moscow.must_have_share,
        findings: moscow.findings,
    })
}

/// The median of whole days, as a number of days (the mean of the middle two when even).
fn median(mut days: Vec<u64>) -> Option<f64> {
    days.sort_unstable();
    let middle = days.len() / 2;
    match days.len() {
        0 => None,
        len if len % 2 == 1 => days.get(middle).map(|&day| day as f64),
        _ => Some((days.get(middle - 1)? + days.get(middle)?) as f64 / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::work::{sample_backlog, Link, LinkKind, Status, Story};
    use crate::ErrorKind;

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn story(
        id: &str,
        category: StatusCategory,
        created: Option<NaiveDate>,
        resolved: Option<NaiveDate>,
    ) -> Story {
        let mut story = Story::new(id, id).unwrap();
        story.status = Status::of(category);
        story.created = created;
        story.resolved = resolved;
        story
    }

    #[test]
    fn cancelled_is_not_completed() {
        let backlog = Backlog::new(
            vec![
                story("A", StatusCategory::Done, Some(day(1, 1)), Some(day(3, 20))),
                story(
                    "B",
                    StatusCategory::Cancelled,
                    Some(day(1, 1)),
                    Some(day(3, 21)),
                ),
                story("C", StatusCategory::ToDo, Some(day(3, 1)), None),
                story("D", StatusCategory::Done, None, Some(day(1, 5))),
                story("E", StatusCategory::Done, None, None),
            ],
            None,
        )
        .unwrap();
        let health = backlog_health(&backlog, day(3, 31), &HealthOptions::default()).unwrap();
        assert_eq!(health.period_start, day(3, 2));
        assert_eq!(
            (
                health.completed_in_period,
                health.cancelled_in_period,
                health.done_without_date
            ),
            (1, 1, 1)
        );
        assert_eq!(health.completion_rate, Some(0.5));
        assert_eq!(health.median_open_age_days, Some(30.0));
        assert_eq!(health.oldest_open_id.as_deref(), Some("C"));
        assert_eq!(health.ready, 0);
        assert_eq!(health.unestimated_share, Some(1.0));
    }

    #[test]
    fn blocked_by_open_items_only() {
        let mut a = story("A", StatusCategory::ToDo, None, None);
        a.links.push(Link {
            kind: LinkKind::BlockedBy,
            id: "B".into(),
        });
        let mut c = story("C", StatusCategory::ToDo, None, None);
        c.links.push(Link {
            kind: LinkKind::BlockedBy,
            id: "D".into(),
        });
        let b = story("B", StatusCategory::InProgress, None, None);
        let d = story("D", StatusCategory::Cancelled, None, None);
        let backlog = Backlog::new(vec![a, b, c, d], None).unwrap();
        let health = backlog_health(&backlog, day(3, 31), &HealthOptions::default()).unwrap();
        assert_eq!(health.blocked, ["A"]);
    }

    #[test]
    fn median_of_even_and_odd() {
        assert_eq!(median(vec![3, 1, 2]), Some(2.0));
        assert_eq!(median(vec![4, 1]), Some(2.5));
        assert_eq!(median(vec![]), None);
    }

    #[test]
    fn errors() {
        let empty = Backlog::new(vec![], None).unwrap();
        let err = backlog_health(&empty, day(3, 31), &HealthOptions::default()).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "backlog"));
        let future = Backlog::new(
            vec![story("A", StatusCategory::ToDo, Some(day(4, 1)), None)],
            None,
        )
        .unwrap();
        let err = backlog_health(&future, day(3, 31), &HealthOptions::default()).unwrap_err();
        assert_eq!(err.field(), "backlog.stories[0].created");
        let options = HealthOptions {
            period_days: 0,
            ..HealthOptions::default()
        };
        assert_eq!(
            backlog_health(&sample_backlog(), day(3, 31), &options)
                .unwrap_err()
                .field(),
            "period_days"
        );
        let options = HealthOptions {
            definition_of_ready: vec![Rule::MustHaveShare],
            ..HealthOptions::default()
        };
        let err = backlog_health(&sample_backlog(), day(3, 31), &options).unwrap_err();
        assert_eq!(err.field(), "definition_of_ready[0]");
    }
}
