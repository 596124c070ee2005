//! The roadmap timeline's vertical markers (releases, milestones and today): where
//! their names go in the strip above the rows, and their lines and names drawn.

use chrono::NaiveDate;

use super::super::frame::{fit, text_width, Frame};
use super::super::scale::DateScale;
use super::super::svg::num;

/// A vertical marker: a release, a milestone or today.
pub(super) struct Marker {
    pub(super) date: NaiveDate,
    pub(super) name: String,
    pub(super) color: &'static str,
    pub(super) dash: Option<&'static str>,
    pub(super) class: &'static str,
}

/// Where a marker's name is written.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct NameSpot {
    /// The strip row, 0 on top.
    pub(super) tier: usize,
    /// The left and right ends of the text (estimated with `text_width`).
    pub(super) span: (f64, f64),
    /// Right of the line (`text-anchor: start`), else left of it (`end`).
    pub(super) right: bool,
    /// The name, whole or cut with `…`.
    pub(super) label: String,
}

/// A marker placed: its index in the markers, its line's x and its name's spot
/// (`None`: left to the tooltip and the description).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Placed {
    pub(super) index: usize,
    pub(super) x: f64,
    pub(super) name: Option<NameSpot>,
}

/// The gap between a line and its name, and the least gap between two names.
const LINE_GAP: f64 = 3.0;
const NAME_GAP: f64 = 6.0;

/// Places the names of `lines` (`(x, name)` in placement order) in up to `tiers`
/// strip rows within `plot` (`(left, right)`), at `size` px, so that no name leaves
/// the plot or comes closer than 6 px to another in its row. A name (cut to half the
/// plot) goes whole right of its line if it can, else whole left of it (right-aligned
/// to the line: how a name near the right edge stays readable), in the top row, else
/// likewise in each lower row; failing that, it is cut to the free room on a side of
/// its line, the longest cut of any row and side (ties in that same order). A name
/// cut to fewer than 4 characters and the `…` is left out.
pub(super) fn place_names(
    lines: &[(f64, &str)],
    plot: (f64, f64),
    size: f64,
    tiers: usize,
) -> Vec<Option<NameSpot>> {
    let (left, right) = plot;
    let mut taken: Vec<NameSpot> = Vec::new();
    let mut out = Vec::with_capacity(lines.len());
    for &(mx, name) in lines {
        let half = (right - left) / 2.0;
        let full = fit(name, half, size);
        let mut best: Option<NameSpot> = None;
        for tier in 0..tiers {
            for to_right in [true, false] {
                let room = free_room(&taken, tier, mx, to_right, plot);
                let label = fit(name, room.min(half), size);
                let width = text_width(&label, size);
                let readable = label == name || label.chars().count() >= 5;
                if !readable || width > room {
                    continue;
                }
                let span = if to_right {
                    (mx + LINE_GAP, mx + LINE_GAP + width)
                } else {
                    (mx - LINE_GAP - width, mx - LINE_GAP)
                };
                let longer = best
                    .as_ref()
                    .is_none_or(|b| label.chars().count() > b.label.chars().count());
                if longer {
                    best = Some(NameSpot {
                        tier,
                        span,
                        right: to_right,
                        label,
                    });
                }
            }
            if best.as_ref().is_some_and(|b| b.label == full) {
                break;
            }
        }
        if let Some(spot) = &best {
            taken.push(spot.clone());
        }
        out.push(best);
    }
    out
}

/// The free width beside a line at `mx` in strip row `tier`, right of it or left of
/// it: from 3 px off the line to the plot's edge or to 6 px before the nearest name
/// already in that row (negative when a name already covers the start).
fn free_room(taken: &[NameSpot], tier: usize, mx: f64, to_right: bool, plot: (f64, f64)) -> f64 {
    let others = taken.iter().filter(|spot| spot.tier == tier);
    if to_right {
        let start = mx + LINE_GAP;
        let limit = others
            .filter(|spot| spot.span.1 + NAME_GAP > start)
            .map(|spot| spot.span.0 - NAME_GAP)
            .fold(plot.1, f64::min);
        limit - start
    } else {
        let end = mx - LINE_GAP;
        let limit = others
            .filter(|spot| spot.span.0 - NAME_GAP < end)
            .map(|spot| spot.span.1 + NAME_GAP)
            .fold(plot.0, f64::max);
        end - limit
    }
}

/// The markers in placement order (today first, then by date) with their lines' x
/// on `x` and their names' spots in up to `tiers` strip rows over `plot`.
pub(super) fn place_markers(
    markers: &[Marker],
    x: &DateScale,
    plot: (f64, f64),
    size: f64,
    tiers: usize,
) -> Vec<Placed> {
    let mut order: Vec<usize> = (0..markers.len()).collect();
    order.sort_by_key(|&i| markers.get(i).map(|m| (m.class != "today", m.date)));
    let lines: Vec<(usize, f64, &str)> = order
        .into_iter()
        .filter_map(|index| {
            let marker = markers.get(index)?;
            let mx = x.x(x.index_of(marker.date) as f64 + 0.5);
            Some((index, mx, marker.name.as_str()))
        })
        .collect();
    let names: Vec<(f64, &str)> = lines.iter().map(|&(_, mx, name)| (mx, name)).collect();
    let spots = place_names(&names, plot, size, tiers);
    lines
        .iter()
        .zip(spots)
        .map(|(&(index, x, _), name)| Placed { index, x, name })
        .collect()
}

/// The strip rows the names use: 1 with no names below the top row, 2 when one is in
/// the second row, and so on.
pub(super) fn tiers_used(placed: &[Placed]) -> usize {
    placed
        .iter()
        .filter_map(|p| p.name.as_ref().map(|spot| spot.tier + 1))
        .max()
        .unwrap_or(1)
}

/// The baseline of names in strip row `tier`.
pub(super) fn name_baseline(top: f64, size: f64, tier: usize) -> f64 {
    top + size + tier as f64 * (size + 3.0)
}

/// Each marker's line over the rows and its name in the strip above them, in the
/// order of [`place_markers`].
pub(super) fn draw_markers(frame: &mut Frame, markers: &[Marker], placed: &[Placed]) {
    let size = frame.sizes.tick;
    for spot in placed {
        let Some(marker) = markers.get(spot.index) else {
            continue;
        };
        let tip = format!("{}: {}", marker.name, marker.date);
        frame.svg.group(&[("class", marker.class)]);
        frame.svg.element("title", &[], &tip);
        let width = if marker.class == "today" { "2" } else { "1.5" };
        let mut attrs = vec![("stroke", marker.color), ("stroke-width", width)];
        if let Some(dash) = marker.dash {
            attrs.push(("stroke-dasharray", dash));
        }
        frame.svg.line(
            spot.x,
            frame.plot.y + 2.0,
            spot.x,
            frame.plot.bottom(),
            &attrs,
        );
        if let Some(name) = &spot.name {
            let (lx, anchor) = if name.right {
                (name.span.0, "start")
            } else {
                (name.span.1, "end")
            };
            frame.svg.text(
                lx,
                name_baseline(frame.plot.y, size, name.tier),
                &name.label,
                &[
                    ("font-size", &num(size)),
                    ("fill", frame.palette.ink(marker.color)),
                    ("text-anchor", anchor),
                ],
            );
        }
        frame.svg.close("g");
    }
}

#[cfg(test)]
mod tests;
