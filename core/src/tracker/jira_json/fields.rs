//! Reading an issue's fields: plain values, people, lists, sprints and the fields
//! found by name (story points, Sprint, Flagged, Epic Link).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::flow::Moment;

/// The ids of the fields the importer reads by name, found once for all pages.
#[derive(Debug, Default)]
pub(super) struct FieldIds {
    /// Story-point fields, in the order they win.
    pub points: Vec<String>,
    pub sprint: Vec<String>,
    pub flagged: Vec<String>,
    pub epic_link: Vec<String>,
}

impl FieldIds {
    /// The field ids whose names (`expand=names`) are the ones read; `points_field`
    /// (an id or a name) comes before the story-point fields Jira names.
    pub fn find(names: &BTreeMap<String, String>, points_field: Option<&str>) -> Self {
        let named = |wanted: &dyn Fn(&str) -> bool| -> Vec<String> {
            names
                .iter()
                .filter(|(_, name)| wanted(&name.trim().to_lowercase()))
                .map(|(id, _)| id.clone())
                .collect()
        };
        let mut points = Vec::new();
        if let Some(field) = points_field {
            points.push(field.to_owned());
            let wanted = field.trim().to_lowercase();
            points.extend(named(&|name| name == wanted));
        }
        for wanted in ["story points", "story point estimate"] {
            points.extend(named(&|name| name == wanted));
        }
        points.extend(named(&|name| name.contains("story point")));
        let mut seen = std::collections::HashSet::new();
        points.retain(|id| seen.insert(id.clone()));
        FieldIds {
            points,
            sprint: named(&|name| name == "sprint"),
            flagged: named(&|name| name == "flagged"),
            epic_link: named(&|name| name == "epic link"),
        }
    }
}

/// A field's text: a string, or an object's `name` / `displayName` / `value`.
pub(super) fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => Some(text.as_str()),
        Value::Object(object) => ["displayName", "name", "value", "key"]
            .iter()
            .find_map(|key| object.get(*key).and_then(Value::as_str)),
        _ => None,
    }?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// `fields[key]` as text ([`text_of`]).
pub(super) fn field_text(fields: &Map<String, Value>, key: &str) -> Option<String> {
    fields.get(key).and_then(text_of)
}

/// `fields[key]` as a list of texts (labels, components, versions, attachments by
/// `filename`).
pub(super) fn field_list(fields: &Map<String, Value>, key: &str) -> Vec<String> {
    fields
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|value| {
            value
                .get("filename")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .or_else(|| text_of(value))
        })
        .collect()
}

/// What a sprint field value says about one sprint.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct SprintInfo {
    pub name: String,
    pub id: Option<String>,
    pub state: Option<String>,
    pub start: Option<Moment>,
    pub end: Option<Moment>,
    pub completed: Option<Moment>,
    pub goal: Option<String>,
}

/// The sprints of a Sprint field value: Cloud's objects (`{"id": 1, "name": …,
/// "state": "closed", "startDate": …}`) or Data Center's strings
/// (`"com.atlassian.greenhopper.service.sprint.Sprint@1a[id=1,rapidViewId=2,state=CLOSED,name=Sprint 1,startDate=…,endDate=…,completeDate=<null>,…]"`).
/// An unreadable date is left out (`None`), not guessed.
pub(super) fn sprints_of(value: &Value) -> Vec<SprintInfo> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|sprint| match sprint {
            Value::Object(object) => {
                let get = |key: &str| {
                    object.get(key).and_then(|value| match value {
                        Value::String(text) => Some(text.trim().to_owned()),
                        Value::Number(number) => Some(number.to_string()),
                        _ => None,
                    })
                };
                sprint_info(&get)
            }
            Value::String(text) => data_center_sprint(text),
            _ => None,
        })
        .collect()
}

/// Data Center's `…Sprint@hash[key=value,…]` text. A name may hold commas, so a part
/// that does not start with a known key continues the value before it.
fn data_center_sprint(text: &str) -> Option<SprintInfo> {
    const KEYS: &[&str] = &[
        "id",
        "rapidViewId",
        "state",
        "name",
        "startDate",
        "endDate",
        "completeDate",
        "activatedDate",
        "sequence",
        "goal",
        "synced",
        "autoStartStop",
        "incompleteIssuesDestinationId",
    ];
    let inner = text.split_once('[')?.1.strip_suffix(']')?;
    let mut pairs: Vec<(String, String)> = Vec::new();
    for part in inner.split(',') {
        match part.split_once('=') {
            Some((key, value)) if KEYS.contains(&key) => {
                pairs.push((key.to_owned(), value.to_owned()))
            }
            _ => {
                let (_, value) = pairs.last_mut()?;
                value.push(',');
                value.push_str(part);
            }
        }
    }
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.trim().to_owned())
            .filter(|value| !value.is_empty() && value != "<null>")
    };
    sprint_info(&get)
}

/// A sprint from its keys, read by `get` (Cloud's and Data Center's key names agree).
/// An unreadable date is left out (`None`), not guessed.
fn sprint_info(get: &dyn Fn(&str) -> Option<String>) -> Option<SprintInfo> {
    let moment = |key: &str| get(key).and_then(|at| Moment::parse("", &at).ok());
    Some(SprintInfo {
        name: get("name")?,
        id: get("id"),
        state: get("state").map(|state| state.to_lowercase()),
        start: moment("startDate"),
        end: moment("endDate"),
        completed: moment("completeDate"),
        goal: get("goal").filter(|goal| !goal.is_empty()),
    })
}

/// Whether a value looks like a Sprint field (for pages without `names`).
pub(super) fn looks_like_sprints(value: &Value) -> bool {
    value
        .as_array()
        .and_then(|list| list.first())
        .is_some_and(|first| match first {
            Value::Object(object) => object.contains_key("boardId") && object.contains_key("state"),
            Value::String(text) => {
                text.starts_with("com.atlassian.greenhopper.service.sprint.Sprint")
            }
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloud_and_data_center_sprints() {
        let cloud = serde_json::json!([{"id": 1, "name": "PAY 1", "state": "closed", "boardId": 3,
            "startDate": "2024-03-04T09:00:00.000Z", "endDate": "2024-03-18T09:00:00.000Z",
            "completeDate": "2024-03-18T10:00:00.000Z", "goal": ""}]);
        let dc = serde_json::json!(["com.atlassian.greenhopper.service.sprint.Sprint@5c1[id=1,rapidViewId=3,state=CLOSED,name=PAY 1, the first,startDate=2024-03-04T09:00:00.000Z,endDate=2024-03-18T09:00:00.000Z,completeDate=<null>,activatedDate=2024-03-04T09:00:00.000Z,sequence=1,goal=<null>]"]);
        let [cloud] = sprints_of(&cloud).try_into().unwrap();
        let [dc] = sprints_of(&dc).try_into().unwrap();
        assert_eq!(
            (
                cloud.name.as_str(),
                cloud.id.as_deref(),
                cloud.state.as_deref()
            ),
            ("PAY 1", Some("1"), Some("closed"))
        );
        assert_eq!(cloud.goal, None);
        assert_eq!(dc.name, "PAY 1, the first");
        assert_eq!(dc.start, cloud.start);
        assert_eq!(dc.completed, None);
        assert!(looks_like_sprints(
            &serde_json::json!([{"boardId": 1, "state": "active"}])
        ));
    }

    #[test]
    fn fields_found_by_name() {
        let names: BTreeMap<String, String> = [
            ("customfield_10016", "Story point estimate"),
            ("customfield_10026", "Story Points"),
            ("customfield_10020", "Sprint"),
            ("customfield_10021", "Flagged"),
            ("customfield_10014", "Epic Link"),
        ]
        .into_iter()
        .map(|(id, name)| (id.to_owned(), name.to_owned()))
        .collect();
        let ids = FieldIds::find(&names, None);
        assert_eq!(ids.points, ["customfield_10026", "customfield_10016"]);
        assert_eq!(ids.sprint, ["customfield_10020"]);
        let ids = FieldIds::find(&names, Some("Story point estimate"));
        assert_eq!(
            ids.points,
            [
                "Story point estimate",
                "customfield_10016",
                "customfield_10026"
            ]
        );
    }
}
