//! [`ProductFile`]: everything the dashboard shows about one product, as one JSON document.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::flow::{Item, Workflow};
use crate::roadmap::Roadmap;
use crate::scorecard::ProductSnapshot;
use crate::sprint::{SprintLog, SprintOutcome};
use crate::tracker::{import_jira_csv, JiraCsvImportOptions};
use crate::work::{Backlog, BacklogParts, StatusCategory, StatusMap};
use crate::{Error, Result};

/// A board's status history, for the flow metrics and the throughput forecast.
///
/// JSON form: `{"workflow": {…}, "items": […], "today": "2026-02-20"}` — the inputs of
/// [`crate::flow::item_timelines`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FlowData {
    /// The board's columns and its backlog, committed and done markers.
    pub workflow: Workflow,
    /// The items and their status transitions.
    pub items: Vec<Item>,
    /// The day the board was read: ages and open flags run to it.
    pub today: NaiveDate,
}

/// Everything the dashboard shows about one product. Every section is optional: a
/// section that is absent is simply not shown.
///
/// JSON form (snake_case keys, ISO dates; each section in its own module's JSON form):
///
/// ```json
/// {
///   "product": "Checkout",
///   "today": "2026-03-31",
///   "snapshot": { "product": "…", "nps_responses": [10, 9, 3], … },
///   "sprint": { "sprint": {…}, "calendar": {…}, "commitment": […], "events": […] },
///   "sprint_history": [{ "sprint_id": "S-8", "completed_points": 21, "completed_items": 6 }, …],
///   "flow": { "workflow": {…}, "items": […], "today": "2026-02-20" },
///   "roadmap": { "product": "Checkout", "items": […], … },
///   "backlog": { "stories": […], "scale": null }
/// }
/// ```
///
/// - `snapshot`: the KPI inputs ([`ProductSnapshot`], `docs/scorecard.md`).
/// - `sprint`: the current sprint's commitment and events ([`SprintLog`]).
/// - `sprint_history`: closed sprints, oldest first, for velocity ([`SprintOutcome`]).
/// - `flow`: a board's status history ([`FlowData`]).
/// - `roadmap` and `backlog`: the roadmap ([`Roadmap`]) and the ordered stories
///   ([`Backlog`]) it rolls up.
/// - `today`: the day the file describes (backlog ages and health run to it); when
///   absent the dashboard uses the latest date in the backlog.
///
/// ```
/// use pmkit::dashboard::{sample_product_file, ProductFile};
///
/// let file = sample_product_file();
/// assert_eq!(ProductFile::from_json(&file.to_json())?, file);
///
/// let err = ProductFile::from_json(r#"{"sprint_history": [{"sprint_id": "S-1", "completed_points": "ten", "completed_items": 3}]}"#).unwrap_err();
/// assert_eq!(err.field(), "sprint_history[0].completed_points");
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ProductFile {
    /// The product's name (the dashboard's heading).
    pub product: String,
    /// The day the file describes; see above.
    pub today: Option<NaiveDate>,
    /// The inputs of every KPI.
    pub snapshot: Option<ProductSnapshot>,
    /// The current (or last) sprint's log.
    pub sprint: Option<SprintLog>,
    /// Closed sprints, oldest first.
    pub sprint_history: Option<Vec<SprintOutcome>>,
    /// A board's status history.
    pub flow: Option<FlowData>,
    /// The roadmap.
    pub roadmap: Option<Roadmap>,
    /// The backlog.
    pub backlog: Option<Backlog>,
}

/// A [`ProductFile`] as read, before its sections are checked.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
#[derive(Default)]
struct ProductFileParts {
    product: String,
    today: Option<NaiveDate>,
    snapshot: Option<ProductSnapshot>,
    sprint: Option<SprintLog>,
    sprint_history: Option<Vec<SprintOutcome>>,
    flow: Option<FlowData>,
    roadmap: Option<Roadmap>,
    backlog: Option<BacklogParts>,
}

/// The section names, in file order.
pub const SECTIONS: [&str; 6] = [
    "snapshot",
    "sprint",
    "sprint_history",
    "flow",
    "roadmap",
    "backlog",
];

impl crate::json::FromJsonText for ProductFile {
    fn from_json_text(text: &str) -> Result<Self> {
        ProductFile::from_json(text)
    }
}

impl ProductFile {
    /// Reads a product file from its JSON text and checks each section as its own
    /// module does ([`SprintLog::validate`], [`Roadmap::check`], [`Backlog::new`]).
    ///
    /// **Errors**: [`Error::Parse`] naming the JSON path of the value at fault and why
    /// (`"sprint.events[2].points: invalid type: string \"x\", expected a number at line
    /// 40 column 21"`; malformed JSON is on `text`, an unknown key names the key); a file
    /// with none of the sections ([`Error::Undefined`] on `text`); then a section's
    /// own errors under its name (`"backlog.stories[3].id: … appears twice"`).
    pub fn from_json(text: &str) -> Result<Self> {
        let parts: ProductFileParts = crate::json::from_str("text", text)?;
        let backlog = parts
            .backlog
            .map(|parts| Backlog::new(parts.stories, parts.scale))
            .transpose()
            .map_err(|err| err.within("backlog"))?;
        let file = ProductFile {
            product: parts.product,
            today: parts.today,
            snapshot: parts.snapshot,
            sprint: parts.sprint,
            sprint_history: parts.sprint_history,
            flow: parts.flow,
            roadmap: parts.roadmap,
            backlog,
        };
        if file.is_empty() {
            return Err(Error::undefined(
                "text",
                format!(
                    "has none of the sections {}; a product file needs at least one",
                    SECTIONS.join(", ")
                ),
            ));
        }
        if let Some(log) = &file.sprint {
            log.validate().map_err(|err| err.within("sprint"))?;
        }
        if let Some(roadmap) = &file.roadmap {
            roadmap.check().map_err(|err| err.within("roadmap"))?;
        }
        Ok(file)
    }

    /// The file as pretty-printed JSON text: the same bytes from Rust, Python and
    /// JavaScript.
    pub fn to_json(&self) -> String {
        // Strings, finite numbers and dates only, so this cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// True when no section is present.
    pub fn is_empty(&self) -> bool {
        self.snapshot.is_none()
            && self.sprint.is_none()
            && self.sprint_history.is_none()
            && self.flow.is_none()
            && self.roadmap.is_none()
            && self.backlog.is_none()
    }

    /// A backlog-only product file from a Jira CSV export ([`import_jira_csv`]'s
    /// backlog: epics and sub-tasks are not backlog stories). Its warnings are not kept
    /// here: [`tracker_product_file`](super::tracker_product_file) gives them, with the
    /// statuses found, and reads Jira REST pages and Linear exports too.
    ///
    /// Statuses map through `statuses`, or [`jira_default_statuses`] when `None`. The
    /// product is named after the first issue key's project ("PAY" for "PAY-12"), and
    /// `today` is the latest created or resolved date in the export, so the backlog's
    /// ages are as of the export.
    ///
    /// **Errors**: as [`import_jira_csv`] (`line N: …`), and an export with no rows
    /// ([`Error::Undefined`] on `text`).
    ///
    /// ```
    /// use pmkit::dashboard::ProductFile;
    ///
    /// let csv = "Issue key,Summary,Status,Story Points,Created,Resolved\n\
    ///            PAY-1,Save card,Done,3,2026-03-02,2026-03-06\n\
    ///            PAY-2,Refunds,In Progress,5,2026-03-04,\n";
    /// let file = ProductFile::from_jira_csv(csv, None)?;
    /// assert_eq!(file.product, "PAY");
    /// assert_eq!(file.today.unwrap().to_string(), "2026-03-06");
    /// assert_eq!(file.backlog.unwrap().len(), 2);
    /// assert!(file.sprint.is_none());
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn from_jira_csv(text: &str, statuses: Option<&StatusMap>) -> Result<Self> {
        let default;
        let statuses = match statuses {
            Some(statuses) => statuses,
            None => {
                default = jira_default_statuses();
                &default
            }
        };
        let backlog = import_jira_csv(text, statuses, &JiraCsvImportOptions::default())?.backlog;
        let first = backlog.stories().first().ok_or_else(|| {
            Error::undefined("text", "has a header but no issues; export some issues")
        })?;
        let product = project_of(&first.id);
        let today = backlog
            .stories()
            .iter()
            .flat_map(|story| [story.created, story.resolved])
            .flatten()
            .max();
        Ok(ProductFile {
            product,
            today,
            backlog: Some(backlog),
            ..ProductFile::default()
        })
    }
}

/// The project an issue key belongs to: "PAY" for "PAY-12" (the key itself when it has
/// no prefix).
pub(super) fn project_of(key: &str) -> String {
    match key.rsplit_once('-') {
        Some((project, _)) if !project.is_empty() => project.to_owned(),
        _ => key.to_owned(),
    }
}

/// The status mapping [`ProductFile::from_jira_csv`] uses by default: the statuses of
/// Jira's built-in workflows, in the status category Jira itself gives them, except
/// that "Won't Do", "Cancelled" and "Duplicate" are cancelled (Jira files them under
/// Done; pmkit never counts them as done).
///
/// - to do: To Do, Open, Backlog, Selected for Development, Reopened
/// - in progress: In Progress, In Review, Review, In Test, QA
/// - done: Done, Resolved, Closed
/// - cancelled: Won't Do, Cancelled, Canceled, Duplicate
///
/// ```
/// use pmkit::dashboard::jira_default_statuses;
/// use pmkit::work::StatusCategory;
///
/// let map = jira_default_statuses();
/// assert_eq!(map.status("status", "won't do")?.category, StatusCategory::Cancelled);
/// assert_eq!(map.status("status", "Closed")?.category, StatusCategory::Done);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn jira_default_statuses() -> StatusMap {
    use StatusCategory::{Cancelled, Done, InProgress, ToDo};
    let pairs = [
        ("To Do", ToDo),
        ("Open", ToDo),
        ("Backlog", ToDo),
        ("Selected for Development", ToDo),
        ("Reopened", ToDo),
        ("In Progress", InProgress),
        ("In Review", InProgress),
        ("Review", InProgress),
        ("In Test", InProgress),
        ("QA", InProgress),
        ("Done", Done),
        ("Resolved", Done),
        ("Closed", Done),
        ("Won't Do", Cancelled),
        ("Cancelled", Cancelled),
        ("Duplicate", Cancelled),
    ];
    // The names above are distinct and non-empty (a unit test checks), so this never
    // falls back to the empty map.
    StatusMap::new(pairs).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn default_statuses_are_distinct() {
        assert_eq!(jira_default_statuses().iter().count(), 16);
    }

    #[test]
    fn errors_name_the_path() {
        let err = ProductFile::from_json("{\"product\": \"x\", \"nps\": []}").unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "nps"));
        assert!(err.reason().contains("unknown field `nps`"), "{err}");

        let err =
            ProductFile::from_json("{\"snapshot\": {\"nps_responses\": [10, \"9\"]}}").unwrap_err();
        assert_eq!(err.field(), "snapshot.nps_responses[1]");
        assert_eq!(
            err.reason(),
            "invalid type: string \"9\", expected a number at line 1 column 39"
        );

        let err = ProductFile::from_json("{\"snapshot\": ").unwrap_err();
        assert_eq!(err.field(), "text");
        assert!(err.reason().contains("EOF"), "{err}");

        let err = ProductFile::from_json("{}").unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "text"));
    }

    #[test]
    fn section_checks_are_prefixed() {
        let story = r#"{"id": "A", "title": "a"}"#;
        let text = format!(r#"{{"backlog": {{"stories": [{story}, {story}]}}}}"#);
        let err = ProductFile::from_json(&text).unwrap_err();
        assert_eq!(err.field(), "backlog.stories[1].id");

        let mut log = crate::sprint::sample_sprint();
        log.events[0].date = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        let file = ProductFile {
            sprint: Some(log),
            ..ProductFile::default()
        };
        let err = ProductFile::from_json(&file.to_json()).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "sprint.events[0].date")
        );
    }

    #[test]
    fn jira_import_needs_known_statuses_and_rows() {
        let err = ProductFile::from_jira_csv("Issue key,Summary,Status\nA-1,a,Shipped\n", None)
            .unwrap_err();
        assert_eq!(err.field(), "line 2");
        assert!(err.reason().contains("\"Shipped\""), "{err}");
        let err = ProductFile::from_jira_csv("Issue key,Summary,Status\n", None).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "text"));
    }
}
