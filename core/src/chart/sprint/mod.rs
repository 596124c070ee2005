//! The sprint charts: [`burndown_chart`] and [`burnup_chart`] from a
//! [`SprintReport`], and [`velocity_chart`] from a history of [`SprintOutcome`]s.

use super::frame::{Frame, LegendItem, DASH};
use super::scale::{day_label, number_label, BandScale, DateScale, LinearScale};
use super::svg::num;
use super::{Chart, ChartKind, ChartOptions};
use crate::sprint::{CountBy, SprintOutcome, SprintReport};

/// `"1 point"`, `"8 points"`, `"2.5 items"`.
fn amount(value: f64, count_by: CountBy) -> String {
    let unit = match count_by {
        CountBy::Points => "point",
        CountBy::Items => "item",
    };
    let plural = if value == 1.0 { "" } else { "s" };
    format!("{} {unit}{plural}", num(value))
}

/// `"fell from 18 to 8 points"`, `"rose from 0 to 13 points"`, `"stayed at 5 points"`.
fn change(from: f64, to: f64, count_by: CountBy) -> String {
    if num(from) == num(to) {
        format!("stayed at {}", amount(to, count_by))
    } else {
        let verb = if to < from { "fell" } else { "rose" };
        format!("{verb} from {} to {}", num(from), amount(to, count_by))
    }
}

fn axis_label(count_by: CountBy) -> &'static str {
    match count_by {
        CountBy::Points => "Story points",
        CountBy::Items => "Items",
    }
}

/// Why a report cannot be drawn, or `None` when it can.
fn report_problem(report: &SprintReport) -> Option<&'static str> {
    let days = report.dates.len();
    if days == 0 {
        return Some("No days to draw");
    }
    let series = [
        &report.ideal,
        &report.remaining,
        &report.scope,
        &report.done,
    ];
    if report.working.len() != days || series.iter().any(|values| values.len() != days) {
        return Some("The report's day series do not match its dates");
    }
    let start = report.committed.in_unit(report.count_by);
    if !start.is_finite()
        || series
            .iter()
            .any(|values| values.iter().any(|v| !v.is_finite()))
    {
        return Some("The report holds a value that is not a number");
    }
    let all_zero = start == 0.0 && series.iter().all(|values| values.iter().all(|&v| v == 0.0));
    all_zero.then_some("Nothing was committed or added: no work to draw")
}

/// `"12 days (9 working), 2026-03-02 to 2026-03-13"`.
fn span_words(report: &SprintReport) -> String {
    let days = report.dates.len();
    let plural = if days == 1 { "" } else { "s" };
    match (report.dates.first(), report.dates.last()) {
        (Some(first), Some(last)) if first != last => format!(
            "{days} day{plural} ({} working), {first} to {last}",
            report.working_days
        ),
        (Some(first), _) => format!("1 day ({} working), {first}", report.working_days),
        _ => "no days".to_owned(),
    }
}

/// The points of a day series: the state before the first day at its left edge, then
/// each day's value at its right edge.
fn day_points(x: &DateScale, y: &LinearScale, before: f64, values: &[f64]) -> Vec<(f64, f64)> {
    std::iter::once((x.day_start(0), y.map(before)))
        .chain(
            values
                .iter()
                .enumerate()
                .map(|(index, &value)| (x.day_end(index), y.map(value))),
        )
        .collect()
}

/// Shades each run of non-working days across the plot.
fn shade_non_working(frame: &mut Frame, x: &DateScale, working: &[bool]) {
    let (top, height, fill) = (frame.plot.y, frame.plot.height, frame.palette.shade);
    let mut index = 0;
    while index < working.len() {
        if working.get(index) == Some(&false) {
            let first = index;
            while working.get(index) == Some(&false) {
                index += 1;
            }
            let (left, right) = (x.day_start(first), x.day_start(index));
            frame
                .svg
                .rect(left, top, right - left, height, &[("fill", fill)]);
        } else {
            index += 1;
        }
    }
}

/// A sprint day chart (burndown or burnup) up to the series: frame, shading, axes.
/// The y domain covers every value of `series` and `start`.
fn day_frame(
    kind: ChartKind,
    report: &SprintReport,
    options: &ChartOptions,
    title: &str,
    description: &str,
    legend: &mut Vec<LegendItem>,
    high: f64,
) -> (Frame, DateScale, LinearScale) {
    let shade = options.clamped().theme.palette().shade;
    if report.working.iter().any(|&working| !working) {
        legend.push(LegendItem::fill("Non-working day", shade));
    }
    let mut frame = Frame::new(kind, options, title, description, legend);
    let start = report.dates.first().copied().unwrap_or_default();
    let x = DateScale::new(start, report.dates.len(), frame.x_range());
    let y = LinearScale::new(0.0, high, frame.y_range(), frame.y_tick_target(), true);
    shade_non_working(&mut frame, &x, &report.working);
    frame.y_axis(&y, axis_label(report.count_by));
    frame.x_axis_dates(&x, "Day (values at the end of each day)");
    (frame, x, y)
}

fn max_of(start: f64, series: &[&Vec<f64>]) -> f64 {
    series
        .iter()
        .flat_map(|values| values.iter().copied())
        .fold(start, f64::max)
}

/// Dots with a tooltip at each day's value.
fn dots(frame: &mut Frame, points: &[(f64, f64)], tips: &[String], color: &str) {
    frame.svg.group(&[("fill", color)]);
    for (&(cx, cy), tip) in points.iter().skip(1).zip(tips) {
        frame.svg.circle(cx, cy, 3.0, tip, &[]);
    }
    frame.svg.close("g");
}

/// The sprint burndown: remaining work (solid, with a dot per day), the ideal line
/// (dashed) and the scope line, over the sprint's calendar days, with non-working days
/// shaded. The y axis counts points or items as the report does.
///
/// Each value is drawn at the **end** of its day (the day's right edge); the lines
/// start at the left edge of the first day from the commitment, so a one-day sprint
/// is a line from the commitment to the close. Empty or degenerate reports (no days,
/// series that do not match the dates, a non-finite value, nothing committed or
/// added) draw the frame with a note.
///
/// ```
/// use pmkit::chart::{burndown_chart, ChartOptions};
/// use pmkit::sprint::{sample_sprint, sprint_report, CountBy};
///
/// let report = sprint_report(&sample_sprint(), CountBy::Points)?;
/// let chart = burndown_chart(&report, &ChartOptions::default());
/// assert_eq!(chart.title, "Sprint burndown — S-12");
/// assert!(chart.description.starts_with("Remaining work fell from 18 to 8 points"));
/// assert!(chart.svg.contains("role=\"img\""));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn burndown_chart(report: &SprintReport, options: &ChartOptions) -> Chart {
    let title = format!("Sprint burndown — {}", report.sprint_id);
    let count_by = report.count_by;
    if let Some(problem) = report_problem(report) {
        let description = format!(
            "{problem}: sprint {}, {}.",
            report.sprint_id,
            span_words(report)
        );
        return Frame::empty(ChartKind::Burndown, options, &title, &description, problem);
    }
    let start = report.committed.in_unit(count_by);
    let end = |values: &[f64]| values.last().copied().unwrap_or(start);
    let scope_peak = max_of(start, &[&report.scope]);
    let description = format!(
        "Remaining work {} over {}; the ideal line falls from {} to 0 by the last working \
         day. Scope {}{}.",
        change(start, end(&report.remaining), count_by),
        span_words(report),
        num(start),
        change(start, end(&report.scope), count_by),
        if scope_peak > start.max(end(&report.scope)) {
            format!(" (peak {})", num(scope_peak))
        } else {
            String::new()
        },
    );

    let palette = options.clamped().theme.palette();
    let (remaining_color, scope_color) = (palette.series(0), palette.series(1));
    let mut legend = vec![
        LegendItem::line("Remaining", remaining_color, false),
        LegendItem::line("Ideal", palette.muted, true),
        LegendItem::line("Scope", scope_color, false),
    ];
    let high = max_of(start, &[&report.ideal, &report.remaining, &report.scope]);
    let (mut frame, x, y) = day_frame(
        ChartKind::Burndown,
        report,
        options,
        &title,
        &description,
        &mut legend,
        high,
    );

    let scope = day_points(&x, &y, start, &report.scope);
    let ideal = day_points(&x, &y, start, &report.ideal);
    let remaining = day_points(&x, &y, start, &report.remaining);
    frame.svg.polyline(
        &scope,
        &[
            ("class", "series-scope"),
            ("stroke", scope_color),
            ("stroke-width", "1.5"),
        ],
    );
    frame.svg.polyline(
        &ideal,
        &[
            ("class", "series-ideal"),
            ("stroke", palette.muted),
            ("stroke-width", "1.5"),
            ("stroke-dasharray", DASH),
        ],
    );
    frame.svg.polyline(
        &remaining,
        &[
            ("class", "series-remaining"),
            ("stroke", remaining_color),
            ("stroke-width", "2.5"),
            ("stroke-linejoin", "round"),
        ],
    );
    let tips: Vec<String> = report
        .dates
        .iter()
        .zip(&report.remaining)
        .map(|(&date, &value)| {
            format!("{}: {} remaining", day_label(date), amount(value, count_by))
        })
        .collect();
    dots(&mut frame, &remaining, &tips, remaining_color);
    frame.axis_lines();
    frame.finish()
}

/// The sprint burnup: done work (solid, with a dot per day) rising towards the scope
/// line, over the sprint's calendar days, non-working days shaded; the gap between the
/// lines at the end is the work not done.
///
/// Same day convention and degenerate cases as [`burndown_chart`]; the done line
/// starts at 0 and the scope line at the commitment.
///
/// ```
/// use pmkit::chart::{burnup_chart, ChartOptions, Theme};
/// use pmkit::sprint::{sample_sprint, sprint_report, CountBy};
///
/// let report = sprint_report(&sample_sprint(), CountBy::Items)?;
/// let chart = burnup_chart(&report, &ChartOptions::new(480, 300, Theme::Dark)?);
/// assert_eq!(chart.title, "Sprint burnup — S-12");
/// assert!(chart.description.starts_with("Done work rose from 0 to 4 items"));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn burnup_chart(report: &SprintReport, options: &ChartOptions) -> Chart {
    let title = format!("Sprint burnup — {}", report.sprint_id);
    let count_by = report.count_by;
    if let Some(problem) = report_problem(report) {
        let description = format!(
            "{problem}: sprint {}, {}.",
            report.sprint_id,
            span_words(report)
        );
        return Frame::empty(ChartKind::Burnup, options, &title, &description, problem);
    }
    let start = report.committed.in_unit(count_by);
    let done_end = report.done.last().copied().unwrap_or(0.0);
    let scope_end = report.scope.last().copied().unwrap_or(start);
    let description = format!(
        "Done work {} over {}. Scope {}; {} not done at the end.",
        change(0.0, done_end, count_by),
        span_words(report),
        change(start, scope_end, count_by),
        amount((scope_end - done_end).max(0.0), count_by),
    );

    let palette = options.clamped().theme.palette();
    let (done_color, scope_color) = (palette.series(0), palette.series(1));
    let mut legend = vec![
        LegendItem::line("Done", done_color, false),
        LegendItem::line("Scope", scope_color, false),
    ];
    let high = max_of(start, &[&report.done, &report.scope]);
    let (mut frame, x, y) = day_frame(
        ChartKind::Burnup,
        report,
        options,
        &title,
        &description,
        &mut legend,
        high,
    );
    let scope = day_points(&x, &y, start, &report.scope);
    let done = day_points(&x, &y, 0.0, &report.done);
    frame.svg.polyline(
        &scope,
        &[
            ("class", "series-scope"),
            ("stroke", scope_color),
            ("stroke-width", "2"),
        ],
    );
    frame.svg.polyline(
        &done,
        &[
            ("class", "series-done"),
            ("stroke", done_color),
            ("stroke-width", "2.5"),
            ("stroke-linejoin", "round"),
        ],
    );
    let tips: Vec<String> = report
        .dates
        .iter()
        .zip(&report.done)
        .map(|(&date, &value)| format!("{}: {} done", day_label(date), amount(value, count_by)))
        .collect();
    dots(&mut frame, &done, &tips, done_color);
    frame.axis_lines();
    frame.finish()
}

/// `"21, 18 and 13"`.
fn list(values: &[String]) -> String {
    match values {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Velocity: committed (neutral) and completed (coloured) points side by side for each
/// sprint, oldest first as given, with the mean completed as a dashed line.
///
/// An empty history, negative or non-finite points, or a history with no point
/// committed or completed draws the frame with a note. Sprint ids are labels (cut to
/// fit, every k-th shown when crowded), so repeated ids are drawn as given.
///
/// ```
/// use pmkit::chart::{velocity_chart, ChartOptions};
/// use pmkit::sprint::sample_sprint_history;
///
/// let chart = velocity_chart(&sample_sprint_history(), &ChartOptions::default());
/// assert_eq!(chart.title, "Velocity — S-8 to S-12");
/// assert!(chart.description.contains("mean completed 19.2 points"));
/// ```
pub fn velocity_chart(history: &[SprintOutcome], options: &ChartOptions) -> Chart {
    let title = match (history.first(), history.last()) {
        (Some(first), Some(last)) if history.len() > 1 => {
            format!("Velocity — {} to {}", first.sprint_id, last.sprint_id)
        }
        (Some(only), _) => format!("Velocity — {}", only.sprint_id),
        _ => "Velocity".to_owned(),
    };
    let valid = |value: f64| value.is_finite() && value >= 0.0;
    let problem = if history.is_empty() {
        Some("No sprints to draw")
    } else if history
        .iter()
        .any(|sprint| !valid(sprint.committed_points) || !valid(sprint.completed_points))
    {
        Some("A sprint's points are not a non-negative number")
    } else if history
        .iter()
        .all(|sprint| sprint.committed_points == 0.0 && sprint.completed_points == 0.0)
    {
        Some("No points committed or completed")
    } else {
        None
    };
    if let Some(problem) = problem {
        let description = format!("{problem} ({} sprints).", history.len());
        return Frame::empty(ChartKind::Velocity, options, &title, &description, problem);
    }

    let count = history.len();
    let mean = history.iter().map(|s| s.completed_points).sum::<f64>() / count as f64;
    let completed: Vec<String> = history.iter().map(|s| num(s.completed_points)).collect();
    let committed: Vec<String> = history.iter().map(|s| num(s.committed_points)).collect();
    let description = format!(
        "{count} sprint{}, {}: completed {} points against {} committed; mean completed {} points.",
        if count == 1 { "" } else { "s" },
        title.trim_start_matches("Velocity — "),
        list(&completed),
        list(&committed),
        num(mean),
    );

    let palette = options.clamped().theme.palette();
    let (committed_color, completed_color, mean_color) =
        (palette.neutral, palette.series(0), palette.series(1));
    let legend = [
        LegendItem::fill("Committed", committed_color),
        LegendItem::fill("Completed", completed_color),
        LegendItem::line(&format!("Mean completed ({})", num(mean)), mean_color, true),
    ];
    let mut frame = Frame::new(ChartKind::Velocity, options, &title, &description, &legend);
    let high = history
        .iter()
        .map(|s| s.committed_points.max(s.completed_points))
        .fold(0.0, f64::max);
    let y = LinearScale::new(0.0, high, frame.y_range(), frame.y_tick_target(), true);
    let bands = BandScale::new(count, frame.x_range(), 0.3);
    frame.y_axis(&y, "Story points");
    let labels: Vec<String> = history.iter().map(|s| s.sprint_id.clone()).collect();
    frame.x_axis_bands(&bands, &labels, "Sprint");

    let bar = bands.width() / 2.0;
    let gap = (bar * 0.1).min(2.0);
    let base = y.map(0.0);
    let tick = frame.sizes.tick;
    let show_values = bar >= super::frame::text_width("000", tick);
    for (index, sprint) in history.iter().enumerate() {
        let left = bands.start(index);
        frame.svg.group(&[]);
        frame.svg.element(
            "title",
            &[],
            &format!(
                "{}: {} of {} points completed",
                sprint.sprint_id,
                num(sprint.completed_points),
                num(sprint.committed_points)
            ),
        );
        let committed_top = y.map(sprint.committed_points);
        let completed_top = y.map(sprint.completed_points);
        frame.svg.rect(
            left,
            committed_top,
            bar - gap,
            base - committed_top,
            &[("class", "bar-committed"), ("fill", committed_color)],
        );
        frame.svg.rect(
            left + bar,
            completed_top,
            bar - gap,
            base - completed_top,
            &[("class", "bar-completed"), ("fill", completed_color)],
        );
        if show_values {
            frame.svg.text(
                left + bar + (bar - gap) / 2.0,
                completed_top - 4.0,
                &number_label(sprint.completed_points),
                &[
                    ("font-size", &num(tick)),
                    ("fill", palette.text),
                    ("text-anchor", "middle"),
                ],
            );
        }
        frame.svg.close("g");
    }
    let mean_y = y.map(mean);
    frame.svg.line(
        frame.plot.x,
        mean_y,
        frame.plot.right(),
        mean_y,
        &[
            ("class", "series-mean"),
            ("stroke", mean_color),
            ("stroke-width", "2"),
            ("stroke-dasharray", DASH),
        ],
    );
    frame.axis_lines();
    frame.finish()
}

#[cfg(test)]
mod tests;
