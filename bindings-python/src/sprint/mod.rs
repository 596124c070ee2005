//! `pmkit::sprint` for Python: the functions come from the API description
//! (`pmkit_api::sprint!`); this file holds their result classes.
//!
//! Sprints, calendars, members, logs and histories cross as dicts in their JSON form
//! (dates as ISO strings inside them); top-level date arguments take a
//! `datetime.date` or an ISO string.

use pyo3::prelude::*;

use crate::convert::python_functions;
use crate::record::record;
use pmkit::sprint as core;

pmkit_api::sprint!(python_functions);

record!(
    /// Working days, available person-days, focus days and hours of a sprint.
    SprintCapacity(core::SprintCapacity) { working_days, members, available_days, focus_days, hours }
);

record!(
    /// The points to commit at the team's historical focus factor.
    CapacityPlan(core::CapacityPlan) { focus_factor, points, sprints }
);

record!(
    /// Burndown, burnup, committed vs completed, scope change, carry-over and say/do.
    SprintReport(core::SprintReport) {
        sprint_id, count_by, working_days, dates, working, ideal, remaining, scope, done,
        committed, completed, completed_committed, added, removed, cancelled, re_estimated,
        carried_in, carry_over, say_do_ratio
    }
    chart(pmkit::chart::burndown_chart, "The burndown chart of this report: `burndown_chart(self, **options)`.")
);

record!(
    /// Velocity over the last closed sprints, in points and items.
    Velocity(core::Velocity) { sprint_ids, points, items }
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<SprintCapacity>()?;
    m.add_class::<CapacityPlan>()?;
    m.add_class::<SprintReport>()?;
    m.add_class::<Velocity>()?;
    register_functions(m)
}
