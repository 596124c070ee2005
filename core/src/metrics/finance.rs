//! Money: ROI, product revenue, MRR, ARPU, customer lifetime value, market share,
//! forecast attainment.
//!
//! Money is `f64` in one currency the caller names; pmkit never converts. Sums and
//! products of valid inputs can still exceed what an `f64` holds (1.8 × 10³⁰⁸); that is
//! reported as [`OutOfRange`](crate::Error::OutOfRange), never returned as infinity.

use serde::{Deserialize, Serialize};

use crate::{input, Error, Result};

/// The options of [`return_on_investment`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct RoiOptions {
    /// Years the investment was held: given, the ROI is annualized
    /// (`(gain / cost)^(1/years) − 1`); `None` (the default) is the plain ROI.
    pub years: Option<f64>,
}

/// The options of [`customer_lifetime_value`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct LifetimeValueOptions {
    /// The gross margin as a fraction in 0..=1: 1.0 (the default) is the revenue CLV,
    /// a margin such as 0.6 the profit CLV.
    pub margin: f64,
    /// α of a shifted-beta-geometric retention fit (`fit_sbg`); given with `sbg_beta`,
    /// the lifespan is the fit's expected paying periods within `customer_lifespan`
    /// periods, discounted by `discount_rate`.
    pub sbg_alpha: Option<f64>,
    /// β of the shifted-beta-geometric retention fit; given with `sbg_alpha`.
    pub sbg_beta: Option<f64>,
    /// The discount rate per period of the sBG variant (0, no discounting, by default):
    /// a payment t periods away counts 1 / (1 + rate)^t.
    pub discount_rate: f64,
}

impl Default for LifetimeValueOptions {
    fn default() -> Self {
        LifetimeValueOptions {
            margin: 1.0,
            sbg_alpha: None,
            sbg_beta: None,
            discount_rate: 0.0,
        }
    }
}

/// The most periods the sBG variant of [`customer_lifetime_value`] sums over
/// (`customer_lifespan` as a horizon).
pub const MAX_CLV_HORIZON_PERIODS: f64 = 100_000.0;

/// Return on investment: the net return per unit of money invested.
///
/// **Formula**: `ROI = (gain − cost) / cost`, where `gain` is the total amount the
/// investment returned (its current or final value, not the net profit) and `cost` is
/// what was invested. **Variant** (chosen by [`RoiOptions::years`]): with `Some(n)`, the
/// annualized ROI `(gain / cost)^(1/n) − 1`, the constant yearly rate that compounds to
/// the same total (a CAGR); compare investments held for different spans with it.
/// **Unit**: fraction (0.20 = 20 %); −1.0 means everything was lost.
///
/// **Errors**: `gain` negative or not finite, `cost` negative or not finite, `years`
/// negative or not finite ([`InvalidInput`](crate::Error::InvalidInput)); `cost` = 0
/// or `years` = 0 ([`Undefined`](crate::Error::Undefined)); a result too large for an
/// `f64` ([`OutOfRange`](crate::Error::OutOfRange)).
///
/// **Source**: Investopedia, "Return on Investment (ROI): How to Calculate It and What
/// It Means" (ROI and annualized ROI, with both examples below).
///
/// ```
/// use pmkit::metrics::{return_on_investment, RoiOptions};
///
/// // Investopedia: $1,000 invested, worth $1,200 → 20 %.
/// let plain = return_on_investment(1_200.0, 1_000.0, &RoiOptions::default())?;
/// assert!((plain - 0.20).abs() < 1e-12);
/// // Investopedia: $1,000 grown to $2,000 over 5 years → 2^(1/5) − 1 ≈ 14.87 % a year.
/// let annual = return_on_investment(2_000.0, 1_000.0, &RoiOptions { years: Some(5.0) })?;
/// assert!((annual - 0.148_698_354_997_035).abs() < 1e-12);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn return_on_investment(gain: f64, cost: f64, options: &RoiOptions) -> Result<f64> {
    let years = options.years;
    input::non_negative("gain", gain)?;
    input::positive("cost", cost)?;
    match years {
        None => representable("cost", (gain - cost) / cost),
        Some(years) => {
            input::positive("years", years)?;
            // exp(ln(gain / cost) / years) − 1, in logs so that a ratio beyond f64
            // (1e300 / 1e-300) still annualizes, and with exp_m1 for small rates.
            representable("years", ((gain.ln() - cost.ln()) / years).exp_m1())
        }
    }
}

/// Product revenue: the total income from a product's sales, `Σ priceᵢ × quantityᵢ`.
///
/// The sales arrive as two parallel columns (line `i` sold `quantities[i]` units at
/// `prices[i]` each), the shape a table export or a dataframe has. **Unit**: money.
/// Quantities need not be whole (kilograms, hours). No sales at all (two empty
/// columns) is revenue 0, not an error: the revenue of nothing is well defined.
///
/// **Errors**: the columns differ in length, or a price or quantity is negative or
/// not finite ([`InvalidInput`](crate::Error::InvalidInput), naming `prices[i]` or
/// `quantities[i]`); a total too large for an `f64`
/// ([`OutOfRange`](crate::Error::OutOfRange)).
///
/// **Source**: Investopedia, "Revenue: Definition, Formula, Calculation, and Examples"
/// (revenue = price × quantity sold, summed over products).
///
/// ```
/// // 120 seats at $49 and 3 onboarding packages at $1,500: 5,880 + 4,500.
/// let revenue = pmkit::metrics::product_revenue(&[49.0, 1_500.0], &[120.0, 3.0])?;
/// assert_eq!(revenue, 10_380.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn product_revenue(prices: &[f64], quantities: &[f64]) -> Result<f64> {
    input::same_length("quantities", quantities, "prices", prices)?;
    let mut total = 0.0;
    for (index, (&price, &quantity)) in prices.iter().zip(quantities).enumerate() {
        input::non_negative(input::Indexed("prices", index), price)?;
        input::non_negative(input::Indexed("quantities", index), quantity)?;
        total += price * quantity;
    }
    representable("prices", total)
}

/// Monthly recurring revenue: the sum of every subscriber's monthly fee.
///
/// **Formula**: `MRR = Σ monthly_feesᵢ`, one fee per paying subscriber (equivalently,
/// subscribers × ARPU). Normalise before calling: an annual plan counts as its yearly
/// price / 12; one-time fees (setup, services) are not recurring and are left out.
/// **Unit**: money per month. No subscribers (an empty list) is MRR 0.
///
/// **Errors**: a fee that is negative or not finite
/// ([`InvalidInput`](crate::Error::InvalidInput), naming `monthly_fees[i]`); a total
/// too large for an `f64` ([`OutOfRange`](crate::Error::OutOfRange)).
///
/// **Source**: HubSpot, "How to Calculate Monthly Recurring Revenue (MRR)"; Indie
/// Hackers, "How to calculate monthly recurring revenue" (5 × $50 + 3 × $100 +
/// 2 × $500 / 12 ≈ $633, annual plans divided by 12).
///
/// ```
/// use pmkit::metrics::monthly_recurring_revenue;
///
/// // 100 customers paying $50 a month → $5,000.
/// assert_eq!(monthly_recurring_revenue(&[50.0; 100])?, 5_000.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn monthly_recurring_revenue(monthly_fees: &[f64]) -> Result<f64> {
    let mut total = 0.0;
    for (index, &fee) in monthly_fees.iter().enumerate() {
        total += input::non_negative(input::Indexed("monthly_fees", index), fee)?;
    }
    representable("monthly_fees", total)
}

/// Average revenue per user (ARPU): revenue over the customers who produced it.
///
/// **Formula**: `ARPU = revenue / customers`; with MRR as `revenue` it is the monthly
/// ARPU of a subscription product. Use the same period for both (the customers paying
/// during the month the revenue covers). **Unit**: money per customer (per period).
///
/// **Errors**: `revenue` negative or not finite
/// ([`InvalidInput`](crate::Error::InvalidInput)); `customers` = 0
/// ([`Undefined`](crate::Error::Undefined)).
///
/// **Source**: Investopedia, "Average Revenue Per User (ARPU)".
///
/// ```
/// // MRR of $5,000 from 100 customers → $50 each.
/// assert_eq!(pmkit::metrics::average_revenue_per_user(5_000.0, 100)?, 50.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn average_revenue_per_user(revenue: f64, customers: u64) -> Result<f64> {
    input::non_negative("revenue", revenue)?;
    if customers == 0 {
        return Err(Error::undefined(
            "customers",
            "is 0, so the revenue per customer is undefined",
        ));
    }
    // u64 → f64 rounds only above 2^53 customers.
    Ok(revenue / customers as f64)
}

/// Customer lifetime value (CLV): what an average customer brings in over the whole
/// relationship.
///
/// **Formula**: `CLV = average_purchase_value × purchase_frequency × customer_lifespan
/// × margin`, with `purchase_frequency` in purchases per period and
/// `customer_lifespan` in the same periods (purchases per year and years, or per
/// month and months). **Variants**: [`LifetimeValueOptions::margin`] 1.0 gives the
/// revenue CLV, a gross margin (0.6) the profit CLV. This simple model does not
/// discount future purchases. With a retention fit
/// ([`LifetimeValueOptions::sbg_alpha`] and `sbg_beta`, from
/// [`fit_sbg`](super::fit_sbg)) the lifespan is no longer a guess:
/// `customer_lifespan` becomes the horizon H (whole periods of the fit) and the
/// lifespan the expected paying periods within it, each discounted,
/// `Σ_{t=0..H−1} S(t) / (1 + discount_rate)^t` with S the fit's survival (payment at
/// the start of each period; as H grows this tends to Fader & Hardie's DEL, the fit's
/// `discounted_expected_lifetime`). **Unit**: money per customer.
///
/// **Errors**: an input negative or not finite
/// ([`InvalidInput`](crate::Error::InvalidInput)); `margin` outside 0..=1
/// ([`OutOfRange`](crate::Error::OutOfRange)); a result too large for an `f64`
/// ([`OutOfRange`](crate::Error::OutOfRange)). With the sBG variant: only one of
/// `sbg_alpha` and `sbg_beta` given, or `discount_rate` without them
/// ([`InvalidInput`](crate::Error::InvalidInput)); α or β not positive, the horizon not
/// a whole number or above [`MAX_CLV_HORIZON_PERIODS`], a discount rate negative.
///
/// **Source**: Shopify, "Customer Lifetime Value (CLV)"; Harvard Business School
/// Online, "What Is Customer Lifetime Value?" (value × frequency × lifespan). The sBG
/// variant: Fader & Hardie (2010), "Customer-Base Valuation in a Contractual Setting",
/// *Marketing Science* 29(1), 85–93 (E(CLV) = m · DEL).
///
/// ```
/// use pmkit::metrics::{customer_lifetime_value, LifetimeValueOptions};
///
/// // $300 a purchase, 5 purchases a year, 2 years: $3,000 of revenue.
/// let revenue = LifetimeValueOptions::default();
/// assert_eq!(customer_lifetime_value(300.0, 5.0, 2.0, &revenue)?, 3_000.0);
/// // At a 40 % gross margin, $1,200 of profit.
/// let profit = LifetimeValueOptions { margin: 0.4, ..LifetimeValueOptions::default() };
/// assert!((customer_lifetime_value(300.0, 5.0, 2.0, &profit)? - 1_200.0).abs() < 1e-9);
/// // A $100 yearly subscription, retention fitted by sBG (α = 1, β = 1: S(t) = 1 / (t + 1)),
/// // over 2 years undiscounted: 100 × (1 + 1/2) = 150.
/// let sbg = LifetimeValueOptions { sbg_alpha: Some(1.0), sbg_beta: Some(1.0), ..LifetimeValueOptions::default() };
/// assert!((customer_lifetime_value(100.0, 1.0, 2.0, &sbg)? - 150.0).abs() < 1e-9);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn customer_lifetime_value(
    average_purchase_value: f64,
    purchase_frequency: f64,
    customer_lifespan: f64,
    options: &LifetimeValueOptions,
) -> Result<f64> {
    let margin = options.margin;
    input::non_negative("average_purchase_value", average_purchase_value)?;
    input::non_negative("purchase_frequency", purchase_frequency)?;
    input::non_negative("customer_lifespan", customer_lifespan)?;
    input::finite("margin", margin)?;
    if !(0.0..=1.0).contains(&margin) {
        return Err(Error::out_of_range(
            "margin",
            format!("{margin} is outside 0..=1; give the margin as a fraction (0.4 = 40 %)"),
        ));
    }
    let lifespan = match (options.sbg_alpha, options.sbg_beta) {
        (None, None) if options.discount_rate == 0.0 => customer_lifespan,
        (None, None) => return Err(Error::invalid(
            "discount_rate",
            "applies to the sBG variant only; give sbg_alpha and sbg_beta too, or leave it at 0",
        )),
        (Some(alpha), Some(beta)) => {
            sbg_paying_periods(alpha, beta, customer_lifespan, options.discount_rate)?
        }
        (Some(_), None) => {
            return Err(Error::invalid(
                "sbg_beta",
                "is missing; give both sbg_alpha and sbg_beta",
            ))
        }
        (None, Some(_)) => {
            return Err(Error::invalid(
                "sbg_alpha",
                "is missing; give both sbg_alpha and sbg_beta",
            ))
        }
    };
    representable(
        "customer_lifespan",
        average_purchase_value * purchase_frequency * lifespan * margin,
    )
}

/// The expected paying periods within `horizon` periods of a new customer under an
/// sBG retention fit, each discounted: Σ_{t=0..H−1} S(t) / (1 + rate)^t.
fn sbg_paying_periods(alpha: f64, beta: f64, horizon: f64, rate: f64) -> Result<f64> {
    input::positive("sbg_alpha", alpha)?;
    input::positive("sbg_beta", beta)?;
    input::non_negative("discount_rate", rate)?;
    if horizon.fract() != 0.0 || horizon > MAX_CLV_HORIZON_PERIODS {
        return Err(Error::out_of_range(
            "customer_lifespan",
            format!(
                "{horizon} is not a whole number of periods up to {MAX_CLV_HORIZON_PERIODS}; with sbg_alpha and sbg_beta it is the horizon in the fit's periods"
            ),
        ));
    }
    let discount = 1.0 / (1.0 + rate);
    let mut sum = 0.0;
    let mut weight = 1.0; // S(t) / (1 + rate)^t, starting at t = 0
    for t in 0..horizon as u64 {
        sum += weight;
        let t = t as f64;
        weight *= (beta + t) / (alpha + beta + t) * discount;
    }
    Ok(sum)
}

/// Market share: the product's part of its whole market.
///
/// **Formula**: `product_revenue / total_market`, both over the same period and in the
/// same unit: revenue (value share) or units sold (volume share). **Unit**: fraction.
///
/// **Errors**: an input negative or not finite
/// ([`InvalidInput`](crate::Error::InvalidInput)); `total_market` = 0
/// ([`Undefined`](crate::Error::Undefined)); `product_revenue` greater than
/// `total_market` ([`OutOfRange`](crate::Error::OutOfRange)): the market total must
/// include the product.
///
/// **Source**: Investopedia, "Market Share: What It Is and Formula to Calculate It"
/// (a company's sales over the total sales of its industry).
///
/// ```
/// // $2.6 M of revenue in a $48 M market → about 5.4 %.
/// let share = pmkit::metrics::market_share(2_600_000.0, 48_000_000.0)?;
/// assert!((share - 0.054_166_666_666_666_67).abs() < 1e-15);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn market_share(product_revenue: f64, total_market: f64) -> Result<f64> {
    input::non_negative("product_revenue", product_revenue)?;
    input::positive("total_market", total_market)?;
    if product_revenue > total_market {
        return Err(Error::out_of_range(
            "product_revenue",
            format!(
                "{product_revenue} is more than total_market ({total_market}); \
                 the market total must include the product"
            ),
        ));
    }
    Ok(product_revenue / total_market)
}

/// Forecast attainment: how much of a revenue or profit forecast was achieved.
///
/// **Formula**: `actual / forecast`. **Unit**: fraction of the forecast: 1.0 means the
/// forecast was met exactly, above 1.0 beaten, below 1.0 missed (0.9 = 10 % short).
/// `actual` may be negative (a loss against a profit forecast), which gives a negative
/// attainment; `forecast` must be positive, since a ratio to a zero or negative target
/// does not say how close the product came.
///
/// **Errors**: `actual` not finite, `forecast` negative or not finite
/// ([`InvalidInput`](crate::Error::InvalidInput)); `forecast` = 0
/// ([`Undefined`](crate::Error::Undefined)); a result too large for an `f64`
/// ([`OutOfRange`](crate::Error::OutOfRange)).
///
/// **Source**: the seed's product-manager KPI "the product's ability to meet its
/// revenue and profitability forecasts"; Investopedia, "Sales Forecasting" (actual
/// versus forecast sales).
///
/// ```
/// // $1.14 M actual against a $1.2 M forecast → 95 % attained.
/// let attained = pmkit::metrics::forecast_attainment(1_140_000.0, 1_200_000.0)?;
/// assert!((attained - 0.95).abs() < 1e-12);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn forecast_attainment(actual: f64, forecast: f64) -> Result<f64> {
    input::finite("actual", actual)?;
    input::positive("forecast", forecast)?;
    representable("forecast", actual / forecast)
}

/// `value` if an `f64` holds it; valid inputs can still overflow to infinity.
fn representable(field: &str, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::out_of_range(
            field,
            "makes the result too large for a 64-bit float; check the units of the inputs",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn return_on_investment_with(gain: f64, cost: f64, years: Option<f64>) -> Result<f64> {
        return_on_investment(gain, cost, &RoiOptions { years })
    }

    fn customer_lifetime_value_with(
        value: f64,
        frequency: f64,
        lifespan: f64,
        margin: f64,
    ) -> Result<f64> {
        customer_lifetime_value(
            value,
            frequency,
            lifespan,
            &LifetimeValueOptions {
                margin,
                ..LifetimeValueOptions::default()
            },
        )
    }
    use crate::ErrorKind;

    fn close(got: f64, want: f64) -> bool {
        (got - want).abs() <= 1e-12 * want.abs().max(1.0)
    }

    #[test]
    fn roi_simple_and_annualized() {
        assert!(close(
            return_on_investment_with(1_200.0, 1_000.0, None).unwrap(),
            0.2
        ));
        // A loss: $800 back from $1,000 is −20 %; nothing back is −100 %.
        assert!(close(
            return_on_investment_with(800.0, 1_000.0, None).unwrap(),
            -0.2
        ));
        assert_eq!(return_on_investment_with(0.0, 1_000.0, None).unwrap(), -1.0);
        // Doubling in 1 year is 100 % a year; in 2 years √2 − 1.
        assert!(close(
            return_on_investment_with(2_000.0, 1_000.0, Some(1.0)).unwrap(),
            1.0
        ));
        assert!(close(
            return_on_investment_with(2_000.0, 1_000.0, Some(2.0)).unwrap(),
            std::f64::consts::SQRT_2 - 1.0
        ));
        // Half a year: the return compounds up (1.1² − 1 = 0.21).
        assert!(close(
            return_on_investment_with(1_100.0, 1_000.0, Some(0.5)).unwrap(),
            0.21
        ));
    }

    #[test]
    fn roi_errors() {
        let err = return_on_investment_with(100.0, 0.0, None).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "cost"));
        let err = return_on_investment_with(-1.0, 10.0, None).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::InvalidInput, "gain"));
        let err = return_on_investment_with(100.0, 10.0, Some(0.0)).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "years"));
        let err = return_on_investment_with(f64::NAN, 10.0, None).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        let err = return_on_investment_with(f64::MAX, 1e-300, None).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "cost"));
        let err = return_on_investment_with(1e300, 1e-300, Some(0.5)).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "years"));
    }

    #[test]
    fn revenue_sums_price_times_quantity() {
        assert_eq!(
            product_revenue(&[10.0, 2.5, 0.0], &[3.0, 4.0, 100.0]).unwrap(),
            40.0
        );
        assert_eq!(product_revenue(&[], &[]).unwrap(), 0.0);
        // Fractional quantities are fine (2.5 hours at $80).
        assert_eq!(product_revenue(&[80.0], &[2.5]).unwrap(), 200.0);
    }

    #[test]
    fn revenue_errors_name_the_line() {
        let err = product_revenue(&[1.0, 2.0], &[1.0]).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "quantities")
        );
        let err = product_revenue(&[1.0, -2.0], &[1.0, 1.0]).unwrap_err();
        assert_eq!(err.field(), "prices[1]");
        let err = product_revenue(&[1.0, 2.0], &[1.0, f64::INFINITY]).unwrap_err();
        assert_eq!(err.field(), "quantities[1]");
        let err = product_revenue(&[f64::MAX, f64::MAX], &[1.0, 1.0]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OutOfRange);
    }

    #[test]
    fn mrr_and_arpu() {
        // Indie Hackers: 5 × $50, 3 × $100, 2 annual plans of $500.
        let mut fees = vec![50.0; 5];
        fees.extend([100.0; 3]);
        fees.extend([500.0 / 12.0; 2]);
        assert!(close(
            monthly_recurring_revenue(&fees).unwrap(),
            550.0 + 1_000.0 / 12.0
        ));
        assert_eq!(monthly_recurring_revenue(&[]).unwrap(), 0.0);
        let err = monthly_recurring_revenue(&[10.0, -1.0]).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "monthly_fees[1]")
        );
        assert_eq!(average_revenue_per_user(5_000.0, 100).unwrap(), 50.0);
        assert_eq!(average_revenue_per_user(0.0, 3).unwrap(), 0.0);
        let err = average_revenue_per_user(5_000.0, 0).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "customers")
        );
        let err = average_revenue_per_user(-5.0, 2).unwrap_err();
        assert_eq!(err.field(), "revenue");
    }

    #[test]
    fn clv_margin_bounds() {
        assert_eq!(
            customer_lifetime_value_with(20.0, 12.0, 3.0, 1.0).unwrap(),
            720.0
        );
        assert_eq!(
            customer_lifetime_value_with(20.0, 12.0, 3.0, 0.0).unwrap(),
            0.0
        );
        let err = customer_lifetime_value_with(20.0, 12.0, 3.0, 1.5).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "margin"));
        let err = customer_lifetime_value_with(20.0, 12.0, 3.0, -0.1).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "margin"));
        let err = customer_lifetime_value_with(20.0, -1.0, 3.0, 1.0).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "purchase_frequency")
        );
        let err = customer_lifetime_value_with(1e200, 1e200, 1.0, 1.0).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OutOfRange);
    }

    #[test]
    fn market_share_part_of_whole() {
        assert_eq!(market_share(25.0, 100.0).unwrap(), 0.25);
        assert_eq!(market_share(100.0, 100.0).unwrap(), 1.0);
        assert_eq!(market_share(0.0, 100.0).unwrap(), 0.0);
        let err = market_share(101.0, 100.0).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "product_revenue")
        );
        let err = market_share(0.0, 0.0).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "total_market")
        );
    }

    #[test]
    fn forecast_attainment_around_one() {
        assert_eq!(forecast_attainment(100.0, 100.0).unwrap(), 1.0);
        assert_eq!(forecast_attainment(150.0, 100.0).unwrap(), 1.5);
        // A loss of 20 against a profit forecast of 100.
        assert_eq!(forecast_attainment(-20.0, 100.0).unwrap(), -0.2);
        let err = forecast_attainment(100.0, 0.0).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "forecast")
        );
        let err = forecast_attainment(100.0, -50.0).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "forecast")
        );
        let err = forecast_attainment(f64::NAN, 50.0).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "actual")
        );
    }

    #[test]
    fn lifetime_value_with_an_sbg_fit() {
        let sbg = |alpha, beta, rate| LifetimeValueOptions {
            sbg_alpha: alpha,
            sbg_beta: beta,
            discount_rate: rate,
            ..LifetimeValueOptions::default()
        };
        // α = β = 1: S(t) = 1 / (t + 1); 3 periods at 10 %: 1 + 0.5 / 1.1 + (1/3) / 1.21.
        let expected = 1.0 + 0.5 / 1.1 + 1.0 / 3.0 / 1.21;
        let clv = customer_lifetime_value(10.0, 1.0, 3.0, &sbg(Some(1.0), Some(1.0), 0.1)).unwrap();
        assert!((clv - 10.0 * expected).abs() < 1e-12);
        // A long horizon tends to the fit's DEL.
        let fit = crate::metrics::fit_sbg(
            &[1000, 631, 468, 382, 326, 289, 262, 241],
            &crate::metrics::SbgOptions::default(),
        )
        .unwrap();
        let options = sbg(Some(fit.alpha), Some(fit.beta), 0.1);
        let clv = customer_lifetime_value(1.0, 1.0, 100_000.0, &options).unwrap();
        assert!((clv - fit.discounted_expected_lifetime).abs() < 1e-9);
        for (options, field) in [
            (sbg(Some(1.0), None, 0.0), "sbg_beta"),
            (sbg(None, Some(1.0), 0.0), "sbg_alpha"),
            (sbg(None, None, 0.1), "discount_rate"),
            (sbg(Some(-1.0), Some(1.0), 0.0), "sbg_alpha"),
            (sbg(Some(1.0), Some(0.0), 0.0), "sbg_beta"),
            (sbg(Some(1.0), Some(1.0), -0.1), "discount_rate"),
        ] {
            let err = customer_lifetime_value(1.0, 1.0, 3.0, &options).unwrap_err();
            assert_eq!(err.field(), field);
        }
        for horizon in [2.5, 100_001.0] {
            let err = customer_lifetime_value(1.0, 1.0, horizon, &sbg(Some(1.0), Some(1.0), 0.0))
                .unwrap_err();
            assert_eq!(err.field(), "customer_lifespan");
        }
    }
}
