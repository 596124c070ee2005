//! Salary benchmarks of the two roles, the factors that move a salary, and the size of
//! the US product-manager workforce.
//!
//! Figures: Indeed's US salary data as cited by Ignition, "Product Owner vs Product
//! Manager — Knowing the Difference". They are annual base salaries in US dollars at
//! the time of that article; pass your own figures to [`SalaryBenchmark::new`] for
//! another market or date.

use serde::{Deserialize, Serialize};

use super::labeled::labeled_enum;
use super::Role;
use crate::{input, Error, Result};

labeled_enum! {
    /// What moves a salary above or below the benchmark's average.
    pub enum SalaryFactor ("salary factor") {
        YearsOfExperience = ("years_of_experience", "Years of experience"),
        Location = ("location", "Location"),
        CompanySize = ("company_size", "Company size (startups tend to pay less than established enterprises)"),
        WorkArrangement = ("work_arrangement", "In-office vs remote"),
        MarketStatus = ("market_status", "Market status"),
    }
}

/// Published salary figures for a role: an average and the range around it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SalaryBenchmark {
    /// The role.
    pub role: Role,
    /// Average annual salary, in `currency`.
    pub average: f64,
    /// Low end of the published range, in `currency`.
    pub low: f64,
    /// High end of the published range, in `currency`.
    pub high: f64,
    /// ISO 4217 currency code (`"USD"`).
    pub currency: String,
    /// Country the figures cover (`"US"`).
    pub country: String,
    /// Who published them (`"Indeed"`).
    pub source: String,
    /// The factors that move an individual salary within the range.
    pub factors: Vec<SalaryFactor>,
}

impl SalaryBenchmark {
    /// A benchmark from your own figures, with every [`SalaryFactor`].
    ///
    /// Errors: a figure that is not finite or not > 0 → `invalid_input` naming it;
    /// `low` ≥ `high` → `invalid_input` (`"high"`); `average` outside `low..=high` →
    /// `out_of_range` (`"average"`).
    ///
    /// ```
    /// use pmkit::roles::{Role, SalaryBenchmark};
    ///
    /// let uk = SalaryBenchmark::new(Role::ProductOwner, 60_000.0, 45_000.0, 85_000.0, "GBP", "UK", "my survey")?;
    /// assert_eq!(uk.position_in_range(55_000.0)?, 0.25);
    /// assert!(SalaryBenchmark::new(Role::ProductOwner, 90_000.0, 45_000.0, 85_000.0, "GBP", "UK", "x").is_err());
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn new(
        role: Role,
        average: f64,
        low: f64,
        high: f64,
        currency: &str,
        country: &str,
        source: &str,
    ) -> Result<Self> {
        for (field, value) in [("average", average), ("low", low), ("high", high)] {
            if input::non_negative(field, value)? == 0.0 {
                return Err(Error::invalid(field, "is 0; a salary figure must be > 0"));
            }
        }
        if low >= high {
            return Err(Error::invalid(
                "high",
                format!("{high} is not above low ({low}); a salary range needs low < high"),
            ));
        }
        if average < low || average > high {
            return Err(Error::out_of_range(
                "average",
                format!("{average} is outside low..=high ({low}..={high})"),
            ));
        }
        Ok(SalaryBenchmark {
            role,
            average,
            low,
            high,
            currency: currency.to_owned(),
            country: country.to_owned(),
            source: source.to_owned(),
            factors: SalaryFactor::ALL.to_vec(),
        })
    }

    /// Where `salary` sits in the published range: `(salary − low) / (high − low)`,
    /// 0.0 at the low end, 1.0 at the high end, linear between. A fraction, not a
    /// percentile: the source publishes no distribution.
    ///
    /// Errors: `salary` NaN or infinite → `invalid_input` (`"salary"`); below `low` or
    /// above `high` → `out_of_range` (`"salary"`); a hand-built benchmark whose `high`
    /// is not above `low` → `undefined` (`"high"`).
    ///
    /// ```
    /// use pmkit::roles::{salary_benchmark, Role};
    ///
    /// let owner = salary_benchmark(Role::ProductOwner);
    /// assert_eq!(owner.position_in_range(76_274.0)?, 0.0);
    /// assert_eq!(owner.position_in_range(155_131.0)?, 1.0);
    /// // The average: (108,777 − 76,274) / (155,131 − 76,274) = 32,503 / 78,857.
    /// assert!((owner.position_in_range(108_777.0)? - 0.412176471).abs() < 1e-9);
    /// assert!(owner.position_in_range(200_000.0).is_err());
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn position_in_range(&self, salary: f64) -> Result<f64> {
        input::finite("salary", salary)?;
        let width = self.high - self.low;
        if !(width.is_finite() && width > 0.0) {
            return Err(Error::undefined(
                "high",
                format!(
                    "the range {}..={} is empty, so a position in it is undefined",
                    self.low, self.high
                ),
            ));
        }
        if salary < self.low || salary > self.high {
            let side = if salary < self.low { "below" } else { "above" };
            return Err(Error::out_of_range(
                "salary",
                format!(
                    "{salary} is {side} the {} range {}..={} {}; the position is defined only within it",
                    self.role, self.low, self.high, self.currency
                ),
            ));
        }
        Ok((salary - self.low) / width)
    }
}

/// The published salary figures for `role`: Indeed, United States, annual, USD.
///
/// | role | low | average | high |
/// |---|---|---|---|
/// | product owner | $76,274 | $108,777 | $155,131 |
/// | product manager | $75,179 | $117,858 | $184,764 |
///
/// ```
/// use pmkit::roles::{salary_benchmark, Role};
///
/// let manager = salary_benchmark(Role::ProductManager);
/// assert_eq!((manager.low, manager.average, manager.high), (75_179.0, 117_858.0, 184_764.0));
/// assert_eq!(manager.source, "Indeed");
/// ```
pub fn salary_benchmark(role: Role) -> SalaryBenchmark {
    let (average, low, high) = match role {
        Role::ProductManager => (117_858.0, 75_179.0, 184_764.0),
        Role::ProductOwner => (108_777.0, 76_274.0, 155_131.0),
    };
    SalaryBenchmark {
        role,
        average,
        low,
        high,
        currency: "USD".to_owned(),
        country: "US".to_owned(),
        source: "Indeed".to_owned(),
        factors: SalaryFactor::ALL.to_vec(),
    }
}

/// [`SalaryBenchmark::position_in_range`] of `salary` in the published range of `role`
/// (the form the Python and JavaScript bindings share).
///
/// ```
/// use pmkit::roles::{salary_position_in_range, Role};
///
/// // (130,000 − 75,179) / (184,764 − 75,179) = 54,821 / 109,585
/// let position = salary_position_in_range(Role::ProductManager, 130_000.0)?;
/// assert!((position - 54_821.0 / 109_585.0).abs() < 1e-12);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn salary_position_in_range(role: Role, salary: f64) -> Result<f64> {
    salary_benchmark(role).position_in_range(salary)
}

/// More than this many product managers work in the United States (the source's
/// "over 500,000").
pub const US_PRODUCT_MANAGERS_AT_LEAST: u64 = 500_000;

/// How many people hold a role in a country: a lower bound, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Headcount {
    /// The role.
    pub role: Role,
    /// The country (`"US"`).
    pub country: String,
    /// The published lower bound ("over 500,000").
    pub at_least: u64,
    /// Where the figure comes from.
    pub source: String,
}

/// The size of the US product-manager workforce: over 500,000
/// ([`US_PRODUCT_MANAGERS_AT_LEAST`]), per the domain source.
///
/// ```
/// use pmkit::roles::product_manager_headcount;
///
/// assert_eq!(product_manager_headcount().at_least, 500_000);
/// ```
pub fn product_manager_headcount() -> Headcount {
    Headcount {
        role: Role::ProductManager,
        country: "US".to_owned(),
        at_least: US_PRODUCT_MANAGERS_AT_LEAST,
        source: "Ignition, \"Product Owner vs Product Manager — Knowing the Difference\""
            .to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn published_figures_are_valid_benchmarks() {
        for role in Role::ALL {
            let published = salary_benchmark(role);
            let rebuilt = SalaryBenchmark::new(
                role,
                published.average,
                published.low,
                published.high,
                "USD",
                "US",
                "Indeed",
            )
            .unwrap();
            assert_eq!(rebuilt, published);
        }
    }

    #[test]
    fn manager_pays_more_on_average_and_at_the_top_but_not_at_the_bottom() {
        let pm = salary_benchmark(Role::ProductManager);
        let po = salary_benchmark(Role::ProductOwner);
        assert!(pm.average > po.average && pm.high > po.high && pm.low < po.low);
    }

    #[test]
    fn position_is_linear_between_the_ends() {
        let pm = salary_benchmark(Role::ProductManager);
        // Midpoint (75,179 + 184,764) / 2 = 129,971.5
        assert_eq!(pm.position_in_range(129_971.5).unwrap(), 0.5);
        assert_eq!(pm.position_in_range(75_179.0).unwrap(), 0.0);
        assert_eq!(pm.position_in_range(184_764.0).unwrap(), 1.0);
    }

    #[test]
    fn outside_the_range_or_nan_is_an_error_naming_salary() {
        let po = salary_benchmark(Role::ProductOwner);
        let below = po.position_in_range(76_273.0).unwrap_err();
        assert_eq!(
            (below.kind(), below.field()),
            (ErrorKind::OutOfRange, "salary")
        );
        assert!(below.reason().contains("below"));
        let above = po.position_in_range(155_132.0).unwrap_err();
        assert_eq!(above.kind(), ErrorKind::OutOfRange);
        assert!(above.reason().contains("above"));
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let err = po.position_in_range(bad).unwrap_err();
            assert_eq!(
                (err.kind(), err.field()),
                (ErrorKind::InvalidInput, "salary")
            );
        }
    }

    #[test]
    fn hand_built_empty_range_is_undefined_not_nan() {
        let mut flat = salary_benchmark(Role::ProductOwner);
        flat.low = 100_000.0;
        flat.high = 100_000.0;
        let err = flat.position_in_range(100_000.0).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "high"));
    }

    #[test]
    fn constructor_names_the_bad_figure() {
        let new = |average, low, high| {
            SalaryBenchmark::new(Role::ProductOwner, average, low, high, "USD", "US", "x")
                .unwrap_err()
        };
        let err = new(f64::NAN, 1.0, 2.0);
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "average")
        );
        assert_eq!(new(1.5, 0.0, 2.0).field(), "low");
        assert_eq!(new(1.5, -1.0, 2.0).field(), "low");
        assert_eq!(new(2.0, 2.0, 2.0).field(), "high");
        let err = new(3.0, 1.0, 2.0);
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "average")
        );
    }

    #[test]
    fn factors_cover_the_five_the_source_names() {
        assert_eq!(
            salary_benchmark(Role::ProductManager).factors,
            [
                SalaryFactor::YearsOfExperience,
                SalaryFactor::Location,
                SalaryFactor::CompanySize,
                SalaryFactor::WorkArrangement,
                SalaryFactor::MarketStatus,
            ]
        );
        assert_eq!(
            serde_json::to_value(SalaryFactor::WorkArrangement).unwrap(),
            "work_arrangement"
        );
    }

    #[test]
    fn headcount() {
        let count = product_manager_headcount();
        assert_eq!(count.at_least, 500_000);
        assert_eq!(count.role, Role::ProductManager);
        assert_eq!(count.country, "US");
    }
}
