//! The shared fixtures (`vectors/tracker.json`) read with hand-checked facts, and the
//! hostile inputs.

use super::*;
use crate::work::StatusCategory;
use crate::ErrorKind;
use serde_json::Value;

/// The `pages` and options of the vector case named `name`.
fn case(name: &str) -> (JiraPages, JiraJsonImportOptions) {
    let vectors: Value =
        serde_json::from_str(include_str!("../../../../vectors/tracker.json")).unwrap();
    let case = vectors["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|case| case["name"].as_str().unwrap().starts_with(name))
        .unwrap_or_else(|| panic!("no case {name}"));
    let mut args = case["args"].as_object().unwrap().clone();
    let pages = JiraPages::from_text(&args.remove("pages").unwrap().to_string()).unwrap();
    let options = serde_json::from_value(Value::Object(args)).unwrap();
    (pages, options)
}

fn warned<'a>(import: &'a TrackerImport, key: &str) -> Vec<&'a str> {
    import
        .warnings
        .iter()
        .filter(|warning| warning.item.as_deref() == Some(key))
        .map(|warning| warning.reason.as_str())
        .collect()
}

#[test]
fn cloud_pages_give_sorted_transitions_flags_and_sprints() {
    let (pages, options) = case("jira cloud v3");
    let import = import_jira_json(&pages, &options).unwrap();
    let keys: Vec<&str> = import
        .backlog
        .stories()
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(keys, ["PAY-2", "PAY-3", "PAY-4", "PAY-6", "PAY-7", "PAY-8"]);
    assert_eq!(import.epics[0].id, "PAY-1");
    assert_eq!(import.subtasks[0].parent.as_deref(), Some("PAY-2"));
    // Items: PAY-6 (truncated changelog) and PAY-7 (no changelog) have none.
    let items: Vec<&str> = import.items.iter().map(|item| item.key.as_str()).collect();
    assert_eq!(items, ["PAY-2", "PAY-3", "PAY-4", "PAY-8"]);
    assert!(warned(&import, "PAY-6")[0].contains("2 of 140"));
    assert!(warned(&import, "PAY-7")[0].contains("expand=changelog"));
    // PAY-2's histories came newest first: sorted here.
    let pay2 = &import.items[0];
    let path: Vec<&str> = pay2.transitions.iter().map(|t| t.to.as_str()).collect();
    assert_eq!(path, ["In Progress", "In Review", "Done"]);
    assert_eq!(pay2.transitions[0].from.as_deref(), Some("To Do"));
    assert_eq!(pay2.created.to_string(), "2024-03-04T10:15:00");
    assert_eq!(pay2.blocked.len(), 1);
    assert_eq!(
        pay2.blocked[0].end.unwrap().to_string(),
        "2024-03-08T10:00:00"
    );
    // PAY-3 is flagged now: an open period.
    assert_eq!(import.items[1].blocked[0].end, None);
    // Both story-point fields: Story Points wins, the disagreement is said.
    assert_eq!(import.items[1].points, 5.0);
    assert!(warned(&import, "PAY-3")[0].contains("kept 5"));
    // "Won't Do" is not in statuses: Jira's done category, cancelled by its resolution.
    assert_eq!(
        import.backlog.stories()[2].status.category,
        StatusCategory::Cancelled
    );
    // Sprints: ids, states and dates from the field, changes from the changelog.
    let second = import
        .sprints
        .iter()
        .find(|s| s.name == "PAY Sprint 2")
        .unwrap();
    assert_eq!(
        (second.id.as_deref(), second.state.as_deref()),
        (Some("2"), Some("active"))
    );
    assert_eq!(second.items, ["PAY-2", "PAY-3"]);
    let added: Vec<&str> = second.changes.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(added, ["PAY-3", "PAY-2"]); // oldest first
                                           // A v3 description (ADF) gives its criteria.
    assert_eq!(
        import.backlog.stories()[0].acceptance_criteria[0]
            .steps
            .len(),
        3
    );
    assert_eq!(
        import.backlog.stories()[1].acceptance_criteria[0]
            .steps
            .len(),
        2
    );
}

#[test]
fn data_center_page() {
    let (pages, options) = case("jira data center");
    let import = import_jira_json(&pages, &options).unwrap();
    let story = &import.backlog.stories()[0];
    assert_eq!(story.parent.as_deref(), Some("OPS-1")); // Epic Link
    assert_eq!(story.sprint.as_deref(), Some("OPS Sprint 7"));
    assert_eq!(import.sprints[0].goal.as_deref(), Some("Rotate every key"));
    assert_eq!(import.items[0].transitions.len(), 2);
    assert_eq!(import.items[0].blocked.len(), 1);
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
}

#[test]
fn the_items_feed_flow_metrics() {
    use crate::flow::{item_timelines, Column, Counting, Workflow};
    let (pages, options) = case("jira cloud v3");
    let import = import_jira_json(&pages, &options).unwrap();
    let column = |name: &str, statuses: &[&str]| Column {
        name: name.into(),
        statuses: statuses.iter().map(|s| (*s).to_owned()).collect(),
    };
    let workflow = Workflow {
        columns: vec![
            column("Backlog", &["To Do"]),
            column("Doing", &["In Progress", "In Review"]),
            column("Done", &["Done"]),
        ],
        backlog: "Backlog".into(),
        committed: "Doing".into(),
        done: "Done".into(),
        // Withdrawn, not done: such an item leaves WIP and is never a finished one.
        cancelled: vec!["Won't Do".into()],
    };
    let today = chrono::NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
    let timelines = item_timelines(&import.items, &workflow, today, Counting::Elapsed).unwrap();
    // PAY-2: In Progress 5 March → Done 14 March = 9 days.
    assert_eq!(timelines.items[0].cycle_time, Some(9.0));
    let wont_do = import
        .items
        .iter()
        .position(|item| item.status.as_deref() == Some("Won't Do"))
        .unwrap();
    let cancelled = &timelines.items[wont_do];
    assert!(cancelled.cancelled_on.is_some(), "{cancelled:?}");
    assert_eq!((cancelled.cycle_time, cancelled.done_on), (None, None));
}

#[test]
fn hostile_json_is_an_error() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let err = JiraPages::from_text(&deep).unwrap_err();
    assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "pages"));
    assert!(JiraPages::from_text("{\"issues\": 3}").is_err());
    assert!(JiraPages::from_text("\"text\"").is_err());
    assert!(JiraPages::from_text("{\"issues\": [], ").is_err());
    let empty = import_jira_json(
        &JiraPages::from_text("[]").unwrap(),
        &JiraJsonImportOptions::default(),
    )
    .unwrap();
    assert!(empty.backlog.is_empty() && empty.warnings.is_empty());
    // A page without names, and no points_field: said once.
    let page = r#"{"issues": [{"key": "A-1", "fields": {"summary": "a", "status": {"name": "To Do", "statusCategory": {"key": "new"}}, "created": "2024-03-01"}, "changelog": {"total": 0, "histories": []}}]}"#;
    let import = import_jira_json(
        &JiraPages::from_text(page).unwrap(),
        &JiraJsonImportOptions::default(),
    )
    .unwrap();
    assert!(import.warnings.iter().any(|w| w.field == "names"));
    // The same issue twice: the first is kept, and said.
    let twice = format!("[{page}, {page}]");
    let import = import_jira_json(
        &JiraPages::from_text(&twice).unwrap(),
        &JiraJsonImportOptions::default(),
    )
    .unwrap();
    assert_eq!(import.backlog.len(), 1);
    assert!(import
        .warnings
        .iter()
        .any(|w| w.field == "key" && w.reason.contains("pages[1].issues[0]")));
    // A bad statuses category names the option.
    let options = JiraJsonImportOptions {
        statuses: [("Done".to_owned(), "finished".to_owned())].into(),
        ..JiraJsonImportOptions::default()
    };
    let err = import_jira_json(&JiraPages::from_text(page).unwrap(), &options).unwrap_err();
    assert!(err.field().starts_with("statuses"), "{err}");
}

#[test]
fn a_complete_changelog_replaces_a_truncated_one() {
    let (pages, mut options) = case("jira cloud v3");
    let histories: Vec<JiraHistory> = serde_json::from_value(serde_json::json!([
        {"created": "2024-02-02T09:00:00.000+0100", "items": [{"field": "status", "fromString": "To Do", "toString": "In Progress"}]},
        {"created": "2024-03-12T09:58:00.000+0100", "items": [{"field": "status", "fromString": "In Progress", "toString": "Done"}]}
    ]))
    .unwrap();
    options.changelogs.insert("PAY-6".into(), histories);
    let import = import_jira_json(&pages, &options).unwrap();
    let pay6 = import
        .items
        .iter()
        .find(|item| item.key == "PAY-6")
        .unwrap();
    assert_eq!(pay6.transitions.len(), 2);
    assert!(warned(&import, "PAY-6").is_empty());
    options.changelogs.insert(
        "PAY-6".into(),
        serde_json::from_value(serde_json::json!([{"created": "soon", "items": []}])).unwrap(),
    );
    let err = import_jira_json(&pages, &options).unwrap_err();
    assert_eq!(err.field(), "changelogs[\"PAY-6\"].histories[0].created");
}
