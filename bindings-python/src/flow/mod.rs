//! `pmkit::flow` for Python, from the API description (`pmkit_api::flow!`).
//!
//! Items and workflows arrive as dicts and lists in their JSON form; items are read
//! key by key ([`items`]: faster than serde for long histories, and `datetime` values
//! are accepted where the JSON form has ISO text). The team-level functions take the
//! `Timelines` object `item_timelines` returns (borrowed, not copied) or its
//! `to_dict()` form.

use pyo3::prelude::*;

mod items;

pub use items::items;

use crate::convert::python_functions;
use crate::record::record;

pmkit_api::flow!(python_functions);

record!(
    /// The result of `item_timelines`: every item's path through the workflow.
    Timelines(pmkit::flow::Timelines) {
        columns, backlog, committed, done, today, counting, items, unmapped_statuses
    }
);

record!(
    /// The result of `throughput`: items (or points) finished per period, in total and by type.
    Throughput(pmkit::flow::Throughput) { period, ends, values, by_type }
);

record!(
    /// The result of `cumulative_flow`: per column, items that had reached it by each day.
    CumulativeFlow(pmkit::flow::CumulativeFlow) { dates, columns, counts, cancelled }
    chart(pmkit::chart::cumulative_flow_chart, "One band per column: `cumulative_flow_chart(self, **options)`.")
);

record!(
    /// The result of `cancelled_work`: items (or points) cancelled per period, per
    /// column left and after work started, with the cancelled items.
    CancelledWork(pmkit::flow::CancelledWork) { period, ends, values, by_column, wasted, items }
);

record!(
    /// The result of `wip`: items committed but not done at the end of each day.
    Wip(pmkit::flow::Wip) { dates, values }
);

record!(
    /// The result of `net_flow`: arrivals, departures and their difference per period.
    NetFlow(pmkit::flow::NetFlow) { period, ends, arrivals, departures, net }
);

record!(
    /// One open item of `ageing_wip`.
    AgeingItem(pmkit::flow::AgeingItem) { key, item_type, column, started, age_days }
);

record!(
    /// One percentile: the value below which `level` of the sample lies.
    Percentile(pmkit::flow::Percentile) { level, value }
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Timelines>()?;
    m.add_class::<Throughput>()?;
    m.add_class::<CumulativeFlow>()?;
    m.add_class::<CancelledWork>()?;
    m.add_class::<Wip>()?;
    m.add_class::<NetFlow>()?;
    m.add_class::<AgeingItem>()?;
    m.add_class::<Percentile>()?;
    register_functions(m)
}
