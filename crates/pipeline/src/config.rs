//! The pipeline file: its types, and a checker that reports every problem at once.

use crate::catalog::{Catalog, ComponentDoc};
use crate::diagnostic::{Collector, ConfigError, did_you_mean};
use crate::plugins::{PluginExport, parse_plugin_export};
use kutip_core::Layers;
use kutip_entities::EntitiesConfig;
use kutip_export::{ConllConfig, CsvConfig, JsonConfig};
use kutip_quotes::QuotesConfig;
use kutip_tokenize::TokenizeConfig;
use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A checked pipeline: where documents come from, what is done to them, where they go.
#[derive(Clone, Debug, PartialEq)]
pub struct PipelineConfig {
    /// How inputs are read.
    pub input: InputConfig,
    /// Stages, in the order they run.
    pub stages: Vec<StageConfig>,
    /// Exporters; each receives every document.
    pub exports: Vec<ExportConfig>,
    /// How `kutip check` names and fills golden files.
    pub check: CheckConfig,
}

/// The `[check]` section: golden files for `kutip check`.
#[derive(Clone, Debug, Deserialize, JsonSchema, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct CheckConfig {
    /// Name of an input's golden file, beside the input. `{stem}` is the input's file name
    /// without its extension, `{name}` the whole file name, `{ext}` the golden's kind: `json` for
    /// the documents, or an exporter's type (`conll`, `csv`…) for that exporter's output.
    pub golden: String,
    /// Also pin the output of the pipeline's built-in text exporters (`conll`, `csv`), each in
    /// its own golden file. Plugin outputs (an HTML report, a database) are not pinned.
    pub exporters: bool,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            golden: "{stem}.kutip.{ext}".into(),
            exporters: true,
        }
    }
}

impl CheckConfig {
    /// The golden file name for an input file name and a golden kind (`json`, `conll`…).
    pub fn golden_name(&self, input_name: &str, ext: &str) -> String {
        let stem = input_name.rsplit_once('.').map_or(input_name, |(s, _)| s);
        self.golden
            .replace("{stem}", stem)
            .replace("{name}", input_name)
            .replace("{ext}", ext)
    }
}

/// The `[input]` section.
#[derive(Clone, Debug, Deserialize, JsonSchema, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct InputConfig {
    /// `auto` (by file extension: `.jsonl` → jsonl, `.conll`/`.bio` → conll, anything else and
    /// stdin → text), `text` (a file is one document, id = file stem), `jsonl` (one JSON object
    /// per line with a `text` field) or `conll` (one token per line, first column; `-DOCSTART-`
    /// starts a document; blank lines break sentences; the tokens are kept as given).
    pub format: InputFormat,
    /// JSONL: the field holding the document's text.
    pub text_field: String,
    /// JSONL: the field holding the document's id (missing ids become `FILE#LINE`).
    pub id_field: String,
    /// Replace invalid UTF-8 with U+FFFD instead of failing the document (`--lossy`).
    pub lossy: bool,
}

impl Default for InputConfig {
    fn default() -> Self {
        InputConfig {
            format: InputFormat::Auto,
            text_field: "text".into(),
            id_field: "id".into(),
            lossy: false,
        }
    }
}

/// Input formats.
#[derive(Clone, Copy, Debug, Default, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// Chosen by file extension.
    #[default]
    Auto,
    /// Plain text: a file is a document.
    Text,
    /// JSON Lines.
    Jsonl,
    /// CoNLL / BIO / BILOU columns.
    Conll,
}

impl InputFormat {
    /// Layers a document of this format arrives with.
    pub fn provides(self) -> Layers {
        match self {
            InputFormat::Conll => Layers::TOKENS | Layers::SENTENCES,
            _ => Layers::empty(),
        }
    }
}

/// One `[[stage]]`.
#[derive(Clone, Debug, PartialEq)]
pub enum StageConfig {
    /// `type = "tokenize"`.
    Tokenize(TokenizeConfig),
    /// `type = "entities"`.
    Entities(EntitiesConfig),
    /// `type = "quotes"`.
    Quotes(QuotesConfig),
}

impl StageConfig {
    /// The stage's type name.
    pub fn type_name(&self) -> &'static str {
        match self {
            StageConfig::Tokenize(_) => "tokenize",
            StageConfig::Entities(_) => "entities",
            StageConfig::Quotes(_) => "quotes",
        }
    }
}

/// One `[[export]]`.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportConfig {
    /// Where to write: a file path, or `-` for stdout.
    pub path: String,
    /// Which exporter, with its options.
    pub kind: ExportKind,
    /// What a document this exporter fails on does to the run.
    pub on_error: OnError,
}

impl ExportConfig {
    /// An exporter writing to `path`, going on after a failed document.
    pub fn new(kind: ExportKind, path: impl Into<String>) -> ExportConfig {
        ExportConfig {
            path: path.into(),
            kind,
            on_error: OnError::Continue,
        }
    }
}

/// `on_error`: what happens when an exporter fails on one document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OnError {
    /// Report the document (with its id) and go on; kutip exits with 1 at the end.
    #[default]
    Continue,
    /// Stop the run at that document; no output is kept under its final name.
    Stop,
}

/// Exporters and their options: built-in ones, and plugins loaded at run time.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportKind {
    /// `type = "json"`: one pretty JSON array.
    Json(JsonConfig),
    /// `type = "jsonl"`: one JSON document per line.
    Jsonl(JsonConfig),
    /// `type = "conll"`: token and label columns. Boxed: its scheme options make it several
    /// times larger than the other variants.
    Conll(Box<ConllConfig>),
    /// `type = "csv"`: one row per quote.
    Csv(CsvConfig),
    /// Any other `type`: the exporter plugin of that name.
    Plugin(PluginExport),
}

impl ExportKind {
    /// The exporter's type name.
    pub fn type_name(&self) -> &str {
        match self {
            ExportKind::Json(_) => "json",
            ExportKind::Jsonl(_) => "jsonl",
            ExportKind::Conll(_) => "conll",
            ExportKind::Csv(_) => "csv",
            ExportKind::Plugin(p) => &p.name,
        }
    }

    /// The exporter with default options, by type name: a built-in one, else the plugin of that
    /// name (`None` when the name cannot be a plugin's).
    pub fn from_name(name: &str) -> Option<ExportKind> {
        Some(match name {
            "json" => ExportKind::Json(JsonConfig::default()),
            "jsonl" => ExportKind::Jsonl(JsonConfig::default()),
            "conll" => ExportKind::Conll(Box::default()),
            "csv" => ExportKind::Csv(CsvConfig::default()),
            _ => ExportKind::Plugin(PluginExport::named(name)?),
        })
    }
}

impl PipelineConfig {
    /// Parses and checks a pipeline file. `origin` names it in messages. Every problem is
    /// reported, each with its line and column and, where one helps, a hint.
    pub fn parse(source: &str, origin: &str) -> Result<PipelineConfig, ConfigError> {
        let mut c = Collector::new(source);
        let root = match DeTable::parse(source) {
            Ok(root) => root,
            Err(e) => {
                c.error(
                    e.span().map(|r| r.start),
                    format!("this is not valid TOML: {}", e.message().trim()),
                    None,
                );
                return Err(c.finish(origin).unwrap_err());
            }
        };
        let catalog = Catalog::builtin();
        let mut config = PipelineConfig {
            input: InputConfig::default(),
            stages: Vec::new(),
            exports: Vec::new(),
            check: CheckConfig::default(),
        };
        for (key, value) in root.get_ref().iter() {
            let name: &str = key.get_ref();
            match name {
                "input" => {
                    if let Some(table) = expect_table(&mut c, value, "[input]") {
                        check_keys(&mut c, table, &catalog.input, &[]);
                        if let Some(input) =
                            deserialize::<InputConfig>(&mut c, table, value.span(), &[])
                        {
                            config.input = input;
                        }
                    }
                }
                "stage" => {
                    for table in expect_array_of_tables(&mut c, value, "[[stage]]") {
                        if let Some(stage) = parse_stage(&mut c, &catalog, table) {
                            config.stages.push(stage);
                        }
                    }
                }
                "check" => {
                    if let Some(table) = expect_table(&mut c, value, "[check]") {
                        check_keys(&mut c, table, &catalog.check, &[]);
                        if let Some(check) =
                            deserialize::<CheckConfig>(&mut c, table, value.span(), &[])
                        {
                            if !check.golden.contains("{ext}") {
                                c.error(
                                    Some(value.span().start),
                                    "`golden` must contain `{ext}`, or the golden files of the documents and of each exporter would share one name".to_string(),
                                    Some("for example golden = \"{stem}.kutip.{ext}\"".into()),
                                );
                            }
                            config.check = check;
                        }
                    }
                }
                "export" => {
                    for table in expect_array_of_tables(&mut c, value, "[[export]]") {
                        if let Some(export) = parse_export(&mut c, &catalog, table, origin) {
                            config.exports.push(export);
                        }
                    }
                }
                other => c.error(
                    Some(key.span().start),
                    format!("unknown section `{other}`"),
                    Some(
                        did_you_mean(other, ["input", "stage", "export", "check"]).unwrap_or_else(|| {
                            "a pipeline has `[input]`, `[[stage]]`, `[[export]]` and `[check]` sections"
                                .into()
                        }),
                    ),
                ),
            }
        }
        if c.diagnostics.is_empty() {
            check_order(&mut c, &catalog, &config, &root);
        }
        c.finish(origin)?;
        if config.exports.is_empty() {
            config.exports.push(ExportConfig::new(
                ExportKind::Jsonl(JsonConfig::default()),
                "-",
            ));
        }
        Ok(config)
    }
}

fn expect_table<'a, 'i>(
    c: &mut Collector,
    value: &'a Spanned<DeValue<'i>>,
    what: &str,
) -> Option<&'a DeTable<'i>> {
    match value.get_ref() {
        DeValue::Table(t) => Some(t),
        _ => {
            c.error(
                Some(value.span().start),
                format!("{what} must be a table"),
                None,
            );
            None
        }
    }
}

fn expect_array_of_tables<'a, 'i>(
    c: &mut Collector,
    value: &'a Spanned<DeValue<'i>>,
    what: &str,
) -> Vec<Spanned<&'a DeTable<'i>>> {
    let DeValue::Array(items) = value.get_ref() else {
        c.error(
            Some(value.span().start),
            format!("{what} must be an array of tables"),
            Some(format!(
                "write each one as a `{what}` header followed by its keys"
            )),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items.iter() {
        match item.get_ref() {
            DeValue::Table(t) => out.push(Spanned::new(item.span(), t)),
            _ => c.error(
                Some(item.span().start),
                format!("each {what} must be a table"),
                None,
            ),
        }
    }
    out
}

/// The `type` key of a stage or export table, checked against the known names.
pub(crate) fn type_of<'t>(
    c: &mut Collector,
    table: &Spanned<&'t DeTable<'_>>,
    known: &[&str],
    what: &str,
) -> Option<&'t str> {
    let Some(value) = table.get_ref().get("type") else {
        c.error(
            Some(table.span().start),
            format!("this {what} has no `type`"),
            Some(format!("add `type = \"…\"`, one of: {}", known.join(", "))),
        );
        return None;
    };
    let DeValue::String(name) = value.get_ref() else {
        c.error(
            Some(value.span().start),
            "`type` must be a string".to_string(),
            None,
        );
        return None;
    };
    let name: &str = name.as_ref();
    if !known.contains(&name) {
        let hint = did_you_mean(name, known.iter().copied())
            .map(|d| format!("{d} ({what} types: {})", known.join(", ")))
            .unwrap_or_else(|| {
                format!(
                    "{what} types are: {} (`kutip stages` describes each)",
                    known.join(", ")
                )
            });
        c.error(
            Some(value.span().start),
            format!("unknown {what} type `{name}`"),
            Some(hint),
        );
        return None;
    }
    Some(name)
}

/// Reports keys that the component does not have.
pub(crate) fn check_keys(
    c: &mut Collector,
    table: &DeTable,
    doc: &ComponentDoc,
    extra: &[&str],
) -> bool {
    let mut ok = true;
    for (key, _) in table.iter() {
        let name: &str = key.get_ref();
        if extra.contains(&name) || doc.options.iter().any(|o| o.name == name) {
            continue;
        }
        ok = false;
        let known: Vec<&str> = doc
            .options
            .iter()
            .map(|o| o.name.as_str())
            .chain(extra.iter().copied())
            .collect();
        let hint = did_you_mean(name, known.iter().copied()).unwrap_or_else(|| {
            if known.is_empty() {
                format!("`{}` takes no options", doc.name)
            } else {
                format!("`{}` takes: {}", doc.name, known.join(", "))
            }
        });
        c.error(
            Some(key.span().start),
            format!("unknown option `{name}` for {} `{}`", doc.role, doc.name),
            Some(hint),
        );
    }
    ok
}

/// Deserialises a table (minus the `skip` keys) into a typed config; type errors are reported
/// at the offending value.
pub(crate) fn deserialize<T: DeserializeOwned>(
    c: &mut Collector,
    table: &DeTable,
    span: std::ops::Range<usize>,
    skip: &[&str],
) -> Option<T> {
    let mut rest = DeTable::new();
    for (k, v) in table.iter() {
        if !skip.contains(&k.get_ref().as_ref()) {
            rest.insert(k.clone(), v.clone());
        }
    }
    rest.make_owned();
    match T::deserialize(toml::de::Deserializer::from(Spanned::new(
        span.clone(),
        rest,
    ))) {
        Ok(v) => Some(v),
        Err(e) => {
            c.error(
                Some(e.span().map_or(span.start, |r| r.start)),
                e.message().trim().to_string(),
                None,
            );
            None
        }
    }
}

fn parse_stage(
    c: &mut Collector,
    catalog: &Catalog,
    table: Spanned<&DeTable>,
) -> Option<StageConfig> {
    let names: Vec<&str> = catalog.stages.iter().map(|s| s.name.as_str()).collect();
    let name = type_of(c, &table, &names, "stage")?;
    let doc = catalog.stage(name)?;
    if !check_keys(c, table.get_ref(), doc, &["type"]) {
        return None;
    }
    let (span, t) = (table.span(), *table.get_ref());
    Some(match name {
        "tokenize" => StageConfig::Tokenize(deserialize(c, t, span, &["type"])?),
        "entities" => StageConfig::Entities(deserialize(c, t, span, &["type"])?),
        _ => StageConfig::Quotes(deserialize(c, t, span, &["type"])?),
    })
}

fn parse_export(
    c: &mut Collector,
    catalog: &Catalog,
    table: Spanned<&DeTable>,
    origin: &str,
) -> Option<ExportConfig> {
    let names: Vec<&str> = catalog.exporters.iter().map(|s| s.name.as_str()).collect();
    let t = *table.get_ref();
    let plugin_name = match t.get("type").map(|v| v.get_ref()) {
        Some(DeValue::String(name)) if !names.contains(&name.as_ref()) => Some(name.to_string()),
        _ => None,
    };
    let name = match &plugin_name {
        Some(name) => name.as_str(),
        None => type_of(c, &table, &names, "exporter")?,
    };
    let path = match t.get("path").map(|v| (v.span(), v.get_ref())) {
        None => "-".to_string(),
        Some((_, DeValue::String(p))) if !p.is_empty() => p.to_string(),
        Some((span, _)) => {
            c.error(
                Some(span.start),
                "`path` must be a file path, or \"-\" for stdout".to_string(),
                None,
            );
            return None;
        }
    };
    let on_error = match t.get("on_error").map(|v| (v.span(), v.get_ref())) {
        None => OnError::Continue,
        Some((_, DeValue::String(s))) if s == "continue" => OnError::Continue,
        Some((_, DeValue::String(s))) if s == "stop" => OnError::Stop,
        Some((span, _)) => {
            c.error(
                Some(span.start),
                "`on_error` must be \"continue\" or \"stop\"".to_string(),
                None,
            );
            return None;
        }
    };
    let span = table.span();
    if plugin_name.is_some() {
        let kind = ExportKind::Plugin(parse_plugin_export(c, &table, name, origin)?);
        return Some(ExportConfig {
            path,
            kind,
            on_error,
        });
    }
    let doc = catalog.exporter(name)?;
    if let Some(plugin) = t.get("plugin") {
        c.error(
            Some(plugin.span().start),
            format!("`{name}` is built in; `plugin` names the library of a plugin exporter"),
            Some("remove `plugin`, or give the plugin's own name as `type`".into()),
        );
        return None;
    }
    if !check_keys(c, t, doc, &["type"]) {
        return None;
    }
    let skip = &["type", "path", "on_error"];
    let kind = match name {
        "json" => ExportKind::Json(deserialize(c, t, span, skip)?),
        "jsonl" => ExportKind::Jsonl(deserialize(c, t, span, skip)?),
        "csv" => ExportKind::Csv(deserialize(c, t, span, skip)?),
        _ => ExportKind::Conll(Box::new(deserialize(c, t, span, skip)?)),
    };
    Some(ExportConfig {
        path,
        kind,
        on_error,
    })
}

/// Every stage's requirements must be provided by the input or an earlier stage, and at most one
/// exporter may write to stdout.
fn check_order(
    c: &mut Collector,
    catalog: &Catalog,
    config: &PipelineConfig,
    root: &Spanned<DeTable>,
) {
    let stage_spans: Vec<usize> = match root.get_ref().get("stage").map(|v| v.get_ref()) {
        Some(DeValue::Array(items)) => items.iter().map(|i| i.span().start).collect(),
        _ => Vec::new(),
    };
    let export_spans: Vec<usize> = match root.get_ref().get("export").map(|v| v.get_ref()) {
        Some(DeValue::Array(items)) => items.iter().map(|i| i.span().start).collect(),
        _ => Vec::new(),
    };
    let mut have = config.input.format.provides();
    if config.input.format == InputFormat::Auto {
        // A CoNLL file may arrive; its tokens are not guaranteed, so nothing is assumed.
        have = Layers::empty();
    }
    for (n, stage) in config.stages.iter().enumerate() {
        let doc = catalog.stage(stage.type_name()).expect("validated stage");
        let missing = doc.requires - have;
        if !missing.is_empty() {
            c.error(
                stage_spans.get(n).copied(),
                format!("stage `{}` needs {}", doc.name, and_list(&missing.names())),
                Some(format!("put {} before it", providers(catalog, missing))),
            );
        }
        have |= doc.provides;
    }
    let mut stdout_seen = false;
    for (n, export) in config.exports.iter().enumerate() {
        // Plugins do not declare what they need; they read whatever the document has.
        let requires = catalog
            .exporter(export.kind.type_name())
            .map_or(Layers::empty(), |doc| doc.requires);
        let missing = requires - have;
        if !missing.is_empty() {
            let hint = if missing == Layers::TOKENS {
                "add a `tokenize` stage, or read pre-tokenized input with `format = \"conll\"`"
                    .to_string()
            } else {
                format!("put {} before it", providers(catalog, missing))
            };
            c.error(
                export_spans.get(n).copied(),
                format!(
                    "exporter `{}` needs {}",
                    export.kind.type_name(),
                    and_list(&missing.names())
                ),
                Some(hint),
            );
        }
        if export.path == "-" {
            if stdout_seen {
                c.error(
                    export_spans.get(n).copied(),
                    "a second exporter writes to stdout".to_string(),
                    Some("give one of them a `path`".into()),
                );
            }
            stdout_seen = true;
        }
    }
}

/// "a, b and c".
fn and_list(items: &[impl AsRef<str>]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// "a `tokenize` stage and an `entities` stage": the stages that provide the missing layers.
fn providers(catalog: &Catalog, missing: Layers) -> String {
    let mut names: Vec<&str> = Vec::new();
    for (_, layer) in missing.iter_names() {
        if let Some(stage) = catalog.stages.iter().find(|s| s.provides.contains(layer)) {
            if !names.contains(&stage.name.as_str()) {
                names.push(&stage.name);
            }
        }
    }
    let phrases: Vec<String> = names
        .iter()
        .map(|n| {
            let article = if n.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("{article} `{n}` stage")
        })
        .collect();
    if phrases.is_empty() {
        "the stage that provides it".into()
    } else {
        and_list(&phrases)
    }
}
