//! Growth and usage: conversion, funnels, feature adoption, stickiness, churn, retention.

use serde::{Deserialize, Serialize};

use crate::{input, Error, Result};

/// Conversion rate: the share of visitors (or users) who took the desired action.
///
/// **Formula**: `conversions / visitors`. **Unit**: fraction (0.03 = 3 %).
///
/// **Errors**: `visitors` is 0 ([`Undefined`](crate::Error::Undefined));
/// `conversions` greater than `visitors` ([`OutOfRange`](crate::Error::OutOfRange)):
/// count unique converting visitors, not conversion events.
///
/// **Source**: Google Analytics Help, "Conversion rate"; Shopify, "What Is
/// Conversion Rate?" (2,000 visitors, 60 orders → 3 %).
///
/// ```
/// assert_eq!(pmkit::metrics::conversion_rate(60, 2_000)?, 0.03);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn conversion_rate(conversions: u64, visitors: u64) -> Result<f64> {
    let rate = input::ratio(conversions, "visitors", visitors)?;
    input::at_most("conversions", conversions, "visitors", visitors)?;
    Ok(rate)
}

/// The result of [`funnel_conversion`]: how many people move from each step to the next.
///
/// Lists run in funnel order. With `n` steps, `step_rates` and `drop_off` have `n − 1`
/// entries (entry `i` is the move from step `i` to step `i + 1`) and `cumulative_rates` has
/// `n` entries (entry `i` is step `i` against the first step).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FunnelConversion {
    /// `steps[i + 1] / steps[i]`: the conversion from one step to the next, as a
    /// fraction; `None` (`null` in JSON) when nobody reached step `i`, since a rate of
    /// nobody is undefined (it is not 0 %).
    pub step_rates: Vec<Option<f64>>,
    /// `steps[i] / steps[0]`: the share of the people entering the funnel who reached
    /// step `i` (1.0 for the first step).
    pub cumulative_rates: Vec<f64>,
    /// `steps[i] − steps[i + 1]`: how many people were lost between step `i` and the next.
    pub drop_off: Vec<u64>,
    /// `last / first`: the conversion through the whole funnel (the last `cumulative_rates`).
    pub overall: f64,
}

/// Funnel conversion: step-by-step and overall conversion through an ordered funnel
/// (visit → sign-up → activation → purchase).
///
/// **Input**: `steps[i]` is the number of unique people who reached step `i`, in funnel
/// order; every step is a subset of the one before, so counts never increase.
/// **Output**: a [`FunnelConversion`] with the rate of each step to the next, each
/// step's share of the funnel's entrants, the people lost at each step, and the
/// overall rate `last / first`. **Unit**: fractions; `drop_off` in people.
///
/// **Errors**: fewer than 2 steps, or a first step of 0 people
/// ([`Undefined`](crate::Error::Undefined), `steps` or `steps[0]`); a step with more
/// people than the step before ([`OutOfRange`](crate::Error::OutOfRange), naming the
/// larger step `steps[i]`): count unique people per step, not events.
///
/// **Source**: Mixpanel Docs, "Funnels" (conversion from the previous step and overall);
/// Amplitude, "Funnel Analysis" (conversion and drop-off per step).
///
/// ```
/// use pmkit::metrics::funnel_conversion;
///
/// // 1,000 visitors, 200 sign up, 50 activate, 10 buy.
/// let funnel = funnel_conversion(&[1_000, 200, 50, 10])?;
/// assert_eq!(funnel.step_rates, vec![Some(0.2), Some(0.25), Some(0.2)]);
/// assert_eq!(funnel.cumulative_rates, vec![1.0, 0.2, 0.05, 0.01]);
/// assert_eq!(funnel.drop_off, vec![800, 150, 40]);
/// assert_eq!(funnel.overall, 0.01);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn funnel_conversion(steps: &[u64]) -> Result<FunnelConversion> {
    let (&first, rest) = match steps.split_first() {
        Some(split) if !split.1.is_empty() => split,
        _ => {
            return Err(Error::undefined(
                "steps",
                format!(
                    "has {} step(s); a funnel needs at least 2 to have a conversion",
                    steps.len()
                ),
            ))
        }
    };
    let mut step_rates = Vec::with_capacity(rest.len());
    let mut drop_off = Vec::with_capacity(rest.len());
    let mut previous = first;
    for (offset, &count) in rest.iter().enumerate() {
        if count > previous {
            return Err(Error::out_of_range(
                format!("steps[{}]", offset + 1),
                format!(
                    "{count} people is more than the step before ({previous}); each step \
                     must be a subset of the one before, so count unique people, not events"
                ),
            ));
        }
        // u64 → f64 rounds only above 2^53 people.
        step_rates.push((previous > 0).then(|| count as f64 / previous as f64));
        drop_off.push(previous - count);
        previous = count;
    }
    if first == 0 {
        return Err(Error::undefined(
            "steps[0]",
            "is 0: nobody entered the funnel, so its conversion is undefined",
        ));
    }
    let cumulative_rates: Vec<f64> = steps
        .iter()
        .map(|&count| count as f64 / first as f64)
        .collect();
    Ok(FunnelConversion {
        step_rates,
        overall: previous as f64 / first as f64,
        cumulative_rates,
        drop_off,
    })
}

/// Feature adoption rate: the share of active users who used a feature.
///
/// **Formula**: `feature_users / active_users`, both counted as unique users over the
/// same window (for a new feature, usually the days or weeks since its release).
/// **Unit**: fraction.
///
/// **Errors**: `active_users` = 0 ([`Undefined`](crate::Error::Undefined));
/// `feature_users` greater than `active_users`
/// ([`OutOfRange`](crate::Error::OutOfRange)): feature users are a subset of the
/// active users of the same window.
///
/// **Source**: Amplitude, "Feature Adoption" (feature users / active users over a
/// period); Pendo, "Feature adoption rate".
///
/// ```
/// // 1,200 of 8,000 weekly active users tried the new export.
/// assert_eq!(pmkit::metrics::feature_adoption_rate(1_200, 8_000)?, 0.15);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn feature_adoption_rate(feature_users: u64, active_users: u64) -> Result<f64> {
    let rate = input::ratio(feature_users, "active_users", active_users)?;
    input::at_most("feature_users", feature_users, "active_users", active_users)?;
    Ok(rate)
}

/// Stickiness: the DAU/MAU ratio, how much of the monthly audience shows up on a day.
///
/// **Formula**: `dau / mau`, where `dau` is daily active users (usually the average
/// over the month's days, hence a float) and `mau` the unique users active in that
/// month. **Unit**: fraction; 0.25 means the typical monthly user is active about one
/// day in four.
///
/// **Errors**: an input negative or not finite
/// ([`InvalidInput`](crate::Error::InvalidInput)); `mau` = 0
/// ([`Undefined`](crate::Error::Undefined)); `dau` greater than `mau`
/// ([`OutOfRange`](crate::Error::OutOfRange)): a day's users are among the month's.
///
/// **Source**: Mixpanel, "DAU/MAU" (mean daily unique users over the month's unique
/// users); a16z, "16 Startup Metrics".
///
/// ```
/// // 1,000 daily of 4,000 monthly active users → 25 %.
/// assert_eq!(pmkit::metrics::stickiness(1_000.0, 4_000.0)?, 0.25);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn stickiness(dau: f64, mau: f64) -> Result<f64> {
    input::non_negative("dau", dau)?;
    input::positive("mau", mau)?;
    if dau > mau {
        return Err(Error::out_of_range(
            "dau",
            format!("{dau} is more than mau ({mau}); a day's users are among the month's"),
        ));
    }
    Ok(dau / mau)
}

/// The denominator of [`churn_rate`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChurnMethod {
    /// `lost / customers_at_start`: the classic period churn. It ignores customers
    /// who joined during the period, so it can exceed 1.0 when many of them left too.
    #[default]
    Start,
    /// `lost / ((customers_at_start + customers_at_end) / 2)`, with
    /// `customers_at_end = customers_at_start − lost + new`: smooths a base that grew
    /// or shrank a lot during the period.
    Average,
    /// `lost / (customers_at_start + new_customers)`: over every customer served during
    /// the period, so it never exceeds 1.0.
    Serviced,
}

impl ChurnMethod {
    /// Every method, the default first.
    pub const ALL: [ChurnMethod; 3] = [
        ChurnMethod::Start,
        ChurnMethod::Average,
        ChurnMethod::Serviced,
    ];

    /// The snake_case name used in JSON and in every language (`"average"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            ChurnMethod::Start => "start",
            ChurnMethod::Average => "average",
            ChurnMethod::Serviced => "serviced",
        }
    }

    /// Parses `"start"`, `"average"` or `"serviced"`; `field` names the parameter.
    ///
    /// ```
    /// use pmkit::metrics::ChurnMethod;
    /// assert_eq!(ChurnMethod::parse("method", "average")?, ChurnMethod::Average);
    /// assert!(ChurnMethod::parse("method", "end").is_err());
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn parse(field: &str, text: &str) -> Result<ChurnMethod> {
        ChurnMethod::ALL
            .into_iter()
            .find(|method| method.as_str() == text)
            .ok_or_else(|| {
                Error::parse(
                    field,
                    format!(
                        "unknown churn method {text:?}; expected \"start\", \"average\" or \"serviced\""
                    ),
                )
            })
    }
}

impl std::fmt::Display for ChurnMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The options of [`churn_rate`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ChurnOptions {
    /// Customers who joined during the period. Default 0; only the `"average"` and
    /// `"serviced"` methods use it (and the check that no more were lost than served).
    #[serde(deserialize_with = "input::deserialize_count")]
    pub new_customers: u64,
    /// The denominator: `"start"` (the default), `"average"` or `"serviced"`.
    pub method: ChurnMethod,
}

/// Customer churn rate: the share of customers lost over a period.
///
/// **Formula**: `customers_lost / denominator`, where the denominator depends on
/// `options.method` ([`ChurnMethod`]): customers at the start (the default), the
/// average of the customers at start and at end, or every customer serviced (start +
/// new). `options.new_customers` (joined during the period) only matters to the last
/// two. **Unit**:
/// fraction.
///
/// **Errors**: `customers_lost` greater than `customers_at_start + new_customers`
/// ([`OutOfRange`](crate::Error::OutOfRange)); a denominator of 0
/// ([`Undefined`](crate::Error::Undefined), field `customers_at_start`).
///
/// **Source**: HubSpot, "How to Calculate Churn Rate" (lost / customers at start);
/// Investopedia, "Churn Rate: What It Is, How to Calculate and Reduce It". The average
/// and serviced denominators are the common adjustments for a base that changes size
/// within the period.
///
/// ```
/// use pmkit::metrics::{churn_rate, ChurnMethod, ChurnOptions};
///
/// // 250 customers at the start of the month, 10 cancelled → 4 %.
/// assert_eq!(churn_rate(250, 10, &ChurnOptions::default())?, 0.04);
/// // 1,000 at start, 50 lost, 200 new: 1,150 at the end, 1,075 on average.
/// let average = ChurnOptions { new_customers: 200, method: ChurnMethod::Average };
/// assert_eq!(churn_rate(1_000, 50, &average)?, 50.0 / 1_075.0);
/// let serviced = ChurnOptions { new_customers: 200, method: ChurnMethod::Serviced };
/// assert_eq!(churn_rate(1_000, 50, &serviced)?, 50.0 / 1_200.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn churn_rate(
    customers_at_start: u64,
    customers_lost: u64,
    options: &ChurnOptions,
) -> Result<f64> {
    let ChurnOptions {
        new_customers,
        method,
    } = *options;
    // u128: the sums of two u64 counts cannot overflow.
    let (start, lost, new) = (
        u128::from(customers_at_start),
        u128::from(customers_lost),
        u128::from(new_customers),
    );
    if lost > start + new {
        return Err(Error::out_of_range(
            "customers_lost",
            format!(
                "{customers_lost} is more than customers_at_start + new_customers \
                 ({}); only customers the period had can be lost",
                start + new
            ),
        ));
    }
    // Twice the denominator for the average method, so that it stays a whole number.
    let (denominator, halved) = match method {
        ChurnMethod::Start => (start, false),
        ChurnMethod::Average => (start + (start + new - lost), true),
        ChurnMethod::Serviced => (start + new, false),
    };
    if denominator == 0 {
        return Err(Error::undefined(
            "customers_at_start",
            format!("is 0 and the {method} churn denominator is 0, so the rate is undefined"),
        ));
    }
    // u128 → f64 rounds only above 2^53 customers.
    let denominator = denominator as f64;
    let denominator = if halved {
        denominator / 2.0
    } else {
        denominator
    };
    Ok(customers_lost as f64 / denominator)
}

/// Customer retention rate (CRR): the share of the customers at the start of a period
/// who are still customers at its end.
///
/// **Formula**: `CRR = (customers_at_end − new_customers) / customers_at_start`; new
/// customers are taken out of the end count so that acquisition cannot hide losses.
/// **Unit**: fraction. It equals 1 − churn (start method) when the counts agree.
///
/// **Errors**: `customers_at_start` = 0 ([`Undefined`](crate::Error::Undefined));
/// `new_customers` greater than `customers_at_end`, or `customers_at_end −
/// new_customers` greater than `customers_at_start`
/// ([`OutOfRange`](crate::Error::OutOfRange), naming `new_customers` or
/// `customers_at_end`).
///
/// **Source**: HubSpot, "How to Calculate Customer Retention Rate"
/// (`((E − N) / S) × 100`); Harvard Business School Online, "Customer Retention".
///
/// ```
/// // 100 customers at the start, 90 at the end of whom 10 are new → 80 % retained.
/// assert_eq!(pmkit::metrics::customer_retention_rate(100, 90, 10)?, 0.8);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn customer_retention_rate(
    customers_at_start: u64,
    customers_at_end: u64,
    new_customers: u64,
) -> Result<f64> {
    if customers_at_start == 0 {
        return Err(Error::undefined(
            "customers_at_start",
            "is 0, so the retention rate is undefined",
        ));
    }
    input::at_most(
        "new_customers",
        new_customers,
        "customers_at_end",
        customers_at_end,
    )?;
    let retained = customers_at_end - new_customers;
    if retained > customers_at_start {
        return Err(Error::out_of_range(
            "customers_at_end",
            format!(
                "{customers_at_end} − {new_customers} new = {retained} retained, more than \
                 customers_at_start ({customers_at_start}); count new customers in new_customers"
            ),
        ));
    }
    input::ratio(retained, "customers_at_start", customers_at_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn churn_rate_with(
        customers_at_start: u64,
        customers_lost: u64,
        new_customers: u64,
        method: ChurnMethod,
    ) -> Result<f64> {
        let options = ChurnOptions {
            new_customers,
            method,
        };
        churn_rate(customers_at_start, customers_lost, &options)
    }
    use crate::ErrorKind;

    #[test]
    fn conversion_rate_part_of_whole() {
        assert_eq!(conversion_rate(60, 2_000).unwrap(), 0.03);
        let err = conversion_rate(11, 10).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "conversions")
        );
    }

    #[test]
    fn funnel_rates_drop_off_and_overall() {
        let funnel = funnel_conversion(&[400, 100, 100, 25]).unwrap();
        assert_eq!(funnel.step_rates, vec![Some(0.25), Some(1.0), Some(0.25)]);
        assert_eq!(funnel.cumulative_rates, vec![1.0, 0.25, 0.25, 0.0625]);
        assert_eq!(funnel.drop_off, vec![300, 0, 75]);
        assert_eq!(funnel.overall, 0.0625);
    }

    #[test]
    fn funnel_step_after_an_empty_step_is_null() {
        let funnel = funnel_conversion(&[10, 0, 0]).unwrap();
        assert_eq!(funnel.step_rates, vec![Some(0.0), None]);
        assert_eq!(funnel.drop_off, vec![10, 0]);
        assert_eq!(funnel.overall, 0.0);
    }

    #[test]
    fn funnel_errors() {
        let err = funnel_conversion(&[100, 50, 60]).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "steps[2]")
        );
        let err = funnel_conversion(&[100]).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "steps"));
        let err = funnel_conversion(&[]).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "steps"));
        let err = funnel_conversion(&[0, 0]).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "steps[0]")
        );
    }

    #[test]
    fn adoption_and_stickiness() {
        assert_eq!(feature_adoption_rate(0, 10).unwrap(), 0.0);
        assert_eq!(feature_adoption_rate(10, 10).unwrap(), 1.0);
        let err = feature_adoption_rate(11, 10).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "feature_users")
        );
        let err = feature_adoption_rate(0, 0).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "active_users")
        );
        // An average DAU need not be whole: 312.5 of 1,250.
        assert_eq!(stickiness(312.5, 1_250.0).unwrap(), 0.25);
        let err = stickiness(10.0, 0.0).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "mau"));
        let err = stickiness(11.0, 10.0).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "dau"));
        let err = stickiness(f64::NAN, 10.0).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::InvalidInput, "dau"));
    }

    #[test]
    fn churn_methods() {
        // 10 at start, 10 new, 15 lost: start churn exceeds 1, serviced does not.
        assert_eq!(
            churn_rate_with(10, 15, 10, ChurnMethod::Start).unwrap(),
            1.5
        );
        assert_eq!(
            churn_rate_with(10, 15, 10, ChurnMethod::Serviced).unwrap(),
            0.75
        );
        // End = 10 − 15 + 10 = 5; average (10 + 5) / 2 = 7.5.
        assert_eq!(
            churn_rate_with(10, 15, 10, ChurnMethod::Average).unwrap(),
            2.0
        );
        assert_eq!(
            churn_rate_with(200, 0, 0, ChurnMethod::Average).unwrap(),
            0.0
        );
        // Huge counts do not overflow the sums.
        let rate = churn_rate_with(u64::MAX, u64::MAX, u64::MAX, ChurnMethod::Serviced).unwrap();
        assert_eq!(rate, 0.5);
    }

    #[test]
    fn churn_errors() {
        let err = churn_rate_with(10, 21, 10, ChurnMethod::Start).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "customers_lost")
        );
        let err = churn_rate_with(0, 0, 5, ChurnMethod::Start).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "customers_at_start")
        );
        // No customers at start and all 5 new ones lost: average of 0 and 0.
        let err = churn_rate_with(0, 5, 5, ChurnMethod::Average).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Undefined);
        assert_eq!(
            churn_rate_with(0, 5, 5, ChurnMethod::Serviced).unwrap(),
            1.0
        );
        let err = churn_rate_with(0, 0, 0, ChurnMethod::Serviced).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Undefined);
    }

    #[test]
    fn churn_method_names_round_trip() {
        for method in ChurnMethod::ALL {
            assert_eq!(ChurnMethod::parse("method", method.as_str()), Ok(method));
        }
        assert_eq!(ChurnMethod::default(), ChurnMethod::Start);
        let err = ChurnMethod::parse("method", "beginning").unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "method"));
    }

    #[test]
    fn retention() {
        // 500 at start, 100 new, 550 at the end: 450 of 500 kept.
        assert_eq!(customer_retention_rate(500, 550, 100).unwrap(), 0.9);
        assert_eq!(customer_retention_rate(10, 10, 0).unwrap(), 1.0);
        assert_eq!(customer_retention_rate(10, 5, 5).unwrap(), 0.0);
        // Retention and start-churn agree: 100 at start, 20 lost, 10 new → 90 at end.
        let churn = churn_rate_with(100, 20, 10, ChurnMethod::Start).unwrap();
        assert_eq!(customer_retention_rate(100, 90, 10).unwrap(), 1.0 - churn);
    }

    #[test]
    fn retention_errors() {
        let err = customer_retention_rate(0, 10, 10).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "customers_at_start")
        );
        let err = customer_retention_rate(100, 10, 11).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "new_customers")
        );
        let err = customer_retention_rate(100, 120, 10).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "customers_at_end")
        );
    }
}
