//! Flow metrics (`pmkit::flow`): item timelines from status histories, and the team
//! metrics over them (throughput, cumulative flow, WIP, net flow, ageing WIP), cycle
//! and lead time samples with their percentiles and histograms, and the sample board.
//!
//! Items and workflows cross in their JSON form; the team functions take the result
//! of `item_timelines` as a [`Record`](crate::Record): Python passes its `Timelines`
//! object on without a copy, JavaScript the plain object.

/// Hands every `pmkit::flow` function to `$callback` (see the crate docs).
#[macro_export]
macro_rules! flow {
    ($callback:ident) => {
        $callback! {
            /// Each item's path through the workflow: when it first entered every column,
            /// its cycle time (committed → done), lead time (created → done), blocked days
            /// and current column, read on `today`; items in a `cancelled` status of the
            /// workflow are cancelled, not in progress. A status in no column is an error
            /// unless `unmapped` is "ignore"; anything after `today` is an error.
            fn item_timelines / itemTimelines (items: $crate::Json<Vec<pmkit::flow::Item>>, workflow: $crate::Json<pmkit::flow::Workflow>, today: chrono::NaiveDate; options: pmkit::flow::TimelinesOptions) -> pmkit::flow::Timelines {
                pmkit::flow::item_timelines(&items, &workflow, today, options)
            }
            /// Items (or points) finished per period, empty periods as 0, in total and by
            /// item type; `start` and `end` fix the range.
            fn throughput / throughput (timelines: $crate::Record<pmkit::flow::Timelines>; options: pmkit::flow::ThroughputOptions) -> pmkit::flow::Throughput {
                pmkit::flow::throughput(&timelines, options.period, options.measure, options.start, options.end)
            }
            /// Cumulative flow per day: per column, the items (or points) that had reached
            /// it or a later column and were not cancelled; cancelled ones counted apart.
            fn cumulative_flow / cumulativeFlow (timelines: $crate::Record<pmkit::flow::Timelines>; options: pmkit::flow::MeasureOptions) -> pmkit::flow::CumulativeFlow {
                pmkit::flow::cumulative_flow(&timelines, options.measure)
            }
            /// Cancelled items (or points) per period, per column they left, and after work
            /// started (waste), with the list of cancelled items.
            fn cancelled_work / cancelledWork (timelines: $crate::Record<pmkit::flow::Timelines>; options: pmkit::flow::ThroughputOptions) -> pmkit::flow::CancelledWork {
                pmkit::flow::cancelled_work(&timelines, options.period, options.measure, options.start, options.end)
            }
            /// Work in progress at the end of each day: committed minus done.
            fn wip / wip (timelines: $crate::Record<pmkit::flow::Timelines>; options: pmkit::flow::MeasureOptions) -> pmkit::flow::Wip {
                pmkit::flow::wip(&timelines, options.measure)
            }
            /// Arrivals (commitments) and departures (finishes) per period, and their
            /// difference.
            fn net_flow / netFlow (timelines: $crate::Record<pmkit::flow::Timelines>; options: pmkit::flow::NetFlowOptions) -> pmkit::flow::NetFlow {
                pmkit::flow::net_flow(&timelines, options.period, options.measure)
            }
            /// The items in progress on the timelines' `today`, with their column and age
            /// in days, oldest first.
            fn ageing_wip / ageingWip (timelines: $crate::Record<pmkit::flow::Timelines>) -> Vec<pmkit::flow::AgeingItem> {
                pmkit::flow::ageing_wip(&timelines)
            }
            /// The cycle times (or lead times) of every finished item, in days, in input
            /// order: the sample for `percentiles` and `histogram`.
            fn durations / durations (timelines: $crate::Record<pmkit::flow::Timelines>; options: pmkit::flow::DurationsOptions) -> $crate::Json<Vec<f64>> {
                Ok($crate::Json(pmkit::flow::durations(&timelines, options.kind)))
            }
            /// Percentiles with linear interpolation (numpy's default); levels are fractions.
            fn percentiles / percentiles (values: Vec<f64>; options: pmkit::flow::PercentilesOptions) -> Vec<pmkit::flow::Percentile> {
                pmkit::flow::percentiles(&values, &options.levels)
            }
            /// Counts per one-day bin: `counts[d]` values lie in d..d+1 days.
            fn histogram / histogram (values: Vec<f64>) -> $crate::Json<Vec<u64>> {
                pmkit::flow::histogram(&values).map($crate::Json)
            }
            /// The sample board: Backlog, In Progress, Review, Done.
            fn sample_workflow / sampleWorkflow () -> $crate::Json<pmkit::flow::Workflow> {
                Ok($crate::Json(pmkit::flow::sample_workflow()))
            }
            /// 120 sample items of the sample board, read on `sample_today()`.
            fn sample_items / sampleItems () -> $crate::Json<Vec<pmkit::flow::Item>> {
                Ok($crate::Json(pmkit::flow::sample_items()))
            }
            /// The day the sample items were read.
            fn sample_today / sampleToday () -> chrono::NaiveDate {
                Ok(pmkit::flow::sample_today())
            }
            /// Up to `count` synthetic items of the sample board, three a day from
            /// `first_day`, cut at `today`; the same seed gives the same items.
            fn synthetic_items / syntheticItems (count: u64, seed: u64, first_day: chrono::NaiveDate, today: chrono::NaiveDate) -> $crate::Json<Vec<pmkit::flow::Item>> {
                let count = usize::try_from(count).unwrap_or(usize::MAX);
                Ok($crate::Json(pmkit::flow::synthetic_items(count, seed, first_day, today)))
            }
        }
    };
}
