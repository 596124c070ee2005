//! `pmkit::forecast` for Python: Monte Carlo "when", "how many" and multi-epic forecasts.
//!
//! Histories arrive as any sequence of numbers (a list, a numpy array). The seed
//! defaults to 0, so a call without one is still reproducible; the simulation runs
//! with the GIL released.

use pyo3::prelude::*;

use crate::dates::date;
use crate::errors::IntoPy;
use crate::record::{from_python, record};

record!(
    /// The result of `forecast_when`: completion percentiles, deadline odds, distribution.
    WhenForecast(pmkit::forecast::WhenForecast) {
        trials, percentiles, deadline_probability, deadline, deadline_periods, mean_periods,
        distribution
    }
    methods {
        /// The forecast histogram: `forecast_chart(self, ...)`.
        #[pyo3(signature = (*, width = 720.0, height = 400.0, theme = "light"))]
        fn chart(&self, width: f64, height: f64, theme: &str) -> PyResult<crate::chart::Chart> {
            crate::chart::draw(pmkit::chart::forecast_chart, &self.0, width, height, theme)
        }
    }
);

record!(
    /// The result of `forecast_how_many`: items (or points) done, read from the low end.
    HowManyForecast(pmkit::forecast::HowManyForecast) { trials, periods, percentiles, mean }
);

record!(
    /// The result of `forecast_epics`: completion percentiles per epic and for all.
    EpicsForecast(pmkit::forecast::EpicsForecast) { trials, epics, all }
);

/// Trials and seed, checked by the core (trials and seed are counts).
fn simulation(trials: f64, seed: f64) -> PyResult<pmkit::forecast::Simulation> {
    let trials = pmkit::input::count("trials", trials).py()?;
    let seed = pmkit::input::count("seed", seed).py()?;
    pmkit::forecast::Simulation::new(trials, seed).py()
}

/// A calendar when `start` is given.
fn calendar(
    start: Option<&Bound<'_, PyAny>>,
    period_days: f64,
) -> PyResult<Option<pmkit::forecast::Calendar>> {
    let period_days = pmkit::input::count("period_days", period_days).py()?;
    match start.filter(|value| !value.is_none()) {
        Some(start) => {
            let start = date("start", start)?;
            pmkit::forecast::Calendar::new(start, period_days)
                .py()
                .map(Some)
        }
        None => Ok(None),
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

/// When will `remaining` items (or points) be done? Monte Carlo over a throughput history.
#[pyfunction]
#[pyo3(signature = (
    remaining, history, trials = 10000.0, seed = 0.0, levels = None,
    start = None, period_days = 1.0, deadline = None,
))]
#[allow(clippy::too_many_arguments)] // Python's keyword arguments, one per option.
fn forecast_when(
    py: Python<'_>,
    remaining: f64,
    history: Vec<f64>,
    trials: f64,
    seed: f64,
    levels: Option<Vec<f64>>,
    start: Option<&Bound<'_, PyAny>>,
    period_days: f64,
    deadline: Option<&Bound<'_, PyAny>>,
) -> PyResult<WhenForecast> {
    let simulation = simulation(trials, seed)?;
    let levels = levels.unwrap_or_else(|| pmkit::forecast::WHEN_LEVELS.to_vec());
    let calendar = calendar(start, period_days)?;
    let deadline = optional_date("deadline", deadline)?;
    py.detach(|| {
        pmkit::forecast::forecast_when(
            remaining,
            &history,
            &levels,
            &simulation,
            calendar.as_ref(),
            deadline,
        )
    })
    .py()
    .map(Into::into)
}

/// How many items (or points) will be done in `periods` periods (or from `start` to
/// `deadline`)? Percentiles read from the low end: 85 % → "at least N".
#[pyfunction]
#[pyo3(signature = (
    history, periods = None, trials = 10000.0, seed = 0.0, levels = None,
    start = None, period_days = 1.0, deadline = None,
))]
#[allow(clippy::too_many_arguments)] // Python's keyword arguments, one per option.
fn forecast_how_many(
    py: Python<'_>,
    history: Vec<f64>,
    periods: Option<f64>,
    trials: f64,
    seed: f64,
    levels: Option<Vec<f64>>,
    start: Option<&Bound<'_, PyAny>>,
    period_days: f64,
    deadline: Option<&Bound<'_, PyAny>>,
) -> PyResult<HowManyForecast> {
    let simulation = simulation(trials, seed)?;
    let levels = levels.unwrap_or_else(|| pmkit::forecast::WHEN_LEVELS.to_vec());
    let calendar = calendar(start, period_days)?;
    let deadline = optional_date("deadline", deadline)?;
    let periods = periods
        .map(|periods| pmkit::input::count("periods", periods))
        .transpose()
        .py()?;
    let periods = pmkit::forecast::horizon_periods(periods, calendar.as_ref(), deadline).py()?;
    py.detach(|| pmkit::forecast::forecast_how_many(&history, periods, &levels, &simulation))
        .py()
        .map(Into::into)
}

/// When will each epic be done, worked in priority order with at most `wip_limit` at once?
#[pyfunction]
#[pyo3(signature = (
    epics, history, wip_limit = 1.0, split_rate = None, risks = None,
    trials = 10000.0, seed = 0.0, levels = None, start = None, period_days = 1.0,
))]
#[allow(clippy::too_many_arguments)] // Python's keyword arguments, one per option.
fn forecast_epics(
    py: Python<'_>,
    epics: &Bound<'_, PyAny>,
    history: Vec<f64>,
    wip_limit: f64,
    split_rate: Option<&Bound<'_, PyAny>>,
    risks: Option<&Bound<'_, PyAny>>,
    trials: f64,
    seed: f64,
    levels: Option<Vec<f64>>,
    start: Option<&Bound<'_, PyAny>>,
    period_days: f64,
) -> PyResult<EpicsForecast> {
    let plan = pmkit::forecast::EpicPlan {
        epics: from_python("epics", epics)?,
        wip_limit: pmkit::input::count("wip_limit", wip_limit).py()?,
        split_rate: split_rate
            .filter(|value| !value.is_none())
            .map(|value| from_python("split_rate", value))
            .transpose()?,
        risks: match risks.filter(|value| !value.is_none()) {
            Some(risks) => from_python("risks", risks)?,
            None => Vec::new(),
        },
    };
    let simulation = simulation(trials, seed)?;
    let levels = levels.unwrap_or_else(|| pmkit::forecast::WHEN_LEVELS.to_vec());
    let calendar = calendar(start, period_days)?;
    py.detach(|| {
        pmkit::forecast::forecast_epics(&plan, &history, &levels, &simulation, calendar.as_ref())
    })
    .py()
    .map(Into::into)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<WhenForecast>()?;
    m.add_class::<HowManyForecast>()?;
    m.add_class::<EpicsForecast>()?;
    m.add_function(wrap_pyfunction!(forecast_when, m)?)?;
    m.add_function(wrap_pyfunction!(forecast_how_many, m)?)?;
    m.add_function(wrap_pyfunction!(forecast_epics, m)?)?;
    Ok(())
}
