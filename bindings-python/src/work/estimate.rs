//! Estimate scales for Python: the functions come from the API description
//! (`pmkit_api::work!`, expanded in `work/mod.rs`); scales and cards are returned as
//! plain dicts in the core's JSON form.

use pyo3::prelude::*;

use crate::convert::IntoPython;
use crate::record::to_python;
use pmkit::work::{Card, EstimateScale};

/// A scale is returned as its dict (`{"name": ..., "cards": [...]}`).
impl IntoPython for EstimateScale {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(to_python(py, &self)?.unbind())
    }
}

/// A card is returned as its dict (`{"label": "½", "weight": 0.5}`).
impl IntoPython for Card {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(to_python(py, &self)?.unbind())
    }
}
