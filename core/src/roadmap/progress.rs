//! Progress roll-up: done and total points and items per roadmap item and per level,
//! from the backlog; cancelled work excluded.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::model::{Level, Roadmap};
use super::target::Target;
use crate::work::{Backlog, StatusCategory};
use crate::Result;

/// Done and total work under an item or level.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Progress {
    /// Points of done stories.
    pub done_points: f64,
    /// Points of every story that is not cancelled.
    pub total_points: f64,
    /// Done stories.
    pub done_items: u64,
    /// Stories that are not cancelled.
    pub total_items: u64,
    /// Cancelled stories: excluded from both totals, reported apart.
    pub cancelled_items: u64,
    /// Stories without an estimate (counted as items, 0 points).
    pub unestimated_items: u64,
    /// `done_points / total_points`; `None` when there are no points.
    pub points_fraction: Option<f64>,
    /// `done_items / total_items`; `None` when there are no items.
    pub items_fraction: Option<f64>,
}

impl Progress {
    fn add(&mut self, category: StatusCategory, estimate: Option<f64>) {
        if category == StatusCategory::Cancelled {
            self.cancelled_items += 1;
            return;
        }
        let points = estimate.unwrap_or(0.0);
        if estimate.is_none() {
            self.unestimated_items += 1;
        }
        self.total_items += 1;
        self.total_points += points;
        if category.is_done() {
            self.done_items += 1;
            self.done_points += points;
        }
    }

    fn finish(mut self) -> Self {
        self.points_fraction =
            (self.total_points > 0.0).then(|| self.done_points / self.total_points);
        // u64 → f64 is exact below 2^53 stories.
        self.items_fraction =
            (self.total_items > 0).then(|| self.done_items as f64 / self.total_items as f64);
        self
    }
}

/// One roadmap item's progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemProgress {
    /// The item's id.
    pub id: String,
    /// Its level.
    pub level: Level,
    /// The stories under it, at any depth.
    pub progress: Progress,
}

/// One level's progress: the distinct stories under its items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LevelProgress {
    /// The level.
    pub level: Level,
    /// How many roadmap items sit at it.
    pub items: u64,
    /// The stories under them.
    pub progress: Progress,
}

/// The result of [`roadmap_progress`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoadmapProgress {
    /// Every item, in roadmap order.
    pub items: Vec<ItemProgress>,
    /// Every level that has items, top down.
    pub levels: Vec<LevelProgress>,
    /// Backlog stories attached to no roadmap item (their parent is not on the roadmap).
    pub unplanned: Vec<String>,
}

/// A story to roll up: its key, status category, estimate and the item it hangs from.
struct Leaf<'a> {
    id: &'a str,
    category: StatusCategory,
    estimate: Option<f64>,
    anchor: usize,
}

/// The stories of the roadmap: backlog stories attached by their own id (a roadmap
/// item of the same id) or by their parent; then roadmap story items with no backlog
/// story, counted from their own status, unestimated. Also the unattached story ids.
fn leaves<'a>(roadmap: &'a Roadmap, backlog: &'a Backlog) -> (Vec<Leaf<'a>>, Vec<String>) {
    let index: HashMap<&str, usize> = roadmap
        .items
        .iter()
        .enumerate()
        .map(|(at, item)| (item.id.as_str(), at))
        .collect();
    let mut leaves = Vec::new();
    let mut unplanned = Vec::new();
    for story in backlog.stories() {
        let anchor = index
            .get(story.id.as_str())
            .or_else(|| story.parent.as_deref().and_then(|parent| index.get(parent)));
        match anchor {
            Some(&anchor) => leaves.push(Leaf {
                id: &story.id,
                category: story.status.category,
                estimate: story.estimate,
                anchor,
            }),
            None => unplanned.push(story.id.clone()),
        }
    }
    for (at, item) in roadmap.items.iter().enumerate() {
        if item.level == Level::Story && backlog.get(&item.id).is_none() {
            leaves.push(Leaf {
                id: &item.id,
                category: item.status,
                estimate: None,
                anchor: at,
            });
        }
    }
    (leaves, unplanned)
}

/// The item at `start` and its ancestors, stopping at a missing parent or a loop.
fn lineage(roadmap: &Roadmap, index: &HashMap<&str, usize>, start: usize) -> Vec<usize> {
    let mut chain = vec![start];
    let mut at = start;
    while let Some(&parent) = roadmap
        .items
        .get(at)
        .and_then(|item| item.parent.as_deref())
        .and_then(|parent| index.get(parent))
    {
        if chain.contains(&parent) {
            break;
        }
        chain.push(parent);
        at = parent;
    }
    chain
}

/// Progress of every roadmap item and level, rolled up from the backlog.
///
/// **Rules**: a backlog story belongs to the roadmap item with its own id, else to the
/// item named by its `parent`, and through it to every ancestor. Roadmap items of
/// level `story` with no backlog story count from their own status. Cancelled stories
/// are excluded from done and total and counted apart; unestimated stories count as
/// items and 0 points. A level's progress counts each story once. Stories whose parent
/// is not on the roadmap are listed in `unplanned`.
///
/// **Errors**: an unreadable roadmap (as [`Roadmap::check`]). Loops and missing parents
/// do not fail: the roll-up stops there ([`Roadmap::validate`] reports them).
///
/// ```
/// use pmkit::roadmap::{roadmap_progress, sample_roadmap};
/// use pmkit::work::sample_backlog;
///
/// let progress = roadmap_progress(&sample_roadmap(), &sample_backlog())?;
/// let epic = progress.items.iter().find(|item| item.id == "PAY-1").unwrap();
/// // 9 stories not cancelled (62 points, 1 unestimated); 3 done (8 + 3 + 2 = 13 points);
/// // the cancelled PAY-95 is in neither.
/// assert_eq!((epic.progress.done_points, epic.progress.total_points), (13.0, 62.0));
/// assert_eq!((epic.progress.done_items, epic.progress.total_items), (3, 9));
/// assert_eq!(epic.progress.cancelled_items, 1);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn roadmap_progress(roadmap: &Roadmap, backlog: &Backlog) -> Result<RoadmapProgress> {
    roadmap.check()?;
    let index: HashMap<&str, usize> = roadmap
        .items
        .iter()
        .enumerate()
        .map(|(at, item)| (item.id.as_str(), at))
        .collect();
    let (leaves, unplanned) = leaves(roadmap, backlog);
    let mut per_item = vec![Progress::default(); roadmap.items.len()];
    let mut per_level: Vec<(Level, Progress, HashSet<&str>)> = Vec::new();
    for leaf in &leaves {
        for at in lineage(roadmap, &index, leaf.anchor) {
            if let Some(progress) = per_item.get_mut(at) {
                progress.add(leaf.category, leaf.estimate);
            }
            let Some(level) = roadmap.items.get(at).map(|item| item.level) else {
                continue;
            };
            let slot = match per_level.iter().position(|(known, _, _)| *known == level) {
                Some(found) => found,
                None => {
                    per_level.push((level, Progress::default(), HashSet::new()));
                    per_level.len() - 1
                }
            };
            if let Some((_, progress, seen)) = per_level.get_mut(slot) {
                if seen.insert(leaf.id) {
                    progress.add(leaf.category, leaf.estimate);
                }
            }
        }
    }
    let items = roadmap
        .items
        .iter()
        .zip(per_item)
        .map(|(item, progress)| ItemProgress {
            id: item.id.clone(),
            level: item.level,
            progress: progress.finish(),
        })
        .collect();
    let levels = Level::ALL
        .iter()
        .filter_map(|&level| {
            let count = roadmap
                .items
                .iter()
                .filter(|item| item.level == level)
                .count() as u64;
            if count == 0 {
                return None;
            }
            let progress = per_level
                .iter()
                .find(|(known, _, _)| *known == level)
                .map(|(_, progress, _)| progress.clone())
                .unwrap_or_default();
            Some(LevelProgress {
                level,
                items: count,
                progress: progress.finish(),
            })
        })
        .collect();
    Ok(RoadmapProgress {
        items,
        levels,
        unplanned,
    })
}

/// An epic to lay into future sprints: what is left of it and when it is due.
///
/// JSON form: `{"id": "PAY-2", "remaining_points": 21, "target": "2026-06-15"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlannedEpic {
    /// The epic's id.
    pub id: String,
    /// Points still to do.
    pub remaining_points: f64,
    /// When it is due, if anywhere.
    #[serde(default)]
    pub target: Option<Target>,
}

/// The open epics of the roadmap in rank order, with their remaining points: the open
/// points of their backlog stories, or the epic's own `estimate` while it has none.
///
/// Done and cancelled epics are left out. Unestimated open stories add 0 points.
///
/// **Errors**: as [`roadmap_progress`].
///
/// ```
/// use pmkit::roadmap::{remaining_epics, sample_roadmap};
/// use pmkit::work::sample_backlog;
///
/// let epics = remaining_epics(&sample_roadmap(), &sample_backlog())?;
/// assert_eq!(epics[0].id, "PAY-1");
/// assert_eq!(epics[0].remaining_points, 49.0); // 62 − 13 done
/// assert_eq!(epics[1].remaining_points, 21.0); // PAY-2's own estimate
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn remaining_epics(roadmap: &Roadmap, backlog: &Backlog) -> Result<Vec<PlannedEpic>> {
    let progress = roadmap_progress(roadmap, backlog)?;
    Ok(roadmap
        .items
        .iter()
        .zip(&progress.items)
        .filter(|(item, _)| item.level == Level::Epic && item.status.is_open())
        .map(|(item, rolled)| {
            let progress = &rolled.progress;
            let remaining_points = if progress.total_items > 0 {
                progress.total_points - progress.done_points
            } else {
                item.estimate.unwrap_or(0.0)
            };
            PlannedEpic {
                id: item.id.clone(),
                remaining_points,
                target: item.target,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::super::sample_roadmap;
    use super::*;
    use crate::work::{sample_backlog, Story};

    #[test]
    fn levels_count_each_story_once() {
        let progress = roadmap_progress(&sample_roadmap(), &sample_backlog()).unwrap();
        let objective = progress
            .levels
            .iter()
            .find(|l| l.level == Level::Objective)
            .unwrap();
        assert_eq!(objective.progress.total_items, 9);
        let epics = progress
            .levels
            .iter()
            .find(|l| l.level == Level::Epic)
            .unwrap();
        assert_eq!(epics.items, 3);
        assert_eq!(epics.progress.done_points, 13.0);
        assert!(progress.unplanned.is_empty());
        let fraction = epics.progress.points_fraction.unwrap();
        assert!((fraction - 13.0 / 62.0).abs() < 1e-12);
    }

    #[test]
    fn unplanned_and_roadmap_only_stories() {
        let mut roadmap = sample_roadmap();
        roadmap.items.push(super::super::RoadmapItem {
            id: "PAY-200".into(),
            title: "Receipt email".into(),
            level: Level::Story,
            parent: Some("PAY-2".into()),
            owner: None,
            status: StatusCategory::Done,
            start: None,
            target: None,
            lane: None,
            estimate: None,
        });
        let mut stories = sample_backlog().stories().to_vec();
        let mut stray = Story::new("X-1", "stray").unwrap();
        stray.parent = Some("ELSEWHERE".into());
        stories.push(stray);
        let backlog = Backlog::new(stories, None).unwrap();
        let progress = roadmap_progress(&roadmap, &backlog).unwrap();
        assert_eq!(progress.unplanned, ["X-1"]);
        let wallets = progress.items.iter().find(|i| i.id == "PAY-2").unwrap();
        assert_eq!(
            (
                wallets.progress.done_items,
                wallets.progress.unestimated_items
            ),
            (1, 1)
        );
        assert_eq!(wallets.progress.points_fraction, None);
        // PAY-2 now has a story, so its remaining work is that story's (done): 0.
        let epics = remaining_epics(&roadmap, &backlog).unwrap();
        assert_eq!(epics[1].remaining_points, 0.0);
    }
}
