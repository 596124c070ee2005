use super::*;
use crate::roadmap::Level;
use crate::work::{Link, LinkKind, ScalePreset, StatusCategory};
use crate::ErrorKind;
use chrono::NaiveDate;

fn statuses() -> StatusMap {
    StatusMap::from_names([
        ("To Do", "to_do"),
        ("In Progress", "in_progress"),
        ("Done", "done"),
        ("Won't Do", "cancelled"),
    ])
    .unwrap()
}

fn import(csv: &str) -> TrackerImport {
    import_jira_csv(csv, &statuses(), &JiraCsvImportOptions::default()).unwrap()
}

const HEADER: &str = "Summary,Issue key,Issue id,Issue Type,Status,Custom field (Story Points),Sprint,Sprint,Created,Resolved,Parent,Inward issue link (Blocks),Description\n";

#[test]
fn reads_every_column() {
    let csv = format!(
        "{HEADER}\"Export, as CSV\",PAY-7,10007,Story,in progress,5,Sprint 1,Sprint 2,2024-01-12 15:45,,PAY-1,PAY-3,\"Line one\nline two\"\n"
    );
    let options = JiraCsvImportOptions {
        scale: Some(EstimateScale::preset(ScalePreset::Fibonacci)),
        ..JiraCsvImportOptions::default()
    };
    let import = import_jira_csv(&csv, &statuses(), &options).unwrap();
    let story = &import.backlog.stories()[0];
    assert_eq!(story.id, "PAY-7");
    assert_eq!(story.title, "Export, as CSV");
    assert_eq!(story.status.name, "In Progress");
    assert_eq!(story.status.category, StatusCategory::InProgress);
    assert_eq!(story.estimate, Some(5.0));
    assert_eq!(story.sprint.as_deref(), Some("Sprint 2"));
    assert_eq!(story.tracker.sprints, ["Sprint 1", "Sprint 2"]);
    assert_eq!(story.parent.as_deref(), Some("PAY-1"));
    assert_eq!(story.issue_type.as_deref(), Some("Story"));
    assert_eq!(story.tracker.issue_id.as_deref(), Some("10007"));
    assert_eq!(
        story.links,
        [Link {
            kind: LinkKind::BlockedBy,
            id: "PAY-3".into()
        }]
    );
    assert_eq!(story.description.as_deref(), Some("Line one\nline two"));
    assert_eq!(story.created, NaiveDate::from_ymd_opt(2024, 1, 12));
    assert_eq!(import.items[0].created.to_string(), "2024-01-12T15:45:00");
    assert_eq!(import.sprints.len(), 2);
    assert_eq!(import.sprints[1].items, ["PAY-7"]);
}

#[test]
fn both_story_point_columns_merge_and_disagreements_are_warned() {
    let csv = "Issue key,Summary,Status,Custom field (Story Points),Custom field (Story point estimate)\n\
               A,a,To Do,3,\nB,b,To Do,,5\nC,c,To Do,2,8\nD,d,To Do,1,1\nE,e,To Do,,\n";
    let import = import(csv);
    let points: Vec<Option<f64>> = import
        .backlog
        .stories()
        .iter()
        .map(|s| s.estimate)
        .collect();
    assert_eq!(points, [Some(3.0), Some(5.0), Some(2.0), Some(1.0), None]);
    let disagreements: Vec<&ImportWarning> = import
        .warnings
        .iter()
        .filter(|w| w.field.contains("Story point estimate"))
        .collect();
    assert_eq!(disagreements.len(), 1);
    assert_eq!(disagreements[0].item.as_deref(), Some("C"));
    assert!(
        disagreements[0].reason.contains("kept 2"),
        "{:?}",
        disagreements[0]
    );
    // A caller's column wins over Jira's.
    let options = JiraCsvImportOptions {
        points_fields: vec!["Custom field (Story point estimate)".into()],
        ..JiraCsvImportOptions::default()
    };
    let import = import_jira_csv(csv, &statuses(), &options).unwrap();
    assert_eq!(import.backlog.stories()[2].estimate, Some(8.0));
}

#[test]
fn dataframe_renamed_repeats_are_read_like_the_text() {
    let text = "Issue key,Summary,Status,Sprint,Sprint,Labels,Labels,Components,Components,Watchers,Watchers\n\
                A,a,To Do,S1,S2,web,api,Pay,Cart,ana,bo\n";
    let pandas = "Issue key,Summary,Status,Sprint,Sprint.1,Labels,Labels.1,Components,Components.1,Watchers,Watchers.1\n\
                  A,a,To Do,S1,S2,web,api,Pay,Cart,ana,bo\n";
    let polars = "Issue key,Summary,Status,Sprint,Sprint_duplicated_0,Labels,Labels_duplicated_0,Components,Components_duplicated_0,Watchers,Watchers_duplicated_0\n\
                  A,a,To Do,S1,S2,web,api,Pay,Cart,ana,bo\n";
    let expected = import(text);
    let story = &expected.backlog.stories()[0];
    assert_eq!(story.tracker.sprints, ["S1", "S2"]);
    assert_eq!(story.labels, ["web", "api"]);
    assert_eq!(story.tracker.components, ["Pay", "Cart"]);
    assert_eq!(story.tracker.watchers, ["ana", "bo"]);
    assert_eq!(import(pandas), expected);
    assert_eq!(import(polars), expected);
    // A header that only looks renamed stays itself.
    let odd = import("Issue key,Summary,Status,Version.2\nA,a,To Do,x\n");
    assert_eq!(odd.backlog.stories()[0].labels, Vec::<String>::new());
}

#[test]
fn parents_by_issue_id_epics_and_subtasks() {
    let csv = "Issue key,Issue id,Issue Type,Summary,Status,Parent,Custom field (Story Points)\n\
               PAY-1,10001,Epic,Cards,In Progress,,20\n\
               PAY-2,10002,Story,Save,To Do,10001.0,3\n\
               PAY-3,10003,Sub-task,UI,To Do,10002,\n\
               PAY-4,10004,Subtask,orphan,To Do,99999,\n\
               PAY-5,10005,Bug,Crash,Done,PAY-1,\n";
    let import = import(csv);
    let ids: Vec<&str> = import
        .backlog
        .stories()
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["PAY-2", "PAY-5"]);
    assert_eq!(import.backlog.stories()[0].parent.as_deref(), Some("PAY-1"));
    assert_eq!(import.epics.len(), 1);
    assert_eq!(
        (import.epics[0].level, import.epics[0].estimate),
        (Level::Epic, Some(20.0))
    );
    assert_eq!(import.epics[0].status, StatusCategory::InProgress);
    assert_eq!(import.subtasks.len(), 2);
    assert_eq!(import.subtasks[0].parent.as_deref(), Some("PAY-2"));
    let orphan: Vec<&ImportWarning> = import
        .warnings
        .iter()
        .filter(|w| w.item.as_deref() == Some("PAY-4"))
        .collect();
    assert_eq!(orphan.len(), 2, "{orphan:?}"); // id not in the export, and so parent missing
    assert_eq!(import.items.len(), 0); // no Created column
}

#[test]
fn people_priority_resolution_times_and_criteria() {
    let csv = "Issue key,Summary,Status,Priority,Assignee,Reporter,Resolution,Created,Updated,Resolved,Fix versions,Attachment,Description\n\
               A,a,Done,High,Ana Lima,Bo,Done,12/Mar/24 10:15 AM,14/Mar/24 4:00 PM,13/Mar/24 9:30 AM,1.2,\"12/Mar/24 10:20 AM;ana;shot.png;https://x/1\",\"h3. Acceptance criteria\n* *Given* a card\n* *When* I pay\n* *Then* it is charged\"\n\
               B,b,Won't Do,Low,,,Won't Do,12/Mar/24 10:15 AM,,,,,\"Acceptance Criteria:\n- totals include tax\n- receipt emailed\"\n\
               C,c,To Do,,,,,12/Mar/24 10:15 AM,,,,,\"Given a\nThen b\nmore prose\nThen c\"\n";
    let import = import(csv);
    let [a, b, c] = import.backlog.stories() else {
        panic!()
    };
    assert_eq!(a.tracker.priority.as_deref(), Some("High"));
    assert_eq!(a.tracker.assignee.as_deref(), Some("Ana Lima"));
    assert_eq!(a.tracker.reporter.as_deref(), Some("Bo"));
    assert_eq!(a.tracker.resolution.as_deref(), Some("Done"));
    assert_eq!(a.tracker.fix_versions, ["1.2"]);
    assert_eq!(a.tracker.attachments.len(), 1);
    assert_eq!(
        a.tracker.updated_at.unwrap().to_string(),
        "2024-03-14 16:00:00"
    );
    assert_eq!(a.acceptance_criteria[0].steps.len(), 3);
    assert_eq!(b.acceptance_criteria[0].steps.len(), 2);
    assert!(c.acceptance_criteria.is_empty());
    assert!(import
        .warnings
        .iter()
        .any(|w| w.item.as_deref() == Some("C") && w.field == "Description"));
    // Resolved items enter their status at Resolved; open ones sit in it since Created.
    assert_eq!(
        import.items[0].transitions[0].at.to_string(),
        "2024-03-13T09:30:00"
    );
    assert_eq!(import.items[1].transitions.len(), 0); // cancelled without a Resolved date
    assert!(import
        .warnings
        .iter()
        .any(|w| w.field == "Status" && w.item.is_none()));
}

#[test]
fn numeric_dates_follow_the_file() {
    let us = import(
        "Issue key,Summary,Status,Created\nA,a,To Do,3/12/2024 10:15\nB,b,To Do,3/13/2024 10:15\n",
    );
    assert_eq!(
        us.backlog.stories()[0].created,
        NaiveDate::from_ymd_opt(2024, 3, 12)
    );
    assert!(us.warnings.iter().all(|w| w.field != "Created"));
    let eu = import(
        "Issue key,Summary,Status,Created\nA,a,To Do,3/12/2024 10:15\nB,b,To Do,13/3/2024 10:15\n",
    );
    assert_eq!(
        eu.backlog.stories()[0].created,
        NaiveDate::from_ymd_opt(2024, 12, 3)
    );
    let unsure = import("Issue key,Summary,Status,Created\nA,a,To Do,3/4/2024\n");
    assert!(unsure
        .warnings
        .iter()
        .any(|w| w.field == "Created" && w.reason.contains("month first")));
    let mixed = import_jira_csv(
        "Issue key,Summary,Status,Created\nA,a,To Do,3/13/2024\nB,b,To Do,13/3/2024\n",
        &statuses(),
        &JiraCsvImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(mixed.field(), "text");
    let options = JiraCsvImportOptions {
        date_format: Some("%d.%m.%Y %H:%M".into()),
        ..JiraCsvImportOptions::default()
    };
    let declared = import_jira_csv(
        "Issue key,Summary,Status,Created\nA,a,To Do,12.03.2024 10:15\n",
        &statuses(),
        &options,
    )
    .unwrap();
    assert_eq!(declared.items[0].created.to_string(), "2024-03-12T10:15:00");
}

#[test]
fn month_names_in_the_exporting_users_language() {
    // A French user's Jira Cloud export (CLDR abbreviations with periods, `sept.`),
    // a Spanish one's (`p.\u{a0}m.`), and a German Data Center one's (older JRE names).
    let french = import(
        "Issue key,Summary,Status,Created,Updated,Resolved\n\
         PAY-1,Régler,Done,12/janv./24 3:15 PM,02/févr./24 9:00 AM,01/févr./24 10:30 AM\n\
         PAY-2,Payer,To Do,28/sept./24 11:05 AM,03/déc./24 12:10 PM,\n",
    );
    let a = &french.backlog.stories()[0];
    assert_eq!(
        a.tracker.created_at.unwrap().to_string(),
        "2024-01-12 15:15:00"
    );
    assert_eq!(
        a.tracker.resolved_at.unwrap().to_string(),
        "2024-02-01 10:30:00"
    );
    let b = &french.backlog.stories()[1];
    assert_eq!(
        b.tracker.created_at.unwrap().to_string(),
        "2024-09-28 11:05:00"
    );
    assert_eq!(
        b.tracker.updated_at.unwrap().to_string(),
        "2024-12-03 12:10:00"
    );
    let spanish =
        import("Issue key,Summary,Status,Created\nPAY-1,Pagar,To Do,12/dic/24 3:15 p.\u{a0}m.\n");
    assert_eq!(spanish.items[0].created.to_string(), "2024-12-12T15:15:00");
    let german = import("Issue key,Summary,Status,Created\nPAY-1,Zahlen,To Do,12/Dez/24 15:15\nPAY-2,Sparen,To Do,03/Mär/24 08:00\n");
    assert_eq!(german.items[1].created.to_string(), "2024-03-03T08:00:00");
    // A month in a language pmkit does not read (Finnish) fails, naming line, column and text.
    let err = import_jira_csv(
        "Issue key,Summary,Status,Created,Resolved\nPAY-1,a,Done,12/tammi/24,\nPAY-2,b,Done,12/Jan/24,12/loka/24 3:15 PM\n",
        &statuses(),
        &JiraCsvImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "line 2"));
    assert!(err.reason().contains("Created \"12/tammi/24\""), "{err}");
    assert!(
        err.reason().contains("\"tammi\" is not a month name"),
        "{err}"
    );
}

#[test]
fn a_bad_row_fails_the_whole_import_naming_its_line() {
    let good = "PAY-1,S,Done,3\n";
    let cases = [
        (
            "PAY-2,S,Shipped,3\n",
            ErrorKind::Parse,
            "not in the status mapping",
        ),
        ("PAY-2,S,Done,three\n", ErrorKind::Parse, "not a number"),
        (
            "PAY-2,S,Done,4\n",
            ErrorKind::OutOfRange,
            "not on the fibonacci scale",
        ),
        ("PAY-1,S,Done,3\n", ErrorKind::Parse, "also on line 2"),
        ("PAY-2,S,Done\n", ErrorKind::Parse, "3 fields"),
        (",S,Done,3\n", ErrorKind::Parse, "Issue key is empty"),
        ("PAY-2,S,Done,inf\n", ErrorKind::Parse, "not a number"),
    ];
    let options = JiraCsvImportOptions {
        scale: Some(EstimateScale::preset(ScalePreset::Fibonacci)),
        ..JiraCsvImportOptions::default()
    };
    for (row, kind, says) in cases {
        let csv = format!("Issue key,Summary,Status,Story Points\n{good}{row}");
        let err = import_jira_csv(&csv, &statuses(), &options).unwrap_err();
        assert_eq!((err.kind(), err.field()), (kind, "line 3"), "{row}");
        assert!(err.reason().contains(says), "{row}: {err}");
    }
}

#[test]
fn header_problems() {
    let options = JiraCsvImportOptions::default();
    let err = import_jira_csv("Issue key,Status\nA,Done\n", &statuses(), &options).unwrap_err();
    assert_eq!(err.field(), "line 1");
    assert!(err.reason().contains("Summary"));
    assert_eq!(
        import_jira_csv("", &statuses(), &options)
            .unwrap_err()
            .kind(),
        ErrorKind::Undefined
    );
    let empty = import("Issue key,Summary,Status\n");
    assert!(empty.backlog.is_empty() && empty.items.is_empty() && empty.warnings.is_empty());
}

#[test]
fn resolved_before_created_is_invalid() {
    let csv = "Issue key,Summary,Status,Created,Resolved\nA,S,Done,2024-02-01,2024-01-01\n";
    let err = import_jira_csv(csv, &statuses(), &JiraCsvImportOptions::default()).unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::InvalidInput, "line 2")
    );
    assert!(err.reason().contains("resolved"));
    // Same day, earlier time: the times are checked too.
    let csv =
        "Issue key,Summary,Status,Created,Resolved\nA,S,Done,2024-02-01 10:00,2024-02-01 09:00\n";
    let err = import_jira_csv(csv, &statuses(), &JiraCsvImportOptions::default()).unwrap_err();
    assert!(err.reason().contains("resolved_at"), "{err}");
}

#[test]
fn columns_not_read_are_named_once() {
    let import = import("Issue key,Summary,Status,Team,Due date,Team\nA,a,To Do,Blue,,Red\n");
    let header: Vec<&ImportWarning> = import
        .warnings
        .iter()
        .filter(|w| w.field == "header")
        .collect();
    assert_eq!(header.len(), 1);
    assert!(
        header[0].reason.starts_with("2 column(s) not read"),
        "{:?}",
        header[0]
    );
    assert!(
        header[0].reason.ends_with("Team, Due date"),
        "{:?}",
        header[0]
    );
}
