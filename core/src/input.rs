//! Input checks shared by every module, and conversions the bindings use.
//!
//! Python and JavaScript hand pmkit numbers as floats; these helpers turn them into
//! the core's types (a count is a whole number ≥ 0) with an [`Error`] that names the
//! field, so every language reports the same message for the same bad input.

use crate::{Error, Result};

/// The name of the input a check is about, built only when the check fails: a loop
/// over ten million valid answers must not format `responses[i]` ten million times.
/// Any `&str` or `&String` is a field, and so is [`Indexed`].
pub trait Field: Copy {
    /// The field's name, for the error.
    fn name(self) -> String;
}

impl<T: AsRef<str> + ?Sized> Field for &T {
    fn name(self) -> String {
        self.as_ref().to_owned()
    }
}

/// The element `index` of the input `name`: `responses[3]`.
///
/// ```
/// use pmkit::input::{non_negative, Indexed};
/// let err = non_negative(Indexed("monthly_fees", 3), -1.0).unwrap_err();
/// assert_eq!(err.field(), "monthly_fees[3]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Indexed<'a>(pub &'a str, pub usize);

impl Field for Indexed<'_> {
    fn name(self) -> String {
        format!("{}[{}]", self.0, self.1)
    }
}

/// A finite number (not NaN, not ±∞).
#[inline]
pub fn finite(field: impl Field, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::invalid(
            field.name(),
            format!("{value} is not a finite number"),
        ))
    }
}

/// A finite number ≥ 0.
#[inline]
pub fn non_negative(field: impl Field, value: f64) -> Result<f64> {
    finite(field, value)?;
    if value < 0.0 {
        return Err(Error::invalid(
            field.name(),
            format!("{value} is negative; it must be ≥ 0"),
        ));
    }
    Ok(value)
}

/// The largest estimate pmkit accepts, in points (or any estimate unit): 10¹².
///
/// Story points, sprint points and roadmap estimates are summed, averaged and divided
/// (point totals, MoSCoW effort shares, velocity, roadmap progress, feasibility). With
/// every estimate at most 10¹² a sum over even 10¹⁸ items stays far inside f64, so
/// no total, mean or ratio of valid estimates can overflow to infinity or NaN. Real
/// estimates are below 10⁴; the cap only refuses values that are not estimates.
pub const MAX_POINTS: f64 = 1e12;

/// An estimate in points: a finite number in `0..=`[`MAX_POINTS`].
///
/// **Errors**: NaN, infinite or negative ([`Error::InvalidInput`]); above
/// [`MAX_POINTS`] ([`Error::OutOfRange`]).
///
/// ```
/// use pmkit::input::points;
/// assert_eq!(points("estimate", 8.0)?, 8.0);
/// assert_eq!(points("estimate", 1.7e308).unwrap_err().field(), "estimate");
/// # Ok::<(), pmkit::Error>(())
/// ```
#[inline]
pub fn points(field: impl Field, value: f64) -> Result<f64> {
    non_negative(field, value)?;
    if value > MAX_POINTS {
        return Err(Error::out_of_range(
            field.name(),
            format!("{value} points is above the limit of {MAX_POINTS:e}; estimates are at most 10^12 points so their totals cannot overflow"),
        ));
    }
    Ok(value)
}

/// A finite number > 0. Zero is [`Error::Undefined`] because it is the denominator
/// case (a rate over nothing); negative is [`Error::InvalidInput`].
#[inline]
pub fn positive(field: impl Field, value: f64) -> Result<f64> {
    non_negative(field, value)?;
    if value == 0.0 {
        return Err(Error::undefined(
            field.name(),
            "is 0, so the ratio is undefined",
        ));
    }
    Ok(value)
}

/// A count: a whole number ≥ 0 given as a float (how Python and JavaScript pass it).
///
/// ```
/// assert_eq!(pmkit::input::count("visitors", 12.0), Ok(12));
/// assert!(pmkit::input::count("visitors", 2.5).is_err());
/// assert!(pmkit::input::count("visitors", -1.0).is_err());
/// ```
#[inline]
pub fn count(field: impl Field, value: f64) -> Result<u64> {
    non_negative(field, value)?;
    // 2^53: beyond it a float no longer holds every whole number exactly.
    const MAX_EXACT: f64 = 9_007_199_254_740_992.0;
    if value.fract() != 0.0 {
        return Err(Error::invalid(
            field.name(),
            format!("{value} is not a whole number"),
        ));
    }
    if value > MAX_EXACT {
        return Err(Error::out_of_range(
            field.name(),
            format!("{value} is larger than 2^53"),
        ));
    }
    // Exact: value is a whole number in 0..=2^53.
    Ok(value as u64)
}

/// serde's `deserialize_with` for a count inside an options struct: a whole number
/// ≥ 0, given as an integer or as a whole float (JavaScript has only floats, and a
/// Python caller may write `5.0`). A fraction, a negative number, NaN, a boolean or
/// text is an error, so nothing is coerced silently.
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Options {
///     #[serde(deserialize_with = "pmkit::input::deserialize_count")]
///     window: u64,
/// }
/// let options: Options = serde_json::from_str(r#"{"window": 3.0}"#).unwrap();
/// assert_eq!(options.window, 3);
/// assert!(serde_json::from_str::<Options>(r#"{"window": 2.5}"#).is_err());
/// assert!(serde_json::from_str::<Options>(r#"{"window": true}"#).is_err());
/// assert!(serde_json::from_str::<Options>(r#"{"window": "3"}"#).is_err());
/// ```
pub fn deserialize_count<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<u64, D::Error> {
    struct CountVisitor;

    impl serde::de::Visitor<'_> for CountVisitor {
        type Value = u64;

        fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            formatter.write_str("a whole number, 0 or more")
        }

        fn visit_u64<E: serde::de::Error>(self, value: u64) -> std::result::Result<u64, E> {
            Ok(value)
        }

        fn visit_i64<E: serde::de::Error>(self, value: i64) -> std::result::Result<u64, E> {
            u64::try_from(value)
                .map_err(|_| E::custom(format!("{value} is negative; it must be ≥ 0")))
        }

        fn visit_f64<E: serde::de::Error>(self, value: f64) -> std::result::Result<u64, E> {
            count("", value).map_err(|err| E::custom(err.reason()))
        }
    }

    deserializer.deserialize_any(CountVisitor)
}

/// [`deserialize_count`] for an optional count (`None` stays `None`).
pub fn deserialize_optional_count<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Option<u64>, D::Error> {
    #[derive(serde::Deserialize)]
    struct Count(#[serde(deserialize_with = "deserialize_count")] u64);
    let value: Option<Count> = serde::Deserialize::deserialize(deserializer)?;
    Ok(value.map(|Count(count)| count))
}

/// Every element of `values` as a count (see [`count`]), fields named `field[i]`.
pub fn counts(field: &str, values: &[f64]) -> Result<Vec<u64>> {
    values
        .iter()
        .enumerate()
        .map(|(index, &value)| count(Indexed(field, index), value))
        .collect()
}

/// A whole-number score on the closed scale `min..=max` (survey answers).
#[inline]
pub fn score_on_scale(field: impl Field, value: f64, min: u32, max: u32) -> Result<u32> {
    finite(field, value)?;
    if value.fract() != 0.0 {
        return Err(Error::invalid(
            field.name(),
            format!(
                "{value} is not a whole number; answers on a {min}..={max} scale are whole numbers"
            ),
        ));
    }
    if value < f64::from(min) || value > f64::from(max) {
        return Err(Error::out_of_range(
            field.name(),
            format!("{value} is outside the {min}..={max} scale"),
        ));
    }
    // In range and whole, so the conversion is exact.
    Ok(value as u32)
}

/// Fails with [`Error::Undefined`] when `values` is empty.
pub fn non_empty<T>(field: &str, values: &[T]) -> Result<()> {
    if values.is_empty() {
        Err(Error::undefined(
            field,
            "is empty; at least one value is needed",
        ))
    } else {
        Ok(())
    }
}

/// Fails with [`Error::InvalidInput`] unless both slices have the same length.
pub fn same_length<A, B>(field: &str, values: &[A], other_field: &str, other: &[B]) -> Result<()> {
    if values.len() == other.len() {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!(
                "has {} values but {other_field} has {}; they must pair up one to one",
                values.len(),
                other.len()
            ),
        ))
    }
}

/// Fails with [`Error::OutOfRange`] when `part` exceeds `whole` (a subset larger than its set).
pub fn at_most(field: &str, part: u64, whole_field: &str, whole: u64) -> Result<()> {
    if part > whole {
        Err(Error::out_of_range(
            field,
            format!("{part} is more than {whole_field} ({whole})"),
        ))
    } else {
        Ok(())
    }
}

/// `numerator / denominator` as a fraction, undefined when the denominator is 0.
pub fn ratio(numerator: u64, denominator_field: &str, denominator: u64) -> Result<f64> {
    if denominator == 0 {
        return Err(Error::undefined(
            denominator_field,
            "is 0, so the rate is undefined",
        ));
    }
    // u64 → f64 rounds only above 2^53, far beyond any count of people or items.
    Ok(numerator as f64 / denominator as f64)
}

/// The calendar day `text` names: an ISO 8601 date (`"2026-11-28"`), or a date and
/// time. A time with `Z` or an offset (`"2026-11-28T23:30:00-05:00"`) is an instant,
/// and names its **UTC** day (`2026-11-29` here), as a JavaScript `Date` and a
/// time-zone-aware Python `datetime` do; a time without one (`"2026-11-28T23:30:00"`)
/// names its own day.
///
/// ```
/// use chrono::NaiveDate;
/// use pmkit::input::date;
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(date("due", "2026-11-28")?, day(2026, 11, 28));
/// assert_eq!(date("due", "2026-11-28T23:30:00Z")?, day(2026, 11, 28));
/// assert_eq!(date("due", "2026-11-28T23:30:00-05:00")?, day(2026, 11, 29));
/// assert_eq!(date("due", "2026-11-28T23:30:00")?, day(2026, 11, 28));
/// assert!(date("due", "28/11/2026").is_err());
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn date(field: &str, text: &str) -> Result<chrono::NaiveDate> {
    let text = text.trim();
    if let Ok(day) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(day);
    }
    if let Ok(instant) = chrono::DateTime::parse_from_rfc3339(text) {
        return Ok(instant.naive_utc().date());
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(local) = chrono::NaiveDateTime::parse_from_str(text, format) {
            return Ok(local.date());
        }
    }
    Err(Error::parse(
        field,
        format!("{text:?} is not an ISO 8601 date (YYYY-MM-DD) or date and time"),
    ))
}

/// A calendar date from year, month (1–12) and day (1–31), as a JavaScript `Date` gives them.
pub fn date_from_ymd(field: &str, year: i32, month: u32, day: u32) -> Result<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        Error::invalid(
            field,
            format!("{year}-{month}-{day} is not a calendar date"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn counts_name_the_element() {
        let err = counts("steps", &[3.0, 1.5]).unwrap_err();
        assert_eq!(err.field(), "steps[1]");
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }

    #[test]
    fn nan_is_rejected_everywhere() {
        assert!(finite("x", f64::NAN).is_err());
        assert!(count("x", f64::NAN).is_err());
        assert!(positive("x", f64::INFINITY).is_err());
        assert!(score_on_scale("x", f64::NAN, 0, 10).is_err());
    }

    #[test]
    fn zero_denominator_is_undefined() {
        assert_eq!(
            positive("cost", 0.0).unwrap_err().kind(),
            ErrorKind::Undefined
        );
        assert_eq!(
            ratio(1, "visitors", 0).unwrap_err().kind(),
            ErrorKind::Undefined
        );
        assert_eq!(ratio(1, "visitors", 4), Ok(0.25));
    }

    #[test]
    fn scale_bounds_are_inclusive() {
        assert_eq!(score_on_scale("r", 0.0, 0, 10), Ok(0));
        assert_eq!(score_on_scale("r", 10.0, 0, 10), Ok(10));
        assert_eq!(
            score_on_scale("r", 11.0, 0, 10).unwrap_err().kind(),
            ErrorKind::OutOfRange
        );
    }
}
