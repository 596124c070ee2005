//! Cumulative flow and cycle-time scatter charts of a board.
//!
//! [`cumulative_flow_chart`] stacks one area per workflow column from a
//! [`CumulativeFlow`]; [`cycle_time_chart`] scatters finished items of a [`Timelines`]
//! by the day they finished and their cycle time, with the percentile lines of
//! [`CYCLE_TIME_LEVELS`].

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::frame::{text_width, Frame, LegendItem, DASH};
use super::scale::{day_label, number_label, DateScale, LinearScale};
use super::svg::{num, path_data};
use super::{Chart, ChartKind, ChartOptions};
use crate::flow::{
    durations, percentiles, CumulativeFlow, DurationKind, Percentile, Timelines, CYCLE_TIME_LEVELS,
};

/// `"2026-01-05 to 2026-02-20"`, or the one day.
fn span(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first} to {last}")
    }
}

/// `"1 day"`, `"9.5 days"`.
fn days(value: f64) -> String {
    let text = num(value);
    let unit = if text == "1" { "day" } else { "days" };
    format!("{text} {unit}")
}

/// `"50th"`, `"85th"`, `"1st"`, `"92nd"`, `"97.5th"`: the ordinal of a level.
fn ordinal(level: f64) -> String {
    let percent = level * 100.0;
    let rounded = percent.round();
    if (percent - rounded).abs() > 1e-9 || !(0.0..=100.0).contains(&rounded) {
        return format!("{}th", num(percent));
    }
    let whole = rounded as u64;
    let suffix = match (whole % 10, whole % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{whole}{suffix}")
}

/// A text halo in the background colour, so labels stay readable over data.
fn halo(background: &str) -> [(&str, &str); 4] {
    [
        ("stroke", background),
        ("stroke-width", "3"),
        ("stroke-linejoin", "round"),
        ("paint-order", "stroke"),
    ]
}

/// Why a cumulative flow cannot be drawn, or `None` when it can.
fn flow_problem(flow: &CumulativeFlow) -> Option<&'static str> {
    if flow.columns.is_empty() {
        return Some("No columns to draw");
    }
    if flow.dates.is_empty() {
        return Some("No items entered the board");
    }
    if flow.counts.len() != flow.columns.len()
        || flow.counts.iter().any(|row| row.len() != flow.dates.len())
    {
        return Some("The flow's counts do not match its columns and dates");
    }
    if flow
        .dates
        .windows(2)
        .any(|pair| matches!(pair, [a, b] if a >= b))
    {
        return Some("The flow's dates are not in order");
    }
    let values = || flow.counts.iter().flatten();
    if values().any(|v| !v.is_finite() || *v < 0.0) {
        return Some("The flow holds a count that is not a non-negative number");
    }
    values()
        .all(|&v| v == 0.0)
        .then_some("Nothing entered the board")
}

/// The top edge of each column's band: `counts[c][d]`, raised where needed so no band
/// is thinner than zero (`counts` from [`crate::flow::cumulative_flow`] already fall
/// from each column to the next; this only guards data built by hand or rounded).
fn band_tops(counts: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let mut tops: Vec<Vec<f64>> = Vec::with_capacity(counts.len());
    for row in counts.iter().rev() {
        let top = match tops.last() {
            Some(below) => row.iter().zip(below).map(|(&v, &b)| v.max(b)).collect(),
            None => row.clone(),
        };
        tops.push(top);
    }
    tops.reverse();
    tops
}

/// The cumulative flow diagram: one stacked area per workflow column over the days,
/// the last column (done) at the bottom and the first (backlog) at the top, so the
/// thickness of a band on a day is what sat in that column at the end of the day and
/// the top edge is everything that had entered the board.
///
/// Counts are at the **end** of each day (the day's right edge); every band starts
/// from 0 at the left edge of the first day. The y axis is unit-free ("Cumulative
/// count"): [`CumulativeFlow`] holds items or points as
/// [`cumulative_flow`](crate::flow::cumulative_flow) was asked, without saying which.
/// The legend lists the columns in workflow order.
///
/// No columns, no days, counts that do not match the columns and dates, dates out of
/// order, a negative or non-finite count, or all zeros draw the frame with a note.
///
/// ```
/// use pmkit::chart::{cumulative_flow_chart, ChartOptions};
/// use pmkit::flow::*;
///
/// let timelines = item_timelines(&sample_items(), &sample_workflow(), sample_today(), Counting::Elapsed)?;
/// let flow = cumulative_flow(&timelines, Measure::Items)?;
/// let chart = cumulative_flow_chart(&flow, &ChartOptions::default());
/// assert_eq!(chart.title, "Cumulative flow");
/// assert!(chart.description.starts_with("Cumulative flow of 4 columns over"));
/// assert!(chart.svg.contains(">In Progress</text>"));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn cumulative_flow_chart(flow: &CumulativeFlow, options: &ChartOptions) -> Chart {
    let title = "Cumulative flow";
    if let Some(problem) = flow_problem(flow) {
        let description = format!(
            "{problem} ({} column{}, {} day{}).",
            flow.columns.len(),
            if flow.columns.len() == 1 { "" } else { "s" },
            flow.dates.len(),
            if flow.dates.len() == 1 { "" } else { "s" },
        );
        return Frame::empty(
            ChartKind::CumulativeFlow,
            options,
            title,
            &description,
            problem,
        );
    }
    let (Some(&first), Some(&last)) = (flow.dates.first(), flow.dates.last()) else {
        return Frame::empty(ChartKind::CumulativeFlow, options, title, "", "No days");
    };
    let tops = band_tops(&flow.counts);
    let at_end = |row: Option<&Vec<f64>>| row.and_then(|r| r.last()).copied().unwrap_or(0.0);
    let in_column: Vec<f64> = (0..flow.columns.len())
        .map(|c| at_end(tops.get(c)) - at_end(tops.get(c + 1)))
        .collect();
    let total = at_end(tops.first());
    let days_spanned = (last - first).num_days() + 1;
    let standing: Vec<String> = flow
        .columns
        .iter()
        .zip(&in_column)
        .map(|(name, &value)| format!("{name} {}", num(value)))
        .collect();
    let description = format!(
        "Cumulative flow of {} columns over {days_spanned} day{}, {}. At the end: {}; {} \
         entered in all.",
        flow.columns.len(),
        if days_spanned == 1 { "" } else { "s" },
        span(first, last),
        standing.join(", "),
        num(total),
    );

    let palette = options.clamped().theme.palette();
    let colors: Vec<&'static str> = (0..flow.columns.len()).map(|c| palette.series(c)).collect();
    let legend: Vec<LegendItem> = flow
        .columns
        .iter()
        .zip(&colors)
        .map(|(name, &color)| LegendItem::fill(name, color))
        .collect();
    let mut frame = Frame::new(
        ChartKind::CumulativeFlow,
        options,
        title,
        &description,
        &legend,
    );
    let x = DateScale::new(
        first,
        usize::try_from(days_spanned).unwrap_or(1),
        frame.x_range(),
    );
    let y = LinearScale::new(0.0, total, frame.y_range(), frame.y_tick_target(), true);
    frame.y_axis(&y, "Cumulative count");
    frame.x_axis_dates(&x, "Day (counts at the end of each day)");

    // One point per pixel column at most: a span of years has more days than the plot
    // has pixels, and drawing each would only make the SVG large and slow. The last day
    // of each pixel column is kept (the count at that pixel's right edge).
    let xs: Vec<f64> = flow
        .dates
        .iter()
        .map(|&date| x.day_end(usize::try_from(x.index_of(date)).unwrap_or(0)))
        .collect();
    let keep: Vec<usize> = (0..xs.len())
        .filter(|&i| match (xs.get(i), xs.get(i + 1)) {
            (Some(here), Some(next)) => here.floor() != next.floor(),
            _ => true,
        })
        .collect();
    let pick = |row: &[f64]| -> Vec<(f64, f64)> {
        keep.iter()
            .filter_map(|&i| Some((*xs.get(i)?, y.map(*row.get(i)?))))
            .collect()
    };
    let origin = (x.day_start(0), y.map(0.0));
    let zeros = vec![0.0; flow.dates.len()];
    for (column, name) in flow.columns.iter().enumerate() {
        let (Some(top), Some(&color)) = (tops.get(column), colors.get(column)) else {
            continue;
        };
        let bottom = tops.get(column + 1).unwrap_or(&zeros);
        let mut outline = vec![origin];
        outline.extend(pick(top));
        outline.extend(pick(bottom).into_iter().rev());
        frame.svg.group(&[]);
        frame.svg.element(
            "title",
            &[],
            &format!(
                "{name}: {} at the end of {}; {} had reached it",
                num(in_column.get(column).copied().unwrap_or(0.0)),
                day_label(last),
                num(at_end(flow.counts.get(column))),
            ),
        );
        frame.svg.path(
            &path_data(&outline, true),
            &[
                ("class", &format!("band-{column}")),
                ("fill", color),
                ("stroke", palette.background),
                ("stroke-width", "0.5"),
                ("stroke-linejoin", "round"),
            ],
        );
        frame.svg.close("g");
    }
    frame.axis_lines();
    frame.finish()
}

/// A finished item as the scatter draws it.
struct Finished<'a> {
    key: &'a str,
    done_on: NaiveDate,
    days: f64,
}

/// The finished items, or why they cannot be drawn.
fn finished_items(timelines: &Timelines) -> Result<Vec<Finished<'_>>, &'static str> {
    let mut items = Vec::new();
    for item in &timelines.items {
        let Some(cycle_time) = item.cycle_time else {
            continue;
        };
        if !cycle_time.is_finite() || cycle_time < 0.0 {
            return Err("A cycle time is not a non-negative number");
        }
        let Some(done_on) = item.done_on else {
            return Err("An item has a cycle time but no done date");
        };
        items.push(Finished {
            key: &item.key,
            done_on,
            days: cycle_time,
        });
    }
    if items.is_empty() {
        return Err("No finished items to draw");
    }
    Ok(items)
}

/// `"PM-1, PM-7 and 3 more"`: at most 6 keys.
fn keys_list(keys: &[&str]) -> String {
    const SHOWN: usize = 6;
    let mut text = keys
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if keys.len() > SHOWN {
        text.push_str(&format!(" and {} more", keys.len() - SHOWN));
    }
    text
}

/// Cycle-time scatter: one dot per finished item at the day it finished (x) and its
/// cycle time in days (y), with dashed horizontal lines at the 50th, 85th and 95th
/// percentiles ([`CYCLE_TIME_LEVELS`], computed by [`percentiles`] over
/// [`durations`]), each labelled like `"85th: 9.5 days"`.
///
/// **Overlaps.** Items that finished on the same day with the same cycle time (to
/// 2 decimals) are drawn as one larger, opaque dot with their count written inside,
/// and its tooltip lists their keys: nothing hides behind another dot, and positions
/// stay exact (no jitter, which would move dots off their day).
///
/// Timelines without a finished item, with a negative or non-finite cycle time, or
/// with a cycle time but no done date draw the frame with a note.
///
/// ```
/// use pmkit::chart::{cycle_time_chart, ChartOptions};
/// use pmkit::flow::*;
///
/// let timelines = item_timelines(&sample_items(), &sample_workflow(), sample_today(), Counting::Elapsed)?;
/// let chart = cycle_time_chart(&timelines, &ChartOptions::default());
/// let p = percentiles(&durations(&timelines, DurationKind::CycleTime), &CYCLE_TIME_LEVELS)?;
/// let label = format!(">85th: {} days</text>", (p[1].value * 100.0).round() / 100.0);
/// assert!(chart.svg.contains(&label));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn cycle_time_chart(timelines: &Timelines, options: &ChartOptions) -> Chart {
    let title = "Cycle time";
    let items = match finished_items(timelines) {
        Ok(items) => items,
        Err(problem) => {
            let description = format!("{problem} ({} items).", timelines.items.len());
            return Frame::empty(ChartKind::CycleTime, options, title, &description, problem);
        }
    };
    let sample = durations(timelines, DurationKind::CycleTime);
    let Ok(levels) = percentiles(&sample, &CYCLE_TIME_LEVELS) else {
        let problem = "The cycle times have no percentiles";
        return Frame::empty(ChartKind::CycleTime, options, title, problem, problem);
    };
    let first = items.iter().map(|i| i.done_on).min().unwrap_or_default();
    let last = items.iter().map(|i| i.done_on).max().unwrap_or(first);
    let longest = items
        .iter()
        .fold(None::<&Finished>, |best, item| match best {
            Some(b) if b.days >= item.days => Some(b),
            _ => Some(item),
        });
    let level_words: Vec<String> = levels
        .iter()
        .map(|p| format!("{} percentile {}", ordinal(p.level), days(p.value)))
        .collect();
    let description = format!(
        "{} item{} finished, {}. Cycle time: {}{}.",
        items.len(),
        if items.len() == 1 { "" } else { "s" },
        span(first, last),
        level_words.join(", "),
        longest
            .map(|item| format!("; longest {} ({})", days(item.days), item.key))
            .unwrap_or_default(),
    );

    let palette = options.clamped().theme.palette();
    let (dot_color, line_color) = (palette.series(0), palette.series(1));
    let legend = [
        LegendItem::fill("Finished item", dot_color),
        LegendItem::line("Percentile", line_color, true),
    ];
    let mut frame = Frame::new(ChartKind::CycleTime, options, title, &description, &legend);
    let days_spanned = usize::try_from((last - first).num_days() + 1).unwrap_or(1);
    let x = DateScale::new(first, days_spanned, frame.x_range());
    let high = items
        .iter()
        .map(|i| i.days)
        .chain(levels.iter().map(|p| p.value))
        .fold(0.0, f64::max);
    let y = LinearScale::new(0.0, high, frame.y_range(), frame.y_tick_target(), true);
    frame.y_axis(&y, "Cycle time (days)");
    frame.x_axis_dates(&x, "Day finished");

    // Items sharing a day and a value (to 2 decimals) become one dot with a count.
    let mut groups: BTreeMap<(NaiveDate, i64), (f64, Vec<&str>)> = BTreeMap::new();
    for item in &items {
        let hundredths = (item.days * 100.0).round() as i64;
        groups
            .entry((item.done_on, hundredths))
            .or_insert_with(|| (item.days, Vec::new()))
            .1
            .push(item.key);
    }
    let count_size = frame.sizes.tick;
    frame.svg.group(&[
        ("class", "series-items"),
        ("fill", dot_color),
        ("fill-opacity", "0.8"),
        ("stroke", palette.background),
        ("stroke-width", "0.75"),
    ]);
    for ((day, _), (value, keys)) in &groups {
        let index = usize::try_from(x.index_of(*day)).unwrap_or(0);
        let (cx, cy) = (x.day_center(index), y.map(*value));
        let count = keys.len();
        let tip = format!(
            "{}: {} (finished {})",
            keys_list(keys),
            days(*value),
            day_label(*day)
        );
        if count == 1 {
            frame.svg.circle(cx, cy, 3.5, &tip, &[]);
            continue;
        }
        // A shared dot: larger, opaque, its count written inside.
        let label = count.to_string();
        let r = (text_width(&label, count_size) / 2.0 + 2.5).max(5.5);
        frame.svg.circle(
            cx,
            cy,
            r,
            &tip,
            &[("class", "shared"), ("fill-opacity", "1")],
        );
        frame.svg.text(
            cx,
            cy + count_size / 3.0,
            &label,
            &[
                ("font-size", &num(count_size)),
                ("font-weight", "600"),
                ("fill", palette.background),
                ("stroke", "none"),
                ("text-anchor", "middle"),
            ],
        );
    }
    frame.svg.close("g");
    percentile_lines(&mut frame, &y, &levels, line_color);
    frame.axis_lines();
    frame.finish()
}

/// Baselines for labels wanted at `wanted` (lowest on screen first, so largest y
/// first), at least `gap` apart and not above `top`: pushed up past each other, then,
/// where that runs above `top`, pushed back down below it.
fn spread_labels(wanted: &[f64], gap: f64, top: f64) -> Vec<f64> {
    let mut placed: Vec<f64> = Vec::with_capacity(wanted.len());
    for &y in wanted {
        let y = match placed.last() {
            Some(&below) => y.min(below - gap),
            None => y,
        };
        placed.push(y);
    }
    let mut floor = top;
    for y in placed.iter_mut().rev() {
        *y = y.max(floor);
        floor = *y + gap;
    }
    placed
}

/// Dashed horizontal lines at each percentile, labelled at the right end just above
/// the line; close percentiles' labels are spread so none prints over another.
fn percentile_lines(
    frame: &mut Frame,
    y: &LinearScale,
    levels: &[Percentile],
    color: &'static str,
) {
    let (tick, background) = (frame.sizes.tick, frame.palette.background);
    let (left, right, top) = (frame.plot.x, frame.plot.right(), frame.plot.y);
    let mut sorted: Vec<&Percentile> = levels.iter().collect();
    sorted.sort_by(|a, b| a.value.total_cmp(&b.value));
    let wanted: Vec<f64> = sorted.iter().map(|p| y.map(p.value) - 4.0).collect();
    let label_ys = spread_labels(&wanted, tick + 2.0, top + tick);
    let mut text_attrs = vec![
        ("font-size", num(tick)),
        ("fill", frame.palette.ink(color).to_owned()),
        ("text-anchor", "end".to_owned()),
        ("font-weight", "600".to_owned()),
    ];
    text_attrs.extend(halo(background).iter().map(|&(k, v)| (k, v.to_owned())));
    let text_attrs: Vec<(&str, &str)> = text_attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for (p, label_y) in sorted.into_iter().zip(label_ys) {
        let at = y.map(p.value);
        let class = format!("percentile-{}", number_label(p.level * 100.0));
        frame.svg.line(
            left,
            at,
            right,
            at,
            &[
                ("class", &class),
                ("stroke", color),
                ("stroke-width", "1.5"),
                ("stroke-dasharray", DASH),
            ],
        );
        frame.svg.text(
            right - 4.0,
            label_y,
            &format!("{}: {}", ordinal(p.level), days(p.value)),
            &text_attrs,
        );
    }
}

#[cfg(test)]
mod tests;
