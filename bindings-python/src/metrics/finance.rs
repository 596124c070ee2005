//! Money metrics (`pmkit::metrics` finance) for Python: ROI, revenue, MRR, ARPU, CLV,
//! market share, forecast attainment.

use pyo3::prelude::*;

use crate::errors::IntoPy;

/// Return on investment: (gain − cost) / cost, or annualized over `years`.
#[pyfunction]
#[pyo3(signature = (gain, cost, years = None))]
fn return_on_investment(gain: f64, cost: f64, years: Option<f64>) -> PyResult<f64> {
    pmkit::metrics::return_on_investment(gain, cost, years).py()
}

/// Product revenue: Σ prices[i] × quantities[i] over two parallel columns.
#[pyfunction]
fn product_revenue(prices: Vec<f64>, quantities: Vec<f64>) -> PyResult<f64> {
    pmkit::metrics::product_revenue(&prices, &quantities).py()
}

/// Monthly recurring revenue: the sum of every subscriber's monthly fee.
#[pyfunction]
fn monthly_recurring_revenue(monthly_fees: Vec<f64>) -> PyResult<f64> {
    pmkit::metrics::monthly_recurring_revenue(&monthly_fees).py()
}

/// Average revenue per user: revenue / customers.
#[pyfunction]
fn average_revenue_per_user(revenue: f64, customers: f64) -> PyResult<f64> {
    let customers = pmkit::input::count("customers", customers).py()?;
    pmkit::metrics::average_revenue_per_user(revenue, customers).py()
}

/// Customer lifetime value: purchase value × frequency × lifespan × margin.
#[pyfunction]
#[pyo3(signature = (average_purchase_value, purchase_frequency, customer_lifespan, margin = 1.0))]
fn customer_lifetime_value(
    average_purchase_value: f64,
    purchase_frequency: f64,
    customer_lifespan: f64,
    margin: f64,
) -> PyResult<f64> {
    pmkit::metrics::customer_lifetime_value(
        average_purchase_value,
        purchase_frequency,
        customer_lifespan,
        margin,
    )
    .py()
}

/// Market share: product_revenue / total_market, as a fraction.
#[pyfunction]
fn market_share(product_revenue: f64, total_market: f64) -> PyResult<f64> {
    pmkit::metrics::market_share(product_revenue, total_market).py()
}

/// Forecast attainment: actual / forecast (1.0 = forecast met).
#[pyfunction]
fn forecast_attainment(actual: f64, forecast: f64) -> PyResult<f64> {
    pmkit::metrics::forecast_attainment(actual, forecast).py()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(return_on_investment, m)?)?;
    m.add_function(wrap_pyfunction!(product_revenue, m)?)?;
    m.add_function(wrap_pyfunction!(monthly_recurring_revenue, m)?)?;
    m.add_function(wrap_pyfunction!(average_revenue_per_user, m)?)?;
    m.add_function(wrap_pyfunction!(customer_lifetime_value, m)?)?;
    m.add_function(wrap_pyfunction!(market_share, m)?)?;
    m.add_function(wrap_pyfunction!(forecast_attainment, m)?)?;
    Ok(())
}
