//! [`Labeled`]: an enum id with its human label, and the macro that declares such enums.
//!
//! Responsibilities, skills, KPIs, activities and salary factors are closed lists: an
//! enum gives them a stable snake_case id to filter and compare on, and a label to
//! show. In the JSON form of a profile they appear as `{"id": ..., "label": ...}`, so
//! Python and JavaScript users get both without a second lookup.

use serde::{Deserialize, Serialize};

/// An id (a snake_case enum) with its human label.
///
/// ```
/// use pmkit::roles::{Labeled, Skill};
///
/// let skill = Skill::AgileMethodologies.labeled();
/// assert_eq!(skill, Labeled { id: Skill::AgileMethodologies, label: "Knowledge of Agile methodologies".into() });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Labeled<T> {
    /// The stable id (`"agile_methodologies"` in JSON).
    pub id: T,
    /// The label to show ("Knowledge of Agile methodologies").
    pub label: String,
}

/// Declares a closed list as an enum with a snake_case id and a label per variant, and
/// gives it `ALL`, `as_str`, `label`, `labeled`, `parse` and `Display`. The id written
/// here is also the serde name, so the JSON form and `as_str` cannot disagree.
macro_rules! labeled_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $( $variant:ident = ($id:literal, $label:literal), )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        pub enum $name {
            $(
                #[doc = $label]
                #[serde(rename = $id)]
                $variant,
            )+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The snake_case id used in JSON and in every language.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            /// The human label.
            pub const fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            /// The id with its label, as it appears in a profile.
            pub fn labeled(self) -> $crate::roles::Labeled<Self> {
                $crate::roles::Labeled {
                    id: self,
                    label: self.label().to_owned(),
                }
            }

            /// Parses the snake_case id. An unknown name is an [`crate::Error::Parse`]
            /// naming `field` and listing every valid name.
            pub fn parse(field: &str, text: &str) -> $crate::Result<Self> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|value| value.as_str() == text)
                    .ok_or_else(|| {
                        let valid: Vec<&str> = Self::ALL.iter().map(|value| value.as_str()).collect();
                        $crate::Error::parse(
                            field,
                            format!(
                                "unknown {} {text:?}; expected one of: {}",
                                $what,
                                valid.join(", ")
                            ),
                        )
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

pub(crate) use labeled_enum;
