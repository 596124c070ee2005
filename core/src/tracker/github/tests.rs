use super::*;
use crate::ErrorKind;
use serde_json::json;

/// Three issues and a pull request, as `GET /repos/{o}/{r}/issues?state=all` lists them.
fn issues() -> GithubIssues {
    GithubIssues::from_value(json!([
        {"url": "https://api.github.com/repos/acme/shop/issues/12", "id": 2001, "number": 12,
         "title": "Save a card", "user": {"login": "ana", "id": 1}, "labels": [{"id": 9, "name": "feature"}, {"id": 10, "name": "in review"}],
         "state": "closed", "state_reason": "completed", "assignee": {"login": "bo"},
         "milestone": {"number": 3, "title": "Sprint 3", "state": "closed", "due_on": "2024-03-15T07:00:00Z", "closed_at": "2024-03-15T17:00:00Z", "description": "Cards"},
         "comments": 4, "created_at": "2024-03-04T10:15:00Z", "updated_at": "2024-03-09T08:00:00Z", "closed_at": "2024-03-08T16:00:00Z",
         "body": "As a shopper I want to save my card.\n\nAcceptance criteria:\n- the card is stored", "type": {"name": "Feature"}},
        {"id": 2002, "number": 13, "title": "Apple Pay", "user": {"login": "ana"}, "labels": [],
         "state": "closed", "state_reason": "not_planned", "assignee": null, "milestone": null,
         "created_at": "2024-03-05T09:00:00Z", "updated_at": "2024-03-07T12:00:00Z", "closed_at": "2024-03-07T12:00:00Z", "body": null},
        {"id": 2003, "number": 14, "title": "Card form UI", "user": {"login": "bo"}, "labels": ["ui"],
         "state": "open", "state_reason": "reopened", "assignee": null, "milestone": {"number": 3, "title": "Sprint 3"},
         "created_at": "2024-03-06T11:00:00Z", "updated_at": "2024-03-12T09:00:00Z", "closed_at": null, "body": ""},
        {"id": 2004, "number": 15, "title": "Fix checkout", "user": {"login": "bo"}, "labels": [], "state": "open",
         "created_at": "2024-03-07T11:00:00Z", "pull_request": {"url": "https://api.github.com/repos/acme/shop/pulls/15"}}
    ]))
    .unwrap()
}

fn options() -> GithubImportOptions {
    serde_json::from_value(json!({
        "timelines": {
            "12": [
                {"event": "labeled", "created_at": "2024-03-04T10:16:00Z", "label": {"name": "feature"}},
                {"event": "commented", "created_at": "2024-03-05T08:00:00Z", "body": "on it"},
                {"event": "added_to_project", "created_at": "2024-03-04T10:20:00Z", "project_card": {"id": 1, "column_name": "Todo", "project_id": 77}},
                {"event": "moved_columns_in_project", "created_at": "2024-03-05T09:30:00Z", "project_card": {"column_name": "In progress", "previous_column_name": "Todo", "project_id": 77}},
                {"event": "labeled", "created_at": "2024-03-07T15:00:00Z", "label": {"name": "in review"}},
                {"event": "closed", "created_at": "2024-03-08T16:00:00Z", "state_reason": "completed", "commit_id": null},
                {"event": "moved_columns_in_project", "created_at": "2024-03-08T16:00:05Z", "project_card": {"column_name": "Done", "previous_column_name": "In progress", "project_id": 77}},
                {"event": "cross-referenced", "created_at": "2024-03-06T10:00:00Z", "source": {"type": "issue"}}
            ],
            "#14": [
                {"__typename": "ProjectV2ItemStatusChangedEvent", "createdAt": "2024-03-07T09:00:00Z", "previousStatus": "Todo", "status": "In progress"},
                {"__typename": "ClosedEvent", "createdAt": "2024-03-10T09:00:00Z", "stateReason": "COMPLETED"},
                {"__typename": "ReopenedEvent", "createdAt": "2024-03-11T09:00:00Z"}
            ]
        },
        "status_labels": ["In Review"],
        "statuses": {"Todo": "to_do", "In progress": "in_progress", "Done": "done"}
    }))
    .unwrap()
}

#[test]
fn timelines_become_status_histories() {
    let import = import_github_issues(&issues(), &options()).unwrap();
    let path = |key: &str| {
        let item = import.items.iter().find(|item| item.key == key).unwrap();
        item.transitions
            .iter()
            .map(|t| format!("{}→{}", t.from.as_deref().unwrap_or("-"), t.to))
            .collect::<Vec<_>>()
    };
    // Column moves, a status label, the close; the Done move after closing is not a status.
    assert_eq!(
        path("#12"),
        [
            "Open→Todo",
            "Todo→In progress",
            "In progress→in review",
            "in review→Closed"
        ]
    );
    // No timeline: straight to the closing status by its state reason.
    assert_eq!(path("#13"), ["Open→Not planned"]);
    // GraphQL nodes: a Projects v2 status, closed, reopened back into the status.
    assert_eq!(
        path("#14"),
        [
            "Open→In progress",
            "In progress→Closed",
            "Closed→In progress"
        ]
    );
    let stories = import.backlog.stories();
    assert_eq!(stories.len(), 3); // the pull request is left out
    assert_eq!(stories[0].status.category, StatusCategory::Done);
    assert_eq!(stories[0].labels, ["feature"]); // the status label is not a label
    assert_eq!(stories[0].acceptance_criteria.len(), 1);
    assert_eq!(stories[0].tracker.assignee.as_deref(), Some("bo"));
    assert_eq!(stories[0].tracker.reporter.as_deref(), Some("ana"));
    assert_eq!(stories[0].issue_type.as_deref(), Some("Feature"));
    assert_eq!(stories[0].resolved.unwrap().to_string(), "2024-03-08");
    assert_eq!(stories[1].status.category, StatusCategory::Cancelled);
    assert_eq!(
        stories[1].tracker.resolution.as_deref(),
        Some("not_planned")
    );
    assert_eq!(stories[2].status.name, "In progress");
    assert_eq!(stories[2].status.category, StatusCategory::InProgress);
    assert_eq!(stories[2].resolved, None);
    assert_eq!(import.sprints.len(), 1);
    assert_eq!(import.sprints[0].items, ["#12", "#14"]);
    assert_eq!(
        import.sprints[0].end.unwrap().to_string(),
        "2024-03-15T07:00:00"
    );
    let said = |field: &str, says: &str| {
        import
            .warnings
            .iter()
            .any(|w| w.field == field && w.reason.contains(says))
    };
    assert!(said("pull_request", "1 pull request"));
    assert!(said("timelines", "#13"));
    assert!(said("statuses", "in review"));
}

#[test]
fn truncation_and_stray_timelines_are_warned() {
    let many: Vec<serde_json::Value> = (1..=30)
        .map(|n| json!({"number": n, "title": format!("Issue {n}"), "state": "open", "created_at": "2024-03-01T00:00:00Z"}))
        .collect();
    let issues = GithubIssues::from_value(json!(many)).unwrap();
    let events: Vec<serde_json::Value> = (0..100)
        .map(|_| json!({"event": "commented", "created_at": "2024-03-02T00:00:00Z"}))
        .collect();
    let options: GithubImportOptions =
        serde_json::from_value(json!({"timelines": {"1": events, "99": []}})).unwrap();
    let import = import_github_issues(&issues, &options).unwrap();
    let said = |item: Option<&str>, says: &str| {
        import
            .warnings
            .iter()
            .any(|w| w.item.as_deref() == item && w.reason.contains(says))
    };
    assert!(said(None, "exactly 30 issues"));
    assert!(said(Some("#1"), "exactly 100 events"));
    assert!(said(Some("#99"), "not in issues"));
}

#[test]
fn paged_lists_and_errors() {
    let pages = GithubIssues::from_text(
        r#"[[{"number": 1, "title": "a", "state": "open", "created_at": "2024-03-01T00:00:00Z"}],
            [{"number": 2, "title": "b", "state": "open", "created_at": "2024-03-01T00:00:00Z"}]]"#,
    )
    .unwrap();
    assert_eq!(pages.pages.len(), 2);
    let err = GithubIssues::from_text(r#"{"items": []}"#).unwrap_err();
    assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "issues"));
    let err = GithubIssues::from_text(
        r#"[{"number": "1", "title": "a", "state": "open", "created_at": "x"}]"#,
    )
    .unwrap_err();
    assert!(err.field().starts_with("issues[0]"), "{err}");
    let twice = GithubIssues::from_text(
        r#"[{"number": 1, "title": "a", "state": "open", "created_at": "2024-03-01T00:00:00Z"},
            {"number": 1, "title": "a", "state": "open", "created_at": "2024-03-01T00:00:00Z"}]"#,
    )
    .unwrap();
    let err = import_github_issues(&twice, &GithubImportOptions::default()).unwrap_err();
    assert!(err.reason().contains("listed twice"), "{err}");
    let bad_time = GithubIssues::from_text(
        r#"[{"number": 1, "title": "a", "state": "open", "created_at": "soon"}]"#,
    )
    .unwrap();
    let err = import_github_issues(&bad_time, &GithubImportOptions::default()).unwrap_err();
    assert_eq!(err.field(), "issues[0].created_at");
    let closed_without_time = GithubIssues::from_text(
        r#"[{"number": 1, "title": "a", "state": "closed", "created_at": "2024-03-01T00:00:00Z"}]"#,
    )
    .unwrap();
    let err =
        import_github_issues(&closed_without_time, &GithubImportOptions::default()).unwrap_err();
    assert_eq!(err.field(), "issues[0].closed_at");
    let early: GithubImportOptions = serde_json::from_value(
        json!({"timelines": {"1": [{"event": "closed", "created_at": "2024-02-01T00:00:00Z"}]}}),
    )
    .unwrap();
    let open = GithubIssues::from_text(
        r#"[{"number": 1, "title": "a", "state": "open", "created_at": "2024-03-01T00:00:00Z"}]"#,
    )
    .unwrap();
    let err = import_github_issues(&open, &early).unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::InvalidInput, "timelines[\"1\"][0].created_at")
    );
    let bad_key: GithubImportOptions =
        serde_json::from_value(json!({"timelines": {"one": []}})).unwrap();
    assert_eq!(
        import_github_issues(&open, &bad_key).unwrap_err().field(),
        "timelines[\"one\"]"
    );
}
