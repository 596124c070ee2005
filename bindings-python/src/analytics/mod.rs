//! `pmkit::analytics` for Python: product analytics over event logs given as Arrow
//! columns (polars, pyarrow, pandas Arrow dtypes, DuckDB, nanoarrow), numpy arrays,
//! pandas Series or lists. Columns are borrowed read-only where they can be (numpy
//! int64, uint64 and datetime64; Arrow int64 and timestamps in one chunk) and the GIL
//! is released while the core counts.

use pyo3::prelude::*;

mod arrow;
mod columns;
mod counts;
mod described;
mod ids;
mod log;
mod metrics;
mod more;
mod named;
pub(crate) mod read;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    counts::register(m)?;
    ids::register(m)?;
    m.add_class::<log::EventLog>()?;
    m.add_class::<log::Breakdown>()?;
    m.add_class::<log::Segment>()?;
    metrics::register(m)?;
    more::register(m)?;
    described::register_functions(m)?;
    Ok(())
}
