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
use std::ops::Range;

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
    /// The article's topic, its lead sentence after the dateline, or null (added in kutip/1:
    /// absent from older output).
    #[serde(default, borrow)]
    pub topic: Option<WireSpan<'a>>,
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
    /// Where it was said ("Gedung DPR, Jakarta"), or null (added in kutip/1: absent from older
    /// output).
    #[serde(default, borrow)]
    pub location: Option<WireSpan<'a>>,
    /// The occasion it was said on ("dalam rapat kerja dengan Komisi X"), or null (added in
    /// kutip/1: absent from older output).
    #[serde(default, borrow)]
    pub event: Option<WireSpan<'a>>,
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
                    confidence: wire_confidence(q.confidence),
                    rule: Cow::Borrowed(&q.rule),
                    location: q.location.map(span),
                    event: q.event.map(span),
                })
                .collect(),
            topic: doc.topic.map(span),
        }
    }
}

/// Writes `doc` as one compact `kutip/1` JSON object, byte for byte what `serde_json::to_writer`
/// makes of [`WireDocument::from_document`], without building the `WireDocument`: no vectors, no
/// copy of `meta`, and the keys written as they are rather than escaped one by one. This is the
/// JSONL exporter's inner loop, where the generic path cost about as much as the tokenizer.
pub fn write_compact(doc: &Document, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let offsets = CharOffsets::new(&doc.text);
    let mut w = Compact {
        out,
        offsets: &offsets,
    };
    w.raw(b"{\"schema\":");
    w.string(SCHEMA)?;
    w.raw(b",\"id\":");
    w.string(&doc.id)?;
    w.raw(b",\"meta\":");
    w.value(&doc.meta)?;
    w.raw(b",\"text\":");
    w.string(&doc.text)?;
    w.raw(b",\"paragraphs\":");
    w.list(&doc.paragraphs, |w, p| w.range(p.span))?;
    w.raw(b",\"sentences\":");
    w.list(&doc.sentences, |w, s| w.range(s.span))?;
    w.raw(b",\"boilerplate\":");
    w.list(&doc.boilerplate, |w, b| {
        w.raw(b"{\"kind\":");
        w.value(&b.kind)?;
        w.raw(b",");
        w.span_fields(doc, b.span)?;
        w.raw(b"}");
        Ok(())
    })?;
    w.raw(b",\"entities\":");
    w.list(&doc.entities, |w, e| {
        w.raw(b"{\"label\":\"");
        // `as_str` is the label as serde writes it (tested below); no escaping needed.
        w.raw(e.label.as_str().as_bytes());
        w.raw(b"\"");
        w.raw(b",");
        let text = w.span_fields(doc, e.span)?;
        w.raw(b",\"canonical\":");
        match e.canonical.as_deref() {
            Some(canonical) => w.string(canonical)?,
            // Nine entities in ten have no canonical form of their own: their text, just
            // written, is copied as written, not searched for bytes to escape again.
            None => w.out.extend_from_within(text),
        }
        w.raw(b",\"cluster\":");
        match e.cluster {
            Some(cluster) => w.number(cluster),
            None => w.raw(b"null"),
        }
        w.raw(b",\"value\":");
        match &e.value {
            Some(value) => w.string(value)?,
            None => w.raw(b"null"),
        }
        w.raw(b"}");
        Ok(())
    })?;
    w.raw(b",\"quotes\":");
    w.list(&doc.quotes, |w, q| {
        w.raw(b"{\"kind\":");
        w.value(&q.kind)?;
        w.raw(b",\"content\":");
        w.span(doc, Some(q.content))?;
        w.raw(b",\"cue\":");
        w.span(doc, q.cue)?;
        w.raw(b",\"speaker\":");
        match &q.speaker {
            None => w.raw(b"null"),
            Some(sp) => {
                w.raw(b"{");
                w.span_fields(doc, sp.span)?;
                w.raw(b",\"name\":");
                w.optional_string(sp.name.as_deref());
                w.raw(b",\"role\":");
                w.optional_string(sp.role.map(|r| doc.slice(r)));
                w.raw(b",\"affiliation\":");
                w.optional_string(sp.affiliation.map(|a| doc.slice(a)));
                w.raw(b",\"public_figure\":");
                w.raw(if sp.public_figure { b"true" } else { b"false" });
                w.raw(b"}");
            }
        }
        w.raw(b",\"time\":");
        w.span(doc, q.time)?;
        w.raw(b",\"confidence\":");
        w.value(&wire_confidence(q.confidence))?;
        w.raw(b",\"rule\":");
        w.string(&q.rule)?;
        w.raw(b",\"location\":");
        w.span(doc, q.location)?;
        w.raw(b",\"event\":");
        w.span(doc, q.event)?;
        w.raw(b"}");
        Ok(())
    })?;
    w.raw(b",\"topic\":");
    w.span(doc, doc.topic)?;
    w.raw(b"}");
    Ok(())
}

/// A quote's confidence as `kutip/1` gives it: two decimals.
fn wire_confidence(confidence: f32) -> f64 {
    (f64::from(confidence) * 100.0).round() / 100.0
}

/// What serde_json writes after a backslash for each byte it escapes (0: not escaped); `u`
/// stands for `\u00XX`. The same table as serde_json's: `"`, `\\` and the control characters.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// The top bit of each of the eight bytes of `x` that needs escaping (a control character, `"`
/// or `\\`), by the usual zero-byte tests. A byte above a flagged one may be flagged too (a
/// borrow), but the lowest flag is exact: it marks the first byte to escape.
#[inline]
fn escape_flags(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x;
    let q = x ^ (ONES * u64::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q;
    let s = x ^ (ONES * u64::from(b'\\'));
    let backslash = s.wrapping_sub(ONES) & !s;
    (below_space | quote | backslash) & HIGH
}

/// Eight spaces: they need no escaping, so they pad a word read past the end of a string.
const SPACES: u64 = 0x2020_2020_2020_2020;

/// The eight bytes of `bytes` from `i` (which is below its length) as a little-endian word,
/// padded with spaces past the end: a short string or a string's tail is tested as one word
/// too (the last eight bytes shifted down, or the few bytes copied into spaces).
#[inline]
fn word_at(bytes: &[u8], i: usize) -> u64 {
    let n = bytes.len();
    if let Some(word) = bytes.get(i..i + 8) {
        u64::from_le_bytes(word.try_into().expect("eight bytes"))
    } else if n >= 8 {
        // 1..=7 bytes left: shift the word that ends the string down, spaces in at the top.
        let last = u64::from_le_bytes(bytes[n - 8..].try_into().expect("eight bytes"));
        let shift = 8 * (i + 8 - n) as u32;
        last >> shift | SPACES << (64 - shift)
    } else {
        let mut word = SPACES.to_le_bytes();
        word[..n - i].copy_from_slice(&bytes[i..]);
        u64::from_le_bytes(word)
    }
}

/// Whether any byte of `bytes` needs escaping: sixteen bytes a test, and a string's last
/// bytes (or a short string) read by overlapping loads of its own bytes rather than copied
/// into a padded word (a `memcpy` call for a few bytes).
#[inline]
fn needs_escaping(bytes: &[u8]) -> bool {
    let n = bytes.len();
    let u64_at = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
    if n >= 8 {
        let mut chunks = bytes.chunks_exact(16);
        for chunk in &mut chunks {
            let (lo, hi) = chunk.split_at(8);
            let word = |w: &[u8]| u64::from_le_bytes(w.try_into().expect("eight bytes"));
            if escape_flags(word(lo)) | escape_flags(word(hi)) != 0 {
                return true;
            }
        }
        // The bytes after the last sixteen lie inside the last two words (which may overlap
        // bytes tested already).
        match chunks.remainder().len() {
            0 => false,
            1..=7 => escape_flags(u64_at(n - 8)) != 0,
            rest => escape_flags(u64_at(n - rest)) | escape_flags(u64_at(n - 8)) != 0,
        }
    } else if n >= 4 {
        // Two overlapping four-byte loads cover the string; spaces fill the upper halves.
        let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().expect("four"));
        let padded = |x: u32| u64::from(x) | SPACES << 32;
        escape_flags(padded(u32_at(0))) | escape_flags(padded(u32_at(n - 4))) != 0
    } else {
        bytes.iter().any(|&b| ESCAPE[usize::from(b)] != 0)
    }
}

/// `s` as a JSON string, byte for byte what `serde_json::to_writer(out, s)` writes. Most
/// strings but a document's text (names, values, short quotes) need no escaping: they are
/// copied whole here, inlined where they are written, and only the others go through
/// [`write_escaped_runs`]. (One function for both cost about twenty instructions a string in
/// the call and the registers its loop saves, 130,000 strings over 450 news documents.)
#[inline]
fn write_escaped(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if needs_escaping(bytes) {
        write_escaped_runs(out, bytes);
        return;
    }
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    out.extend_from_slice(bytes);
    out.push(b'"');
}

/// A string with bytes to escape, as [`write_escaped`] writes it: the next byte to escape is
/// found eight bytes at a time (the lowest flag of [`escape_flags`]) and the run before it
/// copied whole.
#[inline(never)]
fn write_escaped_runs(out: &mut Vec<u8>, bytes: &[u8]) {
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        // Sixteen bytes a step while they last (a document's text, long quotes): one test of
        // both words for the usual case of nothing to escape.
        if let Some(two) = bytes.get(i..i + 16) {
            let (lo, hi) = two.split_at(8);
            let word = |w: &[u8]| u64::from_le_bytes(w.try_into().expect("eight bytes"));
            let (lo, hi) = (escape_flags(word(lo)), escape_flags(word(hi)));
            if lo | hi == 0 {
                i += 16;
                continue;
            }
            // The lowest flag of the first flagged word is exact.
            i = if lo != 0 {
                i + (lo.trailing_zeros() / 8) as usize
            } else {
                i + 8 + (hi.trailing_zeros() / 8) as usize
            };
        } else {
            let flags = escape_flags(word_at(bytes, i));
            if flags == 0 {
                i += 8;
                continue;
            }
            // The padding is never flagged, so `i` lands on a byte of the string.
            i += (flags.trailing_zeros() / 8) as usize;
        }
        let k = i;
        let b = bytes[k];
        out.extend_from_slice(&bytes[run..k]);
        let escape = ESCAPE[usize::from(b)];
        if escape == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xF)],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
        run = k + 1;
        i = k + 1;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// The two digits of each number below 100, as ASCII.
static PAIRS: [[u8; 2]; 100] = {
    let mut table = [[0u8; 2]; 100];
    let mut n = 0;
    while n < 100 {
        table[n] = [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        n += 1;
    }
    table
};

/// `n` in decimal, as `itoa` (and serde_json) writes it. Offsets below 10,000 (nearly all:
/// news documents are a few thousand characters) are written as the four digits of one word,
/// two pairs from [`PAIRS`], its leading zeros shifted out: one fixed-size copy and no branch on
/// the digit count (the four arms by digit count before cost about 55 instructions a number,
/// 200,000 numbers over 450 documents; `itoa` and a `memcpy` call about 60).
#[inline]
fn write_number(out: &mut Vec<u8>, n: u32) {
    if n >= 10_000 {
        write_long_number(out, n);
        return;
    }
    let [a, b] = PAIRS[(n / 100) as usize];
    let [c, d] = PAIRS[(n % 100) as usize];
    // The digits, the first in the lowest byte (little-endian order is the written order).
    let digits = u32::from_le_bytes([a, b, c, d]);
    let len = 1 + usize::from(n >= 10) + usize::from(n >= 100) + usize::from(n >= 1000);
    // The leading zeros shifted out; the zero bytes that come in at the top are cut off below.
    let shifted = digits >> (8 * (4 - len));
    out.extend_from_slice(&shifted.to_le_bytes());
    out.truncate(out.len() - (4 - len));
}

/// A number of five digits or more, through `itoa`: kept out of [`write_number`] so that it
/// stays small enough to be inlined where offsets are written.
#[cold]
#[inline(never)]
fn write_long_number(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The pieces [`write_compact`] is made of.
struct Compact<'o, 't> {
    out: &'o mut Vec<u8>,
    offsets: &'o CharOffsets<'t>,
}

impl Compact<'_, '_> {
    fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// Anything else (strings escaped, numbers, enums, `meta`) exactly as serde_json writes it.
    fn value(&mut self, value: &(impl Serialize + ?Sized)) -> serde_json::Result<()> {
        serde_json::to_writer(&mut *self.out, value)
    }

    /// A string, escaped byte for byte as serde_json escapes it (`write_escaped`): going through
    /// serde_json cost about 5 instructions a byte, most of the export's time.
    fn string(&mut self, s: &str) -> serde_json::Result<()> {
        write_escaped(self.out, s);
        Ok(())
    }

    /// A string or `null`, as serde_json writes an `Option<&str>`.
    fn optional_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => write_escaped(self.out, s),
            None => self.raw(b"null"),
        }
    }

    fn number(&mut self, n: u32) {
        write_number(self.out, n);
    }

    fn list<T>(
        &mut self,
        items: &[T],
        mut write: impl FnMut(&mut Self, &T) -> serde_json::Result<()>,
    ) -> serde_json::Result<()> {
        self.raw(b"[");
        for (n, item) in items.iter().enumerate() {
            if n > 0 {
                self.raw(b",");
            }
            write(self, item)?;
        }
        self.raw(b"]");
        Ok(())
    }

    /// `{"start":…,"end":…}`
    fn range(&mut self, span: Span) -> serde_json::Result<()> {
        self.raw(b"{\"start\":");
        self.number(self.offsets.char_of(span.start));
        self.raw(b",\"end\":");
        self.number(self.offsets.char_of(span.end));
        self.raw(b"}");
        Ok(())
    }

    /// `"text":…,"start":…,"end":…`; returns where the text's JSON string is in the output.
    fn span_fields(&mut self, doc: &Document, span: Span) -> serde_json::Result<Range<usize>> {
        self.raw(b"\"text\":");
        let from = self.out.len();
        self.string(doc.slice(span))?;
        let text = from..self.out.len();
        self.raw(b",\"start\":");
        self.number(self.offsets.char_of(span.start));
        self.raw(b",\"end\":");
        self.number(self.offsets.char_of(span.end));
        Ok(text)
    }

    /// A [`WireSpan`] or `null`.
    fn span(&mut self, doc: &Document, span: Option<Span>) -> serde_json::Result<()> {
        match span {
            None => self.raw(b"null"),
            Some(span) => {
                self.raw(b"{");
                self.span_fields(doc, span)?;
                self.raw(b"}");
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Entity, EntityLabel, Quote, QuoteKind, Speaker};

    #[test]
    fn strings_are_escaped_exactly_as_serde_json_escapes_them() {
        let mut every: String = (0u8..0x80).map(char::from).collect();
        every.push_str("“Kata Budi\\Santoso”\n\t\"é — ✓ \u{7f}\u{1f}");
        let mut cases: Vec<String> = vec![String::new(), every.clone()];
        // Every length and every position of an escaped byte around the eight-byte words.
        for n in 0..20 {
            for at in 0..n {
                for special in ['"', '\\', '\n', '\u{1}', '\u{1f}', ' ', 'é'] {
                    let mut s: String = "abcdefghijklmnopqrstu"[..n].to_string();
                    s.replace_range(at..at + 1, &special.to_string());
                    cases.push(s);
                }
            }
        }
        // Two escaped bytes anywhere (a borrow from the lower one may flag bytes above it), in
        // strings shorter and longer than a word.
        for n in 2..20 {
            for at in 0..n {
                for second in at + 1..n {
                    for (a, b) in [('\u{0}', '"'), ('"', '\\'), ('\n', '\u{1f}'), ('\\', '\n')] {
                        let mut s: Vec<char> = "abcdefghijklmnopqrstu"[..n].chars().collect();
                        s[at] = a;
                        s[second] = b;
                        cases.push(s.into_iter().collect());
                    }
                }
            }
        }
        cases.push(every.repeat(3));
        for case in &cases {
            let mut ours = Vec::new();
            write_escaped(&mut ours, case);
            assert_eq!(ours, serde_json::to_vec(case.as_str()).unwrap(), "{case:?}");
        }
    }

    /// Numbers are written as `itoa` writes them, across every digit count.
    #[test]
    fn numbers_are_written_as_itoa_writes_them() {
        let edges = [99_999, 100_000, 1_000_000, u32::MAX - 1, u32::MAX];
        for n in (0..=20_000).chain(edges) {
            let mut out = Vec::new();
            write_number(&mut out, n);
            assert_eq!(out, itoa::Buffer::new().format(n).as_bytes(), "{n}");
        }
    }

    #[test]
    fn labels_are_written_as_serde_writes_them() {
        for label in EntityLabel::ALL {
            assert_eq!(
                serde_json::to_string(&label).unwrap(),
                format!("\"{}\"", label.as_str())
            );
        }
    }

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
            location: None,
            event: None,
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
        // Output written before `topic`, `location` and `event` were added still reads, as nulls.
        let older = json
            .replace(r#","location":null,"event":null"#, "")
            .replace(r#","topic":null"#, "");
        assert!(!older.contains("topic") && !older.contains("location"));
        let back: WireDocument = serde_json::from_str(&older).unwrap();
        assert_eq!(back, wire);
    }

    /// The JSONL exporter's direct writer and the serde contract give the same bytes, with every
    /// optional field both present and absent, text that needs escaping, and non-ASCII text.
    #[test]
    fn direct_writer_writes_what_serde_writes() {
        use crate::{Boilerplate, BoilerplateKind, Paragraph, Sentence};
        let text = "BANDUNG, Kompas.com – “Kami \"siap\"\tbekerja,” kata Wali Kota Bandung Ir. Ahmad.\nBaca juga: Banjir 2024 — Rp 5 miliar";
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            Span::new(start, start + needle.len())
        };
        let mut doc = Document::new("berita/1 \u{1}", text);
        doc.meta.insert("source".into(), "Kompas.com".into());
        doc.meta
            .insert("nested".into(), serde_json::json!({"a": [1, 2.5, null]}));
        let first_line = text.find('\n').unwrap();
        doc.paragraphs = vec![
            Paragraph {
                span: Span::new(0, first_line),
            },
            Paragraph {
                span: Span::new(first_line + 1, text.len()),
            },
        ];
        doc.sentences = vec![Sentence {
            span: Span::new(0, first_line),
            first_token: 0,
            end_token: 0,
        }];
        doc.boilerplate = vec![
            Boilerplate {
                span: at("BANDUNG, Kompas.com – "),
                kind: BoilerplateKind::Dateline,
            },
            Boilerplate {
                span: at("Baca juga: Banjir 2024 — Rp 5 miliar"),
                kind: BoilerplateKind::RelatedLink,
            },
        ];
        let mut named = Entity::new(at("Ahmad"), EntityLabel::Per);
        named.canonical = Some("Ahmad Syafi'i".into());
        named.cluster = Some(3);
        let mut money = Entity::new(at("Rp 5 miliar"), EntityLabel::Money);
        money.value = Some("5000000000".into());
        // An entity without a canonical form whose text needs escaping: its canonical is that
        // text, copied from where the writer put it.
        let escaped = Entity::new(at("\"siap\"\tbekerja"), EntityLabel::Org);
        doc.entities = vec![
            Entity::new(at("Bandung"), EntityLabel::Loc),
            escaped,
            named,
            money,
        ];
        let quote = |speaker, cue, time, confidence| Quote {
            kind: QuoteKind::Direct,
            content: at("Kami \"siap\"\tbekerja,"),
            cue,
            speaker,
            time,
            location: time.map(|_| at("Bandung")),
            event: None,
            confidence,
            rule: "direct-cue-after".into(),
        };
        doc.quotes = vec![
            quote(
                Some(Speaker {
                    span: at("Wali Kota Bandung Ir. Ahmad"),
                    name: Some("Ahmad Syafi'i".into()),
                    role: Some(at("Wali Kota")),
                    affiliation: Some(at("Bandung")),
                    entity: Some(1),
                    public_figure: true,
                    person: None,
                }),
                Some(at("kata")),
                Some(at("2024")),
                0.8349,
            ),
            quote(None, None, None, 1.0),
            // A speaker with nothing resolved: nulls and `false`.
            quote(
                Some(Speaker {
                    span: at("Ahmad"),
                    name: None,
                    role: None,
                    affiliation: None,
                    entity: None,
                    public_figure: false,
                    person: None,
                }),
                None,
                None,
                0.5,
            ),
        ];
        // The hand-written writer gives serde's bytes.
        let same_as_serde = |doc: &Document| {
            let mut direct = Vec::new();
            write_compact(doc, &mut direct).unwrap();
            let via_serde = serde_json::to_vec(&WireDocument::from_document(doc)).unwrap();
            assert_eq!(
                String::from_utf8(direct).unwrap(),
                String::from_utf8(via_serde).unwrap()
            );
        };
        same_as_serde(&doc);
        // With a topic and a quote's occasion.
        doc.topic = Some(at("Kami \"siap\"\tbekerja"));
        doc.quotes[1].event = Some(at("Baca juga"));
        same_as_serde(&doc);
        same_as_serde(&Document::new("", ""));
    }
}
