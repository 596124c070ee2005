//! The two product roles (`pmkit::roles`) for Python.
//!
//! The functions come from the API description (`pmkit_api::roles!`); this file holds
//! their result classes and `salary_benchmark`, whose class has a method. Roles and
//! activity kinds arrive as their snake_case names and are parsed by the core, so an
//! unknown name raises the core's `ParseError` listing the valid ones.

use pyo3::prelude::*;

use crate::convert::python_functions;
use crate::errors::IntoPy;
use crate::record::{record, to_python};
use pmkit::roles::{self as core, Role};

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
    fn position_in_range(&self, salary: &Bound<'_, PyAny>) -> PyResult<f64> {
        let salary = crate::convert::number("salary", salary)?;
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

/// The published salary figures for a role (Indeed, US, annual USD). Hand-written, not
/// in the API description: its result class has a method.
#[pyfunction]
fn salary_benchmark(role: &Bound<'_, PyAny>) -> PyResult<SalaryBenchmark> {
    let role = crate::convert::text("role", role)?;
    Ok(SalaryBenchmark(core::salary_benchmark(
        Role::parse("role", &role).py()?,
    )))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<RoleProfile>()?;
    m.add_class::<ActivityOwner>()?;
    m.add_class::<WorkedExample>()?;
    m.add_class::<Headcount>()?;
    m.add_class::<SalaryBenchmark>()?;
    m.add_function(wrap_pyfunction!(salary_benchmark, m)?)?;
    register_functions(m)
}
