//! Building a pipeline's stages and exporters, and streaming documents through them.

use crate::config::{ExportKind, OnError, PipelineConfig, StageConfig};
use crate::engine::{self, Drive, Outcome, StageClock};
use crate::input::{InputError, InputSource};
use crate::plugins::{PluginProblem, resolve};
use kutip_core::{Document, ExportError, Exporter, Stage};
use kutip_entities::EntityStage;
use kutip_export::{ConllExporter, CsvExporter, JsonExporter, JsonFormat};
use kutip_plugin_host::{OutputKind, PluginSearch, Plugins};
use kutip_quotes::QuoteStage;
use kutip_tokenize::TokenizeStage;
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::io::{BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A pipeline ready to run: its stages are built once and reused for every document.
pub struct Pipeline {
    config: PipelineConfig,
    stages: Vec<Box<dyn Stage>>,
    plugin_search: PluginSearch,
}

/// A document that could not be read, processed or exported. The run goes on without it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFailure {
    /// Where it came from: `file`, or `file:line` for JSONL and CoNLL.
    pub origin: String,
    /// Its id, when it got far enough to have one.
    pub id: Option<String>,
    /// What went wrong.
    pub message: String,
    /// A short category, for grouping failures in a summary ("bad JSONL line", "stage `quotes`").
    pub reason: String,
}

impl std::fmt::Display for DocumentFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{} (document `{id}`): {}", self.origin, self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

/// How to run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Set it (from a Ctrl-C handler, say) to stop reading: the documents already read are still
    /// processed and exported, outputs are completed, and the summary says the run was
    /// interrupted.
    pub stop: Option<Arc<AtomicBool>>,
}

impl RunOptions {
    fn threads(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        }
    }
}

/// Something a running pipeline reports.
#[derive(Debug)]
pub enum Event<'a> {
    /// A document failed; the run goes on.
    Failure(&'a DocumentFailure),
    /// Something worth knowing that loses no document (a ragged CoNLL line, a duplicate id).
    Warning(&'a str),
    /// Another document was delivered (exported or failed).
    Progress(Progress),
}

/// How far a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Documents delivered so far, failed ones included.
    pub documents: usize,
    /// Bytes of text of the exported documents so far.
    pub bytes: u64,
    /// Bytes of input read so far (a little ahead of what was delivered).
    pub input_bytes: u64,
    /// Documents failed so far.
    pub failed: usize,
}

/// Where a run's time went.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Timings {
    /// Wall-clock time of the whole run.
    pub wall: Duration,
    /// Time in each stage, summed over all threads.
    pub stages: Vec<(String, Duration)>,
    /// Time in each exporter (on the delivering thread).
    pub exporters: Vec<(String, Duration)>,
}

/// What a run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RunSummary {
    /// Bytes of text of the exported documents.
    pub bytes: u64,
    /// Where the time went.
    pub timings: Timings,
    /// Documents read (including those that then failed).
    pub read: usize,
    /// Documents passed to the exporters.
    pub exported: usize,
    /// Documents that failed, with reasons.
    pub failures: Vec<DocumentFailure>,
    /// Warnings given during the run.
    pub warnings: usize,
    /// The run was stopped before all input was read.
    pub interrupted: bool,
}

impl RunSummary {
    /// Failures grouped by reason, most frequent first: `[("bad JSONL line", 7), …]`.
    pub fn failure_reasons(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for f in &self.failures {
            match counts.iter_mut().find(|(r, _)| *r == f.reason) {
                Some((_, n)) => *n += 1,
                None => counts.push((f.reason.clone(), 1)),
            }
        }
        counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        counts
    }
}

/// A failure that stops the whole run.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// An input file could not be opened or read at all.
    #[error(transparent)]
    Input(#[from] InputError),
    /// An output could not be created.
    #[error("cannot create output {path}: {source}")]
    CreateOutput {
        /// The output path.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// An output path is also an input.
    #[error("output {0} is also an input; choose another output path")]
    OutputIsInput(String),
    /// Writing an output failed (disk full, closed pipe).
    #[error("exporter `{exporter}` could not write {path}: {source}")]
    Write {
        /// The exporter's type.
        exporter: String,
        /// The output path, or `<stdout>`.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A plugin exporter could not be found, loaded or started.
    #[error(transparent)]
    Plugin(#[from] PluginProblem),
    /// An exporter with `on_error = "stop"` failed on a document.
    #[error("{origin} (document `{id}`): exporter `{exporter}`: {message}")]
    Stopped {
        /// The exporter's type.
        exporter: String,
        /// Where the document came from.
        origin: String,
        /// The document's id.
        id: String,
        /// What went wrong.
        message: String,
    },
    /// Finishing an output failed.
    #[error("exporter `{exporter}` failed: {message}")]
    Export {
        /// The exporter's type.
        exporter: String,
        /// What went wrong.
        message: String,
    },
}

/// An exporter and where its bytes go.
struct Output {
    exporter: Box<dyn Exporter>,
    on_error: OnError,
    /// `None` for stdout.
    target: Option<PathBuf>,
    temporary: Option<PathBuf>,
}

impl Output {
    fn path_name(&self) -> String {
        self.target
            .as_ref()
            .map_or_else(|| "<stdout>".into(), |p| p.display().to_string())
    }
}

impl Pipeline {
    /// Builds the stages of a checked configuration.
    pub fn new(config: PipelineConfig) -> Pipeline {
        let stages = config
            .stages
            .iter()
            .map(|s| -> Box<dyn Stage> {
                match s {
                    StageConfig::Tokenize(c) => Box::new(TokenizeStage::new(c.clone())),
                    StageConfig::Entities(c) => Box::new(EntityStage::new(c.clone())),
                    StageConfig::Quotes(c) => Box::new(QuoteStage::new(c.clone())),
                }
            })
            .collect();
        Pipeline {
            config,
            stages,
            plugin_search: PluginSearch::default(),
        }
    }

    /// Where plugin exporters named only by `type` are looked for (by default nowhere: a
    /// plugin must then be named by its library path, `plugin = "…"`).
    pub fn with_plugin_search(mut self, search: PluginSearch) -> Pipeline {
        self.plugin_search = search;
        self
    }

    /// The configuration this pipeline was built from.
    pub fn config(&self) -> &PipelineConfig {
        &self.config
    }

    /// Runs every stage over one document.
    pub fn process(&self, doc: &mut Document) -> Result<(), String> {
        for stage in &self.stages {
            stage
                .process(doc)
                .map_err(|e| format!("stage `{}`: {e}", stage.name()))?;
        }
        Ok(())
    }

    /// Checks that every stage could be set up (its model and gazetteer files read); the
    /// problems, one line each, when not. Call it before reading any input.
    pub fn ready(&self) -> Result<(), String> {
        let problems: Vec<String> = self
            .stages
            .iter()
            .filter_map(|s| {
                s.ready()
                    .err()
                    .map(|e| format!("stage `{}`: {e}", s.name()))
            })
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("\n"))
        }
    }

    /// The stages, in order.
    pub(crate) fn stages(&self) -> &[Box<dyn Stage>] {
        &self.stages
    }

    /// [`run_with`](Pipeline::run_with) on one thread, reporting only failures.
    pub fn run(
        &self,
        sources: &[InputSource],
        on_failure: &mut dyn FnMut(&DocumentFailure),
    ) -> Result<RunSummary, RunError> {
        self.run_with(sources, &RunOptions::default(), &mut |event| {
            if let Event::Failure(f) = event {
                on_failure(f)
            }
        })
    }

    /// Reads every source, processes the documents on `options.threads` threads and hands each
    /// to every exporter, in input order. Failed documents are reported through `on_event` as
    /// they happen and counted in the summary; the run goes on (unless an exporter with
    /// `on_error = "stop"` fails). Outputs are written under a temporary name and renamed when
    /// complete, so a file under the final name is never a truncated one.
    pub fn run_with(
        &self,
        sources: &[InputSource],
        options: &RunOptions,
        on_event: &mut dyn FnMut(Event),
    ) -> Result<RunSummary, RunError> {
        let mut outputs = Vec::new();
        let result = match self.open_outputs(sources, &mut outputs) {
            Ok(()) => self.run_into(sources, options, &mut outputs, on_event),
            Err(e) => Err(e),
        };
        match result {
            Ok(summary) => {
                for o in &mut outputs {
                    if let Some(tmp) = o.temporary.take() {
                        let target = o.target.as_ref().expect("a temporary file has a target");
                        std::fs::rename(&tmp, target).map_err(|e| RunError::Write {
                            exporter: o.exporter.name().into(),
                            path: o.path_name(),
                            source: e,
                        })?;
                    }
                }
                Ok(summary)
            }
            Err(e) => {
                let temporaries: Vec<PathBuf> = outputs
                    .iter_mut()
                    .filter_map(|o| o.temporary.take())
                    .collect();
                // Exporters (plugins among them) stop writing before their files go away.
                drop(outputs);
                for tmp in temporaries {
                    let _ = std::fs::remove_file(tmp);
                }
                Err(e)
            }
        }
    }

    fn run_into(
        &self,
        sources: &[InputSource],
        options: &RunOptions,
        outputs: &mut [Output],
        on_event: &mut dyn FnMut(Event),
    ) -> Result<RunSummary, RunError> {
        let started = Instant::now();
        let mut summary = RunSummary::default();
        for o in outputs.iter_mut() {
            o.exporter.begin().map_err(|e| export_error(o, e))?;
        }
        let clock = StageClock::new(self.stages.len());
        let mut export_time = vec![Duration::ZERO; outputs.len()];
        let mut fatal = None;
        let mut bytes = 0u64;
        let read_bytes = AtomicU64::new(0);
        let drive = Drive {
            threads: options.threads(),
            clock: &clock,
            read_bytes: &read_bytes,
            stop: options.stop.as_deref(),
        };
        let mut seen_ids = SeenIds::default();
        engine::drive(self, sources, &drive, &mut |outcome| {
            let failure = match outcome {
                Outcome::Warning(w) => {
                    summary.warnings += 1;
                    on_event(Event::Warning(&w));
                    return ControlFlow::Continue(());
                }
                Outcome::Failed {
                    origin,
                    id,
                    message,
                    reason,
                } => Some(DocumentFailure {
                    origin,
                    id,
                    message,
                    reason,
                }),
                Outcome::Done { origin, mut doc } => {
                    let seen = seen_ids.count(&doc.id);
                    if seen > 1 {
                        let renamed = format!("{}~{seen}", doc.id);
                        summary.warnings += 1;
                        on_event(Event::Warning(&format!(
                            "{origin}: duplicate document id `{}`; this one is exported as `{renamed}` (meta.original_id keeps the id)",
                            doc.id
                        )));
                        let original = std::mem::replace(&mut doc.id, renamed);
                        doc.meta.insert("original_id".into(), original.into());
                    }
                    bytes += doc.text.len() as u64;
                    // Every exporter gets the document, whatever another one made of it; the
                    // document counts once, as failed, with what each exporter said.
                    let mut problems: Vec<String> = Vec::new();
                    for (o, spent) in outputs.iter_mut().zip(&mut export_time) {
                        let t = Instant::now();
                        let result = o.exporter.export(&doc);
                        *spent += t.elapsed();
                        match result {
                            Ok(()) => {}
                            Err(ExportError::Io(e)) => {
                                fatal = Some(RunError::Write {
                                    exporter: o.exporter.name().into(),
                                    path: o.path_name(),
                                    source: e,
                                });
                                return ControlFlow::Break(());
                            }
                            Err(e) if o.on_error == OnError::Stop => {
                                fatal = Some(RunError::Stopped {
                                    exporter: o.exporter.name().into(),
                                    origin: origin.clone(),
                                    id: doc.id.clone(),
                                    message: e.to_string(),
                                });
                                return ControlFlow::Break(());
                            }
                            Err(e) => {
                                problems.push(format!("exporter `{}`: {e}", o.exporter.name()))
                            }
                        }
                    }
                    if problems.is_empty() {
                        summary.exported += 1;
                        None
                    } else {
                        Some(DocumentFailure {
                            origin,
                            id: Some(doc.id.clone()),
                            message: problems.join("; "),
                            reason: "exporter".into(),
                        })
                    }
                }
            };
            summary.read += 1;
            if let Some(f) = failure {
                for o in outputs.iter_mut() {
                    if let Err(e) = o.exporter.failed(f.id.as_deref(), &f.message) {
                        fatal = Some(export_error(o, e));
                        return ControlFlow::Break(());
                    }
                }
                on_event(Event::Failure(&f));
                summary.failures.push(f);
            }
            on_event(Event::Progress(Progress {
                documents: summary.read,
                bytes,
                input_bytes: read_bytes.load(Ordering::Relaxed),
                failed: summary.failures.len(),
            }));
            ControlFlow::Continue(())
        });
        if let Some(e) = fatal {
            return Err(e);
        }
        for (o, spent) in outputs.iter_mut().zip(&mut export_time) {
            let t = Instant::now();
            o.exporter.finish().map_err(|e| export_error(o, e))?;
            *spent += t.elapsed();
        }
        summary.bytes = bytes;
        summary.interrupted = options
            .stop
            .as_ref()
            .is_some_and(|s| s.load(Ordering::Relaxed));
        summary.timings = Timings {
            wall: started.elapsed(),
            stages: self
                .stages
                .iter()
                .zip(clock.nanos())
                .map(|(s, n)| (s.name().to_string(), Duration::from_nanos(n)))
                .collect(),
            exporters: outputs
                .iter()
                .zip(export_time)
                .map(|(o, d)| (o.exporter.name().to_string(), d))
                .collect(),
        };
        Ok(summary)
    }

    /// Opens every output, pushing each onto `outputs` as soon as it exists so that the caller
    /// can remove what was created when a later one fails. Plugins are found and loaded first,
    /// so a missing plugin creates no file at all.
    fn open_outputs(
        &self,
        sources: &[InputSource],
        outputs: &mut Vec<Output>,
    ) -> Result<(), RunError> {
        let inputs: Vec<PathBuf> = sources
            .iter()
            .filter_map(|s| match s {
                InputSource::File(p) => p.canonicalize().ok(),
                InputSource::Stdin => None,
            })
            .collect();
        let mut plugins = Plugins::new(self.plugin_search.clone());
        let mut loaded = Vec::new();
        for export in &self.config.exports {
            loaded.push(match &export.kind {
                ExportKind::Plugin(p) => Some((p, resolve(&mut plugins, export, p)?)),
                _ => None,
            });
        }
        for (export, plugin) in self.config.exports.iter().zip(loaded) {
            let opens_own_file = plugin
                .as_ref()
                .is_some_and(|(_, p)| p.output() == OutputKind::File);
            let target = (export.path != "-").then(|| PathBuf::from(&export.path));
            if let Some(existing) = target
                .as_ref()
                .and_then(|t| t.canonicalize().ok())
                .filter(|t| inputs.contains(t))
            {
                return Err(RunError::OutputIsInput(existing.display().to_string()));
            }
            let (writer, target, temporary): (Option<Box<dyn Write + Send>>, _, _) = match target {
                _ if opens_own_file => (None, None, None),
                None => (
                    Some(Box::new(BufWriter::with_capacity(
                        1 << 16,
                        std::io::stdout(),
                    ))),
                    None,
                    None,
                ),
                Some(target) => {
                    let tmp = temporary_name(&target);
                    let file = std::fs::File::create(&tmp).map_err(|e| RunError::CreateOutput {
                        path: target.display().to_string(),
                        source: e,
                    })?;
                    (
                        Some(Box::new(BufWriter::with_capacity(1 << 16, file))),
                        Some(target),
                        Some(tmp),
                    )
                }
            };
            // A file is created above, so it is registered (for removal) before anything else
            // can fail.
            let index = outputs.len();
            outputs.push(Output {
                exporter: Box::new(NoExporter),
                on_error: export.on_error,
                target,
                temporary,
            });
            let writer = writer.unwrap_or_else(|| Box::new(std::io::sink()));
            outputs[index].exporter = match (&export.kind, plugin) {
                (ExportKind::Plugin(_), Some((p, loaded))) => Box::new(
                    loaded
                        .start(&p.options, &export.path, Some(writer))
                        .map_err(|e| PluginProblem::new(p, e))?,
                ),
                (ExportKind::Plugin(_), None) => unreachable!("every plugin export is resolved"),
                (built_in, _) => built_in_exporter(built_in, writer)
                    .expect("every exporter but a plugin is built in"),
            };
        }
        Ok(())
    }
}

/// Ids seen so far, and how often, to keep documents with the same id apart. This is the one
/// thing in a run that grows with the number of documents, so it holds a 128-bit fingerprint of
/// each id (two independently keyed hashes) rather than the id: about 30 bytes a document
/// instead of about 70 (measured: 52.9 MB peak RSS over 1 GB of JSONL with the ids kept). Over
/// 10^8 documents, two different ids share a fingerprint with a chance of about 1 in 10^22 (a
/// 64-bit one would make it 1 in 4,000).
#[derive(Default)]
struct SeenIds {
    keys: (RandomState, RandomState),
    counts: HashMap<u128, u32>,
}

impl SeenIds {
    /// Counts one more document with `id`; returns how many have had it, this one included.
    fn count(&mut self, id: &str) -> u32 {
        let fingerprint =
            u128::from(self.keys.0.hash_one(id)) << 64 | u128::from(self.keys.1.hash_one(id));
        let seen = self.counts.entry(fingerprint).or_insert(0);
        *seen += 1;
        *seen
    }
}

/// Stands in for an exporter while its output is being opened.
struct NoExporter;

impl Exporter for NoExporter {
    fn name(&self) -> &str {
        "none"
    }
    fn export(&mut self, _: &Document) -> Result<(), ExportError> {
        Ok(())
    }
    fn finish(&mut self) -> Result<(), ExportError> {
        Ok(())
    }
}

/// The built-in exporter for `kind`, writing to `writer`; `None` for a plugin.
pub fn built_in_exporter<'w>(
    kind: &ExportKind,
    writer: Box<dyn Write + Send + 'w>,
) -> Option<Box<dyn Exporter + 'w>> {
    Some(match kind {
        ExportKind::Json(c) => Box::new(JsonExporter::with_config(
            writer,
            JsonFormat::Array,
            c.clone(),
        )),
        ExportKind::Jsonl(c) => Box::new(JsonExporter::with_config(
            writer,
            JsonFormat::Lines,
            c.clone(),
        )),
        ExportKind::Conll(c) => Box::new(ConllExporter::new(writer, (**c).clone())),
        ExportKind::Csv(c) => Box::new(CsvExporter::new(writer, c.clone())),
        ExportKind::Plugin(_) => return None,
    })
}

fn export_error(o: &Output, e: ExportError) -> RunError {
    match e {
        ExportError::Io(source) => RunError::Write {
            exporter: o.exporter.name().into(),
            path: o.path_name(),
            source,
        },
        other => RunError::Export {
            exporter: o.exporter.name().into(),
            message: other.to_string(),
        },
    }
}

/// `out/result.json` → `out/.result.json.kutip-tmp-PID`: same directory, so the rename is atomic.
fn temporary_name(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.kutip-tmp-{}", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn catalog_declarations_match_the_stages() {
        let config = PipelineConfig::parse(crate::DEFAULT_PIPELINE, "default").unwrap();
        let pipeline = Pipeline::new(config);
        let catalog = Catalog::builtin();
        for stage in &pipeline.stages {
            let doc = catalog.stage(stage.name()).unwrap();
            assert_eq!(
                (doc.requires, doc.provides),
                (stage.requires(), stage.provides()),
                "{}",
                stage.name()
            );
        }
    }
}
