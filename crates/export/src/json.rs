//! `json` (one pretty-printed array) and `jsonl` (one compact document per line).

use kutip_core::wire::WireDocument;
use kutip_core::{Document, ExportError, Exporter};
use schemars::JsonSchema;
use serde::Deserialize;
use std::io::Write;

/// Options of the `json` and `jsonl` exporters.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct JsonConfig {
    /// What to write for a document that failed: `skip` (nothing; it is reported on stderr) or
    /// `line` (a record `{"schema", "id", "error"}` in its place, so the output has one record
    /// per input record — what a streaming filter such as Spark's `RDD.pipe` needs).
    pub errors: FailedDocuments,
}

/// What the JSON exporters write for a failed document.
#[derive(Clone, Copy, Debug, Default, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum FailedDocuments {
    /// Nothing.
    #[default]
    Skip,
    /// An error record in the document's place.
    Line,
}

/// Which JSON layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonFormat {
    /// One pretty-printed JSON array holding every document.
    Array,
    /// One compact JSON object per line (JSON Lines).
    Lines,
}

/// The largest record buffer kept for the next record (16 MiB).
const RECORD_CAPACITY_KEPT: usize = 16 << 20;

/// Writes documents as `kutip/1` JSON.
pub struct JsonExporter<'w> {
    out: Box<dyn Write + Send + 'w>,
    format: JsonFormat,
    config: JsonConfig,
    written: usize,
    /// One record, serialised whole before it is written: serde_json writes a record in many
    /// small pieces, which cost a dynamic call each when made on `out` directly, and a record
    /// that fails to serialise leaves nothing half-written. Kept between records so its
    /// allocation is reused.
    record: Vec<u8>,
}

impl<'w> JsonExporter<'w> {
    /// An exporter writing to `out`.
    pub fn new(out: Box<dyn Write + Send + 'w>, format: JsonFormat) -> JsonExporter<'w> {
        JsonExporter::with_config(out, format, JsonConfig::default())
    }

    /// An exporter writing to `out`, with options.
    pub fn with_config(
        out: Box<dyn Write + Send + 'w>,
        format: JsonFormat,
        config: JsonConfig,
    ) -> JsonExporter<'w> {
        JsonExporter {
            out,
            format,
            config,
            written: 0,
            record: Vec::new(),
        }
    }

    fn write_record(&mut self, record: &impl serde::Serialize) -> Result<(), ExportError> {
        self.record.clear();
        match self.format {
            JsonFormat::Lines => {
                serde_json::to_writer(&mut self.record, record)?;
                self.record.push(b'\n');
            }
            JsonFormat::Array => {
                self.record
                    .extend_from_slice(if self.written == 0 { b"\n" } else { b",\n" });
                serde_json::to_writer_pretty(&mut self.record, record)?;
            }
        }
        self.flush_record()
    }

    /// Writes the serialised record and counts it.
    fn flush_record(&mut self) -> Result<(), ExportError> {
        self.out.write_all(&self.record)?;
        self.written += 1;
        if self.record.capacity() > RECORD_CAPACITY_KEPT {
            // One huge document must not hold its memory for the rest of the run.
            self.record = Vec::new();
        }
        Ok(())
    }
}

impl Exporter for JsonExporter<'_> {
    fn name(&self) -> &str {
        match self.format {
            JsonFormat::Array => "json",
            JsonFormat::Lines => "jsonl",
        }
    }

    fn begin(&mut self) -> Result<(), ExportError> {
        if self.format == JsonFormat::Array {
            self.out.write_all(b"[")?;
        }
        Ok(())
    }

    fn export(&mut self, doc: &Document) -> Result<(), ExportError> {
        if self.format == JsonFormat::Array {
            return self.write_record(&WireDocument::from_document(doc));
        }
        self.record.clear();
        kutip_core::wire::write_compact(doc, &mut self.record)?;
        self.record.push(b'\n');
        self.flush_record()
    }

    fn failed(&mut self, id: Option<&str>, message: &str) -> Result<(), ExportError> {
        if self.config.errors == FailedDocuments::Line {
            self.write_record(&serde_json::json!({
                "schema": kutip_core::SCHEMA,
                "id": id,
                "error": message,
            }))?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        if self.format == JsonFormat::Array {
            self.out
                .write_all(if self.written == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(())
    }
}
