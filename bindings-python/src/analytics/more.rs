//! The result classes of the described `activity_churn`, `feature_adoption`,
//! `event_funnel`, `stickiness_histogram` and `user_lifecycle` (adoption and funnels report event names
//! when the call was given names: `named_record!`).

use pyo3::prelude::*;

use super::named::named_record;
use crate::record::record;
use pmkit::analytics as core;

record!(
    /// The result of `activity_churn`: per period, active users and those who then stayed away.
    Churn(core::Churn) {
        period, inactive_days, period_starts: date, active, churned, churn_rate, retention_rate,
        last_day: date
    }
    with table
);

named_record!(
    /// The result of `feature_adoption`: feature users over active users per period, and time to first use.
    Adoption(core::Adoption) {
        period, period_starts: date, active, users, rate, ever_active, ever_adopted,
        cumulative_rate, adopters, days_to_first_use, median_days_to_first_use,
        mean_days_to_first_use
    }
    named { feature }
    with table
);

named_record!(
    /// The result of `event_funnel`: users reaching each step, conversion, median time between steps.
    Funnel(core::Funnel) {
        window_seconds, order, reached, conversion_from_previous, conversion_from_start,
        overall, median_seconds_from_previous
    }
    named { steps }
    with table
);

record!(
    /// The result of `stickiness_histogram`: users active on exactly (and at least) k days per period.
    StickinessHistogram(core::StickinessHistogram) {
        period, period_starts: date, period_days, complete, active, users, at_least
    }
    with table
);

record!(
    /// The result of `user_lifecycle`: new, returning, resurrecting and dormant users per period, and the quick ratio.
    UserLifecycle(core::UserLifecycle) {
        period, period_starts: date, complete, new, returning, resurrecting, dormant, active, quick_ratio
    }
    with table
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Churn>()?;
    m.add_class::<Adoption>()?;
    m.add_class::<Funnel>()?;
    m.add_class::<StickinessHistogram>()?;
    m.add_class::<UserLifecycle>()?;
    Ok(())
}
