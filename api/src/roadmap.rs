//! Roadmaps (`pmkit::roadmap`): validation, lifecycle and feasibility.
//!
//! `roadmap_progress` and `remaining_epics` read a backlog (`pmkit::work`), whose JSON
//! form is described with the backlog's functions; they stay hand-written until then.

/// Hands the described `pmkit::roadmap` functions to `$callback` (see the crate docs).
#[macro_export]
macro_rules! roadmap {
    ($callback:ident) => {
        $callback! {
            /// A roadmap from its JSON text.
            fn roadmap_from_json / roadmapFromJson (text: String) -> $crate::Json<pmkit::roadmap::Roadmap> {
                pmkit::roadmap::Roadmap::from_json(&text).map($crate::Json)
            }
            /// The roadmap as JSON text, byte for byte what Rust, Python and JavaScript write.
            fn roadmap_to_json / roadmapToJson (roadmap: $crate::Json<pmkit::roadmap::Roadmap>) -> String {
                roadmap.check()
                    .map_err(|err| err.within("roadmap"))
                    .map(|()| roadmap.to_json())
            }
            /// Every cycle (with its path), missing item, misplaced child and violated dependency.
            fn validate_roadmap / validateRoadmap (roadmap: $crate::Json<pmkit::roadmap::Roadmap>) -> pmkit::roadmap::RoadmapValidation {
                roadmap.check()
                    .map_err(|err| err.within("roadmap"))
                    .and_then(|()| roadmap.validate())
            }
            /// The ranked epics laid into future sprints at the mean velocity of the last
            /// `window` sprints, `wip_limit` epics at a time, from `first_sprint_start`.
            fn feasibility / feasibility (epics: $crate::Json<Vec<pmkit::roadmap::PlannedEpic>>, velocity_history: Vec<f64>, first_sprint_start: chrono::NaiveDate; options: pmkit::roadmap::FeasibilityOptions) -> pmkit::roadmap::Feasibility {
                pmkit::roadmap::feasibility(&epics, &velocity_history, first_sprint_start, &options)
            }
            /// A lifecycle that entered `stage` ("introduction", "growth", "maturity" or
            /// "decline") on `date`.
            fn new_lifecycle / newLifecycle (stage: String, date: chrono::NaiveDate) -> $crate::Json<pmkit::roadmap::Lifecycle> {
                pmkit::roadmap::Stage::parse("stage", &stage)
                    .map(|stage| $crate::Json(pmkit::roadmap::Lifecycle::new(stage, date)))
            }
            /// A new lifecycle moved to `stage` on `date`; backward only with `allow_backward`.
            fn advance_lifecycle / advanceLifecycle (lifecycle: $crate::Json<pmkit::roadmap::Lifecycle>, stage: String, date: chrono::NaiveDate; options: pmkit::roadmap::AdvanceOptions) -> $crate::Json<pmkit::roadmap::Lifecycle> {
                let mut lifecycle = lifecycle.0;
                lifecycle
                    .check()
                    .map_err(|err| err.within("lifecycle"))
                    .and_then(|()| pmkit::roadmap::Stage::parse("stage", &stage))
                    .and_then(|stage| lifecycle.advance(stage, date, options.allow_backward))
                    .map(|()| $crate::Json(lifecycle))
            }
            /// The checkout roadmap that matches the sample backlog and `make demo`.
            fn sample_roadmap / sampleRoadmap () -> $crate::Json<pmkit::roadmap::Roadmap> {
                Ok($crate::Json(pmkit::roadmap::sample_roadmap()))
            }
        }
    };
}
