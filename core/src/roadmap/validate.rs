//! [`Roadmap::validate`]: every cycle, missing link, child outside its parent and
//! violated dependency, reported at once.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::model::{DependencyKind, Roadmap, RoadmapItem};
use crate::names::named_enum;
use crate::Result;

named_enum!(
    /// What a [`RoadmapIssue`] is about.
    IssueKind, "roadmap issue kind" {
        /// Items whose dependencies form a loop; `items` is the path, first id repeated last.
        Cycle = "cycle",
        /// Items whose parents form a loop; `items` is the path, first id repeated last.
        ParentCycle = "parent_cycle",
        /// A parent, dependency or release naming an item that does not exist.
        MissingItem = "missing_item",
        /// A child at the same or a higher level than its parent (a story above an epic).
        LevelOrder = "level_order",
        /// A child's dates outside its parent's.
        OutsideParent = "outside_parent",
        /// Two items whose dates break the dependency between them.
        DependencyViolated = "dependency_violated",
    }
);

/// One problem found by [`Roadmap::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoadmapIssue {
    /// What it is about.
    pub kind: IssueKind,
    /// The items involved, in order (for a cycle, the path with the first id repeated).
    pub items: Vec<String>,
    /// A sentence saying what is wrong.
    pub message: String,
}

/// The result of [`Roadmap::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoadmapValidation {
    /// True when there is no issue.
    pub valid: bool,
    /// Every issue: cycles first, then missing items, levels, parents' dates and
    /// dependencies, each in the order of the roadmap.
    pub issues: Vec<RoadmapIssue>,
    /// True when the dependency graph has more than [`MAX_CYCLES`] cycles, or is too
    /// dense to search within [`MAX_CYCLE_SEARCH_STEPS`], and only the cycles found
    /// were listed.
    pub cycles_truncated: bool,
}

/// The most dependency cycles [`Roadmap::validate`] lists.
pub const MAX_CYCLES: usize = 100;

/// The most search steps [`Roadmap::validate`] spends looking for cycles; a graph
/// dense enough to need more is reported with `cycles_truncated`.
pub const MAX_CYCLE_SEARCH_STEPS: u64 = 2_000_000;

/// The window an item's dates give, read at its widest: work starts on the first day
/// of `start`'s period and finishes on the last day of `target`'s.
fn window(item: &RoadmapItem) -> (Option<NaiveDate>, Option<NaiveDate>) {
    (
        item.start.map(|start| start.first_day()),
        item.target.map(|target| target.last_day()),
    )
}

impl Roadmap {
    /// Everything wrong with the roadmap's links and dates, at once.
    ///
    /// **Reports** ([`IssueKind`]): every elementary cycle of dependencies with its path
    /// (up to [`MAX_CYCLES`]); every loop of parents; every parent, dependency end or
    /// release item that names no item; every child at a level not below its parent's;
    /// every child whose window is not inside its parent's; every dependency whose dates
    /// break it.
    ///
    /// **Dates**: an item's window runs from the first day of its `start` to the last
    /// day of its `target` (imprecise dates read at their widest). A start is the
    /// morning of its day and a finish the evening, so with lag `L` days:
    /// finish-to-start needs `succ.start ≥ pred.finish + 1 + L`; start-to-start
    /// `succ.start ≥ pred.start + L`; finish-to-finish `succ.finish ≥ pred.finish + L`;
    /// start-to-finish `succ.finish ≥ pred.start + L − 1`. A check whose dates are
    /// missing is skipped.
    ///
    /// **Errors**: the roadmap is unreadable (as [`Roadmap::check`]).
    ///
    /// **Source**: PMI, *PMBOK Guide* (6th ed., 2017), §6.3.2 (precedence diagramming:
    /// the four dependency types, leads and lags).
    ///
    /// ```
    /// use pmkit::roadmap::{sample_roadmap, Dependency, DependencyKind, IssueKind};
    ///
    /// let mut roadmap = sample_roadmap();
    /// assert!(roadmap.validate()?.valid);
    /// roadmap.dependencies.push(Dependency { from: "PAY-3".into(), to: "PAY-1".into(), kind: DependencyKind::FinishToStart, lag_days: 0 });
    /// let report = roadmap.validate()?;
    /// assert_eq!(report.issues[0].kind, IssueKind::Cycle);
    /// assert_eq!(report.issues[0].items, ["PAY-1", "PAY-3", "PAY-1"]);
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn validate(&self) -> Result<RoadmapValidation> {
        self.check()?;
        let index: HashMap<&str, usize> = self
            .items
            .iter()
            .enumerate()
            .map(|(at, item)| (item.id.as_str(), at))
            .collect();
        let mut issues = Vec::new();
        let cycles_truncated = self.dependency_cycles(&index, &mut issues);
        self.parent_cycles(&index, &mut issues);
        self.missing_items(&index, &mut issues);
        self.hierarchy(&index, &mut issues);
        self.dependency_dates(&index, &mut issues);
        Ok(RoadmapValidation {
            valid: issues.is_empty(),
            issues,
            cycles_truncated,
        })
    }

    /// Every elementary cycle, each found once from its lowest-ranked item; returns
    /// whether the listing stopped early ([`MAX_CYCLES`], [`MAX_CYCLE_SEARCH_STEPS`]).
    fn dependency_cycles(
        &self,
        index: &HashMap<&str, usize>,
        issues: &mut Vec<RoadmapIssue>,
    ) -> bool {
        let count = self.items.len();
        let mut next: Vec<Vec<usize>> = vec![Vec::new(); count];
        let mut edges = std::collections::HashSet::with_capacity(self.dependencies.len());
        for dependency in &self.dependencies {
            if let (Some(&from), Some(&to)) = (
                index.get(dependency.from.as_str()),
                index.get(dependency.to.as_str()),
            ) {
                if let Some(list) = next.get_mut(from) {
                    if edges.insert((from, to)) {
                        list.push(to);
                    }
                }
            }
        }
        // A cycle lies inside one strongly connected component, so the search from
        // `start` only follows edges within start's component, and an item alone in
        // its component (every item of an acyclic roadmap) is not searched at all.
        // This keeps 100,000 acyclic items linear; the cycles found, and their order,
        // are those of the search over every edge.
        let component = strong_components(&next);
        let mut size = vec![0usize; count];
        for &c in &component {
            if let Some(slot) = size.get_mut(c) {
                *slot += 1;
            }
        }
        let mut found: Vec<Vec<usize>> = Vec::new();
        let mut truncated = false;
        let mut steps = 0u64;
        // Cleared again as the search backs out of each item, so one allocation serves
        // every start.
        let mut on_path = vec![false; count];
        for start in 0..count {
            let home = component.get(start).copied().unwrap_or(usize::MAX);
            if size.get(home).copied().unwrap_or(0) < 2 {
                continue; // alone in its component: no cycle (items cannot depend on themselves)
            }
            // Depth-first over items ranked after `start`, with an explicit stack of
            // (item, next edge to try) so deep graphs cannot overflow the call stack.
            let mut path = vec![start];
            if let Some(flag) = on_path.get_mut(start) {
                *flag = true;
            }
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            while let Some((node, edge)) = stack.pop() {
                // Paths can be exponential in number; a bounded search keeps a dense
                // graph from hanging the caller, and says so.
                steps += 1;
                if steps > MAX_CYCLE_SEARCH_STEPS {
                    truncated = true;
                    break;
                }
                let Some(&succ) = next.get(node).and_then(|list| list.get(edge)) else {
                    path.pop();
                    if let Some(flag) = on_path.get_mut(node) {
                        *flag = false;
                    }
                    continue;
                };
                stack.push((node, edge + 1));
                if succ == start {
                    if found.len() == MAX_CYCLES {
                        truncated = true;
                        break;
                    }
                    found.push(path.clone());
                } else if succ > start
                    && component.get(succ) == Some(&home)
                    && !on_path.get(succ).copied().unwrap_or(true)
                {
                    path.push(succ);
                    if let Some(flag) = on_path.get_mut(succ) {
                        *flag = true;
                    }
                    stack.push((succ, 0));
                }
            }
            if truncated {
                break;
            }
        }
        for cycle in found {
            let mut ids: Vec<String> = cycle.iter().map(|&at| self.id_at(at)).collect();
            if let Some(first) = ids.first().cloned() {
                ids.push(first);
            }
            issues.push(RoadmapIssue {
                kind: IssueKind::Cycle,
                message: format!("dependency cycle: {}", ids.join(" → ")),
                items: ids,
            });
        }
        truncated
    }

    fn id_at(&self, at: usize) -> String {
        self.items
            .get(at)
            .map(|item| item.id.clone())
            .unwrap_or_default()
    }

    fn parent_cycles(&self, index: &HashMap<&str, usize>, issues: &mut Vec<RoadmapIssue>) {
        // 0 = not seen, 1 = on the current chain, 2 = done.
        let mut mark = vec![0u8; self.items.len()];
        for start in 0..self.items.len() {
            let mut chain: Vec<usize> = Vec::new();
            let mut at = Some(start);
            while let Some(node) = at {
                match mark.get(node).copied() {
                    Some(0) => {
                        if let Some(slot) = mark.get_mut(node) {
                            *slot = 1;
                        }
                        chain.push(node);
                        at = self
                            .items
                            .get(node)
                            .and_then(|item| item.parent.as_deref())
                            .and_then(|parent| index.get(parent).copied());
                    }
                    Some(1) => {
                        let from = chain.iter().position(|&seen| seen == node).unwrap_or(0);
                        let mut ids: Vec<String> = chain
                            .get(from..)
                            .unwrap_or(&[])
                            .iter()
                            .map(|&n| self.id_at(n))
                            .collect();
                        ids.push(self.id_at(node));
                        issues.push(RoadmapIssue {
                            kind: IssueKind::ParentCycle,
                            message: format!("parent loop: {}", ids.join(" → ")),
                            items: ids,
                        });
                        break;
                    }
                    _ => break,
                }
            }
            for node in chain {
                if let Some(slot) = mark.get_mut(node) {
                    *slot = 2;
                }
            }
        }
    }

    fn missing_items(&self, index: &HashMap<&str, usize>, issues: &mut Vec<RoadmapIssue>) {
        let mut missing = |owner: &str, what: String, id: &str| {
            if !index.contains_key(id) {
                issues.push(RoadmapIssue {
                    kind: IssueKind::MissingItem,
                    items: vec![owner.to_owned(), id.to_owned()],
                    message: format!("{what} {id:?} is not an item of the roadmap"),
                });
            }
        };
        for item in &self.items {
            if let Some(parent) = &item.parent {
                missing(&item.id, format!("{}'s parent", item.id), parent);
            }
        }
        for (at, dependency) in self.dependencies.iter().enumerate() {
            missing(
                &dependency.to,
                format!("dependencies[{at}].from"),
                &dependency.from,
            );
            missing(
                &dependency.from,
                format!("dependencies[{at}].to"),
                &dependency.to,
            );
        }
        for release in &self.releases {
            for id in &release.items {
                missing(&release.id, format!("release {}'s item", release.id), id);
            }
        }
    }

    fn hierarchy(&self, index: &HashMap<&str, usize>, issues: &mut Vec<RoadmapIssue>) {
        for item in &self.items {
            let Some(parent) = item
                .parent
                .as_deref()
                .and_then(|id| index.get(id))
                .and_then(|&at| self.items.get(at))
            else {
                continue;
            };
            if item.level <= parent.level {
                issues.push(RoadmapIssue {
                    kind: IssueKind::LevelOrder,
                    items: vec![item.id.clone(), parent.id.clone()],
                    message: format!(
                        "{} ({}) sits under {} ({}), which is not a higher level",
                        item.id, item.level, parent.id, parent.level
                    ),
                });
            }
            let (child_start, child_finish) = window(item);
            let (parent_start, parent_finish) = window(parent);
            let starts_early = matches!((child_start, parent_start), (Some(c), Some(p)) if c < p);
            let finishes_late =
                matches!((child_finish, parent_finish), (Some(c), Some(p)) if c > p);
            if starts_early || finishes_late {
                let span = |item: &RoadmapItem| {
                    format!(
                        "{}..{}",
                        item.start.map_or("?".to_owned(), |t| t.to_string()),
                        item.target.map_or("?".to_owned(), |t| t.to_string())
                    )
                };
                issues.push(RoadmapIssue {
                    kind: IssueKind::OutsideParent,
                    items: vec![item.id.clone(), parent.id.clone()],
                    message: format!(
                        "{} ({}) is scheduled outside its parent {} ({})",
                        item.id,
                        span(item),
                        parent.id,
                        span(parent)
                    ),
                });
            }
        }
    }

    fn dependency_dates(&self, index: &HashMap<&str, usize>, issues: &mut Vec<RoadmapIssue>) {
        let item = |id: &str| index.get(id).and_then(|&at| self.items.get(at));
        for dependency in &self.dependencies {
            let (Some(pred), Some(succ)) = (item(&dependency.from), item(&dependency.to)) else {
                continue;
            };
            let (pred_start, pred_finish) = window(pred);
            let (succ_start, succ_finish) = window(succ);
            let lag = dependency.lag_days;
            // (the successor's date, the earliest it may be, which ends are tied)
            let check = match dependency.kind {
                DependencyKind::FinishToStart => {
                    succ_start.zip(pred_finish.and_then(|d| shift(d, 1 + lag)))
                }
                DependencyKind::StartToStart => {
                    succ_start.zip(pred_start.and_then(|d| shift(d, lag)))
                }
                DependencyKind::FinishToFinish => {
                    succ_finish.zip(pred_finish.and_then(|d| shift(d, lag)))
                }
                DependencyKind::StartToFinish => {
                    succ_finish.zip(pred_start.and_then(|d| shift(d, lag - 1)))
                }
            };
            if let Some((actual, earliest)) = check {
                if actual < earliest {
                    issues.push(RoadmapIssue {
                        kind: IssueKind::DependencyViolated,
                        items: vec![pred.id.clone(), succ.id.clone()],
                        message: format!(
                            "{} → {} ({}, lag {} days): {} is {actual}, before the earliest allowed {earliest}",
                            pred.id,
                            succ.id,
                            dependency.kind,
                            lag,
                            match dependency.kind {
                                DependencyKind::FinishToStart | DependencyKind::StartToStart => "the successor's start",
                                _ => "the successor's finish",
                            }
                        ),
                    });
                }
            }
        }
    }
}

/// The strongly connected component of every item of the graph `next` (Tarjan's
/// algorithm, with an explicit stack so a chain of 100,000 items cannot overflow the
/// call stack): O(items + edges).
fn strong_components(next: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let count = next.len();
    let mut order = vec![UNSEEN; count];
    let mut low = vec![0usize; count];
    let mut component = vec![UNSEEN; count];
    let mut on_stack = vec![false; count];
    let mut stack: Vec<usize> = Vec::new();
    let mut counter = 0usize;
    let mut components = 0usize;
    let get = |list: &[usize], at: usize| list.get(at).copied().unwrap_or(UNSEEN);
    for root in 0..count {
        if get(&order, root) != UNSEEN {
            continue;
        }
        let mut calls: Vec<(usize, usize)> = vec![(root, 0)];
        let mut visit = |node: usize,
                         order: &mut [usize],
                         low: &mut [usize],
                         stack: &mut Vec<usize>,
                         on_stack: &mut [bool]| {
            if let (Some(o), Some(l), Some(s)) = (
                order.get_mut(node),
                low.get_mut(node),
                on_stack.get_mut(node),
            ) {
                *o = counter;
                *l = counter;
                *s = true;
            }
            counter += 1;
            stack.push(node);
        };
        visit(root, &mut order, &mut low, &mut stack, &mut on_stack);
        while let Some(&(node, edge)) = calls.last() {
            let succ = next.get(node).and_then(|list| list.get(edge)).copied();
            if let Some(succ) = succ {
                if let Some(call) = calls.last_mut() {
                    call.1 += 1;
                }
                if get(&order, succ) == UNSEEN {
                    visit(succ, &mut order, &mut low, &mut stack, &mut on_stack);
                    calls.push((succ, 0));
                } else if on_stack.get(succ).copied().unwrap_or(false) {
                    let reach = get(&order, succ);
                    if let Some(l) = low.get_mut(node) {
                        *l = (*l).min(reach);
                    }
                }
                continue;
            }
            calls.pop();
            let node_low = get(&low, node);
            if let Some(&(parent, _)) = calls.last() {
                if let Some(l) = low.get_mut(parent) {
                    *l = (*l).min(node_low);
                }
            }
            if node_low == get(&order, node) {
                while let Some(member) = stack.pop() {
                    if let (Some(s), Some(c)) =
                        (on_stack.get_mut(member), component.get_mut(member))
                    {
                        *s = false;
                        *c = components;
                    }
                    if member == node {
                        break;
                    }
                }
                components += 1;
            }
        }
    }
    component
}

/// `day + days`, or `None` past the calendar's end (then the check is skipped).
fn shift(day: NaiveDate, days: i64) -> Option<NaiveDate> {
    day.checked_add_signed(Duration::try_days(days)?)
}

#[cfg(test)]
mod tests {
    use super::super::{sample_roadmap, Dependency, Target};
    use super::*;

    fn dep(from: &str, to: &str, kind: DependencyKind, lag_days: i64) -> Dependency {
        Dependency {
            from: from.into(),
            to: to.into(),
            kind,
            lag_days,
        }
    }

    #[test]
    fn every_cycle_is_named_with_its_path() {
        let mut roadmap = sample_roadmap();
        roadmap.dependencies.clear();
        // PAY-1 → PAY-2 → PAY-3 → PAY-1 and PAY-2 ⇄ PAY-3: two elementary cycles.
        for (from, to) in [
            ("PAY-1", "PAY-2"),
            ("PAY-2", "PAY-3"),
            ("PAY-3", "PAY-1"),
            ("PAY-3", "PAY-2"),
        ] {
            roadmap
                .dependencies
                .push(dep(from, to, DependencyKind::StartToStart, -400));
        }
        let report = roadmap.validate().unwrap();
        let cycles: Vec<_> = report
            .issues
            .iter()
            .filter(|i| i.kind == IssueKind::Cycle)
            .map(|i| i.items.clone())
            .collect();
        assert_eq!(
            cycles,
            [
                vec!["PAY-1", "PAY-2", "PAY-3", "PAY-1"],
                vec!["PAY-2", "PAY-3", "PAY-2"]
            ]
        );
        assert!(report.issues[0]
            .message
            .contains("PAY-1 → PAY-2 → PAY-3 → PAY-1"));
        assert!(!report.cycles_truncated);
    }

    #[test]
    fn missing_items_and_parent_loops() {
        let mut roadmap = sample_roadmap();
        roadmap.items[1].parent = Some("NOPE".into());
        roadmap
            .dependencies
            .push(dep("PAY-1", "GHOST", DependencyKind::FinishToStart, 0));
        let report = roadmap.validate().unwrap();
        let missing: Vec<_> = report
            .issues
            .iter()
            .filter(|i| i.kind == IssueKind::MissingItem)
            .map(|i| i.items[1].clone())
            .collect();
        assert_eq!(missing, ["NOPE", "GHOST"]);

        let mut roadmap = sample_roadmap();
        let top = roadmap.items[0].id.clone();
        roadmap.items[0].parent = Some("PAY-1".into());
        let report = roadmap.validate().unwrap();
        let loops: Vec<_> = report
            .issues
            .iter()
            .filter(|i| i.kind == IssueKind::ParentCycle)
            .collect();
        assert_eq!(loops.len(), 1);
        assert_eq!(loops[0].items.first(), loops[0].items.last());
        assert!(loops[0].items.contains(&top));
    }

    #[test]
    fn dependency_kinds_and_lags() {
        let mut roadmap = sample_roadmap();
        roadmap.dependencies.clear();
        let set = |roadmap: &mut Roadmap, id: &str, start: &str, target: &str| {
            let item = roadmap.items.iter_mut().find(|i| i.id == id).unwrap();
            item.start = Some(Target::parse("s", start).unwrap());
            item.target = Some(Target::parse("t", target).unwrap());
        };
        set(&mut roadmap, "PAY-1", "2026-04-01", "2026-04-30");
        set(&mut roadmap, "PAY-2", "2026-05-01", "2026-05-31");
        let violated = |roadmap: &Roadmap, kind, lag| {
            let mut roadmap = roadmap.clone();
            roadmap.dependencies = vec![dep("PAY-1", "PAY-2", kind, lag)];
            roadmap
                .validate()
                .unwrap()
                .issues
                .iter()
                .any(|i| i.kind == IssueKind::DependencyViolated)
        };
        // Finish 30 April evening, start 1 May morning: lag 0 fits, lag 1 does not.
        assert!(!violated(&roadmap, DependencyKind::FinishToStart, 0));
        assert!(violated(&roadmap, DependencyKind::FinishToStart, 1));
        assert!(!violated(&roadmap, DependencyKind::StartToStart, 30));
        assert!(violated(&roadmap, DependencyKind::StartToStart, 31));
        assert!(!violated(&roadmap, DependencyKind::FinishToFinish, 31));
        assert!(violated(&roadmap, DependencyKind::FinishToFinish, 32));
        // Finish 31 May evening vs start 1 April morning + 61 days = 1 June morning.
        assert!(!violated(&roadmap, DependencyKind::StartToFinish, 61));
        assert!(violated(&roadmap, DependencyKind::StartToFinish, 62));
    }

    #[test]
    fn children_outside_parents_and_levels() {
        let mut roadmap = sample_roadmap();
        let epic = roadmap.items.iter_mut().find(|i| i.id == "PAY-1").unwrap();
        epic.target = Some(Target::Year(2030));
        let report = roadmap.validate().unwrap();
        assert!(report
            .issues
            .iter()
            .any(|i| i.kind == IssueKind::OutsideParent && i.items[0] == "PAY-1"));
        let mut roadmap = sample_roadmap();
        let epic = roadmap.items.iter_mut().find(|i| i.id == "PAY-1").unwrap();
        epic.level = super::super::Level::Product;
        let report = roadmap.validate().unwrap();
        assert!(report
            .issues
            .iter()
            .any(|i| i.kind == IssueKind::LevelOrder));
    }
}

#[cfg(test)]
mod limits {
    use super::super::{Dependency, DependencyKind, Level, Roadmap, RoadmapItem};
    use crate::work::StatusCategory;

    /// Epic `E{n}`, undated, estimated at `n` points.
    fn epic(n: usize) -> RoadmapItem {
        RoadmapItem {
            id: format!("E{n}"),
            title: "e".into(),
            level: Level::Epic,
            parent: None,
            owner: None,
            status: StatusCategory::ToDo,
            start: None,
            target: None,
            lane: None,
            estimate: Some(n as f64),
        }
    }

    /// 100,000 items in a chain of dependencies with one loop at the end: the check
    /// and the cycle search are linear (measured 45 s before, when they were quadratic).
    #[test]
    fn a_hundred_thousand_items_validate() {
        let count = 100_000;
        let items: Vec<RoadmapItem> = (0..count).map(epic).collect();
        let mut dependencies: Vec<Dependency> = (1..count)
            .map(|n| Dependency {
                from: format!("E{}", n - 1),
                to: format!("E{n}"),
                kind: DependencyKind::FinishToStart,
                lag_days: 0,
            })
            .collect();
        dependencies.push(Dependency {
            from: format!("E{}", count - 1),
            to: format!("E{}", count - 3),
            kind: DependencyKind::FinishToStart,
            lag_days: 0,
        });
        let roadmap = Roadmap {
            product: "P".into(),
            items,
            dependencies,
            releases: vec![],
            milestones: vec![],
            lifecycle: None,
        };
        let report = roadmap.validate().unwrap();
        assert!(!report.cycles_truncated);
        assert_eq!(report.issues.len(), 1);
        assert_eq!(
            report.issues[0].items,
            ["E99997", "E99998", "E99999", "E99997"]
        );
    }

    #[test]
    fn a_complete_graph_is_listed_up_to_the_limit() {
        // 8 items all depending on each other: thousands of elementary cycles.
        let items: Vec<RoadmapItem> = (0..8).map(epic).collect();
        let mut dependencies = Vec::new();
        for from in 0..8 {
            for to in 0..8 {
                if from != to {
                    dependencies.push(Dependency {
                        from: format!("E{from}"),
                        to: format!("E{to}"),
                        kind: DependencyKind::FinishToStart,
                        lag_days: 0,
                    });
                }
            }
        }
        let roadmap = Roadmap {
            product: "P".into(),
            items,
            dependencies,
            releases: vec![],
            milestones: vec![],
            lifecycle: None,
        };
        let report = roadmap.validate().unwrap();
        assert!(report.cycles_truncated);
        assert_eq!(report.issues.len(), super::MAX_CYCLES);
    }
}
