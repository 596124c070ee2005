//! The sample product file: every bundled sample in one document.

use chrono::NaiveDate;

use super::file::{FlowData, ProductFile};
use crate::flow::{sample_items, sample_today, sample_workflow};
use crate::metrics::DEFAULT_VELOCITY_WINDOW;
use crate::roadmap::sample_roadmap;
use crate::scorecard::{
    sample_snapshot, BacklogProgress, ProductSnapshot, SprintProgress, Velocity,
};
use crate::sprint::{sample_sprint, sample_sprint_history, sprint_report, CountBy, SprintOutcome};
use crate::work::{sample_backlog, Backlog, UnestimatedPolicy};

/// The sample product's name (the roadmap's product).
const PRODUCT: &str = "Checkout";

/// The sample product file the dashboard's "Load sample" shows: the checkout product
/// as of 31 March 2026, assembled from the bundled samples —
/// [`sample_snapshot`] (the KPI inputs; its velocity, backlog progress and sprint
/// burndown inputs taken from the detail below, so the KPI cards and the delivery
/// numbers tell one story), [`sample_sprint`] (sprint 12),
/// [`sample_sprint_history`] (sprints 8–12), the flow board ([`sample_workflow`],
/// [`sample_items`], read on [`sample_today`]), [`sample_roadmap`] and
/// [`sample_backlog`]. `bindings-wasm/www/sample-product.json` is this file's JSON,
/// checked by a test.
///
/// ```
/// let file = pmkit::dashboard::sample_product_file();
/// assert_eq!(file.product, "Checkout");
/// assert_eq!(file.sprint_history.as_ref().map(Vec::len), Some(5));
/// assert_eq!(file.flow.as_ref().map(|flow| flow.items.len()), Some(120));
/// ```
pub fn sample_product_file() -> ProductFile {
    let history = sample_sprint_history();
    let backlog = sample_backlog();
    ProductFile {
        product: PRODUCT.to_owned(),
        // A valid date; the fallback is never taken.
        today: NaiveDate::from_ymd_opt(2026, 3, 31),
        snapshot: Some(coherent_snapshot(&history, &backlog)),
        sprint: Some(sample_sprint()),
        sprint_history: Some(history),
        flow: Some(FlowData {
            workflow: sample_workflow(),
            items: sample_items(),
            today: sample_today(),
        }),
        roadmap: Some(sample_roadmap()),
        backlog: Some(backlog),
    }
}

/// The bundled KPI snapshot, renamed for the checkout product, with the delivery
/// inputs the file also holds in detail computed from that detail: velocity from the
/// sprint history, backlog progress from the backlog (done stories of done and open
/// ones), and the sprint burndown from sprint 12's working days.
fn coherent_snapshot(history: &[SprintOutcome], backlog: &Backlog) -> ProductSnapshot {
    let mut snapshot = sample_snapshot();
    snapshot.product = PRODUCT.to_owned();
    if let Some(adoption) = snapshot.adoption.as_mut() {
        adoption.feature = "saved-card checkout".to_owned();
    }
    snapshot.velocity = Some(Velocity {
        completed_points: history
            .iter()
            .map(|sprint| sprint.completed_points)
            .collect(),
        window: DEFAULT_VELOCITY_WINDOW,
    });
    let totals = backlog.point_totals(UnestimatedPolicy::Exclude);
    let done = totals.done.stories as f64;
    let open = (totals.to_do.stories + totals.in_progress.stories) as f64;
    snapshot.backlog = Some(BacklogProgress {
        completed: done,
        planned: done + open,
    });
    // The bundled sprint is valid, so the report exists; were it not, the snapshot
    // would keep its own burndown inputs.
    if let Ok(report) = sprint_report(&sample_sprint(), CountBy::Points) {
        let remaining_points = report
            .remaining
            .iter()
            .zip(&report.working)
            .filter(|(_, &working)| working)
            .map(|(&remaining, _)| remaining)
            .collect();
        snapshot.sprint = Some(SprintProgress {
            committed_points: report.committed.points,
            remaining_points,
            sprint_days: report.working_days,
        });
    }
    snapshot
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed JSON of the sample, which the browser page offers for download.
    const COMMITTED: &str = "../bindings-wasm/www/sample-product.json";

    #[test]
    fn sample_round_trips() {
        let file = sample_product_file();
        assert_eq!(ProductFile::from_json(&file.to_json()).unwrap(), file);
    }

    #[test]
    fn committed_sample_json_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(COMMITTED);
        let want = format!("{}\n", sample_product_file().to_json());
        if std::env::var_os("PMKIT_BLESS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{} is not sample_product_file().to_json(); regenerate it with \
             `PMKIT_BLESS=1 cargo test -p pmkit-core --lib dashboard`",
            path.display()
        );
    }
}
