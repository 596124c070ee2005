//! The two product roles (`pmkit::roles`) for Python.
//!
//! The functions come from the API description (`pmkit_api::roles!`); this file holds
//! their result classes. Roles and
//! activity kinds arrive as their snake_case names and are parsed by the core, so an
//! unknown name raises the core's `ParseError` listing the valid ones.

use pyo3::prelude::*;

use crate::convert::python_functions;
use crate::errors::IntoPy;
use crate::record::record;
use pmkit::roles as core;

pmkit_api::roles!(python_functions);

record!(
    /// The result of `role_profile`: responsibilities, skills, KPIs and metrics of a role.
    RoleProfile(core::RoleProfile) {
        role, title, horizon, focus, responsibilities, skills, kpis, metrics, activities
    }
);

record!(
    /// The result of `owner_of`: the owning role and its horizon.
    ActivityOwner(core::ActivityOwner) { role, horizon }
);

record!(
    /// The result of `worked_example`: the CRM-with-AI scenario.
    WorkedExample(core::WorkedExample) { product, initiative, activities }
);

record!(
    /// The result of `product_manager_headcount`.
    Headcount(core::Headcount) { role, country, at_least, source }
);

record!(
    /// The result of `salary_benchmark`: published annual salary figures for a role.
    SalaryBenchmark(core::SalaryBenchmark) {
        role, average, low, high, currency, country, source, factors
    }
    methods {
        /// Where `salary` sits in the range: 0.0 at `low`, 1.0 at `high`, linear between.
        fn position_in_range(&self, salary: &Bound<'_, PyAny>) -> PyResult<f64> {
            let salary = crate::convert::number("salary", salary)?;
            self.0.position_in_range(salary).py()
        }
    }
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<RoleProfile>()?;
    m.add_class::<ActivityOwner>()?;
    m.add_class::<WorkedExample>()?;
    m.add_class::<Headcount>()?;
    m.add_class::<SalaryBenchmark>()?;
    register_functions(m)
}
