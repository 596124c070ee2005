//! `pmkit::stats` for Python: confidence intervals and experiments. The functions come
//! from the API description (`pmkit_api::stats!`); this file holds their result classes.

use pyo3::prelude::*;

use crate::convert::python_functions;
use crate::record::record;

pmkit_api::stats!(python_functions);

record!(
    /// An estimate with its confidence interval: value, low, high, level, method.
    Interval(pmkit::stats::Interval) { value, low, high, level, method }
);

record!(
    /// The result of `compare_conversions`: one entry per variant (control first), the
    /// verdict, the sample-ratio check and how many more users the test needs.
    ConversionComparison(pmkit::stats::ConversionComparison) {
        variants, verdict, winner, level, variance, bayesian_method, sample_ratio,
        users_needed_per_variant, more_users_needed, days_left
    }
    chart(pmkit::chart::experiment_chart, "The conversion rate per variant with its interval: `experiment_chart(self, **options)`.")
);

record!(
    /// The result of `compare_means` and `compare_mean_values`: Welch's test of each
    /// variant against the control.
    MeanComparison(pmkit::stats::MeanComparison) { variants, level }
);

record!(
    /// The result of `sample_size`: users per variant, in total, and days.
    SampleSize(pmkit::stats::SampleSize) {
        users_per_variant, exact_users_per_variant, total_users, effect_size, days
    }
);

record!(
    /// The result of `sample_ratio_mismatch`: the chi-square test of the split.
    SampleRatioCheck(pmkit::stats::SampleRatioCheck) {
        statistic, degrees_of_freedom, p_value, expected, mismatch
    }
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Interval>()?;
    m.add_class::<ConversionComparison>()?;
    m.add_class::<MeanComparison>()?;
    m.add_class::<SampleSize>()?;
    m.add_class::<SampleRatioCheck>()?;
    register_functions(m)
}
