//! [`Role`] and [`Horizon`]: who does the work, and over what span of time (published
//! as `pmkit::roles::{Role, Horizon}`).

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// One of the two product roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Strategy: market, product vision and roadmap, lifecycle, stakeholders.
    ProductManager,
    /// Tactics: backlog, user stories, sprints, the development team.
    ProductOwner,
}

/// The span of time a role works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    /// Long-term direction and goals (the product manager).
    Strategic,
    /// Day-to-day execution toward those goals (the product owner).
    Tactical,
}

impl Role {
    /// Both roles, product manager first.
    pub const ALL: [Role; 2] = [Role::ProductManager, Role::ProductOwner];

    /// The snake_case name used in JSON and in every language (`"product_owner"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::ProductManager => "product_manager",
            Role::ProductOwner => "product_owner",
        }
    }

    /// The horizon the role works on.
    pub const fn horizon(self) -> Horizon {
        match self {
            Role::ProductManager => Horizon::Strategic,
            Role::ProductOwner => Horizon::Tactical,
        }
    }

    /// Parses `"product_manager"` or `"product_owner"` (the JSON names).
    ///
    /// ```
    /// use pmkit::roles::Role;
    /// assert_eq!(Role::parse("role", "product_owner")?, Role::ProductOwner);
    /// assert!(Role::parse("role", "scrum_master").is_err());
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn parse(field: &str, text: &str) -> Result<Role> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == text)
            .ok_or_else(|| {
                Error::parse(
                    field,
                    format!(
                        "unknown role {text:?}; expected \"product_manager\" or \"product_owner\""
                    ),
                )
            })
    }
}

impl crate::Named for Role {
    fn parse_named(field: &str, text: &str) -> Result<Role> {
        Role::parse(field, text)
    }
}

impl Horizon {
    /// The snake_case name used in JSON (`"strategic"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Horizon::Strategic => "strategic",
            Horizon::Tactical => "tactical",
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
