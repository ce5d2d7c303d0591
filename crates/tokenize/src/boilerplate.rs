//! Marks boilerplate — related-article links, datelines, bylines, credits, timestamps and
//! subheadings — as spans with a kind. Nothing is deleted: later stages skip these spans, and the
//! dateline's place and outlet and the byline's author and editor go into the document's metadata.

use kutip_core::{Boilerplate, BoilerplateKind, Document, Layers, Span};
use serde_json::Value;

/// Line openings that announce a link to another article. Followed by a colon ("Baca:",
/// "Baca Juga :"), or, for openings of two or more words, by the title itself.
pub const RELATED_LINK_PREFIXES: &[&str] = &[
    "Baca juga",
    "Baca",
    "Simak juga",
    "Lihat juga",
    "Tonton juga",
    "Artikel terkait",
    "Berita terkait",
    "Baca selengkapnya",
    "Simak selengkapnya",
    "Saksikan juga",
];

/// Line openings of a credit ("Laporan Wartawan Tribunnews.com, Tiara Shelavie"). When a comma
/// follows, the words before it are the outlet and those after it the author.
pub const CREDIT_PREFIXES: &[&str] = &[
    "Laporan Wartawan",
    "Laporan Reporter",
    "Laporan Koresponden",
    "Laporan Kontributor",
    "Artikel ini telah tayang",
    "Artikel ini sudah tayang",
    "Artikel ini telah terbit",
];

/// Outlet names (lowercase, matched at the start of a name) that make "(Outlet, Name)" a byline
/// and "PLACE, Outlet -" a dateline. Names ending in `.com`, `.id` or `.co.id` always count.
pub const OUTLETS: &[&str] = &[
    "kompas",
    "tribun",
    "antara",
    "detik",
    "liputan6",
    "tempo",
    "cnn",
    "reuters",
    "afp",
    "ap",
    "okezone",
    "suara",
    "merdeka",
    "republika",
    "jawapos",
    "viva",
    "sindonews",
    "inews",
    "kumparan",
    "idn times",
    "bisnis",
    "kontan",
    "cnbc",
    "beritasatu",
    "media indonesia",
];

/// Field labels of "Penulis: … | Editor: …" lines and the metadata key each fills.
const BYLINE_LABELS: &[(&str, &str)] = &[
    ("penulis", "author"),
    ("reporter", "author"),
    ("wartawan", "author"),
    ("pewarta", "author"),
    ("kontributor", "author"),
    ("editor", "editor"),
    ("penyunting", "editor"),
    ("sumber", "source"),
];

/// Which lines are boilerplate. The built-in lists plus whatever the pipeline adds.
#[derive(Clone, Debug)]
pub struct BoilerplateRules {
    related_link_prefixes: Openings,
    credit_prefixes: Openings,
    outlets: Vec<String>,
}

/// A line opening ("baca juga"), split into its lowercase words once so that matching it against
/// every line splits nothing.
#[derive(Clone, Debug)]
struct Opening {
    words: Vec<String>,
}

impl Opening {
    fn new(normalised: &str) -> Opening {
        Opening {
            words: normalised.split(' ').map(str::to_string).collect(),
        }
    }

    fn has_several_words(&self) -> bool {
        self.words.len() > 1
    }

    /// False only when text whose first byte is `first` cannot begin with this opening: an
    /// ASCII byte must be the opening's first letter in either case (`same_lowercase` of an
    /// ASCII character is that character lower-cased); a non-ASCII one may lower-case to
    /// anything, and an empty opening begins any text.
    #[inline]
    fn may_start(&self, first: u8) -> bool {
        match self.words[0].as_bytes().first() {
            Some(&b) => !first.is_ascii() || b.eq_ignore_ascii_case(&first),
            None => true,
        }
    }
}

/// Openings of one kind, with the bytes a line must start with to begin any of them: most lines
/// are rejected on their first byte without comparing a single opening.
#[derive(Clone, Debug)]
struct Openings {
    list: Vec<Opening>,
    first_bytes: [bool; 256],
}

impl Openings {
    fn new(normalised: &[String]) -> Openings {
        let mut first_bytes = [false; 256];
        // A non-ASCII character may lowercase to anything, so a non-ASCII first byte always
        // gets the full comparison.
        first_bytes[0x80..].fill(true);
        for opening in normalised {
            if let Some(&b) = opening.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        Openings {
            list: normalised.iter().map(|p| Opening::new(p)).collect(),
            first_bytes,
        }
    }

    /// False when no opening can start `text`; true means compare them.
    fn could_start(&self, text: &str) -> bool {
        text.as_bytes()
            .first()
            .is_some_and(|&b| self.first_bytes[usize::from(b.to_ascii_lowercase())])
    }

    /// The openings that can start `text`, in order: once `could_start` lets a line through,
    /// only the openings with its first letter are compared (every one was: 80,891 comparisons
    /// over 450 news documents, most of them with openings of another letter).
    fn starting(&self, text: &str) -> impl Iterator<Item = &Opening> {
        let first = text.as_bytes().first().copied().unwrap_or(0);
        self.list.iter().filter(move |o| o.may_start(first))
    }
}

impl Default for BoilerplateRules {
    fn default() -> Self {
        BoilerplateRules::new(&[], &[], &[])
    }
}

impl BoilerplateRules {
    /// The built-in rules plus extra related-link openings, credit openings and outlet names.
    pub fn new(related: &[String], credits: &[String], outlets: &[String]) -> BoilerplateRules {
        let normalise = |builtin: &[&str], extra: &[String]| -> Vec<String> {
            let mut all: Vec<String> = builtin
                .iter()
                .map(|s| s.to_string())
                .chain(extra.iter().cloned())
                .map(|s| normalise_spaces(&s).to_lowercase())
                .filter(|s| !s.is_empty())
                .collect();
            // Longest first, so "Baca juga" wins over "Baca".
            all.sort_by_key(|s| std::cmp::Reverse(s.len()));
            all.dedup();
            all
        };
        BoilerplateRules {
            related_link_prefixes: Openings::new(&normalise(RELATED_LINK_PREFIXES, related)),
            credit_prefixes: Openings::new(&normalise(CREDIT_PREFIXES, credits)),
            outlets: normalise(OUTLETS, outlets),
        }
    }

    /// Finds boilerplate in a document that has paragraphs (or, pre-tokenized, sentences), and
    /// records what it learns in `meta` (first value wins; input fields are never overwritten).
    pub fn mark(&self, doc: &mut Document) {
        let mut found = Vec::new();
        let mut meta: Vec<(&'static str, String)> = Vec::new();
        // Pre-tokenized input has no paragraphs of its own; its sentences are the lines.
        let lines: Vec<Span> = if doc.is_pretokenized() {
            doc.sentences.iter().map(|s| s.span).collect()
        } else {
            doc.paragraphs.iter().map(|p| p.span).collect()
        };
        let last = lines.len().saturating_sub(1);
        for (n, &span) in lines.iter().enumerate() {
            let line = doc.slice(span);
            let start = span.start as usize;
            let whole = |kind| Boilerplate { span, kind };
            if self.is_related_link(line) {
                found.push(whole(BoilerplateKind::RelatedLink));
            } else if let Some((outlet, author)) = self.parenthesised_byline(line) {
                found.push(whole(BoilerplateKind::Byline));
                meta.push(("source", outlet.to_string()));
                meta.push(("author", author.to_string()));
            } else if let Some(fields) = labelled_byline(line) {
                found.push(whole(BoilerplateKind::Byline));
                meta.extend(fields);
            } else if let Some(rest) = self.credit(line) {
                found.push(whole(BoilerplateKind::Credit));
                if let Some((outlet, author)) = rest.split_once(',') {
                    let (outlet, author) = (outlet.trim(), author.trim());
                    if !outlet.is_empty() && !author.is_empty() && author.len() < 80 {
                        meta.push(("source", outlet.to_string()));
                        meta.push(("author", author.to_string()));
                    }
                }
            } else if is_timestamp(line) {
                found.push(whole(BoilerplateKind::Timestamp));
            } else if n > 0 && n < last && is_heading(line) {
                found.push(whole(BoilerplateKind::Heading));
            } else {
                if !meta.iter().any(|(k, _)| *k == "dateline_place") {
                    if let Some((len, place, outlet)) = self.dateline(line) {
                        found.push(Boilerplate {
                            span: Span::new(start, start + len),
                            kind: BoilerplateKind::Dateline,
                        });
                        meta.push(("dateline_place", place.to_string()));
                        meta.push(("source", outlet.to_string()));
                    }
                }
                self.inline_related_links(line, start, &mut found);
            }
        }
        for (key, value) in meta {
            doc.meta.entry(key).or_insert(Value::String(value));
        }
        found.sort_by_key(|b| b.span.start);
        doc.boilerplate = found;
        doc.layers |= Layers::BOILERPLATE;
    }

    /// "Baca juga: …", "Baca Juga : …", "BACA JUGA: …", "Baca\u{a0}juga: …", "Baca: …".
    fn is_related_link(&self, line: &str) -> bool {
        let line = line.trim_start_matches(['(', '[', '*', '-', '•', ' ']);
        line.len() < 400
            && self.related_link_prefixes.could_start(line)
            && self.related_link_prefixes.starting(line).any(|p| {
                prefix_len(line, p).is_some_and(|len| {
                    let rest = line[len..].trim_start_matches(is_space);
                    rest.starts_with(':')
                        || (p.has_several_words()
                            && !rest.is_empty()
                            && rest.len() < line.len() - len)
                })
            })
    }

    /// "(Baca: …)", "(Baca juga: …)", "[Baca juga: …]" inside a paragraph.
    fn inline_related_links(&self, line: &str, offset: usize, out: &mut Vec<Boilerplate>) {
        let bytes = line.as_bytes();
        let mut from = 0;
        while let Some(pos) = memchr::memchr2(b'(', b'[', &bytes[from..]) {
            let open = from + pos;
            let close_char = if bytes[open] == b'(' { b')' } else { b']' };
            from = open + 1;
            let inner = &line[open + 1..];
            let is_link = self.related_link_prefixes.could_start(inner)
                && self.related_link_prefixes.starting(inner).any(|p| {
                    prefix_len(inner, p).is_some_and(|len| {
                        inner[len..].trim_start_matches(is_space).starts_with(':')
                    })
                });
            if !is_link {
                continue;
            }
            let Some(close) = memchr::memchr(close_char, &bytes[open..]) else {
                break;
            };
            let close = open + close + 1;
            out.push(Boilerplate {
                span: Span::new(offset + open, offset + close),
                kind: BoilerplateKind::RelatedLink,
            });
            from = close;
        }
    }

    /// The text after a credit opening ("Laporan Wartawan Tribunnews.com, Tiara Shelavie").
    fn credit<'a>(&self, line: &'a str) -> Option<&'a str> {
        if !self.credit_prefixes.could_start(line) {
            return None;
        }
        self.credit_prefixes
            .starting(line)
            .find_map(|p| prefix_len(line, p))
            .map(|len| line[len..].trim())
    }

    /// "(Tribunnews.com, Tiara Shelavie)" → (outlet, author).
    fn parenthesised_byline<'a>(&self, line: &'a str) -> Option<(&'a str, &'a str)> {
        let inner = line.strip_prefix('(')?.strip_suffix(')')?;
        if inner.len() > 120 || inner.contains('(') {
            return None;
        }
        let (outlet, author) = inner.split_once([',', '/'])?;
        let (outlet, author) = (outlet.trim(), author.trim());
        (self.looks_like_outlet(outlet) && !author.is_empty()).then_some((outlet, author))
    }

    fn looks_like_outlet(&self, s: &str) -> bool {
        let lower = s.to_lowercase();
        lower.ends_with(".com")
            || lower.ends_with(".id")
            || self.outlets.iter().any(|o| lower.starts_with(o.as_str()))
    }

    /// "JAKARTA, KOMPAS.com -", "TRIBUNNEWS.COM, SURABAYA –", "Liputan6.com, Jakarta -":
    /// returns the prefix's length (dash and following space included), place and outlet.
    fn dateline<'a>(&self, line: &'a str) -> Option<(usize, &'a str, &'a str)> {
        let head = &line[..floor_boundary(line, 80)];
        // Most lines are body text with no comma near the start: settle those first.
        memchr::memchr(b',', head.as_bytes())?;
        let (dash, dash_len) = first_dash(head)?;
        let prefix = &head[..dash];
        let (a, b) = prefix.split_once(',')?;
        let (a, b) = (a.trim(), b.trim());
        let (place, outlet) = if self.looks_like_outlet(b) {
            (a, b)
        } else if self.looks_like_outlet(a) {
            (b, a)
        } else {
            return None;
        };
        if place.is_empty()
            || !place.chars().next().is_some_and(char::is_uppercase)
            || place.split_whitespace().count() > 4
        {
            return None;
        }
        let mut len = dash + dash_len;
        len += line[len..].len() - line[len..].trim_start().len();
        Some((len, place, outlet))
    }
}

/// The first dash that ends a dateline's prefix: a hyphen or dash after a space (" -", " –",
/// " —"), or an en or em dash on its own ("JAKARTA, KOMPAS.com–"). Returns its byte offset and
/// length (the space included); the spaces after it are added by the caller.
fn first_dash(head: &str) -> Option<(usize, usize)> {
    // By `memchr2` from one hyphen or `–`/`—` lead byte to the next, not byte by byte (this
    // runs on every line with a comma near its start, 60% of the lines; the loop over up to 80
    // bytes cost about a million instructions over 450 news documents). `–` (E2 80 93) and
    // `—` (E2 80 94) start with a byte that only ever starts a character, so the byte
    // positions are the characters' positions; a match ends at its dash, so the first dash
    // that makes one makes the first.
    let bytes = head.as_bytes();
    let long_dash_at = |i: usize| matches!(bytes.get(i..i + 3), Some([0xE2, 0x80, 0x93 | 0x94]));
    let mut from = 0;
    while let Some(found) = memchr::memchr2(b'-', 0xE2, &bytes[from..]) {
        let at = from + found;
        let spaced = at > 0 && bytes[at - 1] == b' ';
        if bytes[at] == b'-' {
            if spaced {
                return Some((at - 1, 2));
            }
        } else if long_dash_at(at) {
            return Some(if spaced { (at - 1, 4) } else { (at, 3) });
        }
        from = at + 1;
    }
    None
}

/// Marks boilerplate with the built-in rules. See [`BoilerplateRules::mark`].
pub fn mark_boilerplate(doc: &mut Document) {
    BoilerplateRules::default().mark(doc);
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Collapses runs of white space (non-breaking spaces included) into one space.
fn normalise_spaces(s: &str) -> String {
    s.split(is_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// If `line` starts with `prefix` — case-insensitive, any run of white space (a non-breaking
/// space too) between words, and not followed by a letter — the byte length of that opening in
/// `line`.
fn prefix_len(line: &str, prefix: &Opening) -> Option<usize> {
    let mut at = 0;
    for (n, word) in prefix.words.iter().enumerate() {
        if n > 0 {
            let rest = &line[at..];
            let trimmed = rest.trim_start_matches(is_space);
            if trimmed.len() == rest.len() {
                return None;
            }
            at += rest.len() - trimmed.len();
        }
        let rest = &line[at..];
        let end = word.len();
        if rest.len() < end || !rest.is_char_boundary(end) || !same_lowercase(&rest[..end], word) {
            return None;
        }
        at += end;
    }
    (!line[at..].chars().next().is_some_and(char::is_alphanumeric)).then_some(at)
}

/// True when `text` lowercased is `lower` (itself lowercase). Called for every line and every
/// bracket with every configured opening, so it allocates nothing: an ASCII comparison settles
/// almost every case, and only text with non-ASCII letters is lowercased character by character.
fn same_lowercase(text: &str, lower: &str) -> bool {
    if text.is_ascii() {
        return text.eq_ignore_ascii_case(lower);
    }
    text.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// The longest byline label ("kontributor"); a longer first field is not a label.
const LONGEST_BYLINE_LABEL: usize = 11;

/// "Penulis: X | Editor: Y" (any order, `|` or `/` between).
fn labelled_byline(line: &str) -> Option<Vec<(&'static str, String)>> {
    if line.len() > 200 {
        return None;
    }
    // Only the first few bytes can hold the first label and its colon; looking no further keeps
    // this cheap on the long paragraphs that are most lines.
    let head = &line.as_bytes()[..line.len().min(LONGEST_BYLINE_LABEL + 8)];
    let colon = memchr::memchr(b':', head)?;
    let first_label = line[..colon].trim();
    if !BYLINE_LABELS
        .iter()
        .any(|(l, _)| same_lowercase(first_label, l))
    {
        return None;
    }
    let mut fields = Vec::new();
    for part in line.split(['|', '/']) {
        let Some((label, value)) = part.split_once(':') else {
            continue;
        };
        let label = label.trim().to_lowercase();
        let Some((_, key)) = BYLINE_LABELS.iter().find(|(l, _)| *l == label) else {
            continue;
        };
        let value = value.trim();
        if !value.is_empty() {
            fields.push((*key, value.to_string()));
        }
    }
    (!fields.is_empty()).then_some(fields)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

const DAYS: &[&str] = &[
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
];
const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "agu",
    "agt",
    "ags",
    "sep",
    "sept",
    "okt",
    "nov",
    "des",
];
const TIMESTAMP_WORDS: &[&str] = &[
    "wib",
    "wita",
    "wit",
    "gmt",
    "utc",
    "pukul",
    "jam",
    "diperbarui",
    "dipublikasikan",
    "diterbitkan",
    "update",
    "updated",
    "terbit",
    "tayang",
    "published",
];

/// For each lower-case first letter of the [`DAYS`], [`MONTHS`] and [`TIMESTAMP_WORDS`], as bits:
/// the second letters and the lengths of the words that start with it. [`is_timestamp`] runs
/// on every paragraph, and a body paragraph's first word is turned away by its first two
/// letters and its length instead of being compared with all fifty words ("Menurut" has the
/// first two letters of "mei", but no listed word of its letter is as long: the lengths took
/// about 1.5 million instructions off 450 news documents).
const FIRST_LETTERS: [(u32, u32); 26] = {
    let lists: [&[&str]; 3] = [DAYS, MONTHS, TIMESTAMP_WORDS];
    let mut table = [(0u32, 0u32); 26];
    let mut l = 0;
    while l < lists.len() {
        let mut k = 0;
        while k < lists[l].len() {
            let b = lists[l][k].as_bytes();
            assert!(b.len() >= 2 && b.len() < 32);
            assert!(b[0].is_ascii_lowercase() && b[1].is_ascii_lowercase());
            let entry = &mut table[(b[0] - b'a') as usize];
            entry.0 |= 1 << (b[1] - b'a');
            entry.1 |= 1 << b.len();
            k += 1;
        }
        l += 1;
    }
    table
};

/// False when `w` cannot equal any of the words of [`FIRST_LETTERS`] in any ASCII case.
#[inline]
fn may_be_time_word(w: &str) -> bool {
    let b = w.as_bytes();
    (2..32).contains(&b.len()) && {
        let (x, y) = (b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase());
        x.is_ascii_lowercase() && y.is_ascii_lowercase() && {
            let (seconds, lengths) = FIRST_LETTERS[usize::from(x - b'a')];
            seconds & 1 << (y - b'a') != 0 && lengths & 1 << b.len() != 0
        }
    }
}

/// A line that is only a date and time ("Selasa, 19 September 2023 10:25 WIB",
/// "Diperbarui 19/09/2023, 10.25"), perhaps with an outlet ("Kompas.com - 19/09/2023, 10:25 WIB").
fn is_timestamp(line: &str) -> bool {
    let mut words = 0;
    let mut dated = false;
    let mut digits = false;
    for w in line.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')')) {
        let w = w.trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '.' | ':'));
        if w.is_empty() {
            continue;
        }
        words += 1;
        if words > 12 {
            return false;
        }
        // The word lists are ASCII, so an ASCII case-insensitive comparison is exact and
        // allocates nothing on the body paragraphs that reach this test.
        let is = |list: &[&str]| list.iter().any(|l| w.eq_ignore_ascii_case(l));
        let ends_with = |suffix: &str| {
            w.len() >= suffix.len()
                && w.is_char_boundary(w.len() - suffix.len())
                && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        };
        let is_number = w
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b':' | b'/' | b'-'));
        if is_number {
            digits = true;
            dated |= w.contains(['/', ':', '.', '-']) || w.len() == 4;
        } else if may_be_time_word(w) && (is(DAYS) || is(MONTHS)) {
            dated = true;
        } else if (may_be_time_word(w) && is(TIMESTAMP_WORDS))
            || ends_with(".com")
            || ends_with(".id")
        {
        } else {
            return false;
        }
    }
    words > 0 && digits && dated
}

/// A short line without a full stop, between paragraphs: a subheading.
fn is_heading(line: &str) -> bool {
    // Cheapest test first: most lines are paragraphs ending in a full stop. Counting the words
    // stops past the limit. (A pre-tokenized corpus may leave the next quote's opening mark on
    // a short sentence's row, "Stok beras cukup . “": a sentence, no heading.)
    !line.ends_with(['.', '!', '?', ',', ':', ';', '"', '”', '’', '“', '‘'])
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && (1..=7).contains(&line.split_whitespace().take(8).count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paragraphs;

    /// The byte scan for a dateline's dash finds what a scan of the characters finds.
    #[test]
    fn first_dash_by_bytes_matches_the_characters() {
        fn by_chars(head: &str) -> Option<(usize, usize)> {
            let mut chars = head.char_indices().peekable();
            while let Some((at, c)) = chars.next() {
                match c {
                    ' ' => {
                        if let Some(&(_, dash @ ('-' | '–' | '—'))) = chars.peek() {
                            return Some((at, 1 + dash.len_utf8()));
                        }
                    }
                    '–' | '—' => return Some((at, c.len_utf8())),
                    _ => {}
                }
            }
            None
        }
        let heads = [
            "SLEMAN, KABARKITA.com - Budi",
            "SLEMAN, KABARKITA.com – Budi",
            "SLEMAN, KABARKITA.com — Budi",
            "SLEMAN, KabarKita.id–Budi",
            "Sari—Budi, dan -3 ",
            "“Kami”, kata Budi ‒ ‐ − … ",
            "tanpa tanda hubung, sama sekali",
            "anak-anak, Kabupaten Sukamaju-Barat - Budi",
            "Siti-Aminah—Budi",
            "-awal, lalu -",
            "a–",
            "‒ ‐−–",
            "akhir -",
            "akhir –",
            "",
            " ",
            "–",
        ];
        for head in heads {
            assert_eq!(first_dash(head), by_chars(head), "{head}");
            for cut in (0..=head.len()).filter(|&i| head.is_char_boundary(i)) {
                assert_eq!(
                    first_dash(&head[..cut]),
                    by_chars(&head[..cut]),
                    "{head} {cut}"
                );
            }
        }
    }

    /// The two-letter filter in front of the word lists never turns a listed word away, in
    /// any case, and turns away the usual first words of body paragraphs.
    #[test]
    fn the_time_word_filter_lets_every_listed_word_through() {
        for word in DAYS.iter().chain(MONTHS).chain(TIMESTAMP_WORDS) {
            for written in [word.to_string(), word.to_ascii_uppercase(), {
                let mut w = word.to_string();
                w[..1].make_ascii_uppercase();
                w
            }] {
                assert!(may_be_time_word(&written), "{written}");
            }
        }
        // The last three begin as a listed word does, but no listed word of their first letter
        // is as long.
        for word in [
            "Presiden",
            "Dalam",
            "Ia",
            "Budi",
            "Hal",
            "x",
            "",
            "Menurut",
            "Sebelumnya",
            "Utama",
        ] {
            assert!(!may_be_time_word(word), "{word}");
        }
        assert!(is_timestamp("Selasa, 19 September 2023 10:25 WIB"));
        assert!(!is_timestamp(
            "Dalam rapat 19 September 2023, Budi berbicara."
        ));
    }

    fn marks_with(
        rules: &BoilerplateRules,
        text: &str,
    ) -> (Vec<(BoilerplateKind, String)>, kutip_core::Meta) {
        let mut doc = Document::new("d", text);
        doc.paragraphs = paragraphs(text);
        rules.mark(&mut doc);
        (
            doc.boilerplate
                .iter()
                .map(|b| (b.kind, doc.slice(b.span).to_string()))
                .collect(),
            doc.meta,
        )
    }

    fn marks(text: &str) -> (Vec<(BoilerplateKind, String)>, kutip_core::Meta) {
        marks_with(&BoilerplateRules::default(), text)
    }

    #[test]
    fn sample_shapes() {
        let (found, meta) = marks(
            "JAKARTA, KOMPAS.com - Presiden datang.\nBaca juga: Rusia Marah\nRespons negara lain\nIa pergi (Baca: Lain) lagi.\n(Tribunnews.com, Tiara Shelavie)",
        );
        let kinds: Vec<_> = found.iter().map(|(k, t)| (*k, t.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (BoilerplateKind::Dateline, "JAKARTA, KOMPAS.com - "),
                (BoilerplateKind::RelatedLink, "Baca juga: Rusia Marah"),
                (BoilerplateKind::Heading, "Respons negara lain"),
                (BoilerplateKind::RelatedLink, "(Baca: Lain)"),
                (BoilerplateKind::Byline, "(Tribunnews.com, Tiara Shelavie)"),
            ]
        );
        assert_eq!(meta["dateline_place"], "JAKARTA");
        assert_eq!(meta["source"], "KOMPAS.com");
        assert_eq!(meta["author"], "Tiara Shelavie");
    }

    /// A short sentence whose row ends with the next quote's opening mark is no heading.
    #[test]
    fn a_sentence_ending_in_an_opening_mark_is_no_heading() {
        assert!(is_heading("Respons negara lain"));
        assert!(!is_heading("Stok beras masih cukup . “"));
        assert!(!is_heading("Semua sudah siap . ‘"));
    }

    #[test]
    fn other_datelines_and_bylines() {
        let (found, meta) = marks(
            "TRIBUNNEWS.COM, SURABAYA – Hujan turun.\nBaca\u{a0}Juga : Apa\nPenulis: Ani | Editor: Budi",
        );
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(meta["dateline_place"], "SURABAYA");
        assert_eq!(meta["source"], "TRIBUNNEWS.COM");
        assert_eq!(meta["author"], "Ani");
        assert_eq!(meta["editor"], "Budi");
        let (found, meta) = marks("Liputan6.com, Jakarta - Hujan turun.");
        assert_eq!(found[0].1, "Liputan6.com, Jakarta - ");
        assert_eq!(meta["dateline_place"], "Jakarta");
    }

    /// Each line alone, with the kind it must get (None: body text).
    #[test]
    fn line_table() {
        let cases: &[(&str, Option<BoilerplateKind>)] = &[
            (
                "Baca juga: Banjir Rendam Jakarta",
                Some(BoilerplateKind::RelatedLink),
            ),
            (
                "Baca Juga : Banjir Rendam Jakarta",
                Some(BoilerplateKind::RelatedLink),
            ),
            (
                "BACA JUGA: Banjir Rendam Jakarta",
                Some(BoilerplateKind::RelatedLink),
            ),
            (
                "Baca\u{a0}juga:\u{a0}Banjir Rendam Jakarta",
                Some(BoilerplateKind::RelatedLink),
            ),
            (
                "Baca: Banjir Rendam Jakarta",
                Some(BoilerplateKind::RelatedLink),
            ),
            (
                "Simak juga: Video Banjir",
                Some(BoilerplateKind::RelatedLink),
            ),
            ("Baca buku itu setiap hari, kata dia.", None),
            ("Bacaan doa dipimpin ustaz setempat.", None),
            (
                "Laporan Wartawan Tribunnews.com, Tiara Shelavie",
                Some(BoilerplateKind::Credit),
            ),
            (
                "Artikel ini telah tayang di Kompas.com dengan judul \"Banjir\"",
                Some(BoilerplateKind::Credit),
            ),
            (
                "Penulis: Rina Marlina | Editor: Andi Wijaya",
                Some(BoilerplateKind::Byline),
            ),
            ("Editor : Andi Wijaya", Some(BoilerplateKind::Byline)),
            (
                "(Tribunnews.com, Tiara Shelavie)",
                Some(BoilerplateKind::Byline),
            ),
            ("(KOMPAS.com/RINA MARLINA)", Some(BoilerplateKind::Byline)),
            ("(Menurut data BPS, angka itu naik)", None),
            (
                "Selasa, 19 September 2023 10:25 WIB",
                Some(BoilerplateKind::Timestamp),
            ),
            (
                "Kompas.com - 19/09/2023, 10:25 WIB",
                Some(BoilerplateKind::Timestamp),
            ),
            (
                "Diperbarui 19/09/2023, 10.25",
                Some(BoilerplateKind::Timestamp),
            ),
            ("Senin (13/4/2020) pagi hujan turun.", None),
            ("Sebanyak 120 orang mengungsi.", None),
        ];
        for (line, want) in cases {
            let (found, _) = marks(line);
            let got = found.first().map(|(k, _)| *k);
            assert_eq!(got, *want, "{line:?}");
        }
    }

    #[test]
    fn credit_fills_meta() {
        let (_, meta) = marks("Laporan Wartawan Tribunnews.com, Tiara Shelavie\nHujan turun.");
        assert_eq!(meta["source"], "Tribunnews.com");
        assert_eq!(meta["author"], "Tiara Shelavie");
    }

    #[test]
    fn inline_links_in_brackets() {
        let (found, _) =
            marks("Ia pergi (Baca juga: Banjir Lagi) dan [Baca: Hujan] pulang (bukan Baca).");
        let texts: Vec<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["(Baca juga: Banjir Lagi)", "[Baca: Hujan]"]);
    }

    #[test]
    fn configured_patterns_are_used() {
        let rules = BoilerplateRules::new(
            &["Klik di sini".to_string()],
            &["Laporan Jurnalis".to_string()],
            &["Harian Rakyat".to_string()],
        );
        let (found, meta) = marks_with(
            &rules,
            "MEDAN, Harian Rakyat - Hujan turun.\nKlik di sini: Banjir Lagi\nLaporan Jurnalis Harian Rakyat, Budi",
        );
        let kinds: Vec<_> = found.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            kinds,
            [
                BoilerplateKind::Dateline,
                BoilerplateKind::RelatedLink,
                BoilerplateKind::Credit
            ]
        );
        assert_eq!(meta["dateline_place"], "MEDAN");
        let (found, _) = marks("Klik di sini: Banjir Lagi\nHujan.");
        assert!(found.is_empty(), "{found:?}");
    }
}
