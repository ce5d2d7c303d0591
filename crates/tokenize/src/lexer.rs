//! The token scanner.

use kutip_core::{QuoteMarkRole, Span, Token, TokenKind};
use std::collections::HashSet;

/// Abbreviations that end in a dot and must not end a sentence. Case matters: `H.` (Haji) is an
/// abbreviation, `h.` is not. Users extend the list from the pipeline (`abbreviations = [...]`).
pub const ABBREVIATIONS: &[&str] = &[
    // titles, honorifics, ranks
    "Dr.", "dr.", "Drs.", "Dra.", "Ir.", "H.", "Hj.", "Prof.", "Tn.", "Ny.", "Nn.", "Sdr.", "Sdri.",
    "Bpk.", "Kol.", "Jend.", "Letjen.", "Mayjen.", "Brigjen.", "Kapt.", "Lettu.", "St.", "Mr.",
    "Mrs.", "Ms.", "KH.", "Hon.", "Rev.", "drg.", "Pdt.", // degrees
    "S.H.", "M.H.", "S.E.", "M.M.", "M.Si.", "S.Si.", "S.Kom.", "M.Kom.", "S.Pd.", "M.Pd.", "S.T.",
    "M.T.", "S.Sos.", "M.Sc.", "B.Sc.", "Ph.D.", "MBA.", "S.Ag.", "M.Ag.", "Lc.", "S.Ked.", "Sp.",
    "S.IP.", "M.A.", "S.S.", "S.Psi.", "M.Psi.", "S.Kep.", "Amd.",
    // common abbreviations
    "dll.", "dsb.", "dkk.", "dst.", "tsb.", "yth.", "Yth.", "No.", "no.", "Jl.", "Jln.", "Kab.",
    "Kec.", "Kel.", "Kota.", "Prov.", "Tbk.", "a.n.", "s.d.", "u.p.", "d.a.", "tgl.", "Tgl.",
    "hlm.", "Hlm.", "vol.", "Vol.", "kg.", "Rp.", "Co.", "Inc.", "Ltd.", "Corp.", "vs.", "etc.",
    "Gg.", "RT.", "RW.", "Ds.", "Dk.", "Ket.", "Pol.", "Sat.",
];

/// Top-level domains that make `word.tld` a domain name rather than two words and a full stop.
const DOMAIN_ENDINGS: &[&str] = &[
    "com", "id", "co", "net", "org", "go", "ac", "or", "sch", "my", "sg", "io", "tv", "info",
    "news", "uk", "au", "us", "gov", "edu", "biz", "me", "app", "ai",
];

/// Clitic suffixes, longest first.
const CLITICS: &[&str] = &["nya", "lah", "kah", "pun"];

/// Words that end in a clitic's letters without carrying the clitic.
const NOT_CLITIC: &[&str] = &[
    "hanya",
    "punya",
    "tanya",
    "bertanya",
    "menanya",
    "ditanya",
    "kenya",
    "nyanya",
    "bunya",
    "telah",
    "salah",
    "kalah",
    "masalah",
    "sekolah",
    "jumlah",
    "allah",
    "istilah",
    "olah",
    "mengolah",
    "diolah",
    "bersalah",
    "belah",
    "sebelah",
    "terbelah",
    "lelah",
    "kelah",
    "pulah",
    "tengadah",
    "langkah",
    "nikah",
    "menikah",
    "sedekah",
    "ampun",
    "embun",
    "rimbun",
    "kebun",
    "himpun",
    "menghimpun",
    "terhimpun",
    "tekun",
    "abdullah",
    "sholah",
    "ibadah",
    "galah",
    "halah",
    "wilayah",
    "dakwah",
    "dokumen",
    "lumpun",
    "berkebun",
    "perkebunan",
    "sembah",
    "tanah",
    "entah",
    "nanah",
    "sudah",
    "indah",
    "pindah",
    "ubah",
    "ibadah",
    "tambah",
    "bawah",
    "sawah",
    "rumah",
    "kasih",
    "pilah",
    "mapun",
    "kapun",
    "sapun",
    "rampun",
    "mushollah",
];

/// Scans text into tokens. Build it once and share it; scanning does not allocate per token.
#[derive(Debug, Clone)]
pub struct Tokenizer {
    abbreviations: HashSet<Box<str>>,
    /// The longest abbreviation, in bytes, to bound look-ahead.
    longest_abbreviation: usize,
    not_clitic: HashSet<&'static str>,
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
            not_clitic: NOT_CLITIC.iter().copied().collect(),
        }
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
        let first = out.len();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let c = if b < 0x80 {
                b as char
            } else {
                char_at(text, i)
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            let (end, kind) = self.scan(text, i, c);
            debug_assert!(end > i && text.is_char_boundary(end));
            let mut token = Token::new(Span::new(i, end), kind);
            if kind == TokenKind::Word {
                token.suffix = self.clitic_len(&text[i..end]);
            }
            out.push(token);
            i = end;
        }
        resolve_quote_roles(text, &mut out[first..]);
    }

    /// Learns the kinds of tokens that were given (pre-tokenized input) without moving them.
    pub fn classify_given(&self, text: &str, tokens: &mut [Token]) {
        for t in tokens.iter_mut() {
            let s = &text[t.span.range()];
            let Some(c) = s.chars().next() else { continue };
            let (end, kind) = self.scan(s, 0, c);
            t.kind = if end == s.len() {
                kind
            } else if c.is_alphanumeric() {
                TokenKind::Word
            } else {
                kind
            };
            t.suffix = if t.kind == TokenKind::Word {
                self.clitic_len(s)
            } else {
                0
            };
        }
        resolve_quote_roles(text, tokens);
    }

    /// Scans one token starting at `i` (a non-space char `c`); returns its end and kind.
    fn scan(&self, text: &str, i: usize, c: char) -> (usize, TokenKind) {
        let bytes = text.as_bytes();
        if c.is_alphanumeric() {
            if let Some(end) = url_at(text, i) {
                return (end, TokenKind::Url);
            }
            return self.scan_word(text, i);
        }
        match c {
            '@' | '#' => {
                let end = scan_while(text, i + 1, |ch| ch.is_alphanumeric() || ch == '_');
                if end > i + 1 {
                    let kind = if c == '@' {
                        TokenKind::Mention
                    } else {
                        TokenKind::Hashtag
                    };
                    return (end, kind);
                }
                (i + 1, TokenKind::Symbol)
            }
            '"' | '“' | '”' | '„' | '‘' | '’' | '\'' | '«' | '»' | '‹' | '›' | '`' => {
                (
                    i + c.len_utf8(),
                    TokenKind::QuoteMark(QuoteMarkRole::Unknown),
                )
            }
            '.' => {
                // "..." is one token.
                let end = i + bytes[i..].iter().take_while(|&&b| b == b'.').count();
                (end, TokenKind::Punct)
            }
            '-' => {
                let end = i + bytes[i..].iter().take_while(|&&b| b == b'-').count();
                (end, TokenKind::Punct)
            }
            _ if c.is_ascii_punctuation() || is_unicode_punct(c) => {
                (i + c.len_utf8(), TokenKind::Punct)
            }
            _ => {
                // Symbols and emoji: keep a following variation selector or joiner sequence.
                let mut end = i + c.len_utf8();
                while let Some(next) = text[end..].chars().next() {
                    if next == '\u{FE0F}'
                        || next == '\u{200D}'
                        || ('\u{1F3FB}'..='\u{1F3FF}').contains(&next)
                    {
                        end += next.len_utf8();
                        if next == '\u{200D}' {
                            if let Some(joined) = text[end..].chars().next() {
                                if !joined.is_whitespace() {
                                    end += joined.len_utf8();
                                }
                            }
                        }
                    } else {
                        break;
                    }
                }
                (end, TokenKind::Symbol)
            }
        }
    }

    /// A word or number: letters and digits, joined by `-` (reduplication, `ke-3`), by `.`, `,`
    /// or `/` between digits (`120.000`, `3,5`, `19/9/2023`), by `.` before a domain ending
    /// (`Tribunnews.com`), and by an apostrophe between letters (`Jum'at`). A following dot that
    /// belongs to a known abbreviation, or to an initial (`M. Nuh`), is kept.
    fn scan_word(&self, text: &str, start: usize) -> (usize, TokenKind) {
        let bytes = text.as_bytes();
        // "Rp10.000,00": the currency is its own token.
        if bytes[start..].starts_with(b"Rp") && bytes.get(start + 2).is_some_and(u8::is_ascii_digit)
        {
            return (start + 2, TokenKind::Word);
        }
        let mut end = scan_while(text, start, char::is_alphanumeric);
        let mut domain = false;
        while let Some(&sep) = bytes.get(end) {
            if !matches!(sep, b'-' | b'.' | b',' | b':' | b'/' | b'\'') {
                break;
            }
            let prev_digit = bytes[end - 1].is_ascii_digit();
            let next = text[end + 1..].chars().next();
            let next_alnum = next.is_some_and(char::is_alphanumeric);
            let next_digit = next.is_some_and(|c| c.is_ascii_digit());
            let joins = match sep {
                b'-' => next_alnum,
                b'.' | b',' | b':' => {
                    (prev_digit && next_digit)
                        || (sep == b'.' && next_alnum && {
                            let part_end = scan_while(text, end + 1, char::is_alphanumeric);
                            let part = &text[end + 1..part_end];
                            let is_domain =
                                DOMAIN_ENDINGS.iter().any(|d| part.eq_ignore_ascii_case(d));
                            domain |= is_domain;
                            is_domain || domain
                        })
                }
                b'/' => prev_digit && next_digit,
                b'\'' => {
                    !prev_digit
                        && next.is_some_and(char::is_alphabetic)
                        && bytes[end - 1].is_ascii_alphabetic()
                }
                _ => false,
            };
            if !joins {
                break;
            }
            end = scan_while(text, end + 1, char::is_alphanumeric);
        }
        let word = &text[start..end];
        let kind = if domain {
            TokenKind::Url
        } else if word
            .bytes()
            .all(|b| b.is_ascii_digit() || b".,/:".contains(&b))
        {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        if kind == TokenKind::Word && bytes.get(end) == Some(&b'.') {
            if let Some(abbr_end) = self.abbreviation_end(text, start) {
                return (abbr_end, kind);
            }
            if is_initial(text, start, end) {
                return (end + 1, kind);
            }
        }
        (end, kind)
    }

    /// End of the longest known abbreviation starting at `start` (`S.H.`, `dll.`), if any.
    fn abbreviation_end(&self, text: &str, start: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let limit = (start + self.longest_abbreviation).min(bytes.len());
        let mut best = None;
        for (j, &b) in bytes.iter().enumerate().take(limit).skip(start) {
            if b == b'.' {
                let candidate = &text[start..=j];
                let after = text[j + 1..].chars().next();
                if self.abbreviations.contains(candidate)
                    && !after.is_some_and(char::is_alphanumeric)
                {
                    best = Some(j + 1);
                }
            } else if !(b.is_ascii_alphanumeric()) {
                break;
            }
        }
        best
    }

    fn clitic_len(&self, word: &str) -> u8 {
        if word.len() < 6 || word.contains('-') {
            return 0;
        }
        let tail = &word.as_bytes()[word.len() - 3..];
        for clitic in CLITICS {
            if tail.eq_ignore_ascii_case(clitic.as_bytes()) {
                let lower = word.to_ascii_lowercase();
                if self.not_clitic.contains(lower.as_str()) {
                    return 0;
                }
                return 3;
            }
        }
        0
    }
}

/// A single capital letter followed by a dot, a space and a capitalised word: an initial.
fn is_initial(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    let mut chars = word.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    if !c.is_uppercase() {
        return false;
    }
    let rest = &text[end + 1..];
    let trimmed = rest.trim_start_matches(' ');
    trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(char::is_uppercase)
}

/// `http://…`, `https://…` or `www.…` up to white space, without trailing punctuation.
fn url_at(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let lower_prefix = |p: &str| {
        rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    if !(lower_prefix("http://") || lower_prefix("https://") || lower_prefix("www.")) {
        // e-mail: letters, digits, ., _, - then @ then a domain.
        let local = scan_while(text, i, |c| {
            c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')
        });
        if text.as_bytes().get(local) == Some(&b'@') {
            let domain_end = scan_while(text, local + 1, |c| {
                c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
            });
            let domain = text[local + 1..domain_end].trim_end_matches('.');
            if domain.contains('.') {
                return Some(local + 1 + domain.len());
            }
        }
        return None;
    }
    let mut end = scan_while(text, i, |c| {
        !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '<' | '>')
    });
    while end > i
        && matches!(
            text.as_bytes()[end - 1],
            b'.' | b',' | b')' | b';' | b':' | b'!' | b'?' | b'\''
        )
    {
        end -= 1;
    }
    Some(end)
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
    matches!(
        c,
        '—' | '–'
            | '‒'
            | '…'
            | '•'
            | '·'
            | '«'
            | '»'
            | '¿'
            | '¡'
            | '§'
            | '¶'
            | '†'
            | '‡'
            | '‰'
            | '′'
            | '″'
            | '、'
            | '。'
            | '（'
            | '）'
            | '：'
            | '，'
    )
}

/// Gives each quotation mark an opening or closing role. A mark with space (or an opening
/// bracket) before it and a word after it opens; a mark after a word or punctuation with space
/// or punctuation after it closes. `“`/`‘` default to opening and `”`/`’` to closing only when
/// the context is silent, because Kompas opens quotes with `”`.
fn resolve_quote_roles(text: &str, tokens: &mut [Token]) {
    for t in tokens.iter_mut() {
        let TokenKind::QuoteMark(_) = t.kind else {
            continue;
        };
        let (s, e) = (t.span.start as usize, t.span.end as usize);
        let before = text[..s].chars().next_back();
        let after = text[e..].chars().next();
        let space_before = before.is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c));
        let space_after = after.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–-…".contains(c));
        let role = match (space_before, space_after) {
            (true, false) => QuoteMarkRole::Open,
            (false, true) => QuoteMarkRole::Close,
            _ => match &text[s..e] {
                "“" | "‘" | "„" | "«" => QuoteMarkRole::Open,
                "”" | "’" | "»" => QuoteMarkRole::Close,
                _ => QuoteMarkRole::Unknown,
            },
        };
        t.kind = TokenKind::QuoteMark(role);
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

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "anak-anak itu luka-luka",
                &["anak-anak", "itu", "luka-luka"],
            ),
            ("tahun 1990-an ke-3", &["tahun", "1990-an", "ke-3"]),
            (
                "Rp 3,5 juta dan 120.000 orang",
                &["Rp", "3,5", "juta", "dan", "120.000", "orang"],
            ),
            (
                "Selasa (19/9/2023).",
                &["Selasa", "(", "19/9/2023", ")", "."],
            ),
            ("pukul 16.00 WIB", &["pukul", "16.00", "WIB"]),
            ("naik 12,5%", &["naik", "12,5", "%"]),
            ("denda Rp10.000,00.", &["denda", "Rp", "10.000,00", "."]),
            (
                "Dr. Budi, S.H., M.Si. datang",
                &["Dr.", "Budi", ",", "S.H.", ",", "M.Si.", "datang"],
            ),
            (
                "buku, pena, dll. dibawa",
                &["buku", ",", "pena", ",", "dll.", "dibawa"],
            ),
            ("kata M. Nuh", &["kata", "M.", "Nuh"]),
            (
                "dikutip Tribunnews.com dan Kompas.id",
                &["dikutip", "Tribunnews.com", "dan", "Kompas.id"],
            ),
            (
                "kelalaian.Menurut dia",
                &["kelalaian", ".", "Menurut", "dia"],
            ),
            (
                "lihat https://x.co/a?b=1.",
                &["lihat", "https://x.co/a?b=1", "."],
            ),
            ("surel a.b@kutip.id ya", &["surel", "a.b@kutip.id", "ya"]),
            ("@jokowi #Pemilu2024", &["@jokowi", "#Pemilu2024"]),
            ("“Ya,” katanya…", &["“", "Ya", ",", "”", "katanya", "…"]),
            ("Jum'at pagi", &["Jum'at", "pagi"]),
            ("tunggu...", &["tunggu", "..."]),
            ("🇮🇩 👍🏽", &["🇮", "🇩", "👍🏽"]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text}");
        }
    }

    #[test]
    fn clitics_are_exposed() {
        let text = "katanya hanya ujarnya telah apakah";
        let toks = Tokenizer::default().tokens(text);
        let suffixes: Vec<u8> = toks.iter().map(|t| t.suffix).collect();
        assert_eq!(suffixes, [3, 0, 3, 0, 3]);
        assert_eq!(&text[toks[0].stem().range()], "kata");
    }

    #[test]
    fn kompas_opening_mark() {
        let text = "bantuan. ”Saya minta,” kata Presiden.";
        let toks = Tokenizer::default().tokens(text);
        let roles: Vec<QuoteMarkRole> = toks
            .iter()
            .filter_map(|t| match t.kind {
                TokenKind::QuoteMark(r) => Some(r),
                _ => None,
            })
            .collect();
        assert_eq!(roles, [QuoteMarkRole::Open, QuoteMarkRole::Close]);
    }

    #[test]
    fn never_panics_on_odd_input() {
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
        ] {
            let toks = Tokenizer::default().tokens(text);
            for t in toks {
                assert!(
                    text.is_char_boundary(t.span.start as usize)
                        && text.is_char_boundary(t.span.end as usize)
                );
            }
        }
    }
}
