//! Computing an input's golden files and comparing them with what is on disk.

use crate::diff::{Change, ChangeKind, describe};
use kutip_core::wire::WireDocument;
use kutip_pipeline::{
    CheckConfig, ExportKind, InputError, InputSource, Pipeline, built_in_exporter, read_documents,
};
use serde::Serialize;
use serde_json::{Value, json};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// How a golden file compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The golden file holds exactly the current result.
    Unchanged,
    /// The golden file differs from the current result.
    Changed,
    /// There is no golden file yet.
    New,
}

/// One golden file of one input.
#[derive(Debug, Clone, Serialize)]
pub struct Golden {
    /// The input file.
    pub input: PathBuf,
    /// The golden file beside it.
    pub path: PathBuf,
    /// `json` for the documents, or the exporter type whose output it holds.
    pub kind: String,
    /// How it compares.
    pub status: Status,
    /// What changed, in words (for the documents' golden file).
    pub changes: Vec<Change>,
    /// A line diff (for exporters' golden files, and as detail for the documents').
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_diff: Option<String>,
    /// What the golden file should hold now.
    #[serde(skip)]
    pub actual: String,
}

impl Golden {
    /// Writes the current result as the golden file (atomically: a temporary file renamed).
    pub fn write(&self) -> std::io::Result<()> {
        let name = self
            .path
            .file_name()
            .map_or_else(|| "golden".into(), |n| n.to_string_lossy().into_owned());
        let tmp = self
            .path
            .with_file_name(format!(".{name}.kutip-tmp-{}", std::process::id()));
        std::fs::write(&tmp, &self.actual)?;
        std::fs::rename(&tmp, &self.path)
    }
}

/// Why an input could not be checked at all.
#[derive(Debug, thiserror::Error)]
pub enum GoldenError {
    /// The input could not be read.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A golden file exists but could not be read.
    #[error("cannot read golden file {path}: {source}")]
    Read {
        /// The golden file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// An exporter failed.
    #[error("exporter `{exporter}` failed on {input}: {message}")]
    Export {
        /// The exporter type.
        exporter: String,
        /// The input.
        input: String,
        /// What went wrong.
        message: String,
    },
}

/// The input files under `args` (files, or folders walked for `.txt`, `.jsonl`, `.conll`, `.bio`),
/// leaving out the golden files themselves.
pub fn golden_inputs(
    args: &[PathBuf],
    check: &CheckConfig,
    kinds: &[String],
) -> Result<Vec<PathBuf>, InputError> {
    let files: Vec<PathBuf> = InputSource::expand(args)?
        .into_iter()
        .filter_map(|s| match s {
            InputSource::File(p) => Some(p),
            InputSource::Stdin => None,
        })
        .collect();
    let goldens: std::collections::HashSet<PathBuf> = files
        .iter()
        .flat_map(|f| {
            let name = file_name(f);
            kinds
                .iter()
                .map(move |k| f.with_file_name(check.golden_name(&name, k)))
        })
        .collect();
    Ok(files.into_iter().filter(|f| !goldens.contains(f)).collect())
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// The golden kinds a pipeline produces: `json`, plus each built-in text exporter's type
/// (`conll`, `csv`) when `[check] exporters` is on. Plugin outputs (an HTML report, a database)
/// are not pinned: their bytes are the plugin's business.
pub fn golden_kinds(pipeline: &Pipeline) -> Vec<String> {
    let config = pipeline.config();
    let mut kinds = vec!["json".to_string()];
    if config.check.exporters {
        for e in &config.exports {
            let t = e.kind.type_name();
            let text = matches!(e.kind, ExportKind::Conll(_) | ExportKind::Csv(_));
            if text && !kinds.iter().any(|k| k == t) {
                kinds.push(t.to_string());
            }
        }
    }
    kinds
}

/// Runs the pipeline over one input and compares every golden file of it.
pub fn check_input(pipeline: &Pipeline, input: &Path) -> Result<Vec<Golden>, GoldenError> {
    let config = pipeline.config();
    let source = InputSource::File(input.to_path_buf());
    let shown = source.display();
    let name = file_name(input);
    let mut docs = Vec::new();
    let mut entries: Vec<Value> = Vec::new();
    let mut io_error = None;
    read_documents(&source, &config.input, &mut |result| {
        match result {
            Ok(mut doc) => match pipeline.process(&mut doc) {
                Ok(()) => {
                    entries.push(
                        serde_json::to_value(WireDocument::from_document(&doc))
                            .expect("documents serialise"),
                    );
                    docs.push(doc);
                }
                Err(message) => entries.push(json!({"id": doc.id, "error": message})),
            },
            // Paths are volatile (where the checkout lives); the file name is not.
            Err(e) if e.is_document_level() => {
                let message = e.to_string().replace(&shown, &name);
                entries.push(json!({"id": format!("#{}", entries.len() + 1), "error": message}));
            }
            Err(e) => {
                io_error = Some(e);
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    })?;
    if let Some(e) = io_error {
        return Err(e.into());
    }
    let documents = Value::Array(entries);
    let mut out = Vec::new();
    let json_text = serde_json::to_string_pretty(&documents).expect("JSON values serialise") + "\n";
    out.push(compare(
        input,
        &name,
        "json",
        json_text,
        config.check.golden_name(&name, "json"),
    )?);
    for kind in golden_kinds(pipeline).into_iter().skip(1) {
        let export = config
            .exports
            .iter()
            .find(|e| e.kind.type_name() == kind)
            .expect("kind comes from exports");
        let mut bytes = Vec::new();
        {
            let mut exporter = built_in_exporter(&export.kind, Box::new(&mut bytes))
                .expect("golden kinds are built-in exporters");
            let fail = |e: kutip_core::ExportError| GoldenError::Export {
                exporter: kind.clone(),
                input: shown.clone(),
                message: e.to_string(),
            };
            exporter.begin().map_err(fail)?;
            for d in &docs {
                exporter.export(d).map_err(fail)?;
            }
            exporter.finish().map_err(fail)?;
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let golden_name = config.check.golden_name(&name, &kind);
        out.push(compare(input, &name, &kind, text, golden_name)?);
    }
    Ok(out)
}

fn compare(
    input: &Path,
    _name: &str,
    kind: &str,
    actual: String,
    golden_name: String,
) -> Result<Golden, GoldenError> {
    let path = input.with_file_name(golden_name);
    let expected = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(GoldenError::Read {
                path: path.display().to_string(),
                source: e,
            });
        }
    };
    let (status, changes, line_diff) = match &expected {
        None => (Status::New, Vec::new(), None),
        Some(old) if *old == actual => (Status::Unchanged, Vec::new(), None),
        Some(old) => {
            let diff = similar::TextDiff::from_lines(old.as_str(), actual.as_str())
                .unified_diff()
                .context_radius(2)
                .header("golden", "now")
                .to_string();
            let changes = if kind == "json" {
                match serde_json::from_str::<Value>(old) {
                    Ok(old) => describe(&old, &serde_json::from_str(&actual).expect("we wrote it")),
                    Err(e) => vec![Change {
                        document: file_name(&path),
                        kind: ChangeKind::Other,
                        text: format!(
                            "the golden file is not valid JSON ({e}); --update rewrites it"
                        ),
                    }],
                }
            } else {
                Vec::new()
            };
            (Status::Changed, changes, Some(diff))
        }
    };
    Ok(Golden {
        input: input.to_path_buf(),
        path,
        kind: kind.to_string(),
        status,
        changes,
        line_diff,
        actual,
    })
}
