//! `json` (one pretty-printed array) and `jsonl` (one compact document per line).

use kutip_core::wire::WireDocument;
use kutip_core::{Document, ExportError, Exporter};
use schemars::JsonSchema;
use serde::Deserialize;
use std::io::Write;

/// Options of the `json` and `jsonl` exporters.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct JsonConfig {}

/// Which JSON layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonFormat {
    /// One pretty-printed JSON array holding every document.
    Array,
    /// One compact JSON object per line (JSON Lines).
    Lines,
}

/// Writes documents as `kutip/1` JSON.
pub struct JsonExporter<'w> {
    out: Box<dyn Write + Send + 'w>,
    format: JsonFormat,
    written: usize,
}

impl<'w> JsonExporter<'w> {
    /// An exporter writing to `out`.
    pub fn new(out: Box<dyn Write + Send + 'w>, format: JsonFormat) -> JsonExporter<'w> {
        JsonExporter {
            out,
            format,
            written: 0,
        }
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
        let wire = WireDocument::from_document(doc);
        match self.format {
            JsonFormat::Lines => {
                serde_json::to_writer(&mut self.out, &wire)?;
                self.out.write_all(b"\n")?;
            }
            JsonFormat::Array => {
                // Serialise first so a failure cannot leave half an element in the array.
                let body = serde_json::to_string_pretty(&wire)?;
                self.out
                    .write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
                self.out.write_all(body.as_bytes())?;
            }
        }
        self.written += 1;
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
