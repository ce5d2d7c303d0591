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
//!   ("Kepala Bidang Humas Polda Metro Jaya Kombes Budi Hartono"); short names, pronouns and
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
mod index;
pub mod lexicon;
pub mod setting;
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
    /// Extra nouns that, after an `according_to` word, name a plan, a schedule, a rule or a
    /// custom or a reference work rather than a source ("Menurut rencana , …", "menurut aturan
    /// , …", "Menurut Kamus …"; any case): no quote is read there. Added to `rencana`, `jadwal`,
    /// `ketentuan`, `aturan`, `peraturan`, `hukum`, `tata`, `tradisi`, `adat`, `kalender`,
    /// `kamus`… (`lexicon::NOT_SOURCES`).
    pub not_sources: Vec<String>,
    /// Extra nouns that, after an `according_to` word, name a record or an account whose owner,
    /// written after it, is the speaker ("Menurut data Dinas X , …" is Dinas X's; "Menurut
    /// data , …", with no owner, is no quote). Added to `data`, `catatan`, `keterangan`,
    /// `laporan`, `pengumuman`, `penjelasan`, `pengakuan`, `perhitungan`, `hasil`, `survei`…
    /// (`lexicon::RECORDS`).
    pub records: Vec<String>,
    /// Extra cues that are also other words: after a comma they report only before a speaker
    /// (`…, jelas Budi` but not `…, jelas menunjukkan …`), their `-nya` forms only before the
    /// clause's end or a comma. Added to `nilai`, `pesan`, `cerita`, `jelas`, `tambah`,
    /// `terang`, `tegas`, `sebut` (`lexicon::AMBIGUOUS_CUES`).
    pub ambiguous_cues: Vec<String>,
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
    /// Find each quote's `location` and `event` in its attribution ("kata Budi dalam rapat
    /// kerja di Gedung DPR, Jakarta") and the document's `topic` (the lead sentence after the
    /// dateline). See the `setting` module.
    pub settings: bool,
    /// Extra words that open the occasion of a statement, added to `saat`, `ketika`, `dalam`,
    /// `seusai`, `setelah`, `melalui`, `dihubungi`, `ditemui`… (`setting::EVENT_OPENERS`).
    pub event_openers: Vec<String>,
    /// Extra lower-case nouns of buildings and sites that begin a place's name after `di`, added
    /// to `kantor`, `gedung`, `kampus`, `rumah`, `balai`, `aula`… (`setting::PLACE_NOUNS`).
    pub place_nouns: Vec<String>,
}

impl Default for QuotesConfig {
    fn default() -> Self {
        QuotesConfig {
            cues: Vec::new(),
            remove_cues: Vec::new(),
            reporting_verbs: Vec::new(),
            according_to: Vec::new(),
            not_sources: Vec::new(),
            records: Vec::new(),
            ambiguous_cues: Vec::new(),
            roles: Vec::new(),
            organisations: Vec::new(),
            ranks: Vec::new(),
            private_people: Vec::new(),
            indirect: true,
            max_quote_bytes: 4000,
            settings: true,
            event_openers: Vec::new(),
            place_nouns: Vec::new(),
        }
    }
}

/// The word lists the rules use, lower-case, folded into one map from word to flags so that
/// classifying a token costs one hash look-up (plus one for a `-nya` form), not one per list.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Every listed word and the flags it earns.
    words: foldhash::HashMap<String, Flags>,
    /// Stems whose `-nya` form is a cue or an `according to` word: `CUE_NYA` / `ACCORDING_NYA`.
    nya_stems: foldhash::HashMap<String, Flags>,
    /// First byte and length of every key of `words`: most tokens are in no list, and this
    /// tells so without lower-casing or hashing them.
    words_shape: ShapeFilter,
    /// The same for `nya_stems`.
    nya_shape: ShapeFilter,
    /// What [`Lexicon::classify`] gives every ASCII key of `words` and every `-nya` form of a
    /// stem, up to 15 bytes, that the shape filters let through, keyed by [`packed_key`]: an
    /// ASCII word is looked up without being lower-cased into a string and hashed as one (a
    /// third of the quote stage's flagging).
    packed: PackedTable,
}

/// Eight times each byte value.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The top bit of each byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The bytes of `bytes` (at most 16) as two little-endian words, zero past its end, read with
/// a few overlapping loads instead of a copy into a buffer (a `memcpy` call for a word of
/// unknown length).
#[inline]
pub(crate) fn load16(bytes: &[u8]) -> (u64, u64) {
    let n = bytes.len();
    debug_assert!(n <= 16);
    let u32_at = |i: usize| u64::from(u32::from_le_bytes(bytes[i..i + 4].try_into().expect("4")));
    let u64_at = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().expect("8"));
    match n {
        0 => (0, 0),
        // The first, middle and last bytes cover every byte of a word of up to three.
        1..=3 => {
            let b = |i: usize| u64::from(bytes[i]) << (8 * i);
            (b(0) | b(n / 2) | b(n - 1), 0)
        }
        // Two overlapping four-byte loads: the bytes they share are the same.
        4..=7 => (u32_at(0) | u32_at(n - 4) << (8 * (n - 4)), 0),
        8 => (u64_at(0), 0),
        // The last eight bytes shifted down so that byte 8 comes first.
        _ => (u64_at(0), u64_at(n - 8) >> (8 * (16 - n))),
    }
}

/// The top bit of each byte of `x` (ASCII bytes only) that lies in `lo..=hi`.
#[inline]
pub(crate) fn bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    // No byte carries into the next: every byte is below 0x80 and the added values are too.
    let at_least_lo = x.wrapping_add(ONES * u64::from(0x80 - lo));
    let above_hi = x.wrapping_add(ONES * u64::from(0x7F - hi));
    at_least_lo & !above_hi & HIGH
}

/// `x` (eight ASCII bytes) with its upper-case letters lower-cased.
#[inline]
pub(crate) fn ascii_lower(x: u64) -> u64 {
    x | bytes_in(x, b'A', b'Z') >> 2
}

/// An ASCII word of at most 15 bytes as one key: its bytes lower-cased (two little-endian
/// words, as [`load16`] reads them) with its length plus one in the top byte, so that no two
/// words share a key and no key is `(0, 0)`, the table's empty slot.
#[inline]
fn packed_key(word: &[u8]) -> (u64, u64) {
    debug_assert!(word.len() <= 15 && word.is_ascii());
    let (lo, hi) = load16(word);
    (
        ascii_lower(lo),
        ascii_lower(hi) | (word.len() as u64 + 1) << 56,
    )
}

/// An open-addressing table from [`packed_key`] keys to flags, probed linearly, at most a
/// quarter full (most words looked up are in no list, and at half full they probed three slots
/// on average): one multiplication and usually one comparison a look-up (foldhash over a `u128` key
/// and hashbrown's probing cost about three times that).
#[derive(Debug, Default)]
struct PackedTable {
    /// `(key, flags)`; an empty slot has the key `(0, 0)`.
    slots: Vec<((u64, u64), Flags)>,
    /// 64 less the log2 of the number of slots.
    shift: u32,
}

impl PackedTable {
    fn new(entries: &[((u64, u64), Flags)]) -> PackedTable {
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut table = PackedTable {
            slots: vec![((0, 0), Flags::empty()); size],
            shift: 64 - size.trailing_zeros(),
        };
        for &(key, flags) in entries {
            let mut i = table.slot(key);
            while table.slots[i].0 != (0, 0) && table.slots[i].0 != key {
                i = (i + 1) & (size - 1);
            }
            table.slots[i] = (key, flags);
        }
        table
    }

    #[inline]
    fn slot(&self, (lo, hi): (u64, u64)) -> usize {
        let h = (lo ^ hi.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xD6E8_FEB8_6659_FD93);
        (h >> self.shift) as usize
    }

    #[inline]
    fn get(&self, key: (u64, u64)) -> Option<Flags> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let (k, flags) = self.slots[i];
            if k == key {
                return Some(flags);
            }
            if k == (0, 0) {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// A one-hash Bloom filter over words' shapes (length and first, second and last byte, ASCII
/// case ignored): no false negatives, so a word it rejects is certainly not a key of the map it
/// was built from, and with a few thousand keys in 64 Ki bits it rejects nearly all others.
#[derive(Debug, Default)]
struct ShapeFilter {
    /// 2^16 bits; empty until the first insert.
    bits: Vec<u64>,
}

impl ShapeFilter {
    /// The bit a word's shape lands on.
    #[inline]
    fn bit(word: &[u8]) -> usize {
        let byte = |i: usize| u32::from(word.get(i).map_or(0, u8::to_ascii_lowercase));
        let last = word.len().checked_sub(1).map_or(0, byte);
        let shape = (byte(0) << 24) | (byte(1) << 16) | (last << 8) | (word.len().min(255) as u32);
        (shape.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }

    fn insert(&mut self, word: &str) {
        if self.bits.is_empty() {
            self.bits = vec![0; 1 << 10];
        }
        let bit = ShapeFilter::bit(word.as_bytes());
        self.bits[bit >> 6] |= 1 << (bit & 63);
    }

    /// False only when no key has the shape of `word` (in any ASCII case).
    #[inline]
    fn may_hold(&self, word: &[u8]) -> bool {
        let bit = ShapeFilter::bit(word);
        self.bits
            .get(bit >> 6)
            .is_some_and(|block| block & (1 << (bit & 63)) != 0)
    }
}

fn words<'a>(builtin: &'a [&str], extra: &'a [String]) -> impl Iterator<Item = String> + 'a {
    builtin
        .iter()
        .map(|w| w.to_string())
        .chain(extra.iter().map(|w| w.trim().to_lowercase()))
}

impl Lexicon {
    /// The built-in lists, extended and trimmed by `config`.
    pub fn new(config: &QuotesConfig) -> Lexicon {
        use lexicon::*;
        let removed: HashSet<String> = config
            .remove_cues
            .iter()
            .map(|c| c.trim().to_lowercase())
            .collect();
        // Multi-word roles ("juru bicara") are matched by their first word.
        let role_heads = words(ROLE_WORDS, &config.roles)
            .map(|r| r.split_whitespace().next().unwrap_or("").to_string())
            .chain(words(ABBREVIATED_ROLES, &[]));
        let lists: Vec<(Flags, Box<dyn Iterator<Item = String>>)> = vec![
            (
                Flags::REPORT,
                Box::new(words(REPORTING_VERBS, &config.reporting_verbs)),
            ),
            (Flags::WEAK, Box::new(words(WEAK_REPORTING_VERBS, &[]))),
            (Flags::ROLE, Box::new(role_heads)),
            (Flags::ROLE_MOD, Box::new(words(ROLE_MODIFIERS, &[]))),
            (
                Flags::ORG,
                Box::new(words(ORG_WORDS, &config.organisations)),
            ),
            (Flags::ORG_TAIL, Box::new(words(ORG_TAILS, &[]))),
            (Flags::SUBUNIT, Box::new(words(SUB_UNITS, &[]))),
            (Flags::UNIT_ORG, Box::new(words(UNIT_ORGS, &[]))),
            (Flags::TOP_ORG, Box::new(words(TOP_ORGS, &[]))),
            (Flags::LOCAL_UNIT, Box::new(words(LOCAL_UNITS, &[]))),
            (Flags::GOV_ROLE, Box::new(words(GOVERNMENT_ROLES, &[]))),
            (Flags::ABBREV_ROLE, Box::new(words(ABBREVIATED_ROLES, &[]))),
            (Flags::RANK, Box::new(words(RANKS, &config.ranks))),
            (Flags::PRONOUN, Box::new(words(PRONOUNS, &[]))),
            (Flags::FIRST_PERSON, Box::new(words(FIRST_PERSON, &[]))),
            (Flags::DAY, Box::new(words(DAYS, &[]))),
            (Flags::STOP, Box::new(words(PHRASE_STOPS, &[]))),
            (Flags::ADVERB, Box::new(words(ADVERBS, &[]))),
            (Flags::BAHWA, Box::new(words(&["bahwa", "kalau"], &[]))),
            (Flags::YANG, Box::new(words(&["yang"], &[]))),
            (
                Flags::COMMONER,
                Box::new(words(PRIVATE_PEOPLE, &config.private_people)),
            ),
            (Flags::CUE, Box::new(words(DIRECT_CUES, &config.cues))),
            (
                Flags::ACCORDING,
                Box::new(words(ACCORDING_TO, &config.according_to)),
            ),
            (
                Flags::NOT_SOURCE,
                Box::new(words(NOT_SOURCES, &config.not_sources)),
            ),
            (Flags::RECORD, Box::new(words(RECORDS, &config.records))),
            (
                Flags::AMBIGUOUS_CUE,
                Box::new(words(AMBIGUOUS_CUES, &config.ambiguous_cues)),
            ),
        ];
        let mut lex = Lexicon::default();
        for (flag, list) in lists {
            for word in list {
                // `remove_cues` switches off direct cues and reporting verbs alike.
                if flag.intersects(Flags::CUE | Flags::REPORT) && removed.contains(&word) {
                    continue;
                }
                if flag.intersects(Flags::CUE | Flags::ACCORDING) {
                    let nya = if flag == Flags::CUE {
                        Flags::CUE_NYA
                    } else {
                        Flags::ACCORDING_NYA
                    };
                    *lex.nya_stems.entry(word.clone()).or_default() |= nya;
                }
                // "nilainya", "jelasnya": the `-nya` form is as ambiguous as the word.
                if flag == Flags::AMBIGUOUS_CUE {
                    *lex.nya_stems.entry(word.clone()).or_default() |= flag;
                }
                *lex.words.entry(word).or_default() |= flag;
            }
        }
        for word in lex.words.keys() {
            lex.words_shape.insert(word);
        }
        for stem in lex.nya_stems.keys() {
            lex.nya_shape.insert(stem);
        }
        // Only lower-case ASCII keys can equal a lower-cased ASCII word.
        let packable =
            |w: &str| w.len() <= 15 && w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase());
        // Only forms the shape filters let through: `classify_ascii` gave every other word the
        // affix rules alone, and still does without testing the filters.
        let mut forms: Vec<String> = (lex.words.keys().cloned())
            .chain(lex.nya_stems.keys().map(|stem| format!("{stem}nya")))
            .filter(|w| packable(w) && lex.maybe_listed(w.as_bytes()))
            .collect();
        forms.sort();
        forms.dedup();
        let entries: Vec<((u64, u64), Flags)> = forms
            .iter()
            .map(|form| (packed_key(form.as_bytes()), lex.classify(form)))
            .collect();
        lex.packed = PackedTable::new(&entries);
        lex
    }

    /// The flags an ASCII word earns, in any case: lower-cases it into `lower` and looks it up
    /// only when a list may hold it, which most words skip.
    pub(crate) fn classify_ascii(&self, word: &str, lower: &mut String) -> Flags {
        let bytes = word.as_bytes();
        debug_assert!(word.is_ascii());
        if bytes.len() <= 15 {
            let (lo, hi) = load16(bytes);
            return self.classify_loaded(bytes, lo, hi);
        } else if self.maybe_listed(bytes) {
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            return self.classify(lower);
        }
        affix_flags(bytes)
    }

    /// [`Lexicon::classify_ascii`] of an ASCII word of at most 15 bytes that [`load16`] read
    /// as `lo` and `hi`: inlined where the words are flagged, which have read them already.
    #[inline]
    pub(crate) fn classify_loaded(&self, bytes: &[u8], lo: u64, hi: u64) -> Flags {
        debug_assert!(bytes.len() <= 15 && bytes.is_ascii());
        let key = (
            ascii_lower(lo),
            ascii_lower(hi) | (bytes.len() as u64 + 1) << 56,
        );
        // Every word the shape filters let through and `classify` gives more than the affix
        // rules is in `packed`, and no other: one look-up answers for both.
        match self.packed.get(key) {
            Some(flags) => flags,
            None => affix_flags(bytes),
        }
    }

    /// False when no list can hold the ASCII word (in any case), by its shape; the `-nya`
    /// test only for a word the first filter turns away.
    fn maybe_listed(&self, bytes: &[u8]) -> bool {
        self.words_shape.may_hold(bytes)
            || (bytes.len() > 3
                && bytes[bytes.len() - 3..].eq_ignore_ascii_case(b"nya")
                && self.nya_shape.may_hold(&bytes[..bytes.len() - 3]))
    }

    /// The flags a lower-case word earns.
    pub(crate) fn classify(&self, lower: &str) -> Flags {
        let mut f = self.words.get(lower).copied().unwrap_or_default();
        if is_field_noun(lower.as_bytes()) {
            f |= Flags::ORG_TAIL | Flags::FIELD;
        }
        if is_ministry(lower.as_bytes()) {
            f |= Flags::ORG | Flags::TOP_ORG;
        }
        // `katanya`, `menurutnya`: the `-nya` form of a cue that is not itself a listed word.
        if let Some(stem) = lower.strip_suffix("nya") {
            if let Some(&nya) = self.nya_stems.get(stem) {
                let mut nya = nya;
                if f.contains(Flags::CUE) {
                    nya.remove(Flags::CUE_NYA);
                }
                if f.contains(Flags::ACCORDING) {
                    nya.remove(Flags::ACCORDING_NYA);
                }
                f |= nya;
            }
        }
        f
    }
}

/// What a word no list holds earns: only the pe-/ke-…-an and kemen- rules of `classify`.
#[inline]
fn affix_flags(bytes: &[u8]) -> Flags {
    let mut f = Flags::empty();
    if is_field_noun(bytes) {
        f |= Flags::ORG_TAIL | Flags::FIELD;
    }
    if is_ministry(bytes) {
        f |= Flags::ORG | Flags::TOP_ORG;
    }
    f
}

/// "Perhubungan", "Kesehatan": pe(r)-…-an and ke-…-an nouns name institutions' fields, never
/// people. Ignores ASCII case, so it holds for the word and its lower-case form alike.
#[inline]
fn is_field_noun(word: &[u8]) -> bool {
    word.len() >= 8
        && (word[..2].eq_ignore_ascii_case(b"pe") || word[..2].eq_ignore_ascii_case(b"ke"))
        && word[word.len() - 2..].eq_ignore_ascii_case(b"an")
}

/// "Kemenhub", "Kemenperin", "Kemenkumham": a ministry named in one word (kemen- and its
/// field), like the listed "Kemenkes". Ignores ASCII case.
#[inline]
fn is_ministry(word: &[u8]) -> bool {
    word.len() >= 7
        && word[..5].eq_ignore_ascii_case(b"kemen")
        && !word.eq_ignore_ascii_case(b"kementerian")
}

/// The `quotes` stage.
#[derive(Debug)]
pub struct QuoteStage {
    lexicon: Lexicon,
    config: QuotesConfig,
    setting_words: setting::SettingWords,
}

impl QuoteStage {
    /// Builds the stage from its options.
    pub fn new(config: QuotesConfig) -> QuoteStage {
        QuoteStage {
            lexicon: Lexicon::new(&config),
            setting_words: setting::SettingWords::new(&config.event_openers, &config.place_nouns),
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
        if self.config.settings {
            let mut quotes = std::mem::take(&mut doc.quotes);
            setting::fill(doc, &mut quotes, &self.setting_words);
            doc.quotes = quotes;
            doc.topic = setting::topic(doc);
        }
        doc.layers |= Layers::QUOTES;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kutip_core::{Quote, QuoteKind};
    use kutip_entities::{EntitiesConfig, EntityStage};
    use kutip_tokenize::{TokenizeConfig, TokenizeStage};

    fn quotes_with(text: &str, config: QuotesConfig) -> (Document, Vec<Quote>) {
        let mut doc = Document::new("t", text);
        TokenizeStage::new(TokenizeConfig::default())
            .process(&mut doc)
            .unwrap();
        EntityStage::new(EntitiesConfig::default())
            .process(&mut doc)
            .unwrap();
        QuoteStage::new(config).process(&mut doc).unwrap();
        let quotes = doc.quotes.clone();
        (doc, quotes)
    }

    fn quotes(text: &str) -> (Document, Vec<Quote>) {
        quotes_with(text, QuotesConfig::default())
    }

    /// `load16` reads a word's bytes as a zero-padded copy would, and `ascii_lower` lower-cases
    /// them as `to_ascii_lowercase` does, for every length and every ASCII byte.
    #[test]
    fn words_are_read_and_lower_cased_as_a_padded_copy() {
        let all: Vec<u8> = (0u8..0x80).collect();
        for chunk in all.chunks(16).chain(all.windows(7)) {
            for n in 0..=chunk.len() {
                let word = &chunk[..n];
                let mut padded = [0u8; 16];
                padded[..n].copy_from_slice(word);
                let lo = u64::from_le_bytes(padded[..8].try_into().unwrap());
                let hi = u64::from_le_bytes(padded[8..].try_into().unwrap());
                assert_eq!(load16(word), (lo, hi), "{word:?}");
                let lowered: Vec<u8> = padded.iter().map(u8::to_ascii_lowercase).collect();
                let expect_lo = u64::from_le_bytes(lowered[..8].try_into().unwrap());
                assert_eq!(ascii_lower(lo), expect_lo, "{word:?}");
            }
        }
    }

    /// The shape filter in front of the maps may let strangers through but must never turn a
    /// listed word away, in whatever case it is written, `-nya` forms included.
    #[test]
    fn the_shape_filter_lets_every_listed_word_through_in_any_case() {
        let config = QuotesConfig {
            cues: vec!["Bertutur".to_string()],
            ..QuotesConfig::default()
        };
        let lex = Lexicon::new(&config);
        let mut lower = String::new();
        let keys: Vec<String> = lex.words.keys().filter(|w| w.is_ascii()).cloned().collect();
        assert!(keys.iter().any(|w| w == "bertutur"));
        for word in &keys {
            for written in [
                word.clone(),
                word.to_ascii_uppercase(),
                format!("{word}nya"),
            ] {
                let listed = lex.classify(&written.to_ascii_lowercase());
                assert_eq!(
                    lex.classify_ascii(&written, &mut lower),
                    listed,
                    "{written}"
                );
            }
        }
        // A word in no list is still an institution's field by its affixes.
        assert_eq!(
            lex.classify_ascii("Perhubungan", &mut lower),
            Flags::ORG_TAIL | Flags::FIELD
        );
        // Words in no list, short and long, in any case, give what `classify` gives.
        for written in [
            "Kemenhub",
            "kemenpora",
            "Pertanian",
            "ketahanannya",
            "Berdasarkan",
            "PENANGGULANGANNYA",
            "Kementerian",
            "kementeriannya",
            "Sukamaju",
            "pembangunanberkelanjutan",
            "dikatakannya",
            "x",
            "",
        ] {
            assert_eq!(
                lex.classify_ascii(written, &mut lower),
                lex.classify(&written.to_ascii_lowercase()),
                "{written}"
            );
        }
    }

    /// (content, kind, cue, speaker name, rule) of every quote.
    fn summary(doc: &Document, qs: &[Quote]) -> Vec<(String, QuoteKind, String, String, String)> {
        qs.iter()
            .map(|q| {
                (
                    doc.slice(q.content).to_string(),
                    q.kind,
                    q.cue.map_or(String::new(), |c| doc.slice(c).to_string()),
                    q.speaker
                        .as_ref()
                        .and_then(|s| s.name.clone())
                        .unwrap_or_default(),
                    q.rule.to_string(),
                )
            })
            .collect()
    }

    /// A first-person subject is someone's own words whose quotation marks were lost, not
    /// speech the writer reports.
    /// A short name takes the organisation of an introduction that gave no position ("Rudi
    /// Hartono dari Yayasan X"), introduced before it; a subject written so before its verb is
    /// the person, not the organisation ("Budi Santoso dari Universitas X mengatakan").
    #[test]
    fn a_short_name_takes_an_introduction_by_organisation() {
        let (_, qs) = quotes(
            "Menurut Rudi Hartono dari Yayasan Tani Makmur, petani perlu bantuan.\n\n\
             “Petani butuh pupuk murah,” kata Rudi.\n\n\
             Budi Santoso dari Universitas Sukamaju mengatakan, harga beras naik.\n\n\
             Peneliti Sari Wulandari dari Universitas Sukamaju menilai stok masih cukup.",
        );
        let got: Vec<_> = qs
            .iter()
            .map(|q| {
                let s = q.speaker.as_ref().unwrap();
                (s.name.clone(), s.affiliation.is_some(), s.role.is_some())
            })
            .collect();
        let name = |n: &str| Some(n.to_string());
        assert_eq!(
            got,
            [
                (name("Rudi Hartono"), true, false),
                (name("Rudi Hartono"), true, false),
                (name("Budi Santoso"), true, false),
                (name("Sari Wulandari"), true, true),
            ],
            "{qs:?}"
        );
        // (Only an introduction before it: a short name written first gets nothing.)
        let (_, qs) = quotes(
            "“Petani butuh pupuk murah,” kata Rudi.\n\n\
             Menurut Rudi Hartono dari Yayasan Tani Makmur, petani perlu bantuan.",
        );
        assert!(
            qs[0].speaker.as_ref().unwrap().affiliation.is_none(),
            "{qs:?}"
        );
    }

    /// A month before the verb ends a relative clause after the subject: the speaker is the
    /// name before "yang", and a later pronoun stands for that person.
    #[test]
    fn a_month_before_the_verb_is_no_speaker() {
        let (_, qs) = quotes(
            "Ketua Koperasi Sukamaju Budi Santoso yang dihubungi pertengahan Maret lalu \
             menjelaskan stok pupuk menipis. Dia mengatakan, kiriman baru segera tiba.",
        );
        let names: Vec<_> = qs
            .iter()
            .map(|q| q.speaker.as_ref().unwrap().name.clone().unwrap_or_default())
            .collect();
        assert_eq!(names.len(), 2, "{qs:?}");
        assert!(names.iter().all(|n| n.ends_with("Budi Santoso")), "{qs:?}");
        assert!(qs[1].speaker.as_ref().unwrap().role.is_some(), "{qs:?}");
    }

    /// A term quoted inside a quote ("… istilah “gotong royong” di sini. Semua …") does not
    /// cut the quote:
    /// it opens at the mark before the term.
    #[test]
    fn a_term_quoted_inside_a_quote_keeps_the_quote_whole() {
        let text = "Warga membersihkan selokan. “Kami pakai istilah “gotong royong” di sini. \
                    Semua warga ikut bekerja,” ujar Budi Santoso.";
        let (doc, qs) = quotes(text);
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        assert_eq!(direct.len(), 1, "{qs:?}");
        let content = doc.slice(direct[0].content);
        assert!(content.starts_with("Kami pakai"), "{content}");
        assert!(content.ends_with("ikut bekerja,"), "{content}");
    }

    /// A law's title after "tentang" that a descriptor seems to follow ("tentang Perlindungan
    /// Pasar, Pedagang Kecil, …") is no private person a later `-nya` stands for.
    #[test]
    fn a_title_after_tentang_is_no_private_person() {
        let (_, qs) = quotes(
            "Ketua Forum Pedagang Sukamaju Budi Santoso menilai aturan itu keliru. Aturan itu \
             menghapus definisi dalam UU No 3/2021 tentang Perlindungan Pasar, Pedagang \
             Kecil, dan Koperasi.\n\n“Perubahan ini merugikan pedagang kecil,” katanya.",
        );
        let s = qs.last().unwrap().speaker.as_ref().unwrap();
        assert!(
            s.name.as_deref().unwrap().ends_with("Budi Santoso"),
            "{s:?}"
        );
        assert!(s.public_figure, "{s:?}");
    }

    #[test]
    fn a_first_person_subject_reports_nothing() {
        let (doc, qs) = quotes(
            "Budi Santoso mengatakan, harga beras naik. Saya berharap harga segera turun. \
             Kami menilai stok cukup.",
        );
        let got = summary(&doc, &qs);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "harga beras naik", "{got:?}");
    }

    #[test]
    fn a_comma_after_bahwa_is_not_reported() {
        let (doc, qs) = quotes("Budi Santoso mengatakan bahwa, harga beras naik.");
        let got = summary(&doc, &qs);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "harga beras naik", "{got:?}");
    }

    const ARTICLE: &str = "JAKARTA, KOMPAS.com - Pemerintah menaikkan harga beras.
Menteri Perdagangan Budi Hartono mengatakan, kenaikan itu tidak bisa dihindari.
“Stok kami menipis karena panen gagal di banyak daerah.
“Kami sudah mengimpor 200.000 ton dan akan tiba bulan depan,” kata Budi di Jakarta, Senin (3/6/2024).
Ia menambahkan bahwa harga akan turun pada Agustus.
Menurut dia, petani tetap dilindungi.
“Harga naik terus, katanya karena impor,” ujar Rita (44), pedagang di Pasar Minggu.
Seorang pembeli mengeluh \" harga tidak masuk akal.
Baca juga: “Harga Beras Naik Lagi,” Kata Pedagang";

    #[test]
    fn an_article_reads_as_a_careful_reader_would() {
        let (doc, qs) = quotes(ARTICLE);
        let got = summary(&doc, &qs);
        let want = [
            (
                "kenaikan itu tidak bisa dihindari",
                QuoteKind::Indirect,
                "mengatakan",
                "Budi Hartono",
                "indirect-verb",
            ),
            (
                "Stok kami menipis karena panen gagal di banyak daerah.",
                QuoteKind::Direct,
                "",
                "Budi Hartono",
                "direct-continued",
            ),
            (
                "Kami sudah mengimpor 200.000 ton dan akan tiba bulan depan,",
                QuoteKind::Direct,
                "kata",
                "Budi Hartono",
                "direct-cue-after",
            ),
            (
                "harga akan turun pada Agustus",
                QuoteKind::Indirect,
                "menambahkan",
                "Budi Hartono",
                "indirect-verb-bahwa",
            ),
            (
                "petani tetap dilindungi",
                QuoteKind::Indirect,
                "Menurut",
                "Budi Hartono",
                "indirect-according-to",
            ),
            (
                "Harga naik terus, katanya karena impor,",
                QuoteKind::Direct,
                "ujar",
                "Rita",
                "direct-cue-after",
            ),
        ];
        let want: Vec<_> = want
            .iter()
            .map(|(c, k, cue, s, r)| {
                (
                    c.to_string(),
                    *k,
                    cue.to_string(),
                    s.to_string(),
                    r.to_string(),
                )
            })
            .collect();
        assert_eq!(got, want);
    }

    /// The place and occasion of a statement, from its attribution; the article's topic.
    #[test]
    fn statements_carry_their_place_and_occasion_and_the_article_its_topic() {
        let (doc, qs) = quotes(ARTICLE);
        assert_eq!(
            doc.slice(doc.topic.expect("a topic")),
            "Pemerintah menaikkan harga beras"
        );
        assert_eq!(doc.slice(qs[2].location.expect("a place")), "Jakarta");
        assert_eq!(qs[2].event, None);
        // "Pasar Minggu" is where Rita trades, not where she spoke (it follows a word).
        assert_eq!(qs[5].location, None);
        let text = "BANDUNG, Kompas.com - Harga cabai naik tajam.\n\
             “Kami terus memantau pasar,” kata Budi Santoso dalam rapat kerja dengan Komisi X \
             di Gedung Sate, Bandung, Senin (3/6/2024).\n\
             Kepala Dinas Pertanian Sari Wulandari, saat dihubungi dari Jakarta, mengatakan, \
             stok cukup.\n\
             “Stok aman sampai Lebaran,” ujarnya.\n\
             “Belum ada rencana impor,” ujar Sari saat ini.";
        let (doc, qs) = quotes(text);
        let at = |q: &Quote| {
            (
                q.location.map(|l| doc.slice(l).to_string()),
                q.event.map(|e| doc.slice(e).to_string()),
            )
        };
        assert_eq!(doc.slice(doc.topic.unwrap()), "Harga cabai naik tajam");
        let got: Vec<_> = qs.iter().map(at).collect();
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            got,
            [
                (
                    s("Gedung Sate, Bandung"),
                    s("dalam rapat kerja dengan Komisi X")
                ),
                // The place a reporter called from belongs to the occasion.
                (None, s("saat dihubungi dari Jakarta")),
                // The next statement by the same speaker was made at the same place: none here.
                (None, None),
                // "saat ini" is "now", no occasion; the speaker's introduction, two sentences
                // before, gives it.
                (None, s("saat dihubungi dari Jakarta")),
            ],
            "{:?}",
            summary(&doc, &qs)
        );
        // Without a dateline there is no topic; switched off, nothing is filled in.
        let (doc, _) = quotes("Harga cabai naik tajam. “Kami siap,” kata Budi di Bandung.");
        assert_eq!(doc.topic, None);
        let config = QuotesConfig {
            settings: false,
            ..QuotesConfig::default()
        };
        let (doc, qs) = quotes_with(text, config);
        assert_eq!(doc.topic, None);
        assert!(qs.iter().all(|q| q.location.is_none() && q.event.is_none()));
    }

    /// Where the speaker went is the location; after a bare participle, so is the place called
    /// from.
    #[test]
    fn a_place_after_ke_or_a_bare_participle_is_the_location() {
        let (doc, qs) = quotes(
            "“Kami siap,” kata Budi Santoso ketika berkunjung ke Pelabuhan Sukamaju, Senin.\n\
             “Stok cukup,” ujar Sari Wulandari, dihubungi dari Bandung, Selasa.",
        );
        let at = |q: &Quote| {
            (
                q.location.map(|l| doc.slice(l)),
                q.event.map(|e| doc.slice(e)),
            )
        };
        assert_eq!(
            at(&qs[0]),
            (Some("Pelabuhan Sukamaju"), Some("ketika berkunjung"))
        );
        assert_eq!(at(&qs[1]), (Some("Bandung"), Some("dihubungi")));
    }

    /// "kepada" inside an organisation's name is no occasion; after the speaker it says to whom
    /// the words were said.
    #[test]
    fn kepada_inside_an_organisation_name_opens_no_occasion() {
        let (doc, qs) = quotes(
            "Kepala Pusat Riset, Lembaga Penelitian dan Pengabdian kepada Masyarakat (LPPM) \
             Universitas Sukamaju, Budi Santoso mengungkapkan, kampus itu naik peringkat.\n\
             “Kami bangga,” kata Budi kepada wartawan.",
        );
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(qs[0].event, None);
        assert_eq!(qs[1].event.map(|e| doc.slice(e)), Some("kepada wartawan"));
    }

    /// An English name after "di": right after a lower-case word it is where the speaker
    /// works; after the speaker's name it is where they spoke, whole.
    #[test]
    fn an_english_name_is_read_whole_or_not_as_a_place() {
        let (doc, qs) = quotes(
            "“Kota harus hijau,” kata peneliti di Center for Urban Studies Budi Santoso.\n\
             “Pameran dibuka,” kata Sari Wulandari di Museum of Modern Art, Sukamaju, Senin.",
        );
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(qs[0].location, None);
        assert_eq!(
            qs[1].location.map(|l| doc.slice(l)),
            Some("Museum of Modern Art, Sukamaju")
        );
    }

    /// Extra occasion words and place nouns from the options.
    #[test]
    fn setting_words_extend_from_the_options() {
        let text = "“Kami siap,” kata Budi Santoso sembari meninjau pasar di wisma Sukamaju.";
        let (_, qs) = quotes(text);
        assert_eq!((qs[0].location, qs[0].event), (None, None));
        let config = QuotesConfig {
            event_openers: vec!["Sembari".into()],
            place_nouns: vec!["wisma".into()],
            ..QuotesConfig::default()
        };
        let (doc, qs) = quotes_with(text, config);
        assert_eq!(doc.slice(qs[0].event.unwrap()), "sembari meninjau pasar");
        assert_eq!(doc.slice(qs[0].location.unwrap()), "wisma Sukamaju");
    }

    #[test]
    fn speakers_carry_role_time_and_public_status() {
        let (doc, qs) = quotes(ARTICLE);
        let budi = qs[2].speaker.as_ref().unwrap();
        assert_eq!(doc.slice(budi.role.unwrap()), "Menteri Perdagangan");
        assert!(budi.public_figure);
        assert_eq!(doc.slice(qs[2].time.unwrap()), "Senin (3/6/2024)");
        // Introduced by age: a private person.
        assert!(!qs[5].speaker.as_ref().unwrap().public_figure);
    }

    #[test]
    fn a_stray_mark_swallows_nothing_and_boilerplate_is_skipped() {
        let (doc, qs) = quotes(ARTICLE);
        for q in &qs {
            let content = doc.slice(q.content);
            assert!(!content.contains("masuk akal"), "{content}");
            assert!(!content.contains("Harga Beras Naik Lagi"), "{content}");
        }
    }

    #[test]
    fn katanya_inside_a_quote_is_not_an_attribution() {
        let (doc, qs) = quotes(ARTICLE);
        let rita = qs
            .iter()
            .find(|q| doc.slice(q.content).starts_with("Harga naik"))
            .unwrap();
        assert_eq!(doc.slice(rita.cue.unwrap()), "ujar");
    }

    #[test]
    fn kompas_opener_and_multi_sentence_quotes() {
        let text = "Kepala BPBD DKI Jakarta Budi Santoso meninjau lokasi. ”Air naik sejak pagi. Kami siaga penuh,” ujarnya.";
        let (doc, qs) = quotes(text);
        let got = summary(&doc, &qs);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Air naik sejak pagi. Kami siaga penuh,");
        assert_eq!(got[0].3, "Budi Santoso");
        assert_eq!(got[0].4, "direct-cue-nya");
    }

    #[test]
    fn organisations_countries_and_groups_speak() {
        let text = "Jerman mengatakan perundingan harus dilanjutkan. Harga minyak akan naik, kata para analis energi.";
        let (doc, qs) = quotes(text);
        let got = summary(&doc, &qs);
        assert_eq!(got[0].3, "Jerman");
        assert_eq!(got[1].0, "Harga minyak akan naik");
        // A group described in lower case speaks, named by no name.
        assert_eq!(got[1].3, "");
        let s = qs[1].speaker.as_ref().unwrap();
        assert_eq!(doc.slice(s.span), "para analis energi");
    }

    #[test]
    fn cue_lists_extend_from_the_pipeline() {
        let text = "“Kami menolak,” sergap Budi Santoso. Budi mengungkit, kasus itu belum selesai.";
        let (_, before) = quotes(text);
        assert!(
            before
                .iter()
                .all(|q| q.cue.is_none() || q.kind != QuoteKind::Direct)
        );
        let config = QuotesConfig {
            cues: vec!["sergap".into()],
            reporting_verbs: vec!["mengungkit".into()],
            ..QuotesConfig::default()
        };
        let (doc, after) = quotes_with(text, config);
        let got = summary(&doc, &after);
        assert_eq!(got[0].2, "sergap");
        assert_eq!(got[1].2, "mengungkit");
        assert_eq!(got[1].3, "Budi Santoso");
    }

    /// After `menurut`, a plan, rule or custom is no source, and a record's source is its owner
    /// (no one when it has none); both lists extend from the pipeline.
    #[test]
    fn plans_and_rules_are_no_source_and_a_records_owner_is() {
        let said = |text: &str, config: QuotesConfig| {
            let (doc, qs) = quotes_with(text, config);
            qs.iter()
                .map(|q| {
                    let s = q.speaker.as_ref().map(|s| doc.slice(s.span).to_string());
                    (doc.slice(q.content).to_string(), s.unwrap_or_default())
                })
                .collect::<Vec<_>>()
        };
        let default = QuotesConfig::default;
        for text in [
            "Menurut rencana , jalan itu dibuka bulan depan.",
            "Jalan itu , menurut jadwal , dibuka bulan depan.",
            "Menurut aturan yang berlaku , pedagang harus punya izin.",
            "Menurut adat setempat , pesta digelar tujuh hari.",
            "Menurut data , kasus baru turun sepekan ini.",
        ] {
            assert_eq!(said(text, default()), vec![], "{text}");
        }
        assert_eq!(
            said(
                "Menurut data Dinas Kesehatan Kota Sukamaju , kasus baru turun sepekan ini.",
                default()
            ),
            vec![(
                "kasus baru turun sepekan ini".to_string(),
                "Dinas Kesehatan Kota Sukamaju".to_string()
            )]
        );
        assert_eq!(
            said(
                "Menurut keterangan dari Polres Sukamaju , pelaku sudah ditangkap.",
                default()
            )[0]
            .1,
            "Polres Sukamaju"
        );
        // A name after `menurut` is the speaker as before.
        assert_eq!(
            said("Menurut Budi Santoso , harga naik.", default())[0].1,
            "Budi Santoso"
        );
        // Extra words from the pipeline.
        let text = "Menurut perjanjian , lahan itu dikembalikan. Menurut rekaman Polres Sukamaju , \
                    mobil itu melaju kencang.";
        assert_eq!(said(text, default()).len(), 2);
        let config = QuotesConfig {
            not_sources: vec!["perjanjian".into()],
            records: vec!["rekaman".into()],
            ..default()
        };
        assert_eq!(
            said(text, config),
            vec![(
                "mobil itu melaju kencang".to_string(),
                "Polres Sukamaju".to_string()
            )]
        );
    }

    /// A cue that is also a noun ("nilai ekspor", "nilainya bisa …", "cerita rakyat …")
    /// reports after a comma only before a speaker; the clause's own verb reports instead.
    #[test]
    fn a_cue_that_is_also_a_noun_reports_only_before_a_speaker() {
        let text = "Tahun lalu , nilai penjualannya sampai 5 juta dollar. Tahun depan , nilainya \
                    bisa berlipat. Badan Statistik Sukamaju menyebutkan , nilai ekspor kopi \
                    naik. Budi Santoso menambahkan , cerita rakyat dari desa itu akan dibukukan. \
                    Harga kopi terlalu tinggi , nilai pengamat ekonomi Siti Aminah. Harga teh \
                    juga naik , nilainya.";
        let (doc, qs) = quotes(text);
        let got: Vec<_> = summary(&doc, &qs)
            .into_iter()
            .map(|(content, _, cue, _, _)| (content, cue))
            .collect();
        let want = [
            ("nilai ekspor kopi naik", "menyebutkan"),
            ("cerita rakyat dari desa itu akan dibukukan", "menambahkan"),
            ("Harga kopi terlalu tinggi", "nilai"),
            ("Harga teh juga naik", "nilainya"),
        ];
        assert_eq!(
            got,
            want.map(|(c, q)| (c.to_string(), q.to_string())).to_vec()
        );
    }

    /// "jelas", "tambah", "sebut" are cues and also "clearly", "more", "say": after a comma
    /// they report only before a speaker; `ambiguous_cues` adds more.
    #[test]
    fn a_cue_that_is_also_an_adverb_reports_only_before_a_speaker() {
        let text = "Luka di kepala korban , jelas menunjukkan adanya kekerasan. Jalan desa rusak , \
                    tambah parah saat hujan. Seorang warga , sebut saja Mawar , melapor ke polisi. \
                    Jembatan itu segera diperbaiki , jelas Kepala Dinas Sukamaju Budi Santoso. \
                    Pasar baru ramai , tambah mantan Kepala Dinas Sukamaju itu.";
        let (doc, qs) = quotes(text);
        let got: Vec<_> = summary(&doc, &qs)
            .into_iter()
            .map(|(content, _, cue, _, _)| (content, cue))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "Jembatan itu segera diperbaiki".to_string(),
                    "jelas".to_string()
                ),
                ("Pasar baru ramai".to_string(), "tambah".to_string())
            ]
        );
        let config = QuotesConfig {
            ambiguous_cues: vec!["kata".into()],
            ..QuotesConfig::default()
        };
        let (_, qs) = quotes_with("Harga naik , kata orang pasar.", config);
        assert!(qs.is_empty(), "{qs:?}");
        let (_, qs) = quotes("Harga naik , kata orang pasar.");
        assert_eq!(qs.len(), 1);
    }

    #[test]
    fn a_long_adjunct_between_subject_and_verb_keeps_the_speaker() {
        let text = "Menteri Pariwisata Suryo Hadinoto dalam sambutannya di acara tersebut menyampaikan \
                    bahwa taman kota akan dibuka pekan depan. Ketua panitia Rina Wulandari, secara \
                    rinci memaparkan, lomba diikuti 40 sekolah.";
        let (doc, qs) = quotes(text);
        let got = summary(&doc, &qs);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "taman kota akan dibuka pekan depan");
        assert_eq!(got[0].3, "Suryo Hadinoto");
        assert_eq!(got[1].0, "lomba diikuti 40 sekolah");
        assert_eq!(got[1].3, "Rina Wulandari");
    }

    /// Academic degrees after a name are neither the speaker nor part of what is said.
    #[test]
    fn degrees_after_a_name_are_not_the_speaker() {
        let text = "Kepala Sekolah Budi Santoso , S.Pd. , M.Si. , mengatakan , lomba diikuti 40 \
                    sekolah. Sari Wulandari , SE MM menjelaskan taman kota dibuka pekan depan. \
                    Menurut Hendra Gunawan , S.H. , M.H. , pasar akan direnovasi.";
        let (doc, qs) = quotes(text);
        let got = summary(&doc, &qs);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0, "lomba diikuti 40 sekolah");
        assert_eq!(got[0].3, "Budi Santoso");
        assert_eq!(got[1].0, "taman kota dibuka pekan depan");
        assert_eq!(got[1].3, "Sari Wulandari");
        assert_eq!(got[2].0, "pasar akan direnovasi");
        assert_eq!(got[2].3, "Hendra Gunawan");
    }

    /// A doctorate however written ("P.hd", "Ph.d") and a degree the tokenizer keeps whole
    /// ("M.Kn.") after a name are not the speaker either, also with an adjunct before the verb.
    #[test]
    fn misspelt_and_notarial_degrees_are_not_the_speaker() {
        let text = "Peneliti senior Budi Santoso, P.hd mengungkapkan, sawah itu \
                    kering. Dosen hukum Siti Aminah, S.H., M.Kn. dalam sambutannya mengatakan bahwa \
                    kampus siap. Hendra Gunawan, Ph.d menjelaskan pasar akan direnovasi.";
        let (doc, qs) = quotes(text);
        let names: Vec<String> = summary(&doc, &qs).into_iter().map(|g| g.3).collect();
        assert_eq!(names, ["Budi Santoso", "Siti Aminah", "Hendra Gunawan"]);
    }

    /// An ampersand, also HTML-escaped ("&amp;", and with the line broken after it as some
    /// scraped text has it), joins the words of a firm's name and of a position, and degrees
    /// on lines of their own still follow the name.
    #[test]
    fn an_ampersand_or_a_broken_line_inside_a_speaker_phrase() {
        let text = "Laporan itu terbit pekan lalu.\nSukamaju &amp; Rekan menyebutkan, nilai ekonomi \
                    naik.\nData dari Karya & amp;\nMandiri menyebutkan, harga turun.\nDirektur \
                    Riset & amp;\nKomunikasi PT Sukamaju Jaya, Budi Santoso, mengatakan, harga naik.\n\
                    Rektor Universitas Sukamaju Raya, Prof. Dr. Siti Aminah, S.H., M.H.\n, M.Kn.\n, \
                    M.M. dalam sambutannya mengatakan bahwa kampus siap.";
        let (doc, qs) = quotes(text);
        assert_eq!(qs.len(), 4, "{qs:?}");
        let p: Vec<_> = qs.iter().map(|q| speaker_parts(&doc, q)).collect();
        // (The firms' affiliations, the position's name and role, the rector's name.)
        let got = [&p[0].2, &p[1].2, &p[2].0, &p[2].1, &p[3].0];
        let want = [
            "Sukamaju &amp; Rekan",
            "Karya & amp;\nMandiri",
            "Budi Santoso",
        ];
        assert_eq!(got[..3], want);
        assert_eq!(
            got[3..],
            ["Direktur Riset & amp;\nKomunikasi", "Siti Aminah"]
        );
    }

    /// A part of a group, counted and unnamed ("sebagian warga menilai …"), speaks, but a
    /// later `-nya` still stands for the person quoted before it.
    #[test]
    fn a_counted_group_is_not_who_a_later_nya_stands_for() {
        let text = "Ketua Kelompok Tani Sukamaju Budi Santoso meninjau sawah. “Padi tumbuh baik,” \
                    kata Budi.\nNamun, sebagian masyarakat menilai pupuk terlalu mahal.\nSebab, \
                    banyak pakar berpendapat hujan datang terlambat.”\nBibit harus disiapkan sejak \
                    sekarang,” ujarnya.";
        let (doc, qs) = quotes(text);
        let last = qs.last().expect("quotes");
        assert_eq!(
            doc.slice(last.content),
            "Bibit harus disiapkan sejak sekarang,"
        );
        assert_eq!(speaker_parts(&doc, last).0, "Budi Santoso", "{qs:?}");
    }

    /// A dateline or photo credit run into the sentence that opens with the speaker is not part
    /// of the speaker: an outlet's name in capitals or a site's name before a dash, a bracket
    /// before the name. A party's name with a dash stays whole.
    #[test]
    fn a_dateline_or_photo_credit_is_not_the_speaker() {
        let text = "HARIAN SUKAMAJU - Kepala Dinas Pendidikan Kabupaten Sukamaju Budi Santoso \
                    mengatakan, sekolah dibuka pekan depan.\nSUKAMAJUNEWS.COM - Wakil Ketua DPRD \
                    Kabupaten Sukamaju Siti Aminah mengatakan, jalan itu akan diperbaiki.\nWarga \
                    datang sejak pagi.\n(IST) Hendra Gunawan menambahkan, pelatihan digelar dua \
                    hari.\nSekretaris Jenderal DPP Partai Maju - Perjuangan Dodi Hartono mengatakan, \
                    rapat digelar besok.";
        let (doc, qs) = quotes(text);
        assert_eq!(qs.len(), 4, "{qs:?}");
        let spoken: Vec<&str> = qs
            .iter()
            .map(|q| doc.slice(q.speaker.as_ref().unwrap().span))
            .collect();
        assert_eq!(
            spoken,
            [
                "Kepala Dinas Pendidikan Kabupaten Sukamaju Budi Santoso",
                "Wakil Ketua DPRD Kabupaten Sukamaju Siti Aminah",
                "Hendra Gunawan",
                "Sekretaris Jenderal DPP Partai Maju - Perjuangan Dodi Hartono",
            ]
        );
        let (_, _, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(affiliation, "Dinas Pendidikan Kabupaten Sukamaju");
    }

    /// An apposition the phrase reader does not parse (lower-case words, numbers) between the
    /// name that opens the sentence and its verb leaves the name as the speaker; "salah satu"
    /// in it makes a private person.
    #[test]
    fn a_name_before_an_unparsed_apposition_is_the_speaker() {
        let text = "Acara itu meriah. Budi Santoso , Ketua Ikatan Alumni angkatan 2001 SMAN 3 Sukamaju , \
                    mengatakan kegiatan ini digelar untuk mempererat silaturahmi. Adapun Dodi \
                    Hartono , selaku Ketua Perkumpulan Panahan Jawa Barat , menambahkan bahwa \
                    panahan adalah olahraga tradisional. Di sisi lain , Sari Wulandari , salah \
                    satu relawan gerakan itu , menjelaskan bahwa masker dibagikan gratis.";
        let (doc, qs) = quotes(text);
        let got = summary(&doc, &qs);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[0].0,
            "kegiatan ini digelar untuk mempererat silaturahmi"
        );
        assert_eq!(got[0].3, "Budi Santoso");
        assert_eq!(got[1].0, "panahan adalah olahraga tradisional");
        assert_eq!(got[1].3, "Dodi Hartono");
        assert_eq!(got[2].3, "Sari Wulandari");
        assert!(!qs[2].speaker.as_ref().unwrap().public_figure);
    }

    /// A cue that opens the clause, or follows a word or two of it without a comma, with its
    /// speaker set off by a comma, reports what follows; "Dengan kata lain" names no one, and
    /// "pesan" there is a message.
    #[test]
    fn a_cue_opening_the_clause_reports_what_follows() {
        let text = "Harga cabai naik. Kata Budi Santoso , pasokan dari petani berkurang. Ini kata \
                    dia , terjadi karena hujan deras. Dengan kata lain , harga akan turun lagi. \
                    Melalui pesan Telegram , panitia mengirim undangan kepada peserta.";
        let (doc, qs) = quotes(text);
        let got = summary(&doc, &qs);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "pasokan dari petani berkurang");
        assert_eq!(got[0].2, "Kata");
        assert_eq!(got[0].3, "Budi Santoso");
        assert_eq!(got[1].0, "terjadi karena hujan deras");
        assert_eq!(got[1].4, "indirect-cue-middle");
    }

    /// "berkelakar" reports; "meyakinkan" only before a comma or "bahwa" (it is also
    /// "convincing").
    #[test]
    fn joking_and_assuring_report_speech() {
        let text = "Pasar ramai. Budi Santoso berkelakar , harga cabai lebih pedas dari sambal. \
                    Sari Wulandari meyakinkan , stok beras cukup sampai akhir tahun. Tim Sukamaju \
                    meyakinkan penonton dengan kemenangan besar.";
        let (doc, qs) = quotes(text);
        let got = summary(&doc, &qs);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].2, "berkelakar");
        assert_eq!(got[1].0, "stok beras cukup sampai akhir tahun");
    }

    /// A thing or an event with a demonstrative ("Buku ini mengingatkan …") says nothing; a
    /// person so named does.
    #[test]
    fn a_thing_with_a_demonstrative_is_no_speaker() {
        let (doc, qs) = quotes(
            "Buku ini mengingatkan pembaca pada perjuangan para guru di desa. Pameran tersebut \
             menegaskan peran petani. Penghargaan ini menegaskan peran kampus. Perempuan itu \
             mengatakan , harga beras naik.",
        );
        let got = summary(&doc, &qs);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "harga beras naik", "{got:?}");
    }

    /// (name, role, affiliation, person) of the speaker of quote `i`.
    fn speaker_parts(doc: &Document, q: &Quote) -> (String, String, String, String) {
        let s = q.speaker.as_ref().expect("a speaker");
        let text = |x: Option<kutip_core::Span>| x.map_or(String::new(), |x| doc.slice(x).into());
        (
            s.name.clone().unwrap_or_default(),
            text(s.role),
            text(s.affiliation),
            text(s.person),
        )
    }

    /// "Menteri Pendidikan Dasar dan Menengah Budi Santoso": the word after "dan" ends the
    /// position, and the name is the person the entity layer found.
    #[test]
    fn a_position_joined_by_dan_keeps_its_last_word() {
        let (doc, qs) = quotes(
            "Menteri Pendidikan Dasar dan Menengah Budi Santoso mengatakan, sekolah tetap buka.",
        );
        assert_eq!(qs.len(), 1, "{qs:?}");
        let (name, role, _, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(name, "Budi Santoso");
        assert_eq!(role, "Menteri Pendidikan Dasar dan Menengah");
        // Two people joined by "dan" stay one speaker named by both.
        let (doc, qs) = quotes("Budi Santoso dan Sari Wulandari mengatakan, harga naik.");
        assert_eq!(
            speaker_parts(&doc, &qs[0]).0,
            "Budi Santoso dan Sari Wulandari"
        );
    }

    #[test]
    fn a_place_before_a_name_closes_the_organisation() {
        let (doc, qs) = quotes(
            "Banjir melanda Bekasi sejak pagi. Warga di Bekasi mengungsi. Ketua Bawaslu Bekasi \
             Hartono mengatakan, laporan sudah diterima.",
        );
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(name, "Hartono");
        assert_eq!(role, "Ketua");
        assert_eq!(affiliation, "Bawaslu Bekasi");
    }

    #[test]
    fn a_second_position_after_sekaligus_keeps_its_organisation() {
        // The second position's organisation is the affiliation when the first position has
        // none, also after a government title (whose region rule would otherwise take it into
        // the position).
        let (doc, qs) = quotes(
            "Bupati sekaligus Ketua Gugus Tugas Pangan Bekasi, Budi Santoso, mengatakan, stok \
             beras cukup. Pengamat pertanian sekaligus juru bicara Satuan Tugas Ketahanan \
             Pangan Sari Wulandari mengatakan, panen naik.",
        );
        let parts: Vec<_> = qs.iter().map(|q| speaker_parts(&doc, q)).collect();
        let want = [
            (
                "Budi Santoso",
                "Bupati sekaligus Ketua",
                "Gugus Tugas Pangan Bekasi",
            ),
            (
                "Sari Wulandari",
                "Pengamat pertanian sekaligus juru bicara",
                "Satuan Tugas Ketahanan Pangan",
            ),
        ];
        assert_eq!(parts.len(), 2, "{parts:?}");
        for ((name, role, affiliation, _), want) in parts.iter().zip(want) {
            assert_eq!((name.as_str(), role.as_str(), affiliation.as_str()), want);
        }
    }

    #[test]
    fn units_and_fields_before_the_organisation_belong_to_the_position() {
        let (doc, qs) = quotes(
            "Kepala Bidang Pencegahan dan Pengendalian Penyakit Dinas Kesehatan Jawa Tengah Budi \
             Santoso mengatakan, vaksin tiba. Dekan Fakultas Hukum Universitas Sukamaju Sari \
             Wulandari mengatakan, kuliah dibuka. Anggota Komisi IX DPR Dedi Hartono mengatakan, \
             rapat ditunda.",
        );
        let parts: Vec<_> = qs.iter().map(|q| speaker_parts(&doc, q)).collect();
        let want = [
            (
                "Budi Santoso",
                "Kepala Bidang Pencegahan dan Pengendalian Penyakit",
                "Dinas Kesehatan Jawa Tengah",
            ),
            (
                "Sari Wulandari",
                "Dekan Fakultas Hukum",
                "Universitas Sukamaju",
            ),
            ("Dedi Hartono", "Anggota Komisi IX", "DPR"),
        ];
        for ((name, role, affiliation, _), want) in parts.iter().zip(want) {
            assert_eq!((name.as_str(), role.as_str(), affiliation.as_str()), want);
        }
    }

    #[test]
    fn an_organisation_before_a_larger_one_is_a_unit_of_the_position() {
        let (doc, qs) = quotes(
            "Kepala Satuan Lalu Lintas Polres Sukamaju Budi Santoso mengatakan, jalan ditutup. \
             Kepala Badan Ketahanan Pangan Kementerian Pertanian Sari Wulandari mengatakan, stok \
             cukup. Kepala Badan Penanggulangan Bencana Daerah Kabupaten Sukamaju Dedi Hartono \
             mengatakan, warga mengungsi. Kepala Bidang Pencegahan Penyakit ( P2P ) Dinkes \
             Sukamaju Rina Lestari mengatakan, vaksin tiba.",
        );
        let parts: Vec<_> = qs.iter().map(|q| speaker_parts(&doc, q)).collect();
        let want = [
            (
                "Budi Santoso",
                "Kepala Satuan Lalu Lintas",
                "Polres Sukamaju",
            ),
            (
                "Sari Wulandari",
                "Kepala Badan Ketahanan Pangan",
                "Kementerian Pertanian",
            ),
            // No larger organisation after it: the agency is the affiliation.
            (
                "Dedi Hartono",
                "Kepala",
                "Badan Penanggulangan Bencana Daerah Kabupaten Sukamaju",
            ),
            (
                "Rina Lestari",
                "Kepala Bidang Pencegahan Penyakit ( P2P )",
                "Dinkes Sukamaju",
            ),
        ];
        assert_eq!(parts.len(), want.len(), "{parts:?}");
        for ((name, role, affiliation, _), want) in parts.iter().zip(want) {
            assert_eq!((name.as_str(), role.as_str(), affiliation.as_str()), want);
        }
    }

    #[test]
    fn an_adjunct_and_a_date_between_subject_and_verb() {
        let (doc, qs) = quotes(
            "Deputi Bidang Hukum , Humas , dan Kerja Sama Kementerian Sosial Budi Santoso dalam \
             konferensi pers daring , Senin (13/4/2020), mengatakan, bantuan segera cair.",
        );
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str(), affiliation.as_str()),
            (
                "Budi Santoso",
                "Deputi Bidang Hukum , Humas , dan Kerja Sama",
                "Kementerian Sosial"
            )
        );
        assert_eq!(doc.slice(qs[0].time.expect("a date")), "Senin (13/4/2020)");
    }

    #[test]
    fn two_word_positions_keep_their_second_word() {
        let (doc, qs) = quotes(
            "Sekretaris Perusahaan PT Sentosa Abadi Budi Santoso mengatakan, dividen naik. \
             Koordinator Nasional Jaringan Pendidikan Rakyat Sari Wulandari mengatakan, air tercemar. \
             Sekretaris Daerah Kabupaten Sukamaju Dedi Hartono mengatakan, anggaran cukup.",
        );
        let parts: Vec<_> = qs.iter().map(|q| speaker_parts(&doc, q)).collect();
        let want = [
            ("Sekretaris Perusahaan", "PT Sentosa Abadi", "Budi Santoso"),
            (
                "Koordinator Nasional",
                "Jaringan Pendidikan Rakyat",
                "Sari Wulandari",
            ),
            ("Sekretaris Daerah Kabupaten Sukamaju", "", "Dedi Hartono"),
        ];
        assert_eq!(parts.len(), want.len(), "{parts:?}");
        for ((_, role, affiliation, person), want) in parts.iter().zip(want) {
            assert_eq!((role.as_str(), affiliation.as_str(), person.as_str()), want);
        }
    }

    #[test]
    fn a_board_or_a_second_unit_starts_the_organisation() {
        let (doc, qs) = quotes(
            "Sekretaris Umum Pimpinan Pusat Muhammadiyah Budi Santoso mengatakan, zakat naik. \
             Kepala Bagian Penerangan Umum Divisi Humas Polri Komisaris Besar Dedi Hartono \
             mengatakan, pelaku ditangkap. Ketua Dewan Pimpinan Pusat Asosiasi Petani Kopi \
             Indonesia Sari Wulandari mengatakan, harga naik.",
        );
        let parts: Vec<_> = qs.iter().map(|q| speaker_parts(&doc, q)).collect();
        let want = [
            ("Sekretaris Umum", "Pimpinan Pusat Muhammadiyah"),
            ("Kepala Bagian Penerangan Umum", "Divisi Humas Polri"),
            (
                "Ketua Dewan Pimpinan Pusat",
                "Asosiasi Petani Kopi Indonesia",
            ),
        ];
        assert_eq!(parts.len(), want.len(), "{parts:?}");
        for ((_, role, affiliation, _), want) in parts.iter().zip(want) {
            assert_eq!((role.as_str(), affiliation.as_str()), want);
        }
    }

    #[test]
    fn words_before_a_trailing_organisation_head_are_its_name() {
        let (doc, qs) =
            quotes("Ketua Sukamaju Hotel Association Budi Santoso mengatakan, kamar penuh.");
        let (_, role, affiliation, person) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            ("Ketua", "Sukamaju Hotel Association", "Budi Santoso")
        );
    }

    #[test]
    fn a_lower_case_role_in_apposition_ends_at_dari_and_its_organisation() {
        let (doc, qs) = quotes(
            "Budi Santoso, dokter anak dari Rumah Sakit Sukamaju, mengatakan, pasien bertambah.",
        );
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str(), affiliation.as_str()),
            ("Budi Santoso", "dokter anak", "Rumah Sakit Sukamaju")
        );
    }

    #[test]
    fn initials_after_a_rank_stay_in_a_long_name() {
        let (doc, qs) = quotes(
            "Kepala Polda Sukamaju Irjen RZ Budi Santoso Wijaya mengatakan, pelaku ditangkap. \
             Kepala Polres Sukamaju Brigjen (Pol) Raden Dedi Hartono Saputra mengatakan, jalan \
             ditutup.",
        );
        let (_, role, affiliation, person) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            ("Kepala", "Polda Sukamaju", "Irjen RZ Budi Santoso Wijaya")
        );
        // After a rank, a name of four words is not cut to three.
        let (_, _, affiliation, person) = speaker_parts(&doc, &qs[1]);
        assert_eq!(
            (affiliation.as_str(), person.as_str()),
            (
                "Polres Sukamaju",
                "Brigjen (Pol) Raden Dedi Hartono Saputra"
            )
        );
    }

    #[test]
    fn a_list_in_a_position_after_the_cue_runs_to_its_last_item() {
        let (doc, qs) = quotes(
            "“Kami siap,” kata Menteri Koordinator Bidang Politik , Hukum , dan Keamanan Budi \
             Santoso dalam konferensi pers.",
        );
        let (_, role, _, person) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (role.as_str(), person.as_str()),
            (
                "Menteri Koordinator Bidang Politik , Hukum , dan Keamanan",
                "Budi Santoso"
            )
        );
    }

    /// A list ending in "dan" inside a position, in a subject set off by commas before its verb
    /// (a date or an adjunct between), is one position: the subject starts at its first item,
    /// not at "dan".
    #[test]
    fn a_list_in_a_position_set_off_before_the_verb_is_one_position() {
        for (text, role, org) in [
            (
                "Harga naik. Kepala Dinas Pasar , Taman , dan Danau Kota Sukamaju \
                 Budi Santoso , Senin (3/2/2025) , menjelaskan , harga beras naik.",
                "Kepala",
                "Dinas Pasar , Taman , dan Danau Kota Sukamaju",
            ),
            (
                "Harga naik. Menteri Koordinator Bidang Pangan , Air , dan Lingkungan Budi \
                 Santoso , kemarin , mengatakan , harga beras naik.",
                "Menteri Koordinator Bidang Pangan , Air , dan Lingkungan",
                "",
            ),
            // The position in apposition after the name, the last word of its organisation no
            // name.
            (
                "Harga naik. Budi Santoso , Kepala Dinas Pasar , Taman , dan Danau \
                 Kota Sukamaju , saat dihubungi menyatakan harga beras naik.",
                "Kepala",
                "Dinas Pasar , Taman , dan Danau Kota Sukamaju",
            ),
            // And in a relative clause after the name.
            (
                "Harga naik. Budi Santoso , yang juga Kepala Dinas Kebersihan , Pertamanan , \
                 Pemakaman , dan Penerangan Jalan Kota Sukamaju , menambahkan , harga beras \
                 naik.",
                "Kepala",
                "Dinas Kebersihan , Pertamanan , Pemakaman , dan Penerangan Jalan Kota Sukamaju",
            ),
        ] {
            let (doc, qs) = quotes(text);
            let q = qs.last().expect(text);
            let (name, r, a, _) = speaker_parts(&doc, q);
            assert_eq!(
                (name.as_str(), r.as_str(), a.as_str()),
                ("Budi Santoso", role, org),
                "{text}"
            );
        }
        // A mayor listed with others is no list inside the mayor's position.
        let (doc, qs) = quotes(
            "Oleh karena itu , kata Budi Santoso , Wali Kota Sukamaju , Forum Warga , dan Satgas \
             Banjir akan bekerja sama.",
        );
        let (_, role, _, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(role, "Wali Kota Sukamaju");
    }

    #[test]
    fn the_head_of_a_local_office_is_titled_with_its_place() {
        let (doc, qs) = quotes(
            "Kepala Puskesmas Sukamaju Budi Santoso mengatakan, pasien bertambah. Kepala Desa \
             Sukamaju Hartono mengatakan, jalan rusak. Kepala Unit Pelayanan Kesehatan \
             Sari Wulandari mengatakan, bus berangkat. Kepala Sekretariat Presiden Dedi Hartono \
             Wijaya mengatakan, upacara digelar.",
        );
        let parts: Vec<_> = qs.iter().map(|q| speaker_parts(&doc, q)).collect();
        // A unit with no organisation after it is named as the position, too.
        let want = [
            ("Kepala Puskesmas Sukamaju", "", "Budi Santoso"),
            ("Kepala Desa Sukamaju", "", "Hartono"),
            ("Kepala Unit Pelayanan Kesehatan", "", "Sari Wulandari"),
            ("Kepala Sekretariat Presiden", "", "Dedi Hartono Wijaya"),
        ];
        assert_eq!(parts.len(), want.len(), "{parts:?}");
        for ((_, role, affiliation, person), want) in parts.iter().zip(want) {
            assert_eq!((role.as_str(), affiliation.as_str(), person.as_str()), want);
        }
    }

    #[test]
    fn ministry_words_and_one_word_ministries_are_no_names() {
        let (doc, qs) = quotes(
            "Menteri Dalam Negeri Budi Santoso mengatakan, rapat ditunda. Direktur Jenderal \
             Perhubungan Udara Kemenhub Sari Wulandari mengatakan, bandara dibuka.",
        );
        let (name, role, _, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str()),
            ("Budi Santoso", "Menteri Dalam Negeri")
        );
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[1]);
        assert_eq!(
            (name.as_str(), role.as_str(), affiliation.as_str()),
            (
                "Sari Wulandari",
                "Direktur Jenderal Perhubungan Udara",
                "Kemenhub"
            )
        );
    }

    #[test]
    fn lists_numbers_titles_and_crossheads_around_a_subject() {
        let (doc, qs) = quotes(
            "Kepala Dinas Pariwisata , Pemuda , dan Olahraga Jawa Tengah Budi Santoso menyatakan, \
             wisata dibuka. Kepala SMAN 3 Jakarta Sari Wulandari mengatakan, kelas dimulai. \
             Kewaspadaan Kepala Dinas Kesehatan Jawa Barat dr Rina Hartati mengatakan, vaksin tiba.",
        );
        let parts: Vec<_> = qs.iter().map(|q| speaker_parts(&doc, q)).collect();
        let want = [
            (
                "Budi Santoso",
                "Kepala",
                "Dinas Pariwisata , Pemuda , dan Olahraga Jawa Tengah",
                "Budi Santoso",
            ),
            (
                "Sari Wulandari",
                "Kepala",
                "SMAN 3 Jakarta",
                "Sari Wulandari",
            ),
            (
                "Rina Hartati",
                "Kepala",
                "Dinas Kesehatan Jawa Barat",
                "dr Rina Hartati",
            ),
        ];
        for ((name, role, affiliation, person), want) in parts.iter().zip(want) {
            assert_eq!(
                (
                    name.as_str(),
                    role.as_str(),
                    affiliation.as_str(),
                    person.as_str()
                ),
                want
            );
        }
    }

    #[test]
    fn connectors_and_bracketed_abbreviations_stay_in_the_phrase_after_a_cue() {
        let (doc, qs) = quotes(
            "“Harga naik,” kata Direktur Eksekutif Institute for Rice Studies Jakarta Budi \
             Santoso. “Pasar ditutup,” kata Kepala Satuan Polisi Pamong Praja ( Satpol PP ) \
             Jakarta Sari Wulandari.",
        );
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str(), affiliation.as_str()),
            (
                "Budi Santoso",
                "Direktur Eksekutif",
                "Institute for Rice Studies Jakarta"
            )
        );
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[1]);
        assert_eq!(
            (name.as_str(), role.as_str(), affiliation.as_str()),
            (
                "Sari Wulandari",
                "Kepala",
                "Satuan Polisi Pamong Praja ( Satpol PP ) Jakarta"
            )
        );
    }

    #[test]
    fn a_bare_title_takes_a_place_only_when_the_word_reads_as_one() {
        let (doc, qs) = quotes(
            "Presiden Budi Santoso mengatakan, bantuan dikirim. Gubernur Jateng Sari Wulandari \
             mengatakan, jalan diperbaiki.",
        );
        let (name, role, _, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!((name.as_str(), role.as_str()), ("Budi Santoso", "Presiden"));
        let (name, role, _, _) = speaker_parts(&doc, &qs[1]);
        assert_eq!(
            (name.as_str(), role.as_str()),
            ("Sari Wulandari", "Gubernur Jateng")
        );
        // A company's "Presiden Direktur" is no government title: its organisation follows.
        let (doc, qs) =
            quotes("Presiden Direktur PT Sentosa Abadi Budi Santoso mengatakan, laba naik.");
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str(), affiliation.as_str()),
            ("Budi Santoso", "Presiden Direktur", "PT Sentosa Abadi")
        );
    }

    #[test]
    fn religious_and_diplomatic_positions_introduce_speakers() {
        let (doc, qs) = quotes(
            "Imam Besar Masjid Raya Jakarta Budi Santoso mengatakan, salat digelar. Konsul \
             Jenderal RI Sari Wulandari mengatakan, paspor dicetak.",
        );
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str(), affiliation.as_str()),
            ("Budi Santoso", "Imam Besar", "Masjid Raya Jakarta")
        );
        let (name, role, _, _) = speaker_parts(&doc, &qs[1]);
        assert_eq!(
            (name.as_str(), role.as_str()),
            ("Sari Wulandari", "Konsul Jenderal")
        );
    }

    #[test]
    fn a_two_word_name_takes_the_longer_name_it_begins() {
        let (doc, qs) = quotes(
            "Menteri Pertanian Sari Wulandari Putri mengatakan, panen naik. “Stok aman,” kata \
             Sari Wulandari.",
        );
        let (name, role, _, person) = speaker_parts(&doc, &qs[1]);
        assert_eq!(name, "Sari Wulandari Putri");
        assert_eq!(role, "Menteri Pertanian");
        assert_eq!(person, "Sari Wulandari Putri");
    }

    #[test]
    fn an_organisation_named_in_one_word_takes_no_word_of_the_name() {
        let (doc, qs) = quotes(
            "Kepala Pusdalops BNPB Budi Santoso Wijaya menambahkan, tim gabungan tiba sore ini.",
        );
        let (name, _, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(name, "Budi Santoso Wijaya");
        assert_eq!(affiliation, "BNPB");
    }

    #[test]
    fn ranks_keep_their_corps_and_names_keep_their_initials() {
        let (doc, qs) = quotes(
            "Kepala Bidang Humas Polda Sukamaju Brigadir Jenderal (Pol) Budi Hartono mengatakan, \
             jalan ditutup. Kepala Badan Riset Nasional Bambang PS Wijaya mengatakan, alat siap.",
        );
        let (name, _, _, person) = speaker_parts(&doc, &qs[0]);
        assert_eq!(name, "Budi Hartono");
        assert_eq!(person, "Brigadir Jenderal (Pol) Budi Hartono");
        assert_eq!(speaker_parts(&doc, &qs[1]).0, "Bambang PS Wijaya");
    }

    #[test]
    fn a_position_in_apposition_after_the_cue_introduces_the_speaker() {
        let (doc, qs) = quotes(
            "“Kami siap,” kata Budi Hartono, Direktur Utama PT Sentosa Abadi. “Stok cukup,” \
             ujar Dedi Wijaya, Kepala Regu B dari Dinas Pemadam Kebakaran.",
        );
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str(), affiliation.as_str()),
            ("Budi Hartono", "Direktur Utama", "PT Sentosa Abadi")
        );
        let (_, role, affiliation, _) = speaker_parts(&doc, &qs[1]);
        assert_eq!(
            (role.as_str(), affiliation.as_str()),
            ("Kepala Regu B", "Dinas Pemadam Kebakaran")
        );
    }

    #[test]
    fn connectors_and_lower_case_sources_are_nobody_a_nya_stands_for() {
        let (doc, qs) = quotes(
            "Menteri Perhubungan Budi Hartono meninjau bandara. “Semua diperiksa,” kata Budi. \
             Pertama, tiket dijual di loket. Menurut data, jumlah tamu naik. \
             “Kami siap melayani,” ujarnya.",
        );
        let last = qs.last().unwrap();
        assert_eq!(doc.slice(last.cue.unwrap()), "ujarnya");
        let s = last.speaker.as_ref().unwrap();
        assert_eq!(s.name.as_deref(), Some("Budi Hartono"));
        assert!(s.public_figure);
    }

    /// "Menurut rencana, …", "Menurut Kamus …": a plan or a reference work says nothing;
    /// "menurut rencana" inside someone's reported clause does not hide the clause.
    #[test]
    fn plans_and_reference_works_after_menurut_are_no_speakers() {
        assert_no_quotes(&[
            "Menurut rencana, jembatan Sukamaju dibuka pada Mei.",
            "Menurut Kamus Bahasa Daerah Sukamaju, kata itu berarti bunga desa.",
        ]);
        let (doc, qs) = quotes(
            "Ketua Panitia Budi Santoso mengatakan, rombongan, menurut rencana, tiba di \
             Kabupaten Sukamaju pada Minggu.",
        );
        assert_eq!(qs.len(), 1);
        assert_eq!(doc.slice(qs[0].cue.unwrap()), "mengatakan");
        let (_, qs) = quotes("Menurut Budi Santoso, jembatan itu dibuka pada Mei.");
        assert_eq!(qs.len(), 1);
        let config = QuotesConfig {
            not_sources: vec!["Prasasti".to_string()],
            ..QuotesConfig::default()
        };
        let (_, qs) = quotes_with("Menurut prasasti itu, raja membangun candi.", config);
        assert!(qs.is_empty());
    }

    /// A crosshead with no full stop before `Menurut X, …`, or a dropped full stop: the
    /// capitalised `Menurut` starts the clause; not after a cue that reports what comes before.
    #[test]
    fn a_capitalised_menurut_inside_a_sentence_starts_a_clause() {
        for text in [
            "Panen raya\nMenurut Budi Santoso, gabah petani dibeli pemerintah.",
            "Hal itu disampaikan Ketua Koperasi Sukamaju Budi Santoso Menurut dia, gabah petani \
             dibeli pemerintah.",
        ] {
            let (doc, qs) = quotes(text);
            assert_eq!(qs.len(), 1, "{text}: {qs:?}");
            assert_eq!(doc.slice(qs[0].cue.unwrap()), "Menurut");
            assert_eq!(
                doc.slice(qs[0].content),
                "gabah petani dibeli pemerintah",
                "{text}"
            );
        }
        let (doc, qs) = quotes(
            "Budi Santoso mengatakan, gudang desa sudah penuh Menurutnya, gabah dijual ke kota.",
        );
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert_eq!(doc.slice(qs[0].cue.unwrap()), "mengatakan");
    }

    /// "Menurut saya, …" outside quotation marks is a speaker's own words whose marks were
    /// lost, and "Menurut kalian, …" a question to the reader: neither is reported speech.
    #[test]
    fn menurut_in_the_first_or_second_person_reports_nobody() {
        assert_no_quotes(&[
            "Menurut saya, harga gabah akan turun bulan depan.",
            "Menurut kalian, mengapa harga gabah turun bulan ini?",
        ]);
    }

    /// Each text, read with the default stage, holds no quote.
    fn assert_no_quotes(texts: &[&str]) {
        for text in texts {
            let (_, qs) = quotes(text);
            assert!(qs.is_empty(), "{text}: {qs:?}");
        }
    }

    #[test]
    fn an_occupation_or_age_in_a_relative_clause_makes_a_private_person() {
        let (_, qs) = quotes(
            "“Pesanan sepi sejak Maret,” kata Wiryo yang sehari-hari bekerja sebagai penjahit. \
             “Kami bertahan,” kata Wiryo.",
        );
        assert!(
            qs.iter()
                .all(|q| !q.speaker.as_ref().unwrap().public_figure)
        );
        let (_, qs) = quotes("“Saya masih kuat,” jawab Darsih yang kini berusia 70 tahun.");
        assert!(!qs[0].speaker.as_ref().unwrap().public_figure);
    }

    #[test]
    fn a_small_trader_named_with_a_comma_is_a_private_person() {
        let (_, qs) = quotes(
            "Adapun Wulan, pelaku usaha kecil di Sukamaju, menutup usahanya. \
             “Pembeli berkurang,” kata Wulan.",
        );
        assert!(!qs.last().unwrap().speaker.as_ref().unwrap().public_figure);
    }

    #[test]
    fn a_coordination_is_no_affiliation_of_a_private_person() {
        let (_, qs) = quotes(
            "Darto (45), petani Desa Sukamaju, masih ke ladang. Menurut Wiryo dan Darto, \
             panen gagal. “Air tidak datang,” ujar Darto.",
        );
        assert!(!qs.last().unwrap().speaker.as_ref().unwrap().public_figure);
    }

    #[test]
    fn one_of_a_group_described_in_lower_case_is_a_private_person() {
        let private = |text: &str| {
            let (_, qs) = quotes(text);
            !qs.last().unwrap().speaker.as_ref().unwrap().public_figure
        };
        assert!(private(
            "Dewi Lestari, salah satu relawan posko itu, membagikan masker. \
             “Kami ingin membantu,” kata Dewi."
        ));
        assert!(private(
            "Salah seorang koordinator aksi, Budi Santoso, berorasi di depan kantor bupati. \
             “Kami menolak aturan itu,” kata Budi."
        ));
        // An organisation named in the description: one of its members may be public.
        assert!(!private(
            "Budi Santoso, salah satu anggota DPRD Sukamaju, meninjau pasar. \
             “Harga naik,” kata Budi."
        ));
    }

    #[test]
    fn ages_after_position_words_and_initials_make_private_people() {
        let private = |text: &str| {
            let (_, qs) = quotes(text);
            !qs.last().unwrap().speaker.as_ref().unwrap().public_figure
        };
        // "Imam" heads a position, "PT" an organisation, but with an age they are names.
        assert!(private(
            "Rudi Imam (35), warga Sukamaju, naik kereta. “Kereta penuh,” ujar Imam."
        ));
        assert!(private(
            "Pelacakan lambat dialami PT (28), warga Sukamaju. “Belum ada tes,” ujar PT."
        ));
        // A suspect named by initials, read as an acronym after the cue.
        assert!(private(
            "Keempat tersangka, yakni AR (41), DW (27), dan MF (33), diamankan. \
             “Saya terpaksa,” ujar AR."
        ));
    }

    #[test]
    fn a_numbered_clause_of_a_law_is_no_aged_person() {
        let (_, qs) = quotes(
            "Guru Besar Hukum Universitas Sukamaju Budi Santoso menjelaskan aturan itu. Hal itu \
             diatur dalam Pasal 41 Ayat (3) undang-undang tersebut. “Harus dilantik dulu,” \
             ucapnya.",
        );
        let s = qs.last().unwrap().speaker.as_ref().unwrap();
        assert_eq!(s.name.as_deref(), Some("Budi Santoso"));
        assert!(s.public_figure);
    }

    #[test]
    fn neighbourhood_heads_and_teachers_in_apposition_are_private_people() {
        let private = |text: &str| {
            let (_, qs) = quotes(text);
            qs.iter()
                .filter(|q| q.kind == QuoteKind::Direct)
                .all(|q| !q.speaker.as_ref().unwrap().public_figure)
        };
        assert!(private(
            "Ketua Rukun Tetangga (RT) Darto menerima laporan warga. “Kami menunggu tes,” \
             kata Darto. “Warga resah,” ucapnya."
        ));
        assert!(private(
            "“Sayur kami bagikan,” kata Darto Wiryo, Ketua RT 03 RW 05, Sukamaju."
        ));
        assert!(private(
            "Dewi Lestari, guru honorer di SD Negeri 5 Sukamaju, mengajar dari rumah. \
             “Gaji kami kecil,” kata Dewi."
        ));
        // A professor is not.
        assert!(!private(
            "Dewi Lestari, guru besar Universitas Sukamaju, meneliti banjir. \
             “Sungai menyempit,” kata Dewi."
        ));
    }

    #[test]
    fn a_place_set_off_after_a_position_is_no_name() {
        let (_, qs) = quotes(
            "JAKARTA, KOMPAS — Presiden Budi Santoso meminta para menteri bekerja keras. \
             “Kami akan menindak setiap pelanggaran,” kata Presiden dari Istana Kepresidenan \
             Sukamaju, Jawa Barat, Minggu pagi. “Semua harus bersih,” tutur Presiden.",
        );
        for q in &qs {
            let s = q.speaker.as_ref().unwrap();
            assert_eq!(s.name.as_deref(), Some("Budi Santoso"), "{s:?}");
        }
        let (doc, qs) = quotes(
            "“Warga sudah diperiksa,” kata Kepala Puskesmas Sukamaju, Jakarta Utara, Budi \
             Santoso ketika dihubungi. “Hasilnya negatif,” ujar Camat Sukamaju, Kabupaten \
             Sukamaju, Senin.",
        );
        let (name, role, _, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str()),
            ("Budi Santoso", "Kepala Puskesmas Sukamaju, Jakarta Utara")
        );
        let s = qs[1].speaker.as_ref().unwrap();
        assert_ne!(s.name.as_deref(), Some("Senin"));
        assert_eq!(
            s.role.map(|r| doc.slice(r)),
            Some("Camat Sukamaju, Kabupaten Sukamaju")
        );
    }

    #[test]
    fn a_position_and_a_short_form_of_a_name_introduced_before_is_that_introduction() {
        let (doc, qs) = quotes(
            "Menteri Keuangan Budi Santoso dalam rapat terbatas, Senin (4/5/2020), meminta \
             anggaran dipercepat. Bantuan sosial juga harus cepat. “Prosesnya harus \
             disederhanakan,” kata Menteri Budisan.",
        );
        let q = qs.iter().find(|q| q.kind == QuoteKind::Direct).unwrap();
        let (name, role, _, person) = speaker_parts(&doc, q);
        assert_eq!(
            (name.as_str(), role.as_str(), person.as_str()),
            ("Budi Santoso", "Menteri Keuangan", "Budi Santoso")
        );
        // The introduction's name, written before the quote, not the mention's.
        let s = q.speaker.as_ref().unwrap();
        assert!(s.person.unwrap().end < q.content.start);
    }

    #[test]
    fn a_connector_alone_after_a_cue_is_a_name() {
        let (_, qs) = quotes(
            "Kepala Dinas Peternakan Sukamaju Lalu Budi Santoso menuturkan, stok daging aman. \
             “Harga sapi relatif stabil,” tutur Lalu.",
        );
        let s = qs.last().unwrap().speaker.as_ref().unwrap();
        assert_eq!(s.name.as_deref(), Some("Lalu Budi Santoso"));
    }

    #[test]
    fn a_name_in_apposition_with_an_age_after_a_cue_is_a_private_person() {
        let (_, qs) = quotes(
            "“Warung ini buka sejak 2019,” kata pemilik Warung Sentosa, Budi Santoso (50), saat \
             dihubungi. “Pembeli mulai datang lagi,” kata Budi.",
        );
        for q in &qs {
            let s = q.speaker.as_ref().unwrap();
            assert_eq!(s.name.as_deref(), Some("Budi Santoso"));
            assert!(!s.public_figure);
        }
    }

    #[test]
    fn an_engineer_or_artist_in_apposition_is_a_private_person() {
        for job in ["insinyur", "seniman"] {
            let (_, qs) = quotes(&format!(
                "Jembatan itu dirancang Dewi Lestari, {job} yang mendesain banyak jembatan. \
                 “Konstruksinya sulit,” kata Dewi."
            ));
            assert!(
                !qs.last().unwrap().speaker.as_ref().unwrap().public_figure,
                "{job}"
            );
        }
    }

    #[test]
    fn a_company_from_abroad_is_no_private_person() {
        let (_, qs) = quotes(
            "Bupati Sukamaju Budi Santoso meresmikan pabrik milik perusahaan Toyota Motor asal \
             Jepang itu. “Kami membuka lapangan kerja,” tuturnya.",
        );
        assert!(qs.last().unwrap().speaker.as_ref().unwrap().public_figure);
    }

    #[test]
    fn one_of_a_group_is_a_private_person() {
        let (_, qs) = quotes("“Air naik cepat,” kata salah satu warga, sambil menunjuk sungai.");
        assert!(!qs[0].speaker.as_ref().unwrap().public_figure);
    }

    #[test]
    fn a_position_with_a_demonstrative_points_back() {
        let (doc, qs) = quotes(
            "Anggota DPR Budi Hartono hadir. “Kami menolak,” kata Budi. “Aturan ini belum \
             siap,” kata politisi Partai Maju itu.",
        );
        let s = qs.last().unwrap().speaker.as_ref().unwrap();
        assert_eq!(s.name.as_deref(), Some("Budi Hartono"));
        assert_eq!(doc.slice(s.span), "politisi Partai Maju");
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            "”",
            "“ ” “",
            "kata",
            ", katanya",
            "Menurut",
            "Rita asal",
            "Dodi (bukan",
            "Budi (44",
            "Ia mengatakan",
            "”Kami siap,” ujarnya",
            "Senin (",
            "Kepala Dinas",
            "para",
            "X, yang mengatakan",
        ] {
            let _ = quotes(text);
        }
    }

    #[test]
    fn unknown_speakers_stay_unknown() {
        let (_, qs) = quotes("“Semua harus tenang,” demikian bunyi pengumuman itu.");
        assert!(qs.iter().all(|q| {
            q.speaker
                .as_ref()
                .is_none_or(|s| s.name.is_none() || !s.public_figure)
        }));
    }
    #[test]
    fn a_position_with_its_field_opens_the_subject_before_a_name() {
        let (doc, qs) = quotes(
            "Secara terpisah, pengamat kebijakan publik Budi Santoso menilai, harga tidak wajar.",
        );
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str(), affiliation.as_str()),
            ("Budi Santoso", "pengamat kebijakan publik", "")
        );
        let (doc, qs) = quotes(
            "Secara terpisah, Pengamat politik dari Universitas Sukamaju Agus Hartono Wijaya \
             menilai, harga tidak wajar.",
        );
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str(), affiliation.as_str()),
            (
                "Agus Hartono Wijaya",
                "Pengamat politik",
                "Universitas Sukamaju"
            )
        );
    }

    #[test]
    fn a_lower_case_position_before_a_name_in_commas_takes_the_organisation() {
        let (doc, qs) = quotes(
            "Analis riset Sentosa Asset Management, Dedi Kurniawan, mengatakan, harga naik.",
        );
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str(), affiliation.as_str()),
            ("Dedi Kurniawan", "Analis riset", "Sentosa Asset Management")
        );
        // A title with only a connector in lower case keeps its own reading.
        let (doc, qs) = quotes(
            "Wakil Menteri Pendidikan Dasar dan Menengah, Sari Wulandari, mengatakan, guru cukup.",
        );
        let (_, role, _, _) = speaker_parts(&doc, &qs[0]);
        assert_ne!(role, "Wakil Menteri");
    }
    #[test]
    fn a_lower_case_position_in_commas_ends_at_dari_or_di() {
        for (text, affiliation) in [
            (
                "Secara terpisah, pengamat kebijakan publik dari Universitas Sukamaju, Budi \
                 Santoso, menilai, harga naik.",
                "Universitas Sukamaju",
            ),
            (
                "Secara terpisah, pengajar di Fakultas Hukum Universitas Sukamaju, Budi Santoso, \
                 menilai, harga naik.",
                "Fakultas Hukum Universitas Sukamaju",
            ),
        ] {
            let (doc, qs) = quotes(text);
            let (name, role, aff, _) = speaker_parts(&doc, &qs[0]);
            assert_eq!(name, "Budi Santoso");
            assert!(
                role == "pengamat kebijakan publik" || role == "pengajar",
                "{role}"
            );
            assert_eq!(aff, affiliation);
        }
    }
    #[test]
    fn a_three_word_person_after_a_title_keeps_its_first_word() {
        let (doc, qs) = quotes(
            "Wakil Gubernur Jawa Tengah Andi Sudirman Wijaya mengatakan, jalan diperbaiki. \
             Sudirman mengimbau warga tetap di rumah.",
        );
        let (_, role, _, person) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (role.as_str(), person.as_str()),
            ("Wakil Gubernur Jawa Tengah", "Andi Sudirman Wijaya")
        );
    }
    #[test]
    fn a_second_position_after_dan_is_not_part_of_the_first() {
        let (doc, qs) = quotes(
            "Akademisi dan peneliti Universitas Sukamaju, Budi Santoso, mengatakan, jalan macet.",
        );
        let (_, role, affiliation, person) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            ("Akademisi", "Universitas Sukamaju", "Budi Santoso")
        );
    }
    #[test]
    fn a_lower_case_position_after_the_cue_and_name_gives_its_organisation() {
        let (doc, qs) =
            quotes("\u{201c}Air sungai tercemar,\u{201d} kata Budi Santoso, peneliti UGM.");
        let (_, role, affiliation, person) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            ("peneliti", "UGM", "Budi Santoso")
        );
    }
    #[test]
    fn a_scholars_faculty_is_the_affiliation() {
        let (doc, qs) = quotes(
            "Dosen Teknik Sipil Fakultas Teknik Universitas Sukamaju Budi Santoso mengatakan, \
             jembatan retak.",
        );
        let (_, role, affiliation, person) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            (
                "Dosen Teknik Sipil",
                "Fakultas Teknik Universitas Sukamaju",
                "Budi Santoso"
            )
        );
    }
    #[test]
    fn a_positions_own_abbreviation_in_brackets_stays_in_it() {
        let (doc, qs) = quotes(
            "Direktur Utama ( Dirut ) PT Sentosa Abadi Budi Santoso mengatakan, tiket habis.",
        );
        let (_, role, affiliation, person) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            (
                "Direktur Utama ( Dirut )",
                "PT Sentosa Abadi",
                "Budi Santoso"
            )
        );
    }
    #[test]
    fn the_board_of_an_organisation_named_at_length_is_the_positions() {
        let (doc, qs) = quotes(
            "Ketua Dewan Pimpinan Daerah Serikat Nelayan Sukamaju Budi Santoso mengatakan, \
             solar langka.",
        );
        let (_, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(role, "Ketua Dewan Pimpinan Daerah");
        assert!(affiliation.starts_with("Serikat Nelayan"), "{affiliation}");
    }
    #[test]
    fn an_introduction_outside_any_statement_gives_a_short_name_its_role() {
        let (doc, qs) = quotes(
            "Budi Santoso, Kepala Dinas Perhubungan Sukamaju, meninjau jalan yang rusak. \
             “Jalan ini segera diperbaiki,” kata Budi. Hal itu disorot peneliti Universitas \
             Sukamaju, Sari Wulandari, dalam diskusi. “Datanya belum lengkap,” ujar Sari.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let (_, role, affiliation, person) = speaker_parts(&doc, direct[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            ("Kepala", "Dinas Perhubungan Sukamaju", "Budi Santoso")
        );
        let (_, role, affiliation, person) = speaker_parts(&doc, direct[1]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            ("peneliti", "Universitas Sukamaju", "Sari Wulandari")
        );
    }
    #[test]
    fn a_position_after_the_name_closed_by_the_verb_or_after_selaku() {
        let (doc, qs) = quotes(
            "Jalan ditutup sejak pagi. Budi Santoso selaku Kepala Dinas Perhubungan Sukamaju \
             meninjau lokasi. “Kami tutup dua hari,” kata Budi. Rina Kusuma, Ketua Fraksi \
             Partai Maju DPRD Sukamaju meminta perbaikan. “Anggarannya ada,” ujar Rina.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let parts: Vec<_> = direct.iter().map(|q| speaker_parts(&doc, q)).collect();
        assert_eq!(parts[0].1, "Kepala");
        assert_eq!(parts[0].3, "Budi Santoso");
        assert!(parts[1].1.starts_with("Ketua Fraksi"), "{parts:?}");
        assert_eq!(parts[1].3, "Rina Kusuma");
    }
    #[test]
    fn a_list_of_people_is_no_list_inside_a_position() {
        let (doc, qs) = quotes(
            "Rapat dihadiri Gubernur Sukamaju Budi Santoso, dan Wali Kota Sukasari Sari \
             Wulandari. “Kami sepakat,” kata Sari.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let (_, role, _, person) = speaker_parts(&doc, direct[0]);
        assert_eq!(
            (role.as_str(), person.as_str()),
            ("Wali Kota Sukasari", "Sari Wulandari")
        );
    }
    #[test]
    fn an_english_title_keeps_its_field() {
        let (doc, qs) = quotes(
            "Vice President Commercial SENTOSA Budi Santoso mengatakan, tiket habis. Chief \
             Information Officer Sentosapay Rina Kusuma Dewi mengatakan, aplikasi aman. General \
             Manager Sentosa Hotel Dedi Hartono mengatakan, kamar penuh.",
        );
        let parts: Vec<_> = qs.iter().map(|q| speaker_parts(&doc, q)).collect();
        assert_eq!(
            (parts[0].1.as_str(), parts[0].2.as_str()),
            ("Vice President Commercial", "SENTOSA")
        );
        assert_eq!(parts[1].1, "Chief Information Officer");
        assert_eq!(parts[2].1, "General Manager");
    }
    #[test]
    fn introductions_after_a_connector_with_a_place_or_in_a_list() {
        let (doc, qs) = quotes(
            "Menurut epidemiolog Universitas Sukamaju , Budi Santoso , kasus naik. Hadir pula \
             pengajar Universitas Sukasari , Bandung , Rina Kusuma , dalam diskusi. Pembicara \
             lain Direktur Eksekutif Lembaga Sentosa , Dedi Hartono ; dan warga. “Kasus naik,” \
             kata Budi. “Data kurang,” ujar Rina. “Perlu tes,” kata Dedi.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let parts: Vec<_> = direct.iter().map(|q| speaker_parts(&doc, q)).collect();
        let want = [
            ("epidemiolog", "Universitas Sukamaju", "Budi Santoso"),
            ("pengajar", "Universitas Sukasari", "Rina Kusuma"),
            ("Direktur Eksekutif", "Lembaga Sentosa", "Dedi Hartono"),
        ];
        for ((_, role, affiliation, person), want) in parts.iter().zip(want) {
            assert_eq!((role.as_str(), affiliation.as_str(), person.as_str()), want);
        }
    }
    #[test]
    fn a_second_position_in_a_relative_clause_is_the_speakers() {
        let (doc, qs) = quotes(
            "“Kami siap,” ujar Budi Santoso yang juga menjabat Ketua Komite Pangan Sukamaju. \
             “Stok cukup,” kata Rina Kusuma, yang juga juru bicara Satgas Pangan.",
        );
        let parts: Vec<_> = qs.iter().map(|q| speaker_parts(&doc, q)).collect();
        assert_eq!(
            (parts[0].1.as_str(), parts[0].3.as_str()),
            ("Ketua", "Budi Santoso")
        );
        assert_eq!(parts[0].2, "Komite Pangan Sukamaju");
        assert_eq!(parts[1].1, "juru bicara");
    }
    #[test]
    fn after_a_rank_a_short_name_used_later_does_not_cut_the_name() {
        let (doc, qs) = quotes(
            "Kepala Bidang Humas Polda Sukamaju Komisaris Besar Raden Budi Santoso mengatakan, \
             jalan ditutup. “Kami berjaga,” kata Budi.",
        );
        let (_, role, affiliation, person) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            (
                "Kepala Bidang Humas",
                "Polda Sukamaju",
                "Komisaris Besar Raden Budi Santoso"
            )
        );
    }
    #[test]
    fn a_board_before_a_name_without_an_organisation_word_is_the_organisations() {
        let (doc, qs) = quotes(
            "Ketua Umum Pengurus Besar Tunas Harapan ( PBTH ) Budi Santoso mengatakan, acara \
             ditunda. Ketua Pengurus Besar Ikatan Guru Sukamaju Rina Kusuma mengatakan, ujian \
             tetap digelar.",
        );
        let parts: Vec<_> = qs.iter().map(|q| speaker_parts(&doc, q)).collect();
        assert_eq!(
            (parts[0].1.as_str(), parts[0].2.as_str()),
            ("Ketua Umum", "Pengurus Besar Tunas Harapan ( PBTH )")
        );
        assert_eq!(parts[1].1, "Ketua Pengurus Besar");
    }
    #[test]
    fn a_co_founder_keeps_the_prefix_of_the_position() {
        let (doc, qs) = quotes(
            "Co - founder Sentosa Kopi Budi Santoso mengatakan, gerai dibuka. “Kami siap,” \
             kata Budi.",
        );
        let (_, role, _, person) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (role.as_str(), person.as_str()),
            ("Co - founder", "Budi Santoso")
        );
    }

    #[test]
    fn a_position_alone_stands_for_the_person_introduced_with_it() {
        let (doc, qs) = quotes(
            "Gubernur Sukamaju Budi Santoso meninjau jalan yang rusak. “Jalan ini segera \
             diperbaiki,” kata Gubernur.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let s = direct[0].speaker.as_ref().unwrap();
        assert_eq!(s.name.as_deref(), Some("Budi Santoso"));
        let (_, role, _, person) = speaker_parts(&doc, direct[0]);
        assert_eq!(
            (role.as_str(), person.as_str()),
            ("Gubernur Sukamaju", "Budi Santoso")
        );
        // A first name that is also a position word is no position: "Imam" is the name.
        let (_, qs) = quotes(
            "Sosiolog Universitas Sukamaju, Imam Santoso, menilai harga naik. “Itu wajar,” \
             kata Imam.",
        );
        let s = qs.iter().find(|q| q.kind == QuoteKind::Direct).unwrap();
        assert_ne!(s.speaker.as_ref().unwrap().name.as_deref(), Some("Santoso"));
    }

    /// A position alone that no one was introduced with before, or a group or a person
    /// described in lower case, names no one: `name` is null, the text and role are kept, and a
    /// later `-nya` still stands for that speaker (not for the person named before it). An
    /// abbreviated position the entity layer reads as a person stands for the person introduced
    /// with it; a person the entity layer finds inside a lower-case position is the name.
    #[test]
    fn a_position_or_a_description_alone_names_no_one() {
        let (doc, qs) = quotes("Acara dibuka pagi. “Ini baik,” kata Rektor.");
        let s = qs[0].speaker.as_ref().unwrap();
        let (_, role, _, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!((s.name.as_deref(), role.as_str()), (None, "Rektor"));
        let (_, qs) = quotes(
            "Harga naik. Epidemiolog memperingatkan , kasus bisa naik. Menurut masyarakat , \
             harga beras mahal.",
        );
        assert_eq!(qs.len(), 2);
        assert!(
            qs.iter()
                .all(|q| q.speaker.as_ref().unwrap().name.is_none())
        );
        let (doc, qs) = quotes(
            "“Ini baik,” kata Budi Santoso. “Harga naik,” kata seorang pedagang. “Kami rugi,” \
             ujarnya.",
        );
        let names: Vec<_> = qs
            .iter()
            .map(|q| q.speaker.as_ref().unwrap().name.as_deref())
            .collect();
        assert_eq!(names, [Some("Budi Santoso"), None, None]);
        assert_eq!(
            doc.slice(qs[1].speaker.as_ref().unwrap().span),
            "seorang pedagang"
        );
        let (_, qs) = quotes("Mensos Budi Santoso meninjau gudang. “Stok cukup,” kata Mensos.");
        let s = qs.last().unwrap().speaker.as_ref().unwrap();
        assert_eq!(s.name.as_deref(), Some("Budi Santoso"));
        let (_, qs) = quotes(
            "Peneliti dari Universitas Sukamaju Raya , dokter Siti Aminah , mengatakan , vaksin \
             itu aman.",
        );
        let s = qs[0].speaker.as_ref().unwrap();
        assert_eq!(s.name.as_deref(), Some("Siti Aminah"));
        // A position with the acronym of a name written with it in brackets before is that
        // person; without the brackets, no one.
        let text = "Rapat dipimpin Bupati Sukamaju Budi Santoso Wijaya (BSW) di kantornya. \
                    Bupati BSW menyatakan , jalan segera diperbaiki.";
        let (_, qs) = quotes(text);
        let s = qs[0].speaker.as_ref().unwrap();
        assert_eq!(s.name.as_deref(), Some("Budi Santoso Wijaya"));
        let (_, qs) = quotes(&text.replace(" (BSW)", ""));
        assert_eq!(qs[0].speaker.as_ref().unwrap().name, None);
    }

    /// A capitalised connector opening the clause is no part of the name before a position in
    /// apposition: the subject is the name and the position.
    #[test]
    fn a_connector_before_a_name_and_its_apposed_position() {
        for text in [
            "Banjir datang. Sementara Budi Santoso , Wakil Gubernur Sukamaju , Rabu (8/1/2025) \
             , menyampaikan , air sudah surut.",
            "Banjir datang. Sementara Budi Santoso , Wakil Gubernur Sukamaju , di Balai Kota \
             Sukamaju , Rabu (8/1/2025) , menyampaikan , air sudah surut.",
        ] {
            let (doc, qs) = quotes(text);
            let (name, role, _, _) = speaker_parts(&doc, qs.last().unwrap());
            assert_eq!(
                (name.as_str(), role.as_str()),
                ("Budi Santoso", "Wakil Gubernur Sukamaju"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_short_form_of_a_name_is_the_full_name() {
        let (doc, qs) = quotes(
            "Wali Kota Sukamaju Sari Wulandarini meninjau pasar. “Harga stabil,” kata Wulan. \
             Menteri Perdagangan Budi Santoso hadir. “Stok cukup,” ujar Budisan.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let names: Vec<_> = direct
            .iter()
            .map(|q| q.speaker.as_ref().unwrap().name.clone().unwrap())
            .collect();
        assert_eq!(names, ["Sari Wulandarini", "Budi Santoso"]);
        let (_, role, _, person) = speaker_parts(&doc, direct[0]);
        assert_eq!(
            (role.as_str(), person.as_str()),
            ("Wali Kota Sukamaju", "Sari Wulandarini")
        );
    }

    #[test]
    fn a_legislators_party_is_part_of_the_seat() {
        let (doc, qs) = quotes(
            "Wakil Ketua Komisi XIV DPR dari Fraksi Partai Maju ( PM ) Budi Santoso mengatakan, \
             harga naik. “Kami siap,” kata Budi. Sementara anggota Komisi XV DPR dari Partai \
             Sentosa, Sari Wulandari, berpendapat, harga turun. “Kami juga siap,” kata Sari.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let (_, role, affiliation, person) = speaker_parts(&doc, direct[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            (
                "Wakil Ketua Komisi XIV DPR dari Fraksi Partai Maju ( PM )",
                "",
                "Budi Santoso"
            )
        );
        let (_, role, affiliation, person) = speaker_parts(&doc, direct[1]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            (
                "anggota Komisi XV DPR dari Partai Sentosa",
                "",
                "Sari Wulandari"
            )
        );
    }

    #[test]
    fn two_capitals_may_end_a_name() {
        let (doc, qs) = quotes(
            "Menteri Koordinator Bidang Pangan , Air , dan Energi Budi PH mengatakan, harga \
             naik. “Kami siap,” kata Budi.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let (_, role, _, person) = speaker_parts(&doc, direct[0]);
        assert_eq!(
            (role.as_str(), person.as_str()),
            (
                "Menteri Koordinator Bidang Pangan , Air , dan Energi",
                "Budi PH"
            )
        );
    }

    #[test]
    fn units_before_an_organisation_named_by_its_acronym_are_the_positions() {
        let (doc, qs) = quotes(
            "Manajer Informasi Budaya Wisata TMSK Budi Santoso mengatakan, taman dibuka. \
             “Kami siap,” kata Budi.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let (_, role, affiliation, person) = speaker_parts(&doc, direct[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            ("Manajer Informasi Budaya Wisata", "TMSK", "Budi Santoso")
        );
    }

    #[test]
    fn a_place_before_a_full_name_in_apposition_ends_the_organisation() {
        let (doc, qs) = quotes(
            "Banjir melanda Kabupaten Sukamaju sejak Senin. “Air terus naik,” ujar juru bicara \
             Satuan Tugas Banjir Kabupaten Sukamaju, Budi Santoso.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let (_, role, affiliation, person) = speaker_parts(&doc, direct[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            (
                "juru bicara",
                "Satuan Tugas Banjir Kabupaten Sukamaju",
                "Budi Santoso"
            )
        );
    }

    #[test]
    fn a_party_board_written_as_its_acronym_is_the_partys() {
        let (doc, qs) = quotes(
            "Ketua DPD Sentosa Sukamaju Budi Santoso mengatakan, rapat ditunda. “Kami siap,” \
             kata Budi.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let (_, role, affiliation, person) = speaker_parts(&doc, direct[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            ("Ketua", "DPD Sentosa Sukamaju", "Budi Santoso")
        );
    }

    #[test]
    fn words_an_abbreviation_spells_out_are_the_organisations() {
        let (doc, qs) = quotes(
            "Ketua Umum Masyarakat Transportasi Sukamaju ( MTS ) Budi Santoso mengatakan, tarif \
             naik. “Kami siap,” kata Budi.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let (_, role, affiliation, person) = speaker_parts(&doc, direct[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            (
                "Ketua Umum",
                "Masyarakat Transportasi Sukamaju ( MTS )",
                "Budi Santoso"
            )
        );
    }

    #[test]
    fn a_region_after_an_organisation_only_locates_it() {
        let (doc, qs) = quotes(
            "Anggota Komisi Informasi Publik Provinsi Sukamaju Budi Santoso mengatakan, rapat \
             ditunda. “Kami siap,” kata Budi.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let (_, role, affiliation, person) = speaker_parts(&doc, direct[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            (
                "Anggota",
                "Komisi Informasi Publik Provinsi Sukamaju",
                "Budi Santoso"
            )
        );
    }

    #[test]
    fn a_position_held_in_an_organisation_after_pada() {
        let (doc, qs) = quotes(
            "Direktur Jenderal Perikanan Tangkap pada Kementerian Kelautan dan Perikanan Budi \
             Santoso menuturkan, stok ikan aman. “Kami siap,” kata Budi.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let (_, role, affiliation, person) = speaker_parts(&doc, direct[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            (
                "Direktur Jenderal Perikanan Tangkap",
                "Kementerian Kelautan dan Perikanan",
                "Budi Santoso"
            )
        );
    }

    #[test]
    fn a_crosshead_run_into_an_apposed_introduction_is_no_part_of_it() {
        let (doc, qs) = quotes(
            "Harga beras naik. Masa transisi Pengamat pertanian dari Universitas Sukamaju , Budi \
             Santoso , menilai, harga akan turun. “Kami siap,” kata Budi. Sementara itu Ketua \
             Koperasi Tani Makmur , Sari Wulandari , mengatakan, stok cukup.",
        );
        let (_, role, affiliation, person) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            ("Pengamat pertanian", "Universitas Sukamaju", "Budi Santoso")
        );
        // ("Sementara itu" is a connector, not a crosshead: the segment stands as it was read.)
        let last = qs.last().expect("a quote");
        assert_eq!(speaker_parts(&doc, last).0, "Sari Wulandari");
    }

    #[test]
    fn a_place_set_off_between_an_organisation_and_the_name_is_the_organisations() {
        let (doc, qs) = quotes(
            "Warga Bandung mengungsi. Pengamat tata kota dari Universitas Sukamaju , Bandung , \
             Budi Santoso , menilai, banjir akan surut. “Kami siap,” kata Budi.",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let (_, role, affiliation, person) = speaker_parts(&doc, direct[0]);
        assert_eq!(
            (role.as_str(), affiliation.as_str(), person.as_str()),
            ("Pengamat tata kota", "Universitas Sukamaju", "Budi Santoso")
        );
    }

    /// "kata mereka" stands for a group speaker named before ("para petani"), never for the
    /// latest single speaker; with no group named, the speaker is there but has no name.
    #[test]
    fn a_plural_pronoun_is_a_group_or_nobody_named() {
        let (_, qs) = quotes(
            "Warga desa berkumpul di balai. “Kami menolak tambang itu,” kata Budi Santoso. \
             “Kami juga menolak,” kata mereka.",
        );
        let s = qs[1].speaker.as_ref().expect("a speaker");
        assert_eq!(
            (s.name.as_deref(), s.role, s.public_figure),
            (None, None, false),
            "{qs:?}"
        );
        let (_, qs) = quotes(
            "“Panen gagal,” kata para petani di Desa Sukamaju. “Kami butuh pupuk,” kata Budi \
             Santoso. “Kami menunggu bantuan,” kata mereka.",
        );
        let names: Vec<_> = qs
            .iter()
            .map(|q| q.speaker.as_ref().and_then(|s| s.name.clone()))
            .collect();
        // (The group, described in lower case, has no name: "mereka" is the group, not Budi.)
        assert_eq!(names, [None, Some("Budi Santoso".into()), None], "{qs:?}");
        assert!(!qs[2].speaker.as_ref().unwrap().public_figure);
    }

    /// A position written as one abbreviated word before a name ("Wamenkeu", "Mensos") is the
    /// role, not part of the name, and a short name later expands to the name without it.
    #[test]
    fn an_abbreviated_position_is_the_role() {
        let (doc, qs) = quotes(
            "“Anggaran cukup,” kata Wamenkeu Sari Wulandari di Jakarta. Mensos Budi Santoso \
             mengatakan bantuan segera cair. “Kami siap,” kata Budi.",
        );
        let got: Vec<_> = qs
            .iter()
            .map(|q| {
                let (name, role, _, _) = speaker_parts(&doc, q);
                (name, role)
            })
            .collect();
        let pair = |n: &str, r: &str| (n.to_string(), r.to_string());
        assert_eq!(
            got,
            [
                pair("Sari Wulandari", "Wamenkeu"),
                pair("Budi Santoso", "Mensos"),
                pair("Budi Santoso", "Mensos"),
            ],
            "{qs:?}"
        );
    }

    /// A name introduced with "dari" and an organisation set off by a comma before the verb
    /// ("Sari Wulandari dari Lembaga X, mengatakan", "Sari Wulandari, dari Lembaga X,
    /// mengatakan") is the speaker, affiliated with the organisation.
    #[test]
    fn an_apposed_organisation_after_dari_is_the_affiliation() {
        for text in [
            "Harga beras naik. Sari Wulandari dari Lembaga Kajian Pangan, mengatakan stok \
             masih cukup.",
            "Harga beras naik. Sari Wulandari, dari Lembaga Kajian Pangan, mengatakan, stok \
             masih cukup.",
        ] {
            let (doc, qs) = quotes(text);
            assert_eq!(qs.len(), 1, "{text}: {qs:?}");
            let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
            assert_eq!(
                (name.as_str(), role.as_str(), affiliation.as_str()),
                ("Sari Wulandari", "", "Lembaga Kajian Pangan"),
                "{text}"
            );
        }
    }

    /// The place a speaker spoke in, written after the name and before the date ("… Budi
    /// Santoso di Sukamaju, Senin, mengatakan"), is no part of the speaker.
    #[test]
    fn the_place_after_a_name_before_the_verb_is_no_part_of_the_speaker() {
        let (doc, qs) = quotes(
            "Harga naik. Kepala Dinas Kesehatan Kota Sukamaju Sari Wulandari di Sukamaju, \
             Senin, mengatakan stok cukup.",
        );
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str(), affiliation.as_str()),
            ("Sari Wulandari", "Kepala", "Dinas Kesehatan Kota Sukamaju"),
            "{qs:?}"
        );
        let span = qs[0].speaker.as_ref().unwrap().span;
        assert!(doc.slice(span).ends_with("Wulandari"), "{qs:?}");
    }

    /// A place set off after "dari" and the organisation ("… dari Universitas X, Bandung,
    /// mengatakan") is the organisation's, not the speaker.
    #[test]
    fn a_place_after_an_apposed_organisation_is_the_organisations() {
        let (doc, qs) = quotes(
            "Banjir melanda Bandung. Warga di Bandung mengungsi. Budi Santoso dari Universitas \
             Sukamaju, Bandung, mengatakan stok masih cukup.",
        );
        let (name, _, affiliation, _) = speaker_parts(&doc, qs.last().expect("a quote"));
        assert_eq!(
            (name.as_str(), affiliation.as_str()),
            ("Budi Santoso", "Universitas Sukamaju, Bandung"),
            "{qs:?}"
        );
    }

    /// Two people named together ("Budi Santoso dan Sari Wulandari mengatakan", "Menteri X
    /// Budi dan Gubernur Y Sari mengatakan", "kata Budi dan Sari") speak as a group named by
    /// both, with no role or organisation: neither name is the other's organisation. Each is
    /// still introduced with their own position, and a later "mereka" is the pair.
    #[test]
    fn two_people_named_together_are_a_pair() {
        for text in [
            "Harga beras naik. Budi Santoso dan Sari Wulandari mengatakan, stok masih cukup.",
            "Harga beras naik. Menteri Pertanian Budi Santoso dan Gubernur Jawa Barat Sari \
             Wulandari mengatakan bahwa stok masih cukup.",
            "Harga beras naik. “Stok masih cukup,” kata Budi Santoso dan Sari Wulandari.",
            "Harga beras naik. Menurut Budi Santoso dan Sari Wulandari, stok masih cukup.",
        ] {
            let (doc, qs) = quotes(text);
            assert_eq!(qs.len(), 1, "{text}: {qs:?}");
            let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
            assert_eq!(
                (name.as_str(), role.as_str(), affiliation.as_str()),
                ("Budi Santoso dan Sari Wulandari", "", ""),
                "{text}"
            );
        }
        // Each keeps the position introduced with them.
        let (doc, qs) = quotes(
            "Menteri Pertanian Budi Santoso dan Gubernur Jawa Barat Sari Wulandari hadir di \
             pasar. “Harga naik,” kata Budi.",
        );
        let (name, role, _, _) = speaker_parts(&doc, qs.last().expect("a quote"));
        assert_eq!(
            (name.as_str(), role.as_str()),
            ("Budi Santoso", "Menteri Pertanian")
        );
        // "mereka" after two people named together, no group speaker since.
        let (_, qs) = quotes(
            "Budi Santoso dan Rina Hartati hadir di pasar. Mereka berharap harga segera turun.",
        );
        let s = qs[0].speaker.as_ref().expect("a speaker");
        assert_eq!(
            s.name.as_deref(),
            Some("Budi Santoso dan Rina Hartati"),
            "{qs:?}"
        );
    }

    /// A person introduced in a list of people ("… adalah Wakil Kepala X Budi dan Komandan Y
    /// Sari.") is named in passing: a pronoun after the list is still the speaker before it.
    #[test]
    fn a_pronoun_skips_people_listed_in_passing() {
        let (_, qs) = quotes(
            "“Tim sudah berangkat,” kata Kepala Polda Sukamaju Irjen Hendra Gunawan. Ada dalam \
             tim itu Wakil Kepala Polda Sukamaju Brigjen Joko Susilo dan Komandan Korem 101 \
             Brigjen Rudi Hartono. Ia mengatakan, tim belum tiba di lokasi.",
        );
        let s = qs
            .last()
            .and_then(|q| q.speaker.as_ref())
            .expect("a speaker");
        assert_eq!(s.name.as_deref(), Some("Hendra Gunawan"), "{qs:?}");
    }

    /// An acting position's prefix ("Pj.", "Plt.", "Plh", "Pj") is part of the role, with or
    /// without its full stop, never the name or the organisation, and no sentence's end.
    #[test]
    fn an_acting_prefix_is_part_of_the_role() {
        for (pre, rest, role, affiliation) in [
            (
                "Pj.",
                "Gubernur Jawa Tengah Ahmad Fauzi",
                "Gubernur Jawa Tengah",
                "",
            ),
            (
                "Plt.",
                "Kepala Dinas Pertanian Kabupaten Sukamaju Ahmad Fauzi",
                "Kepala",
                "Dinas Pertanian Kabupaten Sukamaju",
            ),
            ("Plh.", "Bupati Sukamaju Ahmad Fauzi", "Bupati Sukamaju", ""),
            ("Pj", "Bupati Sukamaju Ahmad Fauzi", "Bupati Sukamaju", ""),
        ] {
            let text = format!(
                "Banjir melanda Sukamaju. Warga Sukamaju mengungsi. “Stok aman,” kata {pre} {rest}. \
                 Menurut {pre} Gubernur Ahmad, stok cukup."
            );
            let (doc, qs) = quotes(&text);
            assert_eq!(qs.len(), 2, "{text}: {qs:?}");
            let (name, r, a, _) = speaker_parts(&doc, &qs[0]);
            assert_eq!(
                (name.as_str(), r.as_str(), a.as_str()),
                ("Ahmad Fauzi", format!("{pre} {role}").as_str(), affiliation),
                "{text}"
            );
            // (The entity layer's "Pj Gubernur Ahmad" is no full name "Ahmad" expands to.)
            let (name, r, _, _) = speaker_parts(&doc, &qs[1]);
            assert_eq!(
                (name.as_str(), r.as_str()),
                ("Ahmad Fauzi", format!("{pre} Gubernur").as_str()),
                "{text}"
            );
        }
    }

    /// After a cue, an organisation after "dari" set off by commas after the name ("ujar Sari
    /// Wulandari, dari Lembaga X, kepada wartawan") is the speaker's affiliation.
    #[test]
    fn an_apposed_organisation_after_dari_after_a_cue_is_the_affiliation() {
        let (doc, qs) = quotes(
            "Harga beras naik. “Kami memantau pasar setiap hari,” ujar Sari Wulandari, dari \
             Lembaga Kajian Pangan, kepada wartawan, Senin (3/2/2020).",
        );
        let (name, role, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str(), affiliation.as_str()),
            ("Sari Wulandari", "", "Lembaga Kajian Pangan"),
            "{qs:?}"
        );
    }

    /// A region set off after an apposition before the verb ("Budi, relawan di Desa X,
    /// Kecamatan Y, menilai", "Hartono, Camat X, Jakarta Selatan, mengajak") is no speaker:
    /// the subject is read before it (the place is the position's when it ends there).
    #[test]
    fn a_region_set_off_after_an_apposition_is_no_speaker() {
        let (doc, qs) = quotes(
            "Banjir melanda Sukamaju. Budi Santoso, salah seorang relawan di Desa Sukamaju, \
             Kecamatan Cibodas, menilai bantuan belum cukup.",
        );
        let (name, _, _, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(name, "Budi Santoso", "{qs:?}");
        let (doc, qs) = quotes(
            "Banjir melanda Cibodas. Warga di Cibodas mengungsi. Hartono, Camat Cibodas, Jakarta \
             Selatan, mengajak warga waspada.",
        );
        let (name, role, _, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), role.as_str()),
            ("Hartono", "Camat Cibodas, Jakarta Selatan"),
            "{qs:?}"
        );
    }

    /// A government title with only its place ("kata Sekda Sleman", "kata Bupati Sleman") names
    /// no person "Sleman"; an organisation word and its place ("Pemkot Bekasi menyatakan") is the
    /// organisation speaking, not a person "Bekasi" of the organisation "Pemkot".
    #[test]
    fn a_title_or_an_organisation_with_its_place_is_no_person() {
        for title in ["Sekda", "Bupati"] {
            let (doc, qs) = quotes(&format!(
                "Banjir melanda Sleman. Warga di Sleman mengungsi. “Kami siap,” kata {title} Sleman."
            ));
            let (name, role, _, _) = speaker_parts(&doc, &qs[0]);
            assert_ne!(name, "Sleman", "{qs:?}");
            assert_eq!(role, format!("{title} Sleman"), "{qs:?}");
        }
        let (doc, qs) = quotes(
            "Banjir melanda Bekasi. Warga di Bekasi mengungsi. Pemkot Bekasi menyatakan, bantuan \
             sudah dikirim.",
        );
        let (name, _, affiliation, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(
            (name.as_str(), affiliation.as_str()),
            ("Pemkot Bekasi", ""),
            "{qs:?}"
        );
    }

    /// "Budi Santoso selaku Kepala Desa X mengatakan": the subject is the person named before
    /// "selaku", with the position after it (before: the position alone, no name).
    #[test]
    fn a_position_after_selaku_before_the_verb_is_the_persons() {
        let (doc, qs) =
            quotes("Harga naik. Budi Santoso selaku Kepala Desa Sukamaju mengatakan, stok cukup.");
        let (name, role, _, _) = speaker_parts(&doc, &qs[0]);
        assert_eq!(name, "Budi Santoso", "{qs:?}");
        assert!(role.starts_with("Kepala Desa"), "{qs:?}");
    }
}
