//! The backlog: an ordered collection of stories, with ranking and totals.

use serde::{Deserialize, Serialize};

use super::estimate::{EstimateScale, UnestimatedPolicy};
use super::invest::InvestContext;
use super::prioritize::{moscow_summary, Framework, MoscowSummary, Score, Variant};
use super::status::StatusCategory;
use super::story::Story;
use crate::{Error, Result};

/// An ordered collection of stories: position 1 is the top of the backlog.
///
/// Invariants, checked by [`Backlog::new`] and when reading JSON: every story is
/// valid ([`Story::validate`]), ids are unique, and with a scale every estimate is a
/// card weight of it. JSON form: `{"stories": [...], "scale": {...} | null}` — the
/// same in Rust, Python and JavaScript.
///
/// ```
/// use pmkit::work::{Backlog, Story};
///
/// let mut backlog = Backlog::new(vec![Story::new("A", "first")?, Story::new("B", "second")?], None)?;
/// backlog.move_story("B", 1)?;
/// backlog.insert_story(Story::new("C", "third")?, 3)?;
/// let ids: Vec<&str> = backlog.stories().iter().map(|s| s.id.as_str()).collect();
/// assert_eq!(ids, ["B", "A", "C"]);
/// assert_eq!(backlog.remove_story("A")?.title, "first");
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "BacklogParts", into = "BacklogParts")]
pub struct Backlog {
    stories: Vec<Story>,
    scale: Option<EstimateScale>,
}

/// The unvalidated parts of a [`Backlog`], as read from JSON; the bindings read this
/// and call [`Backlog::new`] so errors keep their kind and field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Backlog"))]
#[cfg_attr(feature = "schema", schemars(extend("x-pmkit-plain" = true)))]
pub struct BacklogParts {
    /// The stories, top first.
    pub stories: Vec<Story>,
    /// The team's estimate scale, if estimates are to be checked against one.
    #[serde(default)]
    pub scale: Option<EstimateScale>,
}

/// The options of `new_backlog` in the bindings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct BacklogOptions {
    /// The team's estimate scale: every estimate must be a card weight of it. `None`
    /// (the default) checks no scale.
    pub scale: Option<EstimateScale>,
}

/// The options of `insert_story` in the bindings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct InsertOptions {
    /// Where the story goes: 1 = top; `None` (the default) = the bottom.
    #[serde(deserialize_with = "crate::input::deserialize_optional_count")]
    pub rank: Option<u64>,
}

// A backlog's JSON form is its parts: one schema, named `Backlog`, for both.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Backlog {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <BacklogParts as schemars::JsonSchema>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <BacklogParts as schemars::JsonSchema>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BacklogParts as schemars::JsonSchema>::json_schema(generator)
    }
}

/// One story's place in a ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RankedStory {
    /// 1 for the highest score.
    pub rank: u64,
    /// The story's id.
    pub id: String,
    /// The story's title.
    pub title: String,
    /// Its score, with framework, variant and inputs.
    pub score: Score,
}

/// Stories, points and unestimated stories in one status category.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryTotals {
    /// Stories in the category.
    pub stories: u64,
    /// Their points (unestimated ones per the policy).
    pub points: f64,
    /// Stories without an estimate.
    pub unestimated: u64,
}

/// [`CategoryTotals`] for each status category.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PointTotals {
    /// To do.
    pub to_do: CategoryTotals,
    /// In progress.
    pub in_progress: CategoryTotals,
    /// Done (cancelled is not done).
    pub done: CategoryTotals,
    /// Cancelled.
    pub cancelled: CategoryTotals,
}

impl Backlog {
    /// A backlog of `stories`, top first, optionally checked against the team's `scale`.
    ///
    /// **Errors**: an invalid story (its error, prefixed `stories[i].`); a repeated id
    /// ([`Error::InvalidInput`] on `stories[i].id`); an estimate off the scale
    /// ([`Error::OutOfRange`] on `stories[i].estimate`).
    pub fn new(stories: Vec<Story>, scale: Option<EstimateScale>) -> Result<Self> {
        let mut ids = std::collections::HashSet::with_capacity(stories.len());
        for (index, story) in stories.iter().enumerate() {
            check_story(story, scale.as_ref())
                .map_err(|err| err.within(&format!("stories[{index}]")))?;
            if !ids.insert(story.id.as_str()) {
                return Err(Error::invalid(
                    format!("stories[{index}].id"),
                    format!("{:?} appears twice; ids must be unique", story.id),
                ));
            }
        }
        Ok(Backlog { stories, scale })
    }

    /// A backlog known to be valid (the built-in sample, whose validity a unit test
    /// checks with [`Backlog::new`]).
    pub(crate) fn trusted(stories: Vec<Story>, scale: Option<EstimateScale>) -> Self {
        Backlog { stories, scale }
    }

    /// A backlog from its JSON text, validated as [`Backlog::new`] validates.
    ///
    /// **Errors**: text that is not JSON or not a backlog's shape ([`Error::Parse`] on
    /// `text`, with serde's line and column); then as [`Backlog::new`].
    ///
    /// ```
    /// use pmkit::work::{sample_backlog, Backlog};
    ///
    /// let text = sample_backlog().to_json();
    /// assert_eq!(Backlog::from_json(&text)?, sample_backlog());
    /// assert!(Backlog::from_json("{\"stories\": 3}").is_err());
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Self> {
        let parts: BacklogParts = crate::json::from_str("text", text)?;
        Backlog::try_from(parts)
    }

    /// The backlog as pretty-printed JSON text: the same bytes from Rust, Python and
    /// JavaScript, since all three call this.
    pub fn to_json(&self) -> String {
        // A backlog holds strings, finite numbers and dates only, so this cannot fail.
        serde_json::to_string_pretty(&BacklogParts::from(self.clone())).unwrap_or_default()
    }

    /// The stories, top first.
    pub fn stories(&self) -> &[Story] {
        &self.stories
    }

    /// The team's estimate scale, if any.
    pub fn scale(&self) -> Option<&EstimateScale> {
        self.scale.as_ref()
    }

    /// The number of stories.
    pub fn len(&self) -> usize {
        self.stories.len()
    }

    /// Whether there are no stories.
    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }

    /// The story with id `id`.
    pub fn get(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|story| story.id == id)
    }

    /// The 1-based rank of the story with id `id`.
    ///
    /// **Errors**: an unknown id is [`Error::InvalidInput`] on `id`.
    pub fn position(&self, id: &str) -> Result<usize> {
        self.stories
            .iter()
            .position(|story| story.id == id)
            .map(|index| index + 1)
            .ok_or_else(|| Error::invalid("id", format!("no story {id:?} in the backlog")))
    }

    /// Move the story `id` to `rank` (1 = top); the others keep their order.
    ///
    /// **Errors**: an unknown id ([`Error::InvalidInput`] on `id`); `rank` outside
    /// 1..=len ([`Error::OutOfRange`] on `rank`).
    pub fn move_story(&mut self, id: &str, rank: usize) -> Result<()> {
        let from = self.position(id)? - 1;
        check_rank(rank, self.stories.len())?;
        let story = self.stories.remove(from);
        self.stories.insert(rank - 1, story);
        Ok(())
    }

    /// Insert `story` at `rank` (1 = top; len + 1 = bottom).
    ///
    /// **Errors**: an invalid story or off-scale estimate (fields prefixed `story.`); an
    /// id already present ([`Error::InvalidInput`] on `story.id`); `rank` outside
    /// 1..=len + 1 ([`Error::OutOfRange`] on `rank`).
    pub fn insert_story(&mut self, story: Story, rank: usize) -> Result<()> {
        check_story(&story, self.scale.as_ref()).map_err(|err| err.within("story"))?;
        if self.get(&story.id).is_some() {
            return Err(Error::invalid(
                "story.id",
                format!("{:?} is already in the backlog", story.id),
            ));
        }
        check_rank(rank, self.stories.len() + 1)?;
        self.stories.insert(rank - 1, story);
        Ok(())
    }

    /// Remove the story `id` and return it.
    ///
    /// **Errors**: an unknown id is [`Error::InvalidInput`] on `id`.
    pub fn remove_story(&mut self, id: &str) -> Result<Story> {
        let index = self.position(id)? - 1;
        Ok(self.stories.remove(index))
    }

    /// The stories whose status is in `category`, in backlog order.
    pub fn stories_in(&self, category: StatusCategory) -> Vec<&Story> {
        self.stories
            .iter()
            .filter(|story| story.status.category == category)
            .collect()
    }

    /// Stories, points and unestimated stories per status category.
    ///
    /// ```
    /// use pmkit::work::{sample_backlog, UnestimatedPolicy};
    ///
    /// let totals = sample_backlog().point_totals(UnestimatedPolicy::Exclude);
    /// assert_eq!(totals.done.points, 13.0);
    /// assert_eq!(totals.cancelled.stories, 1); // counted apart, never as done
    /// ```
    pub fn point_totals(&self, unestimated: UnestimatedPolicy) -> PointTotals {
        let mut totals = PointTotals::default();
        for story in &self.stories {
            let slot = match story.status.category {
                StatusCategory::ToDo => &mut totals.to_do,
                StatusCategory::InProgress => &mut totals.in_progress,
                StatusCategory::Done => &mut totals.done,
                StatusCategory::Cancelled => &mut totals.cancelled,
            };
            slot.stories += 1;
            if story.estimate.is_none() {
                slot.unestimated += 1;
            }
            slot.points += unestimated.points(story.estimate).unwrap_or(0.0);
        }
        totals
    }

    /// The open stories ranked by `framework` and `variant`, highest score first.
    ///
    /// Only open stories (to do, in progress) are ranked: done and cancelled work needs
    /// no priority. The order is stable: equal scores keep their backlog order.
    ///
    /// **Errors**: an open story without inputs for the framework
    /// ([`Error::Undefined`] on `stories[i].priority.<framework>`); invalid inputs (the
    /// framework's error, prefixed `stories[i].priority.`); a variant of another
    /// framework ([`Error::Parse`] on `variant`).
    ///
    /// ```
    /// use pmkit::work::{sample_backlog, Framework};
    ///
    /// let ranking = sample_backlog().rank(Framework::Wsjf, Framework::Wsjf.default_variant())?;
    /// assert_eq!(ranking[0].rank, 1);
    /// assert!(ranking.windows(2).all(|pair| pair[0].score.score >= pair[1].score.score));
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn rank(&self, framework: Framework, variant: Variant) -> Result<Vec<RankedStory>> {
        framework.check_variant("variant", variant)?;
        let mut scored = Vec::new();
        for (index, story) in self.stories.iter().enumerate() {
            if !story.status.category.is_open() {
                continue;
            }
            let prefix = format!("stories[{index}].priority");
            let score = story
                .priority
                .score(framework, variant)
                .map_err(|err| err.within(&prefix))?
                .ok_or_else(|| {
                    Error::undefined(
                        format!("{prefix}.{framework}"),
                        format!(
                            "{} has no {framework} inputs; score it or rank with another framework",
                            story.id
                        ),
                    )
                })?;
            scored.push((story, score));
        }
        // A stable sort keeps backlog order among equal scores; scores are never NaN.
        scored.sort_by(|(_, a), (_, b)| b.score.total_cmp(&a.score));
        Ok(scored
            .into_iter()
            .enumerate()
            .map(|(index, (story, score))| RankedStory {
                rank: index as u64 + 1,
                id: story.id.clone(),
                title: story.title.clone(),
                score,
            })
            .collect())
    }

    /// Reorder the backlog by [`Backlog::rank`]: ranked open stories first, then the
    /// done and cancelled ones in their current order.
    ///
    /// **Errors**: as [`Backlog::rank`]; on error the backlog is unchanged.
    pub fn sort_by_rank(
        &mut self,
        framework: Framework,
        variant: Variant,
    ) -> Result<Vec<RankedStory>> {
        let ranking = self.rank(framework, variant)?;
        let mut ordered = Vec::with_capacity(self.stories.len());
        let mut rest = std::mem::take(&mut self.stories);
        for ranked in &ranking {
            if let Some(index) = rest.iter().position(|story| story.id == ranked.id) {
                ordered.push(rest.remove(index));
            }
        }
        ordered.append(&mut rest);
        self.stories = ordered;
        Ok(ranking)
    }

    /// The MoSCoW breakdown of the open stories; see [`moscow_summary`].
    pub fn moscow_summary(&self, unestimated: UnestimatedPolicy) -> MoscowSummary {
        moscow_summary(&self.stories, unestimated)
    }

    /// `context` with `resolved_items` set to this backlog's done and cancelled stories,
    /// so a blocker resolved in the backlog no longer blocks.
    pub fn invest_context(&self, context: &InvestContext) -> InvestContext {
        let mut context = context.clone();
        context.resolved_items.extend(
            self.stories
                .iter()
                .filter(|story| !story.status.category.is_open())
                .map(|story| story.id.clone()),
        );
        context
    }
}

impl TryFrom<BacklogParts> for Backlog {
    type Error = Error;

    fn try_from(parts: BacklogParts) -> Result<Self> {
        Backlog::new(parts.stories, parts.scale)
    }
}

impl From<Backlog> for BacklogParts {
    fn from(backlog: Backlog) -> Self {
        BacklogParts {
            stories: backlog.stories,
            scale: backlog.scale,
        }
    }
}

fn check_story(story: &Story, scale: Option<&EstimateScale>) -> Result<()> {
    story.validate()?;
    if let (Some(scale), Some(points)) = (scale, story.estimate) {
        scale.check("estimate", points)?;
    }
    Ok(())
}

fn check_rank(rank: usize, max: usize) -> Result<()> {
    if rank == 0 || rank > max {
        Err(Error::out_of_range(
            "rank",
            format!("{rank} is outside 1..={max} (1 is the top of the backlog)"),
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::work::{sample_backlog, IceInputs, ScalePreset, Status};
    use crate::ErrorKind;

    fn ice_story(id: &str, impact: f64) -> Story {
        let mut story = Story::new(id, id).unwrap();
        story.priority.ice = Some(IceInputs {
            impact,
            confidence: 5.0,
            ease: 5.0,
        });
        story
    }

    #[test]
    fn ties_keep_backlog_order() {
        let backlog = Backlog::new(
            vec![
                ice_story("A", 2.0),
                ice_story("B", 8.0),
                ice_story("C", 2.0),
                ice_story("D", 8.0),
            ],
            None,
        )
        .unwrap();
        let ids: Vec<String> = backlog
            .rank(Framework::Ice, Variant::Mean)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, ["B", "D", "A", "C"]);
    }

    #[test]
    fn closed_stories_are_not_ranked_and_missing_inputs_are_errors() {
        let mut done = Story::new("X", "x").unwrap();
        done.status = Status::of(StatusCategory::Done);
        let backlog = Backlog::new(
            vec![ice_story("A", 2.0), done, Story::new("Y", "y").unwrap()],
            None,
        )
        .unwrap();
        let err = backlog.rank(Framework::Ice, Variant::Product).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "stories[2].priority.ice")
        );
        let err = backlog.rank(Framework::Ice, Variant::Ratio).unwrap_err();
        assert_eq!(err.field(), "variant");
    }

    #[test]
    fn bad_inputs_name_the_story() {
        // Priority inputs are checked when the backlog is made, so ranking never meets them.
        let err = Backlog::new(vec![ice_story("A", 11.0)], None).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "stories[0].priority.ice.impact")
        );
    }

    #[test]
    fn invariants_are_checked() {
        let err = Backlog::new(
            vec![Story::new("A", "a").unwrap(), Story::new("A", "b").unwrap()],
            None,
        )
        .unwrap_err();
        assert_eq!(err.field(), "stories[1].id");
        let mut story = Story::new("A", "a").unwrap();
        story.estimate = Some(4.0);
        let err = Backlog::new(
            vec![story.clone()],
            Some(EstimateScale::preset(ScalePreset::Fibonacci)),
        )
        .unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "stories[0].estimate")
        );
        let mut backlog =
            Backlog::new(vec![], Some(EstimateScale::preset(ScalePreset::Fibonacci))).unwrap();
        assert_eq!(
            backlog.insert_story(story, 1).unwrap_err().field(),
            "story.estimate"
        );
    }

    #[test]
    fn move_insert_remove_bounds() {
        let mut backlog = Backlog::new(
            vec![Story::new("A", "a").unwrap(), Story::new("B", "b").unwrap()],
            None,
        )
        .unwrap();
        assert_eq!(
            backlog.move_story("A", 3).unwrap_err().kind(),
            ErrorKind::OutOfRange
        );
        assert_eq!(backlog.move_story("Z", 1).unwrap_err().field(), "id");
        assert_eq!(
            backlog
                .insert_story(Story::new("C", "c").unwrap(), 0)
                .unwrap_err()
                .field(),
            "rank"
        );
        assert_eq!(
            backlog
                .insert_story(Story::new("A", "c").unwrap(), 1)
                .unwrap_err()
                .field(),
            "story.id"
        );
        backlog.move_story("A", 2).unwrap();
        assert_eq!(backlog.position("A").unwrap(), 2);
        assert!(backlog.remove_story("Q").is_err());
        assert_eq!(backlog.len(), 2);
    }

    #[test]
    fn sort_by_rank_puts_closed_work_last() {
        let mut backlog = sample_backlog();
        let ranking = backlog
            .sort_by_rank(Framework::Wsjf, Variant::Unrestricted)
            .unwrap();
        let top: Vec<&str> = backlog
            .stories()
            .iter()
            .take(ranking.len())
            .map(|s| s.id.as_str())
            .collect();
        let ranked: Vec<&str> = ranking.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(top, ranked);
        assert!(backlog.stories()[ranking.len()..]
            .iter()
            .all(|s| !s.status.category.is_open()));
    }

    #[test]
    fn json_round_trip_validates() {
        let backlog = sample_backlog();
        let json = serde_json::to_string(&backlog).unwrap();
        let back: Backlog = serde_json::from_str(&json).unwrap();
        assert_eq!(back, backlog);
        let bad =
            serde_json::json!({"stories": [{"id": "A", "title": "a"}, {"id": "A", "title": "b"}]});
        let err = serde_json::from_value::<Backlog>(bad).unwrap_err();
        assert!(err.to_string().contains("stories[1].id"));
    }
}
