//! The Monte Carlo forecast histogram chart.
//!
//! [`forecast_chart`] draws a [`WhenForecast`]: trials per number of periods as bars,
//! its completion percentiles as markers and the deadline, with the share of trials
//! done by it.

use std::collections::BTreeMap;

use super::frame::{text_width, Frame, LegendItem, Sizes, DASH};
use super::scale::{day_label, number_label, BandScale, LinearScale};
use super::svg::num;
use super::{Chart, ChartKind, ChartOptions};
use crate::forecast::WhenForecast;

/// `"1 period"`, `"12 periods"`.
fn periods(count: u64) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} period{plural}")
}

/// A share as a whole percentage that never rounds to a certainty it is not:
/// `"79%"`, `"<1%"` for 0.004, `">99%"` for 0.996, `"0%"` and `"100%"` only when exact.
fn percent(share: f64) -> String {
    let rounded = (share * 100.0).round();
    if rounded == 0.0 && share > 0.0 {
        "<1%".to_owned()
    } else if rounded == 100.0 && share < 1.0 {
        ">99%".to_owned()
    } else {
        format!("{}%", num(rounded))
    }
}

/// Why a forecast cannot be drawn, or `None` when it can.
fn forecast_problem(forecast: &WhenForecast) -> Option<&'static str> {
    if forecast.distribution.iter().all(|count| count.trials == 0) {
        return Some("No trials to draw");
    }
    // A forecast simulates at most MAX_PERIODS periods; a wider span is not one, and
    // drawing a bar per period of it would have no bound.
    let span = forecast
        .distribution
        .iter()
        .filter(|c| c.trials > 0)
        .map(|c| c.periods);
    let (low, high) = span.fold((u64::MAX, 0), |(lo, hi), p| (lo.min(p), hi.max(p)));
    if high.saturating_sub(low) > crate::forecast::MAX_PERIODS {
        return Some("The outcomes span more periods than a forecast simulates");
    }
    let share_ok = |p: f64| p.is_finite() && (0.0..=1.0).contains(&p);
    if forecast.deadline_probability.is_some_and(|p| !share_ok(p))
        || forecast.percentiles.iter().any(|p| !share_ok(p.level))
    {
        return Some("A level or probability is not a fraction");
    }
    None
}

/// A vertical marker: where it goes, its label, colour and class.
struct Marker {
    x: f64,
    label: String,
    short: String,
    color: &'static str,
    class: String,
    dashed: bool,
}

/// A label laid out over the plot: its baseline row, left edge and anchor.
struct Placed {
    row: usize,
    x: f64,
    anchor: &'static str,
}

/// Puts each label right of its marker (left of it when it would cross the plot's
/// right edge), in the first row where it overlaps no label already there. Returns the
/// placements (in marker order) and the number of rows.
fn place_labels(
    markers: &[Marker],
    labels: &[&str],
    size: f64,
    right: f64,
) -> (Vec<Placed>, usize) {
    const GAP: f64 = 6.0;
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut placed = Vec::with_capacity(markers.len());
    for (marker, label) in markers.iter().zip(labels) {
        let width = text_width(label, size);
        let (left, anchor, x) = if marker.x + 4.0 + width <= right {
            (marker.x + 4.0, "start", marker.x + 4.0)
        } else {
            (marker.x - 4.0 - width, "end", marker.x - 4.0)
        };
        let span = (left, left + width);
        let free = |row: &Vec<(f64, f64)>| {
            row.iter()
                .all(|&(a, b)| span.1 + GAP <= a || b + GAP <= span.0)
        };
        let row = match rows.iter().position(free) {
            Some(row) => row,
            None => {
                rows.push(Vec::new());
                rows.len() - 1
            }
        };
        if let Some(spans) = rows.get_mut(row) {
            spans.push(span);
        }
        placed.push(Placed { row, x, anchor });
    }
    let count = rows.len();
    (placed, count)
}

/// The Monte Carlo "when" forecast as a histogram: one bar per number of periods, as
/// high as the trials that finished in exactly that many
/// ([`WhenForecast::distribution`]), with a dashed marker through the bar of each
/// completion percentile, labelled `"85%: Mar 6"` (its date when the forecast had a
/// calendar, `"85%: 12 periods"` otherwise), and, when the forecast was given a
/// deadline, a solid marker labelled with its probability: `"Deadline Mar 5: 79%"`.
///
/// The deadline marker stands on the **right edge** of the bar of
/// [`deadline_periods`](WhenForecast::deadline_periods) (at the plot's left edge when
/// the deadline is before the start): the trials left of it are exactly those counted
/// in `deadline_probability`, and their bars are coloured, later ones grey. A
/// percentile marker stands in the **middle** of its bar: that many periods or fewer
/// finished the level's share of trials. The x axis spans the outcomes, widened to a
/// deadline up to one span away on either side (a marker further out is pinned to the
/// plot's edge); labels that would collide go on further rows, shortened to `"85%"` in
/// small charts.
///
/// No distribution (or only zero counts), a level or probability outside 0..=1, or
/// outcomes spanning more than [`MAX_PERIODS`](crate::forecast::MAX_PERIODS) periods
/// (which no forecast produces) draws the frame with a note; the bindings refuse such
/// a forecast first, with [`WhenForecast::check`].
///
/// ```
/// use chrono::NaiveDate;
/// use pmkit::chart::{forecast_chart, ChartOptions};
/// use pmkit::forecast::{forecast_when, Calendar, Simulation, WHEN_LEVELS};
///
/// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let forecast = forecast_when(
///     30.0,
///     &[2.0, 0.0, 3.0, 5.0, 1.0, 0.0, 4.0],
///     &WHEN_LEVELS,
///     &Simulation::new(2_000, 42)?,
///     Some(&Calendar::new(start, 7)?),
///     NaiveDate::from_ymd_opt(2026, 6, 15),
/// )?;
/// let chart = forecast_chart(&forecast, &ChartOptions::default());
/// assert_eq!(chart.title, "Forecast — when will it be done?");
/// assert!(chart.svg.contains(">Deadline Jun 15: "));
/// assert!(chart.description.starts_with("2000 trials finished in 7 to 29 periods"));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn forecast_chart(forecast: &WhenForecast, options: &ChartOptions) -> Chart {
    let title = "Forecast — when will it be done?";
    if let Some(problem) = forecast_problem(forecast) {
        let description = format!(
            "{problem} ({} trials, {} outcomes).",
            forecast.trials,
            forecast.distribution.len()
        );
        return Frame::empty(ChartKind::Forecast, options, title, &description, problem);
    }
    // Trials per number of periods, summed should an outcome repeat, zeros dropped.
    let mut bars: BTreeMap<u64, u64> = BTreeMap::new();
    for count in forecast.distribution.iter().filter(|c| c.trials > 0) {
        *bars.entry(count.periods).or_insert(0) += count.trials;
    }
    let (Some((&low, _)), Some((&high, _))) = (bars.first_key_value(), bars.last_key_value())
    else {
        return Frame::empty(ChartKind::Forecast, options, title, "", "No trials to draw");
    };
    let total: u64 = bars.values().sum();
    let tallest = bars.values().copied().max().unwrap_or(0);
    let has_deadline = forecast.deadline.is_some() || forecast.deadline_periods.is_some();

    // The x axis: the outcomes, widened to the deadline when it is near.
    let reach = (high - low + 1).max(2);
    let (mut first, mut last) = (low, high);
    if let Some(deadline) = forecast.deadline_periods {
        if deadline + reach >= low && deadline <= high + reach {
            first = first.min(deadline);
            last = last.max(deadline);
        }
    }

    let deadline_words = |with_share: bool| {
        let when = match (forecast.deadline, forecast.deadline_periods) {
            (Some(date), _) => format!("Deadline {}", day_label(date)),
            (None, Some(count)) => format!("Deadline ({})", periods(count)),
            (None, None) => "Deadline".to_owned(),
        };
        match forecast.deadline_probability {
            Some(share) if with_share => format!("{when}: {}", percent(share)),
            _ => when,
        }
    };
    let level_words: Vec<String> = forecast
        .percentiles
        .iter()
        .map(|p| {
            let date = p
                .date
                .map(|d| format!(" ({})", day_label(d)))
                .unwrap_or_default();
            format!(
                "{}% within {}{date}",
                num(p.level * 100.0),
                periods(p.periods)
            )
        })
        .collect();
    let mut description = format!(
        "{total} trials finished in {low} to {high} periods{}.",
        if forecast.mean_periods.is_finite() {
            format!(" (mean {})", num(forecast.mean_periods))
        } else {
            String::new()
        }
    );
    if !level_words.is_empty() {
        description.push_str(&format!(" {}.", level_words.join(", ")));
    }
    if has_deadline {
        description.push_str(&format!(" {}", deadline_words(false)));
        match forecast.deadline_probability {
            Some(share) => {
                description.push_str(&format!(": {} of trials done by it.", percent(share)))
            }
            None => description.push('.'),
        }
    }

    let palette = options.clamped().theme.palette();
    let (bar_color, late_color, level_color, deadline_color) = (
        palette.series(0),
        palette.neutral,
        palette.series(1),
        palette.series(2),
    );
    let compact = !Sizes::for_size(options.clamped().width, options.clamped().height).axis_titles;
    let mut legend = Vec::new();
    if has_deadline {
        let (on_time, later) = if compact {
            ("By the deadline", "Later")
        } else {
            ("Trials done by the deadline", "Trials done later")
        };
        legend.push(LegendItem::fill(on_time, bar_color));
        legend.push(LegendItem::fill(later, late_color));
    } else {
        legend.push(LegendItem::fill("Trials", bar_color));
    }
    if !forecast.percentiles.is_empty() {
        legend.push(LegendItem::line("Percentile", level_color, true));
    }
    if has_deadline {
        legend.push(LegendItem::line("Deadline", deadline_color, false));
    }
    let mut frame = Frame::new(ChartKind::Forecast, options, title, &description, &legend);
    let count = usize::try_from(last - first + 1).unwrap_or(1);
    let step = frame.plot.width / count as f64;
    let bands = BandScale::new(count, frame.x_range(), if step >= 6.0 { 0.2 } else { 0.0 });
    let (left, right) = frame.x_range();
    let index = |periods: u64| periods.saturating_sub(first) as f64;
    let pin = |x: f64| x.clamp(left, right);

    // Markers: percentiles through their bar's middle, the deadline on its right edge.
    let mut markers: Vec<Marker> = forecast
        .percentiles
        .iter()
        .map(|p| {
            let share = format!("{}%", num(p.level * 100.0));
            let at = match p.date {
                Some(date) => day_label(date),
                None => periods(p.periods),
            };
            let x = if p.periods < first {
                left
            } else {
                pin(left + (index(p.periods) + 0.5) * bands.step())
            };
            Marker {
                x,
                label: format!("{share}: {at}"),
                short: share,
                color: level_color,
                class: format!("marker-{}", number_label(p.level * 100.0)),
                dashed: true,
            }
        })
        .collect();
    let deadline_x = match forecast.deadline_periods {
        Some(periods) if periods >= first => pin(left + (index(periods) + 1.0) * bands.step()),
        _ => left,
    };
    if has_deadline {
        // First, so its label gets the top row.
        markers.insert(
            0,
            Marker {
                x: deadline_x,
                label: deadline_words(true),
                short: forecast
                    .deadline_probability
                    .map(percent)
                    .unwrap_or_else(|| "Deadline".to_owned()),
                color: deadline_color,
                class: "marker-deadline".to_owned(),
                dashed: false,
            },
        );
    }
    let tick = frame.sizes.tick;
    let row_height = tick + 4.0;
    let full: Vec<&str> = markers.iter().map(|m| m.label.as_str()).collect();
    let (mut placed, mut rows) = place_labels(&markers, &full, tick, right);
    if rows as f64 * row_height > frame.plot.height * 0.4 {
        let short: Vec<&str> = markers.iter().map(|m| m.short.as_str()).collect();
        (placed, rows) = place_labels(&markers, &short, tick, right);
        for marker in &mut markers {
            marker.label = marker.short.clone();
        }
    }
    let reserve = if rows > 0 {
        rows as f64 * row_height + 4.0
    } else {
        0.0
    };
    let bottom = frame.plot.bottom();
    let top = (frame.plot.y + reserve).min(bottom - 1.0);
    let targets = (((bottom - top) / 50.0).floor() as usize).clamp(2, 8);
    let y = LinearScale::new(0.0, tallest as f64, (bottom, top), targets, true);
    frame.y_axis(&y, "Trials");
    let labels: Vec<String> = (first..=last).map(|p| p.to_string()).collect();
    frame.x_axis_bands(&bands, &labels, "Periods to finish");

    let base = y.map(0.0);
    let within = |periods: u64| match forecast.deadline_periods {
        Some(deadline) => periods <= deadline,
        None => forecast.deadline.is_none(),
    };
    for (&at, &trials) in &bars {
        let slot = usize::try_from(at - first).unwrap_or(0);
        let bar_top = y.map(trials as f64);
        let (class, color) = if within(at) {
            ("bar-done", bar_color)
        } else {
            ("bar-late", late_color)
        };
        frame.svg.group(&[]);
        frame.svg.element(
            "title",
            &[],
            &format!(
                "{}: {trials} trials ({}%)",
                periods(at),
                num((trials as f64 / total as f64 * 1000.0).round() / 10.0)
            ),
        );
        frame.svg.rect(
            bands.start(slot),
            bar_top,
            bands.width(),
            base - bar_top,
            &[("class", class), ("fill", color)],
        );
        frame.svg.close("g");
    }

    // Every line first, then every label, so no line crosses a label's text.
    let baseline = |place: &Placed| frame.plot.y + tick + place.row as f64 * row_height;
    let tops: Vec<f64> = placed.iter().map(|place| baseline(place) - tick).collect();
    for (marker, top) in markers.iter().zip(tops) {
        let mut attrs = vec![
            ("class", marker.class.as_str()),
            ("stroke", marker.color),
            ("stroke-width", if marker.dashed { "1.5" } else { "2.5" }),
        ];
        if marker.dashed {
            attrs.push(("stroke-dasharray", DASH));
        }
        frame.svg.line(marker.x, base, marker.x, top, &attrs);
    }
    let background = palette.background;
    for (marker, place) in markers.iter().zip(&placed) {
        let y = frame.plot.y + tick + place.row as f64 * row_height;
        frame.svg.text(
            place.x,
            y,
            &marker.label,
            &[
                ("font-size", &num(tick)),
                ("font-weight", "600"),
                ("fill", palette.ink(marker.color)),
                ("text-anchor", place.anchor),
                ("stroke", background),
                ("stroke-width", "3"),
                ("stroke-linejoin", "round"),
                ("paint-order", "stroke"),
            ],
        );
    }
    frame.axis_lines();
    frame.finish()
}

#[cfg(test)]
mod tests;
