//! Finds statements in Indonesian news — direct, indirect and mixed quotes — and attributes each
//! to its speaker, with role, affiliation and the time it was said.
//!
//! * **Direct quotes**: text between quotation marks (“…”, "…", ‘…’, and Kompas's ”…” where `”`
//!   opens too) with the cue after it (`…,” kata X`, `ujarnya`), before it (`X mengatakan, “…”`),
//!   or none; a Tribun-style quote that reopens at each paragraph takes the speaker named after
//!   its last part. Marks pair up from the cue backwards, so a stray mark never swallows the
//!   article.
//! * **Indirect quotes**: `X mengatakan(,| bahwa) …` and the other reporting verbs, `menurut X, …`,
//!   `menurutnya, …`, `…, kata X.` after a reported clause, `…, kata X, …` mid-sentence and
//!   `…, X melaporkan.` at the end. A reported clause holding a quoted fragment is `mixed`.
//! * **Speakers**: the mention next to the cue is split into role, affiliation and name
//!   ("Kepala Bidang Humas Polda Metro Jaya Kombes Yusri Yunus"); short names, pronouns and
//!   `-nya` are resolved to the full name of the person or organisation they stand for; groups
//!   ("para pejabat AS") and countries speak too; an unknown speaker is `None`.
//!
//! Every word list is an option of the stage ([`QuotesConfig`]), extendable from the pipeline.
//!
//! ```
//! use kutip_core::{Document, Stage};
//! use kutip_entities::{EntitiesConfig, EntityStage};
//! use kutip_quotes::{QuotesConfig, QuoteStage};
//! use kutip_tokenize::{TokenizeConfig, TokenizeStage};
//!
//! let mut doc = Document::new("d", "Ketua KPU Sulut Ardiles Mewoh mengatakan, surat suara sudah dicetak. “Kami siap,” katanya.");
//! TokenizeStage::new(TokenizeConfig::default()).process(&mut doc).unwrap();
//! EntityStage::new(EntitiesConfig::default()).process(&mut doc).unwrap();
//! QuoteStage::new(QuotesConfig::default()).process(&mut doc).unwrap();
//! assert_eq!(doc.quotes.len(), 2);
//! assert_eq!(doc.quotes[1].speaker.as_ref().unwrap().name.as_deref(), Some("Ardiles Mewoh"));
//! ```
#![deny(missing_docs)]

mod extract;
pub mod lexicon;
mod speaker;
mod words;

use kutip_core::{Document, Layers, Stage, StageError};
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::HashSet;
use words::Flags;

/// Options of the `quotes` stage. Every list adds to the built-in one (see the `lexicon` module
/// for the defaults); `remove_cues` switches built-in cues off.
#[derive(Clone, Debug, Deserialize, JsonSchema, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct QuotesConfig {
    /// Extra reporting verbs accepted after a direct quote (`…,” beber X`), added to the built-in
    /// `kata`, `ujar`, `ucap`, `tutur`, `ungkap`, `jelas`, `tegas`, `papar`, `terang`, `tambah`,
    /// `lanjut`, `pungkas`, `imbuh`, `sebut`, `tulis`…. Their `-nya` forms come for free.
    pub cues: Vec<String>,
    /// Built-in cues (direct or indirect) to switch off.
    pub remove_cues: Vec<String>,
    /// Extra reporting verbs of indirect speech (`X mengungkit, …`), added to `mengatakan`,
    /// `menyampaikan`, `menjelaskan`, `menegaskan`, `menambahkan`, `menyatakan`, `menilai`,
    /// `berharap`, `meminta`, `mengimbau`, `mendesak`, `menuduh`, `melaporkan`….
    pub reporting_verbs: Vec<String>,
    /// Extra words that open a reported clause with the speaker after them (`menurut X, …`) or
    /// with a `-nya` (`dijelaskannya, …`).
    pub according_to: Vec<String>,
    /// Extra words that head a position (`kepala`, `ketua`, `direktur`, `juru bicara`…).
    pub roles: Vec<String>,
    /// Extra words that head an organisation (`kementerian`, `polda`, `pt`, `universitas`…).
    pub organisations: Vec<String>,
    /// Extra ranks and honorifics that belong to a name (`kombes`, `irjen`, `prof`…).
    pub ranks: Vec<String>,
    /// Extra words that introduce a private person rather than a public figure ("Rita, warga
    /// Bekasi", added to `warga`, `petani`, `pedagang`, `ibu`…); a person introduced by age
    /// ("Rita (44)") is private too.
    pub private_people: Vec<String>,
    /// Find indirect (reported) quotes as well as direct ones.
    pub indirect: bool,
    /// Longest direct quote, in bytes; a mark with no partner within this distance is treated as
    /// stray and does not swallow the rest of the article.
    pub max_quote_bytes: usize,
}

impl Default for QuotesConfig {
    fn default() -> Self {
        QuotesConfig {
            cues: Vec::new(),
            remove_cues: Vec::new(),
            reporting_verbs: Vec::new(),
            according_to: Vec::new(),
            roles: Vec::new(),
            organisations: Vec::new(),
            ranks: Vec::new(),
            private_people: Vec::new(),
            indirect: true,
            max_quote_bytes: 4000,
        }
    }
}

/// The word lists the rules use, lower-case.
#[derive(Debug, Default)]
pub struct Lexicon {
    lists: Vec<(Flags, HashSet<String>)>,
    cues: HashSet<String>,
    according: HashSet<String>,
}

fn set(words: &[&str], extra: &[String]) -> HashSet<String> {
    words
        .iter()
        .map(|w| w.to_string())
        .chain(extra.iter().map(|w| w.trim().to_lowercase()))
        .collect()
}

impl Lexicon {
    /// The built-in lists, extended and trimmed by `config`.
    pub fn new(config: &QuotesConfig) -> Lexicon {
        use lexicon::*;
        let mut cues = set(DIRECT_CUES, &config.cues);
        let mut reporting = set(REPORTING_VERBS, &config.reporting_verbs);
        for c in &config.remove_cues {
            let c = c.trim().to_lowercase();
            cues.remove(&c);
            reporting.remove(&c);
        }
        let according = set(ACCORDING_TO, &config.according_to);
        // Multi-word roles ("juru bicara") are matched by their first word.
        let roles: HashSet<String> = set(ROLE_WORDS, &config.roles)
            .into_iter()
            .map(|r| r.split_whitespace().next().unwrap_or("").to_string())
            .collect();
        let lists = vec![
            (Flags::REPORT, reporting),
            (Flags::WEAK, set(WEAK_REPORTING_VERBS, &[])),
            (Flags::ROLE, roles),
            (Flags::ROLE_MOD, set(ROLE_MODIFIERS, &[])),
            (Flags::ORG, set(ORG_WORDS, &config.organisations)),
            (Flags::ORG_TAIL, set(ORG_TAILS, &[])),
            (Flags::GOV_ROLE, set(GOVERNMENT_ROLES, &[])),
            (Flags::RANK, set(RANKS, &config.ranks)),
            (Flags::PRONOUN, set(PRONOUNS, &[])),
            (Flags::DAY, set(DAYS, &[])),
            (Flags::STOP, set(PHRASE_STOPS, &[])),
            (Flags::ADVERB, set(ADVERBS, &[])),
            (Flags::BAHWA, set(&["bahwa", "kalau"], &[])),
            (Flags::YANG, set(&["yang"], &[])),
            (Flags::COMMONER, set(PRIVATE_PEOPLE, &config.private_people)),
        ];
        Lexicon {
            lists,
            cues,
            according,
        }
    }

    /// The flags a lower-case word earns.
    pub(crate) fn classify(&self, lower: &str) -> Flags {
        let mut f = Flags::empty();
        for (flag, words) in &self.lists {
            if words.contains(lower) {
                f |= *flag;
            }
        }
        // "Perhubungan", "Kesehatan": pe(r)-…-an and ke-…-an nouns name institutions' fields,
        // never people.
        if (lower.starts_with("pe") || lower.starts_with("ke"))
            && lower.ends_with("an")
            && lower.len() >= 8
        {
            f |= Flags::ORG_TAIL;
        }
        if self.cues.contains(lower) {
            f |= Flags::CUE;
        } else if let Some(stem) = lower.strip_suffix("nya") {
            if self.cues.contains(stem) {
                f |= Flags::CUE_NYA;
            }
        }
        if self.according.contains(lower) {
            f |= Flags::ACCORDING;
        } else if let Some(stem) = lower.strip_suffix("nya") {
            if self.according.contains(stem) {
                f |= Flags::ACCORDING_NYA;
            }
        }
        f
    }
}

/// The `quotes` stage.
#[derive(Debug)]
pub struct QuoteStage {
    lexicon: Lexicon,
    config: QuotesConfig,
}

impl QuoteStage {
    /// Builds the stage from its options.
    pub fn new(config: QuotesConfig) -> QuoteStage {
        QuoteStage {
            lexicon: Lexicon::new(&config),
            config,
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
        doc.quotes = extract::find(doc, &self.lexicon, &self.config);
        doc.layers |= Layers::QUOTES;
        Ok(())
    }
}
