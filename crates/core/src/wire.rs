//! The JSON contract `kutip/1`: what exporters write and plugins receive.
//!
//! Field order is fixed by the struct order below and never changes within `kutip/1`; fields may
//! be added at the end of an object. Offsets are **character** offsets (Unicode scalar values),
//! so that Python's `text[start:end]` (or JavaScript's `Array.from(text).slice(start, end)`)
//! equals the span's `text`. Internally kutip keeps byte offsets; [`WireDocument::from_document`]
//! converts them.

use crate::{CharOffsets, Document, Meta, SCHEMA, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A document as serialised in `kutip/1`.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct WireDocument<'a> {
    /// Always `"kutip/1"`.
    pub schema: Cow<'a, str>,
    /// The document id.
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    /// Metadata from the input and from stages.
    pub meta: Meta,
    /// The full text.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// Paragraph ranges.
    #[serde(default)]
    pub paragraphs: Vec<WireRange>,
    /// Sentence ranges.
    pub sentences: Vec<WireRange>,
    /// Boilerplate regions.
    #[serde(default, borrow)]
    pub boilerplate: Vec<WireBoilerplate<'a>>,
    /// Entities.
    #[serde(borrow)]
    pub entities: Vec<WireEntity<'a>>,
    /// Quotes.
    #[serde(borrow)]
    pub quotes: Vec<WireQuote<'a>>,
}

/// A bare character range (paragraphs, sentences).
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, Clone, Copy)]
pub struct WireRange {
    /// First character.
    pub start: u32,
    /// One past the last character.
    pub end: u32,
}

/// A span with its text.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, Clone)]
pub struct WireSpan<'a> {
    /// The text the span covers.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// First character.
    pub start: u32,
    /// One past the last character.
    pub end: u32,
}

/// A boilerplate region.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, Clone)]
pub struct WireBoilerplate<'a> {
    /// `related_link`, `dateline`, `byline`, `credit`, `timestamp` or `heading`.
    pub kind: crate::BoilerplateKind,
    /// The text the region covers.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// First character.
    pub start: u32,
    /// One past the last character.
    pub end: u32,
}

/// An entity.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, Clone)]
pub struct WireEntity<'a> {
    /// `PER`, `ORG`, `LOC`, `DATE`, `TIME`, `MONEY`, `PERCENT`, `QUANTITY` or `ROLE`.
    pub label: crate::EntityLabel,
    /// The mention as written.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// First character.
    pub start: u32,
    /// One past the last character.
    pub end: u32,
    /// The full name this mention refers to (its own text when nothing longer is known).
    #[serde(borrow)]
    pub canonical: Cow<'a, str>,
    /// Mentions of the same thing share a cluster id.
    pub cluster: Option<u32>,
    /// Normalised value (ISO 8601 date, plain number), when there is one.
    #[serde(borrow)]
    pub value: Option<Cow<'a, str>>,
}

/// A quote.
#[derive(Debug, Serialize, Deserialize, PartialEq, Clone)]
pub struct WireQuote<'a> {
    /// `direct`, `indirect` or `mixed`.
    pub kind: crate::QuoteKind,
    /// The reported words.
    #[serde(borrow)]
    pub content: WireSpan<'a>,
    /// The reporting verb, or null.
    #[serde(borrow)]
    pub cue: Option<WireSpan<'a>>,
    /// Who said it, or null when the text does not say.
    #[serde(borrow)]
    pub speaker: Option<WireSpeaker<'a>>,
    /// When it was said, or null.
    #[serde(borrow)]
    pub time: Option<WireSpan<'a>>,
    /// From 0 to 1, two decimals.
    pub confidence: f64,
    /// The rule that produced it.
    #[serde(borrow)]
    pub rule: Cow<'a, str>,
}

/// A speaker.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, Clone)]
pub struct WireSpeaker<'a> {
    /// The mention as written next to the cue.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// First character of the mention.
    pub start: u32,
    /// One past its last character.
    pub end: u32,
    /// The resolved person, organisation or place, or null.
    #[serde(borrow)]
    pub name: Option<Cow<'a, str>>,
    /// The speaker's position, or null.
    #[serde(borrow)]
    pub role: Option<Cow<'a, str>>,
    /// The organisation the speaker speaks for, or null.
    #[serde(borrow)]
    pub affiliation: Option<Cow<'a, str>>,
    /// Named with a role or title (a public figure in the PFSA-ID sense).
    pub public_figure: bool,
}

impl<'a> WireDocument<'a> {
    /// The `kutip/1` view of a document, borrowing its text.
    pub fn from_document(doc: &'a Document) -> WireDocument<'a> {
        let offsets = CharOffsets::new(&doc.text);
        let span = |s: Span| WireSpan {
            text: Cow::Borrowed(doc.slice(s)),
            start: offsets.char_of(s.start),
            end: offsets.char_of(s.end),
        };
        let range = |s: Span| WireRange {
            start: offsets.char_of(s.start),
            end: offsets.char_of(s.end),
        };
        WireDocument {
            schema: Cow::Borrowed(SCHEMA),
            id: Cow::Borrowed(&doc.id),
            meta: doc.meta.clone(),
            text: Cow::Borrowed(&doc.text),
            paragraphs: doc.paragraphs.iter().map(|p| range(p.span)).collect(),
            sentences: doc.sentences.iter().map(|s| range(s.span)).collect(),
            boilerplate: doc
                .boilerplate
                .iter()
                .map(|b| {
                    let s = span(b.span);
                    WireBoilerplate {
                        kind: b.kind,
                        text: s.text,
                        start: s.start,
                        end: s.end,
                    }
                })
                .collect(),
            entities: doc
                .entities
                .iter()
                .map(|e| {
                    let s = span(e.span);
                    WireEntity {
                        label: e.label,
                        canonical: match &e.canonical {
                            Some(c) => Cow::Borrowed(c.as_str()),
                            None => s.text.clone(),
                        },
                        text: s.text,
                        start: s.start,
                        end: s.end,
                        cluster: e.cluster,
                        value: e.value.as_deref().map(Cow::Borrowed),
                    }
                })
                .collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| WireQuote {
                    kind: q.kind,
                    content: span(q.content),
                    cue: q.cue.map(span),
                    speaker: q.speaker.as_ref().map(|sp| {
                        let s = span(sp.span);
                        WireSpeaker {
                            text: s.text,
                            start: s.start,
                            end: s.end,
                            name: sp.name.as_deref().map(Cow::Borrowed),
                            role: sp.role.map(|r| Cow::Borrowed(doc.slice(r))),
                            affiliation: sp.affiliation.map(|a| Cow::Borrowed(doc.slice(a))),
                            public_figure: sp.public_figure,
                        }
                    }),
                    time: q.time.map(span),
                    confidence: (f64::from(q.confidence) * 100.0).round() / 100.0,
                    rule: Cow::Borrowed(&q.rule),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Entity, EntityLabel, Quote, QuoteKind, Speaker};

    #[test]
    fn offsets_are_characters_and_round_trip() {
        let text = "“Situasi serius,” kata Vardanyan.";
        let mut doc = Document::new("d", text);
        let start = text.find("Vardanyan").unwrap();
        doc.entities
            .push(Entity::new(Span::new(start, start + 9), EntityLabel::Per));
        doc.quotes.push(Quote {
            kind: QuoteKind::Direct,
            content: Span::new(0, text.find(" kata").unwrap()),
            cue: Some(Span::new(
                text.find("kata").unwrap(),
                text.find("kata").unwrap() + 4,
            )),
            speaker: Some(Speaker {
                span: Span::new(start, start + 9),
                name: Some("Ruben Vardanyan".into()),
                role: None,
                affiliation: None,
                entity: Some(0),
                public_figure: true,
                person: None,
            }),
            time: None,
            confidence: 0.951,
            rule: "direct-cue-after".into(),
        });
        let wire = WireDocument::from_document(&doc);
        let chars: Vec<char> = text.chars().collect();
        let sub = |s: u32, e: u32| chars[s as usize..e as usize].iter().collect::<String>();
        assert_eq!(
            sub(wire.entities[0].start, wire.entities[0].end),
            "Vardanyan"
        );
        let q = &wire.quotes[0];
        assert_eq!(sub(q.content.start, q.content.end), q.content.text);
        assert_eq!(q.confidence, 0.95);
        let json = serde_json::to_string(&wire).unwrap();
        let back: WireDocument = serde_json::from_str(&json).unwrap();
        assert_eq!(back, wire);
        assert!(json.starts_with(r#"{"schema":"kutip/1","id":"d","meta":{},"text":"#));
    }
}
