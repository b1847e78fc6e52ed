//! Scenarios between Python and the scenario parser: a dict becomes TOML text and goes
//! through the same `Scenario::parse` as a file, so that defaults, presets, validation and
//! error messages are the CLI's; a scenario goes back to Python as a plain dict.

use std::path::PathBuf;

use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

use undercurrent_results::experiment::scenario::{Scenario, ScenarioError};

pyo3::create_exception!(
    _core,
    ScenarioErrorPy,
    PyValueError,
    "A scenario that cannot be run: the message is the CLI's, located in the file (path:line:column) and naming the key path."
);

/// Where a scenario came from, which decides how its errors are written.
enum Source {
    /// A file: errors as the CLI writes them (`path:line:column: ...`).
    File(PathBuf),
    /// TOML text given as a string: located in that text.
    Text(String),
    /// A dict, written as TOML text here: lines of text the user never saw are left out,
    /// the key path stays.
    Dict(String),
}

const DICT_ORIGIN: &str = "<scenario dict>";
const TEXT_ORIGIN: &str = "<scenario text>";

/// A Python scenario (dict, path, or TOML text) as a checked `Scenario`.
pub fn scenario_from(obj: &Bound<'_, PyAny>) -> PyResult<Scenario> {
    let source = source_of(obj)?;
    let parsed = match &source {
        Source::File(p) => Scenario::load(p),
        Source::Text(t) => Scenario::parse(t, TEXT_ORIGIN),
        Source::Dict(t) => Scenario::parse(t, DICT_ORIGIN),
    };
    parsed.map_err(|e| scenario_error(&e, matches!(source, Source::Dict(_))))
}

fn source_of(obj: &Bound<'_, PyAny>) -> PyResult<Source> {
    if let Ok(d) = obj.downcast::<PyDict>() {
        return Ok(Source::Dict(toml_text(d)?));
    }
    if let Ok(s) = obj.downcast::<PyString>() {
        let s = s.to_cow()?;
        // TOML text always has a `=` or a table header; a path has neither (or is a file).
        let is_text = s.contains('\n') || s.contains('=') || s.trim_start().starts_with('[');
        return Ok(if is_text && !std::path::Path::new(s.as_ref()).is_file() {
            Source::Text(s.into_owned())
        } else {
            Source::File(PathBuf::from(s.as_ref()))
        });
    }
    if obj.hasattr("__fspath__")? {
        return Ok(Source::File(obj.extract::<PathBuf>()?));
    }
    Err(PyTypeError::new_err(format!(
        "a scenario is a dict, a path or TOML text, not {}",
        obj.get_type().name()?
    )))
}

/// The CLI's message as a Python exception: `ScenarioError` for a scenario at fault,
/// `OSError` for a file that cannot be read.
pub fn scenario_error(e: &ScenarioError, from_dict: bool) -> PyErr {
    let message = match e {
        ScenarioError::Io { .. } => return PyOSError::new_err(e.to_string()),
        ScenarioError::Syntax { message, .. } if from_dict => format!("{DICT_ORIGIN}: {message}"),
        ScenarioError::Invalid { problems, .. } if from_dict => problems
            .iter()
            .map(|l| format!("{DICT_ORIGIN}: {}", l.problem))
            .collect::<Vec<_>>()
            .join("\n"),
        _ => e.to_string(),
    };
    ScenarioErrorPy::new_err(message)
}

/// A dict as TOML text (`None` values left out: the default applies).
pub fn toml_text(d: &Bound<'_, PyDict>) -> PyResult<String> {
    let table = table_from(d, "")?;
    toml::to_string(&table).map_err(|e| PyValueError::new_err(format!("the dict as TOML: {e}")))
}

fn table_from(d: &Bound<'_, PyDict>, path: &str) -> PyResult<toml::Table> {
    let mut t = toml::Table::new();
    for (k, v) in d.iter() {
        let key: String = k.extract().map_err(|_| {
            PyTypeError::new_err(format!("a scenario's keys are strings; {path}{k} is not"))
        })?;
        let here = format!("{path}{key}");
        // None means "not set": the default applies, as for a key a file leaves out.
        if v.is_none() {
            continue;
        }
        t.insert(key, value_from(&v, &here)?);
    }
    Ok(t)
}

fn value_from(v: &Bound<'_, PyAny>, path: &str) -> PyResult<toml::Value> {
    use toml::Value;
    if v.is_instance_of::<PyBool>() {
        return Ok(Value::Boolean(v.extract()?));
    }
    if v.is_instance_of::<PyInt>() {
        return Ok(Value::Integer(v.extract()?));
    }
    if v.is_instance_of::<PyFloat>() {
        return Ok(Value::Float(v.extract()?));
    }
    if let Ok(s) = v.downcast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = v.downcast::<PyDict>() {
        return Ok(Value::Table(table_from(d, &format!("{path}."))?));
    }
    if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() {
        let mut a = Vec::new();
        for (i, x) in v.try_iter()?.enumerate() {
            a.push(value_from(&x?, &format!("{path}[{i}]"))?);
        }
        return Ok(Value::Array(a));
    }
    // numpy scalars and other numbers: integers first, so 3 stays a whole number.
    if v.hasattr("__index__")? {
        return Ok(Value::Integer(v.call_method0("__index__")?.extract()?));
    }
    if v.hasattr("__float__")? {
        return Ok(Value::Float(v.call_method0("__float__")?.extract()?));
    }
    Err(PyTypeError::new_err(format!(
        "`{path}`: a scenario holds numbers, strings, booleans, lists and dicts, not {}",
        v.get_type().name()?
    )))
}

/// A scenario (every default filled in) as a dict.
pub fn scenario_to_py<'py>(py: Python<'py>, s: &Scenario) -> PyResult<Bound<'py, PyAny>> {
    let v = toml::Value::try_from(s)
        .map_err(|e| PyValueError::new_err(format!("the scenario as a dict: {e}")))?;
    value_to_py(py, &v)
}

fn value_to_py<'py>(py: Python<'py>, v: &toml::Value) -> PyResult<Bound<'py, PyAny>> {
    use toml::Value;
    Ok(match v {
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Integer(i) => i.into_pyobject(py)?.into_any(),
        Value::Float(f) => f.into_pyobject(py)?.into_any(),
        Value::Boolean(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Datetime(d) => d.to_string().into_pyobject(py)?.into_any(),
        Value::Array(a) => {
            let l = PyList::empty(py);
            for x in a {
                l.append(value_to_py(py, x)?)?;
            }
            l.into_any()
        }
        Value::Table(t) => {
            let d = PyDict::new(py);
            for (k, x) in t {
                d.set_item(k, value_to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}
