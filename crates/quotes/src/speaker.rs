//! Speaker phrases: finding the mention next to a cue and splitting it into role, affiliation
//! and name ("Kepala Bidang Humas | Polda Metro Jaya | Kombes Budi Hartono").

use crate::words::{Flags, Words};
use foldhash::HashSet;
use kutip_core::Span;

/// Words that open an adjunct standing between a subject and its verb ("dalam sambutannya").
const ADJUNCT_HEADS: &[&str] = &[
    "dalam", "secara", "dengan", "melalui", "saat", "ketika", "usai", "seusai",
];

/// Longest lower-case adjunct between a subject and its verb, in tokens.
const MAX_ADJUNCT: usize = 6;

/// Longest speaker phrase, in tokens.
const MAX_PHRASE: usize = 18;
/// Longest name, in tokens, ranks excluded.
const MAX_NAME: usize = 5;

/// A speaker mention, in token indices (ranges are `start..end`).
#[derive(Clone, Debug, Default)]
pub struct Mention {
    /// The whole phrase.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// The position, if written.
    pub role: Option<(usize, usize)>,
    /// The organisation, if written.
    pub affiliation: Option<(usize, usize)>,
    /// The name, ranks included.
    pub name: Option<(usize, usize)>,
    /// A pronoun or `-nya` standing for an earlier speaker: its span.
    pub pronoun: Option<Span>,
    /// "para pejabat AS": a group.
    pub group: bool,
    /// Introduced by age ("Rita (44)") or a lower-case descriptor: not a public figure.
    pub private: bool,
    /// "Ketua PGRI itu": refers back to someone named before.
    pub anaphoric: bool,
    /// The position is given in a relative clause after the name ("Budi yang juga Ketua X"):
    /// it does not by itself make the person a public figure (a villager may chair a group).
    pub also: bool,
    /// Two people named together ("Budi Santoso dan Sari Wulandari mengatakan", "Menteri X
    /// Budi dan Gubernur Y Sari"): their two names. The mention is a group (`group`) with no
    /// role, organisation or name of its own: neither name is the other's organisation.
    pub pair: Option<[(usize, usize); 2]>,
}

impl Mention {
    /// A pronoun mention.
    pub fn pronoun(span: Span, k: usize) -> Mention {
        Mention {
            start: k,
            end: k + 1,
            pronoun: Some(span),
            ..Mention::default()
        }
    }
}

/// What the document tells about where a name starts inside a long introduction.
#[derive(Debug, Default)]
pub struct ShortNames<'a> {
    /// Short names used on their own ("kata Hartono").
    pub words: HashSet<&'a str>,
    /// Words the entity layer reads elsewhere in the document as the last word of a place or an
    /// organisation ("di Bekasi .", "Dinas Kesehatan Sukamaju ,"): written before a name, such a
    /// word closes the organisation, it does not open the name ("Bawaslu Bekasi Hartono").
    pub places: HashSet<&'a str>,
    /// Per token: inside a person the entity layer found.
    pub persons: Vec<bool>,
}

impl ShortNames<'_> {
    /// True when `word` is written alone as a name somewhere.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// True when token `k` is inside a person the entity layer found (false past the end).
    pub fn is_person(&self, k: usize) -> bool {
        self.persons.get(k).copied().unwrap_or(false)
    }
}

/// Organisations whose one word is their whole name ("Polri", "Kemenkes"), unlike "Kabupaten"
/// or "Dinas", which need the words after them.
fn complete_org(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    (lower.starts_with("kemen") && lower != "kementerian")
        || matches!(
            lower.as_str(),
            "polri" | "bareskrim" | "densus" | "muhammadiyah" | "pbnu" | "bumn" | "bumd"
        )
}

/// The tokens `a..b` of the ampersand token `k` belongs to: `&`, or `& amp ;` (the ampersand
/// HTML-escaped, "Sukamaju &amp; Rekan", as some scraped text keeps it).
fn ampersand(w: &Words, k: usize) -> Option<(usize, usize)> {
    let a = match w.text(k) {
        "&" => k,
        "amp" if k > 0 => k - 1,
        ";" if k > 1 => k - 2,
        _ => return None,
    };
    if w.text(a) != "&" {
        return None;
    }
    if w.text(a + 1) == "amp" && w.text(a + 2) == ";" {
        Some((a, a + 3))
    } else {
        (a == k).then_some((a, a + 1))
    }
}

/// Where the subject of a verb may start when the clause break at `floor` is no sentence's
/// end but a split in the text as given, within a name: after an escaped ampersand ("Sukamaju
/// &amp; | Rekan") or between degrees ("Budi , S.H. , M.H. | , M.M. …"). The clause before starts
/// after its own end; else `floor`.
fn past_split(w: &Words, mut floor: usize) -> usize {
    for _ in 0..3 {
        let joined = floor > 1
            && (ampersand(w, floor - 1)
                .is_some_and(|(a, b)| b == floor && a > 0 && w.is(a - 1, Flags::CAP))
                || (w.is(floor, Flags::COMMA)
                    && degree(w.text(floor + 1))
                    && degree(w.text(floor - 1))));
        if !joined {
            break;
        }
        let low = floor.saturating_sub(MAX_PHRASE);
        floor = (low..floor - 1)
            .rev()
            .find(|&i| w.is(i, Flags::END | Flags::MARK | Flags::DOT_END))
            .map_or(low, |i| i + 1);
    }
    floor
}

/// True when token `k` can be part of a speaker phrase.
fn phrase_token(w: &Words, k: usize, from: usize, to: usize) -> bool {
    let f = w.flags[k];
    // "Hartono & Rekan", "Sukamaju &amp; Partners": an ampersand between capitalised words.
    if f.intersects(Flags::PUNCT | Flags::LOWER) {
        if let Some((a, b)) = ampersand(w, k) {
            return a > from && b < to && w.is(a - 1, Flags::CAP) && w.is(b, Flags::CAP);
        }
    }
    if f.contains(Flags::CAP) {
        // A capitalised connector ("Namun", "Dalam") opens no name, but may stand inside one
        // ("Direktur Lalu Lintas").
        // A day name starts the statement's date, not a name: "kata Budi Senin (3/6)".
        // Alone between a cue and the sentence's end, such a word is a name ("tutur Lalu .",
        // the Sasak name).
        return !f.intersects(Flags::REPORT | Flags::CUE | Flags::DAY)
            && (k > from
                || !f.intersects(Flags::STOP | Flags::ADVERB)
                || f.intersects(Flags::ROLE | Flags::ORG)
                || (k > 0 && w.is(k - 1, Flags::CUE) && w.is(k + 1, Flags::END)));
    }
    if f.contains(Flags::LOWER) {
        // "dr Budi Santoso": a doctor's title written in lower case, before a name.
        return (f.intersects(Flags::ROLE | Flags::ROLE_MOD) && !f.contains(Flags::STOP))
            || (doctor(w.text(k)) && k + 1 < to && w.is(k + 1, Flags::CAP));
    }
    // An abbreviation in brackets, of up to three capitalised words: "( KPU )", "( Satpol PP )".
    if f.contains(Flags::OPEN_PAREN) {
        return (k + 2..(k + 5).min(to))
            .any(|c| w.is(c, Flags::CLOSE_PAREN) && (k + 1..c).all(|i| w.is(i, Flags::CAP)));
    }
    if f.contains(Flags::CLOSE_PAREN) {
        return (k.saturating_sub(4).max(from)..k.saturating_sub(1))
            .any(|o| w.is(o, Flags::OPEN_PAREN) && (o + 1..k).all(|i| w.is(i, Flags::CAP)));
    }
    if f.contains(Flags::NUMBER) {
        // "Covid - 19"; "SMAN 3 Brebes", "Kodim 0712 Tegal": the number of an organisation.
        return k > from
            && (w.doc.slice(w.span(k - 1)) == "-"
                || (w.is(k - 1, Flags::ORG)
                    && w.is(k - 1, Flags::CAP)
                    && w.is(k + 1, Flags::CAP)));
    }
    if f.contains(Flags::PUNCT) && w.doc.slice(w.span(k)) == "-" {
        return k > from
            && k + 1 < to
            && w.is(k - 1, Flags::CAP)
            && (w.is(k + 1, Flags::NUMBER | Flags::CAP) || co_title(w, k - 1));
    }
    false
}

/// "Co - founder", "Co - Founder": a position written with its prefix apart, at token `k`.
fn co_title(w: &Words, k: usize) -> bool {
    // The flag first: this runs at every token of the introduction scan, and the text tests
    // cost a slice each.
    w.is(k + 2, Flags::ROLE) && w.text(k).eq_ignore_ascii_case("co") && w.text(k + 1) == "-"
}

/// Whether an introduction can start at token `k` at all (a position, a person the entity layer
/// found, or "Co - founder"): the scan of a whole document tests this at every token before the
/// full test, which needs the token's unit.
pub fn may_introduce(w: &Words, k: usize, short: &ShortNames) -> bool {
    // (`co_title`'s own first test before the call: the compiler does not inline it, and the
    // call at every token cost 15 instructions a token, 5.7 M over 450 documents.)
    w.is(k, Flags::ROLE) || short.is_person(k) || (w.is(k + 2, Flags::ROLE) && co_title(w, k))
}

/// The end of a place written from `a` ("Jakarta Utara", "Kabupaten Sukamaju"), closed by a
/// comma or the sentence's end: two capitalised words or more, no
/// person of the entity layer's among them, opening with a region word or ending with a
/// point of the compass.
fn place_after(w: &Words, a: usize, limit: usize, short: &ShortNames) -> Option<usize> {
    const REGIONS: &[&str] = &[
        "Kabupaten",
        "Kota",
        "Kecamatan",
        "Kelurahan",
        "Provinsi",
        "Desa",
    ];
    const COMPASS: &[&str] = &["Utara", "Selatan", "Barat", "Timur", "Tengah", "Pusat"];
    let person = |k: usize| short.is_person(k);
    let mut e = a;
    while e < limit && e - a < 4 && w.is(e, Flags::CAP) && !w.is(e, Flags::ROLE) && !person(e) {
        e += 1;
    }
    let closed = e == limit || w.is(e, Flags::COMMA | Flags::END);
    let place = REGIONS.contains(&w.text(a)) || COMPASS.contains(&w.text(e - 1));
    (e > a + 1 && closed && place).then_some(e)
}

/// An acting position's prefix ("Pj", "Plt.", "Plh", "Pjs"): "Pj Gubernur X" is the
/// governor's office held for now, part of the role, never of a name.
pub fn acting(word: &str) -> bool {
    matches!(
        word.strip_suffix('.').unwrap_or(word),
        "Pj" | "Plt" | "Plh" | "Pjs" | "PJ" | "PLT" | "PLH"
    )
}

/// True when `name` may be a short form of a full name (one capitalised word of four letters
/// or more): the test of `short_form` the caller makes once per name.
pub fn may_be_short_form(name: &str) -> bool {
    name.len() >= 4 && !name.contains(' ') && name.starts_with(|c: char| c.is_uppercase())
}

/// True when the one-word `name` (`may_be_short_form`) is a short form of the full name `full`:
/// the start of one of its words ("Wulan" of "Sari Wulandari"), or a word and the start of the
/// next ("Budisan" of "Budi Santoso"), as news writes well-known people.
pub fn short_form(name: &str, full: &str) -> bool {
    // (The rest of the word in letters: "Sukamaju." with a corpus's full stop left on it is
    // the word itself.)
    let starts = |word: &str, part: &str| {
        word.len() > part.len()
            && word.is_char_boundary(part.len())
            && word[..part.len()].eq_ignore_ascii_case(part)
            && word[part.len()..].chars().all(char::is_alphabetic)
    };
    let first = name.as_bytes()[0];
    let mut words = full.split(' ');
    while let Some(word) = words.next() {
        // (Most words differ in their first letter: no further test.)
        if word.as_bytes().first() != Some(&first) {
            continue;
        }
        if starts(word, name) {
            return true;
        }
        let joined = name.len() > word.len() + 1
            && name.is_char_boundary(word.len())
            && name[..word.len()].eq_ignore_ascii_case(word)
            && words
                .clone()
                .next()
                .is_some_and(|next| starts(next, &name[word.len()..]));
        if joined {
            return true;
        }
    }
    false
}

/// The speaker phrase starting at token `from` (after a cue), not past `limit`.
pub fn forward(w: &Words, from: usize, limit: usize, short: &ShortNames) -> Option<Mention> {
    let mut k = from;
    let mut group = false;
    if k < limit && w.text(k).eq_ignore_ascii_case("para") {
        group = true;
        k += 1;
    }
    if k < limit && w.is(k, Flags::PRONOUN) {
        return Some(Mention::pronoun(w.word_span(k), k));
    }
    // "kata salah satu warga": one of a group described in lower case, no name.
    if w.text(k) == "salah"
        && w.text(k + 1) == "satu"
        && w.is(k + 2, Flags::LOWER)
        && !w.is(k + 2, Flags::ROLE)
    {
        return descriptor(w, from, k, limit);
    }
    let start = k;
    let mut lower_run = 0;
    while k < limit && k - start < MAX_PHRASE {
        let f = w.flags[k];
        // ("dan", a word of positions, "Humas dan Logistik", ends the phrase between two
        // people: "Menteri X Budi dan Gubernur Y Sari".)
        let ok = (phrase_token(w, k, start, limit)
            && !(f.contains(Flags::LOWER | Flags::ROLE_MOD)
                && joins_people(w, k, w.is(start, Flags::ROLE), short)))
            // "dokter emergensi", "pengamat politik": a few lower-case words after a role.
            || (k > start
                && f.contains(Flags::LOWER)
                && !f.intersects(Flags::STOP | Flags::ADVERB | Flags::REPORT | Flags::CUE)
                && w.is(start, Flags::ROLE)
                && !w.is(k - 1, Flags::CAP)
                && lower_run < 3)
            // "Humas dan Logistik", "Institute for Essential Services Reform": a connector
            // between capitalised words of a long role or organisation.
            // (Not a "dan" between two people: "Menteri X Budi dan Gubernur Y Sari".)
            || (k > start
                && matches!(w.text(k), "dan" | "for" | "of" | "on" | "and" | "&")
                && w.is(k - 1, Flags::CAP)
                && w.is(k + 1, Flags::CAP)
                && w.is(start, Flags::ROLE)
                && !joins_people(w, k, true, short))
            // "Dinas Pariwisata , Pemuda , dan Olahraga": a comma of a list ending in "dan"
            // (not one before a second position: "Gubernur X Budi , dan Wali Kota Y Sari"
            // lists people).
            || (k > start && w.is(start, Flags::ROLE) && role_list_comma(w, start, k, limit));
        if !ok {
            break;
        }
        lower_run = if f.contains(Flags::LOWER) {
            lower_run + 1
        } else {
            0
        };
        k += 1;
        if f.contains(Flags::DOT_END) {
            break;
        }
    }
    // "Wakil Ketua Komisi XIV DPR dari Fraksi Partai Maju Budi Santoso", "anggota DPRD X dari
    // Partai Y, Budi,": a legislator's seat names the party after "dari", and the whole is the
    // position (the party is not an organisation the member heads or works for).
    let mut seat = None;
    if k > start
        && w.text(k) == "dari"
        && matches!(w.text(k + 1), "Fraksi" | "Partai")
        && w.is(start, Flags::ROLE)
        && (start..k).any(|i| {
            matches!(
                w.text(i),
                "DPR" | "DPRD" | "DPD" | "MPR" | "Komisi" | "Baleg" | "Banggar" | "Dewan"
            )
        })
    {
        let a = k + 1;
        let mut e = a;
        while e < limit && e - a < MAX_PHRASE && phrase_token(w, e, a, limit) {
            e += 1;
            if w.is(e - 1, Flags::DOT_END) {
                break;
            }
        }
        if e > a + 1 {
            seat = Some(k);
            k = e;
        }
    }
    // A trailing lower-case word is not part of the phrase ("kata Kepala Dinas hari ini"),
    // unless a comma closes the role ("kuasa hukum terdakwa, Made").
    let named = (start..k).any(|i| w.is(i, Flags::CAP));
    while named
        && k > start
        && w.is(k - 1, Flags::LOWER)
        && !w.is(k - 1, Flags::ROLE | Flags::ROLE_MOD)
        && !w.is(k, Flags::COMMA)
    {
        k -= 1;
    }
    if k == start {
        return descriptor(w, from, start, limit);
    }
    // "kata politisi Partai Maju itu", "ujar dokter di Puskesmas Sukamaju ini": a lower-case
    // position with a demonstrative describes someone named before; the capitalised words are
    // their organisation, not their name.
    if w.is(start, Flags::ROLE) && w.is(start, Flags::LOWER) {
        let demonstrative = |k: usize| matches!(w.text(k), "itu" | "ini" | "tersebut");
        let mut end = k;
        if w.text(end) == "di" && w.is(end + 1, Flags::CAP) {
            let mut e = end + 1;
            while e < limit && e - end < MAX_PHRASE && phrase_token(w, e, end + 1, limit) {
                e += 1;
            }
            if demonstrative(e) {
                end = e;
            }
        }
        if demonstrative(end) {
            return Some(Mention {
                start: from,
                end,
                role: Some((start, end)),
                group,
                anaphoric: true,
                ..Mention::default()
            });
        }
    }
    let mut m = match seat {
        Some(d) => {
            // The name ends the party's run ("… Fraksi Partai Maju ( PM ) Budi Santoso"), or
            // follows it in apposition.
            // (The word after "Fraksi", "Fraksi Partai" or "Partai" is the party's.)
            let party = d + 2 + usize::from(w.text(d + 2) == "Partai");
            let apposed = w.is(k, Flags::COMMA) && w.is(k + 1, Flags::CAP);
            let ns = if apposed {
                k
            } else {
                name_start(w, (party + 1).min(k), k, short)
            };
            Mention {
                start,
                end: k,
                role: Some((start, ns)),
                name: (ns < k).then_some((ns, k)),
                ..Mention::default()
            }
        }
        None => segment(w, start, k, short),
    };
    m.start = from;
    m.group = group;
    // "Rita (44)": introduced by age.
    let years = w.text(k + 1);
    if w.is(k, Flags::OPEN_PAREN)
        && (1..=3).contains(&years.len())
        && years.bytes().all(|b| b.is_ascii_digit())
        && w.is(k + 2, Flags::CLOSE_PAREN)
    {
        m.private = true;
    }
    // "kata Hartono dari Balai Karantina Kelas II Semarang"
    let mut from_dari = false;
    if m.affiliation.is_none() && k + 1 < limit && w.text(k) == "dari" && w.is(k + 1, Flags::CAP) {
        let a = k + 1;
        let mut e = a;
        while e < limit && e - a < 10 && phrase_token(w, e, a, limit) {
            e += 1;
            if w.is(e - 1, Flags::DOT_END) {
                break;
            }
        }
        if e > a {
            m.affiliation = Some((a, e));
            m.end = e;
            from_dari = true;
        }
    }
    // "ujar Sari Wulandari , dari Lembaga X , kepada wartawan": the organisation after "dari"
    // set off by commas after a bare name, closed by a comma or the sentence's end. (One with an
    // organisation word or an acronym: "kata Budi , dari Jakarta ," says where Budi spoke from.)
    if m.affiliation.is_none()
        && m.role.is_none()
        && m.name.is_some_and(|n| n.1 == m.end)
        && w.is(m.end, Flags::COMMA)
        && w.text(m.end + 1) == "dari"
        && w.is(m.end + 2, Flags::CAP)
    {
        let a = m.end + 2;
        let mut e = a;
        while e < limit && e - a < 10 && phrase_token(w, e, a, limit) {
            e += 1;
            if w.is(e - 1, Flags::DOT_END) {
                break;
            }
        }
        let closed =
            e == limit || w.is(e, Flags::COMMA | Flags::END) || w.is(e - 1, Flags::DOT_END);
        let org =
            (a..e).any(|k| w.is(k, Flags::ORG) || (w.is(k, Flags::UPPER) && w.text(k).len() >= 3));
        if e > a && closed && org {
            m.affiliation = Some((a, e));
            m.end = e;
            from_dari = true;
        }
    }
    // "kata Kepala Puskesmas Sukamaju , Jakarta Utara ,", "kata Camat Sukamaju , Kabupaten
    // Sukamaju ,", "kata Presiden dari Istana X , Jawa Barat ,": a place set off after a position
    // with no name before it, a region of the entity layer's (a last word it ends a place or an
    // organisation with, no person in it) or a region word's ("Kabupaten X"), is where the office
    // is, not the speaker's name. It belongs to the organisation, or the position when there is
    // none (what was read as a name before it is the office's too); after "dari" and a building
    // or an organisation it is where the speaker was, and is left out.
    let mut placed_after = false;
    if m.role.is_some() {
        while w.is(m.end, Flags::COMMA) {
            let Some(e) = place_after(w, m.end + 1, limit, short) else {
                break;
            };
            if !from_dari {
                match (m.affiliation, m.name.take(), m.role) {
                    (Some((s, _)), _, _) => m.affiliation = Some((s, e)),
                    (None, _, Some((s, _))) => m.role = Some((s, e)),
                    _ => {}
                }
                m.end = e;
                placed_after = true;
            } else {
                m.name = None;
                m.end = e;
                placed_after = true;
                break;
            }
        }
    }
    // "tutur kuasa hukum terdakwa, Made Sudarsana", "Kepala Dinas Kesehatan Sleman, Joko
    // Hastaryo, mengatakan": the name in apposition; what looked like a name is the place.
    if m.role.is_some() && w.is(m.end, Flags::COMMA) {
        // "pengajar Universitas X , Yogyakarta , Budi Santoso ,": the place of the organisation
        // set off between commas before the name.
        let place = m.end + 1;
        let placed = w.is(place + 1, Flags::COMMA)
            && w.is(place, Flags::CAP)
            && lone_place(w, place, short)
            && short.is_person(place + 2);
        let a = if placed { place + 2 } else { m.end + 1 };
        let mut e = a;
        // Degrees ("S.H.", "M.Si") are no name, nor is a second person's position ("Menteri
        // X Budi, Gubernur Y Sari, …": a list of people).
        // (Nor a day after a place set off: "kata Camat X , Kabupaten Y , Senin".)
        while e < limit
            && e - a < MAX_NAME
            && w.is(e, Flags::CAP)
            && !w.is(e, Flags::STOP | Flags::UPPER)
            && !(placed_after && w.is(e, Flags::DAY))
            && !(e == a && w.is(e, Flags::ROLE) && !w.is(e, Flags::RANK))
            && !w.text(e).contains('.')
        {
            e += 1;
            if w.is(e - 1, Flags::DOT_END) {
                break;
            }
        }
        // (A semicolon closes an item of a list of people: "Direktur X , Budi ; Ketua Y , …".)
        // (After a place set off, a name the entity layer reads as a person needs nothing
        // after it: "kata Kepala Puskesmas X , Jakarta Utara , Budi Santoso ketika dihubungi".)
        let closed = e == limit
            || w.is(e, Flags::COMMA | Flags::END | Flags::REPORT)
            || w.text(e) == ";"
            || (placed_after && (a..e).all(|k| short.is_person(k)));
        // "kata pemilik warung X , Budi Santoso ( 50 ) ,": a name in apposition with an age, a
        // private person's.
        let aged = w.is(e, Flags::OPEN_PAREN)
            && w.is(e + 1, Flags::NUMBER)
            && w.is(e + 2, Flags::CLOSE_PAREN)
            && w.text(e + 1).len() <= 3;
        let closed = closed || aged;
        let set_off = w.is(e, Flags::COMMA) || w.text(e) == ";" || aged;
        // (A one-word "name" that the entity layer reads as a place is the organisation's
        // place even when a full name in apposition ends the sentence: "ujar juru bicara Satgas
        // Kabupaten Sukamaju , Budi Santoso .")
        let place_name = e >= a + 2
            && m.name
                .is_some_and(|(s, e)| e == s + 1 && lone_place(w, s, short));
        if e > a && closed && (m.name.is_none() || set_off || place_name) {
            if let (Some((_, re)), Some((_, ne))) = (m.role, m.name) {
                m.affiliation = Some((m.affiliation.map_or(re, |x| x.0), ne));
            }
            m.name = Some((a, e));
            m.end = e;
            m.private |= aged;
        }
    }
    // "kata Hendra Gunawan, anggota tim kuasa hukum": a role in apposition.
    if m.role.is_none()
        && m.name.is_some()
        && w.is(m.end, Flags::COMMA)
        && w.is(m.end + 1, Flags::ROLE)
        && w.is(m.end + 1, Flags::LOWER)
    {
        let a = m.end + 1;
        let mut e = a;
        while e < limit && e - a < 10 && !w.is(e, Flags::COMMA | Flags::END | Flags::MARK) {
            e += 1;
            if w.is(e - 1, Flags::DOT_END) {
                break;
            }
        }
        if e < limit && w.is(e, Flags::COMMA) || e == limit || w.is(e, Flags::END) {
            // "kata Budi, peneliti | Universitas X", "kata Budi, pakar pariwisata | UGM": the
            // lower-case words are the position, an organisation in capitals after them is its
            // organisation.
            let org = (a + 1..e).find(|&k| w.is(k, Flags::CAP)).filter(|&c| {
                (a + 1..c).all(|k| !w.is(k, Flags::STOP | Flags::YANG))
                    && (c..e).all(|k| w.is(k, Flags::CAP | Flags::OPEN_PAREN | Flags::CLOSE_PAREN))
                    && (c..e).any(|k| {
                        w.is(k, Flags::ORG) || (w.is(k, Flags::UPPER) && w.text(k).len() >= 3)
                    })
            });
            m.role = Some((a, org.unwrap_or(e)));
            m.affiliation = org.map(|c| (c, e));
            m.end = e;
        }
    }
    // "kata Budi Hartono, Direktur Utama PT Sentosa Abadi", "kata Dedi, Kepala Regu B dari
    // Dinas Pemadam Kebakaran": a capitalised position in apposition, its organisation after it.
    // (Also after "selaku": "Budi Santoso selaku Kepala Dinas X menjelaskan"; and a second
    // position in a relative clause, "ujar Budi yang juga menjabat Ketua Komite X", "kata Budi,
    // yang juga juru bicara Satgas X", which the corpus labels as the speaker's position.)
    let also = {
        let mut j = m.end + usize::from(w.is(m.end, Flags::COMMA));
        if w.text(j) == "yang" && w.text(j + 1) == "juga" {
            j += 2;
            if matches!(w.text(j), "menjabat" | "merupakan" | "sebagai") {
                j += 1;
            }
            Some(j)
        } else {
            None
        }
    };
    let lead = also.unwrap_or(m.end + 1);
    if m.role.is_none()
        && m.name.is_some()
        && (also.is_some() || w.is(m.end, Flags::COMMA) || w.text(m.end) == "selaku")
        && lead < limit
        && w.is(lead, Flags::ROLE)
        && (w.is(lead, Flags::CAP) || (also.is_some() && !w.is(lead, Flags::STOP)))
    {
        let a = lead;
        let run = |a: usize| {
            let mut e = a;
            // (Each item of a list inside the position, "Dinas A , B , C , dan D", adds its
            // comma and a word to the phrase's length.)
            let mut items = 0;
            while e < limit
                && e - a < MAX_PHRASE + 2 * items
                && (phrase_token(w, e, a, limit) || (e > a && role_list_comma(w, a, e, limit)))
            {
                items += usize::from(w.is(e, Flags::COMMA));
                e += 1;
                if w.is(e - 1, Flags::DOT_END) {
                    break;
                }
            }
            e
        };
        let mut e = run(a);
        let mut from = None;
        if e > a && e + 1 < limit && w.text(e) == "dari" && w.is(e + 1, Flags::CAP) {
            let f = run(e + 1);
            if f > e + 1 {
                from = Some((e + 1, f));
            }
        }
        let end = from.map_or(e, |(_, f)| f);
        // Closed by a comma or the end, or by the verb or an adjunct of the clause the mention
        // is the subject of ("Budi, Kepala Dinas X menegaskan", "Budi, Kepala Dinas X secara
        // terpisah menjelaskan", "Budi selaku Kepala Dinas X meninjau").
        let closed = end == limit
            || w.is(end, Flags::COMMA | Flags::END | Flags::REPORT)
            || (w.is(end, Flags::LOWER) && !w.is(end, Flags::ROLE | Flags::ROLE_MOD));
        if e > a && closed {
            let r = segment(w, a, e, short);
            if let Some((rs, re)) = r.role {
                // Every word after the position is its organisation: the name came before. With
                // the organisation after "dari", every word before it is the position's ("Kepala
                // Regu B | dari Dinas X").
                let re = if from.is_some() { e } else { re };
                if from.is_none() && re < e {
                    from = Some((re, e));
                }
                e = end;
                m.role = Some((rs, re));
                m.affiliation = from;
                m.end = e;
                m.also = also.is_some();
            }
        }
    }
    Some(m)
}

/// True when the "dan" at `d` joins two people rather than two words of one position or
/// organisation ("Humas dan Logistik"): the word before it ends a person the entity layer found,
/// and the second is written as the first is: a capitalised position after a phrase opening
/// with one, `titled` ("Menteri X Budi dan Gubernur Y Sari"), a person of the entity layer's
/// and no position after a bare name ("Budi Santoso dan Sari Wulandari"). (Of "CEO X dan Y
/// Budi" the entity layer's "person" X is the first word of a company's name.)
fn joins_people(w: &Words, d: usize, titled: bool, short: &ShortNames) -> bool {
    let person = |k: usize| short.is_person(k);
    let second = if titled {
        w.is(d + 1, Flags::ROLE) && w.is(d + 1, Flags::CAP) && !w.is(d + 1, Flags::ORG)
    } else {
        person(d + 1) && !w.is(d + 1, Flags::ROLE | Flags::RANK)
    };
    d > 0 && person(d - 1) && second && w.text(d) == "dan"
}

/// A mention for two people named together, `a` and `b` their names, over `start..end`.
fn pair(start: usize, end: usize, a: (usize, usize), b: (usize, usize), private: bool) -> Mention {
    Mention {
        start,
        end,
        group: true,
        private,
        pair: Some([a, b]),
        ..Mention::default()
    }
}

/// The speaker phrase after a cue (`forward`), and a second person joined to it by "dan"
/// ("kata Budi Santoso dan Sari Wulandari", "Menurut Menteri X Budi dan Gubernur Y Sari , …"):
/// the two together, a group. (Not in `forward` itself: the scan of introductions reads the
/// two people apart.)
pub fn after_cue(w: &Words, from: usize, limit: usize, short: &ShortNames) -> Option<Mention> {
    let m = pair_up(w, forward(w, from, limit, short)?, short);
    let Some(a) = m
        .name
        .filter(|n| n.1 == m.end && m.pronoun.is_none() && !m.group && m.end + 1 < limit)
    else {
        return Some(m);
    };
    if !joins_people(w, m.end, m.role.is_some(), short) {
        return Some(m);
    }
    match forward(w, m.end + 1, limit, short) {
        Some(second) if second.pronoun.is_none() && !second.group && second.end > m.end + 1 => {
            match second.name {
                Some(b) => Some(pair(m.start, second.end, a, b, m.private && second.private)),
                None => Some(m),
            }
        }
        _ => Some(m),
    }
}

/// A subject read before its verb that names two people joined by "dan" ("Budi dan Sari
/// mengatakan", "Menteri X Budi dan Gubernur Y Sari menilai"), as a pair; else `m` itself.
/// (The phrase reader takes "dan" inside a long position, and read the first person as the
/// second's organisation.)
fn pair_up(w: &Words, m: Mention, short: &ShortNames) -> Mention {
    if m.pronoun.is_some() || m.anaphoric || m.group || m.pair.is_some() || m.end < m.start + 3 {
        return m;
    }
    // A "dan" between capitalised words: two people the entity layer found, or two bare names
    // ("Budi dan Sari", "Rusia dan China"), each read whole as a name with no position or
    // organisation (the phrase reader had read the first as the second's organisation).
    for d in m.start + 1..m.end - 1 {
        if !(w.is(d, Flags::LOWER) && w.is(d - 1, Flags::CAP) && w.is(d + 1, Flags::CAP))
            || w.text(d) != "dan"
        {
            continue;
        }
        let (left, right) = (
            segment(w, m.start, d, short),
            segment(w, d + 1, m.end, short),
        );
        let bare = |x: &Mention| x.role.is_none() && x.affiliation.is_none();
        let ok = match (left.name, right.name) {
            (Some(a), Some(b)) if a.1 == d && b.1 == m.end => {
                (left.role.is_some() == right.role.is_some()
                    && joins_people(w, d, left.role.is_some(), short))
                    || (bare(&left) && bare(&right) && a.0 == m.start && b.0 == d + 1)
            }
            _ => false,
        };
        if ok {
            return pair(
                m.start,
                m.end,
                left.name.unwrap(),
                right.name.unwrap(),
                m.private,
            );
        }
    }
    m
}

/// An introduction anywhere in the text that does not open with a capitalised position: a name
/// with its position in apposition ("Budi Santoso, Kepala Dinas X, …") or a lower-case position
/// before a name set off by commas ("peneliti Universitas X, Budi Santoso, …"). The corpus
/// introduces a speaker where the article first names them, often outside any statement.
pub fn introduction(w: &Words, k: usize, limit: usize, short: &ShortNames) -> Option<Mention> {
    if k >= limit || w.is(k, Flags::BOILER) {
        return None;
    }
    let person = |k: usize| short.is_person(k);
    // After a capitalised connector ("Menurut", "Bagi", "Sementara") or a one-word crosshead
    // opening the sentence ("Banjir Ketua Umum X Budi …"), a phrase starts as after a break.
    let opener = |k: usize| {
        w.is(k, Flags::CAP)
            && !w.is(k, Flags::ROLE | Flags::ORG | Flags::RANK)
            && !person(k)
            && (w.is(k, Flags::STOP | Flags::ADVERB | Flags::ACCORDING)
                || k == 0
                || w.is(k - 1, Flags::END | Flags::MARK | Flags::DOT_END))
    };
    let after_break = k == 0 || !w.is(k - 1, Flags::CAP | Flags::ROLE) || opener(k - 1);
    // A name the entity layer found, starting here, with a position after a comma.
    let name_first = person(k)
        && after_break
        && (k == 0 || !person(k - 1))
        && w.is(k, Flags::CAP)
        && !w.is(k, Flags::ROLE);
    // A lower-case position ("peneliti", "sosiolog") opening a phrase.
    let lower_role = w.is(k, Flags::ROLE)
        && w.is(k, Flags::LOWER)
        && !w.is(k, Flags::STOP)
        && after_break
        && !(k > 0 && w.text(k - 1).eq_ignore_ascii_case("para"));
    // A capitalised position after a capitalised connector opening the sentence ("Bagi Ketua
    // Komisi X Budi, …", "Sementara Kepala Dinas X Budi …"), which the scan of positions skips.
    let after_connector = w.is(k, Flags::ROLE) && w.is(k, Flags::CAP) && k > 0 && opener(k - 1);
    let co = co_title(w, k) && after_break;
    if !name_first && !lower_role && !after_connector && !co {
        return None;
    }
    let m = forward(w, k, limit, short)?;
    let named_first = m.name.is_some_and(|(s, _)| s == k);
    let ok = m.role.is_some()
        && m.name.is_some()
        && !m.private
        && !m.group
        && !m.anaphoric
        && m.end > k
        && (lower_role || after_connector || co || named_first);
    ok.then_some(m)
}

/// True when token `k` is a comma of a capitalised list ending in "dan" inside a position
/// ("Dinas Pasar , Taman , dan Danau"), not one before a second position ("Gubernur X
/// Budi , dan Wali Kota Y Sari" lists people). After a government title from `from`, the
/// phrase names a unit or an organisation before the comma ("Menteri Koordinator Bidang A , B ,
/// dan C"), not only a region: "Wali Kota Sukamaju , Forum X , dan Satgas Y" lists the mayor
/// with others.
fn role_list_comma(w: &Words, from: usize, k: usize, limit: usize) -> bool {
    w.is(k, Flags::COMMA)
        && w.is(k.wrapping_sub(1), Flags::CAP)
        && (!w.is(from, Flags::GOV_ROLE)
            || (from..k).any(|x| {
                w.is(x, Flags::ORG | Flags::SUBUNIT)
                    && w.is(x, Flags::CAP)
                    && !matches!(w.text(x), "Provinsi" | "Kabupaten" | "Kota")
            }))
        && !(w.is(k + 1, Flags::ROLE) || (w.text(k + 1) == "dan" && w.is(k + 2, Flags::ROLE)))
        && list_comma(w, k, limit)
}

/// True when the comma at `k` separates items of a capitalised list that ends in "dan"
/// ("Pariwisata , Pemuda , dan Olahraga"), not a name set off after a role.
fn list_comma(w: &Words, k: usize, limit: usize) -> bool {
    // The list's last comma: "Politik , Hukum , dan Keamanan".
    if w.text(k + 1) == "dan" && k + 2 < limit && w.is(k + 2, Flags::CAP) {
        return true;
    }
    let mut m = k;
    for _ in 0..6 {
        let first = m + 1;
        let mut e = first;
        while e < limit && e - first < 4 && w.is(e, Flags::CAP) {
            e += 1;
        }
        if e == first || e >= limit {
            return false;
        }
        match w.text(e) {
            "dan" => return w.is(e + 1, Flags::CAP),
            "," if w.text(e + 1) == "dan" => return w.is(e + 2, Flags::CAP),
            "," => m = e,
            _ => return false,
        }
    }
    false
}

/// Where the phrase holding the comma-delimited segment starting at `s` starts: at `s`, unless
/// the segment is the last item of a capitalised list inside a position ("Kepala Dinas A , B ,
/// | dan C Kota X Budi , Senin (…), menjelaskan", "Menteri Koordinator Bidang A , B , | dan C
/// Budi"): then at the first item, the one
/// holding the position (up to six items of up to four capitalised words each before it).
fn list_opening(w: &Words, s: usize, floor: usize) -> usize {
    if w.text(s) != "dan" || !w.is(s + 1, Flags::CAP) {
        return s;
    }
    let mut c = s;
    for _ in 0..6 {
        if c < floor + 2 || !w.is(c - 1, Flags::COMMA) {
            return s;
        }
        let ps = segment_start(w, c - 1, floor);
        if ps + 1 > c - 1 {
            return s;
        }
        if (ps..c - 1).any(|k| w.is(k, Flags::ROLE) && w.is(k, Flags::CAP)) {
            return ps;
        }
        if c - 1 - ps > 4 || !(ps..c - 1).all(|k| w.is(k, Flags::CAP)) {
            return s;
        }
        c = ps;
    }
    s
}

/// "ujar pria 45 tahun itu", "kata seorang pedagang": a private person described, not named.
fn descriptor(w: &Words, from: usize, start: usize, limit: usize) -> Option<Mention> {
    if !w.is(start, Flags::LOWER) || w.is(start, Flags::STOP | Flags::ADVERB) {
        return None;
    }
    let mut k = start;
    while k < limit
        && k - start < 8
        && !w.is(k, Flags::COMMA | Flags::END | Flags::MARK | Flags::STOP)
        && !(k > start && w.is(k, Flags::YANG))
    {
        k += 1;
        if w.is(k - 1, Flags::DOT_END) {
            break;
        }
    }
    Some(Mention {
        start: from,
        end: k.max(start + 1),
        private: true,
        ..Mention::default()
    })
}

/// The subject phrase ending right before token `verb`, not before `floor`; two people named
/// together are a pair (`pair_up`).
pub fn backward(w: &Words, verb: usize, floor: usize, short: &ShortNames) -> Option<Mention> {
    let floor = past_split(w, floor);
    backward_one(w, verb, floor, short).map(|m| pair_up(w, m, short))
}

/// [`backward`] before two people named together are read as a pair.
fn backward_one(w: &Words, verb: usize, floor: usize, short: &ShortNames) -> Option<Mention> {
    let mut k = verb;
    let mut anaphoric = false;
    while k > floor && w.is(k - 1, Flags::LOWER) && w.is(k - 1, Flags::ADVERB) {
        if matches!(w.text(k - 1), "itu" | "tersebut" | "ini") {
            anaphoric = true;
        }
        k -= 1;
    }
    // "Budi Santoso dalam sambutannya menyampaikan", "Rina Wulandari dalam sambutannya di acara
    // tersebut menyampaikan", "Agus Salim, secara rinci memaparkan": an adjunct
    // between subject and verb.
    let mut a = k;
    while a > floor
        && k - a < MAX_ADJUNCT
        && w.is(a - 1, Flags::LOWER)
        && !w.is(a - 1, Flags::REPORT)
    {
        a -= 1;
    }
    while a < k && !ADJUNCT_HEADS.contains(&w.text(a)) {
        a += 1;
    }
    if a < k && a > floor && w.is(a - 1, Flags::CAP | Flags::COMMA) {
        k = a;
        // A demonstrative stripped above closed the adjunct ("di acara tersebut"), not the
        // subject.
        anaphoric = false;
    }
    // "Budi Santoso , S.Pd. , mengatakan", "Sari Wulandari , SE , MM menyampaikan": academic
    // degrees after the name are not the subject; the name before their comma is (when the
    // phrase there reads as one).
    let d = degrees_before(w, k, floor);
    if d < k {
        if let Some(m) = backward(w, d, floor, short) {
            return Some(m);
        }
    }
    if k == floor {
        return None;
    }
    if w.is(k - 1, Flags::PRONOUN) {
        return Some(Mention::pronoun(w.word_span(k - 1), k - 1));
    }
    // "Teguh, Kepala …, Senin (20/4/2020) menjelaskan": a date written right before the verb,
    // without the comma after it.
    if w.is(k - 1, Flags::CLOSE_PAREN) {
        let mut s = k - 1;
        while s > floor && k - s < 10 && !w.is(s - 1, Flags::COMMA | Flags::END | Flags::MARK) {
            s -= 1;
        }
        if s > floor && w.is(s, Flags::DAY) && w.is(s, Flags::CAP) && w.is(s - 1, Flags::COMMA) {
            return apposition(w, s - 1, floor, short);
        }
    }
    if w.is(k - 1, Flags::COMMA) {
        // "Hendra Gunawan, Senin (20/4/2020), mengatakan", "Hartono saat dihubungi, mengatakan":
        // a date or an adjunct between the subject and its verb.
        let mut comma = k - 1;
        let mut dated = false;
        for _ in 0..2 {
            let mut s = comma;
            while s > floor && !w.is(s - 1, Flags::COMMA | Flags::END | Flags::MARK) {
                s -= 1;
            }
            let adjunct = s < comma
                && (w.is(s, Flags::DAY)
                    || (w.is(s, Flags::LOWER)
                        && w.is(s, Flags::STOP | Flags::YANG)
                        && !w.is(s, Flags::ROLE)));
            if adjunct && s > floor && w.is(s - 1, Flags::COMMA) {
                dated |= w.is(s, Flags::DAY);
                comma = s - 1;
            } else {
                break;
            }
        }
        // "Budi Hartono dalam konferensi pers daring, Senin (…), menyatakan": an adjunct after
        // the subject, before the date; the subject ends where it starts (and may hold list
        // commas of its own, "Deputi Bidang Riset , Inovasi , dan Pengembangan …", which the run
        // before a verb reads). Without the date, a clause before the comma is as often the
        // sentence's opening adjunct ("Dalam rangka HUT ini, mengucapkan …").
        let mut s = comma;
        while s > floor
            && comma - s <= MAX_ADJUNCT + 2
            && !w.is(s - 1, Flags::COMMA | Flags::END | Flags::MARK)
        {
            s -= 1;
        }
        if let Some(a) = (s.max(floor + 1)..comma).filter(|_| dated).find(|&a| {
            ADJUNCT_HEADS.contains(&w.text(a))
                && w.is(a - 1, Flags::CAP)
                && comma - a <= MAX_ADJUNCT + 2
        }) {
            return backward(w, a, floor, short);
        }
        return apposition(w, comma, floor, short);
    }
    let mut j = k;
    while j > floor && j + MAX_PHRASE > k && phrase_token(w, j - 1, floor, k) {
        j -= 1;
    }
    // Connectors inside a long role or organisation: "Humas dan Logistik", "Institute for
    // Essential Services Reform", "Dinas Pariwisata , Pemuda , dan Olahraga". The runs before
    // them belong to the subject when one further back starts with a position; a comma only
    // in a list that ends with "dan" ("A , B , dan C"), as a comma alone sets off a name.
    // (Also "pada" before an organisation: "Direktur Jenderal X | pada | Kementerian Y Budi", the
    // position held in it; and "sekaligus" between two positions of one person: "Wali Kota
    // sekaligus Ketua Satgas X Budi", which the PFSA writer labels apart.)
    let connector = |i: usize| {
        matches!(
            w.text(i),
            "dan" | "for" | "of" | "on" | "and" | "&" | "untuk" | "," | "sekaligus"
        ) || pada_org(w, i)
    };
    // ("dan" continues a role itself, so the run may already start with it.)
    let mut t = j;
    while t < k && connector(t) {
        t += 1;
    }
    let mut listed = false;
    while t > floor + 1 && k - t < 3 * MAX_PHRASE {
        let mut c = t;
        while c > floor + 1
            && c + 2 > t
            && connector(c - 1)
            && (w.text(c - 1) != "," || listed || c < t)
        {
            listed |= w.text(c - 1) != ",";
            c -= 1;
        }
        if c == t || !w.is(c - 1, Flags::CAP) {
            break;
        }
        let mut i = c;
        while i > floor && c - i < MAX_PHRASE && phrase_token(w, i - 1, floor, k) {
            i -= 1;
        }
        if i == c {
            break;
        }
        let mut r = i;
        while r < c && w.is(r, Flags::STOP | Flags::ADVERB) && !w.is(r, Flags::ROLE | Flags::ORG) {
            r += 1;
        }
        if r < c && w.is(r, Flags::ROLE) {
            j = i;
            break;
        }
        t = i;
    }
    // A sentence-initial connector is not part of the subject: "Namun Jerman mengatakan".
    while j < k && w.is(j, Flags::STOP | Flags::ADVERB) && !w.is(j, Flags::ROLE | Flags::ORG) {
        j += 1;
    }
    // A crosshead run into the next sentence ("Kewaspadaan Kepala Dinas …"), or the tail of a
    // date ("… pada 14 Januari Kepala Dinas …"): one or two capitalised words before a position,
    // none of them an organisation, rank or acronym, are not the subject's.
    if j < k && !w.is(j, Flags::ROLE | Flags::RANK | Flags::ORG) {
        let head = (j + 1..k.min(j + 3)).find(|&r| w.is(r, Flags::ROLE) && w.is(r, Flags::CAP));
        if let Some(r) = head.filter(|&r| {
            (j..r).all(|x| {
                w.is(x, Flags::CAP)
                    && !w.is(x, Flags::ORG | Flags::RANK | Flags::UPPER | Flags::ROLE)
            })
        }) {
            j = r;
        }
    }
    if j == k {
        return None;
    }
    // "Budi Santoso yang dihubungi pertengahan Maret lalu menjelaskan": a month alone before
    // the verb ends a relative clause after the subject, and names nobody; the subject is the
    // name before its "yang" (in the same clause). (Also after an adjunct's head, "Budi saat
    // dihubungi pada Jumat 5 Maret menjelaskan", the JSON would be right, but KoTA
    // leaves such an introduction unlabelled: PERSON 42.00 -> 41.98, PERSONCOREF +0.08.)
    if j + 1 == k && w.is(j, Flags::CAP) && month(w.text(j)) {
        let y = (floor.max(j.saturating_sub(12))..j)
            .rev()
            .take_while(|&y| !w.is(y, Flags::COMMA | Flags::END | Flags::MARK))
            .find(|&y| w.is(y, Flags::YANG))
            .filter(|&y| y > floor && w.is(y - 1, Flags::CAP));
        if let Some(m) = y.and_then(|y| backward(w, y, floor, short)) {
            return Some(m);
        }
    }
    // "Wakil Ketua Komisi XIV DPR dari Fraksi Partai Maju Budi menilai": the run before the verb
    // is a legislator's party; the seat before "dari" is the start of the subject (`forward`
    // reads the whole as the position).
    if j > floor + 1 && w.text(j - 1) == "dari" && matches!(w.text(j), "Fraksi" | "Partai") {
        let d = j - 1;
        let mut i = d;
        while i > floor && d - i < MAX_PHRASE && phrase_token(w, i - 1, floor, d) {
            i -= 1;
        }
        while i < d && w.is(i, Flags::STOP | Flags::ADVERB) && !w.is(i, Flags::ROLE | Flags::ORG) {
            i += 1;
        }
        if i < d && w.is(i, Flags::ROLE) {
            if let Some(m) =
                forward(w, i, k, short).filter(|m| m.end == k && m.role.is_some_and(|r| r.1 > d))
            {
                return Some(m);
            }
        }
    }
    // "Budi Santoso selaku Kepala Desa X mengatakan": the run before the verb is the position
    // of the person named before "selaku"; the subject is the whole, read forward as after a cue
    // (up to four capitalised words opening the clause, a person of the entity layer's).
    if j > floor + 2 && w.text(j - 1) == "selaku" && w.is(j, Flags::ROLE) && !anaphoric {
        let d = j - 1;
        let person = |k: usize| short.is_person(k);
        let mut i = d;
        while i > floor && d - i < 4 && w.is(i - 1, Flags::CAP) && person(i - 1) {
            i -= 1;
        }
        let opens = i < d && (i == floor || w.is(i - 1, Flags::COMMA | Flags::END | Flags::MARK));
        if opens {
            if let Some(m) = forward(w, i, k, short)
                .filter(|m| m.end == k && m.role.is_some() && m.name.is_some_and(|n| n == (i, d)))
            {
                return Some(m);
            }
        }
    }
    // "Budi Santoso dari Universitas X mengatakan": the run before the verb is the organisation
    // the person named before "dari" comes from; the subject is the whole (up to four
    // capitalised words opening the clause, none a position, organisation or connector).
    if j > floor + 2
        && w.is(j - 1, Flags::LOWER)
        && w.text(j - 1) == "dari"
        && w.is(j, Flags::ORG)
        && !anaphoric
    {
        let d = j - 1;
        let mut i = d;
        while i > floor
            && d - i < 4
            && w.is(i - 1, Flags::CAP)
            && !w.is(
                i - 1,
                Flags::ROLE | Flags::ORG | Flags::RANK | Flags::UPPER | Flags::STOP | Flags::ADVERB,
            )
        {
            i -= 1;
        }
        // ("Peneliti Budi Santoso dari …": a position word or two before the name.)
        let mut r = i;
        while r > floor && i - r < 2 && w.is(r - 1, Flags::ROLE) {
            r -= 1;
        }
        let opens = i < d && (r == floor || w.is(r - 1, Flags::COMMA | Flags::END | Flags::MARK));
        if opens {
            // (Read forward, as after a cue: "kata Budi Santoso dari Universitas X".)
            if let Some(m) = forward(w, r, k, short).filter(|m| {
                m.end == k
                    && m.name.is_some_and(|n| n.0 == i && n.1 <= d)
                    && m.affiliation.is_some_and(|a| a.0 >= j)
            }) {
                return Some(m);
            }
        }
    }
    // "kantor berita Rusia TASS", "juru bicara Kremlin": lower-case role words before it.
    let mut s = past_dateline(w, j, k);
    while s > floor && s + MAX_PHRASE > k && w.is(s - 1, Flags::LOWER) {
        if w.is(s - 1, Flags::ROLE | Flags::ORG)
            || (s >= floor + 2
                && w.is(s - 2, Flags::ROLE | Flags::ORG)
                && w.is(s - 2, Flags::LOWER))
        {
            s -= 1;
        } else {
            break;
        }
    }
    // "Pengamat kebijakan publik Budi Santoso menilai", "Pengamat politik dari Universitas X
    // Budi menilai": a position opening the clause with up to three lower-case words of its
    // field (none of them a position itself), perhaps "dari" and the organisation after it.
    let mut dari = None;
    if s == j && s > floor + 1 && !anaphoric {
        let mut r = s;
        if w.text(r - 1) == "dari" && w.is(r, Flags::CAP) {
            dari = Some(r - 1);
            r -= 1;
        }
        let field = r;
        while r > floor
            && field - r < 3
            && w.is(r - 1, Flags::LOWER)
            && !w.is(
                r - 1,
                Flags::STOP
                    | Flags::ADVERB
                    | Flags::REPORT
                    | Flags::CUE
                    | Flags::YANG
                    | Flags::ROLE
                    | Flags::FIRST_PERSON
                    | Flags::PRONOUN,
            )
        {
            r -= 1;
        }
        let opens = r > floor
            && w.is(r - 1, Flags::ROLE)
            && !w.is(r - 1, Flags::STOP)
            && (r - 1 == floor || w.is(r - 2, Flags::COMMA | Flags::END | Flags::MARK));
        if opens && (field > r || dari.is_some()) {
            s = r - 1;
        } else {
            dari = None;
        }
    }
    if let Some(d) = dari {
        let mut m = segment(w, d + 1, k, short);
        if m.role.is_none() {
            m.role = Some((s, d));
            m.start = s;
            return Some(m);
        }
        s = j;
    }
    if s > floor && w.text(s - 1).eq_ignore_ascii_case("para") {
        s -= 1;
    }
    // "Buku ini mengingatkan …", "Penghargaan tersebut menegaskan …": a clause opening with one
    // word and a demonstrative, the word no position, organisation, person's descriptor or
    // acronym, names a thing or an event: nothing speaks.
    if anaphoric
        && s + 1 == k
        && (s == floor || w.is(s - 1, Flags::COMMA | Flags::END | Flags::DOT_END))
        && w.is(s, Flags::CAP)
        && !w.is(
            s,
            Flags::ROLE
                | Flags::ROLE_MOD
                | Flags::ORG
                | Flags::TOP_ORG
                | Flags::UNIT_ORG
                | Flags::SUBUNIT
                | Flags::LOCAL_UNIT
                | Flags::COMMONER
                | Flags::RANK
                | Flags::PRONOUN
                | Flags::UPPER,
        )
        // A word ending organisations' names ("Indonesia"), unless only as a pe-…-an or
        // ke-…-an noun ("Penghargaan ini").
        && (!w.is(s, Flags::ORG_TAIL) || w.is(s, Flags::FIELD))
    {
        return None;
    }
    let group = w.text(s).eq_ignore_ascii_case("para");
    let mut m = segment(w, if group { s + 1 } else { s }, k, short);
    m.start = s;
    m.group = group;
    if anaphoric {
        m.anaphoric = true;
        m.name = None;
    }
    Some(m)
}

/// One word the entity layer reads elsewhere in the document as a place and never as a person
/// ("Bandung"): in a speaker phrase, the place of an organisation rather than a name.
fn lone_place(w: &Words, k: usize, short: &ShortNames) -> bool {
    short.places.contains(w.text(k)) && !short.is_person(k)
}

/// A capitalised [`lone_place`] set off by the comma before it, inside the phrase (after
/// `floor`): "Universitas X , Bandung , …".
fn set_off_place(w: &Words, k: usize, floor: usize, short: &ShortNames) -> bool {
    k > floor + 1 && w.is(k - 1, Flags::COMMA) && w.is(k, Flags::CAP) && lone_place(w, k, short)
}

/// A month's name ("Oktober", "Agustus"), by its length first.
fn month(word: &str) -> bool {
    (3..=9).contains(&word.len()) && kutip_core::MONTHS.contains(&word)
}

/// Academic degrees a name carries after a comma (`S.Pd.`, `M.Si`, `S.T`, `Ph.D.`, `SE`, `MM`):
/// written with their full stops, a one- or two-letter grade (`S`, `M`, `D`, `Ph`, `LL`) and
/// short parts; written without them, the common ones listed; a doctorate however written.
pub fn degree(word: &str) -> bool {
    const BARE: &[&str] = &[
        "SH", "MH", "MM", "MA", "MS", "SE", "ST", "MT", "MSi", "SPd", "MPd", "SAg", "MAg", "SSos",
        "SIP", "SKom", "MKom", "SKM", "MKes", "SP", "MP", "MBA", "PhD", "Lc", "SHI", "MSc", "SPt",
        "MAP", "SIKom", "MHum", "SHum", "SPdI", "LLM",
    ];
    let word = word.trim_end_matches(',');
    // A doctorate however its full stops and capitals fall ("P.hd", "Ph.d", "PHD").
    let letters = word.bytes().filter(|&b| b != b'.');
    if word.len() <= 6 && letters.map(|b| b.to_ascii_lowercase()).eq(*b"phd") {
        return true;
    }
    if !word.contains('.') {
        return BARE.contains(&word);
    }
    let mut parts = word.split('.').filter(|p| !p.is_empty());
    let Some(grade) = parts.next() else {
        return false;
    };
    let rest: Vec<&str> = parts.collect();
    matches!(grade, "S" | "M" | "D" | "Ph" | "LL")
        && !rest.is_empty()
        && rest.len() <= 3
        && rest
            .iter()
            .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
        && rest[0].starts_with(|c: char| c.is_ascii_uppercase())
}

/// Where the subject before the verb `verb` ends when degrees stand between a name and the verb
/// ("Budi , S.Pd. , | mengatakan", "Budi , SE MM | menerangkan"): the token after the comma
/// before the degrees, so that comma closes the subject; else `verb`.
fn degrees_before(w: &Words, verb: usize, floor: usize) -> usize {
    let mut d = verb;
    if d > floor && w.is(d - 1, Flags::COMMA) {
        d -= 1;
    }
    let mut seen = false;
    while d > floor + 1 && degree(w.doc.slice(w.span(d - 1))) && !w.is(d - 1, Flags::RANK) {
        d -= 1;
        seen = true;
        if d > floor + 2 && w.is(d - 1, Flags::COMMA) && degree(w.doc.slice(w.span(d - 2))) {
            d -= 1;
        }
    }
    if seen && d > floor + 1 && w.is(d - 1, Flags::COMMA) && w.is(d - 2, Flags::CAP) {
        d
    } else {
        verb
    }
}

/// The comma after the degrees that follow the comma `comma` after a name ("Menurut Budi ,| SE
/// MM ,| …"), else `comma` itself: what is said starts after it.
pub fn degrees_after(w: &Words, comma: usize) -> usize {
    let mut j = comma + 1;
    while j < w.len() && degree(w.doc.slice(w.span(j))) && !w.is(j, Flags::RANK) {
        j += 1;
        if w.is(j, Flags::COMMA) && j + 1 < w.len() && degree(w.doc.slice(w.span(j + 1))) {
            j += 1;
        }
    }
    if j > comma + 1 && w.is(j, Flags::COMMA) {
        j
    } else {
        comma
    }
}

/// Where the comma-delimited segment ending before `end` starts: after the last comma, sentence
/// end, quotation mark or colon before it, not before `floor`.
fn segment_start(w: &Words, end: usize, floor: usize) -> usize {
    let mut s = end;
    while s > floor
        && !w.is(
            s - 1,
            Flags::COMMA | Flags::END | Flags::MARK | Flags::COLON,
        )
    {
        s -= 1;
    }
    s
}

/// A subject set off by commas: "Hartono Wijaya, menegaskan", "Ruben Vardanyan, pejabat …,
/// mengimbau", "Kepala Dinas X, I Ketut Suadnyana, menuturkan", "Prancis, yang mengatakan …,
/// mengatakan".
fn apposition(w: &Words, comma: usize, floor: usize, short: &ShortNames) -> Option<Mention> {
    let segment_before = |end: usize| (segment_start(w, end, floor), end);
    let (mut s, mut e) = segment_before(comma);
    s = list_opening(w, s, floor);
    if s < e && w.is(s, Flags::YANG) && s > floor && w.is(s - 1, Flags::COMMA) {
        // A relative clause between the subject and its verb.
        (s, e) = segment_before(s - 1);
    }
    s = past_connector(w, s, e, floor);
    s = past_crosshead(w, s, e, floor);
    if s >= e || e - s > MAX_PHRASE {
        return None;
    }
    let whole = |s: usize, e: usize| {
        (s..e).all(|k| {
            phrase_token(w, k, s, e)
                || lower_role(w, k, s)
                || (k > s && w.is(s, Flags::ROLE) && role_list_comma(w, s, k, e))
        })
    };
    // "Budi , salah seorang relawan di Desa X , Kecamatan Y , menilai": a region set off after
    // the apposition ("Kecamatan Y", "Jakarta Utara") is where the descriptor before it is, not
    // the subject; the subject is read before it.
    // (The place is the organisation's, or the position's when it ends the apposition:
    // "Hartono , Camat Mekarsari , Jakarta Selatan ,", as after a cue.)
    let placed = |mut m: Mention, e: usize| {
        if m.end + 1 == s {
            match (m.affiliation, m.role) {
                (Some((a, ae)), _) if ae == m.end => m.affiliation = Some((a, e)),
                (_, Some((r, re))) if re == m.end => m.role = Some((r, e)),
                _ => return m,
            }
            m.end = e;
        }
        m
    };
    if s > floor + 1 && w.is(s - 1, Flags::COMMA) && place_after(w, s, e, short) == Some(e) {
        if let Some(m) = apposition(w, s - 1, floor, short) {
            return Some(placed(m, e));
        }
    }
    // "Budi Santoso dari Universitas X, Bandung, mengatakan": one word set off before the verb
    // that the entity layer reads elsewhere as a place (no person) is the organisation's
    // place; the subject is the name and organisation before it.
    if e == s + 1 && set_off_place(w, s, floor, short) {
        if let Some(mut m) = apposition(w, s - 1, floor, short).filter(|m| {
            m.name.is_some()
                && m.role.is_none()
                && !m.private
                && m.end == s - 1
                && m.affiliation.is_some_and(|a| a.1 == s - 1)
        }) {
            m.affiliation = m.affiliation.map(|a| (a.0, e));
            m.end = e;
            return Some(m);
        }
    }
    // "Budi Santoso , Camat Depok , Sleman , mengajak": likewise one word set off before the
    // verb that reads as a place, after an apposition that names or describes the speaker.
    if e == s + 1 && set_off_place(w, s, floor, short) {
        // (A name the entity layer reads as a person's, or a position with no name: of
        // "Sejarawan Universitas Sukamaju Raya , Mekarsari ," the "name" is the university's.)
        let person = |k: usize| short.is_person(k);
        if let Some(m) = apposition(w, s - 1, floor, short).filter(|m| {
            m.end == s - 1
                && match m.name {
                    Some((a, b)) => (a..b).all(person),
                    None => m.role.is_some(),
                }
        }) {
            return Some(placed(m, e));
        }
    }
    // "Sari Wulandari, dari Lembaga X, mengatakan": the apposition is only where the person
    // named before it comes from, the organisation after "dari".
    if w.text(s) == "dari"
        && w.is(s + 1, Flags::CAP)
        && whole(s + 1, e)
        && s > floor + 1
        && w.is(s - 1, Flags::COMMA)
    {
        let (ps, pe) = segment_before(s - 1);
        if ps < pe && w.is(ps, Flags::CAP) && whole(ps, pe) {
            let name = segment(w, ps, pe, short);
            if name.name.is_some() && name.role.is_none() && name.affiliation.is_none() {
                return Some(Mention {
                    start: ps,
                    end: e,
                    affiliation: Some((s + 1, e)),
                    name: name.name,
                    ..Mention::default()
                });
            }
        }
    }
    if !whole(s, e) {
        // "Sari Wulandari dari Lembaga X, mengatakan": a name, "dari" and the organisation the
        // person comes from, set off by a comma before the verb, read forward as after a cue
        // ("kata Sari Wulandari dari Lembaga X"); the organisation is the affiliation.
        let dari = (s + 1..e.saturating_sub(1))
            .find(|&d| w.text(d) == "dari" && w.is(d + 1, Flags::CAP))
            .filter(|_| w.is(s, Flags::CAP));
        if let Some(d) = dari {
            if let Some(m) = forward(w, s, e, short).filter(|m| {
                m.end == e
                    && m.name.is_some_and(|n| n.0 >= s && n.1 <= d)
                    && m.affiliation.is_some_and(|a| a.0 > d)
                    && !m.private
            }) {
                return Some(m);
            }
        }
        return named_before_apposition(w, (s, e), floor, short);
    }
    // "Wali Kota X Budi Santoso di Sukamaju, Senin (…), mengatakan": the place the speaker
    // spoke in, after the name, is no part of the subject (a name must end right before "di";
    // "Kedutaan Besar RI di Tokyo" is an organisation's seat and stays whole).
    if w.is(s, Flags::CAP) && e >= s + 4 {
        let at = (s + 2..e - 1)
            .rev()
            .find(|&d| w.text(d) == "di" && e - d <= 4 && (d + 1..e).all(|k| w.is(k, Flags::CAP)));
        if let Some(d) = at {
            if segment(w, s, d, short).name.is_some_and(|n| n.1 == d) {
                e = d;
            }
        }
    }
    let mut m = if w.is(s, Flags::LOWER) {
        // A lower-case role is all role: "pejabat tinggi pemerintahan etnis Armenia di Karabakh",
        // up to a "dari" and the organisation after it: "dokter anak | dari Rumah Sakit X".
        let from = (s + 1..e.saturating_sub(1))
            .find(|&k| w.text(k) == "dari" && w.is(k + 1, Flags::CAP) && w.is(k + 1, Flags::ORG));
        Mention {
            start: s,
            end: e,
            role: Some((s, from.unwrap_or(e))),
            affiliation: from.map(|k| (k + 1, e)),
            ..Mention::default()
        }
    } else {
        segment(w, s, e, short)
    };
    // The segment is a role in apposition to a name before it. (What read as a name at the
    // segment's end, with no person of the entity layer's in it, is the last word of the
    // organisation: "Budi Santoso , Kepala Dinas X Kota Sukamaju , saat ditemui menyatakan".)
    let placename = m
        .name
        .is_some_and(|(a, b)| b == e && !(a..b).any(|k| short.is_person(k)));
    if (m.name.is_none() || placename)
        && w.is(s, Flags::ROLE)
        && s > floor + 1
        && w.is(s - 1, Flags::COMMA)
    {
        let (ps, pe) = segment_before(s - 1);
        let ps = past_connector(w, ps, pe, floor);
        if ps < pe && whole(ps, pe) {
            let name = segment(w, ps, pe, short);
            if name.name.is_some() && name.role.is_none() {
                let affiliation = match (m.affiliation, m.name) {
                    (Some((a, _)), Some(_)) => Some((a, e)),
                    (a, _) => a,
                };
                return Some(Mention {
                    start: ps,
                    end: e,
                    role: Some((s, e)).filter(|_| affiliation.is_none()).or(m.role),
                    affiliation,
                    name: name.name,
                    ..Mention::default()
                });
            }
        }
    }
    // The segment is a name after a role: "Kepala Dinas X, I Ketut Suadnyana, menuturkan".
    if m.role.is_none() && m.name.is_some() && s > floor + 1 && w.is(s - 1, Flags::COMMA) {
        let (mut ps, mut pe) = segment_before(s - 1);
        // "Pengamat politik dari Universitas X , Yogyakarta , Budi Santoso , menilai": the
        // organisation's place set off between it and the name (one word the entity layer
        // reads elsewhere as a place, no person).
        if pe == ps + 1 && set_off_place(w, ps, floor, short) {
            (ps, pe) = segment_before(ps - 1);
        }
        let ps = past_crosshead(w, ps, pe, floor);
        if ps < pe && w.is(ps, Flags::ROLE) && whole(ps, pe) {
            let role = segment(w, ps, pe, short);
            // "pengamat kebijakan publik dari Universitas X, Budi Santoso, menilai", "Pengajar
            // di Fakultas Hukum Universitas X, Budi, menilai": a position in lower-case words
            // ends at "dari" or "di", and the capitalised words after it are the organisation.
            let cut = (ps + 1..pe.saturating_sub(1))
                .find(|&x| matches!(w.text(x), "dari" | "di") && w.is(x + 1, Flags::CAP))
                .filter(|&c| {
                    (ps + 1..c).all(|x| w.is(x, Flags::LOWER) && !w.is(x, Flags::YANG))
                        && (c + 1..pe)
                            .all(|x| w.is(x, Flags::CAP | Flags::OPEN_PAREN | Flags::CLOSE_PAREN))
                });
            if let Some(c) = cut {
                m.start = ps;
                m.role = Some((ps, c));
                m.affiliation = Some((c + 1, pe));
            } else if role.name.is_none() {
                m.start = ps;
                m.role = role.role;
                m.affiliation = role.affiliation;
            } else if let Some((rs, re)) = role.role.filter(|&(rs, re)| {
                (rs..re).any(|x| {
                    w.is(x, Flags::LOWER)
                        && !w.is(x, Flags::STOP)
                        && !matches!(w.text(x), "dan" | "of" | "for" | "and" | "on")
                }) && (re..pe).all(|x| w.is(x, Flags::CAP | Flags::OPEN_PAREN | Flags::CLOSE_PAREN))
                    && (rs..re).all(|x| {
                        !w.is(x, Flags::YANG) && !matches!(w.text(x), "dari" | "di" | "dalam")
                    })
            }) {
                // "Analis riset Sentosa Asset Management, Dedi Kurniawan, mengatakan": with the
                // name after the comma, what read as a name after a lower-case position is its
                // organisation.
                m.start = ps;
                m.role = Some((rs, re));
                m.affiliation = Some((role.affiliation.map_or(re, |a| a.0), pe));
            }
        }
    }
    Some(m)
}

/// Where the segment `s..e` starts past a capitalised connector that opens the clause: "Adapun
/// Budi Santoso , selaku …, menambahkan", "Sementara Budi Santoso , Wakil Gubernur X , …" (one
/// word: the test sees the clause's start).
fn past_connector(w: &Words, mut s: usize, e: usize, floor: usize) -> usize {
    while s + 1 < e
        && (s == floor || w.is(s - 1, Flags::END))
        && w.is(s, Flags::CAP)
        && w.is(s, Flags::STOP | Flags::ADVERB)
        && !w.is(s, Flags::ROLE | Flags::ORG)
    {
        s += 1;
    }
    s
}

/// "pada" at `k` before an organisation's first word ("pada Kementerian X", "pada Dinas Y"):
/// the organisation a position is held in.
fn pada_org(w: &Words, k: usize) -> bool {
    // (The flags first: this runs at every connector test of the walk back from a verb.)
    w.is(k, Flags::LOWER)
        && w.is(k + 1, Flags::ORG)
        && w.is(k + 1, Flags::CAP)
        && w.text(k) == "pada"
}

/// A crosshead run into the sentence after it, as pre-tokenized text leaves it ("Masa transisi
/// Pengamat tata kota dari Universitas X , Budi , menilai"): a capitalised word opening the
/// sentence, up to two more words after it, lower-case or capitalised (none a position, rank,
/// organisation, acronym or connector: "Sementara itu" opens a clause), then a capitalised
/// position. The position starts the segment
/// `s..e`; otherwise `s` stands. (A sentence does not open with a noun phrase run into a
/// capitalised position: the words before it head no clause.)
fn past_crosshead(w: &Words, s: usize, e: usize, floor: usize) -> usize {
    // (The flag tests first: most segments open with a position or a name.)
    if s + 1 >= e
        || !w.is(s, Flags::CAP)
        || w.is(
            s,
            Flags::ROLE | Flags::RANK | Flags::ORG | Flags::UPPER | Flags::STOP,
        )
        || !(s == floor || w.is(s - 1, Flags::END | Flags::DOT_END))
    {
        return s;
    }
    let head = (s + 1..e.min(s + 4)).find(|&r| w.is(r, Flags::ROLE) && w.is(r, Flags::CAP));
    head.filter(|&r| {
        (s + 1..r).all(|x| {
            !w.is(
                x,
                Flags::ROLE
                    | Flags::RANK
                    | Flags::ORG
                    | Flags::UPPER
                    | Flags::REPORT
                    | Flags::CUE
                    | Flags::YANG
                    | Flags::PRONOUN
                    | Flags::OPEN_PAREN
                    | Flags::NUMBER
                    | Flags::STOP
                    | Flags::ADVERB,
            ) && w.is(x, Flags::CAP | Flags::LOWER)
        })
    })
    .unwrap_or(s)
}

/// "Budi Santoso , Ketua Ikatan Alumni angkatan 2001 SMAN 3 Sukamaju , mengatakan", "Sari ,
/// guru kelas 1 SD , mengungkapkan": an apposition `s..e` the phrase reader does not parse (lower-case
/// words, numbers) between the name that opens the clause and its verb. The name is the
/// subject; the apposition's words, unparsed, are left out of the mention. Only a short name
/// that opens its clause and in which the entity layer finds a person: a clause before the
/// commas is as often an adjunct ("Dalam acara itu , …").
fn named_before_apposition(
    w: &Words,
    (s, e): (usize, usize),
    floor: usize,
    short: &ShortNames,
) -> Option<Mention> {
    const MAX_APPOSITION: usize = 12;
    if e - s > MAX_APPOSITION || s < floor + 2 || !w.is(s - 1, Flags::COMMA) {
        return None;
    }
    // An apposition is a noun phrase: no verb, cue or quotation mark in it.
    if (s..e).any(|k| w.is(k, Flags::REPORT | Flags::CUE | Flags::MARK)) {
        return None;
    }
    let pe = s - 1;
    let mut ps = segment_start(w, pe, floor);
    let opens_at = |k: usize| k == floor || w.is(k - 1, Flags::END | Flags::DOT_END);
    // "Di sisi lain , Budi Santoso , …", "Terpisah , …": a short adjunct that opens the clause
    // and names no one.
    let mut a = ps.saturating_sub(1);
    while a > floor && ps - a <= 5 && !w.is(a - 1, Flags::COMMA | Flags::END | Flags::MARK) {
        a -= 1;
    }
    let after_adjunct = ps > floor + 1
        && w.is(ps - 1, Flags::COMMA)
        && ps - a <= 5
        && opens_at(a)
        && !(a..ps - 1).any(|k| short.is_person(k));
    let opens = opens_at(ps) || after_adjunct;
    // "Adapun Budi Santoso , …": a capitalised connector opens the clause, not the name.
    while ps < pe && w.is(ps, Flags::CAP) && w.is(ps, Flags::STOP | Flags::ADVERB) {
        ps += 1;
    }
    if !opens
        || pe - ps > 5
        || ps >= pe
        || !(ps..pe).all(|k| phrase_token(w, k, ps, pe))
        || !(ps..pe).any(|k| short.is_person(k))
    {
        return None;
    }
    let mut m = segment(w, ps, pe, short);
    m.name?;
    // "Budi , salah satu relawan posko itu , …", "Sari , pedagang sayur di pasar , …":
    // one of a group, or a commoner, is a private person.
    m.private |= (w.text(s).eq_ignore_ascii_case("salah") && w.text(s + 1) == "satu")
        || (s..e).any(|k| w.is(k, Flags::COMMONER));
    Some(m)
}

/// A lower-case word inside a role set off by commas ("pejabat tinggi pemerintahan etnis
/// Armenia di Karabakh").
fn lower_role(w: &Words, k: usize, s: usize) -> bool {
    w.is(s, Flags::ROLE) && w.is(k, Flags::LOWER) && !w.is(k, Flags::REPORT | Flags::CUE)
}

/// Where a speaker phrase starts after a photo credit or a dateline run into it: a bracket
/// opening it ("( IST ) Budi Santoso"), capitals or a news site's name before a dash ("HARIAN
/// SUKAMAJU - Kepala Dinas …", "SUKAMAJUNEWS.COM - Budi …"), when at least two words follow.
fn past_dateline(w: &Words, mut s: usize, e: usize) -> usize {
    if w.is(s, Flags::OPEN_PAREN) {
        if let Some(c) = (s + 1..e.min(s + 5)).find(|&c| w.is(c, Flags::CLOSE_PAREN)) {
            if c + 1 < e && w.is(c + 1, Flags::CAP) {
                s = c + 1;
            }
        }
    }
    let site = |word: &str| {
        word.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty()
                && ["com", "co", "id", "net", "news"]
                    .iter()
                    .any(|t| tld.eq_ignore_ascii_case(t))
        })
    };
    if let Some(d) = (s + 1..e.min(s + 5)).find(|&d| matches!(w.text(d), "-" | "–" | "—")) {
        if d + 2 < e
            && w.is(d + 1, Flags::CAP)
            && (s..d).all(|k| w.is(k, Flags::UPPER) || site(w.text(k)))
        {
            s = d + 1;
        }
    }
    s
}

/// Splits a phrase into role, affiliation and name.
pub fn segment(w: &Words, s: usize, e: usize, short: &ShortNames) -> Mention {
    // "Wali Kota sekaligus Ketua | Satgas X | Budi": two positions of one person, the first
    // with no organisation of its own. The second is read as a mention of its own (its
    // organisation and name), and the position runs from the first one's start: a government
    // title's region rule must not take the second position's organisation into the first.
    // (When the first has an organisation, "Wakil Kepala | Polda X sekaligus Ketua Komite Y",
    // the whole is read as before, and the PFSA writer labels the two positions apart.)
    if let Some(k) = (s + 1..e.saturating_sub(1))
        .find(|&k| w.is(k, Flags::LOWER) && w.is(k + 1, Flags::ROLE) && w.text(k) == "sekaligus")
        .filter(|&k| segment(w, s, k, short).affiliation.is_none())
    {
        let second = segment(w, k + 1, e, short);
        if let Some((_, role_end)) = second.role {
            return Mention {
                start: s,
                end: e,
                role: Some((s, role_end)),
                ..second
            };
        }
    }
    let mut m = Mention {
        start: s,
        end: e,
        ..Mention::default()
    };
    // "Sukamaju & Rekan", "Sukamaju &amp; Rekan": a phrase ending in words joined by an ampersand,
    // one word after it, names a firm and no person, when no position is written.
    if (s..e).all(|k| !w.is(k, Flags::ROLE))
        && (s + 1..e).any(|k| ampersand(w, k).is_some_and(|(a, b)| a == k && b + 1 == e))
    {
        m.affiliation = Some((s, e));
        return m;
    }
    let mut i = s;
    // "salah satu pendiri"; "Co - founder" (its prefix is the position's)
    if i + 2 < e
        && ((w.text(i).eq_ignore_ascii_case("salah") && w.text(i + 1) == "satu") || co_title(w, i))
    {
        i += 2;
    }
    // "Komisaris Sujarwo", "Irjen Fadil": a rank and a name, no position.
    if w.is(i, Flags::RANK) && w.is(i, Flags::CAP) && name_start(w, i, e, short) == i {
        m.name = Some((i, e));
        return m;
    }
    let org_ahead = |from: usize| (from..e).any(|k| w.is(k, Flags::ORG) && w.is(k, Flags::CAP));
    // An organisation a unit can belong to: an organisation word that is no unit itself, or an
    // acronym of three letters or more ("BKN", "PMI"; two-letter capitals are mostly initials),
    // but not an abbreviation in brackets, which repeats the unit's own name ("Komisi Pemilihan
    // Umum ( KPU )").
    // (Not a degree after the name: "Budi Santoso SH LLM"; nor a region, which only locates
    // the organisation before it: "Anggota | Komisi X Provinsi Y".)
    let top_org_ahead = |from: usize| {
        (from..e).any(|k| {
            w.is(k, Flags::CAP)
                && !w.is(k.wrapping_sub(1), Flags::OPEN_PAREN)
                && ((w.is(k, Flags::ORG)
                    && !w.is(k, Flags::SUBUNIT)
                    && !matches!(w.text(k), "Provinsi" | "Kabupaten" | "Kota"))
                    || (w.is(k, Flags::UPPER)
                        && w.text(k).len() >= 3
                        && !roman(w.text(k))
                        && !degree(w.text(k))))
        })
    };
    // An organisation others are units of, named further on: "Polres", "Kementerian" (an
    // acronym is not enough: it is as often the rest of the unit's own name, "Badan SAR").
    let strong_top_ahead =
        |from: usize| (from..e).any(|k| w.is(k, Flags::CAP) && w.is(k, Flags::TOP_ORG));
    if w.is(i, Flags::ROLE) || (i > s && w.is(i, Flags::LOWER)) {
        let rs = if i > s && !w.is(s, Flags::ROLE) {
            s
        } else {
            s.min(i)
        };
        // "Presiden Direktur", "Presiden Komisaris": a company's title, not the head of state.
        let company = w.text(i).eq_ignore_ascii_case("presiden")
            && w.is(i + 1, Flags::ROLE)
            && !w.is(i + 1, Flags::GOV_ROLE);
        let mut gov = w.is(i, Flags::GOV_ROLE) && !company;
        // A local office ("Kepala Puskesmas X", "Kepala Desa X"): its place is the title's.
        let mut local = false;
        // An organisation inside a larger one ("Satuan …", `unit`) or a unit word ("Bidang …",
        // `sub`) has been taken into the position.
        let mut unit = false;
        let mut sub = false;
        i += 1;
        // The first unit word taken into the position.
        let mut first_unit: Option<usize> = None;
        // Where the position ends when a second one follows it.
        let mut role_end: Option<usize> = None;
        // "Ketua Umum | Masyarakat Transportasi Sukamaju ( MTS )": the words an abbreviation in
        // brackets spells out are one organisation's name, none of them the position's (unless
        // a larger organisation follows: then the abbreviated one is a unit of it).
        let named = spelled_out(w, i, e).filter(|&(_, close)| !top_org_ahead(close + 1));
        while i < e {
            if named.is_some_and(|(first, _)| i == first) {
                break;
            }
            let f = w.flags[i];
            // "Ketua Umum | Pimpinan Pusat Muhammadiyah", "Sekretaris Jenderal | Pengurus Besar
            // Nahdlatul Ulama": the board of a mass organisation named in one word, or by a name
            // with no organisation word, is the organisation ("Dewan Pimpinan Pusat" of one named
            // at length, "Ketua Pengurus Besar Ikatan X", is the position's).
            let board = matches!(w.text(i), "Pimpinan" | "Pengurus")
                && matches!(
                    w.text(i + 1),
                    "Pusat" | "Besar" | "Wilayah" | "Daerah" | "Cabang"
                )
                && w.text(i - 1) != "Dewan"
                && (complete_org(w.text(i + 2))
                    || w.is(i + 2, Flags::UPPER)
                    || (w.is(i + 2, Flags::CAP)
                        && !w.is(i + 2, Flags::ORG | Flags::ROLE | Flags::ROLE_MOD)));
            // A second unit after one already in the position starts the organisation: "Kepala
            // Bagian Penerangan Umum | Divisi Humas Polri", "Kepala Departemen Epidemiologi |
            // Fakultas Kesehatan Masyarakat Universitas X" (a sub-unit's unit is still the
            // position's: "Kepala Subbidang X Bidang Y | Polda Z").
            let second_unit = f.contains(Flags::SUBUNIT)
                && f.contains(Flags::CAP)
                && first_unit.is_some_and(|u| {
                    !w.text(u)
                        .get(..3)
                        .is_some_and(|p| p.eq_ignore_ascii_case("sub"))
                });
            // "Sineas | dan pendiri X", "Pengamat pendidikan | dan Direktur Eksekutif X": a
            // second position after "dan" is not part of the first.
            let second_role = w.text(i) == "dan"
                && w.is(i + 1, Flags::ROLE)
                && !w.is(i + 1, Flags::ROLE_MOD | Flags::ORG)
                && !gov;
            if second_role {
                // The second position's words are neither the first's nor the organisation.
                role_end = Some(i);
                i += 1;
                while i < e
                    && (w.is(i, Flags::ROLE | Flags::ROLE_MOD)
                        || (w.is(i, Flags::LOWER) && !w.is(i, Flags::STOP)))
                {
                    i += 1;
                }
                break;
            }
            // "Dosen Teknik Sipil | Fakultas Teknik Universitas X", "pakar epidemiologi |
            // Fakultas Kesehatan Masyarakat Universitas X": a scholar does not head the faculty
            // or department named after the position, it is where they work.
            let scholar_unit = f.contains(Flags::SUBUNIT)
                && f.contains(Flags::CAP)
                && ["dosen", "pakar", "peneliti", "pengajar", "ahli"]
                    .iter()
                    .any(|h| w.text(rs).eq_ignore_ascii_case(h));
            if board || second_unit || scholar_unit {
                break;
            }
            // "Ketua Dewan Pimpinan Daerah | Serikat X", "Ketua DPP | Ikatan X": the board of
            // an organisation named at length after it is the position's.
            if !gov {
                let board_words = if w.text(i) == "Dewan"
                    && w.text(i + 1) == "Pimpinan"
                    && matches!(w.text(i + 2), "Pusat" | "Daerah" | "Wilayah" | "Cabang")
                {
                    3
                } else if matches!(w.text(i), "DPP" | "DPD" | "DPW" | "DPC") {
                    1
                } else {
                    0
                };
                // (A board written as its acronym before an organisation named in one word,
                // no organisation word, is the organisation's: "Ketua | DPD Maju Sukamaju", as
                // for "Pimpinan Pusat" above.)
                if board_words > 0
                    && i + board_words < e
                    && w.is(i + board_words, Flags::CAP)
                    && !w.is(i + board_words, Flags::UPPER)
                    && (board_words == 3 || w.is(i + board_words, Flags::ORG))
                {
                    i += board_words;
                    break;
                }
            }
            if f.contains(Flags::SUBUNIT) && first_unit.is_none() {
                first_unit = Some(i);
                // A unit with no organisation after it is named as the position: "Kepala Unit
                // Pengelola Terminal Sukamaju", "Kepala Sekretariat Presiden", "Kepala Bidang
                // Bina Marga" (the commission a member sits on is the organisation: "Anggota |
                // Komisi Pemilihan Umum X").
                if f.contains(Flags::CAP)
                    && !gov
                    && !unit
                    && !w.text(i).eq_ignore_ascii_case("komisi")
                    && !org_ahead(i + 1)
                    && !top_org_ahead(i + 1)
                {
                    gov = true;
                    local = true;
                    i += 1;
                    continue;
                }
            }
            if let Some(&(_, _, title)) = crate::lexicon::ROLE_PAIRS.iter().find(|(a, b, _)| {
                w.text(i - 1).eq_ignore_ascii_case(a) && w.text(i).eq_ignore_ascii_case(b)
            }) {
                // "Sekretaris Perusahaan", "Koordinator Nasional": one position of two words.
                gov |= title;
                i += 1;
            } else if f.intersects(Flags::ROLE | Flags::ROLE_MOD)
                && !(f.contains(Flags::ORG)
                    && f.contains(Flags::CAP)
                    && !f.contains(Flags::ROLE_MOD))
            {
                gov |= f.contains(Flags::GOV_ROLE);
                sub |= f.contains(Flags::SUBUNIT);
                if f.contains(Flags::LOCAL_UNIT) && !unit {
                    gov = true;
                    local = true;
                }
                i += 1;
            } else if let Some((_, b)) = ampersand(w, i).filter(|&(a, b)| {
                a == i && b + 1 < e && w.is(b, Flags::CAP) && !w.is(b, Flags::ORG)
            }) {
                // "Direktur Riset & Komunikasi", "… &amp; Komunikasi": two fields of one
                // position.
                i = b + 1;
            } else if f.contains(Flags::LOWER) && !f.intersects(Flags::STOP) {
                i += 1;
            } else if f.contains(Flags::OPEN_PAREN)
                && i + 3 < e
                && w.is(i + 2, Flags::CLOSE_PAREN)
                && (w.is(i + 3, Flags::ROLE | Flags::ROLE_MOD) || (w.is(i + 1, Flags::ROLE)))
            {
                // (Also the position's own abbreviation: "Direktur Utama ( Dirut ) | PT X".)
                i += 3;
            } else if f.contains(Flags::CAP) && f.contains(Flags::LOCAL_UNIT) && !gov && !unit {
                // "Kepala Puskesmas Sukamaju Budi": the head of a local office, titled with its
                // place like a government title.
                gov = true;
                local = true;
                i += 1;
            } else if f.contains(Flags::CAP)
                && f.contains(Flags::UNIT_ORG)
                && !gov
                && strong_top_ahead(i + 1)
            {
                // An organisation written before a larger one it belongs to is a unit of it, and
                // part of the position: "Kepala Satuan Lalu Lintas | Polres X", "Kepala Badan
                // Ketahanan Pangan | Kementerian Pertanian".
                unit = true;
                i += 1;
            } else if f.contains(Flags::OPEN_PAREN)
                && i + 3 < e
                && w.is(i + 2, Flags::CLOSE_PAREN)
                && ((unit && strong_top_ahead(i + 3)) || (sub && top_org_ahead(i + 3)))
            {
                // The unit's abbreviation: "Badan Pengembangan Wisata Sukamaju ( BPWS ) |
                // Kementerian X", "Kepala Bidang Pencegahan Penyakit ( P2P ) | Dinkes X".
                i += 3;
            } else if f.contains(Flags::CAP)
                && !gov
                && (f.contains(Flags::SUBUNIT)
                    || (f.contains(Flags::ORG_TAIL) && !f.intersects(Flags::ORG | Flags::UPPER)))
                && top_org_ahead(i + 1)
            {
                // A unit inside the organisation named after it, and the fields and places that
                // name the unit, belong to the position: "Dekan Fakultas Hukum | Universitas X",
                // "Kepala Bidang Pencegahan dan Pengendalian Penyakit | Dinas Kesehatan X",
                // "Direktur Jenderal Otonomi Daerah | Kementerian X".
                sub |= f.contains(Flags::SUBUNIT);
                i += 1;
            } else if f.intersects(Flags::COMMA)
                && !gov
                && (w.is(i + 1, Flags::CAP) || (w.text(i + 1) == "dan" && w.is(i + 2, Flags::CAP)))
                && top_org_ahead(i + 1)
            {
                // "Kepala Biro Perencanaan , Keuangan dan Umum | Badan X", "Direktur Film , Musik , dan
                // Media | Kementerian X": a list inside the unit.
                i += 1;
            } else if f.contains(Flags::UPPER) && roman(w.text(i)) {
                // "Anggota Komisi IX | DPR", "Deputi III | Kementerian X".
                i += 1;
            } else if f.contains(Flags::CAP)
                && !f.intersects(
                    Flags::ORG | Flags::UPPER | Flags::ORG_TAIL | Flags::SUBUNIT | Flags::RANK,
                )
                && !gov
                && (org_ahead(i) || top_org_ahead(i + 1))
                && !trailing_head_ahead(w, i, e)
            {
                // A unit within the organisation is part of the position: "Direktur Samapta
                // Polda Metro Jaya", "Kepala Unit Pengelola Taman Kota M Agus Salim" (but not
                // the start of a name its head word ends: "Ketua | Sukamaju Hotel Association").
                // An organisation named by its acronym also has units before it: "Kepala Unit
                // Layanan Darah | PMI X", "Manajer Informasi Wisata | TMII" (not a rank: it
                // starts the name).
                i += 1;
            } else {
                break;
            }
        }
        // "Direktur Jenderal X | pada | Kementerian Y", "Peneliti | pada | Lembaga X": the position
        // held in the organisation after "pada", which is neither's.
        if pada_org(w, i) && i + 1 < e {
            gov = false;
            role_end = Some(i);
            i += 1;
        }
        // An English corporate title names its field in capitalised words before the company:
        // "Vice President Commercial | Sentosa", "VP Retail Lending | Bank X", "Head of Retail
        // Banking | Bank X" up to an organisation word, an acronym or the word before the name;
        // "Chief Information Officer | Sentosa" up to its "Officer". (A complete title, "CEO",
        // "General Manager", takes no field: "General Manager | Sentosa Hotel".)
        if !gov && role_end.is_none() {
            let ns = name_start(w, i, e, short);
            let head = w.text(rs).to_ascii_lowercase();
            let field = |k: usize| {
                w.is(k, Flags::CAP)
                    && !w.is(k, Flags::ORG | Flags::ORG_TAIL | Flags::RANK)
                    && !(w.is(k, Flags::UPPER) && w.text(k).len() >= 3)
            };
            let open = matches!(head.as_str(), "vice" | "vp" | "evp" | "svp")
                || (head == "head" && w.text(rs + 1) == "of");
            if open {
                while i + 1 < ns
                    && (field(i)
                        || (matches!(w.text(i), "of" | "and" | "&") && i + 2 < ns && field(i + 1)))
                {
                    i += 1;
                }
            } else if head == "chief" {
                if let Some(o) = (i..ns.min(i + 3)).find(|&k| w.text(k) == "Officer") {
                    if (i..o).all(field) {
                        i = o + 1;
                    }
                }
            }
        }
        // A government title takes its place: "Gubernur Sulut", "Wali Kota Surabaya".
        if gov {
            let mut name_start = name_start(w, i, e, short);
            // (A local office or unit gives a word only when it ends the position: in "Kepala
            // Sekretariat Presiden Budi Santoso Wijaya" the title word is the unit's name.)
            let bare_title = if local {
                w.is(i - 1, Flags::LOCAL_UNIT | Flags::SUBUNIT)
            } else {
                w.is(i - 1, Flags::GOV_ROLE) || w.text(i - 1) == "Kota"
            };
            // Of two words, the first is the place only when it reads as one ("Bupati Sleman
            // Kustini", not "Presiden Joko Widodo").
            let place = |k: usize| w.is(k, Flags::ORG_TAIL) || short.places.contains(w.text(k));
            // A local office is always named by its place ("Kepala Desa Sukamaju Budi").
            // One word alone after the title that reads as a place and no person ("kata Sekda
            // Sukamaju", "Hartono , Camat Mekarsari , …") is the title's place: no name is
            // written.
            let person = |k: usize| short.is_person(k);
            // (Not a word written alone as a name elsewhere: "kata Wati". A "person" of the
            // entity layer's that opens with the title, "Sekda Sleman", is the title read as a
            // name. Not a subject right before its verb, "Bupati Sleman menekankan": KoTA
            // labels such a subject as no speaker, and reading it as a position alone cost
            // PERSONCOREF 62.55 -> 62.42 there.)
            let lone = e - i == 1
                && short.places.contains(w.text(i))
                && !(person(i) && !(person(i - 1) && w.is(i - 1, Flags::ROLE)))
                && !short.contains(w.text(i))
                && !w.is(e, Flags::REPORT);
            if name_start == i
                && (e - i >= 3 || (e - i == 2 && (place(i) || local)) || lone)
                && bare_title
                && !w.is(i, Flags::RANK)
            {
                name_start += 1;
            }
            m.role = Some((rs, name_start.max(i)));
            if name_start < e {
                m.name = Some((name_start, e));
            }
            return m;
        }
        m.role = Some((rs, role_end.unwrap_or(i)));
    }
    let ns = name_start(w, i, e, short);
    if ns < e {
        m.name = Some((ns, e));
    }
    let mut ns = ns;
    // "juru bicara Kremlin Dmitry Peskov": a role straight before a three-word "name" gives
    // its first word to the affiliation.
    if m.role.is_some()
        && ns == i
        && e - ns >= 3
        && !w.is(ns, Flags::RANK)
        && !short_hit(w, ns, e - 1, short)
    {
        ns += 1;
        m.name = Some((ns, e));
    }
    if i < ns {
        m.affiliation = Some((i, ns));
    }
    // "Pemkab Mekarsari", "Polda Sukamaju": organisation words and the one word after them that
    // reads as a place and no person are the organisation speaking, not a person named after it.
    if let (None, Some((a, _)), Some((n, ne))) = (m.role, m.affiliation, m.name) {
        let person = |k: usize| short.is_person(k);
        if ne == n + 1
            && ne == e
            && (a..n).all(|k| w.is(k, Flags::ORG) && w.is(k, Flags::CAP))
            && short.places.contains(w.text(n))
            && !person(n)
        {
            m.name = None;
            m.affiliation = None;
        }
    }
    m
}

/// The first abbreviation in brackets in `from..e` written in capitals whose letters are the
/// initials of the capitalised words right before it ("Masyarakat Transportasi Sukamaju ( MTS
/// )"): the first of those words and the closing bracket.
fn spelled_out(w: &Words, from: usize, e: usize) -> Option<(usize, usize)> {
    let open = (from + 1..e.saturating_sub(2)).find(|&k| {
        w.is(k, Flags::OPEN_PAREN) && w.is(k + 1, Flags::UPPER) && w.is(k + 2, Flags::CLOSE_PAREN)
    })?;
    let letters = w.text(open + 1).as_bytes();
    let n = letters.len();
    if !(2..=6).contains(&n) || open < from + n {
        return None;
    }
    let first = open - n;
    (first..open)
        .zip(letters)
        .all(|(k, &l)| w.is(k, Flags::CAP) && w.text(k).as_bytes()[0].eq_ignore_ascii_case(&l))
        .then_some((first, open + 2))
}

/// True when the first organisation word in `from..e` is one that ends an organisation's name
/// ("Association", "Foundation", "Group"): the capitalised words before it are that name's.
fn trailing_head_ahead(w: &Words, from: usize, e: usize) -> bool {
    const TRAILING: [&str; 11] = [
        "association",
        "foundation",
        "institute",
        "center",
        "centre",
        "group",
        "grup",
        "inc",
        "corp",
        "tbk",
        "ltd",
    ];
    (from..e)
        .find(|&k| w.is(k, Flags::ORG) && w.is(k, Flags::CAP))
        .is_some_and(|k| TRAILING.iter().any(|h| w.text(k).eq_ignore_ascii_case(h)))
}

/// "dr", "drg": a doctor's title, written in lower case before the name.
fn doctor(word: &str) -> bool {
    matches!(word, "dr" | "dr." | "drg" | "drg.")
}

/// A Roman numeral written in capitals ("II", "IX"): the number of a unit.
fn roman(word: &str) -> bool {
    (1..=4).contains(&word.len()) && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
}

fn short_hit(w: &Words, s: usize, e: usize, short: &ShortNames) -> bool {
    (s..e).any(|k| short.contains(w.text(k)))
}

/// True when a rank, or a rank and its corps in brackets, stands right before token `j` (and
/// after `s`).
fn ranked(w: &Words, j: usize, s: usize) -> bool {
    (j > s && w.is(j - 1, Flags::RANK) && w.is(j - 1, Flags::CAP))
        || (j >= s + 4
            && w.is(j - 1, Flags::CLOSE_PAREN)
            && w.is(j - 3, Flags::OPEN_PAREN)
            && w.is(j - 4, Flags::RANK))
}

/// Where the name at the end of `s..e` starts (e when there is none), ranks included.
fn name_start(w: &Words, s: usize, e: usize, short: &ShortNames) -> usize {
    // A word no name holds.
    let stop = |k: usize| {
        !w.is(k, Flags::CAP)
            || w.is(
                k,
                Flags::UPPER
                    | Flags::ORG
                    | Flags::ORG_TAIL
                    | Flags::ROLE
                    | Flags::ROLE_MOD
                    | Flags::RANK
                    | Flags::GOV_ROLE,
            )
    };
    // Initials written in capitals inside a name ("Bambang PS Wijaya", "Irjen RZ Budi
    // Santoso"): short, no organisation, after a name word or a rank.
    let initials = |k: usize| {
        k > s
            && w.is(k, Flags::UPPER)
            && w.text(k).len() <= 2
            && !w.is(k, Flags::ORG)
            && (w.is(k - 1, Flags::RANK) || !stop(k - 1))
    };
    // (Two capitals may also end a name after a name word, "Budi PH", but not a degree, "Budi
    // Santoso MM".)
    let last_initials =
        |k: usize| k + 1 == e && w.text(k).len() == 2 && initials(k) && !degree(w.text(k));
    let mut j = e;
    while j > s
        && e - j < MAX_NAME
        && (!stop(j - 1) || (j < e && initials(j - 1)) || last_initials(j - 1))
    {
        j -= 1;
    }
    if j == e {
        return e;
    }
    // An organisation word names its organisation first: "Kementerian Perhubungan Rina
    // Wulandari", "Kabupaten Sleman Agus Salim"; an organisation named in one word does not
    // ("BNPB Budi Santoso Wijaya", "Polri Budi Santoso Wijaya").
    if j > s
        && e - j >= 3
        && w.is(j - 1, Flags::ORG)
        && w.is(j - 1, Flags::CAP)
        && !w.is(j - 1, Flags::UPPER)
        && !complete_org(w.text(j - 1))
    {
        j += 1;
    }
    // A place written before the name: "Bawaslu Bekasi Hartono" (unless the entity layer reads
    // the word as part of a person).
    // One word only: of "Kota Bogor Bima Arya" a second place word ("Bima") is the name's.
    let person = |k: usize| short.is_person(k);
    // Where, after `j` and before `to`, the entity layer starts a person that runs to the end
    // of the run.
    let person_from = |j: usize, to: usize| {
        (j + 1..to).find(|&k| person(k) && !person(k - 1) && (k..e).all(person))
    };
    if e - j >= 2 && !person(j) && !short.contains(w.text(j)) && short.places.contains(w.text(j)) {
        j += 1;
    }
    // After "dan" inside a position ("Menteri Pendidikan Dasar dan Menengah Budi Santoso") the
    // run's first words end the position: where the entity layer starts a person further in
    // the run, running to its end, the name starts there.
    if j > s && w.text(j - 1) == "dan" && e - j >= 2 {
        j = person_from(j, e).unwrap_or(j);
    }
    // A short name used elsewhere marks the first name: "… Indonesia Yohanes Sabu Lewa".
    // A run of three the entity layer reads as a person is kept whole: "Wakil Gubernur X Andi
    // Sudirman Wijaya" is often called "Sudirman", which does not start the name.
    let whole_person = e - j == 3 && (j..e).all(person) && (j == s || !person(j - 1));
    // After a rank the whole run is the name ("Irjen Raden Budi Santoso", called "Budi" later);
    // its corps ("Kombes Pol Budi") is no word of the name.
    let corps = |k: usize| matches!(w.text(k), "TNI" | "Polri" | "Pol");
    if e - j > 2 && ranked(w, j, s) && corps(j) {
        j += 1;
    }
    if e - j > 2 && !whole_person && !ranked(w, j, s) {
        if let Some(k) = (j..e - 1).find(|&k| short.contains(w.text(k))) {
            j = k;
        } else if e - j > 3 && !ranked(w, j, s) {
            // A long run: where the entity layer starts a person in it ("… Masjid Istiqlal Abu
            // Hurairah Abdul Salam"), else its last three words (after a rank the whole run is
            // the name: "Brigjen (Pol) Raden Budi Santoso Wijaya").
            j = person_from(j, e - 1).unwrap_or(e - 3);
        }
    }
    // Ranks, and the corps written after them: "Brigadir Jenderal (Pol) Budi", "Laksda TNI Budi".
    loop {
        if j > s && w.is(j - 1, Flags::RANK) && (w.is(j - 1, Flags::CAP) || doctor(w.text(j - 1))) {
            j -= 1;
        } else if j >= s + 2
            && w.is(j - 1, Flags::UPPER)
            && w.text(j - 1).len() <= 2
            && !w.is(j - 1, Flags::ORG)
            && w.is(j - 2, Flags::RANK)
            && w.is(j - 2, Flags::CAP)
        {
            // Initials cut off a long name, right after its rank: "Irjen RZ | Budi Santoso".
            j -= 1;
        } else if j >= s + 4
            && w.is(j - 1, Flags::CLOSE_PAREN)
            && w.is(j - 2, Flags::CAP)
            && w.is(j - 3, Flags::OPEN_PAREN)
            && w.is(j - 4, Flags::RANK)
        {
            j -= 3;
        } else if j >= s + 2 && corps(j - 1) && w.is(j - 2, Flags::RANK) {
            j -= 1;
        } else {
            break;
        }
    }
    j
}
