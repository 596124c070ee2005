//! The typings generator: expands every API table into descriptions and writes the
//! Python stubs (`_pmkit.pyi`, between its generated markers), the TypeScript
//! declarations (`bindings-wasm/js/api.d.ts`) and the description as data
//! (`api/api.json`, read by the JavaScript vector runner). The test fails when a
//! checked-in file differs from what the code generates; `PMKIT_BLESS=1 cargo test -p
//! pmkit-api` rewrites them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod render;

use render::{Api, Function, Keyword, Param, ParamKind};
use schemars::{JsonSchema, SchemaGenerator};
use serde::Serialize;
use serde_json::Value;
use std::path::PathBuf;

/// How a positional parameter's Rust type reads in each language.
trait Describe {
    fn kind(generator: &mut SchemaGenerator) -> ParamKind;
}

impl Describe for f64 {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Number
    }
}

impl Describe for u64 {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Count
    }
}

impl Describe for Vec<f64> {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Numbers
    }
}

impl Describe for Vec<u64> {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Counts
    }
}

impl Describe for String {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Text
    }
}

impl<T: JsonSchema> Describe for pmkit_api::Name<T> {
    fn kind(generator: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Json(generator.subschema_for::<T>().to_value())
    }
}

impl Describe for pmkit_api::CsvText {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Csv
    }
}

impl Describe for Vec<String> {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Texts
    }
}

/// Partial counts: Python's `Counts` class or their dict form; their JSON form in
/// JavaScript (the hand-declared `Counts`).
impl Describe for pmkit_api::analytics::Partial {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Partial
    }
}

impl Describe for Vec<pmkit_api::analytics::Partial> {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Partials
    }
}

/// An event log's `events` column (see `pmkit_api::columns`).
impl Describe for pmkit_api::EventIds<'_> {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::EventIds
    }
}

/// An event parameter: a code, or a name of a text events column.
impl Describe for pmkit_api::Event {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Event
    }
}

impl Describe for Vec<pmkit_api::Event> {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Events
    }
}

/// An event log's `user_ids` column (see `pmkit_api::columns`).
impl Describe for pmkit_api::UserIds<'_> {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::UserIds
    }
}

/// An event log's `times` column (see `pmkit_api::columns`).
impl Describe for pmkit_api::Times<'_> {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Times
    }
}

impl Describe for chrono::NaiveDate {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Date
    }
}

impl Describe for Vec<chrono::NaiveDate> {
    fn kind(_: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Dates
    }
}

impl<T: JsonSchema> Describe for pmkit_api::Json<T> {
    fn kind(generator: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Json(generator.subschema_for::<T>().to_value())
    }
}

impl<T: JsonSchema> Describe for pmkit_api::Record<T> {
    fn kind(generator: &mut SchemaGenerator) -> ParamKind {
        ParamKind::Record(generator.subschema_for::<T>().to_value())
    }
}

impl<T: JsonSchema> Describe for pmkit_api::JsonOrText<T> {
    fn kind(generator: &mut SchemaGenerator) -> ParamKind {
        ParamKind::JsonOrText(generator.subschema_for::<T>().to_value())
    }
}

/// An options struct: its schema and its defaults, serialized from `Default`.
fn options<T: JsonSchema + Default + Serialize>(generator: &mut SchemaGenerator) -> (Value, Value) {
    let schema = generator.subschema_for::<T>().to_value();
    (schema, serde_json::to_value(T::default()).unwrap())
}

/// A result type, chosen by autoref specialization in [`describe!`]: `Json<T>` (given
/// back in its JSON form: dicts in Python) through [`JsonResult`], any other through
/// [`ClassResult`] (a result class in Python when it is a struct).
struct Returns<T>(std::marker::PhantomData<T>);

trait JsonResult {
    fn describe(&self, generator: &mut SchemaGenerator) -> (Value, bool);
}

impl<T: JsonSchema> JsonResult for Returns<pmkit_api::Json<T>> {
    fn describe(&self, generator: &mut SchemaGenerator) -> (Value, bool) {
        (generator.subschema_for::<T>().to_value(), true)
    }
}

/// Partial counts: Python's `Counts` class (hand-written: it merges, finishes and
/// pickles with its event names), the counts' JSON form in JavaScript. Described by the
/// class name (`x-pmkit-class`) until the counts of every metric are described.
trait PartialResult {
    fn describe(&self, generator: &mut SchemaGenerator) -> (Value, bool);
}

impl PartialResult for Returns<pmkit_api::analytics::Partial> {
    fn describe(&self, _: &mut SchemaGenerator) -> (Value, bool) {
        (serde_json::json!({ "x-pmkit-class": "Counts" }), false)
    }
}

/// A result with event names: its result class, whose event fields read back as names.
impl<T: JsonSchema> PartialResult for Returns<pmkit_api::analytics::Named<T>> {
    fn describe(&self, generator: &mut SchemaGenerator) -> (Value, bool) {
        (generator.subschema_for::<T>().to_value(), false)
    }
}

/// A finished metric: one of the analytics result classes (some still declared by hand).
impl PartialResult for Returns<pmkit_api::analytics::Finished> {
    fn describe(&self, _: &mut SchemaGenerator) -> (Value, bool) {
        let classes = [
            "ActiveUsers",
            "Retention",
            "Churn",
            "Adoption",
            "Funnel",
            "StickinessHistogram",
            "UserLifecycle",
        ];
        let options: Vec<Value> = classes
            .iter()
            .map(|class| serde_json::json!({ "x-pmkit-class": class }))
            .collect();
        (serde_json::json!({ "anyOf": options }), false)
    }
}

trait ClassResult {
    fn describe(&self, generator: &mut SchemaGenerator) -> (Value, bool);
}

impl<T: JsonSchema> ClassResult for &Returns<T> {
    fn describe(&self, generator: &mut SchemaGenerator) -> (Value, bool) {
        (generator.subschema_for::<T>().to_value(), false)
    }
}

/// The callback that turns an API table into [`Function`] descriptions.
macro_rules! describe {
    ($(
        $(#[doc = $doc:expr])*
        fn $name:ident / $js:ident ( $($param:ident : $ptype:ty),* $(; $opts:ident : $otype:ty $({ $($(#[doc = $kdoc:expr])* $kw:ident : $kwtype:ty),* $(,)? })? )? ) -> $ret:ty $body:block
    )*) => {
        |generator: &mut SchemaGenerator| -> Vec<Function> {
            vec![$(
                Function {
                    name: stringify!($name).to_owned(),
                    js_name: stringify!($js).to_owned(),
                    doc: [$($doc),*].iter().map(|line: &&str| line.trim().to_owned()).collect::<Vec<_>>().join("\n"),
                    params: vec![$(Param {
                        name: stringify!($param).to_owned(),
                        kind: <$ptype as Describe>::kind(generator),
                    }),*],
                    options: None$(.or(Some({
                        let _ = stringify!($opts);
                        options::<$otype>(generator)
                    })))?,
                    keywords: vec![$($($(Keyword {
                        name: stringify!($kw).to_owned(),
                        doc: [$($kdoc),*].iter().map(|line: &&str| line.trim().to_owned()).collect::<Vec<_>>().join(" "),
                        kind: <$kwtype as Describe>::kind(generator),
                    }),*)?)?],
                    returns: {
                        let (schema, _) = (&Returns::<$ret>(std::marker::PhantomData)).describe(generator);
                        schema
                    },
                    json_result: (&Returns::<$ret>(std::marker::PhantomData)).describe(generator).1,
                }
            ),*]
        }
    };
}

/// One area's table expanded by [`describe!`].
type DescribeArea = fn(&mut SchemaGenerator) -> Vec<Function>;

fn api() -> Api {
    let settings = schemars::generate::SchemaSettings::draft2020_12();
    let mut generator = SchemaGenerator::new(settings);
    let mut functions = Vec::new();
    let areas: Vec<(&str, DescribeArea)> = vec![
        ("metrics", pmkit_api::metrics!(describe)),
        ("sprint", pmkit_api::sprint!(describe)),
        ("roadmap", pmkit_api::roadmap!(describe)),
        ("flow", pmkit_api::flow!(describe)),
        ("forecast", pmkit_api::forecast!(describe)),
        ("roles", pmkit_api::roles!(describe)),
        ("work", pmkit_api::work!(describe)),
        ("analytics", pmkit_api::analytics!(describe)),
        ("stats", pmkit_api::stats!(describe)),
        ("scorecard", pmkit_api::scorecard!(describe)),
        ("chart", pmkit_api::chart!(describe)),
        ("dashboard", pmkit_api::dashboard!(describe)),
    ];
    let mut area_of = Vec::new();
    for (area, describe_area) in areas {
        for function in describe_area(&mut generator) {
            area_of.push(area.to_owned());
            functions.push(function);
        }
    }
    let definitions = generator
        .definitions()
        .iter()
        .map(|(name, schema)| (name.clone(), schema.clone()))
        .collect();
    Api {
        functions,
        definitions,
        hand_ts: hand_declared_typescript(),
    }
}

/// The type names the wasm binding's hand-written TypeScript (`export type X` /
/// `export interface X` in a `typescript_custom_section` of `bindings-wasm/src`) still
/// declares. While an area is not described, its hand declarations own those names;
/// when they are deleted, the generated declarations take over (and `cargo test`
/// reports the drift until blessed).
fn hand_declared_typescript() -> std::collections::BTreeSet<String> {
    fn walk(dir: &std::path::Path, names: &mut std::collections::BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, names);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for line in text.lines() {
                    let declared = line
                        .strip_prefix("export type ")
                        .or_else(|| line.strip_prefix("export interface "));
                    if let Some(rest) = declared {
                        let name: String = rest
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        names.insert(name);
                    }
                }
            }
        }
    }
    let mut names = std::collections::BTreeSet::new();
    walk(&root().join("bindings-wasm/src"), &mut names);
    names
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `path` holds `expected` (between `markers` when given), or is rewritten to hold it
/// under `PMKIT_BLESS=1`.
fn check(path: PathBuf, generated: &str, markers: Option<(&str, &str)>) {
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    let expected = match markers {
        None => generated.to_owned(),
        Some((begin, end)) => {
            let start = current.find(begin).expect("begin marker") + begin.len();
            let stop = current.find(end).expect("end marker");
            format!("{}\n{generated}\n{}", &current[..start], &current[stop..])
        }
    };
    if current == expected {
        return;
    }
    if std::env::var_os("PMKIT_BLESS").is_some() {
        std::fs::write(&path, expected).unwrap();
        return;
    }
    let first_difference = current
        .lines()
        .zip(expected.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(current.lines().count().min(expected.lines().count()));
    panic!(
        "{} is not what the API description generates (first difference at line {}); \
         run `PMKIT_BLESS=1 cargo test -p pmkit-api` and review the diff",
        path.display(),
        first_difference + 1
    );
}

#[test]
fn typings_match_the_api_description() {
    let api = api();
    check(
        root().join("bindings-python/python/pmkit/_pmkit.pyi"),
        &render::python(&api),
        Some((render::PY_BEGIN, render::PY_END)),
    );
    check(
        root().join("bindings-wasm/js/api.d.ts"),
        &render::typescript(&api),
        None,
    );
    check(root().join("api/api.json"), &render::manifest(&api), None);
    check(
        root().join("bindings-python/stubtest-allowlist-generated.txt"),
        &render::stub_only_names(&api),
        None,
    );
}

#[test]
fn every_option_has_a_default_and_every_name_is_unique() {
    let api = api();
    let mut names: Vec<&str> = api.functions.iter().map(|f| f.name.as_str()).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "a function is described twice");
    for function in &api.functions {
        assert_eq!(
            render::camel(&function.name),
            function.js_name,
            "{}: the JavaScript name must be the camelCase of the Rust name",
            function.name
        );
        assert!(!function.doc.is_empty(), "{} has no doc", function.name);
        if let Some((_, defaults)) = &function.options {
            assert!(
                defaults.is_object(),
                "{}: options serialize as an object",
                function.name
            );
        }
    }
}
