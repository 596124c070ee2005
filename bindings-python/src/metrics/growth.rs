//! Growth and usage metrics (`pmkit::metrics` growth) for Python.

use pyo3::prelude::*;

use crate::errors::IntoPy;
use crate::record::record;

record!(
    /// The result of `funnel_conversion`.
    FunnelConversion(pmkit::metrics::FunnelConversion) { step_rates, cumulative_rates, drop_off, overall }
);

/// Conversion rate: conversions / visitors, as a fraction.
#[pyfunction]
fn conversion_rate(conversions: f64, visitors: f64) -> PyResult<f64> {
    let conversions = pmkit::input::count("conversions", conversions).py()?;
    let visitors = pmkit::input::count("visitors", visitors).py()?;
    pmkit::metrics::conversion_rate(conversions, visitors).py()
}

/// Funnel conversion: step-to-step rates, share of entrants per step, drop-off, overall.
#[pyfunction]
fn funnel_conversion(steps: Vec<f64>) -> PyResult<FunnelConversion> {
    let steps = pmkit::input::counts("steps", &steps).py()?;
    pmkit::metrics::funnel_conversion(&steps)
        .py()
        .map(Into::into)
}

/// Feature adoption rate: feature_users / active_users, as a fraction.
#[pyfunction]
fn feature_adoption_rate(feature_users: f64, active_users: f64) -> PyResult<f64> {
    let feature_users = pmkit::input::count("feature_users", feature_users).py()?;
    let active_users = pmkit::input::count("active_users", active_users).py()?;
    pmkit::metrics::feature_adoption_rate(feature_users, active_users).py()
}

/// Stickiness: dau / mau, as a fraction.
#[pyfunction]
fn stickiness(dau: f64, mau: f64) -> PyResult<f64> {
    pmkit::metrics::stickiness(dau, mau).py()
}

/// Churn rate: customers lost over customers at start ("start"), the average customer
/// count ("average") or every customer serviced ("serviced").
#[pyfunction]
#[pyo3(signature = (customers_at_start, customers_lost, new_customers = 0.0, method = "start"))]
fn churn_rate(
    customers_at_start: f64,
    customers_lost: f64,
    new_customers: f64,
    method: &str,
) -> PyResult<f64> {
    pmkit::metrics::churn_rate(
        pmkit::input::count("customers_at_start", customers_at_start).py()?,
        pmkit::input::count("customers_lost", customers_lost).py()?,
        pmkit::input::count("new_customers", new_customers).py()?,
        pmkit::metrics::ChurnMethod::parse("method", method).py()?,
    )
    .py()
}

/// Customer retention rate: (customers_at_end − new_customers) / customers_at_start.
#[pyfunction]
fn customer_retention_rate(
    customers_at_start: f64,
    customers_at_end: f64,
    new_customers: f64,
) -> PyResult<f64> {
    pmkit::metrics::customer_retention_rate(
        pmkit::input::count("customers_at_start", customers_at_start).py()?,
        pmkit::input::count("customers_at_end", customers_at_end).py()?,
        pmkit::input::count("new_customers", new_customers).py()?,
    )
    .py()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<FunnelConversion>()?;
    m.add_function(wrap_pyfunction!(conversion_rate, m)?)?;
    m.add_function(wrap_pyfunction!(funnel_conversion, m)?)?;
    m.add_function(wrap_pyfunction!(feature_adoption_rate, m)?)?;
    m.add_function(wrap_pyfunction!(stickiness, m)?)?;
    m.add_function(wrap_pyfunction!(churn_rate, m)?)?;
    m.add_function(wrap_pyfunction!(customer_retention_rate, m)?)?;
    Ok(())
}
