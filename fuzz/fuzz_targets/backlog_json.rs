//! A backlog's JSON text: an error, or a backlog whose JSON reads back equal and whose
//! totals, MoSCoW summary, rankings and health are finite.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pmkit::work::{backlog_health, Backlog, Framework, HealthOptions, UnestimatedPolicy};
use pmkit_fuzz::assert_finite;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(backlog) = Backlog::from_json(text) else {
        return;
    };
    let again = Backlog::from_json(&backlog.to_json()).expect("a backlog reads its own JSON");
    assert_eq!(again, backlog);
    for policy in [UnestimatedPolicy::Exclude, UnestimatedPolicy::CountAs(13.0)] {
        assert_finite("point_totals", &backlog.point_totals(policy));
        assert_finite("moscow_summary", &backlog.moscow_summary(policy));
    }
    for framework in [
        Framework::Rice,
        Framework::Ice,
        Framework::Wsjf,
        Framework::ValueEffort,
        Framework::Moscow,
    ] {
        for &variant in framework.variants() {
            if let Ok(ranking) = backlog.rank(framework, variant) {
                assert_finite("rank", &ranking);
            }
        }
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 31).expect("a date");
    if let Ok(health) = backlog_health(&backlog, today, &HealthOptions::default()) {
        assert_finite("backlog_health", &health);
    }
});
