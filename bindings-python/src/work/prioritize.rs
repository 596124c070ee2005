//! Prioritization scores and the Kano model for Python: the functions come from the API
//! description (`pmkit_api::work!`, expanded in `work/mod.rs`); this file holds their
//! result classes.

use pyo3::prelude::*;

use crate::convert::IntoPython;
use crate::record::record;
use pmkit::work as core;

record!(
    /// A priority score with its provenance: `framework`, `variant`, `inputs`, `score`.
    Score(core::Score) { framework, variant, inputs, score }
);

record!(
    /// The MoSCoW breakdown of the open stories of a backlog.
    MoscowSummary(core::MoscowSummary) { must, should, could, wont, uncategorized, must_have_share, findings }
);

record!(
    /// Respondents' Kano answers on one feature: counts, category, better and worse.
    KanoSummary(core::KanoSummary) {
        attractive, one_dimensional, must_be, indifferent, reverse, questionable,
        respondents, category, better, worse
    }
);

/// A value / effort quadrant is its snake_case name.
impl IntoPython for core::Quadrant {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.as_str().to_owned().into_python(py)
    }
}

/// A Kano category is its snake_case name.
impl IntoPython for core::KanoCategory {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.as_str().to_owned().into_python(py)
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Score>()?;
    m.add_class::<MoscowSummary>()?;
    m.add_class::<KanoSummary>()?;
    Ok(())
}
