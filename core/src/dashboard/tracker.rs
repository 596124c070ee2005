//! A tracker export (Jira CSV, Jira REST JSON, Linear CSV) as a product file for the
//! dashboard, with the import's warnings and the statuses it found, so the page can say
//! what the data lacks and let the user map statuses and import again.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::file::{jira_default_statuses, project_of, FlowData, ProductFile};
use crate::flow::{Column, Workflow};
use crate::tracker::{
    import_jira_csv, import_jira_json, import_linear_csv, ImportWarning, JiraCsvImportOptions,
    JiraJsonImportOptions, JiraPages, LinearCsvImportOptions, TrackerImport,
};
use crate::work::{StatusCategory, StatusMap};
use crate::{Error, Result};

/// Which tracker export a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TrackerFormat {
    /// A Jira CSV export (`Issue key,Summary,Status,…`).
    JiraCsv,
    /// Jira REST search pages with `expand=changelog` (`{"issues": […]}` or a list).
    JiraJson,
    /// Linear's CSV export (`ID,Team,Title,…`).
    LinearCsv,
}

impl TrackerFormat {
    /// The format of `text`: JSON (an object or a list) is Jira's REST pages; a CSV
    /// whose header has "Issue key" is Jira's, one with "ID" and "Title" Linear's.
    ///
    /// **Errors**: text of none of these ([`Error::Parse`] on `text`).
    pub fn detect(text: &str) -> Result<Self> {
        let text = text.trim_start_matches('\u{feff}').trim_start();
        if text.starts_with(['{', '[']) {
            return Ok(TrackerFormat::JiraJson);
        }
        let header: Vec<String> = text
            .lines()
            .next()
            .unwrap_or("")
            .split(',')
            .map(|name| name.trim().trim_matches('"').to_lowercase())
            .collect();
        let has = |name: &str| header.iter().any(|have| have == name);
        if has("issue key") {
            Ok(TrackerFormat::JiraCsv)
        } else if (has("id") || has("identifier")) && has("title") {
            Ok(TrackerFormat::LinearCsv)
        } else {
            Err(Error::parse(
                "text",
                "is neither a Jira CSV export (a header with \"Issue key\"), a Linear CSV export (\"ID\" and \"Title\") nor Jira REST JSON",
            ))
        }
    }
}

/// The options of [`tracker_product_file`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct TrackerFileOptions {
    /// The export's format; `None` (the default) detects it from the text.
    pub format: Option<TrackerFormat>,
    /// Status name → "to_do", "in_progress", "done" or "cancelled", over the defaults
    /// (Jira's built-in workflow statuses for a Jira CSV; the tracker's own categories,
    /// or the issues' dates for Linear). Empty by default.
    // Typed as the categories; read as text so a bad one is named by status.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "BTreeMap<String, crate::work::StatusCategory>")
    )]
    pub statuses: BTreeMap<String, String>,
    /// The day the dashboard is as of; `None` (the default) is the latest day in the
    /// export.
    pub today: Option<NaiveDate>,
}

/// A status found in an export, and where its category came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrackerStatus {
    /// The status as the export names it.
    pub name: String,
    /// Its category; `None` when nothing says (a status met only in a changelog, or a
    /// Jira CSV status neither given nor one of Jira's defaults).
    pub category: Option<StatusCategory>,
    /// Whether the category came from the caller's `statuses` (or, for a Jira CSV,
    /// pmkit's defaults), not from the tracker's category or the dates.
    pub given: bool,
}

/// A tracker export read for the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrackerFile {
    /// The export's format.
    pub format: TrackerFormat,
    /// The product file (backlog, and a board with its history when the export has
    /// one); `None` while some status has no category (see `statuses`).
    pub file: Option<ProductFile>,
    /// The import's warnings, and the dashboard's own (a board not drawn, and why).
    pub warnings: Vec<ImportWarning>,
    /// Every status of the export, in order of appearance, with its category.
    pub statuses: Vec<TrackerStatus>,
}

/// A tracker export as a product file for the dashboard, with the import's warnings and
/// every status found, so a page can show what the data lacks and offer a status
/// mapping (pass it as `statuses` and call again).
///
/// - **Jira CSV** ([`import_jira_csv`]): the backlog. Statuses map through `statuses`
///   over [`jira_default_statuses`]; when some status is in neither, no file is made
///   and `statuses` lists it with no category (never guessed).
/// - **Jira REST JSON** ([`import_jira_json`]): the backlog and a board: its items
///   with their changelog histories, on a workflow of three columns (To do, In
///   progress, Done: every status of each category) and the cancelled statuses. A
///   status met only in changelogs has no category until `statuses` gives one; until
///   then the board is left out, with a warning.
/// - **Linear CSV** ([`import_linear_csv`]): the backlog and a board as for Jira JSON,
///   from the items Linear's dates give (approximate, as its warning says).
///
/// The product is named after the first issue key's prefix ("PAY" for "PAY-12"), and
/// `today` is the option's, else the latest day in the export.
///
/// **Errors**: the importer's errors; an unknown category in `statuses` (on
/// `statuses["name"]`); an export with no issues ([`Error::Undefined`] on `text`).
///
/// ```
/// use pmkit::dashboard::{tracker_product_file, TrackerFileOptions};
///
/// let csv = "Issue key,Summary,Status,Created\nPAY-1,Save card,Shipped,2026-03-02\n";
/// let read = tracker_product_file(csv, &TrackerFileOptions::default())?;
/// assert!(read.file.is_none()); // "Shipped" has no category yet
/// assert_eq!(read.statuses[0].name, "Shipped");
/// let options = TrackerFileOptions {
///     statuses: [("Shipped".to_owned(), "done".to_owned())].into_iter().collect(),
///     ..TrackerFileOptions::default()
/// };
/// let read = tracker_product_file(csv, &options)?;
/// assert_eq!(read.file.unwrap().product, "PAY");
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn tracker_product_file(text: &str, options: &TrackerFileOptions) -> Result<TrackerFile> {
    let format = match options.format {
        Some(format) => format,
        None => TrackerFormat::detect(text)?,
    };
    let given = StatusMap::from_names(&options.statuses)?;
    let import = match format {
        TrackerFormat::JiraCsv => {
            let mut pairs: BTreeMap<String, StatusCategory> = jira_default_statuses()
                .iter()
                .filter(|(name, _)| given.status("", name).is_err())
                .map(|(name, category)| (name.to_owned(), category))
                .collect();
            pairs.extend(
                given
                    .iter()
                    .map(|(name, category)| (name.to_owned(), category)),
            );
            let statuses = StatusMap::try_from(pairs)?;
            let unknown = jira_csv_unknown_statuses(text, &statuses)?;
            if !unknown.is_empty() {
                return Ok(TrackerFile {
                    format,
                    file: None,
                    warnings: vec![ImportWarning::new(
                        None,
                        "Status",
                        format!(
                            "{} status(es) have no category: {}; map each to read the export",
                            unknown.len(),
                            unknown.join(", ")
                        ),
                    )],
                    statuses: unknown
                        .into_iter()
                        .map(|name| TrackerStatus {
                            name,
                            category: None,
                            given: false,
                        })
                        .collect(),
                });
            }
            import_jira_csv(text, &statuses, &JiraCsvImportOptions::default())?
        }
        TrackerFormat::JiraJson => {
            let pages = JiraPages::from_text(text)?;
            let json_options = JiraJsonImportOptions {
                statuses: options.statuses.clone(),
                ..JiraJsonImportOptions::default()
            };
            import_jira_json(&pages, &json_options)?
        }
        TrackerFormat::LinearCsv => {
            let linear_options = LinearCsvImportOptions {
                statuses: options.statuses.clone(),
                ..LinearCsvImportOptions::default()
            };
            import_linear_csv(text, &linear_options)?
        }
    };
    Ok(assemble(format, import, &given, options))
}

/// The statuses of a Jira CSV's Status column that `statuses` does not map, in order
/// of appearance (the import itself would fail on the first).
fn jira_csv_unknown_statuses(text: &str, statuses: &StatusMap) -> Result<Vec<String>> {
    let records = crate::work::csv::read_records(text)?;
    let mut records = records.iter();
    let Some(column) = records.next().and_then(|header| {
        header
            .fields
            .iter()
            .position(|name| name.trim().eq_ignore_ascii_case("status"))
    }) else {
        return Ok(Vec::new()); // the import names the missing column
    };
    let mut unknown: Vec<String> = Vec::new();
    for record in records {
        let Some(name) = record.fields.get(column).map(|name| name.trim()) else {
            continue;
        };
        if !name.is_empty()
            && statuses.status("", name).is_err()
            && !unknown.iter().any(|seen| seen == name)
        {
            unknown.push(name.to_owned());
        }
    }
    Ok(unknown)
}

/// The product file, statuses and warnings of an import.
fn assemble(
    format: TrackerFormat,
    import: TrackerImport,
    given: &StatusMap,
    options: &TrackerFileOptions,
) -> TrackerFile {
    let TrackerImport {
        items,
        backlog,
        mut warnings,
        ..
    } = import;
    // Every status, with the category the backlog gives it; statuses met only in
    // histories take the caller's mapping or none.
    let mut statuses: Vec<TrackerStatus> = Vec::new();
    let mut add = |name: &str, category: Option<StatusCategory>| {
        if statuses
            .iter()
            .any(|status| status.name.eq_ignore_ascii_case(name))
        {
            return;
        }
        let mapped = given.status("", name).ok().map(|status| status.category);
        let given = mapped.is_some() || format == TrackerFormat::JiraCsv;
        statuses.push(TrackerStatus {
            name: name.to_owned(),
            category: mapped.or(category),
            given,
        });
    };
    for story in backlog.stories() {
        add(&story.status.name, Some(story.status.category));
    }
    let linear = LinearCsvImportOptions::default();
    for item in &items {
        for transition in &item.transitions {
            for name in transition.from.iter().chain([&transition.to]) {
                // Linear's placeholders have the categories they stand for.
                let placeholder = if format != TrackerFormat::LinearCsv {
                    None
                } else if *name == linear.unstarted_status {
                    Some(StatusCategory::ToDo)
                } else if *name == linear.started_status {
                    Some(StatusCategory::InProgress)
                } else {
                    None
                };
                add(name, placeholder);
            }
        }
    }
    let product = backlog
        .stories()
        .first()
        .map(|story| project_of(&story.id))
        .unwrap_or_default();
    let latest = backlog
        .stories()
        .iter()
        .flat_map(|story| [story.created, story.resolved])
        .flatten()
        .chain(items.iter().flat_map(|item| {
            item.transitions
                .iter()
                .map(|transition| transition.at.date())
                .chain([item.created.date()])
        }))
        .max();
    let today = options.today.or(latest);
    let flow = match (format, today) {
        (TrackerFormat::JiraCsv, _) | (_, None) => None,
        (_, Some(today)) => board(&statuses, &mut warnings).map(|workflow| FlowData {
            workflow,
            items,
            today,
        }),
    };
    let file = (!backlog.is_empty()).then(|| ProductFile {
        product,
        today,
        flow,
        backlog: Some(backlog),
        ..ProductFile::default()
    });
    if file.is_none() {
        warnings.push(ImportWarning::new(None, "text", "holds no backlog issues"));
    }
    TrackerFile {
        format,
        file,
        warnings,
        statuses,
    }
}

/// A three-column workflow (To do, In progress, Done) with every status of each
/// category, and the cancelled ones; `None`, with a warning, while a status has no
/// category or a column would be empty.
fn board(statuses: &[TrackerStatus], warnings: &mut Vec<ImportWarning>) -> Option<Workflow> {
    let unmapped: Vec<&str> = statuses
        .iter()
        .filter(|status| status.category.is_none())
        .map(|status| status.name.as_str())
        .collect();
    if !unmapped.is_empty() {
        warnings.push(ImportWarning::new(
            None,
            "statuses",
            format!(
                "{} has no category (it appears only in the history): map it to see the board",
                unmapped.join(", ")
            ),
        ));
        return None;
    }
    let of = |category: StatusCategory| -> Vec<String> {
        statuses
            .iter()
            .filter(|status| status.category == Some(category))
            .map(|status| status.name.clone())
            .collect()
    };
    let columns = [
        ("To do", StatusCategory::ToDo),
        ("In progress", StatusCategory::InProgress),
        ("Done", StatusCategory::Done),
    ];
    let mut board = Vec::new();
    for (name, category) in columns {
        let statuses = of(category);
        if statuses.is_empty() {
            warnings.push(ImportWarning::new(
                None,
                "statuses",
                format!("no status is {}: the board needs one in each of to do, in progress and done; map one to see it", category.as_str()),
            ));
            return None;
        }
        board.push(Column {
            name: name.to_owned(),
            statuses,
        });
    }
    Some(Workflow {
        columns: board,
        backlog: "To do".to_owned(),
        committed: "In progress".to_owned(),
        done: "Done".to_owned(),
        cancelled: of(StatusCategory::Cancelled),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::ChartOptions;

    const PAGE: &str = r#"{"issues": [
      {"key": "PAY-2", "fields": {"summary": "Save a card", "issuetype": {"name": "Story"},
        "status": {"name": "Done", "statusCategory": {"key": "done"}}, "created": "2024-03-04T10:15:00.000+0100"},
       "changelog": {"total": 2, "maxResults": 100, "histories": [
        {"created": "2024-03-14T11:45:00.000+0100", "items": [{"field": "status", "fromString": "In Review", "toString": "Done"}]},
        {"created": "2024-03-05T09:30:00.000+0100", "items": [{"field": "status", "fromString": "To Do", "toString": "In Review"}]}]}},
      {"key": "PAY-3", "fields": {"summary": "Pay with it", "issuetype": {"name": "Story"},
        "status": {"name": "In Progress", "statusCategory": {"key": "indeterminate"}}, "created": "2024-03-05T14:30:00.000+0100"},
       "changelog": {"total": 1, "maxResults": 100, "histories": [
        {"created": "2024-03-18T09:00:00.000+0100", "items": [{"field": "status", "fromString": "To Do", "toString": "In Progress"}]}]}}]}"#;

    fn with(statuses: &[(&str, &str)]) -> TrackerFileOptions {
        TrackerFileOptions {
            statuses: statuses
                .iter()
                .map(|(name, category)| ((*name).to_owned(), (*category).to_owned()))
                .collect(),
            ..TrackerFileOptions::default()
        }
    }

    #[test]
    fn formats_are_detected() {
        assert_eq!(
            TrackerFormat::detect(PAGE).unwrap(),
            TrackerFormat::JiraJson
        );
        assert_eq!(
            TrackerFormat::detect("\u{feff}Summary,Issue key,Status\n").unwrap(),
            TrackerFormat::JiraCsv
        );
        assert_eq!(
            TrackerFormat::detect("ID,Team,Title,Status\n").unwrap(),
            TrackerFormat::LinearCsv
        );
        assert_eq!(TrackerFormat::detect("a,b\n").unwrap_err().field(), "text");
    }

    #[test]
    fn a_changelog_gives_a_board_once_every_status_is_mapped() {
        let read = tracker_product_file(PAGE, &TrackerFileOptions::default()).unwrap();
        let review = read
            .statuses
            .iter()
            .find(|s| s.name == "In Review")
            .unwrap();
        assert_eq!(review.category, None); // only in the history
        let file = read.file.unwrap();
        assert!(file.flow.is_none());
        assert!(read
            .warnings
            .iter()
            .any(|w| w.field == "statuses" && w.reason.contains("In Review")));
        assert!(read.warnings.iter().any(|w| w.field == "status")); // categories from Jira
        let read = tracker_product_file(
            PAGE,
            &with(&[("In Review", "in_progress"), ("To Do", "to_do")]),
        )
        .unwrap();
        let file = read.file.unwrap();
        let flow = file.flow.as_ref().unwrap();
        assert_eq!(
            flow.workflow.columns[1].statuses,
            ["In Progress", "In Review"]
        );
        assert_eq!(flow.today.to_string(), "2024-03-18");
        let board = crate::dashboard::dashboard(&file, None, &ChartOptions::default()).unwrap();
        let summary = board.flow.unwrap();
        assert_eq!(summary.finished, 1);
        assert_eq!(summary.cycle_time[0].value, 9.0); // 5 → 14 March
    }

    #[test]
    fn a_jira_csv_with_unknown_statuses_asks_for_them() {
        let csv = "Issue key,Summary,Status,Created\nPAY-1,a,Shipped,2026-03-02\nPAY-2,b,Done,2026-03-03\nPAY-3,c,Parked,2026-03-03\n";
        let read = tracker_product_file(csv, &TrackerFileOptions::default()).unwrap();
        assert!(read.file.is_none());
        let names: Vec<&str> = read.statuses.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Shipped", "Parked"]);
        let read =
            tracker_product_file(csv, &with(&[("Shipped", "done"), ("Parked", "cancelled")]))
                .unwrap();
        let file = read.file.unwrap();
        assert_eq!(file.backlog.unwrap().len(), 3);
        assert!(file.flow.is_none()); // a CSV has no history
        assert!(read
            .statuses
            .iter()
            .all(|s| s.given && s.category.is_some()));
        let err = tracker_product_file(csv, &with(&[("Shipped", "shipped")])).unwrap_err();
        assert_eq!(err.field(), "statuses[\"Shipped\"]");
    }

    #[test]
    fn a_linear_export_gives_a_board() {
        let csv = "ID,Team,Title,Status,Created,Started,Completed\n\
                   ENG-1,Eng,a,Done,2024-03-01T09:00:00.000Z,2024-03-02T09:00:00.000Z,2024-03-05T09:00:00.000Z\n\
                   ENG-2,Eng,b,Todo,2024-03-01T09:00:00.000Z,,\n";
        let read = tracker_product_file(csv, &TrackerFileOptions::default()).unwrap();
        assert_eq!(read.format, TrackerFormat::LinearCsv);
        let file = read.file.unwrap();
        let board = crate::dashboard::dashboard(&file, None, &ChartOptions::default()).unwrap();
        assert_eq!(board.flow.unwrap().cycle_time[0].value, 3.0);
        assert!(read
            .warnings
            .iter()
            .any(|w| w.reason.contains("no status history")));
    }
}
