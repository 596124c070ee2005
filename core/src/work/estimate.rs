//! Estimates: a team's scale of cards, and what to do with unestimated items.
//!
//! Trackers store story points as free integers or strings, so ½ becomes 0 or "1/2"
//! and an "8" can sit on a Fibonacci board. Here an estimate is a number of points
//! that must be the weight of one card on the team's [`EstimateScale`], and an
//! unestimated item is handled by an explicit [`UnestimatedPolicy`].

use serde::{Deserialize, Serialize};

use crate::names::named_enum;
use crate::{input, Error, Result};

/// Two weights closer than this are the same card (½ given as 0.5000000001 is ½).
const SAME_WEIGHT: f64 = 1e-9;

/// One card of a scale: the label shown to the team and the points it weighs.
///
/// JSON form: `{"label": "½", "weight": 0.5}`; the "?" card has `"weight": null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("x-pmkit-plain" = true)))]
pub struct Card {
    /// What the team says or shows ("½", "8", "M", "?").
    pub label: String,
    /// The points the card weighs; `None` for a card that means "cannot estimate yet"
    /// ("?"), which leaves the item unestimated.
    pub weight: Option<f64>,
}

impl Card {
    /// A card with a weight.
    pub fn new(label: &str, weight: f64) -> Self {
        Card {
            label: label.to_owned(),
            weight: Some(weight),
        }
    }

    /// A card without a weight ("?": the team cannot estimate yet).
    pub fn unknown(label: &str) -> Self {
        Card {
            label: label.to_owned(),
            weight: None,
        }
    }
}

named_enum!(
    /// The ready-made scales of [`EstimateScale::preset`].
    ScalePreset, "estimate scale preset" {
        /// 0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89.
        Fibonacci = "fibonacci",
        /// Planning poker's deck: 0, ½, 1, 2, 3, 5, 8, 13, 20, 40, 100 and "?".
        ModifiedFibonacci = "modified_fibonacci",
        /// 0, 1, 2, 4, 8, 16, 32, 64.
        PowersOfTwo = "powers_of_two",
        /// 1 to 10.
        Linear = "linear",
        /// XS, S, M, L, XL, XXL weighing 1, 2, 3, 5, 8, 13.
        TShirt = "t_shirt" | "tshirt",
    }
);

/// The options of `estimate_scale` in the bindings: which ready-made scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ScaleOptions {
    /// The preset (see `ScalePreset`); "modified_fibonacci", planning poker's deck, by default.
    pub preset: ScalePreset,
}

impl Default for ScaleOptions {
    fn default() -> Self {
        ScaleOptions {
            preset: ScalePreset::ModifiedFibonacci,
        }
    }
}

/// A team's estimation scale: ordered cards, each with a label and a weight.
///
/// Weights rise strictly from card to card (cards without a weight, such as "?",
/// may sit anywhere); labels are unique. The JSON form is
/// `{"name": "...", "cards": [{"label": "½", "weight": 0.5}, ...]}` and is validated
/// when read.
///
/// **Source**: planning poker's modified Fibonacci deck (Mike Cohn, *Agile Estimating
/// and Planning*, 2005, ch. 6: 0, ½, 1, 2, 3, 5, 8, 13, 20, 40, 100, "?").
///
/// ```
/// use pmkit::work::{EstimateScale, ScalePreset};
///
/// let scale = EstimateScale::preset(ScalePreset::ModifiedFibonacci);
/// assert_eq!(scale.points("estimate", "½")?, Some(0.5));
/// assert_eq!(scale.points("estimate", "1/2")?, Some(0.5));
/// assert_eq!(scale.points("estimate", "?")?, None);
/// assert_eq!(scale.card("estimate", 20.0)?.label, "20");
/// assert!(scale.card("estimate", 21.0).is_err()); // 21 is not on this deck
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ScaleParts", into = "ScaleParts")]
pub struct EstimateScale {
    name: String,
    cards: Vec<Card>,
}

/// The unvalidated parts of an [`EstimateScale`], as read from JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "EstimateScale"))]
#[cfg_attr(feature = "schema", schemars(extend("x-pmkit-plain" = true)))]
pub struct ScaleParts {
    /// The scale's name.
    pub name: String,
    /// Its cards, in order.
    pub cards: Vec<Card>,
}

// A scale's JSON form is its parts: one schema, named `EstimateScale`, for both.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for EstimateScale {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <ScaleParts as schemars::JsonSchema>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <ScaleParts as schemars::JsonSchema>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <ScaleParts as schemars::JsonSchema>::json_schema(generator)
    }
}

impl EstimateScale {
    /// A custom scale named `name` with `cards` in order.
    ///
    /// **Errors**: no cards ([`Error::Undefined`] on `cards`); an empty or repeated
    /// label ([`Error::InvalidInput`] on `cards[i].label`); a weight that is NaN,
    /// infinite or negative ([`Error::InvalidInput`] on `cards[i].weight`) or not above
    /// the previous card's ([`Error::InvalidInput`] on `cards[i].weight`); an empty name
    /// ([`Error::InvalidInput`] on `name`).
    ///
    /// ```
    /// use pmkit::work::{Card, EstimateScale};
    ///
    /// let sizes = EstimateScale::new("team sizes", vec![Card::new("S", 1.0), Card::new("M", 3.0), Card::new("L", 8.0)])?;
    /// assert_eq!(sizes.points("estimate", "m")?, Some(3.0));
    /// assert!(EstimateScale::new("bad", vec![Card::new("S", 3.0), Card::new("M", 1.0)]).is_err());
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn new(name: &str, cards: Vec<Card>) -> Result<Self> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::invalid("name", "is empty; name the scale"));
        }
        input::non_empty("cards", &cards)?;
        let mut previous: Option<f64> = None;
        for (index, card) in cards.iter().enumerate() {
            let label = card.label.trim();
            if label.is_empty() {
                return Err(Error::invalid(format!("cards[{index}].label"), "is empty"));
            }
            if cards[..index]
                .iter()
                .any(|other| other.label.trim().eq_ignore_ascii_case(label))
            {
                return Err(Error::invalid(
                    format!("cards[{index}].label"),
                    format!("{label:?} appears twice; labels must be unique"),
                ));
            }
            if let Some(weight) = card.weight {
                let field = format!("cards[{index}].weight");
                input::non_negative(&field, weight)?;
                if let Some(before) = previous {
                    if weight <= before {
                        return Err(Error::invalid(
                            field,
                            format!("{weight} is not above the previous card's weight {before}; cards go from small to large"),
                        ));
                    }
                }
                previous = Some(weight);
            }
        }
        if previous.is_none() {
            return Err(Error::invalid(
                "cards",
                "no card has a weight; at least one must",
            ));
        }
        let cards = cards
            .into_iter()
            .map(|card| Card {
                label: card.label.trim().to_owned(),
                weight: card.weight,
            })
            .collect();
        Ok(EstimateScale {
            name: name.to_owned(),
            cards,
        })
    }

    /// A ready-made scale; its name is the preset's id (`"modified_fibonacci"`).
    pub fn preset(preset: ScalePreset) -> Self {
        let numbers = |weights: &[f64]| -> Vec<Card> {
            weights
                .iter()
                .map(|&weight| Card::new(&weight.to_string(), weight))
                .collect()
        };
        let cards = match preset {
            ScalePreset::Fibonacci => {
                numbers(&[0.0, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 21.0, 34.0, 55.0, 89.0])
            }
            ScalePreset::ModifiedFibonacci => {
                let mut cards = vec![Card::new("0", 0.0), Card::new("½", 0.5)];
                cards.extend(numbers(&[1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0, 40.0, 100.0]));
                cards.push(Card::unknown("?"));
                cards
            }
            ScalePreset::PowersOfTwo => numbers(&[0.0, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0]),
            ScalePreset::Linear => numbers(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]),
            ScalePreset::TShirt => vec![
                Card::new("XS", 1.0),
                Card::new("S", 2.0),
                Card::new("M", 3.0),
                Card::new("L", 5.0),
                Card::new("XL", 8.0),
                Card::new("XXL", 13.0),
            ],
        };
        EstimateScale {
            name: preset.as_str().to_owned(),
            cards,
        }
    }

    /// The scale's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The cards, smallest first.
    pub fn cards(&self) -> &[Card] {
        &self.cards
    }

    /// The card whose weight is `points`.
    ///
    /// **Errors**: `points` NaN or negative ([`Error::InvalidInput`]), or not the weight
    /// of any card ([`Error::OutOfRange`] on `field`, listing the cards).
    pub fn card(&self, field: &str, points: f64) -> Result<&Card> {
        input::non_negative(field, points)?;
        self.cards
            .iter()
            .find(|card| {
                card.weight
                    .is_some_and(|weight| (weight - points).abs() <= SAME_WEIGHT)
            })
            .ok_or_else(|| {
                Error::out_of_range(
                    field,
                    format!(
                        "{points} is not on the {} scale ({})",
                        self.name,
                        self.describe()
                    ),
                )
            })
    }

    /// `points` itself when it is the weight of a card; see [`EstimateScale::card`].
    pub fn check(&self, field: &str, points: f64) -> Result<f64> {
        self.card(field, points).map(|_| points)
    }

    /// The points of the card named `text`: a label ("½", "M", case-insensitive), or a
    /// number that is a card's weight ("0.5", "1/2", "8"). `None` for a card without a
    /// weight ("?").
    ///
    /// **Errors**: text that names no card is [`Error::OutOfRange`] when it is a number
    /// off the scale, else [`Error::Parse`], both on `field`.
    pub fn points(&self, field: &str, text: &str) -> Result<Option<f64>> {
        let text = text.trim();
        if let Some(card) = self
            .cards
            .iter()
            .find(|card| card.label.eq_ignore_ascii_case(text))
        {
            return Ok(card.weight);
        }
        match parse_number(text) {
            Some(points) => self.card(field, points).map(|card| card.weight),
            None => Err(Error::parse(
                field,
                format!(
                    "{text:?} is not a card of the {} scale ({})",
                    self.name,
                    self.describe()
                ),
            )),
        }
    }

    /// The labels, comma-separated, for error messages.
    fn describe(&self) -> String {
        let labels: Vec<&str> = self.cards.iter().map(|card| card.label.as_str()).collect();
        labels.join(", ")
    }
}

impl TryFrom<ScaleParts> for EstimateScale {
    type Error = Error;

    fn try_from(parts: ScaleParts) -> Result<Self> {
        EstimateScale::new(&parts.name, parts.cards)
    }
}

impl From<EstimateScale> for ScaleParts {
    fn from(scale: EstimateScale) -> Self {
        ScaleParts {
            name: scale.name,
            cards: scale.cards,
        }
    }
}

/// A decimal ("0.5", ".5", "8") or a simple fraction ("1/2", "½").
fn parse_number(text: &str) -> Option<f64> {
    if text == "½" {
        return Some(0.5);
    }
    if let Some((numerator, denominator)) = text.split_once('/') {
        let numerator: f64 = numerator.trim().parse().ok()?;
        let denominator: f64 = denominator.trim().parse().ok()?;
        let value = numerator / denominator;
        return value.is_finite().then_some(value);
    }
    text.parse::<f64>().ok().filter(|value| value.is_finite())
}

/// The options of the backlog totals in the bindings (`point_totals`,
/// `moscow_summary`): how an unestimated story counts.
///
/// ```
/// use pmkit::work::{UnestimatedOptions, UnestimatedPolicy};
///
/// assert_eq!(UnestimatedOptions::default().policy()?, UnestimatedPolicy::Exclude);
/// let guess = UnestimatedOptions { unestimated_weight: Some(3.0) };
/// assert_eq!(guess.policy()?, UnestimatedPolicy::CountAs(3.0));
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct UnestimatedOptions {
    /// The points an unestimated story counts for in point and effort totals;
    /// `None` (the default) leaves it out of them (it is still counted as a story).
    pub unestimated_weight: Option<f64>,
}

impl UnestimatedOptions {
    /// The policy: [`UnestimatedPolicy::from_weight`] of `unestimated_weight`.
    ///
    /// **Errors**: a weight that is NaN, infinite or negative is
    /// [`Error::InvalidInput`] on `unestimated_weight`.
    pub fn policy(&self) -> Result<UnestimatedPolicy> {
        UnestimatedPolicy::from_weight("unestimated_weight", self.unestimated_weight)
    }
}

/// How totals treat an item without an estimate.
///
/// JSON form: `"exclude"` or `{"count_as": 3.0}`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnestimatedPolicy {
    /// Leave it out of point totals (it is still counted as an item).
    #[default]
    Exclude,
    /// Count it as this many points (a team's "average story" guess).
    CountAs(f64),
}

impl UnestimatedPolicy {
    /// `Exclude` for `None`, `CountAs(weight)` for `Some(weight)`: the bindings'
    /// `unestimated_weight` parameter.
    ///
    /// **Errors**: a weight that is NaN, infinite or negative is
    /// [`Error::InvalidInput`] on `field`.
    pub fn from_weight(field: &str, weight: Option<f64>) -> Result<Self> {
        match weight {
            None => Ok(UnestimatedPolicy::Exclude),
            Some(weight) => Ok(UnestimatedPolicy::CountAs(input::non_negative(
                field, weight,
            )?)),
        }
    }

    /// The points an item counts for: its estimate, or what the policy says.
    pub fn points(self, estimate: Option<f64>) -> Option<f64> {
        match (estimate, self) {
            (Some(points), _) => Some(points),
            (None, UnestimatedPolicy::Exclude) => None,
            (None, UnestimatedPolicy::CountAs(weight)) => Some(weight),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn modified_fibonacci_is_the_planning_poker_deck() {
        let scale = EstimateScale::preset(ScalePreset::ModifiedFibonacci);
        let labels: Vec<&str> = scale
            .cards()
            .iter()
            .map(|card| card.label.as_str())
            .collect();
        assert_eq!(
            labels,
            ["0", "½", "1", "2", "3", "5", "8", "13", "20", "40", "100", "?"]
        );
        assert_eq!(scale.cards()[1].weight, Some(0.5));
        assert_eq!(scale.cards()[11].weight, None);
    }

    #[test]
    fn every_preset_is_valid() {
        for preset in ScalePreset::ALL {
            let scale = EstimateScale::preset(*preset);
            let rebuilt = EstimateScale::new(scale.name(), scale.cards().to_vec()).unwrap();
            assert_eq!(rebuilt, scale);
        }
    }

    #[test]
    fn off_scale_estimates_are_errors() {
        let scale = EstimateScale::preset(ScalePreset::Fibonacci);
        let err = scale.check("estimate", 4.0).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OutOfRange);
        assert!(err.reason().contains("fibonacci"));
        assert_eq!(
            scale.points("estimate", "Huge").unwrap_err().kind(),
            ErrorKind::Parse
        );
        assert_eq!(
            scale.points("estimate", "4").unwrap_err().kind(),
            ErrorKind::OutOfRange
        );
        assert_eq!(
            scale.check("estimate", -1.0).unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
    }

    #[test]
    fn t_shirt_labels_map_to_weights() {
        let scale = EstimateScale::preset(ScalePreset::TShirt);
        assert_eq!(scale.points("estimate", "xl").unwrap(), Some(8.0));
        assert_eq!(scale.card("estimate", 5.0).unwrap().label, "L");
    }

    #[test]
    fn custom_scales_are_validated() {
        let err = EstimateScale::new("s", vec![]).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "cards"));
        let err =
            EstimateScale::new("s", vec![Card::new("a", 1.0), Card::new("A", 2.0)]).unwrap_err();
        assert_eq!(err.field(), "cards[1].label");
        let err = EstimateScale::new("s", vec![Card::new("a", f64::NAN)]).unwrap_err();
        assert_eq!(err.field(), "cards[0].weight");
        let err = EstimateScale::new("s", vec![Card::unknown("?")]).unwrap_err();
        assert_eq!(err.field(), "cards");
    }

    #[test]
    fn json_is_validated_when_read() {
        let scale: EstimateScale = serde_json::from_value(serde_json::json!({
            "name": "mini", "cards": [{"label": "1", "weight": 1.0}, {"label": "?", "weight": null}]
        }))
        .unwrap();
        assert_eq!(scale.cards().len(), 2);
        let bad = serde_json::from_value::<EstimateScale>(serde_json::json!({
            "name": "mini", "cards": [{"label": "2", "weight": 2.0}, {"label": "1", "weight": 1.0}]
        }));
        assert!(bad.is_err());
    }

    #[test]
    fn unestimated_policy() {
        assert_eq!(UnestimatedPolicy::Exclude.points(None), None);
        assert_eq!(UnestimatedPolicy::CountAs(3.0).points(None), Some(3.0));
        assert_eq!(UnestimatedPolicy::CountAs(3.0).points(Some(8.0)), Some(8.0));
        assert!(UnestimatedPolicy::from_weight("w", Some(-1.0)).is_err());
        assert_eq!(
            serde_json::to_value(UnestimatedPolicy::CountAs(3.0)).unwrap(),
            serde_json::json!({"count_as": 3.0})
        );
    }
}
