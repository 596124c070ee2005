//! Prioritization frameworks: RICE, ICE, WSJF, MoSCoW, value / effort, and the Kano model.
//!
//! Every score is a [`Score`] that records the [`Framework`] and [`Variant`] that
//! produced it and the inputs it was computed from, so a rank can always be explained
//! and reproduced. A story carries its inputs in [`Priority`];
//! [`Backlog::rank`](crate::work::Backlog::rank) scores every open story with one
//! framework and orders them.

use serde::{Deserialize, Serialize};

use crate::names::named_enum;
use crate::{Error, Result};

mod ice;
mod kano;
mod moscow;
mod rice;
mod value_effort;
mod wsjf;

pub use ice::{ice_score, IceInputs};
pub use kano::{kano_category, kano_summary, KanoAnswer, KanoCategory, KanoSummary};
pub use moscow::{
    moscow_score, moscow_summary, Moscow, MoscowInputs, MoscowSummary, MoscowTotals,
    MUST_HAVE_EFFORT_LIMIT,
};
pub use rice::{rice_score, RiceInputs, INTERCOM_CONFIDENCE, INTERCOM_IMPACT};
pub use value_effort::{value_effort_quadrant, value_effort_score, Quadrant, ValueEffortInputs};
pub use wsjf::{wsjf_score, WsjfInputs};

named_enum!(
    /// A prioritization framework.
    Framework, "framework" {
        /// Reach × impact × confidence / effort (Intercom).
        Rice = "rice",
        /// Impact, confidence and ease on 1..=10 (Sean Ellis).
        Ice = "ice",
        /// Weighted shortest job first: cost of delay / job size (SAFe).
        Wsjf = "wsjf",
        /// Value / effort ratio.
        ValueEffort = "value_effort",
        /// Must / should / could / won't (DSDM).
        Moscow = "moscow",
    }
);

named_enum!(
    /// The variant of a framework that produced a score.
    ///
    /// | framework | variants (default first) |
    /// |---|---|
    /// | rice | `intercom` (impact and confidence on Intercom's scales), `unrestricted` |
    /// | ice | `product` (impact × confidence × ease), `mean` (their average) |
    /// | wsjf | `unrestricted` (any non-negative inputs), `modified_fibonacci` (inputs must be cards of that deck) |
    /// | value_effort | `ratio` |
    /// | moscow | `standard` (must 3, should 2, could 1, won't 0) |
    Variant, "variant" {
        /// RICE with Intercom's impact (3, 2, 1, 0.5, 0.25) and confidence (1, 0.8, 0.5) scales enforced.
        Intercom = "intercom",
        /// Inputs not restricted to a published scale (RICE, WSJF).
        Unrestricted = "unrestricted",
        /// ICE as impact × confidence × ease.
        Product = "product",
        /// ICE as the mean of impact, confidence and ease.
        Mean = "mean",
        /// WSJF with every input a card of the modified Fibonacci deck.
        ModifiedFibonacci = "modified_fibonacci",
        /// Value / effort.
        Ratio = "ratio",
        /// MoSCoW's four categories as 3, 2, 1, 0.
        Standard = "standard",
    }
);

/// `numerator / denominator` as a score, or an error when it overflows f64.
///
/// Every input is finite, but a product of large inputs (reach 1e200 × impact 3) or a
/// division by a tiny effort (5e-324) can still reach infinity, and an infinite score
/// cannot be ranked, compared or written to JSON. Such a score is
/// [`Error::OutOfRange`] on the input that caused it: the largest part of the
/// numerator when the numerator overflows, else the denominator.
pub(crate) fn finite_score(
    numerator: &[(&str, f64)],
    combined: f64,
    denominator: (&str, f64),
) -> Result<f64> {
    let (field, value) = if !combined.is_finite() {
        numerator
            .iter()
            .copied()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or(denominator)
    } else {
        denominator
    };
    let score = combined / denominator.1;
    if score.is_finite() {
        Ok(score)
    } else {
        Err(Error::out_of_range(
            field,
            format!(
                "{value} makes the score overflow (larger than {:e}); use smaller units",
                f64::MAX
            ),
        ))
    }
}

impl Framework {
    /// The variants this framework accepts; the first is the default.
    pub const fn variants(self) -> &'static [Variant] {
        match self {
            Framework::Rice => &[Variant::Intercom, Variant::Unrestricted],
            Framework::Ice => &[Variant::Product, Variant::Mean],
            Framework::Wsjf => &[Variant::Unrestricted, Variant::ModifiedFibonacci],
            Framework::ValueEffort => &[Variant::Ratio],
            Framework::Moscow => &[Variant::Standard],
        }
    }

    /// The default variant (see [`Variant`]).
    pub const fn default_variant(self) -> Variant {
        match self {
            Framework::Rice => Variant::Intercom,
            Framework::Ice => Variant::Product,
            Framework::Wsjf => Variant::Unrestricted,
            Framework::ValueEffort => Variant::Ratio,
            Framework::Moscow => Variant::Standard,
        }
    }

    /// `variant` if this framework has it.
    ///
    /// **Errors**: a variant of another framework is [`Error::Parse`] on `field`,
    /// listing this framework's variants.
    pub fn check_variant(self, field: &str, variant: Variant) -> Result<Variant> {
        if self.variants().contains(&variant) {
            Ok(variant)
        } else {
            let valid: Vec<&str> = self
                .variants()
                .iter()
                .map(|variant| variant.as_str())
                .collect();
            Err(Error::parse(
                field,
                format!(
                    "{variant} is not a variant of {self}; expected one of: {}",
                    valid.join(", ")
                ),
            ))
        }
    }

    /// The variant named `text`, or the default for `None`: the bindings' optional
    /// `variant` parameter.
    ///
    /// **Errors**: an unknown name or another framework's variant is [`Error::Parse`] on `field`.
    pub fn variant(self, field: &str, text: Option<&str>) -> Result<Variant> {
        match text {
            None => Ok(self.default_variant()),
            Some(text) => match Variant::parse(field, text) {
                Ok(variant) => self.check_variant(field, variant),
                Err(_) => {
                    let valid: Vec<&str> = self
                        .variants()
                        .iter()
                        .map(|variant| variant.as_str())
                        .collect();
                    Err(Error::parse(
                        field,
                        format!(
                            "unknown variant {text:?} of {self}; expected one of: {}",
                            valid.join(", ")
                        ),
                    ))
                }
            },
        }
    }
}

/// The options of the scores that have variants ([`rice_score`], [`ice_score`],
/// [`wsjf_score`]) and of [`Backlog::rank`](crate::work::Backlog::rank) in the bindings.
///
/// ```
/// use pmkit::work::{Framework, Variant, VariantOptions};
///
/// assert_eq!(VariantOptions::default().of(Framework::Ice)?, Variant::Product);
/// let mean = VariantOptions { variant: Some(Variant::Mean) };
/// assert_eq!(mean.of(Framework::Ice)?, Variant::Mean);
/// assert!(mean.of(Framework::Rice).is_err()); // not a variant of RICE
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct VariantOptions {
    /// The framework's variant (see `Variant`); `None` (the default) is the
    /// framework's default: "intercom" for RICE, "product" for ICE, "unrestricted"
    /// for WSJF.
    pub variant: Option<Variant>,
}

impl VariantOptions {
    /// The variant to score `framework` with: the one given, or the framework's default.
    ///
    /// **Errors**: a variant of another framework is [`Error::Parse`] on `variant`.
    pub fn of(&self, framework: Framework) -> Result<Variant> {
        match self.variant {
            None => Ok(framework.default_variant()),
            Some(variant) => framework.check_variant("variant", variant),
        }
    }
}

/// The inputs a score was computed from, in the framework's own terms.
///
/// JSON form: the inputs object itself (`{"reach": 500, "impact": 2, ...}`); the
/// framework is named by the enclosing [`Score`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ScoreInputs {
    /// See [`RiceInputs`].
    Rice(RiceInputs),
    /// See [`IceInputs`].
    Ice(IceInputs),
    /// See [`WsjfInputs`].
    Wsjf(WsjfInputs),
    /// See [`ValueEffortInputs`].
    ValueEffort(ValueEffortInputs),
    /// See [`MoscowInputs`].
    Moscow(MoscowInputs),
}

/// A priority score with its provenance: which framework and variant produced it,
/// from which inputs. Higher scores rank first in every framework.
///
/// JSON form: `{"framework": "rice", "variant": "intercom", "inputs": {...}, "score": 400.0}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Score {
    /// The framework.
    pub framework: Framework,
    /// The variant of the framework.
    pub variant: Variant,
    /// The inputs, as given.
    pub inputs: ScoreInputs,
    /// The score; higher ranks first.
    pub score: f64,
}

/// A story's prioritization inputs, one optional set per framework.
///
/// JSON form: `{"moscow": "must", "rice": {"reach": 500, ...}, ...}`; absent or null
/// frameworks are unscored.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Priority {
    /// The MoSCoW category.
    pub moscow: Option<Moscow>,
    /// RICE inputs.
    pub rice: Option<RiceInputs>,
    /// ICE inputs.
    pub ice: Option<IceInputs>,
    /// WSJF inputs.
    pub wsjf: Option<WsjfInputs>,
    /// Value / effort inputs.
    pub value_effort: Option<ValueEffortInputs>,
}

impl Priority {
    /// The score under `framework` and `variant`, or `None` when the story has no
    /// inputs for that framework.
    ///
    /// **Errors**: as the framework's function (fields such as `rice.effort`), and a
    /// variant of another framework ([`Error::Parse`] on `variant`).
    pub fn score(&self, framework: Framework, variant: Variant) -> Result<Option<Score>> {
        framework.check_variant("variant", variant)?;
        let within = |err: Error| err.within(framework.as_str());
        match framework {
            Framework::Rice => self
                .rice
                .as_ref()
                .map(|inputs| rice_score(inputs, variant).map_err(within))
                .transpose(),
            Framework::Ice => self
                .ice
                .as_ref()
                .map(|inputs| ice_score(inputs, variant).map_err(within))
                .transpose(),
            Framework::Wsjf => self
                .wsjf
                .as_ref()
                .map(|inputs| wsjf_score(inputs, variant).map_err(within))
                .transpose(),
            Framework::ValueEffort => self
                .value_effort
                .as_ref()
                .map(|inputs| value_effort_score(inputs).map_err(within))
                .transpose(),
            Framework::Moscow => Ok(self.moscow.map(moscow_score)),
        }
    }

    /// Checks every set of inputs the story carries, so a story whose priority cannot
    /// be scored (a NaN reach, an effort of 0, a score that overflows) cannot exist:
    /// each framework's inputs are scored with its least restrictive variant (RICE
    /// `unrestricted`, ICE `product`, WSJF `unrestricted`).
    ///
    /// **Errors**: as the framework's function, on `rice.reach`, `wsjf.job_size`, …
    pub fn validate(&self) -> Result<()> {
        let checks = [
            (Framework::Rice, Variant::Unrestricted),
            (Framework::Ice, Variant::Product),
            (Framework::Wsjf, Variant::Unrestricted),
            (Framework::ValueEffort, Variant::Ratio),
        ];
        for (framework, variant) in checks {
            self.score(framework, variant)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn variants_belong_to_their_framework() {
        assert_eq!(
            Framework::Ice.variant("variant", None).unwrap(),
            Variant::Product
        );
        assert_eq!(
            Framework::Ice.variant("variant", Some("mean")).unwrap(),
            Variant::Mean
        );
        let err = Framework::Rice
            .variant("variant", Some("mean"))
            .unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "variant"));
        assert!(err.reason().contains("intercom"));
        for framework in Framework::ALL {
            assert_eq!(framework.variants()[0], framework.default_variant());
        }
    }

    #[test]
    fn priority_scores_only_what_it_has() {
        let priority = Priority {
            moscow: Some(Moscow::Should),
            ..Priority::default()
        };
        assert_eq!(
            priority.score(Framework::Rice, Variant::Intercom).unwrap(),
            None
        );
        assert_eq!(
            priority
                .score(Framework::Moscow, Variant::Standard)
                .unwrap()
                .unwrap()
                .score,
            2.0
        );
    }

    #[test]
    fn score_json_form() {
        let inputs = RiceInputs {
            reach: 500.0,
            impact: 2.0,
            confidence: 0.8,
            effort: 2.0,
        };
        let score = rice_score(&inputs, Variant::Intercom).unwrap();
        let json = serde_json::to_value(&score).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"framework": "rice", "variant": "intercom",
                "inputs": {"reach": 500.0, "impact": 2.0, "confidence": 0.8, "effort": 2.0}, "score": 400.0})
        );
        let back: Score = serde_json::from_value(json).unwrap();
        assert_eq!(back, score);
        let priority: Priority = serde_json::from_value(serde_json::json!({"moscow": "won't", "ice": {"impact": 5, "confidence": 5, "ease": 5}})).unwrap();
        assert_eq!(priority.moscow, Some(Moscow::Wont));
    }
}
