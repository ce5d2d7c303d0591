//! What every stage and exporter is, needs, adds and accepts — read from the option structs'
//! own doc comments (through their JSON schema), so `kutip stages`, validation and the structs
//! cannot disagree.

use crate::config::{CheckConfig, InputConfig};
use kutip_core::Layers;
use kutip_entities::EntitiesConfig;
use kutip_export::{ConllConfig, CsvConfig, JsonConfig};
use kutip_quotes::QuotesConfig;
use kutip_tokenize::TokenizeConfig;
use schemars::JsonSchema;
use serde_json::Value;

/// One option of a component.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionDoc {
    /// The key as written in TOML.
    pub name: String,
    /// Its type, e.g. `boolean`, `array of string`, `bio | bilou`.
    pub kind: String,
    /// Its default, as TOML-ish text.
    pub default: String,
    /// What it does.
    pub help: String,
}

/// A stage, exporter or the input section.
#[derive(Clone, Debug, PartialEq)]
pub struct ComponentDoc {
    /// `stage`, `exporter` or `input`.
    pub role: &'static str,
    /// The `type` name.
    pub name: String,
    /// One line on what it does.
    pub summary: String,
    /// Layers it needs.
    pub requires: Layers,
    /// Layers it adds.
    pub provides: Layers,
    /// Its options.
    pub options: Vec<OptionDoc>,
}

/// Every built-in component.
#[derive(Clone, Debug)]
pub struct Catalog {
    /// The `[input]` section.
    pub input: ComponentDoc,
    /// The `[check]` section (golden files for `kutip check`).
    pub check: ComponentDoc,
    /// Stages, in the order a pipeline usually has them.
    pub stages: Vec<ComponentDoc>,
    /// Exporters.
    pub exporters: Vec<ComponentDoc>,
}

impl Catalog {
    /// The built-in stages and exporters.
    pub fn builtin() -> Catalog {
        let t = Layers::TOKENS | Layers::SENTENCES;
        let path = OptionDoc {
            name: "path".into(),
            kind: "string".into(),
            default: "\"-\"".into(),
            help: "Where to write: a file path (written to a temporary name and renamed when complete), or \"-\" for stdout.".into(),
        };
        let on_error = OptionDoc {
            name: "on_error".into(),
            kind: "continue | stop".into(),
            default: "\"continue\"".into(),
            help: "When this exporter fails on a document: `continue` reports the document with its id and goes on (kutip exits with 1), `stop` stops the run there and keeps no output.".into(),
        };
        let exporter =
            |name: &str, summary: &str, requires: Layers, mut options: Vec<OptionDoc>| {
                options.insert(0, on_error.clone());
                options.insert(0, path.clone());
                ComponentDoc {
                    role: "exporter",
                    name: name.into(),
                    summary: summary.into(),
                    requires,
                    provides: Layers::empty(),
                    options,
                }
            };
        Catalog {
            input: ComponentDoc {
                role: "input",
                name: "input".into(),
                summary: "How input files and stdin are read.".into(),
                requires: Layers::empty(),
                provides: Layers::empty(),
                options: options_of::<InputConfig>(),
            },
            check: ComponentDoc {
                role: "check",
                name: "check".into(),
                summary: "How `kutip check` names and fills golden files.".into(),
                requires: Layers::empty(),
                provides: Layers::empty(),
                options: options_of::<CheckConfig>(),
            },
            stages: vec![
                ComponentDoc {
                    role: "stage",
                    name: "tokenize".into(),
                    summary: "Paragraphs, sentences and tokens of Indonesian text; marks boilerplate (\"Baca juga:\", datelines, bylines). Keeps the tokens of pre-tokenized input.".into(),
                    requires: Layers::empty(),
                    provides: Layers::PARAGRAPHS | t | Layers::BOILERPLATE,
                    options: options_of::<TokenizeConfig>(),
                },
                ComponentDoc {
                    role: "stage",
                    name: "entities".into(),
                    summary: "People, organisations, places, dates, amounts and roles, with short names linked to full ones.".into(),
                    requires: t,
                    provides: Layers::ENTITIES,
                    options: options_of::<EntitiesConfig>(),
                },
                ComponentDoc {
                    role: "stage",
                    name: "quotes".into(),
                    summary: "Quotations with their cue, speaker (resolved through -nya and pronouns), role, affiliation and time.".into(),
                    requires: t | Layers::ENTITIES,
                    provides: Layers::QUOTES,
                    options: options_of::<QuotesConfig>(),
                },
            ],
            exporters: vec![
                exporter("json", "One pretty-printed JSON array of kutip/1 documents.", Layers::empty(), options_of::<JsonConfig>()),
                exporter("jsonl", "One compact kutip/1 JSON document per line (JSON Lines).", Layers::empty(), options_of::<JsonConfig>()),
                exporter(
                    "conll",
                    "One `token<TAB>label` line per token; for CoNLL input, line for line the input's lines.",
                    Layers::TOKENS,
                    options_of::<ConllConfig>(),
                ),
                exporter(
                    "csv",
                    "One row per quote for spreadsheets (RFC 4180, header row): document, kind, content, speaker, speaker_mention, role, affiliation, cue, time, confidence, start, end (character offsets of the content), rule.",
                    Layers::QUOTES,
                    options_of::<CsvConfig>(),
                ),
            ],
        }
    }

    /// A stage by type name.
    pub fn stage(&self, name: &str) -> Option<&ComponentDoc> {
        self.stages.iter().find(|s| s.name == name)
    }

    /// An exporter by type name.
    pub fn exporter(&self, name: &str) -> Option<&ComponentDoc> {
        self.exporters.iter().find(|s| s.name == name)
    }
}

/// The options of a config struct, from its JSON schema (doc comments become help text).
fn options_of<T: JsonSchema>() -> Vec<OptionDoc> {
    let schema = schemars::schema_for!(T);
    let root = schema.as_value();
    let Some(props) = root.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    props
        .iter()
        .map(|(name, p)| OptionDoc {
            name: name.clone(),
            kind: type_of(root, p),
            default: p.get("default").map_or_else(String::new, toml_like),
            help: p
                .get("description")
                .or_else(|| resolve(root, p).and_then(|d| d.get("description")))
                .and_then(Value::as_str)
                .unwrap_or("")
                .replace('\n', " "),
        })
        .collect()
}

fn resolve<'a>(root: &'a Value, p: &'a Value) -> Option<&'a Value> {
    let r = p.get("$ref").and_then(Value::as_str)?;
    let name = r.rsplit('/').next()?;
    root.get("$defs")?.get(name)
}

fn type_of(root: &Value, p: &Value) -> String {
    if let Some(def) = resolve(root, p) {
        if let Some(values) = def
            .get("oneOf")
            .or_else(|| def.get("enum"))
            .and_then(Value::as_array)
        {
            let names: Vec<String> = values
                .iter()
                .filter_map(|v| {
                    v.get("const")
                        .or(Some(v))
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
                .collect();
            if !names.is_empty() {
                return names.join(" | ");
            }
        }
        return type_of(root, def);
    }
    match p.get("type").and_then(Value::as_str) {
        Some("array") => format!(
            "array of {}",
            p.get("items").map_or("value".into(), |i| type_of(root, i))
        ),
        Some("integer") => "integer".into(),
        Some(t) => t.to_string(),
        None => "value".into(),
    }
}

fn toml_like(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{s:?}"),
        Value::Array(a) if a.is_empty() => "[]".into(),
        other => other.to_string(),
    }
}
