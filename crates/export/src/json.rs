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

/// The largest record buffer kept for the next records (16 MiB).
const RECORD_CAPACITY_KEPT: usize = 16 << 20;

/// Records are gathered until they hold this many bytes, then written with one `write_all`:
/// as large as the pipeline's `BufWriter`, which then hands them to the file or stdout without
/// copying them into its own buffer (the copy cost about 1% of a run's instructions).
const BATCH_BYTES: usize = 1 << 16;

/// Writes documents as `kutip/1` JSON.
pub struct JsonExporter<'w> {
    out: Box<dyn Write + Send + 'w>,
    format: JsonFormat,
    config: JsonConfig,
    written: usize,
    /// The records not yet written, each serialised whole: serde_json writes a record in many
    /// small pieces, which cost a dynamic call each when made on `out` directly, and a record
    /// that fails to serialise leaves nothing half-written (it is cut off again). Written to
    /// `out` once it holds [`BATCH_BYTES`], at `finish` and when the exporter is dropped; kept
    /// between records so its allocation is reused.
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
        let start = self.record.len();
        let result = match self.format {
            JsonFormat::Lines => serde_json::to_writer(&mut self.record, record).map(|()| {
                self.record.push(b'\n');
            }),
            JsonFormat::Array => {
                self.record
                    .extend_from_slice(if self.written == 0 { b"\n" } else { b",\n" });
                serde_json::to_writer_pretty(&mut self.record, record)
            }
        };
        if let Err(e) = result {
            self.record.truncate(start);
            return Err(e.into());
        }
        self.counted()
    }

    /// Counts the record just added, and writes the gathered records once they are a batch.
    fn counted(&mut self) -> Result<(), ExportError> {
        self.written += 1;
        if self.record.len() >= BATCH_BYTES {
            self.write_gathered()?;
        }
        Ok(())
    }

    /// Writes the gathered records.
    fn write_gathered(&mut self) -> Result<(), ExportError> {
        if self.record.is_empty() {
            return Ok(());
        }
        let written = self.out.write_all(&self.record);
        self.record.clear();
        if self.record.capacity() > RECORD_CAPACITY_KEPT {
            // One huge document must not hold its memory for the rest of the run.
            self.record = Vec::new();
        }
        written?;
        Ok(())
    }
}

impl Drop for JsonExporter<'_> {
    /// Records gathered but not written when the run stops early (a later document's error)
    /// are written, as the `BufWriter` behind them writes what it holds when dropped.
    fn drop(&mut self) {
        let _ = self.write_gathered();
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
        let start = self.record.len();
        if let Err(e) = kutip_core::wire::write_compact(doc, &mut self.record) {
            self.record.truncate(start);
            return Err(e.into());
        }
        self.record.push(b'\n');
        self.counted()
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
        self.write_gathered()?;
        if self.format == JsonFormat::Array {
            self.out
                .write_all(if self.written == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(docs: usize, finish: bool) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut exporter = JsonExporter::new(Box::new(&mut out), JsonFormat::Lines);
            exporter.begin().unwrap();
            for k in 0..docs {
                let text = format!("Budi Santoso datang ke kantor pada hari ke-{k}.");
                exporter
                    .export(&Document::new(format!("d{k}"), &text))
                    .unwrap();
            }
            if finish {
                exporter.finish().unwrap();
            }
        }
        out
    }

    /// Records are gathered into batches, but every one is written, in order, at `finish` or
    /// when the exporter is dropped without it (a run stopped by an error).
    #[test]
    fn gathered_records_are_all_written() {
        for docs in [0, 1, 3, 2000] {
            for finish in [true, false] {
                let out = lines(docs, finish);
                let text = String::from_utf8(out).unwrap();
                assert_eq!(text.lines().count(), docs);
                for (k, line) in text.lines().enumerate() {
                    assert!(line.contains(&format!("\"id\":\"d{k}\"")), "{line}");
                }
            }
        }
    }
}
