//! Statistics (`pmkit::stats`): confidence intervals on the KPIs that are shares, and
//! experiments (A/B tests): comparisons, sample sizes and the sample-ratio check.

/// Hands every described `pmkit::stats` function to `$callback` (see the crate docs).
#[macro_export]
macro_rules! stats {
    ($callback:ident) => {
        $callback! {
            /// A confidence interval on the proportion `successes / trials` (a conversion,
            /// adoption, churn or retention rate): Wilson (default), Agresti–Coull or the
            /// exact Clopper–Pearson interval, at `level` (0.95).
            fn proportion_interval / proportionInterval (successes: u64, trials: u64; options: pmkit::stats::ProportionIntervalOptions) -> pmkit::stats::Interval {
                pmkit::stats::proportion_interval(successes, trials, &options)
            }
            /// Compares an experiment's variants on a conversion rate (`users[i]` entered
            /// variant `i`, `conversions[i]` converted; the control first): z test, absolute
            /// and relative lift with intervals, Bayesian probability of being best and
            /// expected loss, sample-ratio check, verdict and how many more users it needs.
            fn compare_conversions / compareConversions (users: Vec<u64>, conversions: Vec<u64>; options: pmkit::stats::ConversionOptions) -> pmkit::stats::ConversionComparison {
                pmkit::stats::compare_conversions(&users, &conversions, &options)
            }
            /// Compares variants on a mean per user with Welch's t test, each against the
            /// first (the control), from per-variant `counts`, `means` and sample
            /// `standard_deviations`.
            fn compare_means / compareMeans (counts: Vec<u64>, means: Vec<f64>, standard_deviations: Vec<f64>; options: pmkit::stats::LevelOptions) -> pmkit::stats::MeanComparison {
                pmkit::stats::compare_means(&counts, &means, &standard_deviations, &options)
            }
            /// `compare_means` from raw values: one list of per-user numbers per variant,
            /// the control first.
            fn compare_mean_values / compareMeanValues (values: $crate::Json<Vec<Vec<f64>>>; options: pmkit::stats::LevelOptions) -> pmkit::stats::MeanComparison {
                pmkit::stats::compare_mean_values(&values, &options)
            }
            /// Users per variant (and in total, and days at `daily_users`) that a two-sided
            /// test needs to detect `minimum_detectable_effect` (relative by default) from
            /// `baseline`, at `alpha` 0.05 and `power` 0.8, on a proportion or a mean.
            fn sample_size / sampleSize (baseline: f64, minimum_detectable_effect: f64; options: pmkit::stats::SampleSizeOptions) -> pmkit::stats::SampleSize {
                pmkit::stats::sample_size(baseline, minimum_detectable_effect, &options)
            }
            /// The sample-ratio-mismatch check: a chi-square test of the users each variant
            /// received against the intended split (equal by default).
            fn sample_ratio_mismatch / sampleRatioMismatch (users: Vec<u64>; options: pmkit::stats::SampleRatioOptions) -> pmkit::stats::SampleRatioCheck {
                pmkit::stats::sample_ratio_mismatch(&users, &options)
            }
        }
    };
}
