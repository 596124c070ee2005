//! An issue's changelog read into status transitions, blocked (flagged) periods and
//! sprint changes, oldest first.

use crate::flow::{Blocked, Moment, Transition};
use crate::tracker::{ImportWarning, SprintChangeKind};
use crate::Result;

use super::raw::{JiraChangeItem, JiraChangelog};

/// What a changelog says, sorted oldest first.
#[derive(Debug, Default)]
pub(super) struct History {
    pub transitions: Vec<Transition>,
    /// (when, set) for each change of the Flagged field: set = flagged after it.
    pub flags: Vec<(Moment, bool)>,
    /// (when, sprint name, added or removed).
    pub sprints: Vec<(Moment, String, SprintChangeKind)>,
}

/// Whether `item` changes the field called `name` (by name, or by id in `ids`).
fn is_field(item: &JiraChangeItem, name: &str, ids: &[String]) -> bool {
    item.field.eq_ignore_ascii_case(name)
        || item
            .field_id
            .as_deref()
            .is_some_and(|id| id.eq_ignore_ascii_case(name) || ids.iter().any(|known| known == id))
}

/// The names in a Sprint change's text: `"PAY 1, PAY 2"`.
fn sprint_names(text: Option<&str>) -> Vec<String> {
    text.unwrap_or("")
        .split(", ")
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Reads `changelog` (at `path`, for errors) for issue `key`.
///
/// **Errors**: a history whose `created` is not a timestamp ([`crate::Error::Parse`] on
/// `path.histories[i].created`). A status change without a new status is a warning
/// and is skipped.
pub(super) fn read(
    key: &str,
    path: &str,
    changelog: &JiraChangelog,
    sprint_ids: &[String],
    flagged_ids: &[String],
    warnings: &mut Vec<ImportWarning>,
) -> Result<History> {
    let mut dated = Vec::with_capacity(changelog.histories.len());
    for (index, history) in changelog.histories.iter().enumerate() {
        let at = Moment::parse(
            &format!("{path}.histories[{index}].created"),
            &history.created,
        )?;
        dated.push((at, history));
    }
    // Jira returns histories oldest first on most versions and newest first on some;
    // sorting here (stable, so one history's items keep their order) makes it not matter.
    dated.sort_by_key(|(at, _)| *at);
    let mut out = History::default();
    for (at, history) in dated {
        for item in &history.items {
            if is_field(item, "status", &[]) {
                match item
                    .to_string
                    .as_deref()
                    .map(str::trim)
                    .filter(|to| !to.is_empty())
                {
                    Some(to) => out.transitions.push(Transition {
                        at,
                        from: item
                            .from_string
                            .as_deref()
                            .map(str::trim)
                            .filter(|from| !from.is_empty())
                            .map(str::to_owned),
                        to: to.to_owned(),
                    }),
                    None => warnings.push(ImportWarning::new(
                        Some(key),
                        "changelog",
                        format!("a status change at {at} has no new status; skipped"),
                    )),
                }
            } else if is_field(item, "flagged", flagged_ids) {
                let set = item
                    .to_string
                    .as_deref()
                    .is_some_and(|to| !to.trim().is_empty());
                out.flags.push((at, set));
            } else if is_field(item, "sprint", sprint_ids) {
                let before = sprint_names(item.from_string.as_deref());
                let after = sprint_names(item.to_string.as_deref());
                for name in after.iter().filter(|name| !before.contains(name)) {
                    out.sprints
                        .push((at, name.clone(), SprintChangeKind::Added));
                }
                for name in before.iter().filter(|name| !after.contains(name)) {
                    out.sprints
                        .push((at, name.clone(), SprintChangeKind::Removed));
                }
            }
        }
    }
    Ok(out)
}

/// The blocked periods of the Flagged changes. Jira logs no change for a value set
/// at creation, so a first change that clears the flag (or a flag set now with no
/// change at all) means the issue was flagged from `created`.
pub(super) fn blocked_periods(
    flags: &[(Moment, bool)],
    created: Moment,
    flagged_now: bool,
) -> Vec<Blocked> {
    let mut periods = Vec::new();
    let mut open: Option<Moment> = match flags.first() {
        Some((_, false)) => Some(created),
        None if flagged_now => Some(created),
        _ => None,
    };
    for &(at, set) in flags {
        match (set, open) {
            (true, None) => open = Some(at),
            (false, Some(start)) => {
                periods.push(Blocked {
                    start,
                    end: Some(at),
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        periods.push(Blocked { start, end: None });
    }
    periods
}

/// The truncation of a changelog: `Some(reason)` when Jira returned fewer histories
/// than the issue has.
pub(super) fn truncated(changelog: &JiraChangelog) -> Option<String> {
    let returned = changelog.histories.len() as u64;
    let total = changelog.total?;
    (total > returned || changelog.start_at.is_some_and(|start| start > 0)).then(|| {
        format!(
            "the changelog holds {returned} of {total} changes (Jira returns at most maxResults = {} per issue in a search), so its status history is incomplete: no flow item is made for it; fetch GET /rest/api/3/issue/{{key}}/changelog and pass its values in changelogs",
            changelog.max_results.map_or_else(|| "?".to_owned(), |max| max.to_string())
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Moment {
        Moment::parse("at", text).unwrap()
    }

    #[test]
    fn flags_become_periods() {
        let created = at("2024-03-01");
        let flags = [
            (at("2024-03-02"), true),
            (at("2024-03-04"), false),
            (at("2024-03-06"), true),
        ];
        let periods = blocked_periods(&flags, created, true);
        assert_eq!(
            periods,
            [
                Blocked {
                    start: at("2024-03-02"),
                    end: Some(at("2024-03-04"))
                },
                Blocked {
                    start: at("2024-03-06"),
                    end: None
                },
            ]
        );
        // Flagged at creation: the first change clears it.
        let periods = blocked_periods(&[(at("2024-03-03"), false)], created, false);
        assert_eq!(
            periods,
            [Blocked {
                start: created,
                end: Some(at("2024-03-03"))
            }]
        );
        assert_eq!(
            blocked_periods(&[], created, true),
            [Blocked {
                start: created,
                end: None
            }]
        );
        assert!(blocked_periods(&[], created, false).is_empty());
    }
}
