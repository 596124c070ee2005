//! `pmkit::stats` for Python: confidence intervals. The functions come from the API
//! description (`pmkit_api::stats!`); this file holds their result class.

use pyo3::prelude::*;

use crate::convert::python_functions;
use crate::record::record;

pmkit_api::stats!(python_functions);

record!(
    /// An estimate with its confidence interval: value, low, high, level, method.
    Interval(pmkit::stats::Interval) { value, low, high, level, method }
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Interval>()?;
    register_functions(m)
}
