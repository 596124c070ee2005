//! Tests of the forecast chart: hand-computed bars and markers, far deadlines,
//! degenerate forecasts, small sizes, themes and determinism.

use super::*;
use crate::chart::test_support::assert_well_formed;
use crate::chart::Theme;
use crate::forecast::{forecast_when, Calendar, PeriodCount, PeriodPercentile, Simulation};
use chrono::NaiveDate;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// 10 weekly trials from Mon 2 March: 3 took 2 weeks, 5 took 3, 2 took 5; deadline
/// Fri 20 March (3 whole weeks), which 8 of 10 trials met.
fn small_forecast() -> WhenForecast {
    WhenForecast {
        trials: 10,
        percentiles: vec![
            PeriodPercentile {
                level: 0.5,
                periods: 3,
                date: Some(day(3, 16)),
            },
            PeriodPercentile {
                level: 0.85,
                periods: 5,
                date: Some(day(3, 30)),
            },
        ],
        deadline_probability: Some(0.8),
        deadline: Some(day(3, 20)),
        deadline_periods: Some(3),
        mean_periods: 3.1,
        distribution: vec![
            PeriodCount {
                periods: 2,
                trials: 3,
            },
            PeriodCount {
                periods: 3,
                trials: 5,
            },
            PeriodCount {
                periods: 5,
                trials: 2,
            },
        ],
    }
}

/// The `y` of the `<text>` whose content is `text`, and its `x`.
fn text_at(svg: &str, text: &str) -> (String, String) {
    let end = svg.find(&format!(">{text}</text>")).unwrap();
    let tag = &svg[svg[..end].rfind("<text ").unwrap()..end];
    let attr = |name: &str| {
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..].split('"').next().unwrap().to_owned()
    };
    (attr("x"), attr("y"))
}

#[test]
fn small_forecast_by_hand() {
    let chart = forecast_chart(&small_forecast(), &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert_eq!(
        chart.description,
        "10 trials finished in 2 to 5 periods (mean 3.1). 50% within 3 periods (Mar 16), \
         85% within 5 periods (Mar 30). Deadline Mar 20: 80% of trials done by it."
    );
    // One legend row: plot x 81.6..704, y 66..345. Periods 2..5 are 4 bands of 155.6 px,
    // 20 % padding: bars 124.48 wide from 81.6 + 155.6 i + 15.56.
    // Labels: "Deadline Mar 20: 80%" first, at 396.8..528.8 in row 0; "50%: Mar 16" at
    // 319..391.6 would come within 6 px of it: row 1; "85%: Mar 30" at 630.2..702.8
    // fits in row 0.
    // Two rows of 15 px + 4 keep the bars below y 100: 0..6 trials (245 / 4 → step 2),
    // 40.83 px a trial.
    assert!(chart.svg.contains(
        "<rect x=\"97.16\" y=\"222.5\" width=\"124.48\" height=\"122.5\" class=\"bar-done\""
    ));
    assert!(chart.svg.contains(
        "<rect x=\"252.76\" y=\"140.83\" width=\"124.48\" height=\"204.17\" class=\"bar-done\""
    ));
    assert!(chart.svg.contains(
        "<rect x=\"563.96\" y=\"263.33\" width=\"124.48\" height=\"81.67\" class=\"bar-late\""
    ));
    assert_eq!(chart.svg.matches("class=\"bar-").count(), 3);
    // Percentiles through their bar's middle, up to their label's row (baselines 92
    // and 77, rows 15 px apart from the plot's top + 11).
    assert!(chart
        .svg
        .contains("<line x1=\"315\" y1=\"345\" x2=\"315\" y2=\"81\" class=\"marker-50\""));
    assert!(chart
        .svg
        .contains("<line x1=\"626.2\" y1=\"345\" x2=\"626.2\" y2=\"66\" class=\"marker-85\""));
    // The deadline on the right edge of period 3's slot, up to row 0 (baseline 77).
    assert!(chart.svg.contains(
        "<line x1=\"392.8\" y1=\"345\" x2=\"392.8\" y2=\"66\" class=\"marker-deadline\""
    ));
    assert_eq!(
        text_at(&chart.svg, "50%: Mar 16"),
        ("319".into(), "92".into())
    );
    assert_eq!(
        text_at(&chart.svg, "85%: Mar 30"),
        ("630.2".into(), "77".into())
    );
    assert_eq!(
        text_at(&chart.svg, "Deadline Mar 20: 80%"),
        ("396.8".into(), "77".into())
    );
    assert!(chart
        .svg
        .contains("<title>3 periods: 5 trials (50%)</title>"));
    assert!(chart.svg.contains(">Trials done by the deadline</text>"));
    assert!(chart.svg.contains(">Periods to finish</text>"));
    // Period 4 had no trial: its slot is empty but labelled.
    assert!(chart.svg.contains(">4</text>"));
    // Lines are all drawn before any label, so labels sit on top of them.
    let last_line = chart.svg.rfind("class=\"marker-").unwrap();
    assert!(last_line < chart.svg.find(">Deadline Mar 20: 80%<").unwrap());
}

#[test]
fn without_a_calendar_markers_name_periods() {
    let mut forecast = small_forecast();
    forecast.deadline = None;
    forecast.deadline_periods = None;
    forecast.deadline_probability = None;
    forecast.percentiles.iter_mut().for_each(|p| p.date = None);
    let chart = forecast_chart(&forecast, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart.svg.contains(">50%: 3 periods</text>"));
    assert!(chart.svg.contains(">85%: 5 periods</text>"));
    assert!(!chart.svg.contains("marker-deadline") && !chart.svg.contains("bar-late"));
    assert!(chart.svg.contains(">Trials</text>"));
    assert!(chart.description.ends_with("85% within 5 periods."));
}

#[test]
fn deadlines_near_and_far() {
    // Outcomes 2..5 (a span of 4). A deadline at 0 periods is within one span: the
    // axis widens to 0..5 (6 slots of 103.73 px) and the marker sits at 81.6 + 103.73.
    let mut near = small_forecast();
    near.deadline_periods = Some(0);
    near.deadline_probability = Some(0.0);
    let chart = forecast_chart(&near, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart
        .svg
        .contains("<line x1=\"185.33\" y1=\"345\" x2=\"185.33\""));
    assert!(chart.svg.contains(">Deadline Mar 20: 0%</text>"));
    assert_eq!(chart.svg.matches("class=\"bar-late\"").count(), 3);
    // 100 periods is further than a span past 5: pinned to the right edge, all on time.
    let mut far = small_forecast();
    far.deadline_periods = Some(100);
    far.deadline_probability = Some(1.0);
    let chart = forecast_chart(&far, &ChartOptions::default());
    assert!(chart.svg.contains("<line x1=\"704\" y1=\"345\" x2=\"704\""));
    assert_eq!(chart.svg.matches("class=\"bar-done\"").count(), 3);
    // The label turns left of a marker at the right edge.
    let (x, _) = text_at(&chart.svg, "Deadline Mar 20: 100%");
    assert_eq!(x, "700");
    // Before the start: no periods, probability 0, the marker at the left edge.
    let mut before = small_forecast();
    before.deadline = Some(day(2, 27));
    before.deadline_periods = None;
    before.deadline_probability = Some(0.0);
    let chart = forecast_chart(&before, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart
        .svg
        .contains("<line x1=\"81.6\" y1=\"345\" x2=\"81.6\""));
    assert!(chart.svg.contains(">Deadline Feb 27: 0%</text>"));
    assert_eq!(chart.svg.matches("class=\"bar-late\"").count(), 3);
}

#[test]
fn percentages_never_round_to_certainty() {
    assert_eq!(percent(0.79), "79%");
    assert_eq!(percent(0.702), "70%");
    assert_eq!(percent(0.004), "<1%");
    assert_eq!(percent(0.996), ">99%");
    assert_eq!(percent(0.0), "0%");
    assert_eq!(percent(1.0), "100%");
    assert_eq!(periods(1), "1 period");
}

#[test]
fn degenerate_forecasts_draw_a_note() {
    let mut empty = small_forecast();
    empty.distribution.clear();
    let mut zeros = small_forecast();
    zeros.distribution.iter_mut().for_each(|c| c.trials = 0);
    let mut odds = small_forecast();
    odds.deadline_probability = Some(1.5);
    let mut nan = small_forecast();
    nan.percentiles[0].level = f64::NAN;
    let cases = [
        (empty, "No trials to draw"),
        (zeros, "No trials to draw"),
        (odds, "A level or probability is not a fraction"),
        (nan, "A level or probability is not a fraction"),
    ];
    for (forecast, note) in cases {
        let chart = forecast_chart(&forecast, &ChartOptions::default());
        assert_well_formed(&chart.svg);
        assert!(chart.svg.contains(&format!(">{note}</text>")), "{note}");
        assert!(chart.description.starts_with(note));
        assert!(!chart.svg.contains("class=\"bar-"));
        let small = forecast_chart(
            &forecast,
            &ChartOptions::new(240, 160, Theme::Dark).unwrap(),
        );
        assert_well_formed(&small.svg);
        assert!(!small.svg.contains("class=\"bar-"));
    }
    // One outcome, no percentiles: one bar, no markers, no NaN in a tall 1-slot axis.
    let mut one = small_forecast();
    one.distribution.truncate(1);
    one.percentiles.clear();
    one.deadline = None;
    one.deadline_periods = None;
    one.deadline_probability = None;
    one.mean_periods = f64::NAN;
    let chart = forecast_chart(&one, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert_eq!(chart.svg.matches("class=\"bar-done\"").count(), 1);
    assert!(!chart.svg.contains("marker-"));
    assert_eq!(chart.description, "3 trials finished in 2 to 2 periods.");
}

#[test]
fn simulated_forecasts_in_every_size_and_theme() {
    let forecast = forecast_when(
        50.0,
        &[3.0, 0.0, 5.0, 2.0, 0.0, 0.0, 4.0, 1.0, 6.0, 2.0],
        &crate::forecast::WHEN_LEVELS,
        &Simulation::new(2_000, 7).unwrap(),
        Some(&Calendar::new(day(3, 31), 1).unwrap()),
        Some(day(4, 30)),
    )
    .unwrap();
    let bars = forecast.distribution.len();
    for (width, height, theme) in [
        (720, 400, Theme::Light),
        (720, 400, Theme::Dark),
        (240, 160, Theme::Light),
        (240, 160, Theme::Dark),
        (4000, 4000, Theme::Light),
    ] {
        let options = ChartOptions::new(width, height, theme).unwrap();
        let chart = forecast_chart(&forecast, &options);
        assert_eq!(chart, forecast_chart(&forecast.clone(), &options));
        assert_well_formed(&chart.svg);
        assert_eq!(chart.svg.matches("class=\"bar-").count(), bars);
        assert_eq!(chart.svg.matches("class=\"marker-").count(), 5);
        let palette = theme.palette();
        assert!(chart
            .svg
            .contains(&format!("fill=\"{}\"", palette.background)));
        assert!(chart.svg.contains(palette.series(0)));
        if width == 240 {
            // Five labels would take more than 40 % of a 240 × 160 plot: short forms.
            assert!(chart.svg.contains(">85%</text>"));
        } else {
            assert!(chart.svg.contains(">Deadline Apr 30: "));
        }
    }
}
