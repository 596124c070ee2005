//! Text ids to dense codes, and the sample event log, for Python.

use pyo3::prelude::*;

use crate::errors::IntoPy;
use crate::record::record;
use pmkit::analytics as core;

record!(
    /// The result of `encode_ids`: a code per value, and every id of the map in code order.
    EncodedIds(core::EncodedIds) { codes, ids }
);

record!(
    /// The result of `sample_events`: a small, deterministic event log as columns.
    SampleEvents(core::SampleEvents) { user_ids, times, events, event_names, unit }
);

/// Dense integer codes for text ids (user ids, event names), in order of first
/// appearance, continuing the map `known` (the `ids` of an earlier call) when given.
#[pyfunction]
#[pyo3(signature = (values, known = None))]
fn encode_ids(values: &Bound<'_, PyAny>, known: Option<&Bound<'_, PyAny>>) -> PyResult<EncodedIds> {
    let values = crate::convert::texts("values", values)?;
    let known = match known.filter(|known| !known.is_none()) {
        Some(known) => crate::convert::texts("known", known)?,
        None => Vec::new(),
    };
    core::encode_ids(&values, &known).py().map(Into::into)
}

/// A small, deterministic event log of 120 users over eight ISO weeks (2026-01-05 to 2026-03-01).
#[pyfunction]
fn sample_events() -> SampleEvents {
    core::sample_events().into()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<EncodedIds>()?;
    m.add_class::<SampleEvents>()?;
    m.add_function(wrap_pyfunction!(encode_ids, m)?)?;
    m.add_function(wrap_pyfunction!(sample_events, m)?)?;
    Ok(())
}
