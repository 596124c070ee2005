//! The delivery half of the report: the sample sprint's burndown and the sample
//! roadmap's progress, lifecycle and feasibility.

use std::fmt::Write as _;

use chrono::NaiveDate;
use pmkit::roadmap::{feasibility, remaining_epics, roadmap_progress, sample_roadmap};
use pmkit::sprint::{
    plan_capacity, sample_sprint, sample_sprint_history, sprint_report, velocity, CountBy,
};
use pmkit::work::sample_backlog;

use crate::{heading, outln};

/// Person-days the team has next sprint, for the capacity plan.
const NEXT_SPRINT_PERSON_DAYS: f64 = 36.0;

/// The sample sprint: day-by-day burndown and the commitment accounting.
pub fn print_sprint(out: &mut String) -> pmkit::Result<()> {
    let log = sample_sprint();
    let report = sprint_report(&log, CountBy::Points)?;
    heading(
        out,
        &format!(
            "Sprint {} — burndown in points (non-working days flat)",
            report.sprint_id
        ),
    );
    outln!(
        out,
        "  {:<12} {:<8} {:>6} {:>10} {:>6} {:>5}",
        "day",
        "",
        "ideal",
        "remaining",
        "scope",
        "done"
    );
    for index in 0..report.dates.len() {
        let value = |series: &[f64]| {
            series
                .get(index)
                .map_or("-".to_owned(), |v| format!("{v:.1}"))
        };
        outln!(
            out,
            "  {:<12} {:<8} {:>6} {:>10} {:>6} {:>5}",
            report
                .dates
                .get(index)
                .map_or(String::new(), NaiveDate::to_string),
            if report.working.get(index).copied().unwrap_or(false) {
                "working"
            } else {
                "off"
            },
            value(&report.ideal),
            value(&report.remaining),
            value(&report.scope),
            value(&report.done)
        );
    }
    let tally = |t: &pmkit::sprint::Tally| format!("{} pts / {} items", t.points, t.items);
    outln!(
        out,
        "  committed {}, completed {} ({} of them committed)",
        tally(&report.committed),
        tally(&report.completed),
        tally(&report.completed_committed)
    );
    outln!(
        out,
        "  added {}, removed {}, cancelled {} (never done), re-estimated {:+} pts",
        tally(&report.added),
        tally(&report.removed),
        tally(&report.cancelled),
        report.re_estimated.points
    );
    let carry: Vec<String> = report
        .carry_over
        .iter()
        .map(|c| format!("{} ({} pts)", c.id, c.points))
        .collect();
    outln!(
        out,
        "  carry-over: {}; say/do ratio {}",
        if carry.is_empty() {
            "none".to_owned()
        } else {
            carry.join(", ")
        },
        report
            .say_do_ratio
            .map_or("n/a".to_owned(), |r| format!("{r:.2}"))
    );

    let history = sample_sprint_history();
    let team = velocity(&history, &pmkit::metrics::VelocityOptions { window: 3 })?;
    let points = &team.points;
    outln!(
        out,
        "  velocity over {}: mean {:.1}, median {:.1}, sd {}, min {}, max {}, trend {}",
        team.sprint_ids.join(", "),
        points.mean,
        points.median,
        points
            .standard_deviation
            .map_or("n/a".to_owned(), |v| format!("{v:.2}")),
        points.min,
        points.max,
        points
            .trend
            .map_or("n/a".to_owned(), |v| format!("{v:+.1}/sprint"))
    );
    let plan = plan_capacity(
        &history,
        NEXT_SPRINT_PERSON_DAYS,
        &pmkit::metrics::VelocityOptions { window: 3 },
    )?;
    outln!(out, "  next sprint: {NEXT_SPRINT_PERSON_DAYS} person-days × focus factor {:.3} = {:.1} points to commit",
        plan.focus_factor, plan.points);
    Ok(())
}

/// The sample roadmap: validation, progress from the backlog, lifecycle, feasibility.
pub fn print_roadmap(out: &mut String) -> pmkit::Result<()> {
    let roadmap = sample_roadmap();
    let backlog = sample_backlog();
    heading(out, &format!("Roadmap — {}", roadmap.product));
    let validation = roadmap.validate()?;
    outln!(
        out,
        "  valid: {} ({} issues)",
        validation.valid,
        validation.issues.len()
    );
    if let Some(lifecycle) = &roadmap.lifecycle {
        outln!(
            out,
            "  lifecycle: {} since {}",
            lifecycle.stage(),
            lifecycle.since().map_or("-".to_owned(), |d| d.to_string())
        );
    }
    let progress = roadmap_progress(&roadmap, &backlog)?;
    for item in &progress.items {
        let p = &item.progress;
        if p.total_items == 0 {
            continue;
        }
        outln!(out, "  {:<10} {:<11} {:>5.1} of {:>5.1} points, {} of {} items done ({} cancelled, excluded)",
            item.id, item.level.as_str(), p.done_points, p.total_points, p.done_items, p.total_items, p.cancelled_items);
    }

    let epics = remaining_epics(&roadmap, &backlog)?;
    let history: Vec<f64> = sample_sprint_history()
        .iter()
        .map(|s| s.completed_points)
        .collect();
    let start = NaiveDate::from_ymd_opt(2026, 3, 16).unwrap_or_default();
    let plan = feasibility(
        &epics,
        &history,
        start,
        &pmkit::roadmap::FeasibilityOptions {
            sprint_length_days: 14,
            wip_limit: 2,
            window: 3,
        },
    )?;
    heading(
        out,
        &format!(
        "Feasibility — two-week sprints from {start}, at most 2 epics at once, mean velocity {:.1}",
        plan.mean_velocity
    ),
    );
    for epic in &plan.epics {
        outln!(
            out,
            "  {:<8} {:>5.1} pts left → sprint {}, {}; target {}{}",
            epic.id,
            epic.remaining_points,
            epic.finish_sprint.map_or("-".to_owned(), |s| s.to_string()),
            epic.finish_date
                .map_or("never".to_owned(), |d| d.to_string()),
            epic.target.map_or("none".to_owned(), |t| t.to_string()),
            if epic.misses_target {
                "  ✗ misses it"
            } else {
                ""
            }
        );
    }
    Ok(())
}
