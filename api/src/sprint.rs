//! Sprints (`pmkit::sprint`): calendars, capacity, the sprint report and velocity.

/// Hands every `pmkit::sprint` function to `$callback` (see the crate docs).
#[macro_export]
macro_rules! sprint {
    ($callback:ident) => {
        $callback! {
            /// A sprint, checked: at most one month, not ending before it starts.
            fn new_sprint / newSprint (id: String, name: String, start: chrono::NaiveDate, end: chrono::NaiveDate; options: pmkit::sprint::NewSprintOptions) -> $crate::Json<pmkit::sprint::Sprint> {
                pmkit::sprint::Sprint::with_options(&id, &name, start, end, &options).map($crate::Json)
            }
            /// The working days (ISO dates) from `start` to `end`, both included, in the
            /// team `calendar` (Monday to Friday without holidays by default).
            fn working_days / workingDays (start: chrono::NaiveDate, end: chrono::NaiveDate; options: pmkit::sprint::CalendarOptions) -> $crate::Json<Vec<chrono::NaiveDate>> {
                options.calendar.working_days(start, end).map($crate::Json)
            }
            /// Per member: working days minus days off, times the focus factor or hours per day.
            fn sprint_capacity / sprintCapacity (sprint: $crate::Json<pmkit::sprint::Sprint>, members: $crate::Json<Vec<pmkit::sprint::Member>>; options: pmkit::sprint::CalendarOptions) -> pmkit::sprint::SprintCapacity {
                pmkit::sprint::sprint_capacity(&sprint, &options.calendar, &members)
            }
            /// Points to commit: completed points per available person-day over the last
            /// `window` sprints (3 by default), times `available_person_days`.
            fn plan_capacity / planCapacity (history: $crate::Json<Vec<pmkit::sprint::SprintOutcome>>, available_person_days: f64; options: pmkit::metrics::VelocityOptions) -> pmkit::sprint::CapacityPlan {
                pmkit::sprint::plan_capacity(&history, available_person_days, &options)
            }
            /// The sprint report of a log: burndown, burnup, committed vs completed, scope
            /// change, carry-over and say/do, counting by "points" (default) or "items".
            fn sprint_report / sprintReport (log: $crate::Json<pmkit::sprint::SprintLog>; options: pmkit::sprint::SprintReportOptions) -> pmkit::sprint::SprintReport {
                log.validate()
                    .map_err(|err| err.within("log"))
                    .and_then(|()| pmkit::sprint::sprint_report(&log, options.count_by))
            }
            /// A sprint log from its JSON text.
            fn sprint_log_from_json / sprintLogFromJson (text: String) -> $crate::Json<pmkit::sprint::SprintLog> {
                pmkit::sprint::SprintLog::from_json(&text).map($crate::Json)
            }
            /// The sprint log as JSON text, byte for byte what Rust, Python and JavaScript write.
            fn sprint_log_to_json / sprintLogToJson (log: $crate::Json<pmkit::sprint::SprintLog>) -> String {
                log.validate()
                    .map_err(|err| err.within("log"))
                    .map(|()| log.to_json())
            }
            /// Velocity over the last `window` closed sprints (3 by default; oldest first):
            /// mean, median, spread and trend in points and in items.
            fn velocity / velocity (history: $crate::Json<Vec<pmkit::sprint::SprintOutcome>>; options: pmkit::metrics::VelocityOptions) -> pmkit::sprint::Velocity {
                pmkit::sprint::velocity(&history, &options)
            }
            /// The hand-computed sample sprint log that `make demo` reports on.
            fn sample_sprint / sampleSprint () -> $crate::Json<pmkit::sprint::SprintLog> {
                Ok($crate::Json(pmkit::sprint::sample_sprint()))
            }
            /// Five closed sprints, oldest first, ending with the sample sprint.
            fn sample_sprint_history / sampleSprintHistory () -> $crate::Json<Vec<pmkit::sprint::SprintOutcome>> {
                Ok($crate::Json(pmkit::sprint::sample_sprint_history()))
            }
        }
    };
}
