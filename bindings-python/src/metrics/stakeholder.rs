//! Stakeholder engagement (`pmkit::metrics` stakeholder) for Python.

use pyo3::prelude::*;

use crate::errors::IntoPy;
use crate::record::{from_python, record};

record!(
    /// The result of `stakeholder_engagement`: the share at or above the desired level,
    /// the mean shortfall in levels, and the stakeholders below their desired level.
    StakeholderEngagement(pmkit::metrics::StakeholderEngagement) {
        share_at_or_above_desired, mean_gap, gaps
    }
);

/// Stakeholder engagement on the PMBOK assessment matrix, from dicts
/// `{"name": ..., "current": level, "desired": level}`.
#[pyfunction]
fn stakeholder_engagement(stakeholders: Vec<Bound<'_, PyAny>>) -> PyResult<StakeholderEngagement> {
    let stakeholders = stakeholders
        .iter()
        .enumerate()
        .map(|(index, item)| from_python(&format!("stakeholders[{index}]"), item))
        .collect::<PyResult<Vec<pmkit::metrics::Stakeholder>>>()?;
    pmkit::metrics::stakeholder_engagement(&stakeholders)
        .py()
        .map(Into::into)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<StakeholderEngagement>()?;
    m.add_function(wrap_pyfunction!(stakeholder_engagement, m)?)?;
    Ok(())
}
