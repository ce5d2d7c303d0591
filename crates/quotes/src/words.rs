//! What each token is to the quote rules, computed once per document: one set of flags per
//! token, so the rules compare bits instead of strings.

use crate::Lexicon;
use kutip_core::{Document, Span, TokenKind};

bitflags::bitflags! {
    /// What a token is, as far as the quote rules care.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub struct Flags: u64 {
        /// Starts with an upper-case letter.
        const CAP = 1 << 0;
        /// An acronym: two or more letters, all upper case (`BNPB`, `OJK`).
        const UPPER = 1 << 1;
        /// A direct-quote cue (`kata`).
        const CUE = 1 << 2;
        /// A direct-quote cue with `-nya` (`katanya`).
        const CUE_NYA = 1 << 3;
        /// An indirect reporting verb (`mengatakan`).
        const REPORT = 1 << 4;
        /// A reporting verb that needs `bahwa` or a comma after it.
        const WEAK = 1 << 5;
        /// `menurut`, `dikatakan`…
        const ACCORDING = 1 << 6;
        /// `menurutnya`, `dijelaskannya`…
        const ACCORDING_NYA = 1 << 7;
        /// Heads a position (`Kepala`).
        const ROLE = 1 << 8;
        /// Continues a position (`Bidang`, `Umum`).
        const ROLE_MOD = 1 << 9;
        /// Heads an organisation (`Kementerian`, `PT`).
        const ORG = 1 << 10;
        /// A rank or honorific (`Kombes`, `Prof`).
        const RANK = 1 << 11;
        /// A pronoun standing for a speaker.
        const PRONOUN = 1 << 12;
        /// A day name.
        const DAY = 1 << 13;
        /// Ends a speaker phrase.
        const STOP = 1 << 14;
        /// An adverb between subject and verb.
        const ADVERB = 1 << 15;
        /// A comma.
        const COMMA = 1 << 16;
        /// `.`, `?`, `!` as a token of its own.
        const END = 1 << 17;
        /// A quotation mark.
        const MARK = 1 << 18;
        /// `(`.
        const OPEN_PAREN = 1 << 19;
        /// `)`.
        const CLOSE_PAREN = 1 << 20;
        /// A word carrying the sentence's full stop (`guru.`), as some corpora tokenize.
        const DOT_END = 1 << 21;
        /// A number.
        const NUMBER = 1 << 22;
        /// `bahwa`.
        const BAHWA = 1 << 23;
        /// `yang`.
        const YANG = 1 << 24;
        /// Inside a boilerplate region.
        const BOILER = 1 << 25;
        /// Other punctuation or symbol.
        const PUNCT = 1 << 26;
        /// A government title whose place is part of the title (`Gubernur Sulut`).
        const GOV_ROLE = 1 << 27;
        /// Ends an organisation's name and can end nothing else (`Association`, `Indonesia`).
        const ORG_TAIL = 1 << 28;
        /// A single quotation mark (‘ ’ ').
        const SINGLE = 1 << 29;
        /// A colon.
        const COLON = 1 << 30;
        /// A lower-case word.
        const LOWER = 1 << 31;
        /// A word that introduces a private person ("warga", "petani").
        const COMMONER = 1 << 32;
        /// Two sentences glued into one token by a corpus's tokenizer (`guru.Prabowo`,
        /// `.Ia`): the token is read as its last part and starts a clause.
        const GLUED = 1 << 33;
        /// A unit inside an organisation (`Bidang`, `Fakultas`, `Biro`): with the organisation
        /// after it, it is part of the position ("Dekan Fakultas Hukum | Universitas X").
        const SUBUNIT = 1 << 34;
        /// A pe(r)-…-an or ke-…-an noun naming a field (`Pencegahan`, `Kesehatan`).
        const FIELD = 1 << 35;
        /// An organisation that is also a unit of a larger one named after it ("Badan",
        /// "Satuan": "Kepala Satuan Lalu Lintas | Polres X").
        const UNIT_ORG = 1 << 36;
        /// An organisation others are units of ("Kementerian", "Polres", "Pemprov").
        const TOP_ORG = 1 << 37;
        /// A local office whose head's title takes its place ("Kepala Puskesmas X", "Kepala
        /// Desa X", "Kepala SMKN 1 X").
        const LOCAL_UNIT = 1 << 38;
        /// A first-person or second-person pronoun (`saya`, `kami`, `Anda`): the speaker's own
        /// words, not reported ones.
        const FIRST_PERSON = 1 << 39;
        /// A glued token whose first part is a `-nya` cue (`tambahnya.Dia` after a closing
        /// mark): the cue closes the quote, the last part starts the next clause.
        const GLUED_CUE = 1 << 40;
        /// A position written as one abbreviated word ("Mensos", "Kapolda", "Wamenkeu"): never
        /// part of a person's name.
        const ABBREV_ROLE = 1 << 41;
        /// A plan, rule or custom after `menurut` (`rencana`, `aturan`): no source.
        const NOT_SOURCE = 1 << 42;
        /// A record after `menurut` (`data`, `keterangan`): its owner after it is the source.
        const RECORD = 1 << 43;
        /// A cue that is also another word ("nilai ekspor", "jelas menunjukkan", "sebut saja"),
        /// and its `-nya` form: after a comma it reports only before a speaker.
        const AMBIGUOUS_CUE = 1 << 44;
    }
}

/// The top bit of each byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The zero-byte test of `x` against `.`: some top bit is set when one of its eight bytes
/// (zero past a word's end) is a full stop, none when none is (a set bit may sit above the
/// first full stop, never without one).
#[inline]
fn dot_bytes(x: u64) -> u64 {
    let y = x ^ (0x0101_0101_0101_0101 * u64::from(b'.'));
    y.wrapping_sub(0x0101_0101_0101_0101) & !y & HIGH
}

/// `CAP`, `UPPER` and `LOWER` of an ASCII word of at most 15 bytes, read as [`crate::load16`]
/// reads it: what the general path's byte tests give it.
#[inline]
fn case_flags(bytes: &[u8], lo: u64, hi: u64) -> Flags {
    let first = bytes.first().copied().unwrap_or(b' ');
    if first.is_ascii_uppercase() {
        let lower = crate::bytes_in(lo, b'a', b'z') | crate::bytes_in(hi, b'a', b'z');
        let upper = crate::bytes_in(lo, b'A', b'Z') | crate::bytes_in(hi, b'A', b'Z');
        // No lower-case letter and two letters or more: an acronym.
        // (Two bits or more without `count_ones`, a dozen instructions without `popcnt`.)
        if lower == 0 && upper & upper.wrapping_sub(1) != 0 {
            Flags::CAP | Flags::UPPER
        } else {
            Flags::CAP
        }
    } else if first.is_ascii_lowercase() {
        Flags::LOWER
    } else {
        Flags::empty()
    }
}

/// The flags of a one-byte token that is no word or URL, as the general path of
/// [`Words::new`] gives them: the same matches on the byte instead of the string.
#[inline]
fn one_byte_flags(kind: TokenKind, b: u8) -> Flags {
    match kind {
        TokenKind::QuoteMark(_) if matches!(b, b'\'' | b'`') => Flags::MARK | Flags::SINGLE,
        TokenKind::QuoteMark(_) => Flags::MARK,
        TokenKind::Number => Flags::NUMBER,
        TokenKind::Punct | TokenKind::Symbol => match b {
            b',' => Flags::COMMA,
            b'.' | b'?' | b'!' => Flags::END,
            b'(' => Flags::OPEN_PAREN,
            b')' => Flags::CLOSE_PAREN,
            b':' => Flags::COLON,
            _ => Flags::PUNCT,
        },
        _ => Flags::empty(),
    }
}

/// A document seen through the quote rules' eyes.
pub struct Words<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Flags per token.
    pub flags: Vec<Flags>,
    /// Bytes to skip at the start of a glued token (`guru.` in `guru.Prabowo`).
    skip: Vec<u8>,
}

impl<'a> Words<'a> {
    /// Flags every token of `doc`.
    pub fn new(doc: &'a Document, lex: &Lexicon) -> Words<'a> {
        let mut flags = Vec::with_capacity(doc.tokens.len());
        // Zero for nearly every token: written only for a glued one.
        let mut skip = vec![0u8; doc.tokens.len()];
        let mut lower = String::new();
        for t in &doc.tokens {
            let mut f = Flags::empty();
            if t.span.len() == 1 && !matches!(t.kind, TokenKind::Word | TokenKind::Url) {
                // A one-byte mark, number or punctuation (most tokens that are not words): its
                // byte says what the general path's string tests below say, and nothing else
                // applies to it (no glued word: that needs more than two bytes).
                f |= one_byte_flags(t.kind, doc.text.as_bytes()[t.span.start as usize]);
                flags.push(f);
                continue;
            }
            if t.kind == TokenKind::Word && t.span.len() <= 15 {
                // Most words: ASCII, short, without a full stop (so neither glued nor carrying
                // the sentence's stop). Their bytes are read as two words once, and every test
                // below is a few operations on them; anything else takes the general path. (The
                // bytes, not the `str`: no character-boundary tests.)
                let bytes = &doc.text.as_bytes()[t.span.range()];
                let (lo, hi) = crate::load16(bytes);
                // Non-ASCII bytes and full stops in one test: the top bits of both words and of
                // their zero-byte tests against `.` (`dot_bytes`), one branch for all.
                if (lo | hi | dot_bytes(lo) | dot_bytes(hi)) & HIGH == 0 {
                    f |= case_flags(bytes, lo, hi);
                    f |= lex.classify_loaded(bytes, lo, hi);
                    flags.push(f);
                    continue;
                }
            }
            let raw = doc.slice(t.span);
            // `.Menurut`: a word glued after a full stop standing alone, which a
            // pre-tokenized corpus's token reads as punctuation by its first character.
            let dotted_word =
                raw.len() > 2 && raw.starts_with('.') && raw[1..].chars().all(char::is_alphabetic);
            match t.kind {
                TokenKind::QuoteMark(_) => {
                    f |= Flags::MARK;
                    if matches!(raw, "‘" | "’" | "'" | "`") {
                        f |= Flags::SINGLE;
                    }
                }
                TokenKind::Number => f |= Flags::NUMBER,
                TokenKind::Punct | TokenKind::Symbol if !dotted_word => {
                    f |= match raw {
                        "," => Flags::COMMA,
                        // "***" (and ".***") closes an article in many sources: a sentence
                        // ends there.
                        "." | "?" | "!" | "…" | "..." | "***" | ".***" => Flags::END,
                        "(" => Flags::OPEN_PAREN,
                        ")" => Flags::CLOSE_PAREN,
                        ":" => Flags::COLON,
                        _ => Flags::PUNCT,
                    }
                }
                _ => {}
            }
            let mut skipped = 0;
            if matches!(t.kind, TokenKind::Word | TokenKind::Url) || dotted_word {
                let mut raw = raw;
                // A byte loop, not `rfind`: words are a few bytes long, shorter than memrchr's
                // set-up pays for.
                if let Some(dot) = raw.bytes().rposition(|b| b == b'.') {
                    let tail = &raw[dot + 1..];
                    // The part before the dot, from any earlier dot: an initial or a title
                    // glued to what follows is no sentence end (`M.Pd`, `S.Pd`,
                    // `Prof.Budi`, `Dr.Sari`), only a longer word is (`guru.Prabowo`), or none
                    // (`.Ia`).
                    let head = &raw[..dot];
                    let head = head
                        .bytes()
                        .rposition(|b| b == b'.')
                        .map_or(head, |d| &head[d + 1..]);
                    // An acronym after a lower-case word is a glued sentence start too
                    // (`katanya.FSGI`); after anything else an all-capital tail is a domain
                    // or an abbreviation (`TRIBUNNEWS.COM`, `Kab.OKU`).
                    let lower_head =
                        head.len() >= 3 && head.bytes().all(|b| b.is_ascii_lowercase());
                    if tail.chars().count() >= 2
                        && tail.chars().all(char::is_alphabetic)
                        && tail.starts_with(char::is_uppercase)
                        && (lower_head || tail.chars().skip(1).any(char::is_lowercase))
                        && (head.is_empty() || head.chars().count() >= 2)
                        && !(head.is_ascii()
                            && lex.classify_ascii(head, &mut lower).contains(Flags::RANK))
                    {
                        f |= Flags::GLUED;
                        if head.is_ascii()
                            && head.starts_with(|c: char| c.is_ascii_lowercase())
                            && lex
                                .classify_ascii(head, &mut lower)
                                .contains(Flags::CUE_NYA)
                        {
                            f |= Flags::GLUED_CUE;
                        }
                        skipped = (dot + 1).min(255) as u8;
                        raw = tail;
                    }
                }
                // `bangsa.***`, `sosial.*`: an article's or a list item's end marker glued
                // after the full stop ends the sentence as the full stop alone does.
                if raw.ends_with('*') {
                    let bare = raw.trim_end_matches('*');
                    if bare.ends_with('.') {
                        raw = bare;
                    }
                }
                // `guru.`: a pre-tokenized corpus left the full stop on the word.
                let word = match raw.strip_suffix('.') {
                    Some(w) if w.chars().nth(2).is_some() && !w.contains('.') => {
                        f |= Flags::DOT_END;
                        w
                    }
                    _ => raw,
                };
                if word.is_ascii() {
                    // Most words: byte tests and an in-place lower-casing, no Unicode tables.
                    let bytes = word.as_bytes();
                    let first = bytes.first().copied().unwrap_or(b' ');
                    if first.is_ascii_uppercase() {
                        f |= Flags::CAP;
                        // The lower-case test first: it stops at the second letter of most
                        // capitalised words.
                        if !bytes.iter().any(u8::is_ascii_lowercase)
                            && bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
                        {
                            f |= Flags::UPPER;
                        }
                    } else if first.is_ascii_lowercase() {
                        f |= Flags::LOWER;
                    }
                    f |= lex.classify_ascii(word, &mut lower);
                } else {
                    let first = word.chars().next().unwrap_or(' ');
                    if first.is_uppercase() {
                        f |= Flags::CAP;
                        if word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                            && !word.chars().any(char::is_lowercase)
                        {
                            f |= Flags::UPPER;
                        }
                    } else if first.is_lowercase() {
                        f |= Flags::LOWER;
                    }
                    lower.clear();
                    lower.extend(word.chars().flat_map(char::to_lowercase));
                    f |= lex.classify(&lower);
                }
                // `Prof.`, `Drs.`, `Kol.`: the full stop of a short title abbreviated before a
                // name, not a sentence's end; nor that of an acting position's prefix (`Plt.`,
                // `Plh.`: "Plt. Kepala Dinas X").
                if (f.contains(Flags::DOT_END | Flags::RANK | Flags::CAP)
                    || (f.contains(Flags::DOT_END | Flags::ROLE | Flags::CAP)
                        && matches!(word, "Plt" | "Plh")))
                    && word.len() <= 4
                {
                    f.remove(Flags::DOT_END);
                }
            }
            if skipped != 0 {
                skip[flags.len()] = skipped;
            }
            flags.push(f);
        }
        // Tokens inside boilerplate, region by region: a document has a few regions and a few
        // dozen tokens in them, where testing every token against the next region cost about
        // nine instructions a token. (A token is in a region when it shares a byte with it, as
        // `Span::overlaps` says: from the first token ending after the region's start to the
        // last starting before its end.)
        for b in &doc.boilerplate {
            let mut k = doc.token_at(b.span.start);
            while k < flags.len() && doc.tokens[k].span.start < b.span.end {
                flags[k] |= Flags::BOILER;
                k += 1;
            }
        }
        Words { doc, flags, skip }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.flags.len()
    }

    /// True when token `k` has any of `f`.
    #[inline]
    pub fn is(&self, k: usize, f: Flags) -> bool {
        self.flags.get(k).is_some_and(|x| x.intersects(f))
    }

    /// The span of token `k`.
    #[inline]
    pub fn span(&self, k: usize) -> Span {
        self.doc.tokens[k].span
    }

    /// The span of token `k` without a full stop the corpus left on it (`Hartono.` → `Hartono`).
    #[inline]
    pub fn word_span(&self, k: usize) -> Span {
        let s = self.span(k);
        let start = s.start + u32::from(self.skip[k]);
        if self.is(k, Flags::DOT_END) {
            // The full stop, and the stars of an end marker glued after it (`bangsa.***`).
            let text = self.doc.text.as_bytes();
            let mut end = s.end;
            while end > start + 1 && text[end as usize - 1] == b'*' {
                end -= 1;
            }
            Span {
                start,
                end: end - 1,
            }
        } else {
            Span { start, end: s.end }
        }
    }

    /// The span of a cue: the first part of a glued token that starts with one (`tambahnya` of
    /// `tambahnya.Dia`), else [`Self::word_span`].
    pub fn cue_span(&self, k: usize) -> Span {
        if self.is(k, Flags::GLUED_CUE) {
            let s = self.span(k);
            Span {
                start: s.start,
                end: s.start + u32::from(self.skip[k]).saturating_sub(1),
            }
        } else {
            self.word_span(k)
        }
    }

    /// The text of token `k`, without a corpus-attached full stop; empty past the last token.
    #[inline]
    pub fn text(&self, k: usize) -> &'a str {
        match self.flags.get(k) {
            None => "",
            // Most tokens: neither glued (the only ones with bytes to skip) nor carrying a full
            // stop, so the word is the token (the skip table and the second flag test are for
            // the rest; this runs about 300,000 times over 450 documents).
            Some(f) if !f.intersects(Flags::GLUED | Flags::DOT_END) => self.doc.slice(self.span(k)),
            Some(_) => self.doc.slice(self.word_span(k)),
        }
    }

    /// The span covering tokens `from..to` (to exclusive, non-empty), the last one without a
    /// corpus-attached full stop.
    pub fn cover(&self, from: usize, to: usize) -> Span {
        self.word_span(from).cover(self.word_span(to - 1))
    }

    /// The text covering tokens `from..to`.
    pub fn cover_text(&self, from: usize, to: usize) -> &'a str {
        self.doc.slice(self.cover(from, to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::QuotesConfig;
    use kutip_core::Token;

    /// A document of `text` with one word token per space-separated word (no tokenizer, so
    /// that glued forms reach `Words::new` as one token).
    fn words_of(text: &str) -> Document {
        let mut doc = Document::new("t", text);
        let mut start = 0;
        for word in text.split(' ') {
            let span = Span::new(start, start + word.len());
            doc.tokens.push(Token::new(span, TokenKind::Word));
            start += word.len() + 1;
        }
        doc
    }

    /// Short ASCII words take the fast path; their case flags are those of the byte tests of
    /// the general path (an acronym needs two letters and no lower-case one).
    #[test]
    fn case_flags_of_short_and_long_words() {
        let text =
            "BNPB Budi A x9 OJK-2 COVID19 Sukamaju Pembangunanberkelanjutan PEMBANGUNANKOTABARU 1a";
        let doc = words_of(text);
        let lex = Lexicon::new(&QuotesConfig::default());
        let words = Words::new(&doc, &lex);
        let case = |k: usize| words.flags[k] & (Flags::CAP | Flags::UPPER | Flags::LOWER);
        let expected = [
            Flags::CAP | Flags::UPPER,
            Flags::CAP,
            Flags::CAP,
            Flags::LOWER,
            Flags::CAP | Flags::UPPER,
            Flags::CAP | Flags::UPPER,
            Flags::CAP,
            Flags::CAP,
            Flags::CAP | Flags::UPPER,
            Flags::empty(),
        ];
        for (k, want) in expected.into_iter().enumerate() {
            assert_eq!(case(k), want, "{}", words.text(k));
        }
    }

    /// One-byte marks, numbers and punctuation are flagged by their byte as the general path
    /// flags them by their text.
    #[test]
    fn one_byte_tokens_are_flagged_by_their_byte() {
        use kutip_core::QuoteMarkRole;
        let text = ", . ? ! ( ) : ; \" ' ` 7 % - Sari";
        let kinds = [
            TokenKind::Punct,
            TokenKind::Punct,
            TokenKind::Punct,
            TokenKind::Punct,
            TokenKind::Punct,
            TokenKind::Punct,
            TokenKind::Punct,
            TokenKind::Punct,
            TokenKind::QuoteMark(QuoteMarkRole::Open),
            TokenKind::QuoteMark(QuoteMarkRole::Unknown),
            TokenKind::QuoteMark(QuoteMarkRole::Close),
            TokenKind::Number,
            TokenKind::Symbol,
            TokenKind::Punct,
            TokenKind::Word,
        ];
        let mut doc = words_of(text);
        for (t, kind) in doc.tokens.iter_mut().zip(kinds) {
            t.kind = kind;
        }
        let lex = Lexicon::new(&QuotesConfig::default());
        let words = Words::new(&doc, &lex);
        let expected = [
            Flags::COMMA,
            Flags::END,
            Flags::END,
            Flags::END,
            Flags::OPEN_PAREN,
            Flags::CLOSE_PAREN,
            Flags::COLON,
            Flags::PUNCT,
            Flags::MARK,
            Flags::MARK | Flags::SINGLE,
            Flags::MARK | Flags::SINGLE,
            Flags::NUMBER,
            Flags::PUNCT,
            Flags::PUNCT,
            Flags::CAP,
        ];
        assert_eq!(words.flags, expected);
    }

    /// A token is boilerplate when it shares a byte with a region: regions marked after the
    /// per-token pass flag exactly those, at a region's edges, inside it and for regions that
    /// touch or overlap.
    #[test]
    fn boilerplate_flags_are_the_tokens_sharing_a_byte_with_a_region() {
        use kutip_core::{Boilerplate, BoilerplateKind};
        let text = "Baca juga: Banjir di Sukamaju kata Budi Santoso kepada warga Desa Hijau";
        let mut doc = words_of(text);
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            Span::new(start, start + needle.len())
        };
        // (A region cutting a word in two, one touching the next, one nested in another.)
        let regions = [
            at("Baca juga: Ban"),
            at("njir di"),
            at("kata Budi Santoso kepada"),
            at("Santoso"),
            at("Hijau"),
        ];
        doc.boilerplate = regions
            .iter()
            .map(|&span| Boilerplate {
                span,
                kind: BoilerplateKind::RelatedLink,
            })
            .collect();
        let lex = Lexicon::new(&QuotesConfig::default());
        let words = Words::new(&doc, &lex);
        for (k, t) in doc.tokens.iter().enumerate() {
            let inside = regions.iter().any(|r| r.overlaps(t.span));
            assert_eq!(words.is(k, Flags::BOILER), inside, "{}", doc.slice(t.span));
        }
        assert!(!words.is(4, Flags::BOILER), "Sukamaju");
    }

    /// A glued sentence start is a capitalised word, or an acronym after a lower-case word
    /// (`katanya.FSGI`); an all-capital tail after a capitalised head is a domain or an
    /// abbreviation, no sentence start.
    #[test]
    fn glued_acronym_after_lower_case_word() {
        let text = "guru.Budi katanya.PGRI BERITAKITA.COM Kab.OKU S.H sekitar.SD";
        let doc = words_of(text);
        let lex = Lexicon::new(&QuotesConfig::default());
        let words = Words::new(&doc, &lex);
        let glued: Vec<bool> = (0..6).map(|k| words.is(k, Flags::GLUED)).collect();
        assert_eq!(glued, [true, true, false, false, false, true]);
        assert!(words.is(1, Flags::GLUED_CUE));
    }

    /// An end marker glued after a word's full stop (`bangsa.***`, `sosial.*`) ends the
    /// sentence like the full stop alone; the word is read without either.
    #[test]
    fn glued_end_marker_ends_the_sentence() {
        let text = "bangsa.*** sosial.* katanya.*** Hadi*";
        let doc = words_of(text);
        let lex = Lexicon::new(&QuotesConfig::default());
        let words = Words::new(&doc, &lex);
        let ends: Vec<bool> = (0..4).map(|k| words.is(k, Flags::DOT_END)).collect();
        assert_eq!(ends, [true, true, true, false]);
        assert_eq!(words.text(0), "bangsa");
        assert_eq!(words.text(1), "sosial");
        assert_eq!(words.text(2), "katanya");
        assert!(words.is(2, Flags::CUE_NYA));
    }
}
