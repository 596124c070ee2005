//! Money metrics (`pmkit::metrics` finance) for JavaScript: ROI, revenue, MRR, ARPU,
//! CLV, market share, forecast attainment.

use wasm_bindgen::prelude::*;

use crate::convert::{count, numbers};
use crate::errors::IntoJs;

/// Return on investment: (gain − cost) / cost, or annualized over `years`.
#[wasm_bindgen(js_name = returnOnInvestment)]
pub fn return_on_investment(gain: f64, cost: f64, years: Option<f64>) -> Result<f64, JsValue> {
    pmkit::metrics::return_on_investment(gain, cost, years).js()
}

/// Product revenue: Σ prices[i] × quantities[i] over two parallel columns.
#[wasm_bindgen(js_name = productRevenue)]
pub fn product_revenue(
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number>")] prices: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number>")] quantities: JsValue,
) -> Result<f64, JsValue> {
    let prices = numbers("prices", prices)?;
    let quantities = numbers("quantities", quantities)?;
    pmkit::metrics::product_revenue(&prices, &quantities).js()
}

/// Monthly recurring revenue: the sum of every subscriber's monthly fee.
#[wasm_bindgen(js_name = monthlyRecurringRevenue)]
pub fn monthly_recurring_revenue(
    #[wasm_bindgen(js_name = "monthlyFees", unchecked_param_type = "ArrayLike<number>")]
    monthly_fees: JsValue,
) -> Result<f64, JsValue> {
    let monthly_fees = numbers("monthly_fees", monthly_fees)?;
    pmkit::metrics::monthly_recurring_revenue(&monthly_fees).js()
}

/// Average revenue per user: revenue / customers.
#[wasm_bindgen(js_name = averageRevenuePerUser)]
pub fn average_revenue_per_user(revenue: f64, customers: f64) -> Result<f64, JsValue> {
    pmkit::metrics::average_revenue_per_user(revenue, count("customers", customers)?).js()
}

/// Customer lifetime value: purchase value × frequency × lifespan × margin (default 1).
#[wasm_bindgen(js_name = customerLifetimeValue)]
pub fn customer_lifetime_value(
    #[wasm_bindgen(js_name = "averagePurchaseValue")] average_purchase_value: f64,
    #[wasm_bindgen(js_name = "purchaseFrequency")] purchase_frequency: f64,
    #[wasm_bindgen(js_name = "customerLifespan")] customer_lifespan: f64,
    margin: Option<f64>,
) -> Result<f64, JsValue> {
    pmkit::metrics::customer_lifetime_value(
        average_purchase_value,
        purchase_frequency,
        customer_lifespan,
        margin.unwrap_or(1.0),
    )
    .js()
}

/// Market share: productRevenue / totalMarket, as a fraction.
#[wasm_bindgen(js_name = marketShare)]
pub fn market_share(
    #[wasm_bindgen(js_name = "productRevenue")] product_revenue: f64,
    #[wasm_bindgen(js_name = "totalMarket")] total_market: f64,
) -> Result<f64, JsValue> {
    pmkit::metrics::market_share(product_revenue, total_market).js()
}

/// Forecast attainment: actual / forecast (1.0 = forecast met).
#[wasm_bindgen(js_name = forecastAttainment)]
pub fn forecast_attainment(actual: f64, forecast: f64) -> Result<f64, JsValue> {
    pmkit::metrics::forecast_attainment(actual, forecast).js()
}
