//! The roadmap's now / next / later board, for roadmaps without dates (see
//! [`super::roadmap_chart`]).

use super::super::frame::{fit, Area, Frame};
use super::super::svg::num;
use super::super::{Chart, ChartKind, ChartOptions};
use super::{count_words, status_color, status_counts, status_legend, tooltip};
use crate::roadmap::{Lane, RoadmapItem};

/// The now / next / later board.
pub(super) fn lanes(rows: &[(&RoadmapItem, usize)], options: &ChartOptions, title: &str) -> Chart {
    let palette = options.clamped().theme.palette();
    let columns = [Lane::Now, Lane::Next, Lane::Later];
    let in_lane = |lane: Lane| -> Vec<&RoadmapItem> {
        rows.iter()
            .filter(|(item, _)| item.lane == Some(lane))
            .map(|(item, _)| *item)
            .collect()
    };
    let unlaned: Vec<&RoadmapItem> = rows
        .iter()
        .filter(|(item, _)| item.lane.is_none())
        .map(|(item, _)| *item)
        .collect();
    let mut parts: Vec<String> = columns
        .iter()
        .map(|&lane| {
            let items = in_lane(lane);
            let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
            if ids.is_empty() {
                format!("{}: none", lane_name(lane))
            } else {
                format!("{}: {}", lane_name(lane), ids.join(", "))
            }
        })
        .collect();
    if !unlaned.is_empty() {
        let ids: Vec<&str> = unlaned.iter().map(|i| i.id.as_str()).collect();
        parts.push(format!("no lane: {}", ids.join(", ")));
    }
    let all: Vec<&RoadmapItem> = rows.iter().map(|(item, _)| *item).collect();
    let description = format!(
        "{} without dates, by lane ({}). {}.",
        count_words(all.len(), "item"),
        status_counts(&all),
        parts.join("; ")
    );
    let legend = status_legend(&palette, &all);
    let mut frame = Frame::new(ChartKind::Roadmap, options, title, &description, &legend);
    let sizes = frame.sizes;
    let (width, height) = (
        f64::from(options.clamped().width),
        f64::from(options.clamped().height),
    );
    let footer = if unlaned.is_empty() {
        0.0
    } else {
        sizes.tick + 8.0
    };
    let board = Area {
        x: sizes.margin,
        y: frame.plot.y,
        width: (width - 2.0 * sizes.margin).max(1.0),
        height: (height - sizes.margin - footer - frame.plot.y).max(1.0),
    };
    frame.plot = board;
    let gap = sizes.margin / 2.0;
    let column_w = ((board.width - 2.0 * gap) / 3.0).max(1.0);
    let header = sizes.label + 10.0;
    let card_h = (sizes.tick * 2.2).round();
    for (index, &lane) in columns.iter().enumerate() {
        let left = board.x + index as f64 * (column_w + gap);
        let items = in_lane(lane);
        frame
            .svg
            .group(&[("class", &format!("lane lane-{}", lane.as_str()))]);
        frame.svg.rect(
            left,
            board.y,
            column_w,
            board.height,
            &[("fill", palette.shade), ("rx", "4")],
        );
        frame.svg.text(
            left + 8.0,
            board.y + sizes.label + 4.0,
            &fit(
                &format!("{} ({})", lane_name(lane), items.len()),
                column_w - 16.0,
                sizes.label,
            ),
            &[
                ("font-size", &num(sizes.label)),
                ("font-weight", "600"),
                ("fill", palette.text),
            ],
        );
        let room = board.height - header - 4.0;
        let fits = ((room + 4.0) / (card_h + 4.0)).floor().max(0.0) as usize;
        let (shown, more) = if items.len() > fits {
            let shown = fits.saturating_sub(1);
            (shown, items.len() - shown)
        } else {
            (items.len(), 0)
        };
        for (row, item) in items.iter().take(shown).enumerate() {
            let top = board.y + header + row as f64 * (card_h + 4.0);
            let (cx, cw) = (left + 6.0, column_w - 12.0);
            frame
                .svg
                .group(&[("class", &format!("card card-{}", item.status.as_str()))]);
            frame.svg.element("title", &[], &tooltip(item));
            frame.svg.rect(
                cx,
                top,
                cw,
                card_h,
                &[
                    ("fill", palette.background),
                    ("stroke", palette.grid),
                    ("rx", "3"),
                ],
            );
            frame.svg.rect(
                cx,
                top,
                4.0,
                card_h,
                &[("fill", status_color(&palette, item.status))],
            );
            frame.svg.text(
                cx + 10.0,
                top + card_h / 2.0 + sizes.tick / 3.0,
                &fit(
                    &format!("{} {}", item.id, item.title),
                    cw - 14.0,
                    sizes.tick,
                ),
                &[("font-size", &num(sizes.tick)), ("fill", palette.text)],
            );
            frame.svg.close("g");
        }
        if more > 0 {
            let top = board.y + header + shown as f64 * (card_h + 4.0);
            frame.svg.text(
                left + 8.0,
                top + card_h / 2.0 + sizes.tick / 3.0,
                &format!("+{more} more"),
                &[("font-size", &num(sizes.tick)), ("fill", palette.muted)],
            );
        }
        frame.svg.close("g");
    }
    if !unlaned.is_empty() {
        let ids: Vec<&str> = unlaned.iter().map(|i| i.id.as_str()).collect();
        let text = format!("No lane: {}", ids.join(", "));
        frame.svg.text(
            board.x,
            height - sizes.margin - 2.0,
            &fit(&text, board.width, sizes.tick),
            &[
                ("class", "unlaned"),
                ("font-size", &num(sizes.tick)),
                ("fill", palette.muted),
            ],
        );
    }
    frame.finish()
}

fn lane_name(lane: Lane) -> &'static str {
    match lane {
        Lane::Now => "Now",
        Lane::Next => "Next",
        Lane::Later => "Later",
    }
}
