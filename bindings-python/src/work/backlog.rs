//! The result classes of the backlog functions (ranking, totals, health) for Python.
//! The functions come from the API description (`pmkit_api::work!`); a backlog itself
//! is a dict in its JSON form (`{"stories": [...], "scale": ...}`).

use pyo3::prelude::*;

use crate::record::record;
use pmkit::work as core;

record!(
    /// One story's place in a ranking: `rank` (1 = top), `id`, `title`, `score`.
    RankedStory(core::RankedStory) { rank, id, title, score }
);

record!(
    /// Stories, points and unestimated stories per status category.
    PointTotals(core::PointTotals) { to_do, in_progress, done, cancelled }
);

record!(
    /// The health report of a backlog on a day.
    BacklogHealth(core::BacklogHealth) {
        today, period_start, stories, open, completed_in_period, cancelled_in_period,
        done_without_date, completion_rate, ready, ready_share, unestimated, unestimated_share,
        median_open_age_days, oldest_open_age_days, oldest_open_id, blocked, must_have_share,
        findings
    }
);

record!(
    /// The result of a tracker import (`import_jira_csv`): flow `items` for
    /// `item_timelines`, the `backlog`, roadmap `epics`, `subtasks`, `sprints` and the
    /// `warnings` about what could not be read.
    TrackerImport(pmkit::tracker::TrackerImport) { items, backlog, epics, subtasks, sprints, warnings }
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<TrackerImport>()?;
    m.add_class::<RankedStory>()?;
    m.add_class::<PointTotals>()?;
    m.add_class::<BacklogHealth>()?;
    Ok(())
}
