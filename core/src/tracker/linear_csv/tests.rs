use super::*;
use crate::flow::{item_timelines, Column, Workflow};
use crate::ErrorKind;

/// Linear's 30-column export header, as Linear writes it.
const HEADER: &str = "ID,Team,Title,Description,Status,Estimate,Priority,Project ID,Project,Creator,Assignee,Labels,Cycle Number,Cycle Name,Cycle Start,Cycle End,Created,Updated,Started,Triaged,Completed,Canceled,Archived,Due Date,Parent issue,Initiatives,Project Milestone ID,Project Milestone,SLA Status,Roadmaps\n";

fn export() -> String {
    format!(
        "{HEADER}\
ENG-12,Engineering,Save a card,\"As a shopper I want to save my card.\n\nAcceptance criteria:\n- the card is stored\n- CVC is never stored\",Done,3,High,6f1c2f0e-2b4e-4c8e-9c57-2b7f3a1d0e11,Saved cards,ana@example.com,bo@example.com,\"Feature, Frontend\",7,,2024-03-04T00:00:00.000Z,2024-03-18T00:00:00.000Z,2024-03-04T10:15:00.000Z,2024-03-08T16:00:00.000Z,2024-03-05T09:30:00.000Z,,2024-03-08T16:00:00.000Z,,,,,,,,,\n\
ENG-13,Engineering,\"Pay with a saved card, fast\",,In Review,5,Medium,6f1c2f0e-2b4e-4c8e-9c57-2b7f3a1d0e11,Saved cards,ana@example.com,,Feature,7,,2024-03-04T00:00:00.000Z,2024-03-18T00:00:00.000Z,2024-03-05T14:30:00.000Z,2024-03-12T09:00:00.000Z,2024-03-06T09:00:00.000Z,,,,,2024-03-29,,,,,,\n\
ENG-14,Engineering,'=SUM(A1) shows as text,,Canceled,,No priority,,,bo@example.com,,,,,,,2024-03-06T08:00:00.000Z,2024-03-07T12:00:00.000Z,,,,2024-03-07T12:00:00.000Z,,,,,,,,\n\
ENG-15,Engineering,Card form UI,,Todo,1,Low,,,ana@example.com,,Frontend,8,Polish week,2024-03-18T00:00:00.000Z,2024-04-01T00:00:00.000Z,2024-03-07T11:00:00.000Z,,,,,,,,ENG-12,,,,,\n"
    )
}

fn import(csv: &str) -> TrackerImport {
    import_linear_csv(csv, &LinearCsvImportOptions::default()).unwrap()
}

#[test]
fn reads_a_linear_export() {
    let import = import(&export());
    let stories = import.backlog.stories();
    assert_eq!(stories.len(), 4);
    let saved = &stories[0];
    assert_eq!(saved.id, "ENG-12");
    assert_eq!(saved.estimate, Some(3.0));
    assert_eq!(saved.labels, ["Feature", "Frontend"]);
    assert_eq!(saved.acceptance_criteria.len(), 1);
    assert_eq!(saved.status.category, StatusCategory::Done);
    assert_eq!(
        saved.parent.as_deref(),
        Some("6f1c2f0e-2b4e-4c8e-9c57-2b7f3a1d0e11")
    );
    assert_eq!(saved.tracker.priority.as_deref(), Some("High"));
    assert_eq!(saved.tracker.reporter.as_deref(), Some("ana@example.com"));
    assert_eq!(saved.tracker.assignee.as_deref(), Some("bo@example.com"));
    assert_eq!(saved.sprint.as_deref(), Some("Engineering Cycle 7"));
    assert_eq!(saved.resolved.unwrap().to_string(), "2024-03-08");
    assert_eq!(stories[1].title, "Pay with a saved card, fast");
    assert_eq!(stories[1].status.category, StatusCategory::InProgress);
    // Linear's formula guard is undone; "No priority" is no priority.
    assert_eq!(stories[2].title, "=SUM(A1) shows as text");
    assert_eq!(stories[2].tracker.priority, None);
    assert_eq!(stories[2].status.category, StatusCategory::Cancelled);
    assert_eq!(stories[2].tracker.resolution.as_deref(), Some("Canceled"));
    // A sub-issue keeps its parent issue and stays in the backlog.
    assert_eq!(stories[3].parent.as_deref(), Some("ENG-12"));
    assert!(import.subtasks.is_empty());
    // The project is a roadmap epic, in progress (one issue started, one done).
    assert_eq!(import.epics.len(), 1);
    assert_eq!(import.epics[0].title, "Saved cards");
    assert_eq!(import.epics[0].status, StatusCategory::InProgress);
    // Cycles are sprints named by team.
    let names: Vec<&str> = import.sprints.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Engineering Cycle 7", "Engineering Polish week"]);
    assert_eq!(import.sprints[0].items, ["ENG-12", "ENG-13"]);
    assert_eq!(import.sprints[0].id.as_deref(), Some("7"));
    assert_eq!(
        import.sprints[1].start.unwrap().to_string(),
        "2024-03-18T00:00:00"
    );
}

#[test]
fn items_are_built_from_the_dates_and_said_to_be_approximate() {
    let import = import(&export());
    let [done, review, canceled, todo] = import.items.as_slice() else {
        panic!("four items");
    };
    let path = |item: &Item| {
        item.transitions
            .iter()
            .map(|t| format!("{}→{}@{}", t.from.as_deref().unwrap_or("-"), t.to, t.at))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        path(done),
        [
            "Todo→In Progress@2024-03-05T09:30:00",
            "In Progress→Done@2024-03-08T16:00:00"
        ]
    );
    assert_eq!(path(review), ["Todo→In Review@2024-03-06T09:00:00"]);
    assert_eq!(path(canceled), ["Todo→Canceled@2024-03-07T12:00:00"]);
    assert!(todo.transitions.is_empty());
    assert_eq!(todo.status.as_deref(), Some("Todo"));
    let warning = |field: &str, says: &str| {
        import
            .warnings
            .iter()
            .any(|w| w.item.is_none() && w.field == field && w.reason.contains(says))
    };
    assert!(warning("Status", "no status history"));
    assert!(warning("Status", "Done → done"));
    assert!(warning("header", "Triaged, Archived, Due Date"));
    // The items feed item_timelines: cycle time Started → Completed is Linear's own.
    let workflow = Workflow {
        columns: vec![
            Column {
                name: "Todo".into(),
                statuses: vec!["Todo".into(), "Backlog".into()],
            },
            Column {
                name: "Doing".into(),
                statuses: vec!["In Progress".into(), "In Review".into()],
            },
            Column {
                name: "Done".into(),
                statuses: vec!["Done".into()],
            },
        ],
        backlog: "Todo".into(),
        committed: "Doing".into(),
        done: "Done".into(),
        cancelled: vec!["Canceled".into()],
    };
    let today = chrono::NaiveDate::from_ymd_opt(2024, 3, 20).unwrap();
    let timelines = item_timelines(
        &import.items,
        &workflow,
        today,
        crate::flow::TimelinesOptions::default(),
    )
    .unwrap();
    let cycle: Vec<f64> = crate::flow::durations(&timelines, crate::flow::DurationKind::CycleTime);
    assert_eq!(cycle, [3.0]); // 5 March → 8 March in calendar days
}

#[test]
fn statuses_given_win_over_the_dates() {
    let options = LinearCsvImportOptions {
        statuses: [
            ("In Review".to_owned(), "in_progress".to_owned()),
            ("Done".to_owned(), "done".to_owned()),
            ("Canceled".to_owned(), "cancelled".to_owned()),
            ("Todo".to_owned(), "to_do".to_owned()),
        ]
        .into_iter()
        .collect(),
        ..LinearCsvImportOptions::default()
    };
    let import = import_linear_csv(&export(), &options).unwrap();
    assert!(import
        .warnings
        .iter()
        .all(|w| !w.reason.contains("read from the issues' dates")));
    let bad = LinearCsvImportOptions {
        statuses: [("Done".to_owned(), "finished".to_owned())]
            .into_iter()
            .collect(),
        ..LinearCsvImportOptions::default()
    };
    let err = import_linear_csv(&export(), &bad).unwrap_err();
    assert_eq!(err.field(), "statuses[\"Done\"]");
}

#[test]
fn bad_rows_fail_naming_line_and_column() {
    let head = "ID,Title,Status,Estimate,Created,Started,Completed\n";
    let cases = [
        (
            "A,a,Done,3,2024-03-04,yesterday,\n",
            ErrorKind::Parse,
            "Started \"yesterday\" is not an ISO 8601 date",
        ),
        (
            "A,a,Done,three,,,\n",
            ErrorKind::Parse,
            "Estimate \"three\"",
        ),
        ("A,a,Done,-1,,,\n", ErrorKind::Parse, "not a number ≥ 0"),
        (",a,Done,,,,\n", ErrorKind::Parse, "ID is empty"),
        ("A,,Done,,,,\n", ErrorKind::Parse, "Title of A is empty"),
        (
            "A,a,Done,,2024-03-04,2024-03-03,\n",
            ErrorKind::InvalidInput,
            "Started 2024-03-03 00:00:00 is before Created",
        ),
        (
            "A,a,Done,,2024-03-04,2024-03-06,2024-03-05\n",
            ErrorKind::InvalidInput,
            "before Started",
        ),
        ("A,a,Done\n", ErrorKind::Parse, "3 fields"),
    ];
    for (row, kind, says) in cases {
        let err = import_linear_csv(&format!("{head}{row}"), &LinearCsvImportOptions::default())
            .unwrap_err();
        assert_eq!((err.kind(), err.field()), (kind, "line 2"), "{row}");
        assert!(err.reason().contains(says), "{row}: {err}");
    }
    let twice = import_linear_csv(
        &format!("{head}A,a,Done,,,,\nA,b,Done,,,,\n"),
        &LinearCsvImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(twice.field(), "line 3");
    let no_title =
        import_linear_csv("ID,Status\nA,Done\n", &LinearCsvImportOptions::default()).unwrap_err();
    assert_eq!(
        (no_title.field(), no_title.kind()),
        ("line 1", ErrorKind::Parse)
    );
    let empty = import_linear_csv("", &LinearCsvImportOptions::default()).unwrap_err();
    assert_eq!(empty.kind(), ErrorKind::Undefined);
}

#[test]
fn an_issue_without_created_has_no_item_and_a_warning() {
    let import = import("ID,Title,Status\nA,a,Todo\n");
    assert!(import.items.is_empty());
    assert!(import
        .warnings
        .iter()
        .any(|w| w.item.as_deref() == Some("A") && w.field == "Created"));
    // Reopened: Completed filled but the status is started.
    let reopened = import_linear_csv(
        "ID,Title,Status,Created,Started,Completed\nA,a,In Progress,2024-03-01,2024-03-02,2024-03-03\n",
        &LinearCsvImportOptions { statuses: [("In Progress".to_owned(), "in_progress".to_owned())].into_iter().collect(), ..LinearCsvImportOptions::default() },
    )
    .unwrap();
    assert!(reopened
        .warnings
        .iter()
        .any(|w| w.item.as_deref() == Some("A") && w.reason.contains("reopened")));
}
