//! Dispatch for the backlog module (`pmkit::work`). Structured arguments (stories,
//! backlogs, scales) arrive in their JSON form and are read as the bindings read them:
//! a shape error is `invalid_input` on the parameter, a broken invariant is the core's
//! error prefixed with the parameter (`backlog.stories[1].id`).

use super::*;
use pmkit::work::{
    self as w, Backlog, BacklogParts, EstimateScale, Framework, KanoAnswer, Rule, ScaleParts,
    Story, UnestimatedPolicy,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A JSON-form argument; a shape error names the parameter.
fn data<T: DeserializeOwned>(args: &Value, name: &str) -> pmkit::Result<T> {
    pmkit::json::from_value(name, opt(args, name).cloned().unwrap_or(Value::Null))
}

fn backlog(args: &Value) -> pmkit::Result<Backlog> {
    let parts: BacklogParts = data(args, "backlog")?;
    Backlog::try_from(parts).map_err(|err| err.within("backlog"))
}

fn story(args: &Value) -> pmkit::Result<Story> {
    data(args, "story")
}

fn scale(args: &Value, name: &str) -> pmkit::Result<Option<EstimateScale>> {
    if opt(args, name).is_none() {
        return Ok(None);
    }
    let parts: ScaleParts = data(args, name)?;
    EstimateScale::try_from(parts)
        .map(Some)
        .map_err(|err| err.within(name))
}

fn rules(args: &Value, name: &str) -> pmkit::Result<Option<Vec<Rule>>> {
    let Some(list) = opt(args, name) else {
        return Ok(None);
    };
    let names: Vec<String> = serde_json::from_value(list.clone()).expect("list of rule names");
    names
        .iter()
        .enumerate()
        .map(|(index, text)| Rule::parse(&format!("{name}[{index}]"), text))
        .collect::<pmkit::Result<Vec<_>>>()
        .map(Some)
}

fn answers(args: &Value, name: &str) -> pmkit::Result<Vec<KanoAnswer>> {
    let texts: Vec<String> =
        serde_json::from_value(opt(args, name).cloned().expect("list")).expect("strings");
    texts
        .iter()
        .enumerate()
        .map(|(index, text)| KanoAnswer::parse(&format!("{name}[{index}]"), text))
        .collect()
}

/// The `unestimated_weight` option (`UnestimatedOptions`) of a described backlog total.
fn unestimated(args: &Value) -> pmkit::Result<UnestimatedPolicy> {
    options_arg::<w::UnestimatedOptions>(args, &["backlog"])?.policy()
}

fn rank_arg(args: &Value, name: &str) -> pmkit::Result<usize> {
    pmkit::input::count(name, f64_arg(args, name)).map(|rank| rank as usize)
}

/// The `variant` option of a described score (`VariantOptions`), read as the bindings read it.
fn variant_option(
    args: &Value,
    positional: &[&str],
    framework: Framework,
) -> pmkit::Result<w::Variant> {
    options_arg::<w::VariantOptions>(args, positional).and_then(|options| options.of(framework))
}

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    Some(match function {
        "parse_story" => json(Story::parse(str_arg(args, "id"), str_arg(args, "text"))),
        "to_connextra" => json(
            story(args).and_then(|story| story.to_connextra().map_err(|err| err.within("story"))),
        ),
        "parse_acceptance_criteria" => json(w::parse_acceptance_criteria(str_arg(args, "text"))),
        "estimate_scale" => json(
            options_arg::<w::ScaleOptions>(args, &[])
                .map(|options| EstimateScale::preset(options.preset)),
        ),
        "estimate_points" => json(scale(args, "scale").and_then(|scale| {
            scale
                .expect("scale")
                .points("label", str_arg(args, "label"))
        })),
        "estimate_card" => json(scale(args, "scale").and_then(|scale| {
            scale
                .expect("scale")
                .card("points", f64_arg(args, "points"))
                .cloned()
        })),
        "invest_findings" => json((|| {
            let story = story(args)?;
            let options: w::InvestOptions = options_arg(args, &["story"])?;
            w::invest_findings(&story, &options.context.unwrap_or_default(), &options.rules)
        })()),
        "is_ready" => json((|| {
            let story = story(args)?;
            let definition = rules(args, "definition_of_ready")?.unwrap_or_default();
            let options: w::ReadyOptions = options_arg(args, &["story", "definition_of_ready"])?;
            w::is_ready(&story, &definition, &options.context.unwrap_or_default())
        })()),
        "rice_score" => json(
            variant_option(
                args,
                &["reach", "impact", "confidence", "effort"],
                Framework::Rice,
            )
            .and_then(|variant| {
                let inputs = w::RiceInputs {
                    reach: f64_arg(args, "reach"),
                    impact: f64_arg(args, "impact"),
                    confidence: f64_arg(args, "confidence"),
                    effort: f64_arg(args, "effort"),
                };
                w::rice_score(&inputs, variant)
            }),
        ),
        "ice_score" => json(
            variant_option(args, &["impact", "confidence", "ease"], Framework::Ice).and_then(
                |variant| {
                    let inputs = w::IceInputs {
                        impact: f64_arg(args, "impact"),
                        confidence: f64_arg(args, "confidence"),
                        ease: f64_arg(args, "ease"),
                    };
                    w::ice_score(&inputs, variant)
                },
            ),
        ),
        "wsjf_score" => json(
            variant_option(
                args,
                &[
                    "user_business_value",
                    "time_criticality",
                    "risk_reduction",
                    "job_size",
                ],
                Framework::Wsjf,
            )
            .and_then(|variant| {
                let inputs = w::WsjfInputs {
                    user_business_value: f64_arg(args, "user_business_value"),
                    time_criticality: f64_arg(args, "time_criticality"),
                    risk_reduction: f64_arg(args, "risk_reduction"),
                    job_size: f64_arg(args, "job_size"),
                };
                w::wsjf_score(&inputs, variant)
            }),
        ),
        "value_effort_score" => json(w::value_effort_score(&w::ValueEffortInputs {
            value: f64_arg(args, "value"),
            effort: f64_arg(args, "effort"),
        })),
        "value_effort_quadrant" => json(w::value_effort_quadrant(
            f64_arg(args, "value"),
            f64_arg(args, "effort"),
            f64_arg(args, "value_threshold"),
            f64_arg(args, "effort_threshold"),
        )),
        "moscow_score" => {
            json(w::Moscow::parse("category", str_arg(args, "category")).map(w::moscow_score))
        }
        "moscow_summary" => {
            json(backlog(args).and_then(|backlog| Ok(backlog.moscow_summary(unestimated(args)?))))
        }
        "kano_category" => json((|| {
            let functional = KanoAnswer::parse("functional", str_arg(args, "functional"))?;
            let dysfunctional = KanoAnswer::parse("dysfunctional", str_arg(args, "dysfunctional"))?;
            Ok(w::kano_category(functional, dysfunctional))
        })()),
        "kano_summary" => json((|| {
            w::kano_summary(
                &answers(args, "functional")?,
                &answers(args, "dysfunctional")?,
            )
        })()),
        "rank_backlog" => json((|| {
            let backlog = backlog(args)?;
            let framework = Framework::parse("framework", str_arg(args, "framework"))?;
            let options: w::VariantOptions = options_arg(args, &["backlog", "framework"])?;
            backlog.rank(framework, options.of(framework)?)
        })()),
        "point_totals" => {
            json(backlog(args).and_then(|backlog| Ok(backlog.point_totals(unestimated(args)?))))
        }
        "stories_in" => json((|| {
            let backlog = backlog(args)?;
            let category = w::StatusCategory::parse("category", str_arg(args, "category"))?;
            Ok(backlog
                .stories_in(category)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>())
        })()),
        "move_story" => json((|| {
            let mut backlog = backlog(args)?;
            backlog.move_story(str_arg(args, "id"), rank_arg(args, "rank")?)?;
            Ok(backlog)
        })()),
        "insert_story" => json((|| {
            let mut backlog = backlog(args)?;
            let story = story(args)?;
            let rank = match opt(args, "rank") {
                Some(_) => rank_arg(args, "rank")?,
                None => backlog.len() + 1,
            };
            backlog.insert_story(story, rank)?;
            Ok(backlog)
        })()),
        "remove_story" => json((|| {
            let mut backlog = backlog(args)?;
            backlog.remove_story(str_arg(args, "id"))?;
            Ok(backlog)
        })()),
        "new_backlog" => json((|| {
            let stories: Vec<Story> = data(args, "stories")?;
            Backlog::new(stories, scale(args, "scale")?)
        })()),
        "backlog_from_json" => json(Backlog::from_json(str_arg(args, "text"))),
        "backlog_to_json" => json(backlog(args).map(|backlog| backlog.to_json())),
        "backlog_health" => json((|| {
            let backlog = backlog(args)?;
            let today = pmkit::input::date("today", str_arg(args, "today"))?;
            let options: w::HealthOptions = options_arg(args, &["backlog", "today"])?;
            w::backlog_health(&backlog, today, &options)
        })()),
        "import_jira_csv" => json((|| {
            let statuses: std::collections::BTreeMap<String, String> = data(args, "statuses")?;
            let statuses = w::StatusMap::from_names(statuses)?;
            let options: pmkit::tracker::JiraCsvImportOptions =
                options_arg(args, &["source", "statuses"])?;
            pmkit::tracker::import_jira_csv(str_arg(args, "source"), &statuses, &options)
        })()),
        "import_jira_json" => json((|| {
            // Read as the bindings read it: the pages as JSON text.
            let text = opt(args, "pages").map(Value::to_string).unwrap_or_default();
            let pages = pmkit::tracker::JiraPages::from_text(&text)?;
            let options: pmkit::tracker::JiraJsonImportOptions = options_arg(args, &["pages"])?;
            pmkit::tracker::import_jira_json(&pages, &options)
        })()),
        "import_linear_csv" => json((|| {
            let options: pmkit::tracker::LinearCsvImportOptions = options_arg(args, &["source"])?;
            pmkit::tracker::import_linear_csv(str_arg(args, "source"), &options)
        })()),
        "import_github_issues" => json((|| {
            // Read as the bindings read it: the issues as JSON text.
            let text = opt(args, "issues")
                .map(Value::to_string)
                .unwrap_or_default();
            let issues = pmkit::tracker::GithubIssues::from_text(&text)?;
            let options: pmkit::tracker::GithubImportOptions = options_arg(args, &["issues"])?;
            pmkit::tracker::import_github_issues(&issues, &options)
        })()),
        "sample_backlog" => json(Ok(w::sample_backlog())),
        _ => return None,
    })
}
