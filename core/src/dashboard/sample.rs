//! The sample product file: every bundled sample in one document.

use chrono::NaiveDate;

use super::file::{FlowData, ProductFile};
use crate::flow::{sample_items, sample_today, sample_workflow};
use crate::roadmap::sample_roadmap;
use crate::scorecard::sample_snapshot;
use crate::sprint::{sample_sprint, sample_sprint_history};
use crate::work::sample_backlog;

/// The sample product file the dashboard's "Load sample" shows: the checkout product
/// as of 31 March 2026, assembled from the bundled samples —
/// [`sample_snapshot`] (the KPI inputs), [`sample_sprint`] (sprint 12),
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
    ProductFile {
        product: "Checkout".to_owned(),
        // A valid date; the fallback is never taken.
        today: NaiveDate::from_ymd_opt(2026, 3, 31),
        snapshot: Some(sample_snapshot()),
        sprint: Some(sample_sprint()),
        sprint_history: Some(sample_sprint_history()),
        flow: Some(FlowData {
            workflow: sample_workflow(),
            items: sample_items(),
            today: sample_today(),
        }),
        roadmap: Some(sample_roadmap()),
        backlog: Some(sample_backlog()),
    }
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
             `PMKIT_BLESS=1 cargo test -p pmkit --lib dashboard`",
            path.display()
        );
    }
}
