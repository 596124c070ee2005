//! The product owner's backlog (`pmkit::work`): stories and the INVEST lint,
//! prioritization scores and the Kano model. Stories cross in their JSON form.
//!
//! Option names (framework variants, MoSCoW categories, Kano answers) cross as text
//! and are parsed by the core, which accepts any case and spaces or hyphens for
//! underscores (`"Must have"`, `"I am neutral"`); an unknown name is the core's
//! `parse` error listing the valid ones.

/// Hands every described `pmkit::work` function to `$callback` (see the crate docs).
#[macro_export]
macro_rules! work {
    ($callback:ident) => {
        $callback! {
            /// A story from its Connextra sentence: "As a <persona>, I want <goal>, so
            /// that <benefit>" (any case; "so that" optional).
            fn parse_story / parseStory (id: String, text: String) -> pmkit::work::Story {
                pmkit::work::Story::parse(&id, &text)
            }
            /// Given / When / Then scenarios from Gherkin-style text.
            fn parse_acceptance_criteria / parseAcceptanceCriteria (text: String) -> Vec<pmkit::work::Scenario> {
                pmkit::work::parse_acceptance_criteria(&text)
            }
            /// A validated backlog of `stories`, top first: ids unique, every story valid and,
            /// with a `scale`, every estimate a card of it; every field filled in.
            fn new_backlog / newBacklog (stories: $crate::Json<Vec<pmkit::work::Story>>; options: pmkit::work::BacklogOptions) -> pmkit::work::Backlog {
                pmkit::work::Backlog::new(stories.0, options.scale)
            }
            /// A new backlog with `story` inserted at `rank` (1 = top; by default the
            /// bottom); the argument is left untouched.
            fn insert_story / insertStory (backlog: $crate::Json<pmkit::work::BacklogParts>, story: $crate::Json<pmkit::work::Story>; options: pmkit::work::InsertOptions) -> pmkit::work::Backlog {
                pmkit::work::Backlog::try_from(backlog.0).map_err(|err| err.within("backlog")).and_then(|mut backlog| {
                    let rank = match options.rank {
                        Some(rank) => usize::try_from(rank)
                            .map_err(|_| pmkit::Error::out_of_range("rank", "is too large"))?,
                        None => backlog.len() + 1,
                    };
                    backlog.insert_story(story.0, rank)?;
                    Ok(backlog)
                })
            }
            /// Everything in a Jira CSV export: `backlog` (stories, bugs, tasks), `epics`
            /// (roadmap epics), `subtasks`, `sprints`, flow `items` for item_timelines, and
            /// `warnings` naming each value that was chosen or could not be read. Every
            /// story-point column, every repeated column (also pandas' `Sprint.1` and
            /// polars' `Sprint_duplicated_0`) and parent issue ids are read; `statuses`
            /// maps every status name to "to_do", "in_progress", "done" or "cancelled".
            /// Nothing is half-imported.
            fn import_jira_csv / importJiraCsv (source: $crate::CsvText, statuses: $crate::Json<std::collections::BTreeMap<String, String>>; options: pmkit::tracker::JiraCsvImportOptions) -> pmkit::tracker::TrackerImport {
                pmkit::work::StatusMap::from_names(statuses.0)
                    .and_then(|statuses| pmkit::tracker::import_jira_csv(&source.0, &statuses, &options))
            }
            /// Everything in the pages of a Jira REST search with `expand=changelog,names`
            /// (`/rest/api/2/search` or `/rest/api/3/search/jql`; one page or a list, as
            /// objects or JSON text): flow `items` with status transitions sorted oldest
            /// first and Flagged periods as `blocked`, the `backlog`, `epics`, `subtasks`,
            /// `sprints` with their changes, and `warnings` (truncated or missing
            /// changelogs, disagreeing story-point fields, statuses taken from Jira's
            /// category). Feed `items` to item_timelines for cycle times and forecasts.
            fn import_jira_json / importJiraJson (pages: $crate::JsonOrText<pmkit::tracker::JiraPages>; options: pmkit::tracker::JiraJsonImportOptions) -> pmkit::tracker::TrackerImport {
                pmkit::tracker::import_jira_json(&pages, &options)
            }
            /// Everything in Linear's CSV export: the issues as a `backlog`, projects as
            /// `epics`, cycles as `sprints`, flow `items` built from Created, Started,
            /// Completed and Canceled (Linear's CSV has no status history: lead and cycle
            /// times are exact, time in each status approximate, as a warning says), and
            /// `warnings`. A status not in `statuses` takes the category its dates say.
            fn import_linear_csv / importLinearCsv (source: $crate::CsvText; options: pmkit::tracker::LinearCsvImportOptions) -> pmkit::tracker::TrackerImport {
                pmkit::tracker::import_linear_csv(&source.0, &options)
            }
            /// GitHub issues (`GET /repos/{owner}/{repo}/issues?state=all`: a list, or a list
            /// of pages, as objects or JSON text) and their `timelines` by issue number, as
            /// a tracker import: statuses from project column moves, Projects v2 status
            /// changes and status labels, closed as completed → `closed_status` (done), as
            /// not planned → `not_planned_status` (cancelled); `warnings` for pull requests
            /// left out, issues without timelines, possibly truncated pages and unmapped
            /// statuses.
            fn import_github_issues / importGithubIssues (issues: $crate::JsonOrText<pmkit::tracker::GithubIssues>; options: pmkit::tracker::GithubImportOptions) -> pmkit::tracker::TrackerImport {
                pmkit::tracker::import_github_issues(&issues, &options)
            }
            /// A backlog from its JSON text, checked as every backlog is.
            fn backlog_from_json / backlogFromJson (text: String) -> pmkit::work::Backlog {
                pmkit::work::Backlog::from_json(&text)
            }
            /// The stories whose status is in `category` ("to_do", "in_progress", "done",
            /// "cancelled"), in backlog order.
            fn stories_in / storiesIn (backlog: $crate::Json<pmkit::work::BacklogParts>, category: $crate::Name<pmkit::work::StatusCategory>) -> Vec<pmkit::work::Story> {
                pmkit::work::Backlog::try_from(backlog.0)
                    .map_err(|err| err.within("backlog"))
                    .map(|backlog| backlog.stories_in(*category).into_iter().cloned().collect())
            }
            /// A new backlog with story `id` moved to `rank` (1 = top); the argument is
            /// left untouched.
            fn move_story / moveStory (backlog: $crate::Json<pmkit::work::BacklogParts>, id: String, rank: u64) -> pmkit::work::Backlog {
                pmkit::work::Backlog::try_from(backlog.0).map_err(|err| err.within("backlog")).and_then(|mut backlog| {
                    let rank = usize::try_from(rank)
                        .map_err(|_| pmkit::Error::out_of_range("rank", "is too large"))?;
                    backlog.move_story(&id, rank)?;
                    Ok(backlog)
                })
            }
            /// A new backlog without story `id`; the argument is left untouched.
            fn remove_story / removeStory (backlog: $crate::Json<pmkit::work::BacklogParts>, id: String) -> pmkit::work::Backlog {
                pmkit::work::Backlog::try_from(backlog.0).map_err(|err| err.within("backlog")).and_then(|mut backlog| {
                    backlog.remove_story(&id)?;
                    Ok(backlog)
                })
            }
            /// The sample checkout backlog that `make demo` reports on.
            fn sample_backlog / sampleBacklog () -> pmkit::work::Backlog {
                Ok(pmkit::work::sample_backlog())
            }
            /// The story as a Connextra sentence: "As a <persona>, I want <goal>, so that <benefit>".
            fn to_connextra / toConnextra (story: $crate::Json<pmkit::work::Story>) -> String {
                story.to_connextra().map_err(|err| err.within("story"))
            }
            /// The INVEST findings of a story: each broken rule with its severity and a
            /// message. `rules` picks the story rules to check (all by default); `context`
            /// gives the team's velocity, size limit and resolved items.
            fn invest_findings / investFindings (story: $crate::Json<pmkit::work::Story>; options: pmkit::work::InvestOptions) -> Vec<pmkit::work::Finding> {
                pmkit::work::invest_findings(&story, &options.context.unwrap_or_default(), &options.rules)
            }
            /// Whether a story passes a Definition of Ready: `definition_of_ready` names the
            /// story rules that must hold ("missing_acceptance_criteria", "unestimated" ...).
            fn is_ready / isReady (story: $crate::Json<pmkit::work::Story>, definition_of_ready: $crate::Json<Vec<String>>; options: pmkit::work::ReadyOptions) -> bool {
                definition_of_ready
                    .iter()
                    .enumerate()
                    .map(|(index, text)| pmkit::work::Rule::parse(&format!("definition_of_ready[{index}]"), text))
                    .collect::<pmkit::Result<Vec<_>>>()
                    .and_then(|rules| pmkit::work::is_ready(&story, &rules, &options.context.unwrap_or_default()))
            }
            /// The backlog as JSON text, byte for byte what Rust, Python and JavaScript write.
            fn backlog_to_json / backlogToJson (backlog: $crate::Json<pmkit::work::BacklogParts>) -> String {
                pmkit::work::Backlog::try_from(backlog.0).map_err(|err| err.within("backlog")).map(|backlog| backlog.to_json())
            }
            /// The open stories ranked by a `framework` ("rice", "ice", "wsjf",
            /// "value_effort", "moscow"), highest score first; ties keep backlog order.
            fn rank_backlog / rankBacklog (backlog: $crate::Json<pmkit::work::BacklogParts>, framework: $crate::Name<pmkit::work::Framework>; options: pmkit::work::VariantOptions) -> Vec<pmkit::work::RankedStory> {
                pmkit::work::Backlog::try_from(backlog.0)
                    .map_err(|err| err.within("backlog"))
                    .and_then(|backlog| backlog.rank(*framework, options.of(*framework)?))
            }
            /// Stories, points and unestimated stories per status category (cancelled is
            /// never done).
            fn point_totals / pointTotals (backlog: $crate::Json<pmkit::work::BacklogParts>; options: pmkit::work::UnestimatedOptions) -> pmkit::work::PointTotals {
                pmkit::work::Backlog::try_from(backlog.0).map_err(|err| err.within("backlog")).and_then(|backlog| Ok(backlog.point_totals(options.policy()?)))
            }
            /// The MoSCoW breakdown of the backlog's open stories, with the must-have share
            /// of the effort and a finding when it passes 60 %.
            fn moscow_summary / moscowSummary (backlog: $crate::Json<pmkit::work::BacklogParts>; options: pmkit::work::UnestimatedOptions) -> pmkit::work::MoscowSummary {
                pmkit::work::Backlog::try_from(backlog.0).map_err(|err| err.within("backlog")).and_then(|backlog| Ok(backlog.moscow_summary(options.policy()?)))
            }
            /// The health report of a backlog on `today`: completion rate over the last
            /// `period_days`, the share of open stories that are ready, estimated and
            /// not blocked, their ages, the must-have share and findings.
            fn backlog_health / backlogHealth (backlog: $crate::Json<pmkit::work::BacklogParts>, today: chrono::NaiveDate; options: pmkit::work::HealthOptions) -> pmkit::work::BacklogHealth {
                pmkit::work::Backlog::try_from(backlog.0)
                    .map_err(|err| err.within("backlog"))
                    .and_then(|backlog| pmkit::work::backlog_health(&backlog, today, &options))
            }
            /// A ready-made estimate scale: "fibonacci", "modified_fibonacci" (the
            /// default), "powers_of_two", "linear" or "t_shirt".
            fn estimate_scale / estimateScale (; options: pmkit::work::ScaleOptions) -> pmkit::work::EstimateScale {
                Ok(pmkit::work::EstimateScale::preset(options.preset))
            }
            /// The card of `scale` whose weight is `points`.
            fn estimate_card / estimateCard (scale: $crate::Json<pmkit::work::ScaleParts>, points: f64) -> pmkit::work::Card {
                pmkit::work::EstimateScale::try_from(scale.0)
                    .map_err(|err| err.within("scale"))
                    .and_then(|scale| scale.card("points", points).cloned())
            }
            /// The points of the card named `label` on `scale` ("½", "1/2", "M", "8"),
            /// or null/None for a card without a weight ("?").
            fn estimate_points / estimatePoints (scale: $crate::Json<pmkit::work::ScaleParts>, label: String) -> Option<f64> {
                pmkit::work::EstimateScale::try_from(scale.0)
                    .map_err(|err| err.within("scale"))
                    .and_then(|scale| scale.points("label", &label))
            }
            /// RICE score: `reach` × `impact` × `confidence` / `effort`. The "intercom"
            /// variant (the default) holds impact to 3 / 2 / 1 / 0.5 / 0.25 and
            /// confidence to 1 / 0.8 / 0.5; "unrestricted" takes any impact ≥ 0 and
            /// confidence in 0..=1.
            fn rice_score / riceScore (reach: f64, impact: f64, confidence: f64, effort: f64; options: pmkit::work::VariantOptions) -> pmkit::work::Score {
                let inputs = pmkit::work::RiceInputs { reach, impact, confidence, effort };
                options.of(pmkit::work::Framework::Rice).and_then(|variant| pmkit::work::rice_score(&inputs, variant))
            }
            /// ICE score of `impact`, `confidence` and `ease` on 1..=10: their product
            /// (variant "product", the default) or their mean ("mean").
            fn ice_score / iceScore (impact: f64, confidence: f64, ease: f64; options: pmkit::work::VariantOptions) -> pmkit::work::Score {
                let inputs = pmkit::work::IceInputs { impact, confidence, ease };
                options.of(pmkit::work::Framework::Ice).and_then(|variant| pmkit::work::ice_score(&inputs, variant))
            }
            /// Weighted shortest job first: (`user_business_value` + `time_criticality` +
            /// `risk_reduction`) / `job_size`; variant "unrestricted" (the default) or
            /// "modified_fibonacci" (every input a card of that deck).
            fn wsjf_score / wsjfScore (user_business_value: f64, time_criticality: f64, risk_reduction: f64, job_size: f64; options: pmkit::work::VariantOptions) -> pmkit::work::Score {
                let inputs = pmkit::work::WsjfInputs { user_business_value, time_criticality, risk_reduction, job_size };
                options.of(pmkit::work::Framework::Wsjf).and_then(|variant| pmkit::work::wsjf_score(&inputs, variant))
            }
            /// Value / effort score: `value` / `effort`.
            fn value_effort_score / valueEffortScore (value: f64, effort: f64) -> pmkit::work::Score {
                pmkit::work::value_effort_score(&pmkit::work::ValueEffortInputs { value, effort })
            }
            /// The value / effort quadrant: "quick_win" (value ≥ `value_threshold`, effort
            /// below `effort_threshold`), "big_bet", "fill_in" or "money_pit".
            fn value_effort_quadrant / valueEffortQuadrant (value: f64, effort: f64, value_threshold: f64, effort_threshold: f64) -> pmkit::work::Quadrant {
                pmkit::work::value_effort_quadrant(value, effort, value_threshold, effort_threshold)
            }
            /// A MoSCoW `category` ("must", "should", "could", "won't") as a score: 3, 2, 1, 0.
            fn moscow_score / moscowScore (category: $crate::Name<pmkit::work::Moscow>) -> pmkit::work::Score {
                Ok(pmkit::work::moscow_score(*category))
            }
            /// The Kano category of one respondent's `functional` and `dysfunctional`
            /// answers ("like", "must_be", "neutral", "live_with", "dislike").
            fn kano_category / kanoCategory (functional: $crate::Name<pmkit::work::KanoAnswer>, dysfunctional: $crate::Name<pmkit::work::KanoAnswer>) -> pmkit::work::KanoCategory {
                Ok(pmkit::work::kano_category(*functional, *dysfunctional))
            }
            /// Kano category counts over many respondents (`functional[i]` and
            /// `dysfunctional[i]` are respondent i's answers), the feature's category,
            /// and the better and worse coefficients.
            fn kano_summary / kanoSummary (functional: $crate::Json<Vec<String>>, dysfunctional: $crate::Json<Vec<String>>) -> pmkit::work::KanoSummary {
                let answers = |name: &str, texts: &[String]| {
                    texts
                        .iter()
                        .enumerate()
                        .map(|(index, text)| pmkit::work::KanoAnswer::parse(&format!("{name}[{index}]"), text))
                        .collect::<pmkit::Result<Vec<_>>>()
                };
                answers("functional", &functional).and_then(|functional| {
                    answers("dysfunctional", &dysfunctional)
                        .and_then(|dysfunctional| pmkit::work::kano_summary(&functional, &dysfunctional))
                })
            }
        }
    };
}
