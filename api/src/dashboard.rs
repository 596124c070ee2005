//! The product dashboard (`pmkit::dashboard`): every number and chart of one product file.
//!
//! `product_dashboard` takes `pmkit::dashboard::DashboardOptions` (the day, and the
//! charts' size and theme with `ChartOptions`' defaults). Like the charts (see
//! `chart.rs`), not yet read by the typings generator: a product file holds the types
//! of every area, most without a JSON Schema yet.

/// Hands the dashboard's described functions to `$callback` (see the crate docs).
#[macro_export]
macro_rules! dashboard {
    ($callback:ident) => {
        $callback! {
            /// Every number and chart of the dashboard for a product file (an object in its
            /// JSON form, or JSON text), its charts drawn with the options' size and theme.
            fn product_dashboard / productDashboard (file: pmkit::dashboard::ProductFile; options: pmkit::dashboard::DashboardOptions) -> pmkit::dashboard::Dashboard {
                options
                    .chart_options()
                    .and_then(|chart| pmkit::dashboard::dashboard(&file, options.today, &chart))
            }
        }
    };
}
