//! The roadmap chart: [`roadmap_chart`], a timeline of dated items (bars in hierarchy
//! order, dependency arrows, releases, milestones and today's line), or a now / next /
//! later lanes board when no item has a date.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::frame::{Frame, LegendItem};
use super::theme::Palette;
use super::{Chart, ChartKind, ChartOptions};
use crate::roadmap::{Dependency, Roadmap, RoadmapItem};
use crate::work::StatusCategory;

mod lanes;
mod markers;
mod timeline;

use lanes::lanes;
use timeline::timeline;

/// The longest timeline drawn, in days (100 years): wider spans are degenerate dates.
const MAX_SPAN_DAYS: i64 = 36_525;
/// The deepest indentation of a row label, in levels.
const MAX_INDENT: usize = 6;

/// Statuses in legend order.
const STATUSES: [StatusCategory; 4] = [
    StatusCategory::ToDo,
    StatusCategory::InProgress,
    StatusCategory::Done,
    StatusCategory::Cancelled,
];

fn status_color(palette: &Palette, status: StatusCategory) -> &'static str {
    match status {
        StatusCategory::ToDo => palette.neutral,
        StatusCategory::InProgress => palette.series(0),
        StatusCategory::Done => palette.series(2),
        StatusCategory::Cancelled => palette.grid,
    }
}

fn status_words(status: StatusCategory) -> &'static str {
    match status {
        StatusCategory::ToDo => "to do",
        StatusCategory::InProgress => "in progress",
        StatusCategory::Done => "done",
        StatusCategory::Cancelled => "cancelled",
    }
}

/// `"To do"`: a status as a legend label.
fn status_label(status: StatusCategory) -> String {
    let words = status_words(status);
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Legend entries for the statuses the items use, in [`STATUSES`] order.
fn status_legend(palette: &Palette, items: &[&RoadmapItem]) -> Vec<LegendItem> {
    STATUSES
        .iter()
        .filter(|&&status| items.iter().any(|item| item.status == status))
        .map(|&status| LegendItem::fill(&status_label(status), status_color(palette, status)))
        .collect()
}

/// `"1 item"`, `"3 items"`.
fn count_words(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

/// `"3 in progress, 4 to do"`: the status counts, largest first (ties in legend order).
fn status_counts(items: &[&RoadmapItem]) -> String {
    let mut counts: Vec<(usize, StatusCategory)> = STATUSES
        .iter()
        .map(|&status| (items.iter().filter(|i| i.status == status).count(), status))
        .filter(|(count, _)| *count > 0)
        .collect();
    counts.sort_by_key(|&(count, _)| std::cmp::Reverse(count));
    let parts: Vec<String> = counts
        .iter()
        .map(|(count, status)| format!("{count} {}", status_words(*status)))
        .collect();
    parts.join(", ")
}

/// The items in hierarchy order (each parent followed by its children, in the
/// roadmap's rank order) with their depth. Items whose parent is missing are roots;
/// items in a loop of parents come last, at depth 0.
fn hierarchy(roadmap: &Roadmap) -> Vec<(&RoadmapItem, usize)> {
    let ids: HashSet<&str> = roadmap.items.iter().map(|i| i.id.as_str()).collect();
    let mut children: HashMap<&str, Vec<&RoadmapItem>> = HashMap::new();
    let mut roots = Vec::new();
    for item in &roadmap.items {
        match item.parent.as_deref() {
            Some(parent) if parent != item.id && ids.contains(parent) => {
                children.entry(parent).or_default().push(item)
            }
            _ => roots.push(item),
        }
    }
    let mut out = Vec::with_capacity(roadmap.items.len());
    let mut seen: HashSet<&str> = HashSet::new();
    for first in roots.into_iter().chain(&roadmap.items) {
        let mut stack = vec![(first, 0)];
        while let Some((item, depth)) = stack.pop() {
            if !seen.insert(item.id.as_str()) {
                continue;
            }
            out.push((item, depth));
            if let Some(kids) = children.get(item.id.as_str()) {
                stack.extend(kids.iter().rev().map(|&kid| (kid, depth + 1)));
            }
        }
    }
    out
}

/// How an item's dates are drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    /// Start and target: a bar from the first day of the start to the last of the target.
    Bar,
    /// Only a target: the target's period, faint, with a diamond on its last day.
    Due,
    /// Only a start: the start's period, faint, with a triangle on its first day.
    Start,
}

/// An item's first and last day and its shape, `None` without dates.
fn window(item: &RoadmapItem) -> Option<(NaiveDate, NaiveDate, Shape)> {
    match (item.start, item.target) {
        (Some(start), Some(target)) => {
            let (a, b) = (start.first_day(), target.last_day());
            Some((a.min(b), a.max(b), Shape::Bar))
        }
        (None, Some(target)) => Some((target.first_day(), target.last_day(), Shape::Due)),
        (Some(start), None) => Some((start.first_day(), start.last_day(), Shape::Start)),
        (None, None) => None,
    }
}

/// `"2026-02 to 2026-04"`, `"due 2026-06-15"`, `"from 2026-07"`.
fn dates_words(item: &RoadmapItem) -> String {
    match (item.start, item.target) {
        (Some(start), Some(target)) => format!("{start} to {target}"),
        (None, Some(target)) => format!("due {target}"),
        (Some(start), None) => format!("from {start}"),
        (None, None) => "no dates".to_owned(),
    }
}

fn tooltip(item: &RoadmapItem) -> String {
    format!(
        "{} {} — {}, {}, {}",
        item.id,
        item.title,
        item.level,
        status_words(item.status),
        dates_words(item)
    )
}

/// The first day of `date`'s month, and the last day of its month.
fn month_bounds(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    use chrono::Datelike;
    let first = date.with_day(1).unwrap_or(date);
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(date);
    (first, last)
}

/// The roadmap as a picture a product manager reads at a glance.
///
/// **Timeline** (when any item has a `start` or a `target`): one row per item in
/// hierarchy order (each parent followed by its children in rank order, labels
/// indented by depth: `OBJ-1 Make repeat…`, then `KR-1 …`), over whole months of
/// calendar days. An item's bar runs from the first day of its start to the last day
/// of its target (imprecise dates read at their widest, as
/// [`Roadmap::validate`] reads them), coloured by status (to do grey, in progress
/// blue, done green, cancelled outlined). An item with only a target is drawn as its
/// target period, faint, with a diamond on the deadline; one with only a start as its
/// start period, faint, with a triangle. Dependencies are elbow arrows from the tied
/// end of the predecessor to the tied end of the successor (finish-to-start: end →
/// start), in the vermillion of a problem when [`Roadmap::validate`] finds the dates
/// break them. Releases (dashed) and milestones (dotted) are vertical lines named at
/// the top (right of the line, or right-aligned to its left near the right edge, in a
/// second row when the first has no room; names never overlap, and one that cannot
/// fit is cut, or left to its tooltip); today is a solid line, and today widens the timeline when it is within a
/// quarter of the span (else the description says where it is). Items without dates
/// are listed in a last row, "No dates".
///
/// **Lanes** (when no item has a date but some have a lane): three columns, Now, Next
/// and Later, each a stack of item cards in hierarchy order with a status stripe;
/// items without a lane are named under the board.
///
/// A roadmap without items, or with neither dates nor lanes, or dates more than 100
/// years apart, draws the frame with a note. Too many rows for the height are cut with
/// a last row "+N more".
///
/// ```
/// use chrono::NaiveDate;
/// use pmkit::chart::{roadmap_chart, ChartOptions};
/// use pmkit::roadmap::sample_roadmap;
///
/// let today = NaiveDate::from_ymd_opt(2026, 3, 16).unwrap();
/// let chart = roadmap_chart(&sample_roadmap(), today, &ChartOptions::default());
/// assert_eq!(chart.title, "Roadmap — Checkout");
/// assert!(chart.description.starts_with("7 items from 2026-01-01 to 2026-12-31"));
/// assert!(chart.svg.contains("class=\"dependency\""));
/// ```
pub fn roadmap_chart(roadmap: &Roadmap, today: NaiveDate, options: &ChartOptions) -> Chart {
    let title = format!("Roadmap — {}", roadmap.product);
    let rows = hierarchy(roadmap);
    let problem = if rows.is_empty() {
        Some("No roadmap items to draw")
    } else if rows.iter().all(|(item, _)| window(item).is_none())
        && rows.iter().all(|(item, _)| item.lane.is_none())
    {
        Some("No item has a date or a lane")
    } else {
        None
    };
    if let Some(problem) = problem {
        let description = format!(
            "{problem}: {}, {}.",
            roadmap.product,
            count_words(rows.len(), "item")
        );
        return Frame::empty(ChartKind::Roadmap, options, &title, &description, problem);
    }
    if rows.iter().any(|(item, _)| window(item).is_some()) {
        timeline(roadmap, &rows, today, options, &title)
    } else {
        lanes(&rows, options, &title)
    }
}

/// The timeline's description.
#[allow(clippy::too_many_arguments)]
fn timeline_words(
    roadmap: &Roadmap,
    dated: &[(&RoadmapItem, usize)],
    undated: &[&RoadmapItem],
    deps: &[&Dependency],
    broken: &HashSet<(String, String)>,
    low: NaiveDate,
    high: NaiveDate,
    today: NaiveDate,
    today_shown: bool,
) -> String {
    let items: Vec<&RoadmapItem> = dated.iter().map(|(item, _)| *item).collect();
    let mut words = format!(
        "{} from {low} to {high} ({})",
        count_words(items.len(), "item"),
        status_counts(&items)
    );
    if !undated.is_empty() {
        let ids: Vec<&str> = undated.iter().map(|item| item.id.as_str()).collect();
        words.push_str(&format!(
            "; {} without dates: {}",
            count_words(undated.len(), "item"),
            ids.join(", ")
        ));
    }
    words.push('.');
    if !deps.is_empty() {
        let list: Vec<String> = deps
            .iter()
            .map(|d| {
                let mark = if broken.contains(&(d.from.clone(), d.to.clone())) {
                    " (broken by the dates)"
                } else {
                    ""
                };
                format!("{} → {}{mark}", d.from, d.to)
            })
            .collect();
        words.push_str(&format!(
            " {}: {}.",
            count_words(deps.len(), "dependency").replace("dependencys", "dependencies"),
            list.join(", ")
        ));
    }
    for release in &roadmap.releases {
        words.push_str(&format!(" Release {} on {}.", release.name, release.date));
    }
    for milestone in &roadmap.milestones {
        words.push_str(&format!(
            " Milestone {} on {}.",
            milestone.name, milestone.date
        ));
    }
    if today_shown {
        words.push_str(&format!(" Today is {today}."));
    } else {
        words.push_str(&format!(" Today ({today}) is outside the timeline."));
    }
    words
}

#[cfg(test)]
mod tests;
