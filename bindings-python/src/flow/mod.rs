//! `pmkit::flow` for Python: item timelines, throughput, cumulative flow, WIP, net
//! flow, ageing WIP, percentiles and histograms.
//!
//! Items and workflows arrive as dicts and lists in their JSON form (timestamps as ISO
//! strings, or `datetime` values in items); the team-level functions take the `Timelines` object `item_timelines`
//! returns (borrowed, not copied) or its `to_dict()` form.

use pyo3::prelude::*;

mod items;

use crate::convert::python_functions;
use crate::dates::date;
use crate::errors::IntoPy;
use crate::record::{from_python, record, to_python};

pmkit_api::flow!(python_functions);

record!(
    /// The result of `item_timelines`: every item's path through the workflow.
    Timelines(pmkit::flow::Timelines) {
        columns, backlog, committed, done, today, counting, items, unmapped_statuses
    }
);

record!(
    /// The result of `throughput`: items (or points) finished per period, in total and by type.
    Throughput(pmkit::flow::Throughput) { period, ends, values, by_type }
);

record!(
    /// The result of `cumulative_flow`: per column, items that had reached it by each day.
    CumulativeFlow(pmkit::flow::CumulativeFlow) { dates, columns, counts }
    methods {
        /// One band per column: `cumulative_flow_chart(self, ...)`.
        #[pyo3(signature = (*, width = 720.0, height = 400.0, theme = "light"))]
        fn chart(&self, width: f64, height: f64, theme: &str) -> PyResult<crate::chart::Chart> {
            crate::chart::draw(pmkit::chart::cumulative_flow_chart, &self.0, width, height, theme)
        }
    }
);

record!(
    /// The result of `wip`: items committed but not done at the end of each day.
    Wip(pmkit::flow::Wip) { dates, values }
);

record!(
    /// The result of `net_flow`: arrivals, departures and their difference per period.
    NetFlow(pmkit::flow::NetFlow) { period, ends, arrivals, departures, net }
);

record!(
    /// One open item of `ageing_wip`.
    AgeingItem(pmkit::flow::AgeingItem) { key, item_type, column, started, age_days }
);

record!(
    /// One percentile: the value below which `level` of the sample lies.
    Percentile(pmkit::flow::Percentile) { level, value }
);

/// A `Timelines` object (borrowed) or its dict form (converted).
enum TimelinesArg<'py> {
    Native(Bound<'py, Timelines>),
    Converted(pmkit::flow::Timelines),
}

impl TimelinesArg<'_> {
    fn get(&self) -> &pmkit::flow::Timelines {
        match self {
            TimelinesArg::Native(bound) => &bound.get().0,
            TimelinesArg::Converted(value) => value,
        }
    }
}

fn timelines_arg<'py>(value: &Bound<'py, PyAny>) -> PyResult<TimelinesArg<'py>> {
    match value.cast::<Timelines>() {
        Ok(native) => Ok(TimelinesArg::Native(native.clone())),
        Err(_) => from_python("timelines", value).map(TimelinesArg::Converted),
    }
}

/// An option name given as text, or its default when omitted or `None`: anything but a
/// `str` is a `PmkitError` naming the parameter (not PyO3's bare `TypeError`).
fn option_text(field: &str, value: Option<&Bound<'_, PyAny>>, default: &str) -> PyResult<String> {
    match value.filter(|value| !value.is_none()) {
        Some(value) => crate::convert::text(field, value),
        None => Ok(default.to_owned()),
    }
}

fn optional_date(
    field: &str,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<chrono::NaiveDate>> {
    value
        .filter(|value| !value.is_none())
        .map(|value| date(field, value))
        .transpose()
}

/// Each item's column entry times, cycle time, lead time, blocked days and column.
#[pyfunction]
#[pyo3(signature = (items, workflow, today, counting = None))]
fn item_timelines(
    py: Python<'_>,
    items: &Bound<'_, PyAny>,
    workflow: &Bound<'_, PyAny>,
    today: &Bound<'_, PyAny>,
    counting: Option<&Bound<'_, PyAny>>,
) -> PyResult<Timelines> {
    let items = items::items(items)?;
    let workflow: pmkit::flow::Workflow = from_python("workflow", workflow)?;
    let today = date("today", today)?;
    let counting = option_text("counting", counting, "elapsed")?;
    let counting = pmkit::flow::Counting::parse("counting", &counting).py()?;
    py.detach(|| pmkit::flow::item_timelines(&items, &workflow, today, counting))
        .py()
        .map(Into::into)
}

/// Items (or points) finished per day or week, with empty periods as 0, in total and by type.
#[pyfunction]
#[pyo3(signature = (timelines, period = None, measure = None, start = None, end = None))]
fn throughput(
    timelines: &Bound<'_, PyAny>,
    period: Option<&Bound<'_, PyAny>>,
    measure: Option<&Bound<'_, PyAny>>,
    start: Option<&Bound<'_, PyAny>>,
    end: Option<&Bound<'_, PyAny>>,
) -> PyResult<Throughput> {
    let timelines = timelines_arg(timelines)?;
    let period =
        pmkit::flow::Period::parse("period", &option_text("period", period, "week")?).py()?;
    let measure =
        pmkit::flow::Measure::parse("measure", &option_text("measure", measure, "items")?).py()?;
    let start = optional_date("start", start)?;
    let end = optional_date("end", end)?;
    pmkit::flow::throughput(timelines.get(), period, measure, start, end)
        .py()
        .map(Into::into)
}

/// Cumulative flow per day: per column, items (or points) that had reached it or a later column.
#[pyfunction]
#[pyo3(signature = (timelines, measure = None))]
fn cumulative_flow(
    timelines: &Bound<'_, PyAny>,
    measure: Option<&Bound<'_, PyAny>>,
) -> PyResult<CumulativeFlow> {
    let timelines = timelines_arg(timelines)?;
    let measure =
        pmkit::flow::Measure::parse("measure", &option_text("measure", measure, "items")?).py()?;
    pmkit::flow::cumulative_flow(timelines.get(), measure)
        .py()
        .map(Into::into)
}

/// Work in progress per day: committed minus done, from the cumulative flow.
#[pyfunction]
#[pyo3(signature = (timelines, measure = None))]
fn wip(timelines: &Bound<'_, PyAny>, measure: Option<&Bound<'_, PyAny>>) -> PyResult<Wip> {
    let timelines = timelines_arg(timelines)?;
    let measure =
        pmkit::flow::Measure::parse("measure", &option_text("measure", measure, "items")?).py()?;
    pmkit::flow::wip(timelines.get(), measure)
        .py()
        .map(Into::into)
}

/// Arrivals (commitments) and departures (finishes) per day or week.
#[pyfunction]
#[pyo3(signature = (timelines, period = None, measure = None))]
fn net_flow(
    timelines: &Bound<'_, PyAny>,
    period: Option<&Bound<'_, PyAny>>,
    measure: Option<&Bound<'_, PyAny>>,
) -> PyResult<NetFlow> {
    let timelines = timelines_arg(timelines)?;
    let period =
        pmkit::flow::Period::parse("period", &option_text("period", period, "week")?).py()?;
    let measure =
        pmkit::flow::Measure::parse("measure", &option_text("measure", measure, "items")?).py()?;
    pmkit::flow::net_flow(timelines.get(), period, measure)
        .py()
        .map(Into::into)
}

/// The items in progress on the timelines' `today`, with their column and age in days.
#[pyfunction]
fn ageing_wip(timelines: &Bound<'_, PyAny>) -> PyResult<Vec<AgeingItem>> {
    let timelines = timelines_arg(timelines)?;
    let open = pmkit::flow::ageing_wip(timelines.get()).py()?;
    Ok(open.into_iter().map(Into::into).collect())
}

/// Cycle times (or lead times) of every finished item, in days, in input order.
#[pyfunction]
#[pyo3(signature = (timelines, kind = None))]
fn durations(timelines: &Bound<'_, PyAny>, kind: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<f64>> {
    let timelines = timelines_arg(timelines)?;
    let kind =
        pmkit::flow::DurationKind::parse("kind", &option_text("kind", kind, "cycle_time")?).py()?;
    Ok(pmkit::flow::durations(timelines.get(), kind))
}

/// The sample board: Backlog, In Progress, Review, Done (as a dict).
#[pyfunction]
fn sample_workflow(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_python(py, &pmkit::flow::sample_workflow())
}

/// 120 sample items of the sample board, read on `sample_today()` (as dicts).
#[pyfunction]
fn sample_items(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_python(py, &pmkit::flow::sample_items())
}

/// The day the sample items were read: 2026-03-31.
#[pyfunction]
fn sample_today() -> chrono::NaiveDate {
    pmkit::flow::sample_today()
}

/// Up to `count` synthetic items of the sample board, three a day from `first_day`,
/// cut at `today`; the same seed gives the same items.
#[pyfunction]
#[pyo3(signature = (count, seed, first_day, today))]
fn synthetic_items<'py>(
    py: Python<'py>,
    count: &Bound<'py, PyAny>,
    seed: &Bound<'py, PyAny>,
    first_day: &Bound<'py, PyAny>,
    today: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let count = crate::convert::count("count", count)?;
    let seed = crate::convert::count("seed", seed)?;
    let first_day = date("first_day", first_day)?;
    let today = date("today", today)?;
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    to_python(
        py,
        &pmkit::flow::synthetic_items(count, seed, first_day, today),
    )
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Timelines>()?;
    m.add_class::<Throughput>()?;
    m.add_class::<CumulativeFlow>()?;
    m.add_class::<Wip>()?;
    m.add_class::<NetFlow>()?;
    m.add_class::<AgeingItem>()?;
    m.add_class::<Percentile>()?;
    m.add_function(wrap_pyfunction!(item_timelines, m)?)?;
    m.add_function(wrap_pyfunction!(throughput, m)?)?;
    m.add_function(wrap_pyfunction!(cumulative_flow, m)?)?;
    m.add_function(wrap_pyfunction!(wip, m)?)?;
    m.add_function(wrap_pyfunction!(net_flow, m)?)?;
    m.add_function(wrap_pyfunction!(ageing_wip, m)?)?;
    m.add_function(wrap_pyfunction!(durations, m)?)?;
    m.add_function(wrap_pyfunction!(sample_workflow, m)?)?;
    m.add_function(wrap_pyfunction!(sample_items, m)?)?;
    m.add_function(wrap_pyfunction!(sample_today, m)?)?;
    m.add_function(wrap_pyfunction!(synthetic_items, m)?)?;
    register_functions(m)
}
