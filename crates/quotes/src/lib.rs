//! Finds quotations in Indonesian news and attributes them to their speakers.
//!
//! This first version finds **direct** quotes — text between quotation marks (“…”, "…", and
//! Kompas's ”…” where `”` opens) followed by a reporting cue (`kata`, `ujar`, `tutur`…) — and
//! attributes each to the mention after the cue, expanded with the role and affiliation written
//! before the name. A `-nya` cue (`katanya`) or a pronoun (`dia`, `ia`, `beliau`) is resolved to the
//! most recent speaker. Cue words are options of the stage, extendable from the pipeline.
//!
//! ```
//! use kutip_core::{Document, Stage};
//! use kutip_entities::{EntitiesConfig, EntityStage};
//! use kutip_quotes::{QuotesConfig, QuoteStage};
//! use kutip_tokenize::{TokenizeConfig, TokenizeStage};
//!
//! let mut doc = Document::new("d", "“Situasi sangat serius,” kata Ruben Vardanyan. “Kami bertahan,” katanya.");
//! TokenizeStage::new(TokenizeConfig::default()).process(&mut doc).unwrap();
//! EntityStage::new(EntitiesConfig::default()).process(&mut doc).unwrap();
//! QuoteStage::new(QuotesConfig::default()).process(&mut doc).unwrap();
//! assert_eq!(doc.quotes.len(), 2);
//! assert_eq!(doc.quotes[1].speaker.as_ref().unwrap().name.as_deref(), Some("Ruben Vardanyan"));
//! ```
#![deny(missing_docs)]

mod direct;

use kutip_core::{Document, Layers, Stage, StageError};
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::HashSet;

/// Reporting verbs that follow a direct quote (`…,” kata X`). Their `-nya` forms (`katanya`) are
/// recognised without listing them.
pub const DIRECT_CUES: &[&str] = &[
    "kata",
    "ujar",
    "ucap",
    "tutur",
    "ungkap",
    "jelas",
    "tegas",
    "papar",
    "terang",
    "tambah",
    "lanjut",
    "pungkas",
    "imbuh",
    "sebut",
    "tulis",
    "seru",
    "kisah",
    "cerita",
    "aku",
    "klaim",
    "timpal",
    "sambung",
    "ungkapnya",
    "bilang",
    "pesan",
    "harap",
    "tanya",
    "jawab",
    "akui",
];

/// Pronouns that stand for the most recent speaker.
pub const PRONOUNS: &[&str] = &["dia", "ia", "beliau", "dirinya", "mereka", "pihaknya"];

/// Options of the `quotes` stage.
#[derive(Clone, Debug, Deserialize, JsonSchema, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct QuotesConfig {
    /// Extra reporting verbs accepted after a direct quote, added to the built-in list
    /// (`kata`, `ujar`, `ucap`, `tutur`, `ungkap`, `jelas`, `tegas`, `papar`, `terang`, `tambah`,
    /// `lanjut`, `pungkas`, `imbuh`, `sebut`, `tulis`…). Their `-nya` forms come for free.
    pub cues: Vec<String>,
    /// Built-in cues to switch off.
    pub remove_cues: Vec<String>,
    /// Longest direct quote, in bytes; a mark with no partner within this distance is treated as
    /// stray and does not swallow the rest of the article.
    pub max_quote_bytes: usize,
}

impl Default for QuotesConfig {
    fn default() -> Self {
        QuotesConfig {
            cues: Vec::new(),
            remove_cues: Vec::new(),
            max_quote_bytes: 4000,
        }
    }
}

/// The `quotes` stage.
#[derive(Debug)]
pub struct QuoteStage {
    cues: HashSet<String>,
    max_quote_bytes: usize,
}

impl QuoteStage {
    /// Builds the stage from its options.
    pub fn new(config: QuotesConfig) -> QuoteStage {
        let mut cues: HashSet<String> = DIRECT_CUES.iter().map(|c| c.to_string()).collect();
        cues.extend(config.cues.iter().map(|c| c.trim().to_lowercase()));
        for c in &config.remove_cues {
            cues.remove(&c.trim().to_lowercase());
        }
        QuoteStage {
            cues,
            max_quote_bytes: config.max_quote_bytes,
        }
    }
}

impl Stage for QuoteStage {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn requires(&self) -> Layers {
        Layers::TOKENS | Layers::SENTENCES | Layers::ENTITIES
    }

    fn provides(&self) -> Layers {
        Layers::QUOTES
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.quotes = direct::find(doc, &self.cues, self.max_quote_bytes);
        doc.layers |= Layers::QUOTES;
        Ok(())
    }
}
