//! The result classes of the described `encode_ids` and `sample_events`.

use pyo3::prelude::*;

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

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<EncodedIds>()?;
    m.add_class::<SampleEvents>()?;
    Ok(())
}
