//! Monte Carlo forecasts (`pmkit::forecast`): "when", "how many" and multi-epic.

/// Hands every `pmkit::forecast` function to `$callback` (see the crate docs).
#[macro_export]
macro_rules! forecast {
    ($callback:ident) => {
        $callback! {
            /// When will `remaining` items (or points) be done? A seeded Monte Carlo over
            /// a throughput `history` (one number per period): completion percentiles, the
            /// mean, the distribution and, with `start` and `deadline`, the chance of
            /// finishing by the deadline.
            fn forecast_when / forecastWhen (remaining: f64, history: Vec<f64>; options: pmkit::forecast::WhenOptions) -> pmkit::forecast::WhenForecast {
                options.simulation_and_calendar().and_then(|(simulation, calendar)| {
                    pmkit::forecast::forecast_when(remaining, &history, &options.levels, &simulation, calendar.as_ref(), options.deadline)
                })
            }
            /// How many items (or points) will be done in `periods` periods, or from
            /// `start` to `deadline`? Percentiles read from the low end: at 0.85, at least
            /// that many in 85 % of the trials.
            fn forecast_how_many / forecastHowMany (history: Vec<f64>; options: pmkit::forecast::HowManyOptions) -> pmkit::forecast::HowManyForecast {
                options.simulation_and_horizon().and_then(|(simulation, periods)| {
                    pmkit::forecast::forecast_how_many(&history, periods, &options.levels, &simulation)
                })
            }
            /// When will each epic be done, worked in priority order with at most
            /// `wip_limit` at once, with splitting and risks? Percentiles per epic and for all.
            fn forecast_epics / forecastEpics (epics: $crate::Json<Vec<pmkit::forecast::Epic>>, history: Vec<f64>; options: pmkit::forecast::EpicsOptions) -> pmkit::forecast::EpicsForecast {
                options.simulation_and_calendar().and_then(|(simulation, calendar)| {
                    let plan = pmkit::forecast::EpicPlan {
                        epics: epics.0,
                        wip_limit: options.wip_limit,
                        split_rate: options.split_rate,
                        risks: options.risks.clone(),
                    };
                    pmkit::forecast::forecast_epics(&plan, &history, &options.levels, &simulation, calendar.as_ref())
                })
            }
        }
    };
}
