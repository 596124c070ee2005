//! The roadmap's timeline: dated bars in hierarchy order, dependency arrows,
//! releases, milestones and today's line (see [`super::roadmap_chart`]).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::super::frame::{fit, text_width, Frame, LegendItem, DASH};
use super::super::scale::DateScale;
use super::super::svg::{num, path_data};
use super::super::{Chart, ChartKind, ChartOptions};
use super::markers::{draw_markers, name_baseline, place_markers, tiers_used, Marker};
use super::{
    month_bounds, status_color, status_legend, timeline_words, tooltip, window, Shape, MAX_INDENT,
    MAX_SPAN_DAYS,
};
use crate::roadmap::{Dependency, DependencyKind, IssueKind, Roadmap, RoadmapItem};
use crate::work::StatusCategory;

pub(super) fn timeline(
    roadmap: &Roadmap,
    rows: &[(&RoadmapItem, usize)],
    today: NaiveDate,
    options: &ChartOptions,
    title: &str,
) -> Chart {
    let palette = options.clamped().theme.palette();
    let dated: Vec<(&RoadmapItem, usize)> = rows
        .iter()
        .copied()
        .filter(|(item, _)| window(item).is_some())
        .collect();
    let undated: Vec<&RoadmapItem> = rows
        .iter()
        .filter(|(item, _)| window(item).is_none())
        .map(|(item, _)| *item)
        .collect();

    // The span: every dated item, release and milestone, whole months.
    let item_days = dated.iter().filter_map(|(item, _)| window(item));
    let marker_days = roadmap
        .releases
        .iter()
        .map(|r| r.date)
        .chain(roadmap.milestones.iter().map(|m| m.date));
    let mut low = NaiveDate::MAX;
    let mut high = NaiveDate::MIN;
    for (first, last, _) in item_days {
        low = low.min(first);
        high = high.max(last);
    }
    for day in marker_days {
        low = low.min(day);
        high = high.max(day);
    }
    let span = (high - low).num_days();
    if span > MAX_SPAN_DAYS {
        let problem = "The dates span more than 100 years";
        let description = format!("{problem}: {low} to {high}.");
        return Frame::empty(ChartKind::Roadmap, options, title, &description, problem);
    }
    let reach = (span / 4).max(31);
    let reach = chrono::Duration::days(reach);
    let today_shown = low
        .checked_sub_signed(reach)
        .is_some_and(|from| today >= from)
        && high.checked_add_signed(reach).is_some_and(|to| today <= to);
    if today_shown {
        low = low.min(today);
        high = high.max(today);
    }
    let (low, high) = (month_bounds(low).0, month_bounds(high).1);
    let days = usize::try_from((high - low).num_days() + 1).unwrap_or(1);

    // Dependencies the dates break, as (from, to) pairs.
    let broken: HashSet<(String, String)> = roadmap
        .validate()
        .map(|report| {
            report
                .issues
                .into_iter()
                .filter(|issue| issue.kind == IssueKind::DependencyViolated)
                .filter_map(|issue| match issue.items.as_slice() {
                    [from, to] => Some((from.clone(), to.clone())),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let row_of: HashMap<&str, usize> = dated
        .iter()
        .enumerate()
        .map(|(row, (item, _))| (item.id.as_str(), row))
        .collect();
    let drawn_deps: Vec<&Dependency> = roadmap
        .dependencies
        .iter()
        .filter(|d| row_of.contains_key(d.from.as_str()) && row_of.contains_key(d.to.as_str()))
        .collect();

    let mut markers: Vec<Marker> = Vec::new();
    for release in &roadmap.releases {
        markers.push(Marker {
            date: release.date,
            name: release.name.clone(),
            color: palette.series(3),
            dash: Some(DASH),
            class: "release",
        });
    }
    for milestone in &roadmap.milestones {
        markers.push(Marker {
            date: milestone.date,
            name: milestone.name.clone(),
            color: palette.series(4),
            dash: Some("2 3"),
            class: "milestone",
        });
    }

    let description = timeline_words(
        roadmap,
        &dated,
        &undated,
        &drawn_deps,
        &broken,
        low,
        high,
        today,
        today_shown,
    );
    let all: Vec<&RoadmapItem> = rows.iter().map(|(item, _)| *item).collect();
    let mut legend = status_legend(&palette, &all);
    if !drawn_deps.is_empty() {
        legend.push(LegendItem::line("Dependency", palette.muted, false));
    }
    if drawn_deps
        .iter()
        .any(|d| broken.contains(&(d.from.clone(), d.to.clone())))
    {
        legend.push(LegendItem::line(
            "Broken dependency",
            palette.series(1),
            false,
        ));
    }
    if !roadmap.releases.is_empty() {
        legend.push(LegendItem::line("Release", palette.series(3), true));
    }
    if !roadmap.milestones.is_empty() {
        legend.push(LegendItem::line("Milestone", palette.series(4), true));
    }
    if today_shown {
        legend.push(LegendItem::line("Today", palette.text, false));
    }
    if today_shown {
        markers.push(Marker {
            date: today,
            name: "Today".to_owned(),
            color: palette.text,
            dash: None,
            class: "today",
        });
    }
    let mut frame = Frame::new(ChartKind::Roadmap, options, title, &description, &legend);
    let sizes = frame.sizes;

    // Row labels on the left, up to a third of the width.
    let label_of = |item: &RoadmapItem| format!("{} {}", item.id, item.title);
    let longest = rows
        .iter()
        .map(|(item, depth)| label_of(item).chars().count() + 2 * (*depth).min(MAX_INDENT))
        .max()
        .unwrap_or(8);
    let cap = (f64::from(options.clamped().width) / 3.0 / (sizes.tick * 0.6)).floor() as usize;
    frame.reserve_left(longest.clamp(8, cap.max(8)));
    let x = DateScale::new(low, days, frame.x_range());
    let at = |date: NaiveDate| x.x(x.index_of(date) as f64);

    // Rows below a strip for the markers' names: one row of names, a second (not in
    // compact charts) when names would otherwise be cut or overlap.
    let tiers = if sizes.axis_titles { 2 } else { 1 };
    let placed = place_markers(&markers, &x, frame.x_range(), sizes.tick, tiers);
    let strip = if markers.is_empty() {
        0.0
    } else {
        name_baseline(0.0, sizes.tick, tiers_used(&placed) - 1) + 6.0
    };
    let top = frame.plot.y + strip;
    let area = (frame.plot.bottom() - top).max(1.0);
    let wanted = dated.len() + usize::from(!undated.is_empty());
    let capacity = ((area / 8.0).floor() as usize).max(1);
    let (shown, more) = if wanted > capacity {
        (
            capacity.saturating_sub(1),
            wanted - capacity.saturating_sub(1),
        )
    } else {
        (dated.len(), 0)
    };
    let row_count = shown + usize::from(more > 0 || !undated.is_empty());
    let row_h = area / row_count.max(1) as f64;
    let row_y = |row: usize| top + row as f64 * row_h;
    let bar_h = (row_h * 0.6).clamp(2.0, 22.0);
    let font = sizes.tick.min(row_h - 2.0);

    // Zebra rows, month gridlines, the date axis.
    for row in (1..row_count).step_by(2) {
        frame.svg.rect(
            frame.plot.x,
            row_y(row),
            frame.plot.width,
            row_h,
            &[("fill", palette.shade)],
        );
    }
    let ticks = x.ticks(
        text_width("Mar 30", sizes.tick) + 10.0,
        text_width("Mar 2026", sizes.tick) + 10.0,
    );
    for tick in &ticks {
        frame.svg.line(
            tick.x,
            frame.plot.y,
            tick.x,
            frame.plot.bottom(),
            &[("stroke", palette.grid), ("stroke-width", "1")],
        );
    }
    frame.x_axis_dates(
        &x,
        "Date (bars run from the start to the end of the target)",
    );

    // Labels.
    if font >= 6.0 {
        frame
            .svg
            .group(&[("font-size", &num(font)), ("fill", palette.text)]);
        for (row, (item, depth)) in dated.iter().take(shown).enumerate() {
            let indent = (*depth).min(MAX_INDENT) as f64 * font;
            let room = frame.plot.x - 6.0 - sizes.margin - indent;
            let weight = if *depth == 0 { "600" } else { "400" };
            frame.svg.text(
                sizes.margin + indent,
                row_y(row) + row_h / 2.0 + font / 3.0,
                &fit(&label_of(item), room, font),
                &[("font-weight", weight)],
            );
        }
        let last = row_y(shown) + row_h / 2.0 + font / 3.0;
        let room = frame.plot.x - 6.0 - sizes.margin;
        if more > 0 {
            let text = format!("+{more} more");
            frame.svg.text(
                sizes.margin,
                last,
                &fit(&text, room, font),
                &[("fill", palette.muted)],
            );
        } else if !undated.is_empty() {
            frame.svg.text(
                sizes.margin,
                last,
                &fit("No dates", room, font),
                &[("fill", palette.muted)],
            );
            let ids: Vec<&str> = undated.iter().map(|item| item.id.as_str()).collect();
            frame.svg.text(
                frame.plot.x + 4.0,
                last,
                &fit(&ids.join(", "), frame.plot.width - 8.0, font),
                &[("class", "undated"), ("fill", palette.muted)],
            );
        }
        frame.svg.close("g");
    }

    // Bars.
    for (row, (item, _)) in dated.iter().take(shown).enumerate() {
        let Some((first, last, shape)) = window(item) else {
            continue;
        };
        let (left, right) = (at(first), x.x(x.index_of(last) as f64 + 1.0));
        let middle = row_y(row) + row_h / 2.0;
        let color = status_color(&palette, item.status);
        let class = format!("bar bar-{}", item.status.as_str());
        frame.svg.group(&[("class", &class)]);
        frame.svg.element("title", &[], &tooltip(item));
        let mut attrs: Vec<(&str, &str)> = vec![("fill", color), ("rx", "2")];
        if shape != Shape::Bar {
            attrs.push(("fill-opacity", "0.4"));
        }
        if item.status == StatusCategory::Cancelled {
            attrs.extend([("stroke", palette.muted), ("stroke-dasharray", "3 2")]);
        }
        frame
            .svg
            .rect(left, middle - bar_h / 2.0, right - left, bar_h, &attrs);
        let half = bar_h / 2.0 + 1.0;
        match shape {
            Shape::Bar => {}
            Shape::Due => {
                let d = path_data(
                    &[
                        (right, middle - half),
                        (right + half * 0.7, middle),
                        (right, middle + half),
                        (right - half * 0.7, middle),
                    ],
                    true,
                );
                frame.svg.path(
                    &d,
                    &[
                        ("fill", color),
                        ("stroke", palette.text),
                        ("stroke-width", "0.75"),
                    ],
                );
            }
            Shape::Start => {
                let d = path_data(
                    &[
                        (left, middle - half),
                        (left + half, middle),
                        (left, middle + half),
                    ],
                    true,
                );
                frame.svg.path(
                    &d,
                    &[
                        ("fill", color),
                        ("stroke", palette.text),
                        ("stroke-width", "0.75"),
                    ],
                );
            }
        }
        frame.svg.close("g");
    }

    let rows = Rows {
        items: &dated,
        shown,
        top,
        height: row_h,
    };
    draw_dependencies(&mut frame, &x, &rows, &drawn_deps, &broken);

    // Releases, milestones, today: lines over the rows, names in the strip.
    draw_markers(&mut frame, &markers, &placed);
    frame.axis_lines();
    frame.finish()
}

/// The drawn rows: the dated items, how many are shown, where they start, their height.
struct Rows<'a> {
    items: &'a [(&'a RoadmapItem, usize)],
    shown: usize,
    top: f64,
    height: f64,
}

impl Rows<'_> {
    /// The vertical centre of row `row`.
    fn middle(&self, row: usize) -> f64 {
        self.top + (row as f64 + 0.5) * self.height
    }
}

/// Elbow arrows between the shown rows, vermillion when the dates break them.
fn draw_dependencies(
    frame: &mut Frame,
    x: &DateScale,
    rows: &Rows,
    deps: &[&Dependency],
    broken: &HashSet<(String, String)>,
) {
    let palette = frame.palette;
    let row_of: HashMap<&str, usize> = rows
        .items
        .iter()
        .enumerate()
        .map(|(row, (item, _))| (item.id.as_str(), row))
        .collect();
    let (shown, row_h, dated) = (rows.shown, rows.height, rows.items);
    let at = |date: NaiveDate| x.x(x.index_of(date) as f64);
    for dependency in deps {
        let ends = row_of
            .get(dependency.from.as_str())
            .zip(row_of.get(dependency.to.as_str()));
        let Some((&from_row, &to_row)) = ends else {
            continue;
        };
        if from_row >= shown || to_row >= shown {
            continue;
        }
        let (Some(from), Some(to)) = (dated.get(from_row), dated.get(to_row)) else {
            continue;
        };
        let (Some(pred), Some(succ)) = (window(from.0), window(to.0)) else {
            continue;
        };
        let end_x = |(first, last, _): (NaiveDate, NaiveDate, Shape), finish: bool| {
            if finish {
                x.x(x.index_of(last) as f64 + 1.0)
            } else {
                at(first)
            }
        };
        let (from_finish, to_finish) = match dependency.kind {
            DependencyKind::FinishToStart => (true, false),
            DependencyKind::StartToStart => (false, false),
            DependencyKind::FinishToFinish => (true, true),
            DependencyKind::StartToFinish => (false, true),
        };
        let is_broken = broken.contains(&(dependency.from.clone(), dependency.to.clone()));
        let color = if is_broken {
            palette.series(1)
        } else {
            palette.muted
        };
        let start = (end_x(pred, from_finish), rows.middle(from_row));
        let end = (end_x(succ, to_finish), rows.middle(to_row));
        let d = arrow_path(start, from_finish, end, to_finish, row_h);
        let tip = format!(
            "{} → {} ({}{}){}",
            dependency.from,
            dependency.to,
            dependency.kind,
            if dependency.lag_days == 0 {
                String::new()
            } else {
                format!(", lag {} days", dependency.lag_days)
            },
            if is_broken {
                ": broken by the dates"
            } else {
                ""
            }
        );
        frame.svg.group(&[(
            "class",
            if is_broken {
                "dependency broken"
            } else {
                "dependency"
            },
        )]);
        frame.svg.element("title", &[], &tip);
        frame.svg.path(
            &d,
            &[("fill", "none"), ("stroke", color), ("stroke-width", "1.5")],
        );
        let head = if to_finish { -1.0 } else { 1.0 };
        let (tx, ty) = end;
        let head_d = path_data(
            &[
                (tx, ty),
                (tx - head * 6.0, ty - 3.5),
                (tx - head * 6.0, ty + 3.5),
            ],
            true,
        );
        frame.svg.path(&head_d, &[("fill", color)]);
        frame.svg.close("g");
    }
}

/// An elbow path from `start` (leaving rightwards from a finish, leftwards from a
/// start) to `end` (entering a start from the left, a finish from the right): out 8 px,
/// then down (or up) between the rows, across, and in.
fn arrow_path(
    start: (f64, f64),
    from_finish: bool,
    end: (f64, f64),
    to_finish: bool,
    row_h: f64,
) -> String {
    let (x1, y1) = start;
    let (x2, y2) = end;
    let out = if from_finish { 8.0 } else { -8.0 };
    let into = if to_finish { -8.0 } else { 8.0 };
    let (a, b) = (x1 + out, x2 - into);
    // Straight down when the turn is on the right side of the entry.
    let direct = if to_finish { a >= b } else { a <= b };
    let points = if direct {
        vec![(x1, y1), (a, y1), (a, y2), (x2, y2)]
    } else {
        let between = if y2 >= y1 {
            y2 - row_h / 2.0
        } else {
            y2 + row_h / 2.0
        };
        vec![
            (x1, y1),
            (a, y1),
            (a, between),
            (b, between),
            (b, y2),
            (x2, y2),
        ]
    };
    path_data(&points, false)
}
