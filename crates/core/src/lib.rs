//! The document model every kutip stage reads and writes, and the traits that connect them.
//!
//! A [`Document`] owns its text. Everything else a stage finds — paragraphs, sentences, tokens,
//! boilerplate, entities, quotes — is a [`Span`] (a byte range into that text) plus a label, so
//! nothing is copied and every finding can be traced back to the exact characters it came from.
//! Stages implement [`Stage`] and declare which [`Layers`] they need and add; exporters implement
//! [`Exporter`]. The [`wire`] module defines the stable JSON contract `kutip/1`, which speaks in
//! character offsets instead of bytes.
//!
//! ```
//! use kutip_core::{Document, Entity, EntityLabel, Span};
//!
//! let mut doc = Document::new("berita-1", "Kata Peskov di Moskow.");
//! doc.entities.push(Entity::new(Span::new(5, 11), EntityLabel::Per));
//! assert_eq!(doc.slice(doc.entities[0].span), "Peskov");
//! ```
#![deny(missing_docs)]

mod document;
mod error;
mod span;
mod stage;
pub mod wire;

pub use document::{
    Boilerplate, BoilerplateKind, Document, Entity, EntityLabel, Layers, Meta, Paragraph, Quote,
    QuoteKind, QuoteMarkRole, Sentence, SourceLine, Speaker, Token, TokenKind,
};
pub use error::{ExportError, StageError};
pub use span::{CharOffsets, Span};
pub use stage::{Exporter, Stage};

/// The schema name written into every serialised document. Bumped only on breaking changes.
pub const SCHEMA: &str = "kutip/1";

/// The Indonesian month names, capitalised as written in dates ("12 Maret 2025"). The quote
/// stage and the CoNLL writers both test words against them, so they live here once.
pub const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
