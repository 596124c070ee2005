//! The active-users chart: [`active_users_chart`], DAU, WAU and MAU lines over the
//! log's days.

use super::super::frame::{Frame, LegendItem, Sizes, DASH};
use super::super::scale::{day_label, DateScale, LinearScale};
use super::super::{Chart, ChartKind, ChartOptions};
use super::percent;
use crate::analytics::{ActiveUsers, MAU_WINDOW_DAYS, WAU_WINDOW_DAYS};

/// Why active users cannot be drawn, or `None` when they can.
fn active_problem(active: &ActiveUsers) -> Option<&'static str> {
    let days = active.days.len();
    if days == 0 {
        return Some("No days to draw");
    }
    if active.dau.len() != days || active.wau.len() != days || active.mau.len() != days {
        return Some("The series do not match the days");
    }
    if active
        .mau
        .iter()
        .chain(&active.wau)
        .chain(&active.dau)
        .all(|&v| v == 0)
    {
        return Some("No active users");
    }
    None
}

/// DAU, WAU and MAU over the log's days: daily active users (thin), and the rolling
/// 7- and 30-day distinct users ending each day (thicker, dashed for MAU), each value
/// at its day's centre, on a y axis of users from 0. The first 29 days, where the
/// 30-day window reaches before the log's first day (so MAU is still rising because
/// of the data, not the product), are shaded. Stickiness is in the legend and the
/// description: `DAU/MAU on the last day 5%` (and its mean over the days with a full
/// 30-day window). Each day has a tooltip with its four numbers.
///
/// No days, series that do not match the days, or no active user draw the frame with
/// a note.
///
/// ```
/// use pmkit::analytics::{active_users, sample_events, ActiveUsersOptions, EventLog};
/// use pmkit::chart::{active_users_chart, ChartOptions};
///
/// let sample = sample_events();
/// let log = EventLog::new(&sample.user_ids, &sample.times, sample.unit)?;
/// let active = active_users(&log, &ActiveUsersOptions::default())?;
/// let chart = active_users_chart(&active, &ChartOptions::default());
/// assert_eq!(chart.title, "Active users — DAU, WAU, MAU");
/// assert!(chart.svg.contains("DAU/MAU on the last day 5%"));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn active_users_chart(active: &ActiveUsers, options: &ChartOptions) -> Chart {
    let title = "Active users — DAU, WAU, MAU".to_owned();
    if let Some(problem) = active_problem(active) {
        let description = format!("{problem} ({} days).", active.days.len());
        return Frame::empty(
            ChartKind::ActiveUsers,
            options,
            &title,
            &description,
            problem,
        );
    }
    let days = active.days.len();
    let last = days - 1;
    let at = |series: &[u64]| series.get(last).copied().unwrap_or(0);
    let stickiness = |index: usize| -> Option<f64> {
        active
            .stickiness
            .get(index)
            .copied()
            .flatten()
            .filter(|rate| rate.is_finite())
    };
    let full: Vec<f64> = (MAU_WINDOW_DAYS - 1..days).filter_map(stickiness).collect();
    let mean_full = (!full.is_empty()).then(|| full.iter().sum::<f64>() / full.len() as f64);
    let last_stickiness = stickiness(last);
    let (first_day, last_day) = (
        active.days.first().copied().unwrap_or_default(),
        active.days.last().copied().unwrap_or_default(),
    );
    let (peak_index, peak) =
        active.mau.iter().enumerate().fold(
            (0, 0),
            |best, (i, &v)| if v > best.1 { (i, v) } else { best },
        );
    let peak_day = active.days.get(peak_index).copied().unwrap_or(first_day);
    let mut description = format!(
        "Active users over {days} day{}, {first_day} to {last_day}. On the last day: DAU {}, \
         WAU {} (7 days), MAU {} (30 days); DAU/MAU {}",
        if days == 1 { "" } else { "s" },
        at(&active.dau),
        at(&active.wau),
        at(&active.mau),
        last_stickiness.map_or("undefined".to_owned(), percent),
    );
    if let Some(mean) = mean_full {
        description.push_str(&format!(
            " (mean {} over the days with a full 30-day window)",
            percent(mean)
        ));
    }
    description.push_str(&format!(". MAU peaked at {peak} on {peak_day}."));
    let ramp_days = (MAU_WINDOW_DAYS - 1).min(days);
    if ramp_days > 0 {
        description.push_str(&format!(
            " The first {ramp_days} day{} (shaded) have less than 30 days of history.",
            if ramp_days == 1 { "" } else { "s" }
        ));
    }

    let palette = options.clamped().theme.palette();
    let (dau_color, wau_color, mau_color) =
        (palette.series(0), palette.series(1), palette.series(2));
    let clamped = options.clamped();
    let compact = !Sizes::for_size(clamped.width, clamped.height).axis_titles;
    let dau_label = match (last_stickiness, compact) {
        (Some(rate), false) => format!("DAU · DAU/MAU on the last day {}", percent(rate)),
        (Some(rate), true) => format!("DAU · DAU/MAU {}", percent(rate)),
        (None, _) => "DAU".to_owned(),
    };
    let (wau_label, mau_label) = if compact {
        ("WAU".to_owned(), "MAU".to_owned())
    } else {
        (
            format!("WAU ({WAU_WINDOW_DAYS} days)"),
            format!("MAU ({MAU_WINDOW_DAYS} days)"),
        )
    };
    let mut legend = vec![
        LegendItem::line(&dau_label, dau_color, false),
        LegendItem::line(&wau_label, wau_color, false),
        LegendItem::line(&mau_label, mau_color, true),
    ];
    if ramp_days > 0 && !compact {
        legend.push(LegendItem::fill("MAU window not yet full", palette.shade));
    }
    let mut frame = Frame::new(
        ChartKind::ActiveUsers,
        options,
        &title,
        &description,
        &legend,
    );
    let high = active
        .mau
        .iter()
        .chain(&active.wau)
        .chain(&active.dau)
        .copied()
        .max()
        .unwrap_or(0) as f64;
    let y = LinearScale::new(0.0, high, frame.y_range(), frame.y_tick_target(), true);
    let x = DateScale::new(first_day, days, frame.x_range());
    if ramp_days > 0 {
        let (left, right) = (x.day_start(0), x.day_start(ramp_days));
        frame.svg.rect(
            left,
            frame.plot.y,
            right - left,
            frame.plot.height,
            &[("class", "ramp-up"), ("fill", palette.shade)],
        );
    }
    frame.y_axis(&y, "Users");
    frame.x_axis_dates(&x, "Day");
    let points = |series: &[u64]| -> Vec<(f64, f64)> {
        series
            .iter()
            .enumerate()
            .map(|(i, &v)| (x.day_center(i), y.map(v as f64)))
            .collect()
    };
    frame.svg.polyline(
        &points(&active.mau),
        &[
            ("class", "series-mau"),
            ("stroke", mau_color),
            ("stroke-width", "2.5"),
            ("stroke-dasharray", DASH),
        ],
    );
    frame.svg.polyline(
        &points(&active.wau),
        &[
            ("class", "series-wau"),
            ("stroke", wau_color),
            ("stroke-width", "2.5"),
            ("stroke-linejoin", "round"),
        ],
    );
    frame.svg.polyline(
        &points(&active.dau),
        &[
            ("class", "series-dau"),
            ("stroke", dau_color),
            ("stroke-width", "1.5"),
            ("stroke-linejoin", "round"),
        ],
    );
    // A tooltip column per day (up to two years of days).
    if days <= 731 {
        let width = x.day_width();
        frame
            .svg
            .group(&[("class", "day-tips"), ("fill", "transparent")]);
        for (index, day) in active.days.iter().enumerate() {
            let tip = format!(
                "{}: DAU {}, WAU {}, MAU {}, DAU/MAU {}",
                day_label(*day),
                active.dau.get(index).copied().unwrap_or(0),
                active.wau.get(index).copied().unwrap_or(0),
                active.mau.get(index).copied().unwrap_or(0),
                stickiness(index).map_or("undefined".to_owned(), percent),
            );
            frame.svg.group(&[]);
            frame.svg.element("title", &[], &tip);
            frame.svg.rect(
                x.day_start(index),
                frame.plot.y,
                width,
                frame.plot.height,
                &[],
            );
            frame.svg.close("g");
        }
        frame.svg.close("g");
    }
    frame.axis_lines();
    frame.finish()
}
