//! The tables of the analytics results. Column names are documented in
//! `docs/analytics.md` ("Results as DataFrames").

use super::{event_cells, ints, optional_ints, Cells, Table, Tabular};
use pmkit::analytics::{
    ActiveUsers, Adoption, Churn, Funnel, Retention, StickinessHistogram, UserLifecycle,
};

/// One row per cohort and period that can be observed (cells after the log's last day
/// are left out, not zero): `cohort_start, cohort_size, period, returned, rate`.
/// Wide: one row per cohort, `cohort_start, cohort_size` and the rate of each period
/// in columns `"0"`, `"1"`, … (missing where not observable yet).
impl Tabular for Retention {
    fn table(&self, _names: Option<&[String]>) -> Table {
        let (mut starts, mut sizes, mut periods, mut returned, mut rates) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let cohorts = self.cohort_starts.iter().zip(&self.cohort_sizes);
        for ((&start, &size), (counts, cohort_rates)) in
            cohorts.zip(self.counts.iter().zip(&self.rates))
        {
            for (period, (count, rate)) in counts.iter().zip(cohort_rates).enumerate() {
                let Some(count) = count else { continue };
                starts.push(start);
                sizes.push(size);
                periods.push(Some(period as i64));
                returned.push(Some(*count));
                rates.push(*rate);
            }
        }
        Table::new()
            .with("cohort_start", Cells::Date(starts))
            .with("cohort_size", ints(&sizes))
            .with("period", Cells::Int(periods))
            .with("returned", optional_ints(&returned))
            .with("rate", Cells::Float(rates))
    }

    fn wide(&self, _names: Option<&[String]>) -> Option<Table> {
        let periods = self.rates.iter().map(Vec::len).max().unwrap_or(0);
        let mut table = Table::new()
            .with("cohort_start", Cells::Date(self.cohort_starts.clone()))
            .with("cohort_size", ints(&self.cohort_sizes));
        for period in 0..periods {
            let rates = self
                .rates
                .iter()
                .map(|row| row.get(period).copied().flatten())
                .collect();
            table = table.with(period.to_string(), Cells::Float(rates));
        }
        Some(table)
    }
}

/// One row per day: `day, dau, wau, mau, stickiness` (calendar weeks and months stay
/// the `weeks`/`weekly`, `months`/`monthly` attributes).
impl Tabular for ActiveUsers {
    fn table(&self, _names: Option<&[String]>) -> Table {
        Table::new()
            .with("day", Cells::Date(self.days.clone()))
            .with("dau", ints(&self.dau))
            .with("wau", ints(&self.wau))
            .with("mau", ints(&self.mau))
            .with("stickiness", Cells::Float(self.stickiness.clone()))
    }
}

/// One row per period: `period_start, active, churned, churn_rate, retention_rate`.
impl Tabular for Churn {
    fn table(&self, _names: Option<&[String]>) -> Table {
        Table::new()
            .with("period_start", Cells::Date(self.period_starts.clone()))
            .with("active", ints(&self.active))
            .with("churned", optional_ints(&self.churned))
            .with("churn_rate", Cells::Float(self.churn_rate.clone()))
            .with("retention_rate", Cells::Float(self.retention_rate.clone()))
    }
}

/// One row per period: `period_start, active, users, rate, ever_active, ever_adopted,
/// cumulative_rate`.
impl Tabular for Adoption {
    fn table(&self, _names: Option<&[String]>) -> Table {
        Table::new()
            .with("period_start", Cells::Date(self.period_starts.clone()))
            .with("active", ints(&self.active))
            .with("users", ints(&self.users))
            .with("rate", Cells::Float(self.rate.clone()))
            .with("ever_active", ints(&self.ever_active))
            .with("ever_adopted", ints(&self.ever_adopted))
            .with(
                "cumulative_rate",
                Cells::Float(self.cumulative_rate.clone()),
            )
    }
}

/// One row per step: `step` (0 for the entry), `event` (its name when the call was
/// given names, else its code), `reached, conversion_from_previous,
/// conversion_from_start, median_seconds_from_previous`.
impl Tabular for Funnel {
    fn table(&self, names: Option<&[String]>) -> Table {
        let steps = (0..self.steps.len()).map(|k| Some(k as i64)).collect();
        Table::new()
            .with("step", Cells::Int(steps))
            .with("event", event_cells(&self.steps, names))
            .with("reached", ints(&self.reached))
            .with(
                "conversion_from_previous",
                Cells::Float(self.conversion_from_previous.clone()),
            )
            .with(
                "conversion_from_start",
                Cells::Float(self.conversion_from_start.clone()),
            )
            .with(
                "median_seconds_from_previous",
                Cells::Float(self.median_seconds_from_previous.clone()),
            )
    }
}

/// One row per period and number of active days: `period_start, complete, active,
/// days, users, at_least` (`users` active on exactly `days` days of the period,
/// `at_least` on `days` or more).
impl Tabular for StickinessHistogram {
    fn table(&self, _names: Option<&[String]>) -> Table {
        let (mut starts, mut complete, mut active, mut days, mut users, mut at_least) = (
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        );
        let periods = self
            .period_starts
            .iter()
            .zip(&self.complete)
            .zip(&self.active);
        for (((&start, &whole), &period_active), (exactly, or_more)) in
            periods.zip(self.users.iter().zip(&self.at_least))
        {
            for (k, (&exactly, &or_more)) in exactly.iter().zip(or_more).enumerate() {
                starts.push(start);
                complete.push(whole);
                active.push(period_active);
                days.push(Some(k as i64 + 1));
                users.push(exactly);
                at_least.push(or_more);
            }
        }
        Table::new()
            .with("period_start", Cells::Date(starts))
            .with("complete", Cells::Bool(complete))
            .with("active", ints(&active))
            .with("days", Cells::Int(days))
            .with("users", ints(&users))
            .with("at_least", ints(&at_least))
    }
}

/// One row per period: `period_start, complete, new, returning, resurrecting, dormant,
/// active, quick_ratio` (dormant as a positive count; quick ratio missing when no one
/// went dormant).
impl Tabular for UserLifecycle {
    fn table(&self, _names: Option<&[String]>) -> Table {
        Table::new()
            .with("period_start", Cells::Date(self.period_starts.clone()))
            .with("complete", Cells::Bool(self.complete.clone()))
            .with("new", ints(&self.new))
            .with("returning", ints(&self.returning))
            .with("resurrecting", ints(&self.resurrecting))
            .with("dormant", ints(&self.dormant))
            .with("active", ints(&self.active))
            .with("quick_ratio", Cells::Float(self.quick_ratio.clone()))
    }
}
