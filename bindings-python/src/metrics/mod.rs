//! The KPI formulas (`pmkit::metrics`) for Python, one file per core module.

use pyo3::prelude::*;

mod catalog;
mod delivery;
mod finance;
mod growth;
mod quality;
mod satisfaction;
mod stakeholder;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    catalog::register(m)?;
    delivery::register(m)?;
    finance::register(m)?;
    growth::register(m)?;
    quality::register(m)?;
    satisfaction::register(m)?;
    stakeholder::register(m)?;
    Ok(())
}
