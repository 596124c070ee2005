//! Retention heatmap and active-users line charts of an event log:
//! [`retention_chart`] from a [`Retention`] matrix and [`active_users_chart`] from
//! [`ActiveUsers`](crate::analytics::ActiveUsers).

use chrono::NaiveDate;

use super::frame::{fit, text_width, Area, Frame, LegendItem};
use super::scale::BandScale;
use super::svg::num;
use super::{Chart, ChartKind, ChartOptions};
use crate::analytics::{Cohorts, Period, Retention, RetentionKind};

mod active;

pub use active::active_users_chart;

/// The viridis ramp at 0, 1/8, …, 1: perceptually uniform, colour-blind safe, its
/// lightness rising from dark purple to yellow, so it reads on white and on near-black.
const RAMP: [(u8, u8, u8); 9] = [
    (0x44, 0x01, 0x54),
    (0x46, 0x32, 0x7e),
    (0x36, 0x5c, 0x8d),
    (0x27, 0x7f, 0x8e),
    (0x1f, 0xa1, 0x87),
    (0x4a, 0xc1, 0x6d),
    (0xa0, 0xda, 0x39),
    (0xd0, 0xe1, 0x1c),
    (0xfd, 0xe7, 0x25),
];

/// The legend's keys: the ramp at 0, 25, 50, 75 and 100 %, exactly as cells are filled.
const RAMP_KEYS: [(&str, &str); 5] = [
    ("0%", "#440154"),
    ("25%", "#365c8d"),
    ("50%", "#1fa187"),
    ("75%", "#a0da39"),
    ("100%", "#fde725"),
];

/// The ramp's colour at `rate` (clamped to 0..=1) as `#rrggbb`, and whether text on
/// it should be light (white contrasts more than the dark text colour).
fn ramp(rate: f64) -> (String, bool) {
    let t = if rate.is_finite() {
        rate.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let scaled = t * (RAMP.len() - 1) as f64;
    let index = (scaled.floor() as usize).min(RAMP.len() - 2);
    let frac = scaled - index as f64;
    let (Some(&low), Some(&high)) = (RAMP.get(index), RAMP.get(index + 1)) else {
        return ("#440154".to_owned(), true);
    };
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * frac).round() as u8;
    let (r, g, b) = (mix(low.0, high.0), mix(low.1, high.1), mix(low.2, high.2));
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    // Contrast with white (1.0) against contrast with the dark text (#1f2328, 0.016).
    let light_text = 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.066;
    (format!("#{r:02x}{g:02x}{b:02x}"), light_text)
}

/// `("Weekly", "week", "W")` for a period.
fn period_words(period: Period) -> (&'static str, &'static str, &'static str) {
    match period {
        Period::Day => ("Daily", "day", "D"),
        Period::Week { .. } => ("Weekly", "week", "W"),
        Period::Month => ("Monthly", "month", "M"),
    }
}

/// `"55%"`: a rate as a whole percent.
fn percent(rate: f64) -> String {
    format!("{}%", num((rate * 100.0).round()))
}

/// A cohort's label: its start (`2026-01-05`, or `2026-01` for months) and size.
fn cohort_label(period: Period, start: NaiveDate, size: u64) -> String {
    match period {
        Period::Month => format!("{} ({size})", start.format("%Y-%m")),
        _ => format!("{start} ({size})"),
    }
}

/// Why a matrix cannot be drawn, or `None` when it can.
fn retention_problem(retention: &Retention) -> Option<&'static str> {
    let rows = retention.cohort_starts.len();
    if rows == 0 {
        return Some("No cohorts to draw");
    }
    if retention.cohort_sizes.len() != rows || retention.rates.len() != rows {
        return Some("The matrix's rows do not match its cohorts");
    }
    let rates = retention.rates.iter().flatten().chain(&retention.average);
    if rates.flatten().any(|rate| !rate.is_finite()) {
        return Some("The matrix holds a rate that is not a number");
    }
    if retention.cohort_sizes.iter().all(|&size| size == 0) {
        return Some("No users in any cohort");
    }
    None
}

/// The cohort retention heatmap: a row per cohort (its start and size, `2026-01-05
/// (67)`), a column per period `k` after the cohort's own (`W0`, `W1` …), each cell
/// filled by its rate on one sequential ramp (viridis, 0 % dark purple to 100 %
/// yellow, the same in both themes) with the rate written in it (`55%`) when it fits.
/// Cells that cannot exist yet (after the log's last day) are left empty, not drawn as
/// 0 %. The weighted-average row (`retention.average`) is at the bottom, set apart by
/// a gap and a rule. In large matrices the cell text goes first (when cells are too
/// small for `100%`), then every k-th row and column label; rows thinner than a label
/// leave the average row a label's height, and no label touches another (the period
/// names start at the matrix's left edge, a cohort label too close to "Average" is
/// left out).
///
/// An empty matrix, rows that do not match the cohorts, a non-finite rate, or cohorts
/// without users draw the frame with a note.
///
/// ```
/// use pmkit::analytics::{retention, sample_events, EventLog, RetentionOptions};
/// use pmkit::chart::{retention_chart, ChartOptions};
///
/// let sample = sample_events();
/// let log = EventLog::new(&sample.user_ids, &sample.times, sample.unit)?;
/// let matrix = retention(&log, &RetentionOptions::default())?;
/// let chart = retention_chart(&matrix, &ChartOptions::default());
/// assert_eq!(chart.title, "Weekly retention by cohort");
/// assert!(chart.svg.contains(">55%</text>")); // the first cohort in week 1
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn retention_chart(retention: &Retention, options: &ChartOptions) -> Chart {
    let (adjective, unit, prefix) = period_words(retention.options.period);
    let title = format!("{adjective} retention by cohort");
    if let Some(problem) = retention_problem(retention) {
        let description = format!("{problem} ({} cohorts).", retention.cohort_starts.len());
        return Frame::empty(ChartKind::Retention, options, &title, &description, problem);
    }
    let description = retention_words(retention, unit);
    let palette = options.clamped().theme.palette();
    let has_empty = retention
        .rates
        .iter()
        .flatten()
        .chain(&retention.average)
        .any(Option::is_none);
    let mut legend: Vec<LegendItem> = RAMP_KEYS
        .iter()
        .map(|&(label, color)| LegendItem::fill(label, color))
        .collect();
    if has_empty {
        legend.push(LegendItem::fill("Not yet", palette.background));
    }
    let mut frame = Frame::new(ChartKind::Retention, options, &title, &description, &legend);
    let sizes = frame.sizes;
    let period = retention.options.period;
    let labels: Vec<String> = retention
        .cohort_starts
        .iter()
        .zip(&retention.cohort_sizes)
        .map(|(&start, &size)| cohort_label(period, start, size))
        .collect();
    let longest = labels
        .iter()
        .map(|label| label.chars().count())
        .chain([14]) // "Cohort (users)"
        .max()
        .unwrap_or(14);
    frame.reserve_left(longest);

    // The matrix fills the plot and the room of the x tick labels; the header row of
    // period names is on top.
    let height = f64::from(options.clamped().height);
    let title_row = if sizes.axis_titles {
        sizes.label + 8.0
    } else {
        0.0
    };
    let header = sizes.tick + 8.0;
    let top = frame.plot.y + header;
    let bottom = height - sizes.margin - title_row;
    frame.plot = Area {
        height: (bottom - frame.plot.y).max(1.0),
        ..frame.plot
    };
    let cohorts = labels.len();
    let periods = retention
        .rates
        .iter()
        .map(Vec::len)
        .chain([retention.average.len()])
        .max()
        .unwrap_or(0)
        .max(1);
    let rows = heatmap_rows(top, bottom, cohorts, sizes.tick);
    let (row_h, average_y, average_h) = (rows.row_h, rows.average_y, rows.average_h);
    let columns = BandScale::new(periods, frame.x_range(), 0.0);
    let col_w = columns.step();
    let gap = if col_w.min(row_h) >= 12.0 { 2.0 } else { 1.0 };

    // Cell text: the tick size, a smaller one, or none.
    let cell_font = [sizes.tick, sizes.tick - 2.0].into_iter().find(|&font| {
        font >= 7.0 && text_width("100%", font) + 4.0 <= col_w - gap && font + 3.0 <= row_h - gap
    });

    // Header: "Cohort (users)" over the labels, W0 … over the columns.
    frame
        .svg
        .group(&[("font-size", &num(sizes.tick)), ("fill", palette.muted)]);
    let header_y = frame.plot.y + sizes.tick + 1.0;
    frame.svg.text(
        frame.plot.x - 6.0,
        header_y,
        &fit(
            "Cohort (users)",
            frame.plot.x - sizes.margin - 6.0,
            sizes.tick,
        ),
        &[("text-anchor", "end")],
    );
    let column_names: Vec<(f64, String)> = (0..periods)
        .map(|k| (columns.center(k), format!("{prefix}{k}")))
        .collect();
    for (x, name) in header_spots(&column_names, frame.x_range(), sizes.tick) {
        frame
            .svg
            .text(x, header_y, &name, &[("text-anchor", "middle")]);
    }
    frame.svg.close("g");

    // Row labels, every k-th when rows are thin.
    let every_row = ((sizes.tick + 1.0) / row_h).ceil().max(1.0) as usize;
    frame.svg.group(&[
        ("font-size", &num(sizes.tick)),
        ("fill", palette.text),
        ("text-anchor", "end"),
    ]);
    let room = frame.plot.x - sizes.margin - 6.0;
    let average_middle = average_y + average_h / 2.0;
    for (row, label) in labels.iter().enumerate().step_by(every_row) {
        let middle = top + (row as f64 + 0.5) * row_h;
        // A cohort label closer to "Average" than one label's height is left out.
        if average_middle - middle < sizes.tick + 1.0 {
            break;
        }
        frame.svg.text(
            frame.plot.x - 6.0,
            middle + sizes.tick / 3.0,
            &fit(label, room, sizes.tick),
            &[],
        );
    }
    frame.svg.text(
        frame.plot.x - 6.0,
        average_middle + sizes.tick / 3.0,
        &fit("Average", room, sizes.tick),
        &[("font-weight", "600")],
    );
    frame.svg.close("g");

    // Cells.
    for (row, rates) in retention.rates.iter().enumerate() {
        let start = retention
            .cohort_starts
            .get(row)
            .copied()
            .unwrap_or_default();
        let counts = retention.counts.get(row);
        let size = retention.cohort_sizes.get(row).copied().unwrap_or(0);
        let y = top + row as f64 * row_h;
        frame.svg.group(&[("class", "cohort")]);
        for (k, rate) in rates.iter().enumerate() {
            let Some(rate) = *rate else { continue };
            let count = counts.and_then(|c| c.get(k)).copied().flatten();
            let tip = match count {
                Some(count) => format!(
                    "{start} cohort, {unit} {k}: {count} of {size} users ({})",
                    percent(rate)
                ),
                None => format!("{start} cohort, {unit} {k}: {}", percent(rate)),
            };
            cell(
                &mut frame, &columns, k, y, row_h, gap, rate, cell_font, &tip,
            );
        }
        frame.svg.close("g");
    }
    let rule_y = rows.rule_y;
    frame.svg.line(
        frame.plot.x,
        rule_y,
        frame.plot.right(),
        rule_y,
        &[("stroke", palette.axis), ("stroke-width", "1")],
    );
    frame.svg.group(&[("class", "average")]);
    for (k, rate) in retention.average.iter().enumerate() {
        let Some(rate) = *rate else { continue };
        let returned = retention.average_returned.get(k).copied().unwrap_or(0);
        let users = retention.average_cohort_users.get(k).copied().unwrap_or(0);
        let tip = format!(
            "Weighted average, {unit} {k}: {returned} of {users} users ({})",
            percent(rate)
        );
        cell(
            &mut frame, &columns, k, average_y, average_h, gap, rate, cell_font, &tip,
        );
    }
    frame.svg.close("g");

    if sizes.axis_titles {
        let text = format!(
            "{}s after the cohort's {unit} ({prefix}0 = its own {unit})",
            capital(unit)
        );
        frame.svg.text(
            frame.plot.x + frame.plot.width / 2.0,
            height - sizes.margin,
            &fit(&text, frame.plot.width, sizes.label),
            &[
                ("font-size", &num(sizes.label)),
                ("fill", palette.text),
                ("text-anchor", "middle"),
            ],
        );
    }
    frame.finish()
}

/// The heatmap's rows between `top` and `bottom`: cohort rows of `row_h`, then a
/// separation and the average row of `average_h` from `average_y`, with its rule at
/// `rule_y`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct HeatmapRows {
    row_h: f64,
    average_y: f64,
    average_h: f64,
    rule_y: f64,
}

/// Lays out `cohorts` rows and the average row between `top` and `bottom`: every row
/// as high as the average row, which is set half a row apart, while rows are at
/// least `tick + 1` px (one label's height); below that the average row keeps
/// `tick + 1` px and a 4 px separation, and the cohort rows share the rest, so the
/// average stays readable and its label has room however many cohorts there are.
fn heatmap_rows(top: f64, bottom: f64, cohorts: usize, tick: f64) -> HeatmapRows {
    let room = (bottom - top).max(1.0);
    let count = cohorts.max(1) as f64;
    let even = room / (count + 1.5);
    let least = tick + 1.0;
    if even >= least {
        return HeatmapRows {
            row_h: even,
            average_y: top + (count + 0.5) * even,
            average_h: even,
            rule_y: top + (count + 0.25) * even,
        };
    }
    let average_h = least.min(room / 3.0);
    let separation = 4.0_f64.min(room / 6.0);
    let row_h = ((room - average_h - separation) / count).max(0.1);
    let rows_end = top + count * row_h;
    HeatmapRows {
        row_h,
        average_y: rows_end + separation,
        average_h,
        rule_y: rows_end + separation / 2.0,
    }
}

/// The period names over the columns, `(centre, name)` in column order, placed so
/// they never overlap: each kept inside `range` (the first one starts at the plot's
/// left edge rather than reaching under "Cohort (users)"), and a name that would come
/// closer than one em to the last one placed is left out.
fn header_spots(names: &[(f64, String)], range: (f64, f64), size: f64) -> Vec<(f64, String)> {
    let widest = names
        .iter()
        .map(|(_, name)| text_width(name, size))
        .fold(0.0, f64::max);
    let step = match names {
        [(a, _), (b, _), ..] => (b - a).abs().max(0.1),
        _ => 1.0,
    };
    let every = ((widest + size) / step).ceil().max(1.0) as usize;
    let mut placed: Vec<(f64, String)> = Vec::new();
    let mut last_right = f64::NEG_INFINITY;
    for (center, name) in names.iter().step_by(every) {
        let half = text_width(name, size) / 2.0;
        let x = center.clamp(range.0 + half, (range.1 - half).max(range.0 + half));
        if x - half < last_right + size {
            continue;
        }
        last_right = x + half;
        placed.push((x, name.clone()));
    }
    placed
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One heatmap cell with its tooltip and, when `font` is set, its rate.
#[allow(clippy::too_many_arguments)]
fn cell(
    frame: &mut Frame,
    columns: &BandScale,
    k: usize,
    y: f64,
    row_h: f64,
    gap: f64,
    rate: f64,
    font: Option<f64>,
    tip: &str,
) {
    let (color, light_text) = ramp(rate);
    let (x, w) = (columns.start(k), columns.step());
    frame.svg.group(&[]);
    frame.svg.element("title", &[], tip);
    frame.svg.rect(
        x + gap / 2.0,
        y + gap / 2.0,
        (w - gap).max(0.5),
        (row_h - gap).max(0.5),
        &[("fill", &color)],
    );
    if let Some(font) = font {
        let ink = if light_text { "#ffffff" } else { "#1f2328" };
        frame.svg.text(
            x + w / 2.0,
            y + row_h / 2.0 + font / 3.0,
            &percent(rate),
            &[
                ("font-size", &num(font)),
                ("fill", ink),
                ("text-anchor", "middle"),
            ],
        );
    }
    frame.svg.close("g");
}

fn retention_words(retention: &Retention, unit: &str) -> String {
    let (adjective, _, _) = period_words(retention.options.period);
    let users: u64 = retention.cohort_sizes.iter().sum();
    let cohorts = retention.cohort_starts.len();
    let (first, last) = (
        retention.cohort_starts.first().copied().unwrap_or_default(),
        retention.cohort_starts.last().copied().unwrap_or_default(),
    );
    let kind = match retention.options.cohorts {
        Cohorts::FirstTime => "first-time cohorts",
        Cohorts::Recurring => "recurring cohorts",
    };
    let returned = match retention.options.kind {
        RetentionKind::On => format!("active in {unit} k"),
        RetentionKind::OnOrAfter => format!("active in {unit} k or later"),
    };
    let mut words = format!(
        "{adjective} retention of {users} users in {cohorts} {kind} ({returned}), {first} to {last}."
    );
    let known: Vec<(usize, f64)> = retention
        .average
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(k, rate)| rate.map(|rate| (k, rate)))
        .collect();
    let mut picks: Vec<(usize, f64)> = Vec::new();
    for index in [0, known.len() / 2, known.len().saturating_sub(1)] {
        if let Some(&pick) = known.get(index) {
            if !picks.iter().any(|&(k, _)| k == pick.0) {
                picks.push(pick);
            }
        }
    }
    if !picks.is_empty() {
        let parts: Vec<String> = picks
            .iter()
            .map(|&(k, rate)| format!("{} in {unit} {k}", percent(rate)))
            .collect();
        words.push_str(&format!(" Weighted average: {}.", parts.join(", ")));
    }
    words.push_str(&format!(
        " Cells after the last day ({}) are empty.",
        retention.last_day
    ));
    if !retention.last_period_complete {
        words.push_str(&format!(" The last {unit} is partial."));
    }
    words
}

#[cfg(test)]
mod tests;
