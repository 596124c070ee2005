//! Tests of the evidence charts: what each draws from a real result, degenerate
//! models, sizes and themes.

use super::*;
use crate::chart::test_support::{assert_well_formed, points_of};
use crate::chart::Theme;
use crate::metrics::{fit_sbg, mrr_movements, SbgOptions};
use crate::stats::{compare_conversions, ConversionOptions};
use chrono::NaiveDate;

fn sizes() -> Vec<ChartOptions> {
    vec![
        ChartOptions::default(),
        ChartOptions::new(240, 160, Theme::Dark).unwrap(),
        ChartOptions::new(1600, 900, Theme::Light).unwrap(),
    ]
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

#[test]
fn experiment_chart_draws_a_bar_and_an_interval_per_variant() {
    let result = compare_conversions(
        &[1000, 1000, 1000],
        &[100, 130, 95],
        &ConversionOptions::default(),
    )
    .unwrap();
    for options in sizes() {
        let chart = experiment_chart(&result, &options);
        assert_well_formed(&chart.svg);
        assert_eq!(count(&chart.svg, "class=\"bar-rate\""), 3);
        // Three lines (stem and two caps) per interval, plus the legend's swatch.
        assert_eq!(count(&chart.svg, "class=\"interval\""), 9);
    }
    let chart = experiment_chart(&result, &ChartOptions::default());
    assert!(chart
        .description
        .contains("B: 13% (95% interval 11.1% to 15.2%) of 1000 users"));
    assert_eq!(chart.kind, ChartKind::Experiment);
}

#[test]
fn experiment_chart_notes_what_it_cannot_draw() {
    let mut result =
        compare_conversions(&[1000, 1000], &[100, 130], &ConversionOptions::default()).unwrap();
    result.variants[1].rate.low = f64::NAN;
    let chart = experiment_chart(&result, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart.svg.contains("not a number"));
    result.variants.clear();
    assert!(experiment_chart(&result, &ChartOptions::default())
        .svg
        .contains("No variants to draw"));
}

#[test]
fn projection_chart_draws_observed_dots_and_both_model_lines() {
    let fit = fit_sbg(
        &[1000, 631, 468, 382, 326, 289, 262, 241],
        &SbgOptions {
            periods: 5,
            ..SbgOptions::default()
        },
    )
    .unwrap();
    for options in sizes() {
        let chart = retention_projection_chart(&fit, &options);
        assert_well_formed(&chart.svg);
        assert_eq!(count(&chart.svg, "class=\"observed\""), 8);
        assert_eq!(count(&chart.svg, "class=\"series-fitted\""), 1);
        assert_eq!(count(&chart.svg, "class=\"series-projected\""), 1);
    }
    let chart = retention_projection_chart(&fit, &ChartOptions::default());
    assert!(chart
        .description
        .starts_with("Fitted on 7 periods: α = 0.704, β = 1.182. Observed survival falls to 24.1% after period 7;"));
    // The fitted line has a point per observed period, the projection one per period
    // from the last observed on.
    let fitted = points_of(&chart.svg, "series-fitted");
    assert_eq!(fitted.split(' ').count(), 8);
    assert_eq!(
        points_of(&chart.svg, "series-projected").split(' ').count(),
        6
    );
}

#[test]
fn projection_chart_notes_broken_fits() {
    let mut fit = fit_sbg(&[10, 6, 4], &SbgOptions::default()).unwrap();
    fit.survival[3] = 1.5;
    let chart = retention_projection_chart(&fit, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart.svg.contains("not a fraction"));
    fit.survival.clear();
    assert!(retention_projection_chart(&fit, &ChartOptions::default())
        .svg
        .contains("No survival curve"));
}

#[test]
fn mrr_chart_draws_seven_steps_a_month() {
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let months = mrr_movements(
        &["a", "b", "a", "b", "c", "a"].map(String::from),
        &[
            day(1, 5),
            day(1, 9),
            day(2, 3),
            day(2, 20),
            day(2, 11),
            day(3, 1),
        ],
        &[50.0, 30.0, 80.0, 0.0, 20.0, 0.0],
    )
    .unwrap();
    for options in sizes() {
        let chart = mrr_chart(&months, &options);
        assert_well_formed(&chart.svg);
        for step in [
            "start",
            "new",
            "expansion",
            "reactivation",
            "contraction",
            "churned",
            "end",
        ] {
            assert_eq!(
                count(&chart.svg, &format!("class=\"bar-{step}\"")),
                months.len()
            );
        }
    }
    let chart = mrr_chart(&months, &ChartOptions::default());
    assert!(chart.description.contains(
        "Feb 2026: 80 + 20 new + 30 expansion + 0 reactivation − 0 contraction − 30 churned = 100"
    ));
    let mut broken = months.clone();
    broken[0].new_mrr = -1.0;
    assert!(mrr_chart(&broken, &ChartOptions::default())
        .svg
        .contains("negative"));
    assert!(mrr_chart(&[], &ChartOptions::default())
        .svg
        .contains("No months"));
}
