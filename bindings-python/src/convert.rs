//! The one conversion layer between Python values and the core's types.
//!
//! Every parameter of every function goes through [`FromPy`], chosen by the Rust type
//! the API description (`pmkit-api`) gives it, and every result back through
//! [`IntoPython`]. The rules are strict and the same everywhere: a number is an `int`
//! or a `float` (or a numpy number), never a `bool`, `None`, text or a list; a count is
//! a whole number ≥ 0; an array of numbers is a list, tuple, numpy array or anything
//! with `__array__` (pandas and polars Series), whose elements follow the number rule;
//! text is a `str`. A failure is a `PmkitError` naming the parameter as Python spells
//! it (`customers_lost`, `responses[2]`), never a bare `TypeError`.

use chrono::NaiveDate;
use numpy::PyUntypedArrayMethods;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::de::DeserializeOwned;

use crate::errors::{to_py, IntoPy};

/// A Python value read as a core parameter; `field` names it in errors.
pub trait FromPy: Sized {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self>;
}

/// A core result given back to Python.
pub trait IntoPython {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>>;
}

fn invalid(field: &str, reason: impl Into<String>) -> PyErr {
    to_py(pmkit::Error::invalid(field, reason))
}

/// `type(value).__name__`, for error messages.
pub fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "an unknown type".to_owned())
}

/// A number: `int`, `float` or a numpy/other `numbers.Real` that is not a `bool`.
pub fn number(field: &str, value: &Bound<'_, PyAny>) -> PyResult<f64> {
    if let Ok(float) = value.cast::<PyFloat>() {
        return Ok(float.value());
    }
    if value.is_instance_of::<PyBool>() {
        return Err(invalid(
            field,
            format!("is a bool ({value}); pass a number"),
        ));
    }
    if value.is_instance_of::<PyInt>() {
        return value.extract::<f64>().map_err(|_| {
            to_py(pmkit::Error::out_of_range(
                field,
                format!("{value} is too large for a 64-bit float"),
            ))
        });
    }
    let real = value.py().import("numbers")?.getattr("Real")?;
    let is_numpy_bool = type_name(value) == "bool_";
    if value.is_instance(&real)? && !is_numpy_bool {
        return value.extract::<f64>();
    }
    Err(invalid(
        field,
        format!("must be a number, got {}", described(value)),
    ))
}

/// `"str '12'"`, `"NoneType"`: what was passed, for an error message.
fn described(value: &Bound<'_, PyAny>) -> String {
    if value.is_instance_of::<PyString>() {
        let text = value.to_string();
        let shown: String = text.chars().take(40).collect();
        return format!("str {shown:?}");
    }
    if value.is_none() {
        return "None".to_owned();
    }
    type_name(value)
}

/// A count: a whole number ≥ 0 (an `int`, or a float such as `3.0`).
pub fn count(field: &str, value: &Bound<'_, PyAny>) -> PyResult<u64> {
    if value.is_instance_of::<PyInt>() && !value.is_instance_of::<PyBool>() {
        if let Ok(count) = value.extract::<u64>() {
            return Ok(count);
        }
    }
    pmkit::input::count(field, number(field, value)?).py()
}

/// An array of numbers: a numpy array of a numeric dtype (one bulk copy), an object
/// with `__array__` (pandas, polars), or a list/tuple whose elements are numbers.
pub fn numbers(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Vec<f64>> {
    if value.is_instance_of::<PyString>() || value.is_instance_of::<PyBytes>() {
        return Err(invalid(
            field,
            format!("is text ({}); pass a list of numbers", described(value)),
        ));
    }
    if let Ok(list) = value.cast::<PyList>() {
        return elements(field, list.iter());
    }
    if let Ok(tuple) = value.cast::<PyTuple>() {
        return elements(field, tuple.iter());
    }
    if value.hasattr("__array__")? {
        return array_numbers(field, value);
    }
    if value.is_instance_of::<PyDict>() || !value.hasattr("__len__")? {
        return Err(invalid(
            field,
            format!(
                "must be a list or array of numbers, got {}",
                described(value)
            ),
        ));
    }
    elements(
        field,
        value.try_iter()?.collect::<PyResult<Vec<_>>>()?.into_iter(),
    )
}

fn elements<'py>(
    field: &str,
    items: impl Iterator<Item = Bound<'py, PyAny>>,
) -> PyResult<Vec<f64>> {
    items
        .enumerate()
        .map(|(index, item)| number(&format!("{field}[{index}]"), &item))
        .collect()
}

/// A numpy-like array: numeric dtypes convert in one call; object arrays (pandas'
/// nullable types with `pd.NA`) element by element, so a missing value is named.
fn array_numbers(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Vec<f64>> {
    let numpy = value.py().import("numpy")?;
    let array = numpy.call_method1("asarray", (value,))?;
    let untyped = array.cast::<numpy::PyUntypedArray>()?;
    if untyped.ndim() != 1 {
        return Err(invalid(
            field,
            format!(
                "is a {}-dimensional array; pass one value per row",
                untyped.ndim()
            ),
        ));
    }
    let dtype = array.getattr("dtype")?;
    let kind: String = dtype.getattr("kind")?.extract()?;
    match kind.as_str() {
        "f" | "i" | "u" => {
            let floats = array.call_method1("astype", ("float64",))?;
            let floats: numpy::PyReadonlyArray1<'_, f64> = floats.extract()?;
            Ok(floats.as_array().iter().copied().collect())
        }
        "O" => elements(
            field,
            array.try_iter()?.collect::<PyResult<Vec<_>>>()?.into_iter(),
        ),
        _ => Err(invalid(
            field,
            format!(
                "has dtype {}; expected numbers (a float or integer dtype)",
                dtype.str()?
            ),
        )),
    }
}

/// Text: a `str`, nothing else.
pub fn text(field: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    match value.cast::<PyString>() {
        Ok(text) => Ok(text.to_cow()?.into_owned()),
        Err(_) => Err(invalid(
            field,
            format!("must be a str, got {}", described(value)),
        )),
    }
}

/// A list of texts: a list, tuple or other sequence (numpy and pandas included) whose
/// every element is a `str`; a `str` itself, `None` or a non-sequence is an error.
pub fn texts(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    each_of_sequence(field, value, "str", text)
}

/// Every element of a list, tuple or other sequence (numpy and pandas included) read
/// by `read` as `field[i]`; a `str` itself, a dict, `None` or a non-sequence is an
/// error saying it must be a list of `what`.
fn each_of_sequence<T>(
    field: &str,
    value: &Bound<'_, PyAny>,
    what: &str,
    read: impl Fn(&str, &Bound<'_, PyAny>) -> PyResult<T>,
) -> PyResult<Vec<T>> {
    if value.is_instance_of::<PyString>()
        || !value.hasattr("__len__")?
        || value.is_instance_of::<PyDict>()
    {
        return Err(invalid(
            field,
            format!("must be a list of {what}, got {}", described(value)),
        ));
    }
    value
        .try_iter()?
        .enumerate()
        .map(|(index, item)| read(&format!("{field}[{index}]"), &item?))
        .collect()
}

/// A list (or tuple, or other sized sequence) of Python objects, each read by the
/// caller; anything else is an error naming `field`.
pub fn sequence<'py>(field: &str, value: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if value.is_instance_of::<PyString>()
        || !value.hasattr("__len__")?
        || value.is_instance_of::<PyDict>()
    {
        return Err(invalid(
            field,
            format!("must be a list, got {}", described(value)),
        ));
    }
    value.try_iter()?.collect()
}

/// A function's options from its keyword arguments: `None` values mean "the default",
/// dates and datetimes become ISO text, and the rest is read by the core's options
/// reader (unknown names and bad values named by the keyword).
pub fn options<T: DeserializeOwned>(
    py: Python<'_>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<T> {
    let given = PyDict::new(py);
    for (key, value) in kwargs.into_iter().flat_map(|kwargs| kwargs.iter()) {
        if value.is_none() {
            continue;
        }
        let name: String = key.extract()?;
        if crate::dates::is_date_like(&value) {
            let day = crate::dates::date(&name, &value)?;
            given.set_item(key, day.to_string())?;
        } else {
            given.set_item(key, value)?;
        }
    }
    let mut depythonizer = pythonize::Depythonizer::from_object(given.as_any());
    pmkit::json::options(&mut depythonizer).py()
}

impl FromPy for f64 {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        number(field, value)
    }
}

impl FromPy for u64 {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        count(field, value)
    }
}

impl FromPy for Vec<f64> {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        numbers(field, value)
    }
}

impl FromPy for Vec<u64> {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        pmkit::input::counts(field, &numbers(field, value)?).py()
    }
}

impl FromPy for String {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        text(field, value)
    }
}

impl FromPy for Vec<String> {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        texts(field, value)
    }
}

impl FromPy for NaiveDate {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::dates::date(field, value)
    }
}

/// A date column: a list, tuple or other sequence (pandas and numpy included) whose
/// every element is a date as [`NaiveDate`] reads it (`dates[2]` named when one is not).
impl FromPy for Vec<NaiveDate> {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        each_of_sequence(field, value, "dates", crate::dates::date)
    }
}

/// A document from a dict (or a list: Jira's pages) in its JSON form or JSON text,
/// checked as the core checks text (errors name the JSON path). A dict is written as
/// JSON by Python's `json` module, dates (`datetime.date`) as their ISO text, after a
/// nesting check, so a deep or cyclic dict is a `PmkitError`, not a `RecursionError`.
impl<T: pmkit::json::FromJsonText> FromPy for pmkit_api::JsonOrText<T> {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text: String = if value.is_instance_of::<PyString>() {
            value.extract()?
        } else if value.is_instance_of::<PyDict>() || value.is_instance_of::<PyList>() {
            crate::record::check_depth(value, &mut field.to_owned(), 0)?;
            let py = value.py();
            let kwargs = PyDict::new(py);
            kwargs.set_item("default", py.get_type::<PyString>())?;
            py.import("json")?
                .call_method("dumps", (value,), Some(&kwargs))?
                .extract()?
        } else {
            return Err(to_py(pmkit::Error::invalid(
                field,
                format!(
                    "must be a dict, a list or JSON text, got {}",
                    type_name(value)
                ),
            )));
        };
        T::from_json_text(&text).py().map(pmkit_api::JsonOrText)
    }
}

/// An option given by name: text, parsed by the core.
impl<T: pmkit::Named> FromPy for pmkit_api::Name<T> {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        let name = text(field, value)?;
        T::parse_named(field, &name).py().map(pmkit_api::Name)
    }
}

/// CSV text: a `str` holding a line break, a path (a `str` without one, or an
/// `os.PathLike`, read as UTF-8 with Python's own I/O so a missing file is
/// `FileNotFoundError`), a pandas DataFrame (written with `to_csv(index=False)`) or a
/// polars DataFrame (written with `write_csv()`). Both keep every column: the copies of
/// a repeated header that pandas renames `Sprint.1` and polars `Sprint_duplicated_0`
/// are written under those names, which the core's importers read as the repeated
/// column again.
impl FromPy for pmkit_api::CsvText {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = value.py();
        if value.is_instance_of::<pyo3::types::PyString>() {
            let text: String = value.extract()?;
            if text.contains('\n') {
                return Ok(pmkit_api::CsvText(text));
            }
        } else if value.hasattr("to_csv")? && !value.hasattr("__fspath__")? {
            let kwargs = PyDict::new(py);
            kwargs.set_item("index", false)?;
            let csv = value.call_method("to_csv", (), Some(&kwargs))?;
            return text(field, &csv).map(pmkit_api::CsvText);
        } else if value.hasattr("write_csv")? && !value.hasattr("__fspath__")? {
            let csv = value.call_method0("write_csv")?;
            return text(field, &csv).map(pmkit_api::CsvText);
        } else if !value.hasattr("__fspath__")? {
            return Err(to_py(pmkit::Error::invalid(
                field,
                format!(
                    "expected CSV text, a path or a pandas or polars DataFrame, got {}",
                    type_name(value)
                ),
            )));
        }
        let path = py.import("pathlib")?.getattr("Path")?.call1((value,))?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("encoding", "utf-8")?;
        let csv = path.call_method("read_text", (), Some(&kwargs))?;
        text(field, &csv).map(pmkit_api::CsvText)
    }
}

/// A core value in its JSON form: dicts, lists and scalars, or a pmkit result object
/// (anything with `to_dict()`, such as a `SprintReport` passed on to a chart), read
/// through its dict; so is each element of a list of them (the months of
/// `mrr_movements` passed on to `mrr_chart`).
impl<T: DeserializeOwned> FromPy for pmkit_api::Json<T> {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        let is_result = |item: &Bound<'_, PyAny>| -> PyResult<bool> {
            Ok(!item.is_instance_of::<PyDict>() && item.hasattr("to_dict")?)
        };
        if is_result(value)? {
            let plain = value.call_method0("to_dict")?;
            return crate::record::from_python(field, &plain).map(pmkit_api::Json);
        }
        if let Ok(list) = value.cast::<pyo3::types::PyList>() {
            let mut any_result = false;
            for item in list.iter() {
                any_result |= is_result(&item)?;
            }
            if any_result {
                let plain = pyo3::types::PyList::empty(value.py());
                for item in list.iter() {
                    if is_result(&item)? {
                        plain.append(item.call_method0("to_dict")?)?;
                    } else {
                        plain.append(item)?;
                    }
                }
                return crate::record::from_python(field, plain.as_any()).map(pmkit_api::Json);
            }
        }
        crate::record::from_python(field, value).map(pmkit_api::Json)
    }
}

/// A result passed on (`Record<T>` in the description): its result class is borrowed
/// as it is (see [`crate::record::Recorded`]), anything else read as [`pmkit_api::Json`]
/// reads it.
impl<T: DeserializeOwned + crate::record::Recorded> FromPy for pmkit_api::Record<T> {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Some(record) = T::shared(value) {
            return Ok(record);
        }
        let pmkit_api::Json(value) = pmkit_api::Json::<T>::from_py(field, value)?;
        Ok(pmkit_api::Record::owned(value))
    }
}

/// How [`python_functions!`] reads a parameter: with [`FromPy`], unless the parameter's
/// type has a dedicated reader ([`ReadDedicated`]), picked by autoref specialization
/// (a method on `Reader<T>` wins over one on `&Reader<T>`). Dedicated readers are for
/// types [`FromPy`] cannot express or read fast enough:
///
/// - status histories (`Json<Vec<flow::Item>>`): millions of timestamps, and `datetime`
///   values where the JSON form has ISO text (`crate::flow::items`);
/// - event-log columns (`UserIds<'py>`, `Times<'py>`, `EventIds<'py>`): they keep numpy's
///   read-only borrow, so they carry the lifetime `'py` of the GIL token the value came
///   with (`analytics::described`).
pub struct Reader<T>(pub std::marker::PhantomData<T>);

pub trait ReadWithFromPy<'py, T> {
    fn read(&self, field: &str, value: &Bound<'py, PyAny>) -> PyResult<T>;
}

impl<'py, T: FromPy> ReadWithFromPy<'py, T> for &Reader<T> {
    fn read(&self, field: &str, value: &Bound<'py, PyAny>) -> PyResult<T> {
        T::from_py(field, value)
    }
}

pub trait ReadDedicated<'py, T> {
    fn read(&self, field: &str, value: &Bound<'py, PyAny>) -> PyResult<T>;
}

impl<'py> ReadDedicated<'py, pmkit_api::Json<Vec<pmkit::flow::Item>>>
    for Reader<pmkit_api::Json<Vec<pmkit::flow::Item>>>
{
    fn read(
        &self,
        field: &str,
        value: &Bound<'py, PyAny>,
    ) -> PyResult<pmkit_api::Json<Vec<pmkit::flow::Item>>> {
        crate::flow::items(field, value).map(pmkit_api::Json)
    }
}

/// How [`python_functions!`] runs a described call's body: without the GIL when its
/// parameters and options can be shared with another thread (`Sync`: every plain value,
/// a status history, a result passed on), so other Python threads run meanwhile (a long
/// history, a large simulation); with the GIL held otherwise. The one such case is an
/// event-log column, which holds numpy's borrow: its metric releases the GIL itself,
/// around the core's counting only, through the column's runner
/// (`pmkit_api::columns::Runner`), so the GIL is never released twice. Picked by autoref
/// specialization over the tuple `P` of parameter and options types, like [`Reader`].
pub struct Detach<P>(pub std::marker::PhantomData<P>);

pub trait DetachWhenSync {
    fn call<R: pyo3::marker::Ungil, F: FnOnce() -> R + pyo3::marker::Ungil>(
        &self,
        py: Python<'_>,
        body: F,
    ) -> R {
        py.detach(body)
    }
}

impl<P: Sync> DetachWhenSync for Detach<P> {}

pub trait StayAttached {
    fn call<R, F: FnOnce() -> R>(&self, _py: Python<'_>, body: F) -> R {
        body()
    }
}

impl<P> StayAttached for &Detach<P> {}

impl IntoPython for NaiveDate {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(self.into_pyobject(py)?.into_any().unbind())
    }
}

impl IntoPython for f64 {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(self.into_pyobject(py)?.into_any().unbind())
    }
}

impl IntoPython for i64 {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(self.into_pyobject(py)?.into_any().unbind())
    }
}

impl IntoPython for u64 {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(self.into_pyobject(py)?.into_any().unbind())
    }
}

impl IntoPython for bool {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(pyo3::types::PyBool::new(py, self)
            .to_owned()
            .into_any()
            .unbind())
    }
}

impl IntoPython for String {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(self.into_pyobject(py)?.into_any().unbind())
    }
}

/// A result in its JSON form (`Json<T>` in the description): dicts, lists and scalars.
impl<T: serde::Serialize> IntoPython for pmkit_api::Json<T> {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(crate::record::to_python(py, &self.0)?.unbind())
    }
}

impl<T: IntoPython> IntoPython for Option<T> {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        match self {
            Some(value) => value.into_python(py),
            None => Ok(py.None()),
        }
    }
}

impl<T: IntoPython> IntoPython for Vec<T> {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let items = self
            .into_iter()
            .map(|item| item.into_python(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any().unbind())
    }
}

/// Expands an API table (`pmkit_api::metrics!` ...) into `#[pyfunction]`s and a
/// `register_functions` that adds them to the module. Positional parameters are read
/// with [`FromPy`] (or a dedicated [`Reader`]), the options struct from `**kwargs`, the
/// options a reader reads (`{ events: EventIds }` after the struct) as keyword-only
/// arguments (`None` = not given), the core called without the GIL (see [`Detach`])
/// and stopped by Ctrl-C (see [`crate::errors::interruptible`]), the result given back
/// with [`IntoPython`].
macro_rules! python_functions {
    ($(
        $(#[doc = $doc:expr])*
        fn $name:ident / $js:ident ( $($param:ident : $ptype:ty),* $(; $opts:ident : $otype:ty $({ $($(#[doc = $kdoc:expr])* $kw:ident : $kwtype:ty),* $(,)? })? )? ) -> $ret:ty $body:block
    )*) => {
        $(
            $(#[doc = $doc])*
            #[pyo3::pyfunction]
            #[pyo3(signature = ($($param,)* $($(*, $($kw = None,)*)?)? $(**$opts)?))]
            fn $name<'py>(
                py: pyo3::Python<'py>,
                $($param: &pyo3::Bound<'py, pyo3::PyAny>,)*
                $($($($kw: Option<&pyo3::Bound<'py, pyo3::PyAny>>,)*)?)?
                $($opts: Option<&pyo3::Bound<'py, pyo3::types::PyDict>>,)?
            ) -> pyo3::PyResult<pyo3::Py<pyo3::PyAny>> {
                #[allow(unused_imports)]
                use $crate::convert::{ReadDedicated as _, ReadWithFromPy as _};
                $( let $param: $ptype = (&$crate::convert::Reader::<$ptype>(std::marker::PhantomData)).read(stringify!($param), $param)?; )*
                $($($(
                    let $kw: Option<$kwtype> = match $kw.filter(|value| !value.is_none()) {
                        Some(value) => Some((&$crate::convert::Reader::<$kwtype>(std::marker::PhantomData)).read(stringify!($kw), value)?),
                        None => None,
                    };
                )*)?)?
                $( let $opts: $otype = $crate::convert::options(py, $opts)?; )?
                // Without the GIL when the parameters allow it (see `Detach`).
                #[allow(unused_imports)]
                use $crate::convert::{DetachWhenSync as _, StayAttached as _};
                // Ctrl-C stops it (see `errors::interruptible`).
                let result: $ret = $crate::errors::interruptible(py, || {
                    (&$crate::convert::Detach::<($($ptype,)* $($otype, $($(Option<$kwtype>,)*)?)?)>(std::marker::PhantomData)).call(py, || $body)
                })?;
                $crate::convert::IntoPython::into_python(result, py)
            }
        )*

        /// Adds this table's functions to the module.
        pub fn register_functions(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
            use pyo3::types::PyModuleMethods;
            $( m.add_function(pyo3::wrap_pyfunction!($name, m)?)?; )*
            Ok(())
        }
    };
}

pub(crate) use python_functions;
