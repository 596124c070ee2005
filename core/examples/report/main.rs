//! `make demo`: a readable report on a sample product — the two role profiles side by
//! side, the source's worked example, and every KPI of both roles with its value, unit
//! and formula (with its 95 % interval where it has counts); then the delivery, flow and
//! analytics of the sample product, an experiment, a retention projection and MRR
//! movements, whose charts it writes as SVG files into `target/pmkit-demo/`.
//!
//! Run: `cargo run --release -p pmkit-core --example report [-- path/to/product.json]`.
//! Without a path it uses the bundled `sample_product.json`; a file must have the
//! same shape (a [`ProductSnapshot`] in JSON).

mod analytics;
mod charts;
mod delivery;
mod evidence;
mod flow;

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use pmkit::metrics::{MetricId, Unit};
use pmkit::roles::{
    product_manager_headcount, role_profile, salary_benchmark, worked_example, Role, RoleProfile,
};
use pmkit::scorecard::{scorecard, KpiReading, ProductSnapshot, Scorecard, SAMPLE_JSON};
use pmkit::work::{backlog_health, sample_backlog, Framework, HealthOptions};
const COLUMN: usize = 46;

/// `writeln!` into the report text; writing to a `String` cannot fail.
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {
        let _ = writeln!($out, $($arg)*);
    };
}
pub(crate) use outln;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("report: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let (origin, text) = match std::env::args().nth(1) {
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|err| format!("{path}: {err}"))?;
            (path, text)
        }
        None => ("bundled sample".to_owned(), SAMPLE_JSON.to_owned()),
    };
    let snapshot = ProductSnapshot::from_json(&text).map_err(|err| format!("{origin}: {err}"))?;
    let card = scorecard(&snapshot).map_err(|err| format!("{origin}: {err}"))?;

    let mut out = String::new();
    outln!(out, "pmkit report — {} ({origin})", card.product);
    outln!(out, "{}", "═".repeat(2 * COLUMN + 20));
    print_roles(&mut out);
    print_worked_example(&mut out);
    print_kpis(&mut out, &card);
    print_backlog(&mut out).map_err(|err| format!("sample backlog: {err}"))?;
    delivery::print_sprint(&mut out).map_err(|err| format!("sample sprint: {err}"))?;
    delivery::print_roadmap(&mut out).map_err(|err| format!("sample roadmap: {err}"))?;
    flow::print_flow(&mut out).map_err(|err| format!("sample board: {err}"))?;
    analytics::print_analytics(&mut out).map_err(|err| format!("sample events: {err}"))?;
    evidence::print_evidence(&mut out).map_err(|err| format!("sample evidence: {err}"))?;
    charts::write_charts(&mut out, &charts::output_dir())?;
    // One write, and a closed pipe (`make demo | head`) is not an error.
    match std::io::stdout().write_all(out.as_bytes()) {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(err.to_string()),
        _ => Ok(()),
    }
}

/// The two profiles side by side, row by row.
fn print_roles(out: &mut String) {
    let manager = role_profile(Role::ProductManager);
    let owner = role_profile(Role::ProductOwner);
    heading(out, "The two roles");
    row(
        out,
        "",
        std::slice::from_ref(&manager.title),
        std::slice::from_ref(&owner.title),
    );
    row(
        out,
        "horizon",
        &[manager.horizon.as_str().into()],
        &[owner.horizon.as_str().into()],
    );
    row(
        out,
        "focus",
        std::slice::from_ref(&manager.focus),
        std::slice::from_ref(&owner.focus),
    );
    let labels = |profile: &RoleProfile, pick: fn(&RoleProfile) -> Vec<String>| pick(profile);
    row(
        out,
        "responsibilities",
        &labels(&manager, |p| {
            p.responsibilities.iter().map(|r| r.label.clone()).collect()
        }),
        &labels(&owner, |p| {
            p.responsibilities.iter().map(|r| r.label.clone()).collect()
        }),
    );
    row(
        out,
        "skills",
        &labels(&manager, |p| {
            p.skills.iter().map(|s| s.label.clone()).collect()
        }),
        &labels(&owner, |p| {
            p.skills.iter().map(|s| s.label.clone()).collect()
        }),
    );
    row(
        out,
        "judged by",
        &labels(&manager, |p| {
            p.kpis.iter().map(|k| k.label.clone()).collect()
        }),
        &labels(&owner, |p| p.kpis.iter().map(|k| k.label.clone()).collect()),
    );
    let salary = |role: Role| {
        let b = salary_benchmark(role);
        vec![format!(
            "{} {:.0} average ({:.0} – {:.0}), {}, {}",
            b.currency, b.average, b.low, b.high, b.country, b.source
        )]
    };
    row(
        out,
        "salary",
        &salary(Role::ProductManager),
        &salary(Role::ProductOwner),
    );
    let headcount = product_manager_headcount();
    outln!(
        out,
        "\n  More than {} product managers work in the {} ({}).",
        headcount.at_least,
        headcount.country,
        headcount.source
    );
}

/// The source's worked example: who does what when a CRM adds AI features.
fn print_worked_example(out: &mut String) {
    let example = worked_example();
    heading(out, &format!("Worked example — {}", example.product));
    outln!(out, "  {}", example.initiative);
    for role in Role::ALL {
        outln!(out, "\n  {}:", role_profile(role).title);
        for activity in example.activities_of(role) {
            outln!(
                out,
                "    • {} [{}, {}]",
                activity.description,
                activity.kind.as_str(),
                activity.owner.horizon.as_str()
            );
        }
    }
}

/// Every KPI, grouped by the role judged by it.
fn print_kpis(out: &mut String, card: &Scorecard) {
    for role in Role::ALL {
        heading(
            out,
            &format!(
                "KPIs of the {} — {}",
                role_profile(role).title.to_lowercase(),
                card.product
            ),
        );
        for reading in card.for_role(role) {
            print_reading(out, reading, &card.currency);
        }
    }
    if !card.missing.is_empty() {
        let names: Vec<&str> = card.missing.iter().map(|id| id.as_str()).collect();
        outln!(out, "\n  No inputs for: {}", names.join(", "));
    }
    // A reminder that the two roles share some metrics (they appear under both).
    let shared: Vec<&str> = MetricId::ALL
        .iter()
        .filter(|id| id.info().owners.len() > 1)
        .map(|id| id.as_str())
        .collect();
    if !shared.is_empty() {
        outln!(out, "\n  Shared by both roles: {}", shared.join(", "));
    }
}

/// The product owner's backlog: a WSJF ranking and the health report.
fn print_backlog(out: &mut String) -> pmkit::Result<()> {
    let backlog = sample_backlog();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap_or_default();
    heading(out, "Backlog — ranked by WSJF (cost of delay / job size)");
    for ranked in backlog.rank(Framework::Wsjf, Framework::Wsjf.default_variant())? {
        outln!(
            out,
            "  {:>2}. {:<8} {:<34} WSJF {:>5.2}",
            ranked.rank,
            ranked.id,
            ranked.title,
            ranked.score.score
        );
    }
    let health = backlog_health(&backlog, today, &HealthOptions::default())?;
    let share =
        |value: Option<f64>| value.map_or("n/a".to_owned(), |v| format!("{:.1} %", v * 100.0));
    heading(out, &format!("Backlog health on {today}"));
    outln!(out, "  stories {} (open {}), completed in period {}, cancelled in period {} (never counted as done)",
        health.stories, health.open, health.completed_in_period, health.cancelled_in_period);
    outln!(
        out,
        "  completion rate {}, ready {}, unestimated {}, must-have effort {}",
        share(health.completion_rate),
        share(health.ready_share),
        share(health.unestimated_share),
        share(health.must_have_share)
    );
    outln!(
        out,
        "  open-item age: median {} days, oldest {} days ({})",
        health
            .median_open_age_days
            .map_or("n/a".to_owned(), |d| format!("{d:.1}")),
        health
            .oldest_open_age_days
            .map_or("n/a".to_owned(), |d| d.to_string()),
        health.oldest_open_id.as_deref().unwrap_or("-")
    );
    outln!(
        out,
        "  blocked: {}",
        if health.blocked.is_empty() {
            "none".to_owned()
        } else {
            health.blocked.join(", ")
        }
    );
    for finding in &health.findings {
        outln!(out, "  finding: {}", finding.message);
    }
    Ok(())
}

fn print_reading(out: &mut String, reading: &KpiReading, currency: &str) {
    let value = match reading.unit {
        Unit::Fraction => format!("{:.4}  ({:.1} %)", reading.value, reading.value * 100.0),
        Unit::Money | Unit::MoneyPerMonth | Unit::MoneyPerUser => {
            format!("{:.2} {currency}", reading.value)
        }
        _ => format!("{:.2}", reading.value),
    };
    outln!(
        out,
        "\n  {:<34} {:<28} [{}]",
        reading.name,
        value,
        reading.unit.as_str()
    );
    for line in wrap(&format!("= {}", reading.formula), 2 * COLUMN) {
        outln!(out, "      {line}");
    }
    if let Some(note) = &reading.note {
        outln!(out, "      ({note})");
    }
    if let Some(interval) = &reading.interval {
        let bound = |value: f64| match reading.unit {
            Unit::Fraction => format!("{:.1} %", value * 100.0),
            _ => format!("{value:.1}"),
        };
        outln!(
            out,
            "      {:.0} % interval {} – {} ({})",
            interval.level * 100.0,
            bound(interval.low),
            bound(interval.high),
            interval.method
        );
    }
}

pub(crate) fn heading(out: &mut String, title: &str) {
    outln!(out, "\n{title}");
    outln!(out, "{}", "─".repeat(title.chars().count()));
}

/// One labelled row of the side-by-side table: bullet lists wrapped into two columns.
fn row(out: &mut String, label: &str, left: &[String], right: &[String]) {
    let bullets = |items: &[String]| -> Vec<String> {
        let bullet = items.len() > 1;
        items
            .iter()
            .flat_map(|item| {
                let lines = wrap(item, COLUMN - 2);
                lines
                    .into_iter()
                    .enumerate()
                    .map(move |(index, line)| match (bullet, index) {
                        (true, 0) => format!("• {line}"),
                        (true, _) => format!("  {line}"),
                        (false, _) => line,
                    })
            })
            .collect()
    };
    let (left, right) = (bullets(left), bullets(right));
    for index in 0..left.len().max(right.len()) {
        let first = if index == 0 { label } else { "" };
        outln!(
            out,
            "  {:<16} {:<width$} │ {}",
            first,
            left.get(index).map_or("", String::as_str),
            right.get(index).map_or("", String::as_str),
            width = COLUMN
        );
    }
}

/// Greedy word wrap to `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
