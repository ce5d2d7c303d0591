//! Plugin exporters in a pipeline: their `[[export]]` tables, and finding their libraries.
//!
//! Any exporter `type` that is not built in names a plugin. Its library is the file given by
//! `plugin = "path/to/libkutip_NAME.so"`, or else `libkutip_NAME.so` in one of the plugin
//! directories (`--plugin-dir`, `KUTIP_PLUGIN_PATH`). Every key of the table other than `type`,
//! `path`, `plugin` and `on_error` is the plugin's own option, passed through as JSON.

use crate::config::{ExportConfig, ExportKind, PipelineConfig, deserialize};
use crate::diagnostic::{Collector, did_you_mean};
use kutip_plugin_host::{OutputKind, Plugin, PluginSearch, Plugins};
use std::path::PathBuf;
use std::sync::Arc;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// An `[[export]]` whose `type` is a plugin's name.
#[derive(Clone, Debug, PartialEq)]
pub struct PluginExport {
    /// The plugin's name (`type`).
    pub name: String,
    /// The library named by `plugin = "…"`, if any; otherwise it is found by name.
    pub library: Option<PathBuf>,
    /// The plugin's own options: the table's other keys.
    pub options: serde_json::Map<String, serde_json::Value>,
    /// Where the pipeline names it (`mine.toml:12:1`), for messages.
    pub place: Option<String>,
}

impl PluginExport {
    /// The plugin `name` with no options, found by name; `None` when `name` cannot be a
    /// plugin's (plugin names are letters, digits, `-` and `_`).
    pub fn named(name: &str) -> Option<PluginExport> {
        is_plugin_name(name).then(|| PluginExport {
            name: name.to_string(),
            library: None,
            options: serde_json::Map::new(),
            place: None,
        })
    }
}

fn is_plugin_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Reads a plugin export's table (its `type` is `name`, not a built-in one).
pub(crate) fn parse_plugin_export(
    c: &mut Collector,
    table: &Spanned<&DeTable>,
    name: &str,
    origin: &str,
) -> Option<PluginExport> {
    let t = *table.get_ref();
    let (line, column) = c.line_column(table.span().start);
    if !is_plugin_name(name) {
        let at = t.get("type").map(|v| v.span().start);
        c.error(
            at,
            format!("unknown exporter type `{name}`"),
            Some("built-in exporters are json, jsonl, conll and csv; a plugin's name is letters, digits, `-` and `_`".into()),
        );
        return None;
    }
    let library = match t.get("plugin").map(|v| (v.span(), v.get_ref())) {
        None => None,
        Some((_, DeValue::String(p))) if !p.is_empty() => Some(PathBuf::from(p.as_ref())),
        Some((span, _)) => {
            c.error(
                Some(span.start),
                "`plugin` must be the path of the plugin's library".to_string(),
                None,
            );
            return None;
        }
    };
    let options = deserialize::<serde_json::Map<String, serde_json::Value>>(
        c,
        t,
        table.span(),
        &["type", "path", "plugin", "on_error"],
    )?;
    Some(PluginExport {
        name: name.to_string(),
        library,
        options,
        place: Some(format!("{origin}:{line}:{column}")),
    })
}

/// A plugin exporter that could not be found, loaded or started.
#[derive(Debug, thiserror::Error)]
#[error("{}{error}{}", place.as_ref().map_or_else(String::new, |p| format!("{p}: ")), hint.as_ref().map_or_else(String::new, |h| format!("\n  hint: {h}")))]
pub struct PluginProblem {
    /// Where the pipeline names the exporter.
    pub place: Option<String>,
    /// What went wrong (its message is part of this one's, so it is not a `source`).
    pub error: Box<kutip_plugin_host::Error>,
    /// What to do about it, when there is more to say.
    pub hint: Option<String>,
}

impl PluginProblem {
    pub(crate) fn new(export: &PluginExport, error: kutip_plugin_host::Error) -> PluginProblem {
        let hint = match &error {
            kutip_plugin_host::Error::NotFound { .. } => {
                did_you_mean(&export.name, ["json", "jsonl", "conll", "csv"])
                    .map(|d| format!("{d} (a built-in exporter)"))
            }
            _ => None,
        };
        PluginProblem {
            place: export.place.clone(),
            error: Box::new(error),
            hint,
        }
    }
}

/// Finds and loads the library of one plugin export, checking that it can write to `path`.
pub(crate) fn resolve(
    plugins: &mut Plugins,
    export: &ExportConfig,
    plugin: &PluginExport,
) -> Result<Arc<Plugin>, PluginProblem> {
    let loaded = plugins
        .get(&plugin.name, plugin.library.as_deref())
        .map_err(|e| PluginProblem::new(plugin, e))?;
    if loaded.output() == OutputKind::File && export.path == "-" {
        return Err(PluginProblem::new(
            plugin,
            kutip_plugin_host::Error::NeedsPath {
                name: plugin.name.clone(),
            },
        ));
    }
    Ok(loaded)
}

/// Loads every plugin a pipeline uses, without starting any, and reports every problem: what
/// `kutip validate` checks beyond the file itself.
pub fn check_plugins(config: &PipelineConfig, search: &PluginSearch) -> Vec<PluginProblem> {
    let mut plugins = Plugins::new(search.clone());
    config
        .exports
        .iter()
        .filter_map(|export| match &export.kind {
            ExportKind::Plugin(p) => resolve(&mut plugins, export, p).err(),
            _ => None,
        })
        .collect()
}
