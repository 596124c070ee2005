//! SVG charts (`pmkit::chart`).
//!
//! Every chart takes [`pmkit::chart::ChartOptions`] (width, height, theme), checked by
//! `ChartOptions::checked`. A model is the value another function returns, in its
//! JSON form; in Python the result object itself is accepted too (read through its
//! `to_dict()`), and the result classes' `.chart(**options)` methods draw themselves
//! with the same options.

/// Hands every `pmkit::chart` function to `$callback` (see the crate docs).
#[macro_export]
macro_rules! chart {
    ($callback:ident) => {
        $callback! {
            /// The sprint's burndown (a `sprint_report` result): remaining work (a dot per
            /// day), the ideal line and the scope over its days, non-working days shaded.
            fn burndown_chart / burndownChart (report: $crate::Json<pmkit::sprint::SprintReport>; options: pmkit::chart::ChartOptions) -> pmkit::chart::Chart {
                options.checked().map(|options| pmkit::chart::burndown_chart(&report, &options))
            }
            /// The sprint's burnup (a `sprint_report` result): done work rising towards the scope line.
            fn burnup_chart / burnupChart (report: $crate::Json<pmkit::sprint::SprintReport>; options: pmkit::chart::ChartOptions) -> pmkit::chart::Chart {
                options.checked().map(|options| pmkit::chart::burnup_chart(&report, &options))
            }
            /// Committed vs completed points per closed sprint (oldest first), with the mean
            /// completed as a dashed line.
            fn velocity_chart / velocityChart (history: $crate::Json<Vec<pmkit::sprint::SprintOutcome>>; options: pmkit::chart::ChartOptions) -> pmkit::chart::Chart {
                options.checked().map(|options| pmkit::chart::velocity_chart(&history, &options))
            }
            /// The cumulative flow of a board (a `cumulative_flow` result): one band per column.
            fn cumulative_flow_chart / cumulativeFlowChart (flow: $crate::Json<pmkit::flow::CumulativeFlow>; options: pmkit::chart::ChartOptions) -> pmkit::chart::Chart {
                options.checked().map(|options| pmkit::chart::cumulative_flow_chart(&flow, &options))
            }
            /// Cycle time of each finished item (an `item_timelines` result) by finish day,
            /// with percentile lines.
            fn cycle_time_chart / cycleTimeChart (timelines: $crate::Json<pmkit::flow::Timelines>; options: pmkit::chart::ChartOptions) -> pmkit::chart::Chart {
                options.checked().map(|options| pmkit::chart::cycle_time_chart(&timelines, &options))
            }
            /// The histogram of a Monte Carlo "when" forecast (a `forecast_when` result),
            /// with its percentiles. A forecast no simulation could produce (periods
            /// above 100,000, trials that do not add up) is an error naming `forecast.…`.
            fn forecast_chart / forecastChart (forecast: $crate::Json<pmkit::forecast::WhenForecast>; options: pmkit::chart::ChartOptions) -> pmkit::chart::Chart {
                forecast
                    .check()
                    .map_err(|err| err.within("forecast"))
                    .and_then(|()| options.checked())
                    .map(|options| pmkit::chart::forecast_chart(&forecast, &options))
            }
            /// The roadmap as a timeline with `today` marked. An unreadable roadmap (empty
            /// names, repeated ids, an item starting after its target) is an error naming
            /// `roadmap.…`; links to missing items and broken dates are drawn, not errors.
            fn roadmap_chart / roadmapChart (roadmap: $crate::Json<pmkit::roadmap::Roadmap>, today: chrono::NaiveDate; options: pmkit::chart::ChartOptions) -> pmkit::chart::Chart {
                roadmap
                    .check()
                    .map_err(|err| err.within("roadmap"))
                    .and_then(|()| options.checked())
                    .map(|options| pmkit::chart::roadmap_chart(&roadmap, today, &options))
            }
            /// The retention matrix (a `retention` result) as a cohort heatmap.
            fn retention_chart / retentionChart (retention: $crate::Json<pmkit::analytics::Retention>; options: pmkit::chart::ChartOptions) -> pmkit::chart::Chart {
                options.checked().map(|options| pmkit::chart::retention_chart(&retention, &options))
            }
            /// An experiment (a `compare_conversions` result): the conversion rate per
            /// variant as bars, the control first, each with its interval as a whisker.
            fn experiment_chart / experimentChart (result: $crate::Json<pmkit::stats::ConversionComparison>; options: pmkit::chart::ChartOptions) -> pmkit::chart::Chart {
                options.checked().map(|options| pmkit::chart::experiment_chart(&result, &options))
            }
            /// A retention projection (a `fit_sbg` result): observed survival as dots, the
            /// model's survival as a line, dashed where it projects.
            fn retention_projection_chart / retentionProjectionChart (fit: $crate::Json<pmkit::metrics::SbgFit>; options: pmkit::chart::ChartOptions) -> pmkit::chart::Chart {
                options.checked().map(|options| pmkit::chart::retention_projection_chart(&fit, &options))
            }
            /// The MRR waterfall of `mrr_movements` months: start, new, expansion,
            /// reactivation, contraction, churned and end per month (at most 120 months).
            fn mrr_chart / mrrChart (months: $crate::Json<Vec<pmkit::metrics::MrrMonth>>; options: pmkit::chart::ChartOptions) -> pmkit::chart::Chart {
                options.checked().map(|options| pmkit::chart::mrr_chart(&months, &options))
            }
            /// Daily, weekly and monthly active users (an `active_users` result) over the days.
            fn active_users_chart / activeUsersChart (active: $crate::Json<pmkit::analytics::ActiveUsers>; options: pmkit::chart::ChartOptions) -> pmkit::chart::Chart {
                options.checked().map(|options| pmkit::chart::active_users_chart(&active, &options))
            }
        }
    };
}
