//! The charts of issue 16's evidence: an experiment's conversion per variant with its
//! interval, a retention projection (actual vs sBG survival) and the MRR waterfall.
//!
//! Each draws a result another function returned ([`ConversionComparison`],
//! [`SbgFit`], a list of [`MrrMonth`]), never fails, and draws a note instead of data
//! it cannot draw (no variants, a value that is not a finite number).

use super::frame::{text_width, Frame, LegendItem, DASH};
use super::scale::{number_label, BandScale, LinearScale};
use super::svg::num;
use super::{Chart, ChartKind, ChartOptions};
use crate::metrics::{MrrMonth, SbgFit};
use crate::stats::{ConversionComparison, Interval};

mod mrr;
pub use mrr::{mrr_chart, MAX_WATERFALL_MONTHS};

/// A percentage label with one decimal: `"12.3%"`.
fn percent(share: f64) -> String {
    format!("{}%", num((share * 1000.0).round() / 10.0))
}

/// The name of variant `index`: `"A (control)"`, `"B"`, … `"Z"`, then `"27"`.
fn variant_name(index: usize) -> String {
    match index {
        0 => "A (control)".to_owned(),
        1..=25 => char::from(b'A' + index as u8).to_string(),
        _ => (index + 1).to_string(),
    }
}

/// Whether an interval is drawable: finite, low ≤ value ≤ high.
fn drawable(interval: &Interval) -> bool {
    [interval.value, interval.low, interval.high]
        .iter()
        .all(|v| v.is_finite())
        && interval.low <= interval.value
        && interval.value <= interval.high
}

/// Draws an interval bar (a vertical whisker with caps) at `x` from `low` to `high`
/// pixels, `half` pixels wide at the caps.
pub(crate) fn whisker(frame: &mut Frame, x: f64, low: f64, high: f64, half: f64, color: &str) {
    let attrs = [
        ("class", "interval"),
        ("stroke", color),
        ("stroke-width", "1.5"),
    ];
    frame.svg.line(x, low, x, high, &attrs);
    frame.svg.line(x - half, low, x + half, low, &attrs);
    frame.svg.line(x - half, high, x + half, high, &attrs);
}

/// An experiment's conversion rate per variant (a [`compare_conversions`] result): a
/// bar per variant (control first, in grey) with its Wilson interval as a whisker, the
/// rate printed above, and the verdict in the description and title's subtitle. The
/// winning variant's bar is in the accent colour.
///
/// [`compare_conversions`]: crate::stats::compare_conversions
///
/// ```
/// use pmkit::chart::{experiment_chart, ChartOptions};
/// use pmkit::stats::{compare_conversions, ConversionOptions};
///
/// let result = compare_conversions(&[1000, 1000], &[100, 130], &ConversionOptions::default())?;
/// let chart = experiment_chart(&result, &ChartOptions::default());
/// assert_eq!(chart.title, "Experiment — conversion per variant");
/// assert!(chart.description.starts_with("A (control): 10% (95% interval 8.3% to 12%)"));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn experiment_chart(result: &ConversionComparison, options: &ChartOptions) -> Chart {
    let title = "Experiment — conversion per variant";
    let kind = ChartKind::Experiment;
    if result.variants.is_empty() {
        return Frame::empty(kind, options, title, "No variants.", "No variants to draw");
    }
    if result.variants.iter().any(|v| !drawable(&v.rate)) {
        let problem = "A rate or its interval is not a number";
        return Frame::empty(kind, options, title, &format!("{problem}."), problem);
    }
    let level = percent(result.level);
    let words: Vec<String> = result
        .variants
        .iter()
        .enumerate()
        .map(|(index, v)| {
            format!(
                "{}: {} ({level} interval {} to {}) of {} users",
                variant_name(index),
                percent(v.rate.value),
                percent(v.rate.low),
                percent(v.rate.high),
                v.users
            )
        })
        .collect();
    let description = format!(
        "{}. Verdict: {}.",
        words.join("; "),
        result.verdict.as_str().replace('_', " ")
    );
    let palette = options.clamped().theme.palette();
    let (control_color, variant_color, winner_color) =
        (palette.neutral, palette.series(0), palette.series(2));
    let mut legend = vec![
        LegendItem::fill("Control", control_color),
        LegendItem::fill("Variant", variant_color),
    ];
    if matches!(result.winner, Some(w) if w > 0) {
        legend.push(LegendItem::fill("Winner", winner_color));
    }
    legend.push(LegendItem::line(
        &format!("{level} interval"),
        palette.text,
        false,
    ));
    let mut frame = Frame::new(kind, options, title, &description, &legend);
    let high = result
        .variants
        .iter()
        .map(|v| v.rate.high)
        .fold(0.0, f64::max);
    let y = LinearScale::new(0.0, high, frame.y_range(), frame.y_tick_target(), true);
    let count = result.variants.len();
    let bands = BandScale::new(count, frame.x_range(), 0.3);
    frame.y_axis_with(&y, "Conversion rate", percent);
    let labels: Vec<String> = (0..count).map(variant_name).collect();
    frame.x_axis_bands(&bands, &labels, "Variant");
    let base = y.map(0.0);
    let tick = frame.sizes.tick;
    let show_values = bands.width() >= text_width("00.0%", tick);
    for (index, variant) in result.variants.iter().enumerate() {
        let color = if index == 0 {
            control_color
        } else if result.winner == Some(index as u64) {
            winner_color
        } else {
            variant_color
        };
        let top = y.map(variant.rate.value);
        frame.svg.group(&[]);
        frame.svg.element("title", &[], &words[index]);
        frame.svg.rect(
            bands.start(index),
            top,
            bands.width(),
            base - top,
            &[("class", "bar-rate"), ("fill", color)],
        );
        let center = bands.center(index);
        let (low, high) = (y.map(variant.rate.low), y.map(variant.rate.high));
        whisker(
            &mut frame,
            center,
            low,
            high,
            (bands.width() / 6.0).min(8.0),
            palette.text,
        );
        if show_values {
            frame.svg.text(
                center,
                high - 4.0,
                &percent(variant.rate.value),
                &[
                    ("font-size", &num(tick)),
                    ("fill", palette.text),
                    ("text-anchor", "middle"),
                ],
            );
        }
        frame.svg.close("g");
    }
    frame.axis_lines();
    frame.finish()
}

/// A retention projection (a [`fit_sbg`] result): the observed survival as dots, the
/// sBG model's survival as a line (solid over the observed periods, dashed over the
/// projected ones) and a vertical rule where the projection starts.
///
/// [`fit_sbg`]: crate::metrics::fit_sbg
///
/// ```
/// use pmkit::chart::{retention_projection_chart, ChartOptions};
/// use pmkit::metrics::{fit_sbg, SbgOptions};
///
/// let fit = fit_sbg(&[1000, 631, 468, 382, 326, 289, 262, 241], &SbgOptions::default())?;
/// let chart = retention_projection_chart(&fit, &ChartOptions::default());
/// assert_eq!(chart.title, "Retention projection — shifted-beta-geometric");
/// assert!(chart.description.contains("α = 0.704, β = 1.182"));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn retention_projection_chart(fit: &SbgFit, options: &ChartOptions) -> Chart {
    let title = "Retention projection — shifted-beta-geometric";
    let kind = ChartKind::RetentionProjection;
    let share_ok = |s: &f64| s.is_finite() && (0.0..=1.0).contains(s);
    let observed = fit.actual_survival.len();
    let problem = if fit.survival.len() < 2 || observed < 2 {
        Some("No survival curve to draw")
    } else if !fit.survival.iter().all(share_ok) || !fit.actual_survival.iter().all(share_ok) {
        Some("A survival share is not a fraction")
    } else if fit.survival.len() > 1 + 2 * (crate::metrics::MAX_SBG_PROJECTED_PERIODS as usize)
        || observed > fit.survival.len()
    {
        Some("More periods than a fit projects")
    } else {
        None
    };
    if let Some(problem) = problem {
        return Frame::empty(kind, options, title, &format!("{problem}."), problem);
    }
    let last = fit.survival.len() - 1;
    let projected_end = fit.survival[last];
    let description = format!(
        "Fitted on {} periods: α = {}, β = {}. Observed survival falls to {} after period {}; \
         the model projects {} after period {last}.",
        observed - 1,
        format_parameter(fit.alpha),
        format_parameter(fit.beta),
        percent(fit.actual_survival[observed - 1]),
        observed - 1,
        percent(projected_end),
    );
    let palette = options.clamped().theme.palette();
    let (actual_color, model_color) = (palette.series(1), palette.series(0));
    let legend = [
        LegendItem::fill("Observed", actual_color),
        LegendItem::line("Model (fitted)", model_color, false),
        LegendItem::line("Model (projected)", model_color, true),
    ];
    let mut frame = Frame::new(kind, options, title, &description, &legend);
    let y = LinearScale::new(0.0, 1.0, frame.y_range(), frame.y_tick_target(), true);
    let x = LinearScale::new(
        0.0,
        last as f64,
        frame.x_range(),
        x_ticks(&frame).min(last),
        true,
    );
    frame.y_axis_with(&y, "Share still active", percent);
    frame.x_axis_linear(&x, "Period");
    let point = |t: usize, share: f64| (x.map(t as f64), y.map(share));
    let fitted: Vec<(f64, f64)> = (0..observed).map(|t| point(t, fit.survival[t])).collect();
    let projected: Vec<(f64, f64)> = (observed - 1..=last)
        .map(|t| point(t, fit.survival[t]))
        .collect();
    let start = x.map((observed - 1) as f64);
    frame.svg.line(
        start,
        frame.plot.bottom(),
        start,
        frame.plot.y,
        &[
            ("class", "projection-start"),
            ("stroke", palette.axis),
            ("stroke-width", "1"),
        ],
    );
    frame.svg.polyline(
        &fitted,
        &[
            ("class", "series-fitted"),
            ("stroke", model_color),
            ("stroke-width", "2"),
        ],
    );
    if projected.len() > 1 {
        frame.svg.polyline(
            &projected,
            &[
                ("class", "series-projected"),
                ("stroke", model_color),
                ("stroke-width", "2"),
                ("stroke-dasharray", DASH),
            ],
        );
    }
    let radius = if observed > 60 { 2.0 } else { 3.5 };
    for (t, share) in fit.actual_survival.iter().enumerate() {
        let (cx, cy) = point(t, *share);
        let tooltip = format!(
            "Period {t}: {} observed, {} modelled",
            percent(*share),
            percent(fit.survival[t])
        );
        frame.svg.circle(
            cx,
            cy,
            radius,
            &tooltip,
            &[("class", "observed"), ("fill", actual_color)],
        );
    }
    frame.axis_lines();
    frame.finish()
}

/// α or β to three decimals, large ones compactly.
fn format_parameter(value: f64) -> String {
    if value.abs() >= 1e4 {
        number_label(value)
    } else {
        format!("{:.3}", value)
    }
}

/// About one x tick per 80 px.
fn x_ticks(frame: &Frame) -> usize {
    ((frame.plot.width / 80.0).floor() as usize).clamp(2, 12)
}

#[cfg(test)]
mod tests;
