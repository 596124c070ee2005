//! The report's evidence: an A/B test of the sample product's pricing page, a
//! retention projection of a yearly cohort and the MRR movements of a small ledger;
//! their charts join the others in `target/pmkit-demo/`.

use std::fmt::Write as _;

use chrono::NaiveDate;
use pmkit::chart::{experiment_chart, mrr_chart, retention_projection_chart, Chart, ChartOptions};
use pmkit::metrics::{fit_sbg, mrr_movements, SbgFit, SbgOptions};
use pmkit::stats::{compare_conversions, ConversionComparison, ConversionOptions, Verdict};

use crate::{heading, outln};

/// The pricing-page test: users and trial starts per variant (control first), 400 users a day.
const USERS: [u64; 2] = [4_210, 4_187];
const CONVERSIONS: [u64; 2] = [631, 702];

/// A yearly cohort of 1,000 subscribers still active at the start of each year (Fader &
/// Hardie 2007's "regular" customers, years 0–7).
const COHORT: [u64; 8] = [1000, 631, 468, 382, 326, 289, 262, 241];

fn experiment() -> pmkit::Result<ConversionComparison> {
    let options = ConversionOptions {
        daily_users: Some(400.0),
        ..ConversionOptions::default()
    };
    compare_conversions(&USERS, &CONVERSIONS, &options)
}

fn projection() -> pmkit::Result<SbgFit> {
    fit_sbg(
        &COHORT,
        &SbgOptions {
            periods: 5,
            ..SbgOptions::default()
        },
    )
}

/// A small subscription ledger: customer, date of the change, MRR after it.
fn ledger() -> pmkit::Result<Vec<pmkit::metrics::MrrMonth>> {
    let rows = [
        ("acme", (1, 4), 99.0),
        ("globex", (1, 12), 49.0),
        ("initech", (1, 20), 199.0),
        ("acme", (2, 2), 199.0),
        ("umbrella", (2, 15), 49.0),
        ("globex", (2, 27), 0.0),
        ("initech", (3, 3), 99.0),
        ("hooli", (3, 9), 499.0),
        ("globex", (3, 21), 49.0),
    ];
    let customers: Vec<String> = rows.iter().map(|row| row.0.to_owned()).collect();
    let dates: Vec<NaiveDate> = rows
        .iter()
        .map(|row| NaiveDate::from_ymd_opt(2026, row.1 .0, row.1 .1).unwrap_or_default())
        .collect();
    let mrr: Vec<f64> = rows.iter().map(|row| row.2).collect();
    mrr_movements(&customers, &dates, &mrr)
}

fn percent(share: f64) -> String {
    format!("{:.1} %", share * 100.0)
}

/// The three evidence sections of the report.
pub fn print_evidence(out: &mut String) -> pmkit::Result<()> {
    let result = experiment()?;
    heading(out, "Experiment — pricing page A/B test (trial starts)");
    for (index, variant) in result.variants.iter().enumerate() {
        let name = if index == 0 { "A (control)" } else { "B" };
        outln!(
            out,
            "  {name:<12} {:>5} of {:>5} users  {:>7}  (95 % interval {} – {})",
            variant.conversions,
            variant.users,
            percent(variant.rate.value),
            percent(variant.rate.low),
            percent(variant.rate.high)
        );
    }
    if let Some(b) = result.variants.get(1) {
        if let (Some(lift), Some(p)) = (&b.relative_lift, b.p_value) {
            outln!(
                out,
                "  B vs A: relative lift {} (95 % interval {} – {}), p = {:.4}, P(B best) = {:.3}",
                percent(lift.value),
                percent(lift.low),
                percent(lift.high),
                p,
                b.probability_best
            );
        }
    }
    outln!(
        out,
        "  verdict: {}{}",
        result.verdict.as_str().replace('_', " "),
        match (result.verdict, result.days_left, result.winner) {
            (Verdict::KeepRunning, Some(days), _) => {
                format!(" ({days} more days at 400 users a day)")
            }
            (Verdict::Winner, _, Some(1)) => " (ship B)".to_owned(),
            _ => String::new(),
        }
    );

    let fit = projection()?;
    heading(
        out,
        "Retention projection — shifted-beta-geometric fit of a yearly cohort",
    );
    outln!(
        out,
        "  fitted on years 0–7 of 1,000 subscribers: α = {:.3}, β = {:.3}, log-likelihood {:.2}",
        fit.alpha,
        fit.beta,
        fit.log_likelihood
    );
    let next = fit.observed_periods as usize;
    for (offset, survivors) in fit.projected_survivors.iter().enumerate() {
        let year = next + 1 + offset;
        let rate = fit.retention_rates.get(year - 1).copied().unwrap_or(0.0);
        outln!(
            out,
            "  year {year:>2}: {survivors:>6.1} still subscribed (retention {})",
            percent(rate)
        );
    }
    outln!(
        out,
        "  discounted expected lifetime at 10 %: {:.2} years for a new subscriber, {:.2} more for one still active",
        fit.discounted_expected_lifetime,
        fit.discounted_expected_residual_lifetime
    );

    let months = ledger()?;
    heading(out, "MRR movements — a sample subscription ledger");
    for m in &months {
        outln!(
            out,
            "  {}  start {:>6.0} + new {:>4.0} + expansion {:>4.0} + reactivation {:>3.0} − contraction {:>4.0} − churned {:>3.0} = {:>6.0}",
            m.month.format("%b %Y"),
            m.starting_mrr,
            m.new_mrr,
            m.expansion_mrr,
            m.reactivation_mrr,
            m.contraction_mrr,
            m.churned_mrr,
            m.ending_mrr
        );
    }
    Ok(())
}

/// The evidence charts, for the report's chart files.
pub fn charts(options: &ChartOptions) -> pmkit::Result<Vec<Chart>> {
    Ok(vec![
        experiment_chart(&experiment()?, options),
        retention_projection_chart(&projection()?, options),
        mrr_chart(&ledger()?, options),
    ])
}
