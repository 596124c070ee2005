//! Backlogs for Python: ranking, totals, move / insert / remove, health, JSON and Jira import.
//!
//! A backlog is a dict in its JSON form (`{"stories": [...], "scale": ...}`); functions
//! that change one return a new dict and leave the argument untouched.

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::types::PyString;

use super::{backlog_arg, rank_arg, scale_arg};
use crate::errors::{to_py, IntoPy};
use crate::record::{from_python, record, to_python};
use pmkit::work::{self as core, Backlog, Story};

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

fn backlog_dict<'py>(py: Python<'py>, backlog: &Backlog) -> PyResult<Bound<'py, PyAny>> {
    to_python(py, backlog)
}

/// A backlog (dict) of `stories` (dicts), top first, checked against `scale` if given.
#[pyfunction]
#[pyo3(signature = (stories, scale = None))]
fn new_backlog<'py>(
    py: Python<'py>,
    stories: &Bound<'py, PyAny>,
    scale: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let stories: Vec<Story> = from_python("stories", stories)?;
    let backlog = Backlog::new(stories, scale_arg("scale", scale)?).py()?;
    backlog_dict(py, &backlog)
}

/// A new backlog with `story` inserted at `rank` (1 = top; default: the bottom).
#[pyfunction]
#[pyo3(signature = (backlog, story, rank = None))]
fn insert_story<'py>(
    py: Python<'py>,
    backlog: &Bound<'py, PyAny>,
    story: &Bound<'py, PyAny>,
    rank: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut backlog = backlog_arg(backlog)?;
    let story: Story = from_python("story", story)?;
    let rank = match rank.filter(|rank| !rank.is_none()) {
        Some(rank) => rank_arg(crate::convert::number("rank", rank)?)?,
        None => backlog.len() + 1,
    };
    backlog.insert_story(story, rank).py()?;
    backlog_dict(py, &backlog)
}

/// The CSV text of `source`: CSV text (a str with a line break), a path (a str without
/// one, or a `pathlib.Path`), or a pandas DataFrame (written with `to_csv(index=False)`).
fn csv_text(source: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = source.py();
    if source.is_instance_of::<PyString>() {
        let text: String = source.extract()?;
        if text.contains('\n') {
            return Ok(text);
        }
    } else if source.hasattr("to_csv")? && !source.hasattr("__fspath__")? {
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("index", false)?;
        return source.call_method("to_csv", (), Some(&kwargs))?.extract();
    } else if !source.hasattr("__fspath__")? {
        return Err(to_py(pmkit::Error::invalid(
            "source",
            "expected CSV text, a path or a pandas DataFrame",
        )));
    }
    // A path: read with Python's own I/O, so a missing file is FileNotFoundError.
    let path = py.import("pathlib")?.getattr("Path")?.call1((source,))?;
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("encoding", "utf-8")?;
    path.call_method("read_text", (), Some(&kwargs))?.extract()
}

/// A backlog (dict) from a Jira CSV export; `statuses` maps each status name to
/// "to_do", "in_progress", "done" or "cancelled".
#[pyfunction]
#[pyo3(signature = (source, statuses, scale = None))]
fn import_jira_csv<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    statuses: &Bound<'py, PyAny>,
    scale: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = csv_text(source)?;
    let statuses: BTreeMap<String, String> = from_python("statuses", statuses)?;
    let statuses = core::StatusMap::from_names(statuses).py()?;
    let scale = scale_arg("scale", scale)?;
    let backlog = core::import_jira_csv(&text, &statuses, scale.as_ref()).py()?;
    backlog_dict(py, &backlog)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<RankedStory>()?;
    m.add_class::<PointTotals>()?;
    m.add_class::<BacklogHealth>()?;
    m.add_function(wrap_pyfunction!(new_backlog, m)?)?;
    m.add_function(wrap_pyfunction!(insert_story, m)?)?;
    m.add_function(wrap_pyfunction!(import_jira_csv, m)?)?;
    Ok(())
}
