//! The MRR waterfall: where each month's recurring revenue came from and went.

use super::super::frame::{Frame, LegendItem};
use super::super::scale::{month_label, number_label, BandScale, LinearScale};
use super::super::{Chart, ChartKind, ChartOptions};
use super::MrrMonth;

/// The most months the waterfall draws: 7 bars a month stay visible up to about ten
/// years at the widest chart; a longer ledger draws a note (chart a slice of it).
pub const MAX_WATERFALL_MONTHS: usize = 120;

/// Reads one amount of a month.
type Amount = fn(&MrrMonth) -> f64;

/// The seven steps of a month: (label, the amount, its sign: 0 a level, +1 a gain, −1 a loss).
const STEPS: [(&str, Amount, f64); 7] = [
    ("Start", |m| m.starting_mrr, 0.0),
    ("New", |m| m.new_mrr, 1.0),
    ("Expansion", |m| m.expansion_mrr, 1.0),
    ("Reactivation", |m| m.reactivation_mrr, 1.0),
    ("Contraction", |m| m.contraction_mrr, -1.0),
    ("Churned", |m| m.churned_mrr, -1.0),
    ("End", |m| m.ending_mrr, 0.0),
];

/// The MRR waterfall of [`mrr_movements`](crate::metrics::mrr_movements): per month, a
/// bar of the starting MRR, floating bars for new, expansion and reactivation MRR
/// (rising) and contraction and churned MRR (falling), and the ending MRR, so each
/// month reads left to right as start + gains − losses = end.
///
/// No months, more than [`MAX_WATERFALL_MONTHS`], or an amount that is negative or not
/// a finite number draws the frame with a note.
///
/// ```
/// use chrono::NaiveDate;
/// use pmkit::chart::{mrr_chart, ChartOptions};
/// use pmkit::metrics::mrr_movements;
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let months = mrr_movements(
///     &["a", "b", "a", "b", "c"].map(String::from),
///     &[day(1, 5), day(1, 9), day(2, 3), day(2, 20), day(2, 11)],
///     &[50.0, 30.0, 80.0, 0.0, 20.0],
/// )?;
/// let chart = mrr_chart(&months, &ChartOptions::default());
/// assert_eq!(chart.title, "MRR movements — Jan 2026 to Feb 2026");
/// assert!(chart.description.contains("Feb 2026: 80 + 20 new + 30 expansion"));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn mrr_chart(months: &[MrrMonth], options: &ChartOptions) -> Chart {
    let kind = ChartKind::MrrMovements;
    let title = match (months.first(), months.last()) {
        (Some(first), Some(last)) if months.len() > 1 => format!(
            "MRR movements — {} to {}",
            month_label(first.month),
            month_label(last.month)
        ),
        (Some(only), _) => format!("MRR movements — {}", month_label(only.month)),
        _ => "MRR movements".to_owned(),
    };
    let valid = |m: &MrrMonth| {
        STEPS
            .iter()
            .all(|(_, read, _)| read(m).is_finite() && read(m) >= 0.0)
    };
    let problem = if months.is_empty() {
        Some("No months to draw")
    } else if months.len() > MAX_WATERFALL_MONTHS {
        Some("More months than the waterfall draws (120)")
    } else if !months.iter().all(valid) {
        Some("An amount is negative or not a number")
    } else {
        None
    };
    if let Some(problem) = problem {
        let description = format!("{problem} ({} months).", months.len());
        return Frame::empty(kind, options, &title, &description, problem);
    }
    let words: Vec<String> = months
        .iter()
        .map(|m| {
            format!(
                "{}: {} + {} new + {} expansion + {} reactivation − {} contraction − {} churned = {}",
                month_label(m.month),
                number_label(m.starting_mrr),
                number_label(m.new_mrr),
                number_label(m.expansion_mrr),
                number_label(m.reactivation_mrr),
                number_label(m.contraction_mrr),
                number_label(m.churned_mrr),
                number_label(m.ending_mrr),
            )
        })
        .collect();
    let description = format!("{}.", words.join("; "));
    let palette = options.clamped().theme.palette();
    let colors = [
        palette.neutral,
        palette.series(0),
        palette.series(2),
        palette.series(5),
        palette.series(4),
        palette.series(1),
        palette.neutral,
    ];
    let legend: Vec<LegendItem> = [
        ("Start / end", 0),
        ("New", 1),
        ("Expansion", 2),
        ("Reactivation", 3),
        ("Contraction", 4),
        ("Churned", 5),
    ]
    .iter()
    .map(|&(label, index)| LegendItem::fill(label, colors[index]))
    .collect();
    let mut frame = Frame::new(kind, options, &title, &description, &legend);
    // The running level within a month never exceeds start + gains.
    let high = months
        .iter()
        .map(|m| {
            (m.starting_mrr + m.new_mrr + m.expansion_mrr + m.reactivation_mrr).max(m.ending_mrr)
        })
        .fold(0.0, f64::max);
    let y = LinearScale::new(0.0, high, frame.y_range(), frame.y_tick_target(), true);
    let bands = BandScale::new(months.len(), frame.x_range(), 0.15);
    frame.y_axis(&y, "MRR");
    let labels: Vec<String> = months.iter().map(|m| month_label(m.month)).collect();
    frame.x_axis_bands(&bands, &labels, "Month");
    let slot = bands.width() / STEPS.len() as f64;
    let gap = (slot * 0.15).min(2.0);
    for (index, month) in months.iter().enumerate() {
        frame.svg.group(&[]);
        frame.svg.element("title", &[], &words[index]);
        let mut level = 0.0;
        for (step, (label, read, sign)) in STEPS.iter().enumerate() {
            let amount = read(month);
            let (from, to) = if *sign == 0.0 {
                level = amount;
                (0.0, amount)
            } else {
                let from = level;
                level += sign * amount;
                (from, level)
            };
            let (top, bottom) = (y.map(from.max(to)), y.map(from.min(to)));
            let class = format!("bar-{}", label.to_lowercase());
            frame.svg.rect(
                bands.start(index) + step as f64 * slot,
                top,
                (slot - gap).max(0.5),
                (bottom - top).max(0.0),
                &[("class", &class), ("fill", colors[step])],
            );
        }
        frame.svg.close("g");
    }
    frame.axis_lines();
    frame.finish()
}
