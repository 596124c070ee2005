//! The native module `pmkit._pmkit`: thin PyO3 wrappers over the pmkit core.
//!
//! Each submodule converts Python values, calls the core and maps its error; no
//! formula lives here. The pure-Python package `pmkit` (in `python/pmkit/`)
//! re-exports everything from this module.

use pyo3::prelude::*;

mod analytics;
mod chart;
mod convert;
mod dashboard;
mod dates;
mod errors;
mod flow;
mod forecast;
mod frames;
mod metrics;
mod record;
mod roadmap;
mod roles;
mod scorecard;
mod sprint;
mod stats;
mod work;

/// The native part of pmkit. Import `pmkit`, not this module.
#[pymodule]
fn _pmkit(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    analytics::register(m)?;
    chart::register(m)?;
    dashboard::register(m)?;
    flow::register(m)?;
    forecast::register(m)?;
    metrics::register(m)?;
    roadmap::register(m)?;
    roles::register(m)?;
    scorecard::register(m)?;
    sprint::register(m)?;
    stats::register(m)?;
    work::register(m)?;
    Ok(())
}
