//! The KPI scorecard (`pmkit::scorecard`): every KPI of one product snapshot.

/// Hands the scorecard's functions to `$callback` (see the crate docs).
#[macro_export]
macro_rules! scorecard {
    ($callback:ident) => {
        $callback! {
            /// Every KPI the snapshot (an object in its JSON form, or JSON text) has
            /// inputs for; absent sections are listed in `missing`, and a bad section is
            /// an error naming its JSON path (`nps_responses[3]`).
            fn kpi_scorecard / kpiScorecard (snapshot: $crate::JsonOrText<pmkit::scorecard::ProductSnapshot>) -> pmkit::scorecard::Scorecard {
                pmkit::scorecard::scorecard(&snapshot)
            }
            /// The bundled sample product (what `make demo` reports on), in its JSON form.
            fn sample_snapshot / sampleSnapshot () -> $crate::Json<pmkit::scorecard::ProductSnapshot> {
                Ok($crate::Json(pmkit::scorecard::sample_snapshot()))
            }
        }
    };
}
