//! Flow metrics (`pmkit::flow`): the sample statistics. The functions over items and
//! timelines (a Python class passed by reference) stay hand-written for now.

/// Hands the described `pmkit::flow` functions to `$callback` (see the crate docs).
#[macro_export]
macro_rules! flow {
    ($callback:ident) => {
        $callback! {
            /// Percentiles with linear interpolation (numpy's default); levels are fractions.
            fn percentiles / percentiles (values: Vec<f64>; options: pmkit::flow::PercentilesOptions) -> Vec<pmkit::flow::Percentile> {
                pmkit::flow::percentiles(&values, &options.levels)
            }
            /// Counts per one-day bin: `counts[d]` values lie in d..d+1 days.
            fn histogram / histogram (values: Vec<f64>) -> $crate::Json<Vec<u64>> {
                pmkit::flow::histogram(&values).map($crate::Json)
            }
        }
    };
}
