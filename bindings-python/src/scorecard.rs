//! The scorecard (`pmkit::scorecard`) for Python: every KPI of a product snapshot. The
//! functions come from the API description (`pmkit_api::scorecard!`); this file holds
//! their result class.

use pyo3::prelude::*;

use crate::convert::python_functions;
use crate::record::record;

pmkit_api::scorecard!(python_functions);

record!(
    /// Every KPI computed for one product: `kpi_scorecard(snapshot)`.
    Scorecard(pmkit::scorecard::Scorecard) { product, currency, readings, missing }
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Scorecard>()?;
    register_functions(m)
}
