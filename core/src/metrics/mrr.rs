//! MRR movements: where each month's recurring revenue came from and went to (new,
//! expansion, contraction, churn, reactivation), from a subscription ledger.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::input::{self, Field, Indexed};
use crate::{Error, Result};

/// The largest MRR one ledger row may hold, in currency units: amounts are summed as
/// whole millionths, and 10⁹ × 10⁶ keeps every month's sums exact in an `i128` and
/// every field exact in an `f64`'s 53 bits.
pub const MAX_CUSTOMER_MRR: f64 = 1e9;
/// The most calendar months a ledger may span (a century): bounds the output.
pub const MAX_MRR_MONTHS: usize = 1_200;

/// Amounts are summed exactly in millionths of the currency unit.
const UNITS_PER_CURRENCY: f64 = 1e6;

/// One month of [`mrr_movements`]. Amounts are in the ledger's currency per month;
/// rates are fractions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MrrMonth {
    /// The month's first day.
    pub month: NaiveDate,
    /// MRR at the end of the previous month.
    pub starting_mrr: f64,
    /// MRR of customers whose first subscription began this month.
    pub new_mrr: f64,
    /// MRR added by customers paying more than at the end of the previous month.
    pub expansion_mrr: f64,
    /// MRR lost by customers paying less (but not nothing).
    pub contraction_mrr: f64,
    /// MRR lost by customers who stopped paying.
    pub churned_mrr: f64,
    /// MRR of customers who had churned and pay again.
    pub reactivation_mrr: f64,
    /// MRR at the end of the month: starting + new + expansion + reactivation − contraction − churned, exactly.
    pub ending_mrr: f64,
    /// ending − starting.
    pub net_new_mrr: f64,
    /// Paying customers at the end of the previous month.
    pub customers_at_start: u64,
    /// Customers counted in `new_mrr`.
    pub new_customers: u64,
    /// Customers counted in `expansion_mrr`.
    pub expansion_customers: u64,
    /// Customers counted in `contraction_mrr`.
    pub contraction_customers: u64,
    /// Customers counted in `churned_mrr`.
    pub churned_customers: u64,
    /// Customers counted in `reactivation_mrr`.
    pub reactivated_customers: u64,
    /// Paying customers at the end of the month.
    pub customers_at_end: u64,
    /// (starting + expansion − contraction − churned) / starting; `None` without starting MRR.
    pub net_revenue_retention: Option<f64>,
    /// (starting − contraction − churned) / starting; `None` without starting MRR.
    pub gross_revenue_retention: Option<f64>,
    /// (new + expansion + reactivation) / (contraction + churned); `None` when nothing was lost.
    pub quick_ratio: Option<f64>,
    /// churned customers / customers at start; `None` without customers at start.
    pub logo_churn_rate: Option<f64>,
    /// (churned + contraction) / starting MRR; `None` without starting MRR.
    pub revenue_churn_rate: Option<f64>,
}

/// A month as a number: year × 12 + month index.
fn month_number(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month0())
}

/// The first day of the month numbered `number`.
fn month_start(number: i64) -> Option<NaiveDate> {
    let year = i32::try_from(number.div_euclid(12)).ok()?;
    let month = u32::try_from(number.rem_euclid(12)).ok()? + 1;
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The movements of one month, in millionths, and their customer counts.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    new: (i128, u64),
    expansion: (i128, u64),
    contraction: (i128, u64),
    churned: (i128, u64),
    reactivation: (i128, u64),
}

impl Tally {
    /// Records one customer's move from `before` to `after` (end of the previous month
    /// to end of this one); `paid_before` says whether the customer ever paid earlier.
    fn record(&mut self, before: i128, after: i128, paid_before: bool) {
        let add = |slot: &mut (i128, u64), amount: i128| {
            slot.0 += amount;
            slot.1 += 1;
        };
        match (before, after) {
            (0, 0) => {}
            (0, _) if paid_before => add(&mut self.reactivation, after),
            (0, _) => add(&mut self.new, after),
            (_, 0) => add(&mut self.churned, before),
            _ if after > before => add(&mut self.expansion, after - before),
            _ if after < before => add(&mut self.contraction, before - after),
            _ => {}
        }
    }

    /// The net change: new + expansion + reactivation − contraction − churned.
    fn net(&self) -> i128 {
        self.new.0 + self.expansion.0 + self.reactivation.0 - self.contraction.0 - self.churned.0
    }
}

/// Checks the columns and returns each row's MRR in millionths.
fn checked_units(customers: &[String], dates: &[NaiveDate], mrr: &[f64]) -> Result<Vec<i128>> {
    input::non_empty("customers", customers)?;
    input::same_length("dates", dates, "customers", customers)?;
    input::same_length("mrr", mrr, "customers", customers)?;
    mrr.iter()
        .enumerate()
        .map(|(index, &value)| {
            input::non_negative(Indexed("mrr", index), value)?;
            if value > MAX_CUSTOMER_MRR {
                return Err(Error::out_of_range(
                    Indexed("mrr", index).name(),
                    format!("{value} is above {MAX_CUSTOMER_MRR:e} per customer per month"),
                ));
            }
            // Exact: a whole number below 2^53.
            Ok((value * UNITS_PER_CURRENCY).round() as i128)
        })
        .collect()
}

/// A ratio of millionth sums, `None` when the denominator is 0.
fn ratio(numerator: i128, denominator: i128) -> Option<f64> {
    (denominator != 0).then(|| numerator as f64 / denominator as f64)
}

/// Millionths as currency units.
fn money(units: i128) -> f64 {
    units as f64 / UNITS_PER_CURRENCY
}

/// Monthly MRR movements from a subscription ledger: row `i` says that customer
/// `customers[i]` pays `mrr[i]` per month from `dates[i]` on (0 = cancelled), until
/// that customer's next row. Rows may come in any order; two rows of one customer on
/// one date keep the later one.
///
/// **Definitions** (per customer, its MRR at the end of the month against the end of
/// the previous month, so a change and its reversal within one month cancel out):
/// *new* from nothing to a positive MRR for a customer who never paid before;
/// *reactivation* the same for one who did; *expansion* an increase and *contraction*
/// a decrease between two positive amounts; *churned* from a positive MRR to 0. These
/// are the categories ChartMogul and Baremetrics document. Every month from the
/// ledger's first to its last is listed, and ending = starting + new + expansion + reactivation − contraction −
/// churned holds **exactly**: amounts are summed as whole millionths of the currency
/// unit (each `mrr` rounded to the nearest millionth), and each field is that whole
/// number divided by 10⁶.
///
/// **Ratios** (each `None` when its denominator is 0): net revenue retention
/// (starting + expansion − contraction − churned) / starting; gross revenue retention
/// (starting − contraction − churned) / starting; quick ratio (new + expansion +
/// reactivation) / (contraction + churned) (Mamoon Hamid's SaaS quick ratio); logo
/// churn churned customers / customers at start; revenue churn (churned + contraction)
/// / starting.
///
/// **Errors**: no rows (`customers`); columns of different lengths (`dates`, `mrr`);
/// an MRR that is negative, not finite or above [`MAX_CUSTOMER_MRR`] (`mrr[i]`); a
/// ledger spanning more than [`MAX_MRR_MONTHS`] months (`dates`).
///
/// **Sources**: ChartMogul, "MRR movements" (help center: New Business, Expansion,
/// Contraction, Churn and Reactivation MRR); Baremetrics, "Metrics glossary" (MRR,
/// net and gross revenue retention, revenue churn, quick ratio); Hamid, M. (2015), "The
/// SaaS Quick Ratio".
///
/// ```
/// use chrono::NaiveDate;
/// use pmkit::metrics::mrr_movements;
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let customers: Vec<String> = ["a", "b", "a", "b", "c", "a"].map(String::from).to_vec();
/// let dates = [day(1, 5), day(1, 9), day(2, 3), day(2, 20), day(2, 11), day(3, 1)];
/// let mrr = [50.0, 30.0, 80.0, 0.0, 20.0, 0.0];
/// let months = mrr_movements(&customers, &dates, &mrr)?;
/// let february = &months[1];
/// // a expands 50 → 80, b churns 30, c is new at 20: 80 + 30 + 20 − 30 = 100.
/// assert_eq!((february.starting_mrr, february.expansion_mrr, february.churned_mrr, february.new_mrr), (80.0, 30.0, 30.0, 20.0));
/// assert_eq!(february.ending_mrr, 100.0);
/// assert_eq!(february.quick_ratio, Some(50.0 / 30.0));
/// assert_eq!(months[2].churned_mrr, 80.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn mrr_movements(
    customers: &[String],
    dates: &[NaiveDate],
    mrr: &[f64],
) -> Result<Vec<MrrMonth>> {
    let units = checked_units(customers, dates, mrr)?;
    let first = dates.iter().copied().map(month_number).min().unwrap_or(0);
    let last = dates.iter().copied().map(month_number).max().unwrap_or(0);
    let span = usize::try_from(last - first + 1).unwrap_or(usize::MAX);
    if span > MAX_MRR_MONTHS {
        return Err(Error::out_of_range(
            "dates",
            format!("span {span} months, more than the limit of {MAX_MRR_MONTHS}"),
        ));
    }
    // Rows by customer, then date, then ledger order: each customer's history in turn.
    let mut order: Vec<usize> = (0..customers.len()).collect();
    order.sort_by(|&a, &b| (&customers[a], dates[a], a).cmp(&(&customers[b], dates[b], b)));

    let mut tallies = vec![Tally::default(); span];
    // Paying customers: +1 in the month one starts paying, −1 in the month one stops.
    let mut paying_change = vec![0i64; span];
    let mut start = 0;
    while start < order.len() {
        let customer = &customers[order[start]];
        let end = order[start..]
            .iter()
            .position(|&row| &customers[row] != customer)
            .map_or(order.len(), |offset| start + offset);
        let (mut before, mut paid_before) = (0i128, false);
        let mut row = start;
        while row < end {
            // The customer's MRR at the end of this month: its last row in the month.
            let month = month_number(dates[order[row]]);
            while row + 1 < end && month_number(dates[order[row + 1]]) == month {
                row += 1;
            }
            let after = units[order[row]];
            let index = (month - first) as usize;
            tallies[index].record(before, after, paid_before);
            if before == 0 && after > 0 {
                paying_change[index] += 1;
            } else if before > 0 && after == 0 {
                paying_change[index] -= 1;
            }
            paid_before |= after > 0;
            before = after;
            row += 1;
        }
        start = end;
    }

    let mut months = Vec::with_capacity(span);
    let (mut starting, mut paying) = (0i128, 0i64);
    for (offset, (tally, change)) in tallies.iter().zip(&paying_change).enumerate() {
        let ending = starting + tally.net();
        let customers_at_end = paying + change;
        let lost = tally.contraction.0 + tally.churned.0;
        months.push(MrrMonth {
            month: month_start(first + offset as i64)
                .ok_or_else(|| Error::out_of_range("dates", "lie outside the calendar"))?,
            starting_mrr: money(starting),
            new_mrr: money(tally.new.0),
            expansion_mrr: money(tally.expansion.0),
            contraction_mrr: money(tally.contraction.0),
            churned_mrr: money(tally.churned.0),
            reactivation_mrr: money(tally.reactivation.0),
            ending_mrr: money(ending),
            net_new_mrr: money(ending - starting),
            customers_at_start: paying as u64,
            new_customers: tally.new.1,
            expansion_customers: tally.expansion.1,
            contraction_customers: tally.contraction.1,
            churned_customers: tally.churned.1,
            reactivated_customers: tally.reactivation.1,
            customers_at_end: customers_at_end as u64,
            net_revenue_retention: ratio(starting + tally.expansion.0 - lost, starting),
            gross_revenue_retention: ratio(starting - lost, starting),
            quick_ratio: ratio(tally.new.0 + tally.expansion.0 + tally.reactivation.0, lost),
            logo_churn_rate: ratio(i128::from(tally.churned.1), i128::from(paying)),
            revenue_churn_rate: ratio(lost, starting),
        });
        starting = ending;
        paying = customers_at_end;
    }
    Ok(months)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn ids(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn every_category_and_the_exact_sum_check() {
        // a: new 49.99 in Jan, expands to 99.99 in Feb, churns in Apr, reactivates at 19.99 in May.
        // b: new 10.01 in Jan, contracts to 5.03 in Mar. c: new 0.1 + 0.2 style cents in Feb.
        let customers = ids(&["a", "b", "a", "b", "c", "a", "a", "c"]);
        let dates = [
            day(2026, 1, 3),
            day(2026, 1, 30),
            day(2026, 2, 1),
            day(2026, 3, 15),
            day(2026, 2, 28),
            day(2026, 4, 2),
            day(2026, 5, 20),
            day(2026, 5, 21),
        ];
        let mrr = [49.99, 10.01, 99.99, 5.03, 0.1, 0.0, 19.99, 0.3];
        let months = mrr_movements(&customers, &dates, &mrr).unwrap();
        assert_eq!(months.len(), 5);
        let units = |value: f64| (value * 1e6).round() as i128;
        for month in &months {
            // Exact in millionths: each field is a whole number of them.
            assert_eq!(
                units(month.starting_mrr)
                    + units(month.new_mrr)
                    + units(month.expansion_mrr)
                    + units(month.reactivation_mrr)
                    - units(month.contraction_mrr)
                    - units(month.churned_mrr),
                units(month.ending_mrr),
                "{}",
                month.month
            );
        }
        for pair in months.windows(2) {
            assert_eq!(pair[0].ending_mrr, pair[1].starting_mrr);
            assert_eq!(pair[0].customers_at_end, pair[1].customers_at_start);
        }
        assert_eq!((months[0].new_customers, months[0].ending_mrr), (2, 60.0));
        assert_eq!((months[1].expansion_mrr, months[1].new_mrr), (50.0, 0.1));
        assert_eq!(months[2].contraction_mrr, 4.98);
        assert_eq!(
            (months[3].churned_mrr, months[3].churned_customers),
            (99.99, 1)
        );
        assert_eq!(months[3].logo_churn_rate, Some(1.0 / 3.0));
        assert_eq!(
            (months[4].reactivation_mrr, months[4].reactivated_customers),
            (19.99, 1)
        );
        // 0.3 − 0.1 is 0.19999999999999998 in floats; summed in millionths it is 0.2.
        assert_eq!(months[4].expansion_mrr, 0.2);
        assert_eq!(months[0].net_revenue_retention, None);
    }

    #[test]
    fn a_change_reversed_within_a_month_is_no_movement() {
        let customers = ids(&["a", "a", "a"]);
        let dates = [day(2026, 1, 1), day(2026, 2, 3), day(2026, 2, 20)];
        let months = mrr_movements(&customers, &dates, &[10.0, 25.0, 10.0]).unwrap();
        assert_eq!(
            (months[1].expansion_mrr, months[1].contraction_mrr),
            (0.0, 0.0)
        );
        assert_eq!(months[1].net_revenue_retention, Some(1.0));
        assert_eq!(months[1].quick_ratio, None);
    }

    #[test]
    fn bad_input_names_the_field() {
        let one = ids(&["a"]);
        let err = mrr_movements(&[], &[], &[]).unwrap_err();
        assert_eq!(err.field(), "customers");
        let err = mrr_movements(&one, &[day(2026, 1, 1)], &[-1.0]).unwrap_err();
        assert_eq!(err.field(), "mrr[0]");
        let err = mrr_movements(&one, &[day(2026, 1, 1)], &[2e9]).unwrap_err();
        assert_eq!(err.field(), "mrr[0]");
        let err = mrr_movements(&one, &[], &[1.0]).unwrap_err();
        assert_eq!(err.field(), "dates");
        let two = ids(&["a", "b"]);
        let err =
            mrr_movements(&two, &[day(1900, 1, 1), day(2026, 1, 1)], &[1.0, 1.0]).unwrap_err();
        assert_eq!(err.field(), "dates");
    }
}
