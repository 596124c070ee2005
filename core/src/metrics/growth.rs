//! Growth and usage: conversion, funnels, feature adoption, stickiness, churn, retention.

use crate::{input, Result};

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
