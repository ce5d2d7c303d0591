//! The token scanner.
//!
//! One pass over the bytes. ASCII — nearly all of Indonesian news — goes through a 256-entry
//! class table; only bytes ≥ 0x80 are decoded as chars. Nothing is allocated per token: the only
//! look-ups that hash (abbreviations, clitic exceptions) run for words followed by a dot or ending
//! in a clitic's letters, on borrowed bytes or a stack buffer.

use kutip_core::{QuoteMarkRole, Span, Token, TokenKind};
// foldhash, not SipHash: every word before a full stop is looked up among the abbreviations,
// and every word ending in a clitic's letters among the exceptions (SipHash took about 170
// instructions a look-up there; the keys are the program's own lists, not an attacker's).
use foldhash::HashSet;

/// Abbreviations that end in a dot and must not end a sentence. Case matters: `H.` (Haji) is an
/// abbreviation, `h.` is not. Users extend the list from the pipeline (`abbreviations = [...]`).
pub const ABBREVIATIONS: &[&str] = &[
    // titles, honorifics, ranks
    "Dr.", "dr.", "Drs.", "Dra.", "Ir.", "H.", "Hj.", "Prof.", "Tn.", "Ny.", "Nn.", "Sdr.", "Sdri.",
    "Bpk.", "Bp.", "Kol.", "Jend.", "Letjen.", "Mayjen.", "Brigjen.", "Kapt.", "Lettu.", "Letda.",
    "Serda.", "Sertu.", "Kompol.", "AKBP.", "Aipda.", "Bripka.", "Brigpol.", "Ipda.", "Iptu.",
    "AKP.", "St.", "Mr.", "Mrs.", "Ms.", "KH.", "Hon.", "Rev.", "drg.", "Pdt.", "Ust.", "K.H.",
    "drh.", "Mgr.", "Plt.", "Plh.", "Pj.", "Moh.", "Muh.", "Moch.", "Abd.", // degrees
    "Ak.", "M.Eng.", "S.Pd.I.", "M.Pd.I.", "S.H.I.", "S.H.", "M.H.", "S.E.", "M.E.", "M.M.",
    "M.Si.", "S.Si.", "S.Kom.", "M.Kom.", "S.Pd.", "M.Pd.", "S.T.", "M.T.", "S.Sos.", "M.Sc.",
    "B.Sc.", "Ph.D.", "MBA.", "S.Ag.", "M.Ag.", "Lc.", "S.Ked.", "Sp.", "S.IP.", "M.A.", "S.S.",
    "S.Psi.", "M.Psi.", "S.Kep.", "Amd.", "A.Md.", "S.Farm.", "Apt.", "S.Hum.", "M.Hum.", "S.Ip.",
    "M.Ip.", "S.Ikom.", "M.Kes.", "S.KM.", "M.KM.", "Sp.PD.", "Sp.A.", "Sp.OG.", "Sp.B.", "Sp.P.",
    "S.Th.", "M.Th.", "S.Pt.", "S.P.", "M.P.", "M.Kn.", // common abbreviations
    "Kep.", "dll.", "dsb.", "dkk.", "dst.", "tsb.", "yth.", "Yth.", "No.", "no.", "Jl.", "Jln.",
    "Kab.", "Kec.", "Kel.", "Prov.", "Tbk.", "a.n.", "s.d.", "u.p.", "d.a.", "u.b.", "tgl.",
    "Tgl.", "hlm.", "Hlm.", "vol.", "Vol.", "Rp.", "Co.", "Inc.", "Ltd.", "Corp.", "vs.", "etc.",
    "Gg.", "Ds.", "Dk.", "Ket.", "Pol.", "Sat.", "Jr.", "Sr.", "Bhd.", "Kp.", "Kmp.", "Pst.",
    "Ps.",
];

/// Abbreviations that can close a sentence: followed by a capitalised word they end it
/// ("… buku, pena, dll. Setelah itu …"). Titles never do ("Dr. Budi").
pub(crate) const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &[
    "dll.", "dsb.", "dst.", "dkk.", "etc.", "tsb.", "Tbk.", "Inc.", "Ltd.", "Corp.", "Co.", "Bhd.",
];

/// Top-level domains that make `word.tld` a domain name rather than two words and a full stop.
const DOMAIN_ENDINGS: &[&str] = &[
    "com", "id", "co", "net", "org", "go", "ac", "or", "sch", "my", "sg", "io", "tv", "info",
    "news", "uk", "au", "us", "gov", "edu", "biz", "me", "app", "ai", "desa", "web", "ponpes",
];

/// Words that end in a clitic's letters (`-nya`, `-lah`, `-kah`, `-pun`) without carrying the
/// clitic, or whose clitic is fused into a word of its own (`adalah`, `meskipun`). Words shorter
/// than six letters never get a clitic (`hanya`, `punya`, `kalah`), and words ending in `llah`
/// (`Allah`, `Abdullah`) are names. Users extend the list from the pipeline (`clitic_exceptions`).
pub const NOT_CLITIC: &[&str] = &[
    // -nya
    "bertanya",
    "ditanya",
    "menanya",
    "penanya",
    "tertanya",
    "nyanya",
    "sunya",
    // -lah
    "adalah",
    "setelah",
    "disalah",
    "seolah",
    "majalah",
    "disebelah",
    "telah",
    "salah",
    "bersalah",
    "kesalah",
    "masalah",
    "bermasalah",
    "sekolah",
    "bersekolah",
    "jumlah",
    "sejumlah",
    "berjumlah",
    "istilah",
    "mengolah",
    "diolah",
    "pengolah",
    "terolah",
    "belah",
    "sebelah",
    "terbelah",
    "berbelah",
    "membelah",
    "dibelah",
    "lelah",
    "kelelah",
    "berkilah",
    "sholah",
    "galah",
    "halah",
    "pilah",
    "memilah",
    "dipilah",
    "terpilah",
    "wilayah",
    "mengalah",
    "dikalah",
    "terkalah",
    "tengadah",
    "menengadah",
    "berkelah",
    "fadhilah",
    "fadilah",
    "jamilah",
    "nabilah",
    "aqilah",
    "nailah",
    "sabilah",
    "salsabilah",
    "kholilah",
    "abdillah",
    "syamsul",
    "ngalah",
    "jalah",
    "sajadah",
    "bertelah",
    "ramlah",
    "nurlah",
    "abdulah",
    "abdilah",
    "saadah",
    "falah",
    "muflihah",
    "mushola",
    "tasbihlah",
    // -kah
    "langkah",
    "melangkah",
    "selangkah",
    "berlangkah",
    "nikah",
    "menikah",
    "dinikah",
    "sedekah",
    "naskah",
    "berkah",
    "klakah",
    "bersedekah",
    "tingkah",
    "bertingkah",
    "makkah",
    "mekkah",
    "mekah",
    "sekah",
    // -pun (the fused conjunctions are words of their own)
    "maupun",
    "meskipun",
    "walaupun",
    "ataupun",
    "kendatipun",
    "adapun",
    "biarpun",
    "sungguhpun",
    "kalaupun",
    "sekalipun",
    "berhimpun",
    "menghimpun",
    "terhimpun",
    "dihimpun",
    "penghimpun",
    "rimbun",
    "kebun",
    "berkebun",
    "perkebun",
    "embun",
    "ampun",
    "pengampun",
    "rampun",
    "lumpun",
    "rumpun",
    "serumpun",
    "tekun",
];

/// Clitic suffixes, as lowercase ASCII.
const CLITICS: [&[u8; 3]; 4] = [b"nya", b"lah", b"kah", b"pun"];

/// Byte classes for the ASCII fast path.
// Letters and digits come first, so `class <= DIGIT` tests for either.
const LETTER: u8 = 0;
const DIGIT: u8 = 1;
const SPACE: u8 = 2;
const OTHER: u8 = 3;
const HIGH: u8 = 4;

/// The class of every byte value. Spaces are the ASCII ones `char::is_whitespace` accepts.
static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => SPACE,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            0x80.. => HIGH,
            _ => OTHER,
        };
        b += 1;
    }
    t
};

/// Scans text into tokens. Build it once and share it; scanning does not allocate per token.
#[derive(Debug, Clone)]
pub struct Tokenizer {
    abbreviations: HashSet<Box<str>>,
    /// The longest abbreviation, in bytes, to bound look-ahead.
    longest_abbreviation: usize,
    /// Lowercase. A hash set: the bisection it replaced compared about eight words through
    /// `memcmp` calls a look-up (480 instructions a word ending in a clitic's letters).
    not_clitic: HashSet<Box<[u8]>>,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer::with_abbreviations(std::iter::empty())
    }
}

impl Tokenizer {
    /// A tokenizer that knows the built-in abbreviations plus `extra` ones (each ending in `.`;
    /// a missing final dot is added).
    pub fn with_abbreviations<'a>(extra: impl IntoIterator<Item = &'a str>) -> Tokenizer {
        let mut abbreviations: HashSet<Box<str>> =
            ABBREVIATIONS.iter().map(|a| Box::from(*a)).collect();
        for a in extra {
            let a = a.trim();
            if a.is_empty() {
                continue;
            }
            let a = if a.ends_with('.') {
                a.to_string()
            } else {
                format!("{a}.")
            };
            abbreviations.insert(a.into_boxed_str());
        }
        let longest_abbreviation = abbreviations.iter().map(|a| a.len()).max().unwrap_or(0);
        Tokenizer {
            abbreviations,
            longest_abbreviation,
            not_clitic: NOT_CLITIC.iter().map(|w| Box::from(w.as_bytes())).collect(),
        }
    }

    /// Adds words that end in a clitic's letters but carry no clitic (case-insensitive).
    pub fn with_clitic_exceptions<'a>(mut self, words: impl IntoIterator<Item = &'a str>) -> Self {
        for w in words {
            let w = w.trim().to_lowercase();
            if !w.is_empty() {
                self.not_clitic.insert(w.into_bytes().into_boxed_slice());
            }
        }
        self
    }

    /// True when `word` (with its final dot) is a known abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// The tokens of `text`, in order.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::with_capacity(text.len() / 6 + 1);
        self.tokenize_into(text, &mut out);
        out
    }

    /// Appends the tokens of `text` to `out`.
    pub fn tokenize_into(&self, text: &str, out: &mut Vec<Token>) {
        let bytes = text.as_bytes();
        // Quotation marks get their roles as they are found (a role depends on the text around
        // the mark and on the marks before it, not on other tokens): a pass of its own over
        // every token afterwards cost about five instructions a token.
        let mut quotes = QuoteRoles::default();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // Set when the fast path below has seen that an ASCII space follows the token: the
            // next scan starts after it instead of spending a loop turn on it.
            let mut spaced = false;
            let (end, kind) = match CLASS[b as usize] {
                SPACE => {
                    i += 1;
                    continue;
                }
                LETTER | DIGIT => {
                    // Fast path, most tokens: ASCII letters and digits followed by a space.
                    let (j, digits) = ascii_alnum_run(bytes, i);
                    let currency = b == b'R' && matches!(bytes.get(i + 1), Some(b'p' | b'P'));
                    let kind = if digits {
                        TokenKind::Number
                    } else {
                        TokenKind::Word
                    };
                    match bytes.get(j) {
                        _ if currency => self.scan_word(text, i),
                        None => (j, kind),
                        Some(&b) if CLASS[b as usize] == SPACE => {
                            spaced = true;
                            (j, kind)
                        }
                        // A word before a comma, a closing bracket or a sentence's `?`, `!`,
                        // `;`, `"` (a third of the words `scan_word` took, 360 instructions
                        // each): no rule of `scan_word` joins anything across these (a comma
                        // only between digits), so its answer is the run itself.
                        Some(b')' | b']' | b';' | b'?' | b'!' | b'"') => (j, kind),
                        Some(b',')
                            if !digits || !bytes.get(j + 1).is_some_and(u8::is_ascii_digit) =>
                        {
                            (j, kind)
                        }
                        // A full stop before a space or the text's end (a sentence's end, the
                        // other third): nothing joins across it (no domain label, no e-mail
                        // local part, no lower-case or digit after it), so `scan_word` comes
                        // to its last test, the abbreviation or initial that keeps the stop;
                        // unless the word is `www` (a URL's start).
                        Some(b'.')
                            if bytes.get(j + 1).is_none_or(|&b| CLASS[b as usize] == SPACE)
                                && !bytes[i..j].eq_ignore_ascii_case(b"www") =>
                        {
                            if digits {
                                (j, kind)
                            } else {
                                (self.end_before_dot(text, i, j), kind)
                            }
                        }
                        Some(_) => self.scan_word(text, i),
                    }
                }
                OTHER => match scan_ascii_other(text, i, b) {
                    (end, TokenKind::QuoteMark(_)) => (end, quotes.mark(text, i, end)),
                    other => other,
                },
                _ => {
                    let c = char_at(text, i);
                    if is_separator(c) {
                        i += c.len_utf8();
                        continue;
                    }
                    if is_word_char(c) {
                        self.scan_word(text, i)
                    } else {
                        match scan_unicode_other(text, i, c) {
                            (end, TokenKind::QuoteMark(_)) => (end, quotes.mark(text, i, end)),
                            other => other,
                        }
                    }
                }
            };
            debug_assert!(end > i && text.is_char_boundary(end));
            let mut token = Token::new(Span::new(i, end), kind);
            if kind == TokenKind::Word {
                token.suffix = self.clitic_len(&bytes[i..end]);
            }
            out.push(token);
            // (Past the end of the text when no space follows: the loop ends as it would.)
            i = end + usize::from(spaced);
        }
    }

    /// Learns the kinds of tokens that were given (pre-tokenized input) without moving them.
    pub fn classify_given(&self, text: &str, tokens: &mut [Token]) {
        for t in tokens.iter_mut() {
            let s = &text[t.span.range()];
            let Some(c) = s.chars().next() else { continue };
            let (end, kind) = if is_word_char(c) {
                self.scan_word(s, 0)
            } else if c.is_ascii() {
                scan_ascii_other(s, 0, c as u8)
            } else {
                scan_unicode_other(s, 0, c)
            };
            t.kind = if end == s.len() {
                kind
            } else if is_word_char(c) {
                // A given token our scanner would split ("guru." in KoTA): still a word.
                TokenKind::Word
            } else {
                kind
            };
            t.suffix = if t.kind != TokenKind::Word {
                0
            } else if end < s.len() && s.as_bytes()[end..].iter().all(u8::is_ascii_punctuation) {
                // "katanya." (KoTA leaves the full stop on the word): the suffix covers the
                // clitic and the punctuation, so the stem is still "kata".
                match self.clitic_len(&s.as_bytes()[..end]) {
                    0 => 0,
                    n => (n as usize + s.len() - end).min(u8::MAX as usize) as u8,
                }
            } else {
                self.clitic_len(s.as_bytes())
            };
        }
        resolve_given_quote_roles(text, tokens);
    }

    /// A word or number starting at `start` (a letter or digit); returns its end and kind.
    ///
    /// Letters and digits, joined by `-` (reduplication `anak-anak`, `ke-3`, `1990-an`,
    /// `Covid-19`, but not a range `20-31`), by `.`, `,` or `:` between digits (`120.000`, `3,5`,
    /// `16.00`), by `.` before a digit (`B.1.1.7`) or a domain ending (`Tribunnews.com`), by `/`
    /// before a digit (`19/9/2023`, `ST/1130`) and by an apostrophe between letters (`Jum'at`,
    /// `Ma’ruf`). A following dot that belongs to a known abbreviation, or to an initial
    /// (`M. Nuh`), is kept. E-mail addresses and `http://`/`www.` URLs are one token.
    fn scan_word(&self, text: &str, start: usize) -> (usize, TokenKind) {
        let bytes = text.as_bytes();
        // "Rp10.000,00", "Rp.10.000": the currency is its own token.
        if bytes[start] == b'R' && matches!(bytes.get(start + 1), Some(b'p' | b'P')) {
            match bytes.get(start + 2) {
                Some(b'0'..=b'9') => return (start + 2, TokenKind::Word),
                Some(b'.') if bytes.get(start + 3).is_some_and(u8::is_ascii_digit) => {
                    return (start + 3, TokenKind::Word);
                }
                _ => {}
            }
        }
        let mut end = word_run(text, start);
        let first_run = &bytes[start..end];
        match bytes.get(end) {
            None => return (end, run_kind(first_run)),
            Some(b':')
                if (first_run.eq_ignore_ascii_case(b"http")
                    || first_run.eq_ignore_ascii_case(b"https"))
                    && bytes[end..].starts_with(b"://") =>
            {
                return (url_end(text, start), TokenKind::Url);
            }
            Some(b'.') if first_run.eq_ignore_ascii_case(b"www") => {
                return (url_end(text, start), TokenKind::Url);
            }
            Some(b'@' | b'.' | b'_' | b'-' | b'+') => {
                if let Some(e) = email_end(text, start) {
                    return (e, TokenKind::Email);
                }
            }
            _ => {}
        }
        // Whether the token so far is a number (digits joined by . , : /), and whether it is a
        // domain name.
        let mut numeric = first_run.iter().all(u8::is_ascii_digit);
        let mut domain = false;
        if numeric && first_run.len() == 4 && is_iso_date(&bytes[start..]) {
            end = start + 10;
        }
        let mut part_start = start;
        while let Some(&sep) = bytes.get(end) {
            let prev = bytes[end - 1];
            let next = bytes.get(end + 1).copied().unwrap_or(b' ');
            let next_start = match sep {
                b'-' => {
                    let next_end = word_run(text, end + 1);
                    if next_end == end + 1 {
                        break;
                    }
                    let part = &bytes[end + 1..next_end];
                    if numeric {
                        if part[0].is_ascii_digit() || !part.iter().all(u8::is_ascii_lowercase) {
                            // "20-31" is a range of two numbers, "100.000-Rp" two amounts;
                            // "1990-an" is a word.
                            break;
                        }
                        numeric = false;
                    } else if part.iter().all(u8::is_ascii_digit)
                        && matches!(bytes.get(next_end), Some(b'.' | b','))
                        && bytes.get(next_end + 1).is_some_and(u8::is_ascii_digit)
                    {
                        // "9,8 juta-12,11 juta": a range up to a formatted number.
                        break;
                    }
                    end + 1
                }
                b'.' if next.is_ascii_digit() => end + 1,
                b'.' if numeric => break,
                b'.' => {
                    if let Some(chain_end) = domain_end(text, end) {
                        domain = true;
                        end = chain_end;
                        continue;
                    }
                    // "P.hd", "khofifah.ip", "BKPPD.PKA", "PT.TUN.JKT" — but not a sentence
                    // that lost its space ("kelalaian.Menurut").
                    let next_end = word_run(text, end + 1);
                    let upper = |p: &[u8]| !p.is_empty() && p.iter().all(u8::is_ascii_uppercase);
                    let joins = (prev.is_ascii_alphabetic() && next.is_ascii_lowercase())
                        || (upper(&bytes[part_start..end]) && upper(&bytes[end + 1..next_end]));
                    if !joins {
                        break;
                    }
                    end + 1
                }
                b',' | b':' if numeric && next.is_ascii_digit() => end + 1,
                b'/' if next.is_ascii_digit() && prev.is_ascii_alphanumeric() => end + 1,
                b'\'' if prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() => end + 1,
                // ’ (U+2019) between letters: "Ma’ruf".
                0xE2 if bytes[end..].starts_with("’".as_bytes())
                    && (prev.is_ascii_alphabetic())
                    && bytes.get(end + 3).is_some_and(u8::is_ascii_alphabetic) =>
                {
                    end + 3
                }
                // A soft hyphen inside a word.
                0xC2 if bytes.get(end + 1) == Some(&0xAD) && word_run(text, end + 2) > end + 2 => {
                    end + 2
                }
                _ => break,
            };
            let next_end = word_run(text, next_start);
            if next_end == next_start {
                break;
            }
            if numeric && !bytes[next_start..next_end].iter().all(u8::is_ascii_digit) {
                numeric = false;
            }
            part_start = next_start;
            end = next_end;
        }
        let kind = if domain {
            TokenKind::Url
        } else if numeric {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        if kind == TokenKind::Word && bytes.get(end) == Some(&b'.') {
            return (self.end_before_dot(text, start, end), kind);
        }
        (end, kind)
    }

    /// The end of a word from `start` whose letters end at `end`, before a full stop: after
    /// the abbreviation that keeps it (`S.H.`, `dll.`), after the stop of an initial (`M.`),
    /// else `end`.
    #[inline]
    fn end_before_dot(&self, text: &str, start: usize, end: usize) -> usize {
        if let Some(abbr_end) = self.abbreviation_end(text, start, end) {
            return abbr_end;
        }
        if is_initial(text, start, end) {
            return end + 1;
        }
        end
    }

    /// End of the longest known abbreviation that starts at `start` and whose last dot is at or
    /// after `word_end` (`S.H.`, `dll.`), if any. After it comes a non-alphanumeric char or a
    /// capital letter (a scrape that dropped the space: `Jl.Sudirman`).
    fn abbreviation_end(&self, text: &str, start: usize, word_end: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let limit = (start + self.longest_abbreviation).min(bytes.len());
        let mut best = None;
        for j in word_end..limit {
            let b = bytes[j];
            if b == b'.' {
                let after = bytes.get(j + 1).copied().unwrap_or(b' ');
                if (!after.is_ascii_alphanumeric() || after.is_ascii_uppercase())
                    && self.abbreviations.contains(&text[start..=j])
                {
                    best = Some(j + 1);
                }
            } else if !b.is_ascii_alphanumeric() {
                break;
            }
        }
        best
    }

    /// Length in bytes of the clitic at the end of `word`, 0 if none. A hyphenated clitic
    /// (`swab-nya`) counts its hyphen, so the stem is `swab`; in a reduplication the last part
    /// decides (`mitra-mitranya` → `mitra-mitra` + `nya`).
    #[inline(always)]
    fn clitic_len(&self, word: &[u8]) -> u8 {
        let n = word.len();
        if n < 4 {
            return 0;
        }
        // One compare per clitic on the last three bytes, lowercased by OR-ing 0x20 (which only
        // lowercases letters into letters); most words stop here.
        let tail = u32::from_le_bytes([word[n - 3], word[n - 2], word[n - 1], 0]) | 0x0020_2020;
        const fn code(c: &[u8; 3]) -> u32 {
            u32::from_le_bytes([c[0], c[1], c[2], 0])
        }
        const CODES: [u32; 4] = [
            code(CLITICS[0]),
            code(CLITICS[1]),
            code(CLITICS[2]),
            code(CLITICS[3]),
        ];
        if !CODES.contains(&tail) {
            return 0;
        }
        self.clitic_len_slow(word)
    }

    #[inline(never)]
    fn clitic_len_slow(&self, word: &[u8]) -> u8 {
        let n = word.len();
        let tail = [word[n - 3] | 0x20, word[n - 2] | 0x20, word[n - 1] | 0x20];
        let part_start = memchr::memrchr(b'-', word).map_or(0, |p| p + 1);
        let part = &word[part_start..];
        if part.len() == 3 {
            return if part_start > 0 { 4 } else { 0 };
        }
        if part.len() < 6 {
            return 0;
        }
        if tail == *b"lah" && part[part.len() - 4] | 0x20 == b'l' {
            return 0;
        }
        let mut lower = [0u8; 32];
        if part.len() <= lower.len() {
            for (l, b) in lower.iter_mut().zip(part) {
                *l = b.to_ascii_lowercase();
            }
            let lower = &lower[..part.len()];
            if self.not_clitic.contains(lower) {
                return 0;
            }
        }
        3
    }
}

/// True when `s` starts with an ISO date, `2022-02-19`, not followed by a word char.
fn is_iso_date(s: &[u8]) -> bool {
    let digits =
        |r: std::ops::Range<usize>| s.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    digits(0..4)
        && s.get(4) == Some(&b'-')
        && digits(5..7)
        && s.get(7) == Some(&b'-')
        && digits(8..10)
        && !s.get(10).is_some_and(u8::is_ascii_alphanumeric)
}

/// At a dot after a word: the end of a dotted chain of ASCII labels whose last label is a
/// domain ending (`.com`, `.kompas.com`, `.co.id`), or `None` (`kelalaian.Menurut`).
fn domain_end(text: &str, dot: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = dot;
    let mut found = None;
    // Host names in news have a few labels of a few bytes; the bounds keep "a.a.a.a…" linear.
    let limit = (dot + 64).min(bytes.len());
    let mut labels = 0;
    while at < limit && bytes[at] == b'.' && labels < 5 {
        labels += 1;
        let label_start = at + 1;
        let mut label_end = label_start;
        while label_end < limit
            && (bytes[label_end].is_ascii_alphanumeric() || bytes[label_end] == b'-')
        {
            label_end += 1;
        }
        if label_end == label_start
            || bytes
                .get(label_end)
                .is_some_and(|&b| b >= 0x80 || b.is_ascii_alphanumeric())
        {
            break;
        }
        let label = &bytes[label_start..label_end];
        if DOMAIN_ENDINGS
            .iter()
            .any(|d| label.eq_ignore_ascii_case(d.as_bytes()))
        {
            found = Some(label_end);
        }
        at = label_end;
    }
    found
}

fn run_kind(run: &[u8]) -> TokenKind {
    if run.iter().all(u8::is_ascii_digit) {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// End of the run of ASCII letters and digits from `from`, and whether it holds only digits.
/// Eight bytes at a time: words are short, so this saves most of the per-byte branches.
#[inline(always)]
fn ascii_alnum_run(bytes: &[u8], from: usize) -> (usize, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit of each byte set when that byte (< 0x80) lies in lo..=hi.
    #[inline(always)]
    fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
        let at_least_lo = x.wrapping_add(ONES * u64::from(0x80 - lo));
        let above_hi = x.wrapping_add(ONES * u64::from(0x7F - hi));
        at_least_lo & !above_hi & HIGH
    }
    let mut letters = 0u64;
    // `chunks_exact`, not `bytes.get(j..j + 8)` a turn: that tested `j + 8` for overflow
    // besides the length (ten instructions a word, a tenth of the fast path's).
    let mut chunks = bytes[from..].chunks_exact(8);
    for (k, chunk) in (&mut chunks).enumerate() {
        let j = from + 8 * k;
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let ascii = !x & HIGH;
        let letter = in_range(x | (ONES * 0x20), b'a', b'z') & ascii;
        let digit = in_range(x, b'0', b'9') & ascii;
        let stop = !(letter | digit) & HIGH;
        if stop == 0 {
            letters |= letter;
            continue;
        }
        let n = stop.trailing_zeros() / 8;
        // Letters among the bytes before the stop.
        let before = (1u64 << (n * 8)).wrapping_sub(1);
        letters |= letter & before;
        return (j + n as usize, letters == 0);
    }
    let mut digits = letters == 0;
    let mut j = bytes.len() - chunks.remainder().len();
    while j < bytes.len() {
        let class = CLASS[bytes[j] as usize];
        if class > DIGIT {
            break;
        }
        digits &= class == DIGIT;
        j += 1;
    }
    (j, digits)
}

/// End of the run of word chars (letters, digits, combining marks) from `from`.
#[inline]
fn word_run(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match CLASS[b as usize] {
            LETTER | DIGIT => i += 1,
            HIGH => {
                let c = char_at(text, i);
                if !is_word_char(c) {
                    break;
                }
                i += c.len_utf8();
            }
            _ => break,
        }
    }
    i
}

/// Letters, digits and combining marks.
#[inline]
fn is_word_char(c: char) -> bool {
    // General punctuation (quote marks, dashes, ellipsis) is common in news: skip the tables.
    !('\u{2000}'..='\u{206F}').contains(&c) && (c.is_alphanumeric() || is_combining(c))
}

fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// White space, plus the invisible format characters scrapes leave in (zero-width space and
/// joiners, direction marks, word joiner, byte-order mark, a lone soft hyphen). These never
/// belong to a token, except a joiner inside an emoji sequence and a soft hyphen inside a word.
#[inline]
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}')
}

/// A token starting with an ASCII byte that is neither a letter, a digit nor a space.
fn scan_ascii_other(text: &str, i: usize, b: u8) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let next = bytes.get(i + 1).copied().unwrap_or(b' ');
    match b {
        b'"' | b'\'' | b'`' => (i + 1, TokenKind::QuoteMark(QuoteMarkRole::Unknown)),
        b'.' => (i + run_of(bytes, i, b'.'), TokenKind::Punct),
        b'-' | b'+' if next.is_ascii_digit() && starts_free(text, i) => {
            // A signed number: "-0,5", "+444".
            let end = number_end(bytes, i + 1);
            (end, TokenKind::Number)
        }
        b'-' if is_clitic_at(bytes, i + 1) => (i + 4, TokenKind::Word),
        b'-' => (i + run_of(bytes, i, b'-'), TokenKind::Punct),
        b'@' | b'#' => {
            let end = scan_while(text, i + 1, |c| is_word_char(c) || c == '_');
            if end > i + 1 {
                let kind = if b == b'@' {
                    TokenKind::Mention
                } else {
                    TokenKind::Hashtag
                };
                (end, kind)
            } else {
                (i + 1, TokenKind::Symbol)
            }
        }
        0x00..=0x1F | 0x7F => (i + 1, TokenKind::Symbol),
        _ => (i + 1, TokenKind::Punct),
    }
}

/// True when a clitic stands alone at `i`: "(kendaraan)-nya".
fn is_clitic_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i..i + 3).is_some_and(|c| {
        let lower = [c[0] | 0x20, c[1] | 0x20, c[2] | 0x20];
        CLITICS.contains(&&lower)
    }) && !bytes
        .get(i + 3)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
}

/// True when the byte before `i` is a space, an opening bracket, or the text's start.
fn starts_free(text: &str, i: usize) -> bool {
    match text[..i].chars().next_back() {
        None => true,
        Some(c) => is_separator(c) || matches!(c, '(' | '[' | '/'),
    }
}

/// End of the digits and `.`/`,` between digits from `i`.
fn number_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        if bytes[i].is_ascii_digit()
            || (matches!(bytes[i], b'.' | b',') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            i += 1;
        } else {
            break;
        }
    }
    i
}

fn run_of(bytes: &[u8], i: usize, b: u8) -> usize {
    bytes[i..].iter().take_while(|&&x| x == b).count()
}

/// A token starting with a non-ASCII char that is neither a word char nor a separator.
fn scan_unicode_other(text: &str, i: usize, c: char) -> (usize, TokenKind) {
    let end = i + c.len_utf8();
    match c {
        '“' | '”' | '„' | '‟' | '‘' | '’' | '‚' | '‛' | '«' | '»' | '‹' | '›' => {
            (end, TokenKind::QuoteMark(QuoteMarkRole::Unknown))
        }
        _ if is_unicode_punct(c) => (end, TokenKind::Punct),
        _ => (emoji_end(text, i, c), TokenKind::Symbol),
    }
}

/// Symbols and emoji: keeps variation selectors, skin tones, keycaps, tag sequences, joined
/// (ZWJ) sequences and flag pairs together.
fn emoji_end(text: &str, i: usize, c: char) -> usize {
    let mut end = i + c.len_utf8();
    let is_flag = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    if is_flag(c) {
        if let Some(n) = text[end..].chars().next().filter(|&n| is_flag(n)) {
            return end + n.len_utf8();
        }
    }
    while let Some(next) = text[end..].chars().next() {
        match next {
            '\u{FE0E}'
            | '\u{FE0F}'
            | '\u{20E3}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0020}'..='\u{E007F}' => {
                end += next.len_utf8();
            }
            '\u{200D}' => {
                end += next.len_utf8();
                if let Some(joined) = text[end..].chars().next() {
                    if !is_separator(joined) && !joined.is_ascii() {
                        end += joined.len_utf8();
                    }
                }
            }
            _ => break,
        }
    }
    end
}

/// Capital letters joined by dots (`M`, `A.M`) followed by a dot, a space and a capitalised
/// word: initials (`M. Nuh`, `A.M. Hendropriyono`).
fn is_initial(text: &str, start: usize, end: usize) -> bool {
    let word = &text.as_bytes()[start..end];
    let letters_and_dots = word.len() % 2 == 1
        && word.iter().enumerate().all(|(k, b)| {
            if k % 2 == 0 {
                b.is_ascii_uppercase()
            } else {
                *b == b'.'
            }
        });
    if !letters_and_dots {
        return false;
    }
    let rest = &text[end + 1..];
    let trimmed = rest.trim_start_matches(' ');
    trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(char::is_uppercase)
}

/// End of an e-mail address starting at `i`: local part, `@`, a domain with a dot.
fn email_end(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // Local parts have at most 64 bytes and domains 253: the bounds keep "a.a.a.a…" linear.
    let local_limit = (i + 65).min(bytes.len());
    memchr::memchr(b'@', &bytes[i..local_limit])?;
    let mut local = i;
    while local < local_limit
        && (bytes[local].is_ascii_alphanumeric()
            || matches!(bytes[local], b'.' | b'_' | b'-' | b'+'))
    {
        local += 1;
    }
    if bytes.get(local) != Some(&b'@') || local == i {
        return None;
    }
    let mut end = local + 1;
    let domain_limit = (end + 253).min(bytes.len());
    while end < domain_limit
        && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'.' | b'-'))
    {
        end += 1;
    }
    let domain = text[local + 1..end].trim_end_matches(['.', '-']);
    (domain.contains('.') && !domain.starts_with('.')).then(|| local + 1 + domain.len())
}

/// `http://…`, `https://…` or `www.…` up to white space, without trailing punctuation.
fn url_end(text: &str, i: usize) -> usize {
    let mut end = scan_while(text, i, |c| {
        !is_separator(c) && !matches!(c, '“' | '”' | '"' | '<' | '>' | '‘' | '’')
    });
    while end > i
        && matches!(
            text.as_bytes()[end - 1],
            b'.' | b',' | b')' | b';' | b':' | b'!' | b'?' | b'\''
        )
    {
        end -= 1;
    }
    end
}

fn scan_while(text: &str, from: usize, keep: impl Fn(char) -> bool) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if !keep(b as char) {
                break;
            }
            i += 1;
        } else {
            let c = char_at(text, i);
            if !keep(c) {
                break;
            }
            i += c.len_utf8();
        }
    }
    i
}

#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\u{FFFD}')
}

fn is_unicode_punct(c: char) -> bool {
    matches!(c,
        '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}')
}

/// Gives each quotation mark an opening or closing role. A mark with space (or an opening
/// bracket) before it and a word after it opens; a mark after a word or punctuation with space
/// or punctuation after it closes. When the context is silent, `“`/`‘` open and `”`/`’` close,
/// and a straight `"` takes the role its paragraph's open/closed state calls for. Kompas opens
/// quotes with `”`, so the glyph alone never decides when the context speaks.
#[derive(Default)]
struct QuoteRoles {
    /// Whether the paragraph's last double quotation mark opened.
    open: bool,
}

impl QuoteRoles {
    /// The kind of the quotation mark at `s..e`, the next in the text after those already
    /// given one.
    #[cold]
    fn mark(&mut self, text: &str, s: usize, e: usize) -> TokenKind {
        let before = text[..s].chars().next_back();
        if before.is_none_or(|c| c == '\n') {
            self.open = false;
        }
        let after = text[e..].chars().next();
        let space_before = before.is_none_or(|c| is_separator(c) || "([{—–-".contains(c));
        let space_after = after.is_none_or(|c| is_separator(c) || ".,;:!?)]}—–-…".contains(c));
        let mark = &text[s..e];
        let role = match (space_before, space_after) {
            (true, false) => QuoteMarkRole::Open,
            (false, true) => QuoteMarkRole::Close,
            _ => match mark {
                "“" | "‘" | "„" | "«" => QuoteMarkRole::Open,
                "”" | "’" | "»" => QuoteMarkRole::Close,
                "\"" if self.open => QuoteMarkRole::Close,
                "\"" => QuoteMarkRole::Open,
                _ => QuoteMarkRole::Unknown,
            },
        };
        if matches!(mark, "\"" | "“" | "”" | "„" | "«" | "»") {
            self.open = role == QuoteMarkRole::Open;
        }
        TokenKind::QuoteMark(role)
    }
}

/// Roles for quotation marks among given tokens (pre-tokenized input), where spacing says
/// nothing: every token is surrounded by spaces. The neighbouring tokens decide — a mark before
/// punctuation or at the end closes, after a colon or at the start opens, between a comma or full
/// stop and a lowercase word closes (`serius , ” kata`) — and otherwise the open/closed state of
/// the quotation so far does, so Kompas's `”` opens as often as it closes.
fn resolve_given_quote_roles(text: &str, tokens: &mut [Token]) {
    let mut open = false;
    for k in 0..tokens.len() {
        let TokenKind::QuoteMark(_) = tokens[k].kind else {
            continue;
        };
        let mark = &text[tokens[k].span.range()];
        let prev = k.checked_sub(1).map(|p| &text[tokens[p].span.range()]);
        let next = tokens.get(k + 1).map(|t| &text[t.span.range()]);
        let starts_lower = |s: &str| s.chars().next().is_some_and(char::is_lowercase);
        let is_terminal = |s: &str| matches!(s, "." | "," | "!" | "?" | "…" | "...");
        let role = match (prev, next) {
            _ if matches!(mark, "“" | "„" | "«") => QuoteMarkRole::Open,
            (_, None) => QuoteMarkRole::Close,
            (None, _) => QuoteMarkRole::Open,
            (_, Some("," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "…")) => {
                QuoteMarkRole::Close
            }
            (Some(":"), _) => QuoteMarkRole::Open,
            (Some(p), Some(n)) if is_terminal(p) && starts_lower(n) => QuoteMarkRole::Close,
            _ if open => QuoteMarkRole::Close,
            _ => QuoteMarkRole::Open,
        };
        if !matches!(mark, "‘" | "’" | "'" | "‚" | "‛" | "‹" | "›") {
            open = role == QuoteMarkRole::Open;
        }
        tokens[k].kind = TokenKind::QuoteMark(role);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        Tokenizer::default()
            .tokens(text)
            .iter()
            .map(|t| &text[t.span.range()])
            .collect()
    }

    fn kinds_of(text: &str) -> Vec<(&str, TokenKind)> {
        Tokenizer::default()
            .tokens(text)
            .iter()
            .map(|t| (&text[t.span.range()], t.kind))
            .collect()
    }

    /// Each sentence with the tokens it must give.
    #[test]
    fn words_and_affixes() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Anak-anak itu luka-luka setelah slogan-slogan anti-Rusia diteriakkan.",
                &[
                    "Anak-anak",
                    "itu",
                    "luka-luka",
                    "setelah",
                    "slogan-slogan",
                    "anti-Rusia",
                    "diteriakkan",
                    ".",
                ],
            ),
            (
                "Prancis akan bekerja sama dengan mitra-mitranya sejak 1990-an.",
                &[
                    "Prancis",
                    "akan",
                    "bekerja",
                    "sama",
                    "dengan",
                    "mitra-mitranya",
                    "sejak",
                    "1990-an",
                    ".",
                ],
            ),
            (
                "Ia menjadi juara ke-3 dan harus meng-input data Covid-19 serta SARS-CoV-2.",
                &[
                    "Ia",
                    "menjadi",
                    "juara",
                    "ke-3",
                    "dan",
                    "harus",
                    "meng-input",
                    "data",
                    "Covid-19",
                    "serta",
                    "SARS-CoV-2",
                    ".",
                ],
            ),
            (
                "Wakil Presiden Ma’ruf Amin salat Jum'at di masjid.",
                &[
                    "Wakil", "Presiden", "Ma’ruf", "Amin", "salat", "Jum'at", "di", "masjid", ".",
                ],
            ),
            (
                "Varian B.1.1.7 ditemukan, sesuai Peraturan OJK No.11 tahun ini.",
                &[
                    "Varian",
                    "B.1.1.7",
                    "ditemukan",
                    ",",
                    "sesuai",
                    "Peraturan",
                    "OJK",
                    "No.11",
                    "tahun",
                    "ini",
                    ".",
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text}");
        }
    }

    #[test]
    fn numbers_times_dates_money() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Sebanyak 120.000 penduduk mengungsi, 3,5 persen di antaranya anak.",
                &[
                    "Sebanyak",
                    "120.000",
                    "penduduk",
                    "mengungsi",
                    ",",
                    "3,5",
                    "persen",
                    "di",
                    "antaranya",
                    "anak",
                    ".",
                ],
            ),
            (
                "Jaksa menuntut uang pengganti Rp 3,5 juta dan denda Rp10.000,00.",
                &[
                    "Jaksa",
                    "menuntut",
                    "uang",
                    "pengganti",
                    "Rp",
                    "3,5",
                    "juta",
                    "dan",
                    "denda",
                    "Rp",
                    "10.000,00",
                    ".",
                ],
            ),
            (
                "Harganya Rp.15.000 per kilogram.",
                &["Harganya", "Rp.", "15.000", "per", "kilogram", "."],
            ),
            (
                "Inflasi naik 12,5% tahun ini.",
                &["Inflasi", "naik", "12,5", "%", "tahun", "ini", "."],
            ),
            (
                "Sidang dimulai pukul 08.37 WIT dan selesai 16.00 WIB.",
                &[
                    "Sidang", "dimulai", "pukul", "08.37", "WIT", "dan", "selesai", "16.00", "WIB",
                    ".",
                ],
            ),
            (
                "Rapat pukul 10:25 WIB.",
                &["Rapat", "pukul", "10:25", "WIB", "."],
            ),
            (
                "Kejadian itu pada Selasa (19/9/2023) dan Senin (13/04/2020).",
                &[
                    "Kejadian",
                    "itu",
                    "pada",
                    "Selasa",
                    "(",
                    "19/9/2023",
                    ")",
                    "dan",
                    "Senin",
                    "(",
                    "13/04/2020",
                    ")",
                    ".",
                ],
            ),
            (
                "Data per 2022-02-19 menunjukkan kenaikan.",
                &["Data", "per", "2022-02-19", "menunjukkan", "kenaikan", "."],
            ),
            (
                "Operasi pada 20-31 Januari, pukul 08.30-15.00, tarif Rp 7.500-Rp 10.000.",
                &[
                    "Operasi", "pada", "20", "-", "31", "Januari", ",", "pukul", "08.30", "-",
                    "15.00", ",", "tarif", "Rp", "7.500", "-", "Rp", "10.000", ".",
                ],
            ),
            (
                "Suhu turun -0,5 derajat di ketinggian +444 meter.",
                &[
                    "Suhu",
                    "turun",
                    "-0,5",
                    "derajat",
                    "di",
                    "ketinggian",
                    "+444",
                    "meter",
                    ".",
                ],
            ),
            (
                "Telegram Nomor ST/1130/IV/2020 terbit.",
                &[
                    "Telegram", "Nomor", "ST/1130", "/", "IV/2020", "terbit", ".",
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text}");
        }
        let k = kinds_of("Rp 3,5 juta pada 19/9/2023 pukul 16.00 dan 2022-02-19 lalu 1990-an");
        let numbers: Vec<&str> = k
            .iter()
            .filter(|(_, k)| *k == TokenKind::Number)
            .map(|(w, _)| *w)
            .collect();
        assert_eq!(numbers, ["3,5", "19/9/2023", "16.00", "2022-02-19"]);
    }

    /// A word before a comma, a bracket, `;`, `?`, `!`, `"` or a full stop and a space ends
    /// at its letters without `scan_word`, and ends where `scan_word` ended it: numbers keep
    /// a comma between digits, abbreviations and initials their full stop, and `www` is a URL.
    #[test]
    fn words_before_punctuation_end_where_scan_word_ends_them() {
        let text = "Budi, Sari) kata; benar? ya! \"oke\" 3,5 2023, 12. dll. M. Nuh Dr. \
                    (Adi] www. sana. selesai.";
        let tokens: Vec<(&str, TokenKind)> = Tokenizer::default()
            .tokens(text)
            .iter()
            .map(|t| (&text[t.span.range()], t.kind))
            .collect();
        let texts: Vec<&str> = tokens.iter().map(|t| t.0).collect();
        assert_eq!(
            texts,
            [
                "Budi", ",", "Sari", ")", "kata", ";", "benar", "?", "ya", "!", "\"", "oke", "\"",
                "3,5", "2023", ",", "12", ".", "dll.", "M.", "Nuh", "Dr.", "(", "Adi", "]", "www",
                ".", "sana", ".", "selesai", "."
            ]
        );
        let kind = |s: &str| tokens.iter().find(|t| t.0 == s).map(|t| t.1);
        assert_eq!(kind("3,5"), Some(TokenKind::Number));
        assert_eq!(kind("2023"), Some(TokenKind::Number));
        assert_eq!(kind("12"), Some(TokenKind::Number));
        assert_eq!(kind("www"), Some(TokenKind::Url));
    }

    #[test]
    fn abbreviations_keep_their_dot() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Dr. Hendra Wijaya, S.H., M.H. hadir bersama Prof. Ir. H. Budi, M.Si.",
                &[
                    "Dr.", "Hendra", "Wijaya", ",", "S.H.", ",", "M.H.", "hadir", "bersama",
                    "Prof.", "Ir.", "H.", "Budi", ",", "M.Si.",
                ],
            ),
            (
                "Pasien dirawat dr. Siti, S.Kom. dan Hj. Aminah dkk. di Jl. Sudirman No. 5.",
                &[
                    "Pasien", "dirawat", "dr.", "Siti", ",", "S.Kom.", "dan", "Hj.", "Aminah",
                    "dkk.", "di", "Jl.", "Sudirman", "No.", "5", ".",
                ],
            ),
            (
                "Warga Kel. Cempaka, Kec. Kenari, Kab. Bogor membawa buku, pena, dll. ke sana.",
                &[
                    "Warga", "Kel.", "Cempaka", ",", "Kec.", "Kenari", ",", "Kab.", "Bogor",
                    "membawa", "buku", ",", "pena", ",", "dll.", "ke", "sana", ".",
                ],
            ),
            (
                "Saham PT Bank Rakyat Tbk. naik, transfer a.n. Budi s.d. Senin, dsb.",
                &[
                    "Saham", "PT", "Bank", "Rakyat", "Tbk.", "naik", ",", "transfer", "a.n.",
                    "Budi", "s.d.", "Senin", ",", "dsb.",
                ],
            ),
            (
                "Plt. Direktur PT Maju, K.H. Abd. Rahman, dan A.M. Hendropriyono tiba.",
                &[
                    "Plt.",
                    "Direktur",
                    "PT",
                    "Maju",
                    ",",
                    "K.H.",
                    "Abd.",
                    "Rahman",
                    ",",
                    "dan",
                    "A.M.",
                    "Hendropriyono",
                    "tiba",
                    ".",
                ],
            ),
            (
                "Mendikbud M. Nuh datang ke Jl.Sudirman kemarin.",
                &[
                    "Mendikbud",
                    "M.",
                    "Nuh",
                    "datang",
                    "ke",
                    "Jl.",
                    "Sudirman",
                    "kemarin",
                    ".",
                ],
            ),
            (
                "Itu salah kelalaian.Menurut dia, tidak.",
                &[
                    "Itu",
                    "salah",
                    "kelalaian",
                    ".",
                    "Menurut",
                    "dia",
                    ",",
                    "tidak",
                    ".",
                ],
            ),
            (
                "Hal itu, kata dia, benar. Dia pergi.",
                &[
                    "Hal", "itu", ",", "kata", "dia", ",", "benar", ".", "Dia", "pergi", ".",
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text}");
        }
        let custom = Tokenizer::with_abbreviations(["Kompol", "Bhr."]);
        let text = "Kompol. Andi dan Bhr. Budi";
        let got: Vec<&str> = custom
            .tokens(text)
            .iter()
            .map(|t| &text[t.span.range()])
            .collect();
        assert_eq!(got, ["Kompol.", "Andi", "dan", "Bhr.", "Budi"]);
    }

    #[test]
    fn web_things() {
        let cases: &[(&str, &[(&str, TokenKind)])] = &[
            (
                "Dikutip dari Tribunnews.com dan Kompas.id, juga regional.kompas.com.",
                &[
                    ("Dikutip", TokenKind::Word),
                    ("dari", TokenKind::Word),
                    ("Tribunnews.com", TokenKind::Url),
                    ("dan", TokenKind::Word),
                    ("Kompas.id", TokenKind::Url),
                    (",", TokenKind::Punct),
                    ("juga", TokenKind::Word),
                    ("regional.kompas.com", TokenKind::Url),
                    (".", TokenKind::Punct),
                ],
            ),
            (
                "Lihat https://www.kompas.com/read/2023/09/19/a?b=1. Atau www.detik.com.",
                &[
                    ("Lihat", TokenKind::Word),
                    (
                        "https://www.kompas.com/read/2023/09/19/a?b=1",
                        TokenKind::Url,
                    ),
                    (".", TokenKind::Punct),
                    ("Atau", TokenKind::Word),
                    ("www.detik.com", TokenKind::Url),
                    (".", TokenKind::Punct),
                ],
            ),
            (
                "Kirim ke redaksi.kutip@kompas.co.id, @jokowi atau #Pemilu2024!",
                &[
                    ("Kirim", TokenKind::Word),
                    ("ke", TokenKind::Word),
                    ("redaksi.kutip@kompas.co.id", TokenKind::Email),
                    (",", TokenKind::Punct),
                    ("@jokowi", TokenKind::Mention),
                    ("atau", TokenKind::Word),
                    ("#Pemilu2024", TokenKind::Hashtag),
                    ("!", TokenKind::Punct),
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(kinds_of(text), *want, "{text}");
        }
    }

    #[test]
    fn dashes_ellipses_emoji() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Ia menunggu... lalu pergi…",
                &["Ia", "menunggu", "...", "lalu", "pergi", "…"],
            ),
            (
                "Jakarta—ibu kota—macet -- lagi",
                &["Jakarta", "—", "ibu", "kota", "—", "macet", "--", "lagi"],
            ),
            (
                "Selamat 🇮🇩 👍🏽 👨‍👩‍👧 ❤️!",
                &["Selamat", "🇮🇩", "👍🏽", "👨‍👩‍👧", "❤️", "!"],
            ),
            ("a\u{200B}b\u{FEFF}c\u{a0}d", &["a", "b", "c", "d"]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text:?}");
        }
    }

    #[test]
    fn clitics_are_exposed() {
        let text = "Katanya hanya ujarnya setelah apakah adalah meskipun mitra-mitranya swab-nya Abdullah inilah langkah punya bukankah";
        let toks = Tokenizer::default().tokens(text);
        let got: Vec<(&str, &str)> = toks
            .iter()
            .map(|t| {
                (
                    &text[t.stem().range()],
                    t.clitic().map_or("", |c| &text[c.range()]),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Kata", "nya"),
                ("hanya", ""),
                ("ujar", "nya"),
                ("setelah", ""),
                ("apa", "kah"),
                ("adalah", ""),
                ("meskipun", ""),
                ("mitra-mitra", "nya"),
                ("swab", "-nya"),
                ("Abdullah", ""),
                ("ini", "lah"),
                ("langkah", ""),
                ("punya", ""),
                ("bukan", "kah"),
            ]
        );
        let custom = Tokenizer::default().with_clitic_exceptions(["Fadlah", "INILAH"]);
        assert_eq!(custom.tokens("inilah")[0].suffix, 0);
    }

    #[test]
    fn given_tokens_keep_their_bounds_and_get_kinds() {
        let text = "” Kami siap , ” katanya. guru. 19/9/2023 Tribunnews.com";
        let mut tokens: Vec<Token> = Vec::new();
        let mut at = 0;
        for w in text.split(' ') {
            tokens.push(Token::new(Span::new(at, at + w.len()), TokenKind::Word));
            at += w.len() + 1;
        }
        let before: Vec<Span> = tokens.iter().map(|t| t.span).collect();
        Tokenizer::default().classify_given(text, &mut tokens);
        assert_eq!(tokens.iter().map(|t| t.span).collect::<Vec<_>>(), before);
        let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind).collect();
        use QuoteMarkRole::{Close, Open};
        assert_eq!(
            kinds,
            [
                TokenKind::QuoteMark(Open),
                TokenKind::Word,
                TokenKind::Word,
                TokenKind::Punct,
                TokenKind::QuoteMark(Close),
                TokenKind::Word,
                TokenKind::Word,
                TokenKind::Number,
                TokenKind::Url,
            ]
        );
        assert_eq!(&text[tokens[5].stem().range()], "kata");
        assert_eq!(tokens[6].suffix, 0);
    }

    fn roles(text: &str) -> Vec<QuoteMarkRole> {
        Tokenizer::default()
            .tokens(text)
            .iter()
            .filter_map(|t| match t.kind {
                TokenKind::QuoteMark(r) => Some(r),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn quote_mark_roles() {
        use QuoteMarkRole::{Close, Open};
        let cases: &[(&str, &[QuoteMarkRole])] = &[
            (
                "Ia meminta bantuan. ”Saya minta,” kata Presiden.",
                &[Open, Close],
            ),
            ("”Kami siap.” Ia lalu pergi.", &[Open, Close]),
            ("“Situasi serius,” kata Vardanyan.", &[Open, Close]),
            (
                "\"Kami menolak,\" ujar dia. \"Itu final.\"",
                &[Open, Close, Open, Close],
            ),
            ("Ia menyebutnya ‘pahlawan’ kemarin.", &[Open, Close]),
            ("Ia berkata \" tidak \" lagi", &[Open, Close]),
        ];
        for (text, want) in cases {
            assert_eq!(roles(text), *want, "{text}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let long = "x".repeat(1 << 20);
        let dots = ".".repeat(10_000);
        for text in [
            "",
            " ",
            "\u{0}\u{1}",
            "....",
            "-",
            "a-",
            "1.",
            "1,",
            "@",
            "'",
            "x.",
            "é.",
            "1/",
            "“",
            "\r\n",
            "Rp",
            "Rp.",
            "2022-02-",
            "2022-02-1x",
            "a@",
            "a@b.",
            "http://",
            "www.",
            "S.H",
            "-1",
            "+",
            "a.com.",
            "1.a",
            "a’",
            "a\u{ad}",
            "a\u{ad}b",
            "🇮",
            "\u{200D}",
            "👨\u{200D}",
            "e\u{301}",
            "\u{301}",
            long.as_str(),
            dots.as_str(),
        ] {
            let toks = Tokenizer::default().tokens(text);
            let mut last = 0;
            for t in toks {
                let (s, e) = (t.span.start as usize, t.span.end as usize);
                assert!(
                    s >= last && e > s && text.is_char_boundary(s) && text.is_char_boundary(e),
                    "{text:?}"
                );
                last = e;
            }
        }
    }
}
