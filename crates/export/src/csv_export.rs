//! `csv`: one row per quote, for spreadsheets.

use kutip_core::wire::{WireDocument, WireSpan};
use kutip_core::{Document, ExportError, Exporter};
use schemars::JsonSchema;
use serde::Deserialize;
use std::io::Write;

/// Options of the `csv` exporter.
#[derive(Clone, Debug, Deserialize, JsonSchema, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct CsvConfig {
    /// Put an apostrophe before every text cell that begins with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return, so a spreadsheet shows it as text instead of running it as a formula
    /// (CSV injection: an article can contain anything). Turn off when programs, not
    /// spreadsheets, read the file and need the text exactly.
    pub neutralise_formulas: bool,
}

impl Default for CsvConfig {
    fn default() -> Self {
        CsvConfig {
            neutralise_formulas: true,
        }
    }
}

/// The header row. Offsets are character offsets of the quote's content, as in `kutip/1`.
pub const CSV_HEADER: [&str; 13] = [
    "document",
    "kind",
    "content",
    "speaker",
    "speaker_mention",
    "role",
    "affiliation",
    "cue",
    "time",
    "confidence",
    "start",
    "end",
    "rule",
];

/// Writes one CSV row per quote (RFC 4180: comma-separated, fields quoted when they hold a
/// comma, quote or line break, CRLF line ends), after a header row.
pub struct CsvExporter<'w> {
    out: csv::Writer<Box<dyn Write + Send + 'w>>,
    config: CsvConfig,
}

impl<'w> CsvExporter<'w> {
    /// An exporter writing to `out`.
    pub fn new(out: Box<dyn Write + Send + 'w>, config: CsvConfig) -> CsvExporter<'w> {
        let out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        CsvExporter { out, config }
    }

    fn text<'a>(&self, cell: &'a str) -> std::borrow::Cow<'a, str> {
        if self.config.neutralise_formulas && cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{cell}").into()
        } else {
            cell.into()
        }
    }
}

impl Exporter for CsvExporter<'_> {
    fn name(&self) -> &str {
        "csv"
    }

    fn begin(&mut self) -> Result<(), ExportError> {
        self.out.write_record(CSV_HEADER).map_err(csv_error)
    }

    fn export(&mut self, doc: &Document) -> Result<(), ExportError> {
        let wire = WireDocument::from_document(doc);
        for q in &wire.quotes {
            let speaker = q.speaker.as_ref();
            let record = [
                self.text(&wire.id),
                q.kind.as_str().into(),
                self.text(&q.content.text),
                self.text(speaker.and_then(|s| s.name.as_deref()).unwrap_or("")),
                self.text(speaker.map_or("", |s| &*s.text)),
                self.text(speaker.and_then(|s| s.role.as_deref()).unwrap_or("")),
                self.text(speaker.and_then(|s| s.affiliation.as_deref()).unwrap_or("")),
                self.text(span_text(q.cue.as_ref())),
                self.text(span_text(q.time.as_ref())),
                format!("{:.2}", q.confidence).into(),
                q.content.start.to_string().into(),
                q.content.end.to_string().into(),
                self.text(&q.rule),
            ];
            self.out
                .write_record(record.iter().map(|c| c.as_bytes()))
                .map_err(csv_error)?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.out.flush()?;
        Ok(())
    }
}

fn span_text<'a>(span: Option<&'a WireSpan<'_>>) -> &'a str {
    span.map_or("", |s| &*s.text)
}

fn csv_error(e: csv::Error) -> ExportError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => ExportError::Io(io),
        other => ExportError::Other(format!("csv: {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kutip_core::{Quote, QuoteKind, Span};

    fn export(text: &str, content: (usize, usize), config: CsvConfig) -> Vec<Vec<String>> {
        let mut doc = Document::new("=doc", text);
        doc.quotes.push(Quote {
            kind: QuoteKind::Direct,
            content: Span::new(content.0, content.1),
            cue: None,
            speaker: None,
            time: None,
            location: None,
            event: None,
            confidence: 0.9,
            rule: "test".into(),
        });
        let mut out = Vec::new();
        {
            let mut e = CsvExporter::new(Box::new(&mut out), config);
            e.begin().unwrap();
            e.export(&doc).unwrap();
            e.finish().unwrap();
        }
        let mut reader = csv::Reader::from_reader(out.as_slice());
        assert_eq!(reader.headers().unwrap(), CSV_HEADER.as_slice());
        reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn formulas_are_neutralised_unless_turned_off() {
        let text = "“=HYPERLINK(\"x\",\"a, b\")\nbaris dua” katanya.";
        let end = text.find('”').unwrap();
        let rows = export(text, (3, end), CsvConfig::default());
        assert_eq!(rows[0][0], "'=doc");
        assert_eq!(rows[0][2], "'=HYPERLINK(\"x\",\"a, b\")\nbaris dua");
        let rows = export(
            text,
            (3, end),
            CsvConfig {
                neutralise_formulas: false,
            },
        );
        assert_eq!(rows[0][2], "=HYPERLINK(\"x\",\"a, b\")\nbaris dua");
        let end_char = text[..end].chars().count().to_string();
        assert_eq!(
            (rows[0][10].as_str(), rows[0][11].as_str()),
            ("1", &*end_char)
        );
    }
}
