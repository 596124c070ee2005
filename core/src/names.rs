//! `named_enum!`: a closed list of options with a stable snake_case id.
//!
//! Every closed option list of the crate (status categories, prioritization frameworks,
//! sprint event kinds, chart themes, retention kinds ...) is written with this macro, or
//! with `labeled_enum!` built on it, so they all parse the same way:
//! case-insensitive, with spaces or hyphens accepted for underscores (`"In Progress"`,
//! `"in-progress"` and `"in_progress"` are one option), plus any listed aliases. An
//! unknown name is an [`Error::Parse`](crate::Error::Parse) listing the valid ids.

/// Lowercase `text` and turn runs of spaces and hyphens into one underscore, so
/// `"Won't Have"`, `"won't-have"` and `"won't_have"` compare equal.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_separator = false;
    for ch in text.trim().chars() {
        if ch == ' ' || ch == '-' || ch == '_' {
            pending_separator = true;
            continue;
        }
        if pending_separator && !out.is_empty() {
            out.push('_');
        }
        pending_separator = false;
        out.extend(ch.to_lowercase());
    }
    out
}

/// A closed list of options read by name: every `named_enum!` type. The bindings read
/// an option given as text through it, so an unknown name is the same
/// [`Error::Parse`](crate::Error::Parse), listing the valid ids, in every language.
pub trait Named: Sized {
    /// The option named `text` (see the type's own `parse`).
    ///
    /// **Errors**: an unknown name is [`Error::Parse`](crate::Error::Parse) on `field`.
    fn parse_named(field: &str, text: &str) -> crate::Result<Self>;
}

macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $id:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $id)] $variant, )+
        }

        // Read through `parse`, so JSON accepts what the bindings accept ("In Progress").
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                $name::parse("", &text).map_err(|err| serde::de::Error::custom(err.reason()))
            }
        }

        impl $name {
            /// Every option, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The snake_case id used in JSON and by the bindings.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            /// The option named `text`: its id, case-insensitive, with spaces or
            /// hyphens for underscores, or a listed alias.
            ///
            /// **Errors**: an unknown name is [`Error::Parse`](crate::Error::Parse) on
            /// `field`, listing the valid ids.
            pub fn parse(field: &str, text: &str) -> $crate::Result<Self> {
                let wanted = $crate::names::normalize(text);
                $(
                    if wanted == $id $(|| wanted == $crate::names::normalize($alias))* {
                        return Ok($name::$variant);
                    }
                )+
                let valid: Vec<&str> = Self::ALL.iter().map(|value| value.as_str()).collect();
                Err($crate::Error::parse(
                    field,
                    format!("unknown {} {text:?}; expected one of: {}", $what, valid.join(", ")),
                ))
            }
        }

        impl $crate::names::Named for $name {
            fn parse_named(field: &str, text: &str) -> $crate::Result<Self> {
                $name::parse(field, text)
            }
        }

        // The schema the typings generator reads: a string, one of the ids.
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "enum": [$($id),+],
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use named_enum;

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalize_folds_case_and_separators() {
        assert_eq!(normalize("  In Progress "), "in_progress");
        assert_eq!(normalize("in-progress"), "in_progress");
        assert_eq!(normalize("Won't  Have"), "won't_have");
        assert_eq!(normalize("to__do"), "to_do");
    }
}
