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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Labeled{T}"))]
pub struct Labeled<T> {
    /// The stable id (`"agile_methodologies"` in JSON).
    pub id: T,
    /// The label to show ("Knowledge of Agile methodologies").
    pub label: String,
}

/// Declares a closed list as an enum with a snake_case id and a label per variant: a
/// [`named_enum!`](crate::names) (so `ALL`, `as_str`, `parse` and `Display` behave as
/// every other option list) plus `label` and `labeled`. The id written here is also the
/// serde name, so the JSON form and `as_str` cannot disagree.
macro_rules! labeled_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $( $variant:ident = ($id:literal, $label:literal), )+
        }
    ) => {
        $crate::names::named_enum!(
            $(#[$meta])*
            $name, $what {
                $( #[doc = $label] $variant = $id, )+
            }
        );

        impl $name {
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
        }
    };
}

pub(crate) use labeled_enum;
