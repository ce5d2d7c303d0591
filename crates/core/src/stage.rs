//! The two traits a pipeline is made of: stages that enrich a document, exporters that write it.

use crate::{Document, ExportError, Layers, StageError};

/// One step of a pipeline: reads some layers of a [`Document`] and adds others.
///
/// A stage is built once from its configuration and then shared by every worker thread, so
/// `process` takes `&self`; anything it compiles (automata, models) is built in the constructor.
pub trait Stage: Send + Sync {
    /// The stage's type name as written in a pipeline (`type = "tokenize"`).
    fn name(&self) -> &'static str;
    /// Layers that must be present before this stage runs.
    fn requires(&self) -> Layers;
    /// Layers this stage fills in.
    fn provides(&self) -> Layers;
    /// Processes one document in place. An error fails this document only.
    fn process(&self, doc: &mut Document) -> Result<(), StageError>;
    /// Whether the stage could be set up (its model and gazetteer files read). The runner asks
    /// before reading any document, so a missing file is one clear error, not one per document.
    fn ready(&self) -> Result<(), StageError> {
        Ok(())
    }
}

/// Writes documents somewhere: a file, stdout, a database.
///
/// The runner calls [`begin`](Exporter::begin) once, [`export`](Exporter::export) for each
/// document in input order, and [`finish`](Exporter::finish) once at the end, even when some
/// documents failed in a stage (those are not passed to `export`).
pub trait Exporter: Send {
    /// The exporter's type name as written in a pipeline (`type = "jsonl"`).
    fn name(&self) -> &str;
    /// Called once before the first document.
    fn begin(&mut self) -> Result<(), ExportError> {
        Ok(())
    }
    /// Writes one document. An error is reported with the document id.
    fn export(&mut self, doc: &Document) -> Result<(), ExportError>;
    /// Called, in input order, for a document that could not be read or processed, so an
    /// exporter that keeps one output record per input record (a streaming filter) can write a
    /// placeholder. Most exporters ignore it.
    fn failed(&mut self, id: Option<&str>, message: &str) -> Result<(), ExportError> {
        let _ = (id, message);
        Ok(())
    }
    /// Called once after the last document; flushes and closes the output.
    fn finish(&mut self) -> Result<(), ExportError>;
}
