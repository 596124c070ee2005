//! The roadmap's data: items in one hierarchy, dependencies, releases and milestones.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::lifecycle::Lifecycle;
use super::target::{Lane, Target};
use crate::names::named_enum;
use crate::roles::Role;
use crate::work::StatusCategory;
use crate::{Error, Result};

named_enum!(
    /// The level of a roadmap item, from strategy (product) down to delivery (story).
    /// A child sits at a deeper level than its parent; levels may be skipped.
    Level, "roadmap level" {
        /// The product itself.
        Product = "product",
        /// An objective (the O of an OKR).
        Objective = "objective",
        /// A key result measuring an objective.
        KeyResult = "key_result" | "kr",
        /// A theme: an area of investment.
        Theme = "theme",
        /// An initiative: a body of work toward a theme or objective.
        Initiative = "initiative",
        /// An epic: a deliverable split into stories.
        Epic = "epic",
        /// A user story (usually in the backlog, linked by id or by its parent epic).
        Story = "story",
    }
);

named_enum!(
    /// How a dependency constrains its two items' dates.
    DependencyKind, "dependency kind" {
        /// The successor starts after the predecessor finishes (the usual one).
        FinishToStart = "finish_to_start" | "fs",
        /// The successor starts no earlier than the predecessor starts.
        StartToStart = "start_to_start" | "ss",
        /// The successor finishes no earlier than the predecessor finishes.
        FinishToFinish = "finish_to_finish" | "ff",
        /// The successor finishes no earlier than the predecessor starts.
        StartToFinish = "start_to_finish" | "sf",
    }
);

fn to_do() -> StatusCategory {
    StatusCategory::ToDo
}

/// One item of the hierarchy.
///
/// JSON form: `{"id": "EP-1", "title": "Saved cards", "level": "epic", "parent":
/// "IN-1", "owner": "product_owner", "status": "in_progress", "start": "2026-04",
/// "target": "2026-Q2", "lane": "now", "estimate": 40}`; only `id`, `title` and
/// `level` are required (status defaults to `to_do`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoadmapItem {
    /// Its key, unique in the roadmap (for an epic, the backlog's parent id).
    pub id: String,
    /// A short name.
    pub title: String,
    /// Where it sits in the hierarchy.
    pub level: Level,
    /// The parent item's id; `None` at the top.
    #[serde(default)]
    pub parent: Option<String>,
    /// The role that owns it: strategy items the product manager, delivery items the
    /// product owner.
    #[serde(default)]
    pub owner: Option<Role>,
    /// Its status category (cancelled is never done).
    #[serde(default = "to_do")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "status_schema"))]
    pub status: StatusCategory,
    /// When work starts, exact or imprecise.
    #[serde(default)]
    pub start: Option<Target>,
    /// When it is due, exact or imprecise.
    #[serde(default)]
    pub target: Option<Target>,
    /// Now / next / later, for roadmaps without dates.
    #[serde(default)]
    pub lane: Option<Lane>,
    /// A rough size in points, for an epic not yet split into backlog stories.
    #[serde(default)]
    pub estimate: Option<f64>,
}

// The status category spelled out where a roadmap item uses it, so the roadmap's
// typings do not declare `StatusCategory`, which the backlog's own typings declare.
#[cfg(feature = "schema")]
fn status_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let ids: Vec<&str> = StatusCategory::ALL.iter().map(|s| s.as_str()).collect();
    schemars::json_schema!({ "type": "string", "enum": ids })
}

/// A dependency between two items: `to` (the successor) waits on `from`.
///
/// JSON form: `{"from": "EP-1", "to": "EP-2", "kind": "finish_to_start", "lag_days": 3}`;
/// `kind` defaults to finish-to-start, `lag_days` to 0 (negative = lead).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dependency {
    /// The predecessor's id.
    pub from: String,
    /// The successor's id.
    pub to: String,
    /// Which ends the dependency ties.
    #[serde(default = "finish_to_start")]
    pub kind: DependencyKind,
    /// Days of lag (positive) or lead (negative).
    #[serde(default)]
    pub lag_days: i64,
}

fn finish_to_start() -> DependencyKind {
    DependencyKind::FinishToStart
}

/// A release: a dated delivery of items to users (separate from sprints).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// Its key.
    pub id: String,
    /// Its name ("2.0").
    pub name: String,
    /// The release day.
    pub date: NaiveDate,
    /// The items it ships, by id.
    #[serde(default)]
    pub items: Vec<String>,
}

/// A milestone: a dated checkpoint (a launch event, a contract date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Its key.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The day.
    pub date: NaiveDate,
}

/// The product manager's roadmap: the product, its items from objectives to stories
/// in one hierarchy (listed in rank order), dependencies, releases, milestones and the
/// product's lifecycle.
///
/// JSON form: `{"product": "Checkout", "items": […], "dependencies": […], "releases":
/// […], "milestones": […], "lifecycle": {…}}`; all but `product` and `items` may be
/// left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    /// The product's name.
    pub product: String,
    /// Every item, in rank order within each level.
    pub items: Vec<RoadmapItem>,
    /// Dependencies between items.
    #[serde(default)]
    pub dependencies: Vec<Dependency>,
    /// Releases.
    #[serde(default)]
    pub releases: Vec<Release>,
    /// Milestones.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// The product's lifecycle stage and its history.
    #[serde(default)]
    pub lifecycle: Option<Lifecycle>,
}

impl Roadmap {
    /// Checks what makes a roadmap unreadable: an empty product name, item id or title;
    /// a repeated item id; an item starting after its target; a dependency of an item on
    /// itself; a lifecycle history out of order. Links to missing items, cycles and
    /// dates that break the hierarchy or a dependency are not errors: [`Roadmap::validate`]
    /// reports them all at once.
    ///
    /// **Errors**: [`Error::InvalidInput`] on `product`, `items[i].id`, `items[i].title`,
    /// `items[i].estimate` (NaN or negative), `items[i].start`, `dependencies[i].to`, or the lifecycle's field (`lifecycle.…`).
    pub fn check(&self) -> Result<()> {
        if self.product.trim().is_empty() {
            return Err(Error::invalid("product", "is empty; name the product"));
        }
        // A set, not a scan of the items before each one: 100,000 items must not cost
        // 5 × 10⁹ comparisons.
        let mut seen = std::collections::HashSet::with_capacity(self.items.len());
        for (index, item) in self.items.iter().enumerate() {
            let field = format!("items[{index}]");
            if item.id.trim().is_empty() {
                return Err(Error::invalid(format!("{field}.id"), "is empty"));
            }
            if item.title.trim().is_empty() {
                return Err(Error::invalid(format!("{field}.title"), "is empty"));
            }
            if !seen.insert(item.id.as_str()) {
                return Err(Error::invalid(
                    format!("{field}.id"),
                    format!("{:?} appears twice; ids must be unique", item.id),
                ));
            }
            if let Some(points) = item.estimate {
                crate::input::points(&format!("{field}.estimate"), points)?;
            }
            if let (Some(start), Some(target)) = (item.start, item.target) {
                if start.first_day() > target.last_day() {
                    return Err(Error::invalid(
                        format!("{field}.start"),
                        format!("{start} is after the target {target}"),
                    ));
                }
            }
        }
        for (index, dependency) in self.dependencies.iter().enumerate() {
            if dependency.from == dependency.to {
                return Err(Error::invalid(
                    format!("dependencies[{index}].to"),
                    format!("{:?} depends on itself", dependency.to),
                ));
            }
        }
        if let Some(lifecycle) = &self.lifecycle {
            lifecycle.check().map_err(|err| err.within("lifecycle"))?;
        }
        Ok(())
    }

    /// A roadmap from its JSON text, checked as [`Roadmap::check`] checks.
    ///
    /// **Errors**: text that is not a roadmap's JSON shape ([`Error::Parse`] on `text`),
    /// then as [`Roadmap::check`].
    pub fn from_json(text: &str) -> Result<Self> {
        let roadmap: Roadmap = crate::json::from_str("text", text)?;
        roadmap.check()?;
        Ok(roadmap)
    }

    /// The roadmap as pretty-printed JSON: the same bytes from every language.
    pub fn to_json(&self) -> String {
        // Strings, whole numbers and dates only, so this cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The item with id `id`.
    pub fn get(&self, id: &str) -> Option<&RoadmapItem> {
        self.items.iter().find(|item| item.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_reads_with_defaults() {
        let roadmap: Roadmap = serde_json::from_value(serde_json::json!({
            "product": "P",
            "items": [{"id": "E", "title": "e", "level": "Epic", "target": "2026-Q3"}],
            "dependencies": [{"from": "E", "to": "F"}]
        }))
        .unwrap();
        assert_eq!(roadmap.items[0].status, StatusCategory::ToDo);
        assert_eq!(roadmap.dependencies[0].kind, DependencyKind::FinishToStart);
        let text = roadmap.to_json();
        assert_eq!(Roadmap::from_json(&text).unwrap(), roadmap);
    }

    #[test]
    fn unreadable_roadmaps_are_errors() {
        let mut roadmap = super::super::sample_roadmap();
        roadmap.items[2].id = roadmap.items[1].id.clone();
        assert_eq!(roadmap.check().unwrap_err().field(), "items[2].id");
        let mut roadmap = super::super::sample_roadmap();
        roadmap.items[0].start = Some(Target::Year(2030));
        assert_eq!(roadmap.check().unwrap_err().field(), "items[0].start");
        let mut roadmap = super::super::sample_roadmap();
        roadmap.dependencies[0].to = roadmap.dependencies[0].from.clone();
        assert_eq!(roadmap.check().unwrap_err().field(), "dependencies[0].to");
    }
}
