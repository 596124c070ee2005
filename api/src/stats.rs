//! Statistics (`pmkit::stats`): confidence intervals on the KPIs that are shares.

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
        }
    };
}
