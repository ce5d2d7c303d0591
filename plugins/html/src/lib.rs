//! `html`: one self-contained HTML report of a run, for reading in a browser.
//!
//! Each article is shown with its quotes highlighted by kind (direct, indirect, mixed), cues
//! and speakers marked, entities underlined by type and boilerplate greyed, followed by a list of
//! its quotes; a legend and a table of every speaker with their quote counts head the page. The
//! report has no external resources and runs no script: all article text is escaped, and its
//! Content-Security-Policy forbids scripts anyway.
//!
//! ```toml
//! [[export]]
//! type = "html"
//! path = "report.html"
//! title = "Karabakh, September 2023"   # the page title
//! entities = true                      # underline entities
//! ```
//!
//! Articles are written as they arrive, so memory stays flat however long the run; the speaker
//! table, known only at the end, is written last and shown first (CSS `order`).

mod render;

use kutip_plugin_api::{ExporterPlugin, Output, PluginError, Start, wire::WireDocument};
use serde::Deserialize;
use std::collections::HashMap;
use std::io::{BufWriter, Write};

/// Options of the `html` exporter.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Options {
    /// The report's title.
    title: String,
    /// Underline entities (people, organisations, places, dates, amounts, roles).
    entities: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            title: "kutip report".into(),
            entities: true,
        }
    }
}

/// The report being written.
pub struct HtmlReport {
    options: Options,
    out: BufWriter<Output>,
    documents: usize,
    quotes: usize,
    speakers: HashMap<String, render::SpeakerRow>,
}

impl ExporterPlugin for HtmlReport {
    const NAME: &'static str = "html";
    const DESCRIPTION: &'static str = "One self-contained HTML report: articles with quotes highlighted, speakers and entities marked, a speaker table.";
    const OPTIONS: &'static str = "title (string, default \"kutip report\"): the page title\nentities (boolean, default true): underline entities";

    fn start(start: Start) -> Result<Self, PluginError> {
        Ok(HtmlReport {
            options: start.options_as()?,
            out: BufWriter::with_capacity(1 << 16, start.output),
            documents: 0,
            quotes: 0,
            speakers: HashMap::new(),
        })
    }

    fn begin(&mut self) -> Result<(), PluginError> {
        render::head(&mut self.out, &self.options.title)?;
        Ok(())
    }

    fn export(&mut self, doc: &WireDocument<'_>) -> Result<(), PluginError> {
        self.documents += 1;
        self.quotes += doc.quotes.len();
        render::count_speakers(doc, self.documents, &mut self.speakers);
        render::article(&mut self.out, doc, self.documents, self.options.entities)?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), PluginError> {
        render::tail(&mut self.out, self.documents, self.quotes, &self.speakers)?;
        self.out.flush()?;
        Ok(())
    }
}

kutip_plugin_api::export_plugin!(HtmlReport);
