//! The one error type of pmkit, with a stable machine-readable kind.
//!
//! Every message starts with the field at fault (`"responses[2]"`, `"sprint.end"`),
//! then says what is wrong and, where it helps, how to fix it. The bindings raise
//! the same message: `pmkit.PmkitError` in Python, an `Error` named `PmkitError`
//! in JavaScript, with [`ErrorKind::as_str`] as its `kind`.

use serde::{Deserialize, Serialize};

/// The result type of every fallible pmkit function.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, and with which input.
///
/// ```
/// use pmkit::{metrics::conversion_rate, ErrorKind};
///
/// let err = conversion_rate(5, 0).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Undefined);
/// assert_eq!(err.field(), "visitors");
/// assert!(err.to_string().starts_with("visitors: "));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Error {
    /// A value is malformed: not finite, not a whole number, negative where a count
    /// is expected, inconsistent with another input (lengths, dates out of order).
    #[error("{field}: {reason}")]
    InvalidInput {
        /// The input at fault, as named in the API (`"responses[2]"`).
        field: String,
        /// Why it is rejected, and how to fix it where that is not obvious.
        reason: String,
    },
    /// A value lies outside the range its scale or context allows.
    #[error("{field}: {reason}")]
    OutOfRange {
        /// The input at fault.
        field: String,
        /// Why it is rejected.
        reason: String,
    },
    /// The metric is undefined for this input: an empty sample, a zero denominator.
    #[error("{field}: {reason}")]
    Undefined {
        /// The input that makes the metric undefined.
        field: String,
        /// Why.
        reason: String,
    },
    /// Text could not be parsed (a file, a user story, an enum name).
    #[error("{field}: {reason}")]
    Parse {
        /// What was being parsed, and where (`"line 4"`, `"method"`).
        field: String,
        /// What was expected.
        reason: String,
    },
    /// The caller stopped the call (see [`crate::cancel`]): no input was at fault.
    #[error("{field}: {reason}")]
    Cancelled {
        /// The call's own name for what it was doing (`"call"`).
        field: String,
        /// How it was stopped.
        reason: String,
    },
}

/// The stable, machine-readable kind of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// See [`Error::InvalidInput`].
    InvalidInput,
    /// See [`Error::OutOfRange`].
    OutOfRange,
    /// See [`Error::Undefined`].
    Undefined,
    /// See [`Error::Parse`].
    Parse,
    /// See [`Error::Cancelled`].
    Cancelled,
}

impl ErrorKind {
    /// The kind as the snake_case string used in every language (`"out_of_range"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::OutOfRange => "out_of_range",
            ErrorKind::Undefined => "undefined",
            ErrorKind::Parse => "parse",
            ErrorKind::Cancelled => "cancelled",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Error {
    /// An [`Error::InvalidInput`] for `field`.
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// An [`Error::OutOfRange`] for `field`.
    pub fn out_of_range(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::OutOfRange {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// An [`Error::Undefined`] for `field`.
    pub fn undefined(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Undefined {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// An [`Error::Parse`] for `field`.
    pub fn parse(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Parse {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// An [`Error::Cancelled`] for `field`.
    pub fn cancelled(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Cancelled {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidInput { .. } => ErrorKind::InvalidInput,
            Error::OutOfRange { .. } => ErrorKind::OutOfRange,
            Error::Undefined { .. } => ErrorKind::Undefined,
            Error::Parse { .. } => ErrorKind::Parse,
            Error::Cancelled { .. } => ErrorKind::Cancelled,
        }
    }

    /// The input at fault, as named in the API.
    pub fn field(&self) -> &str {
        match self {
            Error::InvalidInput { field, .. }
            | Error::OutOfRange { field, .. }
            | Error::Undefined { field, .. }
            | Error::Parse { field, .. }
            | Error::Cancelled { field, .. } => field,
        }
    }

    /// Why the input was rejected.
    pub fn reason(&self) -> &str {
        match self {
            Error::InvalidInput { reason, .. }
            | Error::OutOfRange { reason, .. }
            | Error::Undefined { reason, .. }
            | Error::Parse { reason, .. }
            | Error::Cancelled { reason, .. } => reason,
        }
    }

    /// The same error with its field rewritten by `rename` (used where a value
    /// reached a function under another name, e.g. a section of a JSON document).
    pub fn map_field(mut self, rename: impl FnOnce(&str) -> String) -> Self {
        match &mut self {
            Error::InvalidInput { field, .. }
            | Error::OutOfRange { field, .. }
            | Error::Undefined { field, .. }
            | Error::Parse { field, .. }
            | Error::Cancelled { field, .. } => *field = rename(field),
        }
        self
    }

    /// The same error with its reason rewritten by `rewrite` (a binding spelling the
    /// names it mentions in its own language); kind and field are kept.
    pub fn map_reason(mut self, rewrite: impl FnOnce(&str) -> String) -> Self {
        match &mut self {
            Error::InvalidInput { reason, .. }
            | Error::OutOfRange { reason, .. }
            | Error::Undefined { reason, .. }
            | Error::Parse { reason, .. }
            | Error::Cancelled { reason, .. } => *reason = rewrite(reason),
        }
        self
    }

    /// The same error with `prefix.` put before its field, for errors raised inside
    /// a nested value (`"stakeholders[2]"` + `"current"` → `"stakeholders[2].current"`).
    pub fn within(mut self, prefix: &str) -> Self {
        match &mut self {
            Error::InvalidInput { field, .. }
            | Error::OutOfRange { field, .. }
            | Error::Undefined { field, .. }
            | Error::Parse { field, .. }
            | Error::Cancelled { field, .. } => {
                *field = if field.is_empty() {
                    prefix.to_owned()
                } else if field.starts_with('[') {
                    format!("{prefix}{field}")
                } else {
                    format!("{prefix}.{field}")
                };
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_starts_with_the_field() {
        let err = Error::out_of_range("responses[2]", "11 is outside 0..=10");
        assert_eq!(err.to_string(), "responses[2]: 11 is outside 0..=10");
        assert_eq!(err.kind().as_str(), "out_of_range");
    }

    #[test]
    fn within_prefixes_nested_fields() {
        let err = Error::invalid("current", "unknown level").within("stakeholders[1]");
        assert_eq!(err.field(), "stakeholders[1].current");
        let err = Error::invalid("[0]", "x").within("lines");
        assert_eq!(err.field(), "lines[0]");
    }
}
