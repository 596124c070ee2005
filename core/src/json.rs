//! Reading JSON documents and nested binding arguments into pmkit's types, with errors
//! that name the JSON path at fault (`sprint_history[0].completed_points`).
//!
//! serde alone reports *where* in the text a shape error is (line and column); a person
//! fixing a product file or a notebook passing a list of dicts needs *which field*. Every
//! `from_json` of the crate and both bindings' nested arguments go through here, so the
//! same bad input names the same field in Rust, Python and JavaScript.

use serde::de::DeserializeOwned;

use crate::{Error, Result};

/// A document read from its JSON text with its own checks (a product file, a KPI
/// snapshot): what a binding calls when it is given the object or its text.
pub trait FromJsonText: Sized {
    /// Reads and checks the document; errors name the JSON path at fault.
    fn from_json_text(text: &str) -> Result<Self>;
}

/// Reads `text` as a `T`. A shape error is a [`Error::Parse`] whose field is the JSON
/// path of the bad value (`flow.items[3].created`), or `root` when the document itself
/// is at fault (not JSON, truncated, a missing top-level field).
///
/// ```
/// use pmkit::sprint::SprintOutcome;
///
/// let err = pmkit::json::from_str::<Vec<SprintOutcome>>("text", r#"[{"sprint_id": "S-1",
///     "committed_points": "ten", "committed_items": 3, "completed_points": 8,
///     "completed_items": 2}]"#).unwrap_err();
/// assert_eq!(err.field(), "[0].committed_points");
/// assert!(err.reason().starts_with("invalid type: string \"ten\", expected a number"));
/// ```
pub fn from_str<T: DeserializeOwned>(root: &str, text: &str) -> Result<T> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            // The text itself is broken: say so before serde's position.
            return Error::parse(root, format!("is not valid JSON: {inner}"));
        }
        Error::parse(field_path("", &path, root), plain_words(&inner.to_string()))
    })?;
    // Text after a complete document is the document's fault, not a field's.
    deserializer
        .end()
        .map_err(|err| Error::parse(root, format!("is not valid JSON: {err}")))?;
    Ok(value)
}

/// Reads an already-parsed JSON value (a binding's argument: a list of dicts, an array
/// of objects) as a `T`. A shape error is an [`Error::InvalidInput`] on `field` joined
/// with the path inside it (`items[3].at`).
///
/// ```
/// use pmkit::sprint::SprintOutcome;
///
/// let value = serde_json::json!([{"sprint_id": "S-1", "committed_points": 5,
///     "committed_items": 3, "completed_points": -1, "completed_items": "two"}]);
/// let err = pmkit::json::from_value::<Vec<SprintOutcome>>("history", value).unwrap_err();
/// assert_eq!(err.field(), "history[0].completed_items");
/// ```
pub fn from_value<T: DeserializeOwned>(field: &str, value: serde_json::Value) -> Result<T> {
    from_deserializer(field, value)
}

/// Reads a `T` from any serde deserializer (a binding's bridge from Python objects or
/// JavaScript values), with the errors of [`from_value`]: an [`Error::InvalidInput`] on
/// `field` joined with the path inside it.
///
/// ```
/// use pmkit::sprint::SprintOutcome;
///
/// let value = serde_json::json!({"sprint_id": 7});
/// let err = pmkit::json::from_deserializer::<_, SprintOutcome>("outcome", value).unwrap_err();
/// assert_eq!(err.field(), "outcome.sprint_id");
/// ```
pub fn from_deserializer<'de, D, T>(field: &str, deserializer: D) -> Result<T>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = err.path().to_string();
        Error::invalid(
            field_path(field, &path, field),
            plain_words(&err.into_inner().to_string()),
        )
    })
}

/// Reads a function's options struct from a binding's keyword arguments or options
/// object (any serde deserializer over a map of option names). A bad option is named
/// by its own name (`scale_max`, or `severity_weights[1]` inside it): an unknown
/// option or option value (`"unknown field"`, `"unknown variant"`, an unknown theme)
/// is an [`Error::Parse`], any other shape error (an unknown field inside an option's
/// object value too, as [`from_value`] reads it) an [`Error::InvalidInput`].
///
/// ```
/// use pmkit::metrics::CsatOptions;
///
/// let options: CsatOptions = pmkit::json::options(serde_json::json!({"scale_max": 7}))?;
/// assert_eq!((options.scale_max, options.satisfied_min), (7, 4));
/// let err = pmkit::json::options::<_, CsatOptions>(serde_json::json!({"scale_mx": 7})).unwrap_err();
/// assert_eq!((err.kind(), err.field()), (pmkit::ErrorKind::Parse, "scale_mx"));
/// let err = pmkit::json::options::<_, CsatOptions>(serde_json::json!({"method": "median"})).unwrap_err();
/// assert_eq!((err.kind(), err.field()), (pmkit::ErrorKind::Parse, "method"));
/// let err = pmkit::json::options::<_, CsatOptions>(serde_json::json!({"scale_max": 2.5})).unwrap_err();
/// assert_eq!((err.kind(), err.field()), (pmkit::ErrorKind::InvalidInput, "scale_max"));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn options<'de, D, T>(deserializer: D) -> Result<T>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = err.path().to_string();
        let reason = plain_words(&err.into_inner().to_string());
        let field = field_path("", &path, "options");
        // An unknown option name, or an unknown option value anywhere (`rules[0]:
        // unknown rule "small"`), is a parse error; inside an option's value
        // (`calendar.weekends`) an unknown key is the value's shape error, as it is for
        // a positional argument read by `from_value`.
        let top_level = !path.contains(['.', '[']);
        let unknown_key = reason.starts_with("unknown field");
        if reason.starts_with("unknown ") && (top_level || !unknown_key) {
            Error::parse(field, reason)
        } else {
            Error::invalid(field, reason)
        }
    })
}

/// `field` joined with serde_path_to_error's `path` (`.` at the top, `a.b[2].c` inside);
/// `root` when there is neither.
fn field_path(field: &str, path: &str, root: &str) -> String {
    let path = if path == "." { "" } else { path };
    match (field.is_empty(), path.is_empty()) {
        (_, true) => root.to_owned(),
        (true, false) => path.to_owned(),
        (false, false) if path.starts_with('[') => format!("{field}{path}"),
        (false, false) => format!("{field}.{path}"),
    }
}

/// serde's Rust type names in the words of the JSON a person wrote.
fn plain_words(message: &str) -> String {
    const WORDS: [(&str, &str); 7] = [
        ("expected f64", "expected a number"),
        ("expected u64", "expected a whole number, 0 or more"),
        ("expected i64", "expected a whole number"),
        ("expected u32", "expected a whole number, 0 or more"),
        ("expected u8", "expected a whole number, 0 to 255"),
        ("expected a sequence", "expected a list"),
        ("expected a map", "expected an object"),
    ];
    WORDS.iter().fold(message.to_owned(), |text, (rust, json)| {
        text.replace(rust, json)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        items: Vec<Inner>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        points: f64,
        tags: Option<Vec<u32>>,
    }

    fn text_error(text: &str) -> Error {
        from_str::<Outer>("text", text).unwrap_err()
    }

    #[test]
    fn a_bad_value_is_named_by_its_path() {
        let err = text_error(r#"{"name": "n", "items": [{"points": 1}, {"points": "x"}]}"#);
        assert_eq!(err.kind(), ErrorKind::Parse);
        assert_eq!(err.field(), "items[1].points");
        assert!(err.reason().contains("expected a number"), "{err}");
        let err = text_error(r#"{"name": "n", "items": [{"points": 1, "tags": [1, -2]}]}"#);
        assert_eq!(err.field(), "items[0].tags[1]");
    }

    #[test]
    fn an_unknown_or_missing_key_names_its_object() {
        let err = text_error(r#"{"name": "n", "items": [{"points": 1, "pts": 2}]}"#);
        assert_eq!(err.field(), "items[0].pts");
        assert!(err.reason().contains("unknown field `pts`"), "{err}");
        let err = text_error(r#"{"name": "n", "items": [{"tags": null}]}"#);
        assert_eq!(err.field(), "items[0]");
        assert!(err.reason().contains("missing field `points`"), "{err}");
    }

    #[test]
    fn a_broken_document_is_the_root() {
        let err = text_error("this is not json {");
        assert_eq!(
            err.to_string(),
            "text: is not valid JSON: expected ident at line 1 column 2"
        );
        for text in [
            r#"{"name": "#,
            "",
            r#"{"name": "n"}"#,
            r#"{"name": "n", "items": []} x"#,
        ] {
            assert_eq!(text_error(text).field(), "text", "{text}");
        }
    }

    #[test]
    fn values_join_the_argument_name() {
        let value = serde_json::json!([{"points": 1}, {"points": true}]);
        let err = from_value::<Vec<Inner>>("items", value).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert_eq!(err.field(), "items[1].points");
        let err =
            from_value::<Outer>("file", serde_json::json!({"name": 3, "items": []})).unwrap_err();
        assert_eq!(err.field(), "file.name");
        let err = from_value::<Outer>("file", serde_json::json!(7)).unwrap_err();
        assert_eq!(err.field(), "file");
        assert!(err.reason().contains("expected struct Outer"), "{err}");
    }
}
