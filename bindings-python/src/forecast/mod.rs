//! `pmkit::forecast` for Python: Monte Carlo "when", "how many" and multi-epic
//! forecasts. The functions come from the API description (`pmkit_api::forecast!`);
//! this file holds their result classes.

use pyo3::prelude::*;

use crate::convert::python_functions;
use crate::record::record;

pmkit_api::forecast!(python_functions);

record!(
    /// The result of `forecast_when`: completion percentiles, deadline odds, distribution.
    WhenForecast(pmkit::forecast::WhenForecast) {
        trials, percentiles, deadline_probability, deadline, deadline_periods, mean_periods,
        distribution
    }
    chart(pmkit::chart::forecast_chart, "The forecast histogram: `forecast_chart(self, **options)`.")
);

record!(
    /// The result of `forecast_how_many`: items (or points) done, read from the low end.
    HowManyForecast(pmkit::forecast::HowManyForecast) { trials, periods, percentiles, mean }
);

record!(
    /// The result of `forecast_epics`: completion percentiles per epic and for all.
    EpicsForecast(pmkit::forecast::EpicsForecast) { trials, epics, all }
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<WhenForecast>()?;
    m.add_class::<HowManyForecast>()?;
    m.add_class::<EpicsForecast>()?;
    register_functions(m)
}
