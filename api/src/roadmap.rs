//! Roadmaps (`pmkit::roadmap`): validation, progress roll-up, lifecycle and feasibility.

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
            /// Done / total points and items per roadmap item and per level, rolled up from
            /// the backlog's stories (cancelled stories excluded).
            fn roadmap_progress / roadmapProgress (roadmap: $crate::Json<pmkit::roadmap::Roadmap>, backlog: $crate::Json<pmkit::work::BacklogParts>) -> pmkit::roadmap::RoadmapProgress {
                roadmap.check()
                    .map_err(|err| err.within("roadmap"))
                    .and_then(|()| pmkit::work::Backlog::try_from(backlog.0).map_err(|err| err.within("backlog")))
                    .and_then(|backlog| pmkit::roadmap::roadmap_progress(&roadmap, &backlog))
            }
            /// The open epics in rank order with their remaining points (the input of
            /// `feasibility`).
            fn remaining_epics / remainingEpics (roadmap: $crate::Json<pmkit::roadmap::Roadmap>, backlog: $crate::Json<pmkit::work::BacklogParts>) -> $crate::Json<Vec<pmkit::roadmap::PlannedEpic>> {
                roadmap.check()
                    .map_err(|err| err.within("roadmap"))
                    .and_then(|()| pmkit::work::Backlog::try_from(backlog.0).map_err(|err| err.within("backlog")))
                    .and_then(|backlog| pmkit::roadmap::remaining_epics(&roadmap, &backlog))
                    .map($crate::Json)
            }
            /// The ranked epics laid into future sprints at the mean velocity of the last
            /// `window` sprints, `wip_limit` epics at a time, from `first_sprint_start`.
            fn feasibility / feasibility (epics: $crate::Json<Vec<pmkit::roadmap::PlannedEpic>>, velocity_history: Vec<f64>, first_sprint_start: chrono::NaiveDate; options: pmkit::roadmap::FeasibilityOptions) -> pmkit::roadmap::Feasibility {
                pmkit::roadmap::feasibility(&epics, &velocity_history, first_sprint_start, &options)
            }
            /// A lifecycle that entered `stage` ("introduction", "growth", "maturity" or
            /// "decline") on `date`.
            fn new_lifecycle / newLifecycle (stage: $crate::Name<pmkit::roadmap::Stage>, date: chrono::NaiveDate) -> $crate::Json<pmkit::roadmap::Lifecycle> {
                Ok($crate::Json(pmkit::roadmap::Lifecycle::new(*stage, date)))
            }
            /// A new lifecycle moved to `stage` on `date`; backward only with `allow_backward`.
            fn advance_lifecycle / advanceLifecycle (lifecycle: $crate::Json<pmkit::roadmap::Lifecycle>, stage: $crate::Name<pmkit::roadmap::Stage>, date: chrono::NaiveDate; options: pmkit::roadmap::AdvanceOptions) -> $crate::Json<pmkit::roadmap::Lifecycle> {
                let mut lifecycle = lifecycle.0;
                lifecycle
                    .check()
                    .map_err(|err| err.within("lifecycle"))
                    .and_then(|()| lifecycle.advance(*stage, date, options.allow_backward))
                    .map(|()| $crate::Json(lifecycle))
            }
            /// The checkout roadmap that matches the sample backlog and `make demo`.
            fn sample_roadmap / sampleRoadmap () -> $crate::Json<pmkit::roadmap::Roadmap> {
                Ok($crate::Json(pmkit::roadmap::sample_roadmap()))
            }
        }
    };
}
