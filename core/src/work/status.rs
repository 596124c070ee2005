//! Workflow status: any team-defined status, mapped to one of four categories.
//!
//! Teams name their statuses freely ("Ready for QA", "Blocked", "Won't Do"); pmkit
//! reasons only about the [`StatusCategory`] each maps to. **Cancelled is never done**:
//! every count of finished work in pmkit uses [`StatusCategory::Done`] alone, and a
//! cancelled item is neither open work nor completed work.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::names::{named_enum, normalize};
use crate::{Error, Result};

named_enum!(
    /// The four categories every workflow status falls into.
    ///
    /// ```
    /// use pmkit::work::StatusCategory;
    ///
    /// assert_eq!(StatusCategory::parse("category", "In Progress")?, StatusCategory::InProgress);
    /// assert_eq!(StatusCategory::parse("category", "canceled")?, StatusCategory::Cancelled);
    /// assert!(!StatusCategory::Cancelled.is_done());
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    StatusCategory, "status category" {
        /// Not started: in the backlog, selected, ready.
        ToDo = "to_do" | "todo",
        /// Started and not finished: in development, in review, in test.
        InProgress = "in_progress",
        /// Finished and accepted.
        Done = "done",
        /// Dropped without being finished (won't do, duplicate, obsolete). Never done.
        Cancelled = "cancelled" | "canceled",
    }
);

impl StatusCategory {
    /// To do or in progress: work that is still ahead.
    pub const fn is_open(self) -> bool {
        matches!(self, StatusCategory::ToDo | StatusCategory::InProgress)
    }

    /// Done, and only done: a cancelled item is not done.
    pub const fn is_done(self) -> bool {
        matches!(self, StatusCategory::Done)
    }
}

/// A team's status name and the category it maps to.
///
/// JSON form: `{"name": "In Review", "category": "in_progress"}`. When reading, the
/// name may be left out; it then defaults to the category's ("Done").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StatusParts")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Status {
    /// The team's own name for the status, as shown on its board.
    pub name: String,
    /// The category that name maps to.
    pub category: StatusCategory,
}

/// A [`Status`] as read from JSON, with the name optional.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct StatusParts {
    /// The team's own name for the status; left out, the category's ("Done").
    #[serde(default)]
    name: Option<String>,
    /// The category that name maps to.
    category: StatusCategory,
}

impl From<StatusParts> for Status {
    fn from(parts: StatusParts) -> Self {
        match parts.name {
            Some(name) => Status {
                name,
                category: parts.category,
            },
            None => Status::of(parts.category),
        }
    }
}

impl Status {
    /// A status named `name` in `category`.
    ///
    /// **Errors**: an empty name is [`Error::InvalidInput`] on `name`.
    pub fn new(name: &str, category: StatusCategory) -> Result<Self> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::invalid("name", "is empty; name the status"));
        }
        Ok(Status {
            name: name.to_owned(),
            category,
        })
    }

    /// A status named after its category ("To Do", "In Progress", "Done", "Cancelled").
    pub fn of(category: StatusCategory) -> Self {
        let name = match category {
            StatusCategory::ToDo => "To Do",
            StatusCategory::InProgress => "In Progress",
            StatusCategory::Done => "Done",
            StatusCategory::Cancelled => "Cancelled",
        };
        Status {
            name: name.to_owned(),
            category,
        }
    }
}

impl Default for Status {
    /// "To Do", in the to-do category.
    fn default() -> Self {
        Status::of(StatusCategory::ToDo)
    }
}

/// A team's mapping from status names to categories, looked up case-insensitively.
///
/// Built from pairs such as `{"To Do": "to_do", "In Review": "in_progress",
/// "Won't Do": "cancelled"}`; the JSON form is that object.
///
/// ```
/// use pmkit::work::{StatusCategory, StatusMap};
///
/// let map = StatusMap::from_names([("Backlog", "to_do"), ("QA", "in progress"), ("Won't Do", "cancelled")])?;
/// assert_eq!(map.status("status", "qa")?.category, StatusCategory::InProgress);
/// assert_eq!(map.status("status", "QA")?.name, "QA");
/// assert!(map.status("status", "Shipped").is_err());
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(
    try_from = "BTreeMap<String, StatusCategory>",
    into = "BTreeMap<String, StatusCategory>"
)]
pub struct StatusMap {
    categories: BTreeMap<String, StatusCategory>,
}

impl StatusMap {
    /// A mapping from `(status name, category)` pairs.
    ///
    /// **Errors**: an empty name ([`Error::InvalidInput`] on `statuses`), or two names
    /// that differ only by case or spacing ([`Error::InvalidInput`] on `statuses["name"]`).
    pub fn new<S: AsRef<str>>(
        pairs: impl IntoIterator<Item = (S, StatusCategory)>,
    ) -> Result<Self> {
        let mut categories = BTreeMap::new();
        let mut seen = BTreeMap::new();
        for (name, category) in pairs {
            let name = name.as_ref().trim();
            if name.is_empty() {
                return Err(Error::invalid("statuses", "has an empty status name"));
            }
            if let Some(previous) = seen.insert(normalize(name), name.to_owned()) {
                return Err(Error::invalid(
                    format!("statuses[{name:?}]"),
                    format!("is the same status as {previous:?} (names are compared without case)"),
                ));
            }
            categories.insert(name.to_owned(), category);
        }
        Ok(StatusMap { categories })
    }

    /// A mapping from `(status name, category name)` pairs, the form the bindings pass.
    ///
    /// **Errors**: as [`StatusMap::new`], and an unknown category name is
    /// [`Error::Parse`] on `statuses["name"]`.
    pub fn from_names<S: AsRef<str>, C: AsRef<str>>(
        pairs: impl IntoIterator<Item = (S, C)>,
    ) -> Result<Self> {
        let parsed = pairs
            .into_iter()
            .map(|(name, category)| {
                let name = name.as_ref().to_owned();
                let category =
                    StatusCategory::parse(&format!("statuses[{name:?}]"), category.as_ref())?;
                Ok((name, category))
            })
            .collect::<Result<Vec<_>>>()?;
        StatusMap::new(parsed)
    }

    /// The status named `name` (case-insensitive), with the team's spelling.
    ///
    /// **Errors**: a name not in the mapping is [`Error::Parse`] on `field`, listing
    /// the known names so the caller can add the missing one.
    pub fn status(&self, field: &str, name: &str) -> Result<Status> {
        let wanted = normalize(name);
        self.categories
            .iter()
            .find(|(known, _)| normalize(known) == wanted)
            .map(|(known, &category)| Status {
                name: known.clone(),
                category,
            })
            .ok_or_else(|| {
                let known: Vec<&str> = self.categories.keys().map(String::as_str).collect();
                Error::parse(
                    field,
                    format!(
                        "status {name:?} is not in the status mapping; add it (known: {})",
                        if known.is_empty() {
                            "none".to_owned()
                        } else {
                            known.join(", ")
                        }
                    ),
                )
            })
    }

    /// Every `(name, category)` pair, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, StatusCategory)> {
        self.categories
            .iter()
            .map(|(name, &category)| (name.as_str(), category))
    }
}

impl TryFrom<BTreeMap<String, StatusCategory>> for StatusMap {
    type Error = Error;

    fn try_from(categories: BTreeMap<String, StatusCategory>) -> Result<Self> {
        StatusMap::new(categories)
    }
}

impl From<StatusMap> for BTreeMap<String, StatusCategory> {
    fn from(map: StatusMap) -> Self {
        map.categories
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn categories_parse_loosely_but_not_wrongly() {
        assert_eq!(
            StatusCategory::parse("c", "TO DO").unwrap(),
            StatusCategory::ToDo
        );
        assert_eq!(
            StatusCategory::parse("c", "todo").unwrap(),
            StatusCategory::ToDo
        );
        let err = StatusCategory::parse("c", "closed").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Parse);
        assert!(err.reason().contains("cancelled"));
    }

    #[test]
    fn cancelled_is_neither_open_nor_done() {
        assert!(!StatusCategory::Cancelled.is_done());
        assert!(!StatusCategory::Cancelled.is_open());
        assert!(StatusCategory::InProgress.is_open());
    }

    #[test]
    fn map_rejects_duplicates_and_unknown_categories() {
        let err = StatusMap::from_names([("Done", "done"), ("done", "done")]).unwrap_err();
        assert_eq!(err.field(), "statuses[\"done\"]");
        let err = StatusMap::from_names([("QA", "testing")]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Parse);
        assert_eq!(err.field(), "statuses[\"QA\"]");
    }

    #[test]
    fn unknown_status_lists_known_ones() {
        let map = StatusMap::from_names([("Open", "to_do")]).unwrap();
        let err = map.status("line 3", "Closed").unwrap_err();
        assert_eq!(err.field(), "line 3");
        assert!(err.reason().contains("Open"));
    }

    #[test]
    fn status_name_defaults_to_the_category() {
        let status: Status =
            serde_json::from_value(serde_json::json!({"category": "done"})).unwrap();
        assert_eq!(status, Status::of(StatusCategory::Done));
        let status: Status =
            serde_json::from_value(serde_json::json!({"name": "Shipped", "category": "Done"}))
                .unwrap();
        assert_eq!(
            (status.name.as_str(), status.category),
            ("Shipped", StatusCategory::Done)
        );
    }

    #[test]
    fn json_form_is_an_object() {
        let map = StatusMap::from_names([("Won't Do", "cancelled")]).unwrap();
        assert_eq!(
            serde_json::to_value(&map).unwrap(),
            serde_json::json!({"Won't Do": "cancelled"})
        );
        assert_eq!(
            serde_json::to_value(Status::default()).unwrap(),
            serde_json::json!({"name": "To Do", "category": "to_do"})
        );
    }
}
