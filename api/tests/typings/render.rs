//! Rendering the API description as Python stubs, TypeScript declarations and JSON.
//!
//! Types come from the core's JSON Schemas (schemars): a struct is a TypeScript
//! interface and a Python `TypedDict` (or, as a function's top-level result, the
//! frozen result class the Python binding returns), a string enum a union of literals.

use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

mod python;

pub use python::{python, stub_only_names, PY_BEGIN, PY_END};

/// How a positional parameter reads.
#[derive(Debug, Clone)]
pub enum ParamKind {
    Number,
    Count,
    Numbers,
    Counts,
    Text,
    Texts,
    Date,
    /// A list of dates (a date column).
    Dates,
    /// CSV text (Python: also a path or a DataFrame).
    Csv,
    /// Partial counts (`pmkit_api::analytics::Partial`), and a list of them.
    Partial,
    Partials,
    /// An event log's `events` column, an event parameter, and a list of them.
    EventIds,
    Event,
    Events,
    /// An event log's `user_ids` column.
    UserIds,
    /// An event log's `times` column.
    Times,
    Json(Value),
    /// An object in its JSON form, or its JSON text (a product file).
    JsonOrText(Value),
    /// A result passed on (`Record<T>`): the result class or its JSON form in Python.
    Record(Value),
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub kind: ParamKind,
}

/// An option a binding reads itself (a column, an event by code or name), given after
/// the options struct in the table; it replaces the struct's field of the same name.
#[derive(Debug, Clone)]
pub struct Keyword {
    pub name: String,
    pub doc: String,
    pub kind: ParamKind,
}

/// One option of a function as the bindings take it.
pub enum OptionField<'a> {
    /// A field of the options struct: its name, schema and default.
    Field(&'a str, &'a Value, Value),
    /// A keyword read by a reader (no default: left out means not given).
    Keyword(&'a Keyword),
}

impl OptionField<'_> {
    pub fn name(&self) -> &str {
        match self {
            OptionField::Field(name, ..) => name,
            OptionField::Keyword(keyword) => &keyword.name,
        }
    }

    /// The default (`null` for a keyword).
    pub fn default(&self) -> Value {
        match self {
            OptionField::Field(_, _, default) => default.clone(),
            OptionField::Keyword(_) => Value::Null,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Function {
    pub name: String,
    pub js_name: String,
    pub doc: String,
    pub params: Vec<Param>,
    /// The options struct's schema and its defaults.
    pub options: Option<(Value, Value)>,
    /// The options read by readers, after the struct's.
    pub keywords: Vec<Keyword>,
    pub returns: Value,
    /// The result is given back in its JSON form (`Json<T>`: dicts in Python), not
    /// as a result class.
    pub json_result: bool,
}

#[derive(Debug)]
pub struct Api {
    pub functions: Vec<Function>,
    pub definitions: BTreeMap<String, Value>,
    /// The TypeScript type names an area still declares by hand (its
    /// `typescript_custom_section`), which the declarations leave to it: the same core
    /// type reached by a described area (the calendar `Period`) would be declared twice.
    pub hand_ts: BTreeSet<String>,
}

pub fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for ch in name.chars() {
        if ch == '_' && !out.is_empty() {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

fn ref_name(schema: &Value) -> Option<&str> {
    schema.get("$ref")?.as_str()?.rsplit('/').next()
}

impl Api {
    fn definition<'a>(&'a self, schema: &'a Value) -> &'a Value {
        match ref_name(schema) {
            Some(name) => &self.definitions[name],
            None => schema,
        }
    }

    /// The properties of an object schema (following a `$ref`), in declaration order,
    /// with whether each is required.
    fn properties<'a>(&'a self, schema: &'a Value) -> Vec<(&'a str, &'a Value, bool)> {
        let schema = self.definition(schema);
        let required: BTreeSet<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|names| names.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        schema
            .get("properties")
            .and_then(Value::as_object)
            .map(|properties| {
                properties
                    .iter()
                    .map(|(name, value)| (name.as_str(), value, required.contains(name.as_str())))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A function's options in order: the options struct's fields, a keyword taking the
    /// place of the field it replaces, and the other keywords after them.
    fn option_fields<'a>(&'a self, function: &'a Function) -> Vec<OptionField<'a>> {
        let keyword = |name: &str| function.keywords.iter().find(|k| k.name == name);
        let mut fields = Vec::new();
        if let Some((schema, defaults)) = &function.options {
            for (field, value, _) in self.properties(schema) {
                fields.push(match keyword(field) {
                    Some(keyword) => OptionField::Keyword(keyword),
                    None => OptionField::Field(
                        field,
                        value,
                        defaults.get(field).cloned().unwrap_or(Value::Null),
                    ),
                });
            }
        }
        for keyword in &function.keywords {
            if !fields.iter().any(|field| field.name() == keyword.name) {
                fields.push(OptionField::Keyword(keyword));
            }
        }
        fields
    }

    /// Every definition `schema` reaches, by name.
    fn reached(&self, schema: &Value, into: &mut BTreeSet<String>) {
        match schema {
            Value::Object(map) => {
                if let Some(name) = ref_name(schema) {
                    if into.insert(name.to_owned()) {
                        self.reached(&self.definitions[name], into);
                    }
                }
                for value in map.values() {
                    self.reached(value, into);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| self.reached(item, into)),
            _ => {}
        }
    }

    fn all_reached(&self) -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        for function in &self.functions {
            for param in &function.params {
                if let ParamKind::Json(schema)
                | ParamKind::JsonOrText(schema)
                | ParamKind::Record(schema) = &param.kind
                {
                    self.reached(schema, &mut names);
                }
            }
            // An options struct is written per function (camelCase keys in
            // TypeScript, keywords in Python); only the types of its fields are shared.
            for field in self.option_fields(function) {
                match field {
                    OptionField::Field(_, schema, _) => self.reached(schema, &mut names),
                    OptionField::Keyword(Keyword {
                        kind: ParamKind::Json(schema),
                        ..
                    }) => self.reached(schema, &mut names),
                    OptionField::Keyword(_) => {}
                }
            }
            self.reached(&function.returns, &mut names);
        }
        names
    }
}

/// A schema's rustdoc as plain prose for another language: no code examples, no
/// intra-doc link targets (`[`Type`](crate::x)` → `Type`), one paragraph per line.
fn description(schema: &Value) -> Option<String> {
    let text = schema.get("description").and_then(Value::as_str)?;
    let text = text.split("```").next().unwrap_or_default();
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("](") {
        let (before, after) = rest.split_at(start);
        plain.push_str(before);
        rest = after.find(')').map_or("", |end| &after[end + 1..]);
    }
    plain.push_str(rest);
    let plain = plain.replace("[`", "`").replace("`]", "`");
    let paragraphs: Vec<String> = plain
        .split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|paragraph| !paragraph.is_empty())
        .collect();
    (!paragraphs.is_empty()).then(|| paragraphs.join("\n"))
}

/// A date (or an optional one): both bindings read a native date object or ISO text
/// there, so an option of this schema is typed as either.
fn is_date(schema: &Value) -> bool {
    schema.get("format").and_then(Value::as_str) == Some("date")
        || ["anyOf", "oneOf"].iter().any(|key| {
            schema
                .get(*key)
                .and_then(Value::as_array)
                .is_some_and(|options| options.iter().any(is_date))
        })
}

fn is_object(schema: &Value) -> bool {
    schema.get("properties").is_some()
}

fn types_of(schema: &Value) -> Vec<String> {
    match schema.get("type") {
        Some(Value::String(name)) => vec![name.clone()],
        Some(Value::Array(names)) => names
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

fn union(parts: Vec<String>) -> String {
    let mut seen = Vec::new();
    for part in parts {
        if !seen.contains(&part) {
            seen.push(part);
        }
    }
    seen.join(" | ")
}

// ---------------------------------------------------------------- TypeScript

/// A type the bindings declare by hand, named by `x-pmkit-class`.
fn hand_class(schema: &Value) -> Option<&str> {
    schema.get("x-pmkit-class")?.as_str()
}

fn ts_type(schema: &Value) -> String {
    if let Some(name) = hand_class(schema) {
        return name.to_owned();
    }
    if let Some(name) = ref_name(schema) {
        return name.to_owned();
    }
    if let Some(constant) = schema.get("const") {
        return constant.to_string();
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return union(values.iter().map(Value::to_string).collect());
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            return union(options.iter().map(ts_type).collect());
        }
    }
    let parts = types_of(schema)
        .iter()
        .map(|name| match name.as_str() {
            "number" | "integer" => "number".to_owned(),
            "string" => "string".to_owned(),
            "boolean" => "boolean".to_owned(),
            "null" => "null".to_owned(),
            "array" => {
                let inner = schema.get("items").map_or("unknown".to_owned(), ts_type);
                if inner.contains(' ') {
                    format!("({inner})[]")
                } else {
                    format!("{inner}[]")
                }
            }
            "object" if is_object(schema) => {
                let fields: Vec<String> = schema["properties"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .map(|(name, value)| format!("{name}: {}", ts_type(value)))
                    .collect();
                format!("{{ {} }}", fields.join("; "))
            }
            "object" => match schema.get("additionalProperties") {
                Some(inner) if inner.is_object() => format!("Record<string, {}>", ts_type(inner)),
                _ => "Record<string, unknown>".to_owned(),
            },
            _ => "unknown".to_owned(),
        })
        .collect::<Vec<_>>();
    if parts.is_empty() {
        "unknown".to_owned()
    } else {
        union(parts)
    }
}

/// A doc comment for TypeScript: parameter names in backticks take their camelCase.
fn ts_doc(text: &str, params: &[String], indent: &str) -> String {
    let mut text = text.to_owned();
    for name in params {
        text = text.replace(&format!("`{name}`"), &format!("`{}`", camel(name)));
        text = text.replace(&format!("`{name}["), &format!("`{}[", camel(name)));
    }
    let mut out = format!("{indent}/**\n");
    for line in text.lines() {
        let _ = writeln!(out, "{indent} * {line}");
    }
    let _ = writeln!(out, "{indent} */");
    out
}

fn ts_param_type(kind: &ParamKind) -> String {
    match kind {
        ParamKind::Number => "number".to_owned(),
        ParamKind::Count => "number | bigint".to_owned(),
        ParamKind::Numbers | ParamKind::Counts => "Numbers".to_owned(),
        ParamKind::Text => "string".to_owned(),
        ParamKind::Texts => "readonly string[]".to_owned(),
        ParamKind::Dates => "readonly (Date | string)[]".to_owned(),
        ParamKind::UserIds => "UserIds".to_owned(),
        ParamKind::Times => "Times".to_owned(),
        ParamKind::Partial => "Counts".to_owned(),
        ParamKind::Partials => "readonly Counts[]".to_owned(),
        ParamKind::EventIds => "EventIds".to_owned(),
        ParamKind::Event => "number | string".to_owned(),
        ParamKind::Events => "Numbers | readonly string[]".to_owned(),
        ParamKind::Date => "Date | string".to_owned(),
        ParamKind::Csv => "string".to_owned(),
        ParamKind::Json(schema) | ParamKind::Record(schema) => ts_type(schema),
        ParamKind::JsonOrText(schema) => format!("{} | string", ts_type(schema)),
    }
}

pub fn typescript(api: &Api) -> String {
    let mut out = String::from(
        "// Generated by pmkit-api from the API description (api/src); do not edit.\n\
         // `PMKIT_BLESS=1 cargo test -p pmkit-api` rewrites it.\n\n\
         /** An array of numbers: a plain array or any numeric typed array (copied in one call). */\n\
         export type Numbers = readonly number[] | Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | Uint8ClampedArray | BigInt64Array | BigUint64Array;\n\n\
         /** An event log's user ids, one per event: numbers (whole, at least 0, at most 2^53) or 64-bit integers in a BigInt64Array or BigUint64Array (text ids: number them with encodeIds first). */\n\
         export type UserIds = Numbers;\n\n\
         /** An event log's times, one per event: whole numbers of the `unit` option since 1970-01-01 (seconds by default; milliseconds for Date.getTime()). */\n\
         export type Times = Numbers;\n\n\
         /** An event log's events, one per event: whole-number event codes (event names: number them with encodeIds first). */\n\
         export type EventIds = Numbers;\n",
    );
    for name in api.all_reached() {
        if api.hand_ts.contains(&name) {
            continue;
        }
        let schema = &api.definitions[&name];
        out.push('\n');
        if let Some(text) = description(schema) {
            out.push_str(&ts_doc(&text, &[], ""));
        }
        if is_object(schema) {
            let _ = writeln!(out, "export interface {name} {{");
            for (field, value, required) in api.properties(schema) {
                if let Some(text) = description(value) {
                    out.push_str(&ts_doc(&text, &[], "  "));
                }
                let optional = if required { "" } else { "?" };
                let _ = writeln!(out, "  {field}{optional}: {};", ts_type(value));
            }
            out.push_str("}\n");
        } else {
            let _ = writeln!(out, "export type {name} = {};", ts_type(schema));
        }
    }
    // An options struct under its Rust name too (`ChartOptions`), for code that passes
    // one options object to several functions: an alias of its first function's.
    let reached = api.all_reached();
    let own_names: BTreeSet<String> = api
        .functions
        .iter()
        .map(|function| format!("{}Options", pascal(&function.js_name)))
        .collect();
    let mut aliased = BTreeSet::new();
    for function in &api.functions {
        let Some(name) = function
            .options
            .as_ref()
            .and_then(|(schema, _)| ref_name(schema))
        else {
            continue;
        };
        let own = format!("{}Options", pascal(&function.js_name));
        if !own_names.contains(name)
            && !reached.contains(name)
            && !api.hand_ts.contains(name)
            && aliased.insert(name.to_owned())
        {
            let _ = writeln!(
                out,
                "\n/** The core's `{name}`: the options of `{}` and every function that takes them. */\nexport type {name} = {own};",
                function.js_name
            );
        }
    }
    for function in &api.functions {
        let names: Vec<String> = function.params.iter().map(|p| p.name.clone()).collect();
        let mut params: Vec<String> = function
            .params
            .iter()
            .map(|p| format!("{}: {}", camel(&p.name), ts_param_type(&p.kind)))
            .collect();
        let mut option_names = Vec::new();
        if function.options.is_some() {
            let options_name = format!("{}Options", pascal(&function.js_name));
            let _ = writeln!(
                out,
                "\n/** The options of `{}`; every one may be left out. */",
                function.js_name
            );
            let _ = writeln!(out, "export interface {options_name} {{");
            let fields = api.option_fields(function);
            let field_names: Vec<String> = fields.iter().map(|f| f.name().to_owned()).collect();
            for field in &fields {
                option_names.push(field.name().to_owned());
                let (mut text, mut ty) = match field {
                    OptionField::Field(_, value, _) => (
                        description(value).unwrap_or_default(),
                        if is_date(value) {
                            "Date | string".to_owned()
                        } else {
                            ts_type(value)
                        },
                    ),
                    OptionField::Keyword(keyword) => {
                        (keyword.doc.clone(), ts_param_type(&keyword.kind))
                    }
                };
                let default = field.default();
                if !default.is_null() {
                    let _ = write!(text, "\n@defaultValue `{default}`");
                }
                if !text.is_empty() {
                    out.push_str(&ts_doc(&text, &field_names, "  "));
                }
                if !ty.split(" | ").any(|part| part == "null") {
                    ty.push_str(" | null");
                }
                let _ = writeln!(out, "  {}?: {ty};", camel(field.name()));
            }
            out.push_str("}\n");
            params.push(format!("options?: {options_name} | null"));
        }
        out.push('\n');
        let all_names: Vec<String> = names.iter().chain(option_names.iter()).cloned().collect();
        out.push_str(&ts_doc(
            &format!(
                "{}\n@throws {{PmkitError}} on bad input, naming the parameter.",
                function.doc
            ),
            &all_names,
            "",
        ));
        let _ = writeln!(
            out,
            "export function {}({}): {};",
            function.js_name,
            params.join(", "),
            ts_type(&function.returns)
        );
    }
    out.push_str(&ts_event_log(api));
    out
}

/// The `EventLog` class: a method for every function over `userIds, times` (and
/// `events`), without those parameters, whose options also take `by` and
/// `maxSegments`; with `by` the result is a `Breakdown` (two overloads say which).
fn ts_event_log(api: &Api) -> String {
    let mut out = String::from(
        "\n/** The metric over the events of one property value. */\n\
         export interface Segment<R> {\n  /** The property value (\"other\" for the pooled rest). */\n  value: string;\n  /** Whether this segment pools the values beyond `maxSegments`. */\n  other: boolean;\n  /** Events in the segment. */\n  events: number;\n  /** The metric over them. */\n  result: R;\n}\n\n\
         /** A metric over the whole log (`total`) and per value of a property (`segments`, most events first, the values beyond `maxSegments` pooled last as \"other\"). */\n\
         export interface Breakdown<R> {\n  by: string;\n  total: R;\n  segments: Segment<R>[];\n}\n\n\
         /** The options of `new EventLog`. */\n\
         export interface EventLogOptions {\n  /** Event names (strings) or codes, one per event. */\n  events?: readonly string[] | Numbers | null;\n  /** Property columns (strings or numbers, one per event) by name, to break metrics down by. */\n  properties?: Record<string, readonly string[] | Numbers> | null;\n  /** The unit of `times`; default seconds. */\n  unit?: TimeUnitName | null;\n}\n\n\
         /** The breakdown options every `EventLog` method takes. */\n\
         export interface BreakdownOptions {\n  /** A property of the log: one result per value, and the total. */\n  by?: string | null;\n  /** At most this many segments before the rest are pooled as \"other\". @defaultValue `25` */\n  maxSegments?: number | null;\n}\n\n\
         /**\n * An event log read once: user ids and event names (strings or numbers) numbered, times in one unit, and property columns to break metrics down by. Every analytics function over `userIds, times` is a method; `{ by: \"plan\" }` gives a `Breakdown`. Call `free()` when done with a large log (wasm memory is not garbage-collected).\n * @throws {PmkitError} on bad input, naming the parameter.\n */\n\
         export class EventLog {\n  constructor(userIds: readonly string[] | Numbers, times: Numbers, options?: EventLogOptions | null);\n  /** Releases the log's wasm memory. */\n  free(): void;\n  /** Events in the log. */\n  readonly length: number;\n  /** Distinct users. */\n  readonly users: number;\n  /** Event names in code order (undefined without an events column). */\n  readonly eventNames: string[] | undefined;\n  /** The property names. */\n  readonly properties: string[];\n",
    );
    for function in &api.functions {
        let names: Vec<&str> = function.params.iter().map(|p| p.name.as_str()).collect();
        let skip = match names.as_slice() {
            ["user_ids", "times", "events", ..] => 3,
            ["user_ids", "times", ..] => 2,
            _ => continue,
        };
        let params: Vec<String> = function.params[skip..]
            .iter()
            .map(|p| format!("{}: {}", camel(&p.name), ts_param_type(&p.kind)))
            .collect();
        let options = if function.options.is_some() {
            format!("Omit<{}Options, \"events\">", pascal(&function.js_name))
        } else {
            "{}".to_owned()
        };
        let returns = ts_type(&function.returns);
        for (by, optional, result) in [
            ("by?: null", "?", returns.clone()),
            ("by: string", "", format!("Breakdown<{returns}>")),
        ] {
            let mut all = params.clone();
            all.push(format!(
                "options{optional}: {options} & {{ {by}; maxSegments?: number | null }}{}",
                if optional.is_empty() { "" } else { " | null" }
            ));
            let _ = writeln!(out, "  {}({}): {result};", function.js_name, all.join(", "));
        }
    }
    out.push_str("}\n");
    out
}

fn pascal(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

// ---------------------------------------------------------------- JSON

/// The description as data: each function's name in both languages, its positional
/// parameters and its option names with their defaults.
pub fn manifest(api: &Api) -> String {
    let functions: Map<String, Value> = api
        .functions
        .iter()
        .map(|function| {
            let options: Map<String, Value> = api
                .option_fields(function)
                .iter()
                .map(|field| (field.name().to_owned(), field.default()))
                .collect();
            (
                function.name.clone(),
                json!({
                    "js_name": function.js_name,
                    "params": function.params.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
                    "options": function.options.as_ref().map(|_| Value::Object(options)),
                }),
            )
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&json!({ "functions": functions })).unwrap();
    text.push('\n');
    text
}
