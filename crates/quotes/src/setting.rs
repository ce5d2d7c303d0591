//! Where and on what occasion a statement was made, and what the article is about.
//!
//! * **Topic**: the article's lead sentence, the one right after the dateline ("JAKARTA,
//!   KOMPAS.com - Pemerintah menaikkan harga beras."), without its full stop.
//! * **Location**: the place given in a quote's attribution after `di` or `dari` ("…,” kata Budi
//!   di Gedung DPR, Jakarta, Senin"; "Sari Wulandari, di Sukamaju, Selasa (…), mengatakan, …").
//! * **Event**: the occasion given there, a phrase opened by `dalam`, `saat`, `ketika`,
//!   `seusai`… or a participle such as `dihubungi` ("…,” kata Budi dalam rapat kerja dengan
//!   Komisi X"; "ujarnya saat dihubungi").
//!
//! Only the attribution is read (the words between the cue, the speaker and the statement, up
//! to the end of the sentence), so this costs a few comparisons per quote, nothing per token.

use kutip_core::{BoilerplateKind, Document, EntityLabel, Quote, Span, TokenKind};

/// Words that open the occasion of a statement: prepositions of time or circumstance and the
/// participles of being reached by a reporter ("saat rapat", "dalam keterangan tertulis",
/// "seusai pertemuan", "dihubungi terpisah").
pub const EVENT_OPENERS: &[&str] = &[
    "saat",
    "ketika",
    "sewaktu",
    "tatkala",
    "dalam",
    "seusai",
    "usai",
    "sesudah",
    "setelah",
    "selepas",
    "sebelum",
    "sesaat",
    "melalui",
    "lewat",
    "kepada",
    "dihubungi",
    "ditemui",
    "dikonfirmasi",
    "diwawancarai",
    "dijumpai",
    "ditanya",
    "dimintai",
    "ditelepon",
];

/// Nouns of events: after `pada` they open an occasion ("pada peluncuran buku …") rather than
/// a date ("pada Senin").
pub const EVENT_NOUNS: &[&str] = &[
    "acara",
    "rapat",
    "konferensi",
    "jumpa",
    "peluncuran",
    "peresmian",
    "pembukaan",
    "penutupan",
    "seminar",
    "diskusi",
    "webinar",
    "sidang",
    "upacara",
    "peringatan",
    "kunjungan",
    "pertemuan",
    "pidato",
    "sambutan",
    "kegiatan",
    "forum",
    "sosialisasi",
    "pelantikan",
    "penandatanganan",
    "wisuda",
    "festival",
    "lokakarya",
    "musyawarah",
    "kongres",
];

/// Lower-case nouns of buildings and sites that begin a place's name ("di kantor Dinas X",
/// "di gedung DPR").
pub const PLACE_NOUNS: &[&str] = &[
    "kantor",
    "gedung",
    "kampus",
    "rumah",
    "kediaman",
    "markas",
    "balai",
    "aula",
    "ruang",
    "lapangan",
    "pasar",
    "kompleks",
    "komplek",
    "halaman",
    "posko",
    "pendopo",
    "hotel",
    "taman",
    "pelabuhan",
    "bandara",
    "stasiun",
    "terminal",
    "sekolah",
    "masjid",
    "gereja",
    "istana",
];

/// Words that head a region in a list of places ("Kecamatan X, Kabupaten Y, Provinsi Z"): after
/// a comma they continue the place rather than start something else.
const REGION_HEADS: &[&str] = &[
    "kota",
    "kabupaten",
    "kab.",
    "provinsi",
    "kecamatan",
    "kec.",
    "kelurahan",
    "desa",
    "dusun",
    "jalan",
    "jl.",
    "pulau",
    "daerah",
];

/// Day names: a date, not part of a place or an occasion ("di Jakarta, Senin").
const DAYS: &[&str] = &[
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
];

/// What the stage's options add to the built-in lists, lower case.
#[derive(Debug, Default)]
pub struct SettingWords {
    /// Extra words opening an occasion.
    pub event_openers: Vec<String>,
    /// Extra nouns of buildings and sites.
    pub place_nouns: Vec<String>,
    /// The first letters (bit `b - b'a'`) of every word a setting may open with: a token whose
    /// first letter is not among them is passed over without a comparison.
    firsts: u32,
}

impl SettingWords {
    /// The lists the options add (lower-cased here).
    pub fn new(event_openers: &[String], place_nouns: &[String]) -> SettingWords {
        let event_openers: Vec<String> = event_openers.iter().map(|w| w.to_lowercase()).collect();
        let mut firsts = 0u32;
        let openers = ["di", "dari", "ke", "yang", "seperti", "sebagaimana", "pada"];
        let all = EVENT_OPENERS
            .iter()
            .chain(openers.iter())
            .map(|w| w.as_bytes());
        for w in all.chain(event_openers.iter().map(|w| w.as_bytes())) {
            match w.first() {
                Some(b @ b'a'..=b'z') => firsts |= 1 << (b - b'a'),
                // A word opening with anything else: test every token.
                _ => firsts = u32::MAX,
            }
        }
        SettingWords {
            event_openers,
            place_nouns: place_nouns.iter().map(|w| w.to_lowercase()).collect(),
            firsts,
        }
    }

    /// Whether the token `k` may open a place or an occasion, by its first letter.
    fn may_open(&self, v: &View, k: usize) -> bool {
        if !v.word(k) {
            return false;
        }
        match v.text(k).as_bytes()[0].to_ascii_lowercase() {
            b @ b'a'..=b'z' => self.firsts & 1 << (b - b'a') != 0,
            _ => self.firsts == u32::MAX,
        }
    }
}

fn listed(word: &str, builtin: &[&str], extra: &[String]) -> bool {
    builtin.iter().any(|w| w.eq_ignore_ascii_case(word))
        || extra.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The document's tokens with the little the rules below ask of them.
struct View<'d> {
    doc: &'d Document,
}

impl<'d> View<'d> {
    fn text(&self, k: usize) -> &'d str {
        self.doc.slice(self.doc.tokens[k].span)
    }

    fn word(&self, k: usize) -> bool {
        self.doc.tokens[k].kind == TokenKind::Word
    }

    /// A word written with a capital ("Jakarta", "DPR").
    fn cap(&self, k: usize) -> bool {
        self.word(k) && self.text(k).starts_with(|c: char| c.is_uppercase())
    }

    fn lower(&self, k: usize) -> bool {
        self.word(k) && self.text(k).starts_with(|c: char| c.is_lowercase())
    }

    fn is(&self, k: usize, word: &str) -> bool {
        self.text(k).eq_ignore_ascii_case(word)
    }

    fn day(&self, k: usize) -> bool {
        let t = self.text(k);
        self.cap(k)
            && DAYS
                .iter()
                .any(|d| d.eq_ignore_ascii_case(t.trim_end_matches('.')))
    }

    fn punct(&self, k: usize, p: &str) -> bool {
        self.doc.tokens[k].kind == TokenKind::Punct && self.text(k) == p
    }

    /// A word with the sentence's full stop glued to it (`Jakarta.`, in some corpora).
    fn glued_stop(&self, k: usize) -> bool {
        self.word(k) && self.text(k).len() > 1 && self.text(k).ends_with('.')
    }

    fn entity_starts(&self, k: usize, label: EntityLabel) -> bool {
        let at = self.doc.tokens[k].span.start;
        let i = self.doc.entities.partition_point(|e| e.span.start < at);
        self.doc.entities[i..]
            .iter()
            .take_while(|e| e.span.start == at)
            .any(|e| e.label == label)
    }

    /// An entity of kind `label` ends with token `k`.
    fn entity_ends(&self, k: usize, label: EntityLabel) -> bool {
        let end = self.doc.tokens[k].span.end;
        self.doc
            .entities
            .iter()
            .any(|e| e.span.end == end && e.label == label)
    }

    fn cover(&self, first: usize, last: usize) -> Span {
        self.doc.tokens[first]
            .span
            .cover(self.doc.tokens[last].span)
    }

    fn quote_mark(&self, k: usize) -> bool {
        matches!(self.doc.tokens[k].kind, TokenKind::QuoteMark(_))
    }
}

/// The lead sentence after the dateline, without its full stop.
pub fn topic(doc: &Document) -> Option<Span> {
    let dateline = doc
        .boilerplate
        .iter()
        .find(|b| b.kind == BoilerplateKind::Dateline)?;
    let v = View { doc };
    let mut k = doc.token_at(dateline.span.end);
    // "JAKARTA, KOMPAS - - Pemerintah …": a dash the dateline left over.
    while k < doc.tokens.len()
        && doc.tokens[k].kind == TokenKind::Punct
        && v.text(k).chars().all(|c| matches!(c, '-' | '—' | '–'))
    {
        k += 1;
    }
    let s = doc
        .sentences
        .get(doc.sentences.partition_point(|s| s.end_token as usize <= k))?;
    let end = s.end_token as usize;
    if k >= end || (s.first_token as usize) > k {
        return None;
    }
    let mut last = end - 1;
    if v.punct(last, ".") && last > k {
        last -= 1;
    }
    let span = v.cover(k, last);
    // A stop glued to the last word (`naik.`) is not part of the topic either.
    let text = doc.slice(span);
    Some(Span {
        start: span.start,
        end: span.end - u32::from(text.ends_with('.') && text.len() > 1),
    })
}

/// Fills in every quote's `location` and `event` from its attribution.
pub fn fill(doc: &Document, quotes: &mut [Quote], words: &SettingWords) {
    let v = View { doc };
    for q in quotes.iter_mut() {
        let Some((mut a, b)) = attribution(doc, q) else {
            continue;
        };
        // A mention that ran on over the place ("Kepala Dinas X Budi di Sukamaju"): the place
        // starts the attribution.
        if let Some(s) = q.speaker.as_ref().filter(|s| {
            !q.content.overlaps(s.span)
                && !q.cue.is_some_and(|c| c.overlaps(s.span))
                && doc.slice(s.span).contains(" di ")
        }) {
            let ps = doc.token_at(s.span.start);
            let pe = token_at_from(doc, ps, s.span.end);
            if let Some(k) =
                (ps + 1..pe).find(|&k| v.is(k, "di") && place(&v, k, pe, words).is_some())
            {
                a = a.min(k);
            }
        }
        let (mut location, mut event) = scan(&v, a, b, words);
        // "Dihubungi terpisah, Budi mengatakan, …", "Di Sukamaju, Budi mengatakan, …": the
        // setting opens the sentence, before the speaker.
        if let Some(first) = opening(doc, q).filter(|_| location.is_none() || event.is_none()) {
            let (l, e) = scan(&v, first.0, first.1, words);
            location = location.or(l);
            event = event.or(e);
        }
        q.location = location;
        q.event = event;
    }
    // "Hal itu disampaikan Bupati Budi di Sukamaju, Jumat (…). “…,” ujar Budi.": with no
    // setting of its own, a statement takes the one written after its speaker's introduction:
    // the setting of the statement that introduced them, or, in a sentence that reports no
    // statement, the place and occasion after the name.
    let sentence = |at: u32| doc.sentences.partition_point(|x| x.span.end <= at);
    for i in 0..quotes.len() {
        let q = &quotes[i];
        if q.location.is_some() || q.event.is_some() {
            continue;
        }
        // Only an introduction a sentence or two before: further back, the statement may well
        // have been made on another occasion.
        let Some(p) =
            introduced_before(q).filter(|p| sentence(q.content.start) <= sentence(p.end) + 2)
        else {
            continue;
        };
        let own = quotes
            .iter()
            .find(|o| o.speaker.as_ref().is_some_and(|s| s.span.contains(p)));
        let (location, event) = match own {
            Some(o) => (o.location, o.event),
            None => match after_name(doc, quotes, p) {
                Some((a, b)) => scan(&v, a, b, words),
                None => continue,
            },
        };
        quotes[i].location = location;
        quotes[i].event = event;
    }
    fn name(q: &Quote) -> Option<&str> {
        q.speaker.as_ref().and_then(|s| s.name.as_deref())
    }
    // "Budi, di Sukamaju, Senin, mengatakan, …. “…,” katanya.": a statement with no setting
    // that follows one by the same speaker, a sentence or two later, was made at the same
    // place (the occasion is not carried over: on PFSA-ID dev that cost more than it gained).
    for i in 1..quotes.len() {
        let (before, rest) = quotes.split_at_mut(i);
        let (q, prev) = (&mut rest[0], &before[i - 1]);
        if q.location.is_some() || q.event.is_some() || name(q).is_none() || name(q) != name(prev) {
            continue;
        }
        let near = sentence(q.content.start) <= sentence(prev.content.end) + 2;
        if near {
            q.location = prev.location;
        }
    }
}

/// Where the speaker of `q` was introduced by name and position, when that was before the
/// statement and outside its own attribution.
fn introduced_before(q: &Quote) -> Option<Span> {
    let s = q.speaker.as_ref()?;
    let p = s.person?;
    (p.end <= q.content.start && !s.span.contains(p)).then_some(p)
}

/// The tokens after the name `p` to the end of its sentence, when no statement is reported in
/// that sentence.
fn after_name(doc: &Document, quotes: &[Quote], p: Span) -> Option<(usize, usize)> {
    let pe = doc.token_at(p.end);
    let sentence = doc.sentences.get(
        doc.sentences
            .partition_point(|x| x.end_token as usize <= pe),
    )?;
    let reported = quotes.iter().any(|o| o.content.overlaps(sentence.span));
    (!reported).then_some((pe, sentence.end_token as usize))
}

/// [`Document::token_at`] of `at`, walking on from token `from`, which is at or before it
/// (every token before `from` ends by `at`): a span's end from its start's token, or the next
/// span's start from the previous one's end, a few tokens on, where a bisection over the
/// document's tokens cost about 117 instructions. Past a few tokens, a bisection of the rest.
fn token_at_from(doc: &Document, from: usize, at: u32) -> usize {
    /// Tokens walked before the bisection: a cue, a speaker's name, the marks and the comma
    /// between a statement and its cue.
    const WALK: usize = 8;
    debug_assert!(from == 0 || doc.tokens[from - 1].span.end <= at);
    let tokens = &doc.tokens;
    let mut k = from;
    while k < tokens.len() && tokens[k].span.end <= at {
        k += 1;
        if k == from + WALK {
            return k + tokens[k..].partition_point(|t| t.span.end <= at);
        }
    }
    k
}

/// The token range of a quote's attribution: after the cue and the speaker up to the end of the
/// sentence when the statement comes first; between the speaker and the cue (or the cue and
/// the statement) when the statement follows.
fn attribution(doc: &Document, q: &Quote) -> Option<(usize, usize)> {
    let cue = q.cue?;
    let tok = |at: u32| doc.token_at(at);
    let content = q.content;
    // The statement's and the cue's tokens, the later pair's walked on from the earlier
    // pair's end (one bisection for the pair written first, and for the statement's end).
    let (cs, ce, qs, qe) = if content.end <= cue.start {
        let (qs, qe) = (tok(content.start), tok(content.end));
        let cs = token_at_from(doc, qe, cue.start);
        (cs, token_at_from(doc, cs, cue.end), qs, qe)
    } else {
        let cs = tok(cue.start);
        let ce = token_at_from(doc, cs, cue.end);
        let qs = if content.start >= cue.end {
            token_at_from(doc, ce, content.start)
        } else {
            tok(content.start)
        };
        (cs, ce, qs, tok(content.end))
    };
    let sentence = doc.sentences.get(
        doc.sentences
            .partition_point(|s| s.end_token as usize <= cs),
    )?;
    let se = sentence.end_token as usize;
    // A mention may run on past the name over the place ("Budi Santoso di Sukamaju"): the
    // attribution starts after the name then.
    let speaker = q
        .speaker
        .as_ref()
        .filter(|s| !cue.contains(s.span) && !q.content.overlaps(s.span))
        .map(|s| {
            let end = s
                .person
                .filter(|p| s.span.contains(*p))
                .map_or(s.span.end, |p| p.end);
            // (Walked on from the cue's or the statement's end when it comes after it.)
            let ps = if s.span.start >= cue.end {
                token_at_from(doc, ce, s.span.start)
            } else if s.span.start >= content.end {
                token_at_from(doc, qe, s.span.start)
            } else {
                tok(s.span.start)
            };
            (ps, token_at_from(doc, ps, end))
        });
    if qe <= cs {
        // "…,” kata Budi di Jakarta, Senin.": after the later of cue and speaker.
        let start = speaker.map_or(ce, |(_, pe)| pe.max(ce));
        Some((start, se))
    } else if qs >= ce {
        match speaker {
            // "Budi, di Jakarta, Senin (…), mengatakan, …"
            Some((ps, pe)) if pe <= cs => {
                Some((pe, cs)).filter(|_| ps >= sentence.first_token as usize)
            }
            // "Menurut Budi saat dihubungi, …"
            Some((_, pe)) if pe <= qs => Some((pe, qs)),
            _ => Some((ce, qs)),
        }
    } else {
        None
    }
}

/// The tokens from the start of the sentence to the speaker, when a statement's speaker and
/// cue come before it and the sentence opens with something else.
fn opening(doc: &Document, q: &Quote) -> Option<(usize, usize)> {
    let cue = q.cue?;
    let s = q.speaker.as_ref()?;
    if !(s.span.end <= cue.start && cue.end <= q.content.start) {
        return None;
    }
    let ps = doc.token_at(s.span.start);
    let sentence = doc.sentences.get(
        doc.sentences
            .partition_point(|x| x.end_token as usize <= ps),
    )?;
    let first = sentence.first_token as usize;
    (first + 1 < ps && doc.tokens[ps - 1].kind == TokenKind::Punct).then_some((first, ps))
}

/// The first place and the first occasion in the tokens `a..b`.
fn scan(v: &View, a: usize, b: usize, words: &SettingWords) -> (Option<Span>, Option<Span>) {
    let (mut location, mut event) = (None, None);
    let mut k = a;
    // Where a setting may start: the attribution's start, after punctuation or a number (a
    // date's bracket), after a name, or right after another setting; not after a lower-case
    // word ("yang bekerja di Jakarta" says where the speaker works, not where it was said).
    let mut boundary = true;
    while k < b {
        if v.quote_mark(k) || v.punct(k, ".") {
            break;
        }
        // Most tokens open nothing, as their first letter tells.
        let opens = boundary && words.may_open(v, k);
        if opens && location.is_none() {
            if let Some(end) = place(v, k, b, words) {
                location = Some(v.cover(k + 1, end - 1));
                k = end;
                continue;
            }
        }
        if opens && event.is_none() {
            if let Some(end) = occasion(v, k, b, words) {
                event = Some(v.cover(k, end - 1));
                k = end;
                boundary = true;
                continue;
            }
        }
        boundary = !v.lower(k);
        if v.glued_stop(k) || location.is_some() && event.is_some() {
            break;
        }
        k += 1;
    }
    (location, event)
}

/// A place after `di` or `dari` at `k`: one past its last token.
fn place(v: &View, k: usize, b: usize, words: &SettingWords) -> Option<usize> {
    if !(v.is(k, "di") || v.is(k, "dari") || v.is(k, "ke")) || k + 1 >= b {
        return None;
    }
    let mut j = k + 1;
    // "di kantor Dinas X", "di gedung DPR": the building comes with the name.
    while j < b && v.lower(j) && listed(v.text(j), PLACE_NOUNS, &words.place_nouns) {
        j += 1;
    }
    // The name proper: a capitalised word that is no day name.
    if j >= b || !v.cap(j) || v.day(j) || v.entity_starts(j, EntityLabel::Per) {
        return None;
    }
    // "Budi dari Koalisi X", "peneliti di Universitas Y": right after a word, an organisation
    // is where the speaker works, not where they spoke; "dari" names a place only before a
    // town or a building ("dihubungi dari Sukamaju"), and not at the start of a sentence ("Dari
    // Sukamaju dilaporkan, …": where the news came from).
    let organisation = j == k + 1 && v.entity_starts(j, EntityLabel::Org);
    if organisation && k > 0 && v.word(k - 1) {
        return None;
    }
    if v.is(k, "dari")
        && (v.cap(k)
            || organisation
            || j == k + 1
                && !v.entity_starts(j, EntityLabel::Loc)
                && !listed(v.text(j), PLACE_NOUNS, &words.place_nouns))
    {
        return None;
    }
    let mut end = j;
    while end < b {
        if v.glued_stop(end) {
            return Some(end + 1);
        }
        let next_cap = end + 1 < b && v.cap(end + 1) && !v.day(end + 1);
        if v.day(end) {
            break;
        }
        if v.cap(end) || v.doc.tokens[end].kind == TokenKind::Number {
            end += 1;
        } else if v.punct(end, "(") {
            // A bracketed abbreviation: "Balai Besar ( BBX )".
            let close = (end + 1..b.min(end + 4)).find(|&c| v.punct(c, ")"));
            match close {
                Some(c) if c > end + 1 && (end + 1..c).all(|t| v.cap(t)) => end = c + 1,
                _ => break,
            }
        } else if (v.punct(end, "-") || v.is(end, "dan") || v.is(end, "di")) && next_cap {
            // "Soekarno - Hatta", "Pusat Riset dan Inovasi", "kantor X di Sukamaju".
            end += 1;
        } else if next_cap && ENGLISH_CONNECTORS.iter().any(|c| v.text(end) == *c) {
            // "Center for Urban Studies", "Museum of Modern Art": an English name. Right after a
            // lower-case word ("peneliti di Center for …") it is where the speaker works, as an
            // organisation there is; elsewhere the place runs on through it.
            if k > 0 && v.lower(k - 1) {
                return None;
            }
            end += 1;
        } else if v.punct(end, ",")
            && next_cap
            && (v.entity_starts(end + 1, EntityLabel::Loc)
                || listed(v.text(end + 1), REGION_HEADS, &[])
                || region_tail(v, end + 1, b))
        {
            // "Istana Merdeka, Jakarta", "Kecamatan X, Kabupaten Y".
            end += 1;
        } else {
            break;
        }
    }
    // A comma or a connective cannot end the place.
    while end > j
        && !(v.cap(end - 1)
            || v.punct(end - 1, ")")
            || v.doc.tokens[end - 1].kind == TokenKind::Number)
    {
        end -= 1;
    }
    (end > j).then_some(end)
}

/// The lower-case words that join the capitalised words of an English name.
const ENGLISH_CONNECTORS: &[&str] = &["of", "for", "and", "on", "&"];

/// "Makassar, Sulsel, Senin": one or two capitalised words after a comma, no person or
/// organisation, closed by a comma, a stop or a day name, are the region of the place before.
fn region_tail(v: &View, k: usize, b: usize) -> bool {
    if v.entity_starts(k, EntityLabel::Per) || v.entity_starts(k, EntityLabel::Org) {
        return false;
    }
    let mut e = k;
    while e < b && e < k + 2 && v.cap(e) && !v.day(e) {
        e += 1;
    }
    e > k && (e >= b || v.punct(e, ",") || v.punct(e, ".") || v.day(e))
}

/// An occasion opened at `k`: one past its last token.
fn occasion(v: &View, k: usize, b: usize, words: &SettingWords) -> Option<usize> {
    let w = v.text(k);
    let participle =
        |t: &str| t.len() > 2 && t.get(..2).is_some_and(|h| h.eq_ignore_ascii_case("di"));
    let opens = if v.is(k, "yang") || v.is(k, "seperti") || v.is(k, "sebagaimana") {
        // "yang dihubungi terpisah", "seperti dikutip X".
        k + 1 < b
            && v.lower(k + 1)
            && participle(v.text(k + 1))
            && listed(v.text(k + 1), EVENT_OPENERS, &words.event_openers)
            || k + 1 < b && (v.is(k + 1, "dikutip") || v.is(k + 1, "dilansir"))
    } else if v.is(k, "pada") {
        k + 1 < b && v.lower(k + 1) && listed(v.text(k + 1), EVENT_NOUNS, &[])
    } else if v.is(k, "di") {
        // "di sela-sela rapat".
        k + 1 < b && v.text(k + 1).to_ascii_lowercase().starts_with("sela")
    } else {
        v.word(k) && listed(w, EVENT_OPENERS, &words.event_openers)
    };
    // "saat ini", "saat itu", "dalam hal ini": now, then, here; "dalam menangani …": while
    // doing something, not an occasion.
    let next = |t: &str| k + 1 < b && v.is(k + 1, t);
    // "Lembaga Penelitian dan Pengabdian kepada Masyarakat": a lower-case "kepada" between an
    // organisation's last word and a capitalised one goes on with the organisation's name,
    // where after a person ("kata Budi kepada Kompas") it says to whom the words were said.
    let inside_a_name = v.is(k, "kepada")
        && k > 0
        && v.lower(k)
        && k + 1 < b
        && v.cap(k + 1)
        && v.entity_ends(k - 1, EntityLabel::Org);
    if !opens
        || inside_a_name
        || next("ini")
        || next("itu")
        || next("hal")
        || v.is(k, "dalam")
            && k + 1 < b
            && ["me", "ber"].iter().any(|p| {
                v.text(k + 1).len() > 4
                    && v.text(k + 1)
                        .get(..p.len())
                        .is_some_and(|h| h.eq_ignore_ascii_case(p))
            })
    {
        return None;
    }
    // The first word after the opener (after `yang dihubungi`, the word after the participle).
    let led = v.is(k, "yang") || v.is(k, "seperti") || v.is(k, "sebagaimana");
    let body = k + 1 + usize::from(led);
    // A participle alone ("dihubungi dari Jakarta", "ditemui di Sukamaju"): the place after it
    // is the location, where after "saat dihubungi" the corpus counts it in the occasion.
    let bare = participle(w);
    let mut end = k + 1;
    while end < b {
        if v.punct(end, ",")
            || v.punct(end, ".")
            || v.punct(end, ";")
            || v.day(end)
            || v.glued_stop(end)
        {
            break;
        }
        // "… di Jakarta": the place is the location's, not the occasion's; but the place a
        // reporter called from belongs to the occasion ("saat dihubungi dari Jakarta").
        // "ketika berkunjung ke Bandara X": where the speaker went is the location too.
        let to = v.is(end, "di") || v.is(end, "ke") || bare && v.is(end, "dari");
        if to && (end > k + 1 || bare) && place(v, end, b, words).is_some() {
            break;
        }
        // A title in quotation marks: "dalam diskusi bertajuk “…”".
        if v.quote_mark(end) {
            match (end + 1..b.min(end + 40)).find(|&c| v.quote_mark(c)) {
                Some(c) if c > end + 1 => {
                    end = c + 1;
                    continue;
                }
                _ => break,
            }
        }
        // "yang dihubungi terpisah mengatakan, …": a verb of the `me-…-kan` form past the
        // occasion's first words is the sentence's own verb ("saat memberikan sambutan" keeps
        // its verb, which comes first).
        if end > body && v.lower(end) && {
            let t = v.text(end);
            t.len() > 6 && t.starts_with("me") && t.ends_with("kan")
        } {
            break;
        }
        // "pada Senin", "pada 12 Mei": the date.
        if v.is(end, "pada")
            && end + 1 < b
            && (v.day(end + 1) || v.doc.tokens[end + 1].kind == TokenKind::Number)
        {
            break;
        }
        if end - k > 40 {
            return None;
        }
        end += 1;
    }
    if end < b && v.glued_stop(end) {
        end += 1;
    }
    // The opener alone ("saat") is no occasion, unless it is the participle itself.
    let single = participle(w) && v.lower(k) || participle(w) && v.cap(k);
    (end > k + 1 || single && end > k).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kutip_core::Stage;
    use kutip_tokenize::{TokenizeConfig, TokenizeStage};

    /// The walk from a token finds the token `Document::token_at` finds for every byte at or
    /// after the end of the token before it, a few tokens on and past the walk's limit.
    #[test]
    fn walking_on_from_a_start_token_finds_what_bisection_finds() {
        let mut doc = Document::new(
            "t",
            "\u{201c}Kami siap,\u{201d} kata Rudi Hartawan, petani Sukamaju, di kantornya.",
        );
        TokenizeStage::new(TokenizeConfig::default())
            .process(&mut doc)
            .unwrap();
        assert!(doc.tokens.len() > 10);
        let len = doc.text.len() as u32;
        for from in 0..doc.tokens.len() {
            let start = if from == 0 {
                0
            } else {
                doc.tokens[from - 1].span.end
            };
            for at in start..=len {
                assert_eq!(
                    token_at_from(&doc, from, at),
                    doc.token_at(at),
                    "{from} {at}"
                );
            }
        }
    }
}
