//! A Jira CSV export: an error, or a backlog whose JSON reads back equal and whose
//! totals are finite.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pmkit::dashboard::jira_default_statuses;
use pmkit::work::{import_jira_csv, Backlog, UnestimatedPolicy};
use pmkit_fuzz::assert_finite;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(backlog) = import_jira_csv(text, &jira_default_statuses(), None) else {
        return;
    };
    let again = Backlog::from_json(&backlog.to_json()).expect("a backlog reads its own JSON");
    assert_eq!(again, backlog);
    assert_finite(
        "point_totals",
        &backlog.point_totals(UnestimatedPolicy::Exclude),
    );
});
