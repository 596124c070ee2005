//! A small, realistic backlog for examples, docs and `make demo`.

use chrono::NaiveDate;

use super::backlog::Backlog;
use super::estimate::{EstimateScale, ScalePreset};
use super::gherkin::{Scenario, Step, StepKeyword};
use super::prioritize::{IceInputs, Moscow, Priority, RiceInputs, ValueEffortInputs, WsjfInputs};
use super::status::{Status, StatusCategory};
use super::story::{Link, LinkKind, Story};
use super::tracker_fields::TrackerFields;

/// Inputs of one sample story: (reach, impact, confidence, effort) for RICE,
/// (value, time, risk, size) for WSJF, (impact, confidence, ease) for ICE, (value, effort).
type Scores = ([f64; 4], [f64; 4], [f64; 3], [f64; 2]);

fn priority(moscow: Moscow, (rice, wsjf, ice, value_effort): Scores) -> Priority {
    let [reach, impact, confidence, effort] = rice;
    let [user_business_value, time_criticality, risk_reduction, job_size] = wsjf;
    let [ice_impact, ice_confidence, ease] = ice;
    let [value, ve_effort] = value_effort;
    Priority {
        moscow: Some(moscow),
        rice: Some(RiceInputs {
            reach,
            impact,
            confidence,
            effort,
        }),
        ice: Some(IceInputs {
            impact: ice_impact,
            confidence: ice_confidence,
            ease,
        }),
        wsjf: Some(WsjfInputs {
            user_business_value,
            time_criticality,
            risk_reduction,
            job_size,
        }),
        value_effort: Some(ValueEffortInputs {
            value,
            effort: ve_effort,
        }),
    }
}

fn day(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn scenario(name: &str, steps: &[(StepKeyword, &str)]) -> Vec<Scenario> {
    vec![Scenario {
        name: name.to_owned(),
        steps: steps
            .iter()
            .map(|&(keyword, text)| Step {
                keyword,
                text: text.to_owned(),
            })
            .collect(),
    }]
}

/// A story with the Connextra parts filled in.
fn story(id: &str, title: &str, persona: &str, goal: &str, benefit: Option<&str>) -> Story {
    Story {
        id: id.to_owned(),
        title: title.to_owned(),
        persona: Some(persona.to_owned()),
        goal: Some(goal.to_owned()),
        benefit: benefit.map(str::to_owned),
        description: None,
        acceptance_criteria: Vec::new(),
        estimate: None,
        status: Status::default(),
        priority: Priority::default(),
        parent: Some("PAY-1".to_owned()),
        labels: vec!["checkout".to_owned()],
        issue_type: Some("Story".to_owned()),
        sprint: None,
        created: None,
        resolved: None,
        links: Vec::new(),
        tracker: TrackerFields::default(),
    }
}

/// A checkout team's backlog on the modified Fibonacci scale: six open stories with
/// RICE, ICE, WSJF, value / effort and MoSCoW inputs, three done and one cancelled,
/// dated January to March 2026. What `make demo` ranks and reports on (with
/// `today` = 2026-03-31).
///
/// ```
/// use pmkit::work::{backlog_health, sample_backlog, Framework, HealthOptions, StatusCategory};
///
/// let backlog = sample_backlog();
/// assert_eq!(backlog.len(), 10);
/// assert_eq!(backlog.stories_in(StatusCategory::Done).len(), 3);
///
/// // What the demo prints: the WSJF ranking and the health report.
/// for ranked in backlog.rank(Framework::Wsjf, Framework::Wsjf.default_variant())? {
///     println!("{:>2}. {:<8} {:<28} WSJF {:.2}", ranked.rank, ranked.id, ranked.title, ranked.score.score);
/// }
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap_or_default();
/// let health = backlog_health(&backlog, today, &HealthOptions::default())?;
/// println!("completion {:?}, ready {:?}, blocked {:?}", health.completion_rate, health.ready_share, health.blocked);
/// assert_eq!(health.completion_rate, Some(0.25));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn sample_backlog() -> Backlog {
    use StepKeyword::{And, Given, Then, When};
    let mut stories = Vec::new();

    let mut s = story(
        "PAY-101",
        "Pay with a saved card",
        "returning customer",
        "to pay with a saved card",
        Some("checkout takes one step"),
    );
    s.estimate = Some(5.0);
    s.priority = priority(
        Moscow::Must,
        (
            [2000.0, 2.0, 0.8, 2.0],
            [8.0, 8.0, 3.0, 5.0],
            [8.0, 8.0, 6.0],
            [8.0, 5.0],
        ),
    );
    s.acceptance_criteria = scenario(
        "pay with a saved card",
        &[
            (Given, "a customer with a saved card"),
            (When, "they check out"),
            (Then, "they are not asked for card details"),
            (And, "the order is paid"),
        ],
    );
    s.created = day(2026, 1, 10);
    s.links = vec![Link {
        kind: LinkKind::BlockedBy,
        id: "PAY-90".to_owned(),
    }];
    s.sprint = Some("Sprint 7".to_owned());
    stories.push(s);

    let mut s = story(
        "PAY-102",
        "Shipping costs in the cart",
        "shopper",
        "to see shipping costs before checkout",
        Some("I am not surprised at the end"),
    );
    s.estimate = Some(3.0);
    s.priority = priority(
        Moscow::Must,
        (
            [5000.0, 1.0, 1.0, 1.0],
            [5.0, 3.0, 2.0, 3.0],
            [6.0, 8.0, 9.0],
            [6.0, 3.0],
        ),
    );
    s.acceptance_criteria = scenario(
        "shipping shown in the cart",
        &[
            (Given, "a cart with items"),
            (When, "I open the cart"),
            (Then, "I see the shipping cost for my address"),
        ],
    );
    s.created = day(2026, 2, 1);
    stories.push(s);

    let mut s = story(
        "PAY-103",
        "Monthly refunds export",
        "finance analyst",
        "a monthly refunds export",
        Some("I can reconcile payouts"),
    );
    s.estimate = Some(8.0);
    s.status = Status {
        name: "In Review".to_owned(),
        category: StatusCategory::InProgress,
    };
    s.priority = priority(
        Moscow::Should,
        (
            [200.0, 2.0, 0.5, 3.0],
            [3.0, 2.0, 5.0, 8.0],
            [5.0, 6.0, 5.0],
            [5.0, 8.0],
        ),
    );
    s.acceptance_criteria = scenario(
        "export a month",
        &[
            (Given, "refunds in March"),
            (When, "I export March"),
            (Then, "I get one CSV row per refund"),
        ],
    );
    s.created = day(2026, 1, 5);
    s.links = vec![Link {
        kind: LinkKind::Blocks,
        id: "PAY-105".to_owned(),
    }];
    s.sprint = Some("Sprint 7".to_owned());
    stories.push(s);

    // Deliberately weak: vague goal, no benefit, no criteria, no estimate.
    let mut s = story(
        "PAY-104",
        "Coupon field",
        "shopper",
        "a fast and easy coupon field",
        None,
    );
    s.priority = priority(
        Moscow::Could,
        (
            [1000.0, 0.5, 0.5, 1.0],
            [2.0, 1.0, 1.0, 2.0],
            [4.0, 5.0, 8.0],
            [3.0, 2.0],
        ),
    );
    s.created = day(2026, 3, 10);
    stories.push(s);

    let mut s = story(
        "PAY-105",
        "Partial refunds",
        "support agent",
        "to refund part of an order",
        Some("customers keep the rest of it"),
    );
    s.estimate = Some(13.0);
    s.priority = priority(
        Moscow::Should,
        (
            [300.0, 1.0, 0.8, 4.0],
            [5.0, 5.0, 3.0, 13.0],
            [5.0, 5.0, 3.0],
            [5.0, 13.0],
        ),
    );
    s.acceptance_criteria = scenario(
        "partial refund",
        &[
            (Given, "a paid order of two items"),
            (When, "I refund one item"),
            (Then, "the customer is refunded for that item only"),
        ],
    );
    s.created = day(2026, 2, 15);
    s.links = vec![Link {
        kind: LinkKind::BlockedBy,
        id: "PAY-103".to_owned(),
    }];
    stories.push(s);

    let mut s = story(
        "PAY-106",
        "Apple Pay",
        "mobile user",
        "Apple Pay at checkout",
        Some("I pay without typing"),
    );
    s.estimate = Some(20.0);
    s.priority = priority(
        Moscow::Could,
        (
            [1500.0, 2.0, 0.5, 5.0],
            [8.0, 3.0, 2.0, 20.0],
            [7.0, 4.0, 3.0],
            [7.0, 20.0],
        ),
    );
    s.acceptance_criteria = scenario(
        "Apple Pay",
        &[
            (Given, "an iPhone with Apple Pay"),
            (When, "I choose Apple Pay"),
            (Then, "the order is paid after Face ID"),
        ],
    );
    s.created = day(2025, 12, 1);
    stories.push(s);

    let finished = [
        (
            "PAY-90",
            "Card tokenization",
            "tokenize cards with the payment provider",
            8.0,
            StatusCategory::Done,
            day(2026, 1, 2),
            day(2026, 3, 20),
        ),
        (
            "PAY-91",
            "Card form validation",
            "validate the card form as the customer types",
            3.0,
            StatusCategory::Done,
            day(2026, 1, 15),
            day(2026, 3, 5),
        ),
        (
            "PAY-80",
            "Checkout analytics",
            "send checkout analytics events",
            2.0,
            StatusCategory::Done,
            day(2025, 12, 10),
            day(2026, 2, 10),
        ),
        (
            "PAY-95",
            "Bank transfers",
            "pay by bank transfer",
            8.0,
            StatusCategory::Cancelled,
            day(2026, 1, 20),
            day(2026, 3, 12),
        ),
    ];
    for (id, title, goal, points, category, created, resolved) in finished {
        let mut s = story(id, title, "shopper", goal, None);
        s.estimate = Some(points);
        s.status = if category == StatusCategory::Cancelled {
            Status {
                name: "Won't Do".to_owned(),
                category,
            }
        } else {
            Status::of(category)
        };
        s.priority.moscow = Some(Moscow::Must);
        s.created = created;
        s.resolved = resolved;
        stories.push(s);
    }

    Backlog::trusted(
        stories,
        Some(EstimateScale::preset(ScalePreset::ModifiedFibonacci)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::work::{Framework, Variant};

    #[test]
    fn the_sample_is_valid() {
        let sample = sample_backlog();
        let checked = Backlog::new(sample.stories().to_vec(), sample.scale().cloned()).unwrap();
        assert_eq!(checked, sample);
    }

    #[test]
    fn the_sample_ranks_under_every_framework() {
        let sample = sample_backlog();
        for framework in Framework::ALL {
            for &variant in framework.variants() {
                assert_eq!(
                    sample.rank(*framework, variant).unwrap().len(),
                    6,
                    "{framework} {variant}"
                );
            }
        }
        let wsjf: Vec<String> = sample
            .rank(Framework::Wsjf, Variant::Unrestricted)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(
            wsjf,
            ["PAY-101", "PAY-102", "PAY-104", "PAY-103", "PAY-105", "PAY-106"]
        );
    }
}
