//! An issue's status history from its timeline events.

use super::{GithubEvent, GithubImportOptions, GithubIssue};
use crate::flow::{Moment, Transition};
use crate::tracker::ImportWarning;
use crate::{Error, Result};

/// What the timeline says about one issue.
pub(super) struct History {
    pub created: Moment,
    /// When it was closed for good (`None` while open).
    pub closed: Option<Moment>,
    /// Its status changes, oldest first.
    pub transitions: Vec<Transition>,
    /// Its status now.
    pub status: String,
}

/// Whether `name` is one of the options' status labels (compared without case).
pub(super) fn is_status_label(name: &str, options: &GithubImportOptions) -> bool {
    let name = name.trim().to_lowercase();
    options
        .status_labels
        .iter()
        .any(|label| label.trim().to_lowercase() == name)
}

/// An event's kind in one spelling: REST `moved_columns_in_project` and GraphQL
/// `MovedColumnsInProjectEvent` are both `movedcolumnsinproject`.
fn kind(event: &GithubEvent) -> String {
    let text: String = event
        .event
        .as_deref()
        .unwrap_or("")
        .chars()
        .filter(|ch| *ch != '_')
        .flat_map(char::to_lowercase)
        .collect();
    match text.strip_suffix("event") {
        Some(stem) if !stem.is_empty() => stem.to_owned(),
        _ => text,
    }
}

/// The closing status for a state reason: not planned (and duplicate) or completed.
fn closing<'a>(reason: Option<&str>, options: &'a GithubImportOptions) -> &'a str {
    match reason.map(str::to_lowercase).as_deref() {
        Some("not_planned" | "duplicate") => &options.not_planned_status,
        _ => &options.closed_status,
    }
}

/// The walk through the events: where the issue is, and where it would be if open.
struct Walk<'a> {
    options: &'a GithubImportOptions,
    transitions: Vec<Transition>,
    current: String,
    /// The column, Projects v2 status or status label it is in (kept while closed).
    placed: Option<String>,
    closed: Option<Moment>,
}

impl Walk<'_> {
    fn move_to(&mut self, at: Moment, to: &str) {
        if self.current != to {
            self.transitions.push(Transition {
                at,
                from: Some(std::mem::replace(&mut self.current, to.to_owned())),
                to: to.to_owned(),
            });
        }
    }

    /// The issue is placed (or unplaced) in a column or status: it moves there unless
    /// closed.
    fn place(&mut self, at: Moment, placed: Option<String>) {
        self.placed = placed;
        if self.closed.is_none() {
            let to = self
                .placed
                .clone()
                .unwrap_or_else(|| self.options.open_status.clone());
            self.move_to(at, &to);
        }
    }
}

impl History {
    /// The issue's history from `events` (its timeline field and events), or from its
    /// own dates without them (see [`import_github_issues`](super::import_github_issues)).
    pub fn read(
        issue: &GithubIssue,
        path: &str,
        events: Option<(&str, &[GithubEvent])>,
        options: &GithubImportOptions,
        key: &str,
        warnings: &mut Vec<ImportWarning>,
    ) -> Result<Self> {
        let created = Moment::parse(&format!("{path}.created_at"), &issue.created_at)?;
        let is_closed = issue.state.eq_ignore_ascii_case("closed");
        let closed_at = match (&issue.closed_at, is_closed) {
            (Some(text), true) => Some(Moment::parse(&format!("{path}.closed_at"), text)?),
            (None, true) => {
                return Err(Error::parse(
                    format!("{path}.closed_at"),
                    format!("is missing for the closed issue {key}"),
                ))
            }
            _ => None,
        };
        if let Some(at) = closed_at {
            if at < created {
                return Err(Error::invalid(
                    format!("{path}.closed_at"),
                    format!("{at} is before created_at {created}"),
                ));
            }
        }
        let mut walk = Walk {
            options,
            transitions: Vec::new(),
            current: options.open_status.clone(),
            placed: None,
            closed: None,
        };
        let Some((field, events)) = events else {
            if let Some(at) = closed_at {
                walk.move_to(at, closing(issue.state_reason.as_deref(), options));
            }
            return Ok(History {
                created,
                closed: closed_at,
                status: walk.current,
                transitions: walk.transitions,
            });
        };
        let mut timed = Vec::new();
        for (index, event) in events.iter().enumerate() {
            let kind = kind(event);
            let used = matches!(
                kind.as_str(),
                "labeled"
                    | "unlabeled"
                    | "closed"
                    | "reopened"
                    | "addedtoproject"
                    | "movedcolumnsinproject"
                    | "removedfromproject"
                    | "projectv2itemstatuschanged"
            );
            if !used {
                continue;
            }
            let at_field = format!("{field}[{index}].created_at");
            let text = event.created_at.as_deref().ok_or_else(|| {
                Error::parse(&at_field, format!("is missing on a {kind} event of {key}"))
            })?;
            let at = Moment::parse(&at_field, text)?;
            if at < created {
                return Err(Error::invalid(
                    &at_field,
                    format!("{at} is before the issue {key} was created ({created})"),
                ));
            }
            timed.push((at, index, kind, event));
        }
        // Oldest first; events at the same moment keep the timeline's order.
        timed.sort_by_key(|(at, index, _, _)| (*at, *index));
        let last_close = timed.iter().rposition(|(_, _, kind, _)| kind == "closed");
        let mut projects = Vec::new();
        for (position, (at, _, kind, event)) in timed.iter().enumerate() {
            let at = *at;
            match kind.as_str() {
                "labeled" | "unlabeled" => {
                    let Some(label) = event.label.as_ref().map(|label| label.name().to_owned())
                    else {
                        continue;
                    };
                    if !is_status_label(&label, options) {
                        continue;
                    }
                    if kind == "labeled" {
                        walk.place(at, Some(label));
                    } else if walk.placed.as_deref() == Some(label.as_str()) {
                        walk.place(at, None);
                    }
                }
                "addedtoproject" | "movedcolumnsinproject" => {
                    let card = event.project_card.as_ref();
                    if let Some(project) = card.and_then(|card| card.project_id) {
                        if !projects.contains(&project) {
                            projects.push(project);
                        }
                    }
                    if let Some(column) = card.and_then(|card| card.column_name.clone()) {
                        walk.place(at, Some(column));
                    }
                }
                "removedfromproject" => walk.place(at, None),
                "projectv2itemstatuschanged" => {
                    walk.place(at, event.status.clone().filter(|status| !status.is_empty()));
                }
                "closed" => {
                    // The issue's own reason is the last closing's.
                    let reason = event.state_reason.as_deref().or(
                        if Some(position) == last_close && is_closed {
                            issue.state_reason.as_deref()
                        } else {
                            None
                        },
                    );
                    walk.move_to(at, closing(reason, options));
                    walk.closed = Some(at);
                }
                "reopened" => {
                    walk.closed = None;
                    let to = walk
                        .placed
                        .clone()
                        .unwrap_or_else(|| options.open_status.clone());
                    walk.move_to(at, &to);
                }
                _ => {}
            }
        }
        if projects.len() > 1 {
            warnings.push(ImportWarning::new(
                Some(key),
                "timelines",
                format!(
                    "events of {} projects are read as one board",
                    projects.len()
                ),
            ));
        }
        match (closed_at, walk.closed) {
            (Some(at), None) => {
                warnings.push(ImportWarning::new(
                    Some(key),
                    "timelines",
                    "the issue is closed but its timeline does not end closed (a missing page?); closed at closed_at",
                ));
                walk.move_to(at, closing(issue.state_reason.as_deref(), options));
                walk.closed = Some(at);
            }
            (None, Some(_)) => {
                warnings.push(ImportWarning::new(
                    Some(key),
                    "timelines",
                    "the issue is open but its timeline ends closed (taken before a reopening?); the timeline is followed",
                ));
            }
            _ => {}
        }
        Ok(History {
            created,
            closed: walk.closed,
            status: walk.current,
            transitions: walk.transitions,
        })
    }
}
