//! The two product roles (`pmkit::roles`) for Python.
//!
//! Roles and activity kinds arrive as their snake_case names (`"product_owner"`,
//! `"market_analysis"`) and are parsed by the core, so an unknown name raises the
//! core's `ParseError` listing the valid ones.

use pyo3::prelude::*;

use crate::errors::IntoPy;
use crate::record::{record, to_python};
use pmkit::roles::{self as core, ActivityKind, Role};

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

/// The result of `salary_benchmark`. Written out rather than made with `record!`
/// because it also has a method, `position_in_range`.
#[pyclass(frozen, module = "pmkit")]
#[derive(Debug, Clone)]
pub struct SalaryBenchmark(pub core::SalaryBenchmark);

#[pymethods]
impl SalaryBenchmark {
    #[getter]
    fn role(&self) -> &'static str {
        self.0.role.as_str()
    }

    #[getter]
    fn average(&self) -> f64 {
        self.0.average
    }

    #[getter]
    fn low(&self) -> f64 {
        self.0.low
    }

    #[getter]
    fn high(&self) -> f64 {
        self.0.high
    }

    #[getter]
    fn currency(&self) -> &str {
        &self.0.currency
    }

    #[getter]
    fn country(&self) -> &str {
        &self.0.country
    }

    #[getter]
    fn source(&self) -> &str {
        &self.0.source
    }

    #[getter]
    fn factors(&self) -> Vec<&'static str> {
        self.0
            .factors
            .iter()
            .map(|factor| factor.as_str())
            .collect()
    }

    /// Where `salary` sits in the range: 0.0 at `low`, 1.0 at `high`, linear between.
    fn position_in_range(&self, salary: f64) -> PyResult<f64> {
        self.0.position_in_range(salary).py()
    }

    /// The value in its JSON form (the same shape in Rust, Python and JavaScript).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let dict = self.to_dict(py)?;
        let mut fields = Vec::new();
        for name in [
            "role", "average", "low", "high", "currency", "country", "source", "factors",
        ] {
            fields.push(format!("{name}={}", dict.get_item(name)?.repr()?));
        }
        Ok(format!("SalaryBenchmark({})", fields.join(", ")))
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }
}

/// The profile of a role: `"product_manager"` or `"product_owner"`.
#[pyfunction]
fn role_profile(role: &str) -> PyResult<RoleProfile> {
    Ok(core::role_profile(Role::parse("role", role).py()?).into())
}

/// Both profiles, product manager first.
#[pyfunction]
fn role_profiles() -> Vec<RoleProfile> {
    core::role_profiles().into_iter().map(Into::into).collect()
}

/// The published salary figures for a role (Indeed, US, annual USD).
#[pyfunction]
fn salary_benchmark(role: &str) -> PyResult<SalaryBenchmark> {
    Ok(SalaryBenchmark(core::salary_benchmark(
        Role::parse("role", role).py()?,
    )))
}

/// Where `salary` sits in the published range of `role`: 0.0 at low, 1.0 at high.
#[pyfunction]
fn salary_position_in_range(role: &str, salary: f64) -> PyResult<f64> {
    core::salary_position_in_range(Role::parse("role", role).py()?, salary).py()
}

/// The role that owns an activity kind (`"market_analysis"`), with its horizon.
#[pyfunction]
fn owner_of(kind: &str) -> PyResult<ActivityOwner> {
    Ok(core::owner_of(ActivityKind::parse("kind", kind).py()?).into())
}

/// The source's worked example: a CRM bringing AI into its portfolio.
#[pyfunction]
fn worked_example() -> WorkedExample {
    core::worked_example().into()
}

/// Over 500,000 product managers work in the US.
#[pyfunction]
fn product_manager_headcount() -> Headcount {
    core::product_manager_headcount().into()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<RoleProfile>()?;
    m.add_class::<ActivityOwner>()?;
    m.add_class::<WorkedExample>()?;
    m.add_class::<Headcount>()?;
    m.add_class::<SalaryBenchmark>()?;
    m.add_function(wrap_pyfunction!(role_profile, m)?)?;
    m.add_function(wrap_pyfunction!(role_profiles, m)?)?;
    m.add_function(wrap_pyfunction!(salary_benchmark, m)?)?;
    m.add_function(wrap_pyfunction!(salary_position_in_range, m)?)?;
    m.add_function(wrap_pyfunction!(owner_of, m)?)?;
    m.add_function(wrap_pyfunction!(worked_example, m)?)?;
    m.add_function(wrap_pyfunction!(product_manager_headcount, m)?)?;
    Ok(())
}
