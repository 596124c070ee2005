//! `pmkit::analytics` for Python: product analytics over event logs given as numpy
//! arrays, pandas or polars Series, or lists. Columns are borrowed read-only (zero-copy
//! for int64, uint64 and datetime64) and the GIL is released while the core counts.

use pyo3::prelude::*;

mod columns;
mod counts;
mod described;
mod ids;
mod metrics;
mod more;
mod named;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    counts::register(m)?;
    ids::register(m)?;
    metrics::register(m)?;
    more::register(m)?;
    described::register_functions(m)?;
    Ok(())
}
