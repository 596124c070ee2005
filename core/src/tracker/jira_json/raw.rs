//! The shapes Jira's search endpoints return, as far as the importer reads them.
//!
//! `GET /rest/api/2/search` (Cloud and Data Center) and `GET /rest/api/3/search/jql`
//! (Cloud) with `expand=changelog` (and `names`, for field names) return pages of
//! `{"issues": [...], "names": {...}, "startAt", "maxResults", "total"}` (v3's
//! `search/jql` pages have `nextPageToken` / `isLast` instead of `total`). Each issue is
//! `{"id", "key", "fields": {...}, "changelog": {"startAt", "maxResults", "total",
//! "histories": [{"created", "items": [{"field", "fieldId", "from", "fromString",
//! "to", "toString"}]}]}}`. Fields stay JSON values: their shape depends on the field
//! and on the API version (a v3 description is an Atlassian Document Format object).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::{Error, Result};

/// The largest JSON text read (512 MiB): a bigger export is an error, not an
/// allocation failure. Nesting is bounded at 128 levels by the JSON reader.
pub const MAX_JSON_BYTES: usize = 512 * 1024 * 1024;
/// The most issues read over all pages.
pub const MAX_ISSUES: usize = 1_000_000;

/// One search response page.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct JiraPage {
    /// The issues of the page.
    pub issues: Vec<JiraIssue>,
    /// Field id → field name (`expand=names`): how the story-point field is found.
    #[serde(default)]
    pub names: Option<BTreeMap<String, String>>,
    /// The index of the page's first issue (v2).
    #[serde(default)]
    pub start_at: Option<u64>,
    /// The page size asked for (v2).
    #[serde(default)]
    pub max_results: Option<u64>,
    /// The number of issues the query matched (v2).
    #[serde(default)]
    pub total: Option<u64>,
    /// Whether this is the last page (v3 `search/jql`).
    #[serde(default)]
    pub is_last: Option<bool>,
}

/// One issue of a page.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JiraIssue {
    /// The numeric id, as text.
    #[serde(default)]
    pub id: Option<String>,
    /// The key (`"PAY-12"`).
    pub key: String,
    /// The fields, by field id.
    #[serde(default)]
    pub fields: Map<String, Value>,
    /// The change history (`expand=changelog`).
    #[serde(default)]
    pub changelog: Option<JiraChangelog>,
}

/// An issue's change history; Jira returns at most `maxResults` (100) histories here.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct JiraChangelog {
    /// The index of the first history returned.
    #[serde(default)]
    pub start_at: Option<u64>,
    /// How many histories were returned at most.
    #[serde(default)]
    pub max_results: Option<u64>,
    /// How many histories the issue has.
    #[serde(default)]
    pub total: Option<u64>,
    /// The histories returned.
    #[serde(default)]
    pub histories: Vec<JiraHistory>,
}

/// One change: when, and the fields it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JiraHistory {
    /// When (`"2024-03-05T09:00:00.000+0100"`).
    pub created: String,
    /// The fields changed.
    #[serde(default)]
    pub items: Vec<JiraChangeItem>,
}

/// One field's change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct JiraChangeItem {
    /// The field's name (`"status"`, `"Flagged"`, `"Sprint"`).
    pub field: String,
    /// The field's id (Cloud: `"status"`, `"customfield_10020"`).
    #[serde(default)]
    pub field_id: Option<String>,
    /// The old value's id(s).
    #[serde(default)]
    pub from: Option<String>,
    /// The old value as shown.
    #[serde(default)]
    pub from_string: Option<String>,
    /// The new value's id(s).
    #[serde(default)]
    pub to: Option<String>,
    /// The new value as shown.
    #[serde(default)]
    pub to_string: Option<String>,
}

/// The pages of a Jira search: one page or a list of pages, as the endpoints return
/// them. Read from JSON text (or, in the bindings, the parsed objects).
#[derive(Debug, Clone, PartialEq)]
pub struct JiraPages(pub Vec<JiraPage>);

impl JiraPages {
    /// Reads one page (an object) or a list of pages from JSON text.
    ///
    /// **Errors** ([`Error::Parse`]): text over [`MAX_JSON_BYTES`] or nested deeper than
    /// 128 levels, not JSON, neither an object nor a list, a page without `issues`, an
    /// issue without `key` (named by its path, `pages[1].issues[3].key`), more than
    /// [`MAX_ISSUES`] issues.
    pub fn from_text(text: &str) -> Result<Self> {
        if text.len() > MAX_JSON_BYTES {
            return Err(Error::parse(
                "pages",
                format!("is {} bytes of JSON; at most {MAX_JSON_BYTES} are read, so import the pages in parts", text.len()),
            ));
        }
        let value: Value = crate::json::from_str("pages", text)?;
        Self::from_value(value)
    }

    /// Reads one page or a list of pages from a parsed JSON value.
    pub fn from_value(value: Value) -> Result<Self> {
        let pages = match value {
            Value::Array(pages) => pages
                .into_iter()
                .enumerate()
                .map(|(index, page)| crate::json::from_value::<JiraPage>(&format!("pages[{index}]"), page))
                .collect::<Result<Vec<_>>>()?,
            page @ Value::Object(_) => vec![crate::json::from_value::<JiraPage>("pages", page)?],
            other => {
                return Err(Error::parse(
                    "pages",
                    format!("must be a search response page (an object with \"issues\") or a list of them, got {}", kind(&other)),
                ))
            }
        };
        let issues: usize = pages.iter().map(|page| page.issues.len()).sum();
        if issues > MAX_ISSUES {
            return Err(Error::out_of_range(
                "pages",
                format!("hold {issues} issues; at most {MAX_ISSUES} are read in one call"),
            ));
        }
        Ok(JiraPages(pages))
    }
}

impl crate::json::FromJsonText for JiraPages {
    fn from_json_text(text: &str) -> Result<Self> {
        Self::from_text(text)
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

// The schema the typings generator reads: a page or a list of pages.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for JiraPages {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "JiraPages".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let page = generator.subschema_for::<JiraPage>();
        schemars::json_schema!({
            "description": "A Jira search response page (`/rest/api/2/search` or `/rest/api/3/search/jql` with `expand=changelog,names`), or a list of them.",
            "anyOf": [page, {"type": "array", "items": page}],
        })
    }
}
