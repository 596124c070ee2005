//! The product lifecycle: introduction, growth, maturity, decline (sunset), with the
//! date of every change.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::names::named_enum;
use crate::{Error, Result};

named_enum!(
    /// A stage of the product lifecycle, in order.
    Stage, "lifecycle stage" {
        /// Launched; building awareness and first customers.
        Introduction = "introduction",
        /// Adoption and revenue rising fast.
        Growth = "growth",
        /// Growth levels off; defend share, optimize.
        Maturity = "maturity",
        /// Demand falls; harvest, then sunset.
        Decline = "decline" | "sunset",
    }
);

/// The options of the bindings' `advance_lifecycle`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct AdvanceOptions {
    /// Allow a move back to an earlier stage (a relaunch); false by default.
    pub allow_backward: bool,
}

/// One entry of the lifecycle history: the stage entered and the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StageChange {
    /// The stage entered.
    pub stage: Stage,
    /// The day it was entered.
    pub date: NaiveDate,
}

/// A product's lifecycle: every stage change, oldest first; the last is the current.
///
/// JSON form: `{"history": [{"stage": "introduction", "date": "2025-06-01"}, …]}`.
///
/// ```
/// use chrono::NaiveDate;
/// use pmkit::roadmap::{Lifecycle, Stage};
///
/// let day = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
/// let mut lifecycle = Lifecycle::new(Stage::Introduction, day(2025, 6));
/// lifecycle.advance(Stage::Growth, day(2026, 1), false)?;
/// assert_eq!(lifecycle.stage(), Stage::Growth);
/// // Back to introduction only when the caller says so.
/// assert_eq!(lifecycle.advance(Stage::Introduction, day(2026, 2), false).unwrap_err().field(), "stage");
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lifecycle {
    /// Every change, oldest first; never empty.
    pub history: Vec<StageChange>,
}

impl Lifecycle {
    /// A lifecycle that entered `stage` on `date`.
    pub fn new(stage: Stage, date: NaiveDate) -> Self {
        Lifecycle {
            history: vec![StageChange { stage, date }],
        }
    }

    /// The current stage.
    pub fn stage(&self) -> Stage {
        self.history
            .last()
            .map_or(Stage::Introduction, |change| change.stage)
    }

    /// The day the current stage was entered.
    pub fn since(&self) -> Option<NaiveDate> {
        self.history.last().map(|change| change.date)
    }

    /// Checks the history: not empty, dates never going back.
    ///
    /// **Errors**: an empty history ([`Error::Undefined`] on `history`); a change dated
    /// before the one above it ([`Error::InvalidInput`] on `history[i].date`).
    pub fn check(&self) -> Result<()> {
        if self.history.is_empty() {
            return Err(Error::undefined(
                "history",
                "is empty; a lifecycle starts in a stage on a day",
            ));
        }
        for (index, pair) in self.history.windows(2).enumerate() {
            if let [before, after] = pair {
                if after.date < before.date {
                    return Err(Error::invalid(
                        format!("history[{}].date", index + 1),
                        format!(
                            "{} is before the change above it ({})",
                            after.date, before.date
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Moves the product to `stage` on `date`, recording the change.
    ///
    /// Only forward moves (introduction → growth → maturity → decline; skipping is
    /// allowed) unless `allow_backward` (a relaunch taking a mature product back to
    /// growth).
    ///
    /// **Errors**: `stage` is the current one, or earlier without `allow_backward`
    /// ([`Error::InvalidInput`] on `stage`); `date` before the last change
    /// ([`Error::InvalidInput`] on `date`); a broken history (as [`Lifecycle::check`]).
    ///
    /// **Source**: Theodore Levitt, "Exploit the Product Life Cycle", *Harvard Business
    /// Review* (1965).
    pub fn advance(&mut self, stage: Stage, date: NaiveDate, allow_backward: bool) -> Result<()> {
        self.check()?;
        let current = self.stage();
        if stage == current {
            return Err(Error::invalid(
                "stage",
                format!("the product is already in {current}"),
            ));
        }
        if stage < current && !allow_backward {
            return Err(Error::invalid(
                "stage",
                format!("moving back from {current} to {stage} needs allow_backward"),
            ));
        }
        if let Some(since) = self.since() {
            if date < since {
                return Err(Error::invalid(
                    "date",
                    format!("{date} is before the last change ({since}, to {current})"),
                ));
            }
        }
        self.history.push(StageChange { stage, date });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn day(text: &str) -> NaiveDate {
        crate::input::date("day", text).unwrap()
    }

    #[test]
    fn sunset_is_decline_and_skipping_forward_is_fine() {
        let mut lifecycle = Lifecycle::new(Stage::Introduction, day("2024-01-01"));
        lifecycle
            .advance(
                Stage::parse("stage", "sunset").unwrap(),
                day("2026-01-01"),
                false,
            )
            .unwrap();
        assert_eq!(lifecycle.stage(), Stage::Decline);
        assert_eq!(lifecycle.history.len(), 2);
    }

    #[test]
    fn backward_and_stale_moves_are_refused() {
        let mut lifecycle = Lifecycle::new(Stage::Maturity, day("2026-01-01"));
        let err = lifecycle
            .advance(Stage::Growth, day("2026-02-01"), false)
            .unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "stage")
        );
        assert!(err.reason().contains("allow_backward"));
        lifecycle
            .advance(Stage::Growth, day("2026-02-01"), true)
            .unwrap();
        let err = lifecycle
            .advance(Stage::Maturity, day("2026-01-15"), false)
            .unwrap_err();
        assert_eq!(err.field(), "date");
        let err = lifecycle
            .advance(Stage::Growth, day("2026-03-01"), true)
            .unwrap_err();
        assert_eq!(err.field(), "stage");
    }

    #[test]
    fn empty_history_is_undefined() {
        let mut lifecycle = Lifecycle { history: vec![] };
        let err = lifecycle
            .advance(Stage::Growth, day("2026-01-01"), false)
            .unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "history"));
    }
}
