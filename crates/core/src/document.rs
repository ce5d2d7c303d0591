//! The document and everything stages attach to it.

use crate::Span;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Free-form document metadata: every JSONL field other than `id` and `text`, plus what stages
/// learn (outlet, dateline place, author…). Keeps insertion order.
pub type Meta = serde_json::Map<String, serde_json::Value>;

bitflags::bitflags! {
    /// The layers of analysis a document can carry. Stages declare which they require and
    /// provide, so a pipeline can be checked before it runs.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct Layers: u8 {
        /// Paragraph spans.
        const PARAGRAPHS = 1 << 0;
        /// Sentence spans.
        const SENTENCES = 1 << 1;
        /// Token spans.
        const TOKENS = 1 << 2;
        /// Boilerplate marks (related-article links, datelines, bylines).
        const BOILERPLATE = 1 << 3;
        /// Named entities, roles, dates and amounts.
        const ENTITIES = 1 << 4;
        /// Quotations with cues and speakers.
        const QUOTES = 1 << 5;
    }
}

impl Layers {
    /// Lower-case names of the layers set, in pipeline order, for messages.
    pub fn names(self) -> Vec<&'static str> {
        const ORDER: [Layers; 6] = [
            Layers::PARAGRAPHS,
            Layers::TOKENS,
            Layers::SENTENCES,
            Layers::BOILERPLATE,
            Layers::ENTITIES,
            Layers::QUOTES,
        ];
        ORDER
            .iter()
            .filter(|l| self.contains(**l))
            .map(|l| layer_name(l.iter_names().next().map_or("", |(n, _)| n)))
            .collect()
    }
}

fn layer_name(flag: &str) -> &'static str {
    match flag {
        "PARAGRAPHS" => "paragraphs",
        "SENTENCES" => "sentences",
        "TOKENS" => "tokens",
        "BOILERPLATE" => "boilerplate",
        "ENTITIES" => "entities",
        _ => "quotes",
    }
}

/// One article (or any text) and everything found in it.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Identifier: a file stem, a JSONL `id`, or a generated `name#n`.
    pub id: String,
    /// The full text. Every span below points into it.
    pub text: String,
    /// Metadata carried through from the input and added by stages.
    pub meta: Meta,
    /// Which layers have been filled in so far.
    pub layers: Layers,
    /// Paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Tokens, in order, non-overlapping.
    pub tokens: Vec<Token>,
    /// Boilerplate regions, in order.
    pub boilerplate: Vec<Boilerplate>,
    /// Entities, in order of their start.
    pub entities: Vec<Entity>,
    /// Quotes, in order of their content's start.
    pub quotes: Vec<Quote>,
    /// The article's topic: its lead sentence, the one right after the dateline ("JAKARTA,
    /// KOMPAS.com - "), without its full stop. `None` when the text has no dateline.
    pub topic: Option<Span>,
    /// For pre-tokenized input (CoNLL): the input's lines, so exports can align with them.
    /// Empty for running text.
    pub source_lines: Vec<SourceLine>,
}

impl Document {
    /// A new document with only its id and text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }

    /// The text a span covers.
    #[inline]
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// True when the document came pre-tokenized (its tokens must not be changed).
    pub fn is_pretokenized(&self) -> bool {
        !self.source_lines.is_empty()
    }

    /// Index of the token that contains byte `at`, or the first token after it.
    pub fn token_at(&self, at: u32) -> usize {
        self.tokens.partition_point(|t| t.span.end <= at)
    }

    /// Checks what every stage must keep true: every span lies inside the text on character
    /// boundaries, tokens are in order and do not overlap, sentences and paragraphs are in order,
    /// and sentence token ranges point at real tokens. Fuzzers and property tests call this.
    pub fn check_invariants(&self) -> Result<(), String> {
        let text = self.text.as_str();
        let span_ok = |s: Span, what: &str| -> Result<(), String> {
            if s.start > s.end || s.end as usize > text.len() {
                return Err(format!(
                    "{what} {s:?} lies outside the text of {} bytes",
                    text.len()
                ));
            }
            if !text.is_char_boundary(s.start as usize) || !text.is_char_boundary(s.end as usize) {
                return Err(format!("{what} {s:?} is not on character boundaries"));
            }
            Ok(())
        };
        let mut last_end = 0;
        for t in &self.tokens {
            span_ok(t.span, "token")?;
            if t.span.is_empty() || t.span.start < last_end {
                return Err(format!(
                    "token {:?} is empty or overlaps the one before",
                    t.span
                ));
            }
            if t.suffix as u32 > t.span.end - t.span.start
                || !text.is_char_boundary(t.stem().end as usize)
            {
                return Err(format!(
                    "token {:?} has a bad clitic length {}",
                    t.span, t.suffix
                ));
            }
            last_end = t.span.end;
        }
        let mut last = 0;
        for s in &self.sentences {
            span_ok(s.span, "sentence")?;
            if s.span.start < last
                || s.first_token > s.end_token
                || s.end_token as usize > self.tokens.len()
            {
                return Err(format!(
                    "sentence {:?} is out of order or points past the tokens",
                    s.span
                ));
            }
            last = s.span.end;
        }
        for p in &self.paragraphs {
            span_ok(p.span, "paragraph")?;
        }
        for b in &self.boilerplate {
            span_ok(b.span, "boilerplate")?;
        }
        for e in &self.entities {
            span_ok(e.span, "entity")?;
        }
        if let Some(t) = self.topic {
            span_ok(t, "topic")?;
        }
        for q in &self.quotes {
            span_ok(q.content, "quote content")?;
            for (s, what) in [
                (q.cue, "cue"),
                (q.time, "time"),
                (q.location, "location"),
                (q.event, "event"),
            ] {
                if let Some(s) = s {
                    span_ok(s, what)?;
                }
            }
            if let Some(sp) = &q.speaker {
                span_ok(sp.span, "speaker")?;
                for s in [sp.role, sp.affiliation].into_iter().flatten() {
                    span_ok(s, "speaker role or affiliation")?;
                }
                if sp.entity.is_some_and(|k| k as usize >= self.entities.len()) {
                    return Err("a speaker points at an entity that does not exist".into());
                }
            }
            if !(0.0..=1.0).contains(&q.confidence) {
                return Err(format!("confidence {} is outside 0..1", q.confidence));
            }
        }
        Ok(())
    }

    /// True when `span` lies inside a boilerplate region.
    pub fn in_boilerplate(&self, span: Span) -> bool {
        self.boilerplate.iter().any(|b| b.span.overlaps(span))
    }
}

/// One line of a pre-tokenized (CoNLL) input, kept so a CoNLL export has the same line count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceLine {
    /// A `-DOCSTART-` line.
    DocStart,
    /// An empty line (a sentence break).
    Blank,
    /// The token with this index in [`Document::tokens`].
    Token(u32),
}

/// A paragraph: a run of text between line breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Where it is.
    pub span: Span,
}

/// A sentence and the tokens it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
    /// Index of its first token in [`Document::tokens`].
    pub first_token: u32,
    /// One past the index of its last token.
    pub end_token: u32,
}

/// What kind of token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word, including reduplications (`anak-anak`) and affixed forms (`ke-3`).
    Word,
    /// A number, amount, time or date written as one unit (`120.000`, `3,5`, `19/9/2023`).
    Number,
    /// A quotation mark, with its role in context.
    QuoteMark(QuoteMarkRole),
    /// Other punctuation.
    Punct,
    /// A symbol or emoji.
    Symbol,
    /// A URL or domain name (`Tribunnews.com`).
    Url,
    /// An e-mail address.
    Email,
    /// An `@mention`.
    Mention,
    /// A `#hashtag`.
    Hashtag,
}

/// Whether a quotation mark opens or closes a quotation, as far as context tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteMarkRole {
    /// Opens a quotation.
    Open,
    /// Closes a quotation.
    Close,
    /// Context does not tell.
    Unknown,
}

/// One token: a span plus what kind of thing it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Length in bytes of a clitic suffix (`-nya`, `-lah`, `-kah`, `-pun`) at the end of a word,
    /// 0 when there is none: `katanya` has `suffix = 3`, so its stem is `kata`.
    pub suffix: u8,
}

impl Token {
    /// A token with no clitic.
    #[inline]
    pub fn new(span: Span, kind: TokenKind) -> Token {
        Token {
            span,
            kind,
            suffix: 0,
        }
    }

    /// The span of the word without its clitic suffix.
    #[inline]
    pub fn stem(&self) -> Span {
        Span {
            start: self.span.start,
            end: self.span.end - self.suffix as u32,
        }
    }

    /// The span of the clitic suffix, if any.
    #[inline]
    pub fn clitic(&self) -> Option<Span> {
        (self.suffix > 0).then(|| Span {
            start: self.span.end - self.suffix as u32,
            end: self.span.end,
        })
    }
}

/// A region of the text that is not article body: it is kept, marked, and skipped by stages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Boilerplate {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: BoilerplateKind,
}

/// Kinds of boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// "Baca juga: …" and "(Baca: …)" links to other articles.
    RelatedLink,
    /// "JAKARTA, KOMPAS.com -" at the start of the body.
    Dateline,
    /// "(Tribunnews.com, Tiara Shelavie)", "Penulis: … | Editor: …".
    Byline,
    /// "Laporan Wartawan Tribunnews.com, …".
    Credit,
    /// A line that is only a timestamp.
    Timestamp,
    /// A short line without a full stop between paragraphs: a subheading.
    Heading,
}

/// Entity labels. See the README for what each covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityLabel {
    /// A person.
    Per,
    /// An organisation, agency, company, party or outlet.
    Org,
    /// A place: country, province, city, region, landmark.
    Loc,
    /// A date or a span of days (`Selasa (19/9/2023)`, `tahun 2020`).
    Date,
    /// A clock time or part of day (`16.00 WIB`, `Selasa malam`).
    Time,
    /// An amount of money (`Rp 3,5 juta`).
    Money,
    /// A percentage (`12,5%`).
    Percent,
    /// A number or counted quantity (`120.000`, `24 jam`).
    Quantity,
    /// A position or title (`juru bicara`, `Menteri Keuangan`).
    Role,
}

impl EntityLabel {
    /// The label as written in exports (`PER`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Date => "DATE",
            EntityLabel::Time => "TIME",
            EntityLabel::Money => "MONEY",
            EntityLabel::Percent => "PERCENT",
            EntityLabel::Quantity => "QUANTITY",
            EntityLabel::Role => "ROLE",
        }
    }

    /// Every label, in export order.
    pub const ALL: [EntityLabel; 9] = [
        EntityLabel::Per,
        EntityLabel::Org,
        EntityLabel::Loc,
        EntityLabel::Date,
        EntityLabel::Time,
        EntityLabel::Money,
        EntityLabel::Percent,
        EntityLabel::Quantity,
        EntityLabel::Role,
    ];
}

/// A named entity or value found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub label: EntityLabel,
    /// The full name this mention refers to ("Dmitry Peskov" for "Peskov"); `None` means the
    /// mention's own text.
    pub canonical: Option<String>,
    /// Mentions of the same thing share a cluster id within a document.
    pub cluster: Option<u32>,
    /// A normalised value: ISO 8601 for dates, a plain number for amounts.
    pub value: Option<String>,
}

impl Entity {
    /// An entity with only a span and a label.
    pub fn new(span: Span, label: EntityLabel) -> Entity {
        Entity {
            span,
            label,
            canonical: None,
            cluster: None,
            value: None,
        }
    }
}

/// Direct, indirect, or a mix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The speaker's own words in quotation marks.
    Direct,
    /// Reported speech: "X mengatakan bahwa …".
    Indirect,
    /// Reported speech containing a quoted fragment.
    Mixed,
}

impl QuoteKind {
    /// The kind as written in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// Who said it.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The mention as written next to the cue (a name, a pronoun, the `-nya` of `katanya`).
    pub span: Span,
    /// The resolved person, organisation or place; `None` when it cannot be resolved.
    pub name: Option<String>,
    /// The speaker's position, where the text gives it ("juru bicara").
    pub role: Option<Span>,
    /// The organisation the speaker speaks for ("Kremlin").
    pub affiliation: Option<Span>,
    /// Index into [`Document::entities`] of the mention that gives the name.
    pub entity: Option<u32>,
    /// Named with a role or title, rather than introduced by age or a lowercase descriptor.
    pub public_figure: bool,
    /// Where the mention introduces the speaker with a role ("Kepala BNPB Doni Monardo"): the
    /// name as written there, ranks included ("Komisaris Besar Budi Hartono").
    pub person: Option<Span>,
}

/// A statement: what was said, by whom, with which cue.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The reported words (for direct quotes, including the quotation marks).
    pub content: Span,
    /// The reporting verb (`kata`, `katanya`, `mengatakan`).
    pub cue: Option<Span>,
    /// Who said it; `None` when the text does not say.
    pub speaker: Option<Speaker>,
    /// When it was said, where the text gives it.
    pub time: Option<Span>,
    /// Where it was said, where the text gives it: the place after `di` or `dari` in the
    /// attribution ("kata Budi di Gedung DPR, Jakarta, Senin").
    pub location: Option<Span>,
    /// The occasion it was said on, where the text gives it: the phrase in the attribution that
    /// opens with `dalam`, `saat`, `seusai`… ("dalam rapat kerja dengan Komisi X", "saat
    /// dihubungi").
    pub event: Option<Span>,
    /// How sure the rule is, from 0 to 1.
    pub confidence: f32,
    /// The rule that produced this quote.
    pub rule: Cow<'static, str>,
}
