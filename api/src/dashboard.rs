//! The product dashboard (`pmkit::dashboard`): every number and chart of one product file.
//!
//! `product_dashboard` takes `pmkit::dashboard::DashboardOptions` (the day, and the
//! charts' size and theme with `ChartOptions`' defaults). A product file is a
//! parameter of its own kind: an object in its JSON form or JSON text, read as the
//! core reads text (errors name the JSON path); product files are given back in their
//! JSON form.

/// Hands the dashboard's functions to `$callback` (see the crate docs).
#[macro_export]
macro_rules! dashboard {
    ($callback:ident) => {
        $callback! {
            /// The sample product file: every bundled sample (KPI inputs, sprint 12, five
            /// past sprints, the flow board, roadmap and backlog) as of 31 March 2026.
            fn sample_product_file / sampleProductFile () -> $crate::Json<pmkit::dashboard::ProductFile> {
                Ok($crate::Json(pmkit::dashboard::sample_product_file()))
            }
            /// A product file read from its JSON text, each section checked; errors name
            /// the JSON path (`sprint.events[2].points`).
            fn product_file_from_json / productFileFromJson (text: String) -> $crate::Json<pmkit::dashboard::ProductFile> {
                pmkit::dashboard::ProductFile::from_json(&text).map($crate::Json)
            }
            /// A backlog-only product file from a Jira CSV export; statuses map through
            /// Jira's default categories unless the `statuses` option maps them by name.
            fn product_file_from_jira_csv / productFileFromJiraCsv (text: String; options: pmkit::dashboard::JiraCsvOptions) -> $crate::Json<pmkit::dashboard::ProductFile> {
                options
                    .status_map()
                    .and_then(|statuses| pmkit::dashboard::ProductFile::from_jira_csv(&text, statuses.as_ref()))
                    .map($crate::Json)
            }
            /// A tracker export (a Jira CSV, Jira REST search pages, or a Linear CSV;
            /// `format` detects it by default) as a product file for the dashboard, with
            /// the import's `warnings` and every status found with its category (`None`
            /// while unmapped: then `file` is absent or has no board). Map the statuses in
            /// `statuses` and call again.
            fn tracker_product_file / trackerProductFile (text: String; options: pmkit::dashboard::TrackerFileOptions) -> $crate::Json<pmkit::dashboard::TrackerFile> {
                pmkit::dashboard::tracker_product_file(&text, &options).map($crate::Json)
            }
            /// Every number and chart of the dashboard for a product file (an object in its
            /// JSON form, or JSON text), its charts drawn with the options' size and theme.
            fn product_dashboard / productDashboard (file: $crate::JsonOrText<pmkit::dashboard::ProductFile>; options: pmkit::dashboard::DashboardOptions) -> pmkit::dashboard::Dashboard {
                options
                    .chart_options()
                    .and_then(|chart| pmkit::dashboard::dashboard(&file, options.today, &chart))
            }
        }
    };
}
