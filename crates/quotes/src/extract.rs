//! The rules: direct quotes from their cue backwards, indirect quotes clause by clause, then
//! speakers resolved in reading order.

use crate::index::{Entities, Quoted, SpanSet};
use crate::speaker::{self, Mention, ShortNames};
use crate::words::{Flags, Words};
use crate::{Lexicon, QuotesConfig};
use kutip_core::{Document, EntityLabel, Quote, QuoteKind, Span, Speaker};
// foldhash, not SipHash: the keys are the document's own words, and these maps are built per
// document, where SipHash's set-up and per-byte cost showed in profiles.
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use smallvec::SmallVec;

/// A statement before its speaker is resolved. Token ranges are `start..end`.
struct Found {
    kind: QuoteKind,
    content: (usize, usize),
    cue: Option<usize>,
    mention: Option<Mention>,
    time: Option<Span>,
    confidence: f32,
    rule: &'static str,
    /// Where the statement is attributed: orders the resolution of pronouns.
    anchor: usize,
    /// A Tribun-style paragraph of a longer quote: its speaker is the next quote's.
    borrow_next: bool,
}

/// What every rule reads: the tokens' flags and the indexes built once per document.
struct Ctx<'a> {
    w: Words<'a>,
    short: ShortNames<'a>,
    /// Clauses, in order (see [`units`]).
    units: Vec<(usize, usize)>,
    entities: Entities<'a>,
}

pub fn find(doc: &Document, lex: &Lexicon, config: &QuotesConfig) -> Vec<Quote> {
    let w = Words::new(doc, lex);
    let short = short_names(&w);
    let units = units(&w);
    let cx = Ctx {
        w,
        short,
        units,
        entities: Entities::new(doc),
    };
    let w = &cx.w;
    let mut found = Vec::new();
    direct(&cx, config, &mut found);
    let mut in_direct = vec![false; w.len()];
    let mut voiced = vec![false; w.len()];
    for f in &found {
        let (s, e) = f.content;
        // A few quoted words without a cue are a term or a title (`program "Desa Hijau"`),
        // not speech: a reported clause runs on through them.
        if f.rule == "direct-no-cue" && e - s <= 5 {
            continue;
        }
        // In pre-tokenized input a corpus may have glued some quotation marks to words
        // (`guru."`, `"Kami`), so the marks left standing stop alternating and an uncued
        // "quote" can pair a closing mark with the next quote's opening one, over reported
        // sentences between them. Such a pair over three clauses or more does not hide reported
        // speech, except in clauses that speak in the first person (`saya`, `kami`), which are
        // the quoted words themselves.
        if f.rule == "direct-no-cue" && w.doc.is_pretokenized() {
            let (a, b) = (
                cx.units.partition_point(|u| u.1 <= s),
                cx.units
                    .partition_point(|u| u.1 < e)
                    .min(cx.units.len().saturating_sub(1)),
            );
            if b + 1 >= a + 3 && b < cx.units.len() {
                for &(us, ue) in &cx.units[a..=b] {
                    if (us..ue).any(|k| w.is(k, Flags::FIRST_PERSON)) {
                        for flag in &mut voiced[us.max(s)..ue.min(e + 1)] {
                            *flag = true;
                        }
                    }
                }
                continue;
            }
        }
        for flag in &mut in_direct[s.saturating_sub(1)..(e + 1).min(w.len())] {
            *flag = true;
        }
    }
    // `Menurut X, …` and its kin are reported speech even in a first-person clause ("Menurut
    // Budi, kita harus …"): they see only the quotes, not the first-person clauses.
    let loose = Quoted::new(&in_direct);
    for (q, v) in in_direct.iter_mut().zip(&voiced) {
        *q |= *v;
    }
    let in_direct = Quoted::new(&in_direct);
    if config.indirect {
        for &(s, e) in &cx.units {
            indirect(&cx, s, e, &in_direct, &loose, &mut found);
        }
    }
    found.sort_by_key(|f| (f.content.0, f.anchor));
    resolve(&cx, found)
}

/// Names written alone next to a cue or verb ("kata Hartono", "Hartono menjelaskan"): they tell
/// where a long introduction's name begins.
fn short_names<'a>(w: &Words<'a>) -> ShortNames<'a> {
    let mut out = ShortNames::default();
    // Tokens the entity layer puts in a place or an organisation; the last word of one where no
    // capitalised word follows it is a place word.
    let doc = w.doc;
    let mut in_place = vec![false; w.len()];
    out.persons = vec![false; w.len()];
    // Each entity's first token (`Document::token_at`) found by walking on from the previous
    // entity's, the entities being in position order; by bisection only for one that starts
    // before the previous one ended. (A bisection an entity cost about 117 instructions.)
    let mut cursor = 0;
    let mut first_token = |at: u32| {
        let tokens = &doc.tokens;
        if cursor > 0 && tokens[cursor - 1].span.end > at {
            cursor = doc.token_at(at);
        } else {
            while cursor < tokens.len() && tokens[cursor].span.end <= at {
                cursor += 1;
            }
        }
        cursor
    };
    for e in &doc.entities {
        if e.label == EntityLabel::Per {
            let mut k = first_token(e.span.start);
            while k < w.len() && w.span(k).start < e.span.end {
                out.persons[k] = true;
                k += 1;
            }
        }
        if !matches!(e.label, EntityLabel::Loc | EntityLabel::Org) {
            continue;
        }
        let mut k = first_token(e.span.start);
        while k < w.len() && w.span(k).start < e.span.end {
            in_place[k] = true;
            if w.is(k, Flags::CAP) && !w.is(k + 1, Flags::CAP) {
                out.places.insert(w.text(k));
            }
            k += 1;
        }
    }
    let plain = |k: usize| {
        w.is(k, Flags::CAP)
            && !w.is(
                k,
                Flags::UPPER
                    | Flags::ROLE
                    | Flags::ORG
                    | Flags::RANK
                    | Flags::ORG_TAIL
                    | Flags::STOP,
            )
    };
    for k in 1..w.len().saturating_sub(1) {
        // (Neither test holds without a cue before `k` or a reporting verb after it: those two
        // flags first, read once, for the many tokens with neither.)
        if !(w.flags[k - 1].contains(Flags::CUE) || w.flags[k + 1].contains(Flags::REPORT)) {
            continue;
        }
        if w.is(k - 1, Flags::CUE) && plain(k) && !w.is(k + 1, Flags::CAP) {
            out.words.insert(w.text(k));
        }
        // "Hartono menjelaskan", but not "Pilkada Bekasi melaporkan": a place is no name.
        if w.is(k + 1, Flags::REPORT)
            && plain(k)
            && !w.is(k - 1, Flags::CAP)
            && !in_place.get(k).copied().unwrap_or(false)
        {
            out.words.insert(w.text(k));
        }
    }
    out
}

/// Clauses: the document's sentences, split again after a full stop a corpus left on a word
/// (`guru. Menurut …`).
fn units(w: &Words) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // A glued token that ends a sentence row (`pasar.Budi` ⏎ `menambahkan …`) begins the next
    // sentence's clause: its tail is that clause's subject.
    let mut carried = None;
    for s in &w.doc.sentences {
        let (first, end) = (s.first_token as usize, (s.end_token as usize).min(w.len()));
        let mut start = carried.take().unwrap_or(first);
        if end > first + 1 && w.is(end - 1, Flags::GLUED) && end - 1 > start {
            carried = Some(end - 1);
        }
        let end = carried.unwrap_or(end);
        let from = start;
        for k in from..end {
            // (Most tokens are none of the three flags the tests below need.)
            if !w.is(k, Flags::DOT_END | Flags::END | Flags::GLUED) {
                continue;
            }
            let split = (w.is(k, Flags::DOT_END) || w.is(k, Flags::END) && k > start)
                && k + 1 < end
                && w.is(k + 1, Flags::CAP | Flags::MARK);
            if split {
                out.push((start, k + 1));
                start = k + 1;
            } else if w.is(k, Flags::GLUED) && k > start {
                out.push((start, k));
                start = k;
            }
        }
        if start < end {
            out.push((start, end));
        }
    }
    out
}

/// The `-nya` of a cue such as `katanya`, as the speaker mention it stands for.
fn nya_mention(w: &Words, cue: usize) -> Mention {
    let s = w.cue_span(cue);
    Mention::pronoun(
        Span {
            start: s.end - 3,
            end: s.end,
        },
        cue,
    )
}

fn unit_of(units: &[(usize, usize)], k: usize) -> (usize, usize) {
    let i = units.partition_point(|u| u.1 <= k);
    units.get(i).copied().unwrap_or((k, k + 1))
}

/// Direct quotes. A mark followed by a cue closes a quote; the mark before it opens it. The
/// marks left over pair up among themselves.
fn direct(cx: &Ctx, config: &QuotesConfig, found: &mut Vec<Found>) {
    let (w, short) = (&cx.w, &cx.short);
    // (Over the flags themselves: `w.is` bounds-tests each index, 11 instructions a token.)
    let marks: Vec<usize> = (w.flags.iter().enumerate())
        .filter(|(_, f)| f.contains(Flags::MARK) && !f.contains(Flags::BOILER))
        .map(|(k, _)| k)
        .collect();
    let max = config.max_quote_bytes as u32;
    let too_long = |o: usize, c: usize| w.span(c).end - w.span(o).start > max;
    let mut used = 0;
    let mut leftovers: Vec<Vec<usize>> = Vec::new();
    let mut cued: Vec<usize> = Vec::new();
    // The latest unused double and single mark (indices into `marks`): the opener a closing
    // mark of the same kind pairs with, found without scanning back.
    let mut open_double: Option<usize> = None;
    let mut open_single: Option<usize> = None;
    for (j, &m) in marks.iter().enumerate() {
        let single = w.is(m, Flags::SINGLE);
        let mut c = m + 1;
        if w.is(c, Flags::COMMA) {
            c += 1;
        }
        let latest = if single {
            &mut open_single
        } else {
            &mut open_double
        };
        // `…, " tambahnya.Dia berharap …`: a cue glued to the next sentence's first word (in
        // pre-tokenized input) closes the quote as well.
        let glued = w.is(c, Flags::GLUED_CUE);
        if !(w.is(c, Flags::CUE | Flags::CUE_NYA) && w.is(c, Flags::LOWER) || glued) {
            *latest = Some(j);
            continue;
        }
        // A mark followed by a cue closes a quote even when no opener is left for it (the
        // corpus glued the opening mark to a word, `dananya."Kami`): it opens nothing, or the
        // next closing mark would pair with it over the reported sentences between them.
        let Some(mut oi) = *latest else {
            continue;
        };
        // "“ Kami pakai istilah “ gotong royong ” di sini . Semua ikut , ” ujarnya": the latest mark closes a
        // term quoted inside the quote (a few words, no sentence end, after its own opener);
        // the quote opens at the mark before that term.
        if !single && oi >= used + 2 {
            let (a, b) = (marks[oi - 1], marks[oi]);
            let term = b > a + 1
                && b - a <= 6
                && (a + 1..b).all(|k| !w.is(k, Flags::END | Flags::MARK))
                && !w.is(marks[oi - 2], Flags::SINGLE)
                && !too_long(marks[oi - 2], m);
            if term {
                oi -= 2;
            }
        }
        let o = marks[oi];
        // A closing mark too far from its opener is still a closing mark: it opens nothing.
        if o + 1 >= m || too_long(o, m) {
            *latest = None;
            continue;
        }
        leftovers.push(marks[used..oi].to_vec());
        used = j + 1;
        (open_double, open_single) = (None, None);
        let (_, unit_end) = unit_of(&cx.units, c);
        let nya = w.is(c, Flags::CUE_NYA) || glued;
        let mention = if nya {
            Some(nya_mention(w, c))
        } else {
            speaker::after_cue(w, c + 1, unit_end.max(c + 1), short)
        };
        let named = mention.as_ref().is_some_and(|m| m.pronoun.is_none());
        found.push(Found {
            kind: QuoteKind::Direct,
            content: (o + 1, m),
            cue: Some(c),
            // A glued cue's clause is the next sentence's: its date is not this quote's.
            time: if glued {
                None
            } else {
                time_in(cx, c + 1, unit_end)
            },
            confidence: if named {
                0.95
            } else if mention.is_some() {
                0.9
            } else {
                0.6
            },
            rule: if nya {
                "direct-cue-nya"
            } else {
                "direct-cue-after"
            },
            mention,
            anchor: c,
            borrow_next: false,
        });
        cued.push(found.len() - 1);
    }
    leftovers.push(marks[used..].to_vec());
    // Marks without a cue: pair them in order; a paragraph that opens a quote and never closes
    // it continues into the next paragraph's quote (Tribun style).
    let paragraph_of = |k: usize| {
        let at = w.span(k).start;
        let paragraphs = &w.doc.paragraphs;
        let i = paragraphs.partition_point(|p| p.span.end <= at);
        paragraphs
            .get(i)
            .filter(|p| p.span.start <= at)
            .map(|p| p.span)
    };
    for gap in leftovers {
        let mut i = 0;
        while i < gap.len() {
            let o = gap[i];
            let close = gap.get(i + 1).copied().filter(|&c| {
                c > o + 1
                    && !too_long(o, c)
                    && (w.doc.is_pretokenized() || paragraph_of(o) == paragraph_of(c))
            });
            if let Some(c) = close {
                found.push(uncued(cx, o + 1, c));
                i += 2;
                continue;
            }
            // An opener at a paragraph's start running to its end.
            if !w.doc.is_pretokenized() {
                if let Some(p) = paragraph_of(o).filter(|p| p.start == w.span(o).start) {
                    let end = w.doc.token_at(p.end);
                    if end > o + 1 && !too_long(o, end - 1) {
                        let mut f = uncued(cx, o + 1, end);
                        f.borrow_next = true;
                        f.rule = "direct-continued";
                        f.confidence = 0.7;
                        found.push(f);
                    }
                }
            }
            i += 1;
        }
    }
}

/// A quote with no cue after it: the cue may stand before it (`X mengatakan, “…”`).
fn uncued(cx: &Ctx, s: usize, e: usize) -> Found {
    let (w, short) = (&cx.w, &cx.short);
    let mut f = Found {
        kind: QuoteKind::Direct,
        content: (s, e),
        cue: None,
        mention: None,
        time: None,
        confidence: 0.5,
        rule: "direct-no-cue",
        anchor: s,
        borrow_next: false,
    };
    let mut k = s - 1;
    if k > 0 && w.is(k - 1, Flags::COMMA | Flags::COLON) {
        k -= 1;
    }
    if k > 0 && w.is(k - 1, Flags::REPORT | Flags::CUE) && w.is(k - 1, Flags::LOWER) {
        let verb = k - 1;
        // The subject starts after the sentence's previous end or quotation mark, within the
        // clause (a clause ends at every full stop, so this never scans far).
        let (unit_start, _) = unit_of(&cx.units, verb);
        let floor = (unit_start..verb)
            .rev()
            .find(|&i| w.is(i, Flags::END | Flags::MARK) || w.is(i, Flags::DOT_END))
            .map_or(unit_start, |i| i + 1);
        if let Some(m) = speaker::backward(w, verb, floor, short) {
            f.cue = Some(verb);
            f.anchor = verb;
            f.mention = Some(m);
            f.rule = "direct-cue-before";
            f.confidence = 0.8;
        }
    }
    f
}

/// A date in the `Senin (13/4/2020)` form, or a date entity, between tokens `from` and `to`.
fn time_in(cx: &Ctx, from: usize, to: usize) -> Option<Span> {
    let w = &cx.w;
    for k in from..to.min(w.len()) {
        if !(w.is(k, Flags::DAY) && w.is(k, Flags::CAP)) {
            continue;
        }
        let mut p = k + 1;
        if p < to && matches!(w.text(p), "pagi" | "siang" | "sore" | "malam" | "dini") {
            p += 1;
        }
        if !w.is(p, Flags::OPEN_PAREN) {
            continue;
        }
        let mut q = p + 1;
        while q < to && q < p + 8 && (w.is(q, Flags::NUMBER) || w.text(q) == "/") {
            q += 1;
        }
        if q > p + 1 && w.is(q, Flags::CLOSE_PAREN) {
            return Some(w.span(k).cover(w.span(q)));
        }
    }
    let (start, end) = (
        w.span(from.min(w.len() - 1)).start,
        w.span(to.min(w.len()) - 1).end,
    );
    cx.entities
        .first_inside(start, end, |e| matches!(e.label, EntityLabel::Date))
        .map(|e| e.span)
}

/// The cues read at the start of a clause ("Kata Budi , …", "Ini kata Budi , …"): the ones
/// that are verbs only (`pesan`, `cerita`, `nilai` are also nouns).
const OPENING_CUES: &[&str] = &[
    "kata", "ujar", "ucap", "tutur", "imbuh", "sambung", "lanjut",
];

/// True when the cue at `c` (after a comma) is one that is also another word (the
/// `ambiguous_cues` option: "nilai ekspor", "pesan singkat", "jelas menunjukkan", "sebut
/// saja"; "nilainya bisa …") used as that word: after a comma such a cue reports only before a
/// speaker, its `-nya` form only before the clause's end or a comma.
fn noun_cue(w: &Words, c: usize, ce: usize) -> bool {
    if !w.is(c, Flags::AMBIGUOUS_CUE) {
        return false;
    }
    if w.is(c, Flags::CUE_NYA) {
        !(c + 1 >= ce || w.is(c, Flags::DOT_END) || w.is(c + 1, Flags::COMMA | Flags::END))
    } else {
        // "…, jelas para pengamat", "…, tambah eks Kepala Dinas X": words that open a
        // speaker's mention in lower case ("mantan" is a position word).
        let opens_mention = ["para", "eks", "sang"];
        !(w.is(c + 1, Flags::CAP | Flags::PRONOUN | Flags::ROLE)
            || opens_mention
                .iter()
                .any(|m| w.text(c + 1).eq_ignore_ascii_case(m)))
    }
}

/// Indirect quotes in the clause `us..ue`; `in_direct` marks the tokens inside direct quotes,
/// `loose` the same without the first-person clauses of mispaired marks (see [`find`]).
fn indirect(
    cx: &Ctx,
    us: usize,
    ue: usize,
    in_direct: &Quoted,
    loose: &Quoted,
    found: &mut Vec<Found>,
) {
    let (w, short) = (&cx.w, &cx.short);
    if w.is(us, Flags::BOILER) || ue <= us + 2 {
        return;
    }
    let mut ce = ue;
    while ce > us && w.is(ce - 1, Flags::END) {
        ce -= 1;
    }
    let clean = |s: usize, e: usize| s + 1 < e && !in_direct.any(s, e);
    let direct_at = |k: usize| in_direct.at(k);
    // "Kata Budi , harga naik.", "Ini kata Budi , terjadi …", "Masih kata Budi , …": a cue
    // that opens the clause, or follows one or two words of it without a comma, with its
    // speaker set off by a comma; what follows is reported. (Not after a quotation mark: there
    // it closes a direct quote.)
    for c in us..(us + 3).min(ce) {
        // Only cues that are verbs alone: "Melalui pesan Telegram , …" is a message, "Dalam
        // cerita rakyat , …" a story.
        if !w.is(c, Flags::CUE)
            || !OPENING_CUES
                .iter()
                .any(|o| w.text(c).eq_ignore_ascii_case(o))
            || direct_at(c)
            || (us..c).any(|k| !w.is(k, Flags::CAP | Flags::LOWER) || w.is(k, Flags::CUE))
            || (c == us && w.is(c.wrapping_sub(1), Flags::MARK))
            // "Dengan kata lain , …", "Lebih lanjut dijelaskannya , …", "tindakan tegas
            // terhadap …": a speaker is named, capitalised, or a pronoun.
            || !w.is(c + 1, Flags::CAP | Flags::PRONOUN)
        {
            continue;
        }
        let Some(mention) = speaker::forward(w, c + 1, ce, short) else {
            break;
        };
        let after = mention.end.max(c + 1);
        if !(w.is(after, Flags::COMMA) && after + 2 < ce && clean(after + 1, ce)) {
            break;
        }
        found.push(Found {
            kind: QuoteKind::Indirect,
            content: (after + 1, ce),
            cue: Some(c),
            time: time_in(cx, after, ce),
            mention: Some(mention),
            confidence: 0.8,
            rule: "indirect-cue-middle",
            anchor: c,
            borrow_next: false,
        });
        return;
    }
    // `…, kata X.` and `…, kata X, …`
    for c in us + 2..ce {
        let cue = w.is(c, Flags::CUE | Flags::CUE_NYA)
            && w.is(c, Flags::LOWER)
            && w.is(c - 1, Flags::COMMA);
        if !cue || direct_at(c) || noun_cue(w, c, ce) {
            continue;
        }
        let mention = if w.is(c, Flags::CUE_NYA) {
            Some(nya_mention(w, c))
        } else {
            speaker::after_cue(w, c + 1, ce, short)
        };
        let Some(mention) = mention else { continue };
        let after = mention.end.max(c + 1);
        let (content, rule) = if w.is(after, Flags::COMMA) && after + 2 < ce {
            ((after + 1, ce), "indirect-cue-middle")
        } else {
            ((us, c - 1), "indirect-cue-after")
        };
        if !clean(content.0, content.1) {
            continue;
        }
        found.push(Found {
            kind: QuoteKind::Indirect,
            content,
            cue: Some(c),
            time: time_in(cx, after, ce),
            mention: Some(mention),
            confidence: 0.85,
            rule,
            anchor: c,
            borrow_next: false,
        });
        return;
    }
    // `Menurut X, …`, `Menurutnya, …`, `Dijelaskannya, …`
    for p in us..ce.saturating_sub(2) {
        // A capitalised `Menurut` inside a sentence starts one whose full stop the source
        // dropped ("… Budi Santoso Menurut dia , …", "… S.Pd. Menurutnya , …"), unless a cue
        // before it reports that part ("…, ” ujarnya Dijelaskannya , …").
        let restart = || {
            w.is(p, Flags::CAP)
                && w.is(p, Flags::ACCORDING | Flags::ACCORDING_NYA)
                && !(us..p).any(|k| w.is(k, Flags::REPORT | Flags::CUE | Flags::CUE_NYA))
        };
        if !(p == us || w.is(p - 1, Flags::COMMA) || restart()) || loose.at(p) {
            continue;
        }
        let (mention, comma) = if w.is(p, Flags::ACCORDING_NYA) && w.is(p + 1, Flags::COMMA) {
            let s = w.word_span(p);
            (
                Mention::pronoun(
                    Span {
                        start: s.end - 3,
                        end: s.end,
                    },
                    p,
                ),
                p + 1,
            )
        } else if w.is(p, Flags::ACCORDING) {
            // "Menurut rencana , …", "menurut aturan yang berlaku , …", "Menurut Kamus Besar
            // …": a plan, rule, custom or reference work says it, no one — capitalised too, as
            // the first word of a title.
            if w.is(p + 1, Flags::NOT_SOURCE) {
                continue;
            }
            // "Menurut data Dinas X , …", "menurut hasil survei dari Lembaga Y , …": the
            // record's owner is the source; a record with no owner ("Menurut data , …") names
            // no one.
            let mut from = p + 1;
            while from < ce && w.is(from, Flags::RECORD) && w.is(from, Flags::LOWER) {
                from += 1;
            }
            if from > p + 1 && w.text(from) == "dari" {
                from += 1;
            }
            if from > p + 1 && (from >= ce || !w.is(from, Flags::CAP | Flags::LOWER)) {
                continue;
            }
            let Some(m) = speaker::after_cue(w, from, ce, short) else {
                continue;
            };
            // "Menurut saya , …", "Menurut kalian , …": someone's own words, not reported.
            if !w.is(m.end, Flags::COMMA) || (m.start..m.end).any(|k| w.is(k, Flags::FIRST_PERSON))
            {
                continue;
            }
            let end = m.end;
            (m, end)
        } else {
            continue;
        };
        // "Menurut Budi Santoso , SE MM , …": the degrees after the name are not said.
        let comma = speaker::degrees_after(w, comma);
        // `Menurut X, bahwa …`: the reported clause starts after `bahwa`, as after a verb.
        let a = if w.is(comma + 1, Flags::BAHWA) {
            comma + 2
        } else {
            comma + 1
        };
        let content = (a, loose.cut(a, ce));
        if content.0 + 1 >= content.1 || loose.any(content.0, content.1) {
            continue;
        }
        found.push(Found {
            kind: mixed_or_indirect(w, content),
            content,
            cue: Some(p),
            time: time_in(cx, us, ce),
            mention: Some(mention),
            confidence: 0.85,
            rule: "indirect-according-to",
            anchor: p,
            borrow_next: false,
        });
        return;
    }
    // `X mengatakan, …`, `X menegaskan bahwa …`, `…, X melaporkan.`
    let mut v = us + 1;
    while v < ce {
        if !(w.is(v, Flags::REPORT) && w.is(v, Flags::LOWER)) || in_direct.at(v) {
            v += 1;
            continue;
        }
        let mut a = v + 1;
        let marked = w.is(a, Flags::COMMA | Flags::COLON | Flags::BAHWA);
        if w.is(a, Flags::COMMA | Flags::COLON) {
            a += 1;
        }
        // The reported clause starts after `bahwa` (and a comma after it: "bahwa , …").
        if w.is(a, Flags::BAHWA) {
            a += 1;
            if w.is(a, Flags::COMMA) {
                a += 1;
            }
        }
        if w.is(v, Flags::WEAK) && !marked {
            v += 1;
            continue;
        }
        let relative = w.is(v - 1, Flags::YANG) && v >= us + 2 && w.is(v - 2, Flags::COMMA);
        let subject_end = if relative { v - 2 } else { v };
        let Some(mention) = speaker::backward(w, subject_end, us, short) else {
            v += 1;
            continue;
        };
        // "Saya berharap …", "Kami menilai …": a speaker in the first person is someone's own
        // words (a quote whose marks are lost), not speech the writer reports.
        if (mention.start..mention.end).any(|k| w.is(k, Flags::FIRST_PERSON)) {
            v += 1;
            continue;
        }
        // `…, kantor berita TASS melaporkan.`: the verb ends the clause.
        if a >= ce {
            if mention.start > us + 2 && w.is(mention.start - 1, Flags::COMMA) {
                let content = (us, mention.start - 1);
                if clean(content.0, content.1) {
                    found.push(Found {
                        kind: mixed_or_indirect(w, content),
                        content,
                        cue: Some(v),
                        time: time_in(cx, us, ce),
                        mention: Some(mention),
                        confidence: 0.75,
                        rule: "indirect-verb-after",
                        anchor: v,
                        borrow_next: false,
                    });
                }
            }
            return;
        }
        // The clause may go on with a second verb of the same subject: "Prancis, yang
        // mengatakan …, mengatakan …".
        let mut end = in_direct.cut(a, ce);
        let mut next = None;
        if let Some(x) = (a + 1..end)
            .find(|&x| w.is(x, Flags::REPORT) && w.is(x, Flags::LOWER) && w.is(x - 1, Flags::COMMA))
        {
            end = x - 1;
            next = Some(x);
        }
        let content = (a, end);
        if clean(content.0, content.1) {
            found.push(Found {
                kind: mixed_or_indirect(w, content),
                content,
                cue: Some(v),
                time: time_in(cx, us, ce),
                mention: Some(mention.clone()),
                confidence: if marked { 0.85 } else { 0.7 },
                rule: if relative {
                    "indirect-relative"
                } else if w.is(v + 1, Flags::BAHWA) {
                    "indirect-verb-bahwa"
                } else {
                    "indirect-verb"
                },
                anchor: v,
                borrow_next: false,
            });
        }
        match next {
            Some(x) => {
                // The second verb's subject is the first one's.
                let mut a = x + 1;
                if w.is(a, Flags::COMMA | Flags::COLON) {
                    a += 1;
                }
                let content = (a, in_direct.cut(a, ce));
                if clean(content.0, content.1) {
                    found.push(Found {
                        kind: mixed_or_indirect(w, content),
                        content,
                        cue: Some(x),
                        time: None,
                        mention: Some(mention),
                        confidence: 0.75,
                        rule: "indirect-verb",
                        anchor: x,
                        borrow_next: false,
                    });
                }
                return;
            }
            None => return,
        }
    }
}

fn mixed_or_indirect(w: &Words, (s, e): (usize, usize)) -> QuoteKind {
    if (s..e).filter(|&k| w.is(k, Flags::MARK)).count() >= 2 {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    }
}

/// The name a mention gives, without ranks.
fn name_text<'a>(w: &Words<'a>, (s, e): (usize, usize)) -> &'a str {
    let mut s = s;
    let first = s;
    loop {
        if s + 1 < e && w.is(s, Flags::RANK) {
            s += 1;
        } else if s > first
            && s + 3 < e
            && w.is(s, Flags::OPEN_PAREN)
            && w.is(s + 2, Flags::CLOSE_PAREN)
        {
            // "Brigjen (Pol) Budi": the corps after a rank.
            s += 3;
        } else if s > first && s + 1 < e && matches!(w.text(s), "TNI" | "Polri") {
            s += 1;
        } else {
            break;
        }
    }
    w.cover_text(s, e)
}

/// Names introduced by age ("Rita (44)") or with a lower-case descriptor ("Lala, warga …"):
/// private people rather than public figures.
fn private_names<'a>(
    w: &Words<'a>,
    entities: &Entities,
) -> (HashSet<&'a str>, Vec<(usize, usize)>) {
    let mut names = HashSet::new();
    let mut at = Vec::new();
    for k in 0..w.len() {
        if !w.is(k, Flags::CAP) || w.is(k, Flags::DAY) {
            continue;
        }
        // (Not a numbered clause of a law: "Pasal 41 Ayat (3)".)
        let age = w.is(k + 1, Flags::OPEN_PAREN)
            && w.is(k + 2, Flags::NUMBER)
            && w.is(k + 3, Flags::CLOSE_PAREN)
            && (1..=3).contains(&w.text(k + 2).len())
            && w.text(k + 2).bytes().all(|b| b.is_ascii_digit())
            && !(k > 0 && w.is(k - 1, Flags::NUMBER));
        // A position or organisation word is no name, unless an age follows it as the last word
        // of a name ("Mohammad Imam (35)") or as initials ("PT (28)", an anonymised person).
        if w.is(k, Flags::ROLE | Flags::ORG | Flags::RANK)
            && !(age
                && (w.is(k, Flags::UPPER)
                    || (k > 0 && w.is(k - 1, Flags::CAP) && !connector(w, k - 1))))
        {
            continue;
        }
        // "Dodi (bukan nama sebenarnya)": a pseudonym.
        let pseudonym = w.is(k + 1, Flags::OPEN_PAREN) && w.text(k + 2) == "bukan";
        // "Dewi, salah satu peserta,": one of a group of private people.
        // (Only read after a comma: its two word tests cost more than the rest for the many
        // capitalised words without one.)
        let one_of = || {
            if w.text(k + 2).eq_ignore_ascii_case("salah") && w.text(k + 3) == "satu" {
                k + 4
            } else {
                k + 2
            }
        };
        // Not "Namun, kata Budi, warga diminta …" nor "Menurut Budi, pedagang …": there the
        // comma ends the attribution and the clause starts (but "…,” kata Budi, warga Depok").
        let attributed = k > 0
            && (w.is(k - 1, Flags::ACCORDING)
                || (k > 1 && w.is(k - 1, Flags::CUE) && w.is(k - 2, Flags::COMMA)));
        // (A place or an organisation may be one of a group too: "Selat X, salah satu jalur
        // perdagangan tersibuk".)
        let place = || {
            let mut first = k;
            while first > 0 && k - first < 3 && w.is(first - 1, Flags::CAP) {
                first -= 1;
            }
            entities
                .first_overlapping(w.cover(first, k + 1), |e| {
                    matches!(e.label, EntityLabel::Org | EntityLabel::Loc)
                })
                .is_some()
        };
        let descriptor = (w.is(k + 1, Flags::COMMA)
            && (w.is(one_of(), Flags::COMMONER)
                || (one_of_group(w, k + 2) && !place())
                || (w.is(k + 2, Flags::ROLE) && neighbourhood(w, k + 3, k + 4)))
            && !attributed)
            // (A company from abroad, "PT Budi Jaya asal Jepang", is no person.)
            // (The flag first: "asal" is a lower-case word.)
            || (w.is(k + 1, Flags::LOWER)
                && w.text(k + 1) == "asal"
                && !w.is(k, Flags::UPPER)
                && !place());
        // (The connector test last: it compares the word with a list, at every capitalised
        // word, 66,000 calls over 450 documents, where the tests before it are mostly flags.)
        if (age
            || pseudonym
            || descriptor
            || described_after(w, k)
            || (one_of_before(w, k) && !place()))
            && !connector(w, k)
        {
            let mut j = k + 1;
            while j > 0 && k + 1 - j < 4 && w.is(j - 1, Flags::CAP) && !connector(w, j - 1) {
                j -= 1;
            }
            // A title after "tentang" is a law's or a report's ("UU No 3 / 2021 tentang
            // Perlindungan Pasar , Pedagang Kecil , …"): its words are no private person.
            if j > 0 && w.is(j - 1, Flags::LOWER) && w.text(j - 1) == "tentang" {
                continue;
            }
            names.extend((j..k + 1).map(|i| w.text(i)));
            at.push((j, k + 1));
        }
    }
    (names, at)
}

/// "RT", "RW", "Rukun (Tetangga/Warga)" among the tokens `s..e`: a neighbourhood association.
/// Its heads ("Ketua RT 03", "Ketua Rukun Warga") are residents, not public figures.
fn neighbourhood(w: &Words, s: usize, e: usize) -> bool {
    // (By length first: most words are neither.)
    (s..e).any(|k| {
        w.is(k, Flags::CAP)
            && matches!(w.span(k).len(), 2 | 5)
            && matches!(w.text(k), "RT" | "RW" | "Rukun")
    })
}

/// A mention whose position or organisation is a neighbourhood association's.
fn neighbourhood_role(w: &Words, m: &Mention) -> bool {
    m.role
        .into_iter()
        .chain(m.affiliation)
        .any(|(s, e)| neighbourhood(w, s, e))
}

/// "salah satu relawan posko itu ,", "salah seorang koordinator aksi ,": from `at`, one of
/// a group described in lower case only, no organisation named (not "salah satu anggota DPR").
fn one_of_group(w: &Words, at: usize) -> bool {
    // (By length first: most words are not "salah".)
    if at >= w.len()
        || w.span(at).len() != 5
        || !w.text(at).eq_ignore_ascii_case("salah")
        || !matches!(w.text(at + 1), "satu" | "seorang")
    {
        return false;
    }
    let words = (at + 2..at + 7)
        .take_while(|&j| w.is(j, Flags::LOWER))
        .count();
    words > 0 && w.is(at + 2 + words, Flags::COMMA | Flags::END)
}

/// "Salah seorang koordinator aksi , Budi Santoso ,": the name `k` ends (a comma after it) is set
/// off after a description of one of a group (`one_of_group`).
fn one_of_before(w: &Words, k: usize) -> bool {
    if !w.is(k + 1, Flags::COMMA) {
        return false;
    }
    // The name's first word: up to five capitalised words back (after a comma, so no
    // sentence-opening connector among them).
    let mut j = k;
    while j > 0 && k - j < 4 && w.is(j - 1, Flags::CAP) {
        j -= 1;
    }
    if j < 4 || !w.is(j - 1, Flags::COMMA) {
        return false;
    }
    // Back over the lower-case description to its "salah satu".
    let mut i = j - 1;
    while i > 0 && j - 1 - i < 6 && w.is(i - 1, Flags::LOWER) {
        i -= 1;
    }
    // ("Salah" opening the sentence is capitalised: one before the run.)
    (i.saturating_sub(1)..j - 1).any(|q| one_of_group(w, q))
}

/// "Rudi yang sehari-hari bekerja sebagai penjahit", "Rudi yang kini berusia 60 tahun": a
/// relative clause after the name `k` that gives a private person's occupation or age.
fn described_after(w: &Words, k: usize) -> bool {
    // (The flag first: "yang" has its own.)
    if !w.is(k + 1, Flags::YANG) || w.text(k + 1) != "yang" {
        return false;
    }
    // Up to two adverbs ("sehari-hari", "saat itu", "kini") before the verb.
    (k + 2..k + 5)
        .take_while(|&j| w.is(j, Flags::LOWER))
        .any(|j| match w.text(j) {
            "berusia" => {
                let n = w.text(j + 1);
                !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
            }
            "bekerja" => w.text(j + 1) == "sebagai" && w.is(j + 2, Flags::LOWER),
            _ => false,
        })
}

/// A capitalised word that opens a sentence as a connector, not a name: "Namun, warga …",
/// "Pertama, penumpang …", "Akibatnya, pedagang …", "Menurut Budi (40), …".
fn connector(w: &Words, k: usize) -> bool {
    const ORDINALS: &[&str] = &[
        "pertama", "kedua", "ketiga", "keempat", "kelima", "terakhir", "selain", "lalu",
    ];
    let text = w.text(k);
    w.is(
        k,
        Flags::STOP | Flags::ADVERB | Flags::ACCORDING | Flags::ACCORDING_NYA | Flags::REPORT,
    ) || ORDINALS.iter().any(|o| o.eq_ignore_ascii_case(text))
        || (text.len() >= 7 && text.ends_with("nya"))
}

/// Speakers in reading order: short names to full ones, pronouns to the latest speaker.
fn resolve(cx: &Ctx, found: Vec<Found>) -> Vec<Quote> {
    let (w, short) = (&cx.w, &cx.short);
    let doc = w.doc;
    let (mut private, private_at) = private_names(w, &cx.entities);
    // Full names, as introduced anywhere in the document.
    let mut full: Vec<(usize, &str)> = found
        .iter()
        .filter_map(|f| f.mention.as_ref())
        .filter_map(|m| m.name.map(|n| (n.0, name_text(w, n))))
        .filter(|(_, n)| n.contains(' '))
        .collect();
    // Introductions anywhere in the text ("Bupati Sleman Sri Handayani langsung memerintahkan …"):
    // they give a speaker named only by a short name its role and affiliation.
    let units = &cx.units;
    let mut scanned = Vec::new();
    let mut apposed = Vec::new();
    let mut k = 0;
    while k < w.len() {
        // Most tokens can start neither: both tests below need a position at `k`, a person at
        // `k` or a position two tokens on (`speaker::may_introduce`), so those three flags
        // first, once.
        if !(w.is(k, Flags::ROLE) || short.is_person(k) || w.is(k + 2, Flags::ROLE)) {
            k += 1;
            continue;
        }
        let starts = w.is(k, Flags::ROLE)
            && w.is(k, Flags::CAP)
            && !w.is(k, Flags::BOILER)
            && (k == 0 || !w.is(k - 1, Flags::CAP | Flags::ROLE));
        if starts {
            let (_, ue) = unit_of(units, k);
            if let Some(m) = speaker::forward(w, k, ue, short)
                .filter(|m| m.role.is_some() && m.name.is_some() && !m.private && m.end > k)
            {
                k = m.end;
                scanned.push(m);
                continue;
            }
        } else if let Some(m) = speaker::may_introduce(w, k, short)
            .then(|| speaker::introduction(w, k, unit_of(units, k).1, short))
            .flatten()
        {
            // Introductions of other shapes: "Budi Santoso, Kepala Dinas X, …", "peneliti
            // Universitas X, Budi Santoso, …".
            // They give names their introduction, but a `-nya` still stands for the latest
            // introduction by position, as before.
            k = m.end;
            apposed.push(m);
            continue;
        }
        k += 1;
    }
    // The head of a neighbourhood association introduced by position ("Ketua RT 03 Budi") is a
    // private person wherever the name is written again.
    for m in found
        .iter()
        .filter_map(|f| f.mention.as_ref())
        .chain(&scanned)
        .chain(&apposed)
        .filter(|m| m.role.is_some() && neighbourhood_role(w, m))
    {
        if let Some((s, e)) = m.name {
            private.extend((s..e).map(|k| w.text(k)));
        }
    }
    let mut intros: HashMap<&str, &Mention> = HashMap::new();
    // Introductions by the words of their position before the name ("Presiden" of "Presiden
    // Budi Santoso", "Panglima TNI" of "Panglima TNI Marsekal Budi"), in reading order: a
    // speaker named only by a position ("kata Presiden") is the person last introduced with it.
    let mut by_role: Vec<(usize, usize, &Mention)> = Vec::new();
    for m in found
        .iter()
        .filter_map(|f| f.mention.as_ref())
        .chain(&scanned)
        .chain(&apposed)
    {
        if let Some(n) = m.name.filter(|_| m.role.is_some()) {
            let text = name_text(w, n);
            if intros.get(text).is_none_or(|o| o.start > m.start) {
                intros.insert(text, m);
            }
            full.push((n.0, text));
            // (Not a position word the entity layer reads as a person's first name: "Imam B
            // Prasodjo".)
            let person = |k: usize| short.is_person(k);
            // (An abbreviated position the entity layer reads as a person is still one:
            // "Mensos".)
            if let Some((rs, _)) = m.role.filter(|&(rs, _)| {
                rs < n.0 && !m.private && (!person(rs) || w.is(rs, Flags::ABBREV_ROLE))
            }) {
                by_role.push((rs, n.0, m));
            }
        }
    }
    by_role.sort_by_key(|x| x.0);
    // Introductions by an organisation and no position ("Budi Santoso dari Universitas X"):
    // a later short name takes their organisation, in the JSON only (the mention stays the
    // person's own: the writers label it as before; giving it the introduction's name span
    // cost KoTA PERSONCOREF 62.36 -> 62.32).
    let mut org_intros: HashMap<&str, (usize, (usize, usize))> = HashMap::new();
    for m in found
        .iter()
        .filter_map(|f| f.mention.as_ref())
        .chain(&apposed)
        .filter(|m| m.role.is_none() && !m.private && !m.group)
    {
        // (The organisation written after the name, "Budi dari Yayasan X": one before it with
        // no position read is mostly words the phrase reader did not parse, "Konsul Jenderal
        // RI di | New York Budi".)
        if let (Some(n), Some(a)) = (
            m.name,
            m.affiliation.filter(|a| m.name.is_some_and(|n| a.0 >= n.1)),
        ) {
            let text = name_text(w, n);
            if text.contains(' ') && org_intros.get(text).is_none_or(|o| o.0 > m.start) {
                org_intros.insert(text, (m.start, a));
            }
        }
    }
    // The latest introduction before `m` whose position is the words of `m`, or opens with them
    // when they are a government title ("Gubernur" for "Gubernur Jawa Barat"; a first word
    // alone, "Imam" of "Imam Besar Masjid X", may be a name).
    let role_intro = |m: &Mention| -> Option<&Mention> {
        // (Up to "dari": "kata Presiden dari Istana X" is where the President spoke from.)
        let len = (m.start..m.end)
            .find(|&k| w.text(k) == "dari")
            .unwrap_or(m.end)
            - m.start;
        let title = w.is(m.start, Flags::GOV_ROLE);
        by_role[..by_role.partition_point(|x| x.0 < m.start)]
            .iter()
            .rev()
            .find(|&&(rs, ns, _)| {
                (ns - rs == len || (ns - rs > len && title))
                    && (0..len).all(|d| w.text(rs + d).eq_ignore_ascii_case(w.text(m.start + d)))
            })
            .map(|x| x.2)
    };
    // The entity layer's full names, unless one starts inside a name a mention gives ("Adi
    // Wibowo" inside "Irjen Raden Santoso Adi Wibowo"): the mention's is the name.
    let mut named = vec![false; w.len()];
    for m in found
        .iter()
        .filter_map(|f| f.mention.as_ref())
        .chain(&scanned)
    {
        if let Some((s, e)) = m.name {
            named[s..e.min(w.len())].fill(true);
        }
    }
    // (A position written as one abbreviated word at the start of one, "Mensos" of "Mensos
    // Budi Santoso", is no part of the name: "Budi" expands to "Budi Santoso"; nor an acting
    // prefix and the government title after it, "Pj Gubernur" of "Pj Gubernur Hendra Gunawan".)
    let title = |k: usize| {
        w.is(k, Flags::ABBREV_ROLE)
            || (w.is(k, Flags::ROLE)
                && (speaker::acting(w.text(k))
                    || (w.is(k, Flags::GOV_ROLE) && k > 0 && speaker::acting(w.text(k - 1)))))
    };
    full.extend(
        doc.entities
            .iter()
            .filter(|e| e.label == EntityLabel::Per)
            .map(|e| {
                let mut k = doc.token_at(e.span.start);
                while title(k) && w.span(k).end < e.span.end {
                    k += 1;
                }
                let start = e.span.start.max(w.span(k).start);
                (
                    k,
                    doc.slice(Span {
                        start,
                        end: e.span.end,
                    }),
                )
            })
            .filter(|&(k, n)| n.contains(' ') && !named.get(k).copied().unwrap_or(false)),
    );
    full.sort_by_key(|x| x.0);
    let full_names = &full;
    let names = FullNames::new(&full);
    let expand = |name: &str, at: usize| names.expand(name, at);
    // Public figures: introduced with a role, a rank or an organisation somewhere. An
    // organisation alone does not outweigh an introduction by age or descriptor: in "Menurut
    // Rudi dan Sari, …" the words before the name are a coordination, not an affiliation.
    let mut public: HashSet<String> = HashSet::new();
    for m in found.iter().filter_map(|f| f.mention.as_ref()) {
        if let Some(n) = m.name.filter(|n| {
            !m.private
                && ((m.role.is_some() && !m.also && !neighbourhood_role(w, m))
                    || (m.affiliation.is_some()
                        && !(n.0..n.1).any(|k| private.contains(w.text(k)))))
        }) {
            public.insert(expand(name_text(w, n), n.0));
        }
    }
    for &(pos, name) in &full {
        let before = pos > 0
            && w.is(
                pos - 1,
                Flags::ROLE | Flags::RANK | Flags::ORG | Flags::ORG_TAIL | Flags::UPPER,
            );
        let words = name.split_whitespace().count();
        // (Not a private person's occupation that is also a position, "Budi, guru SD", unless
        // it is a professor's, "guru besar"; nor a neighbourhood head's, "Budi, Ketua RT 03".)
        let role = pos + words + 1;
        let after = w.is(pos + words, Flags::COMMA)
            && w.is(role, Flags::ROLE)
            && !(w.is(role, Flags::COMMONER) && w.text(role + 1) != "besar")
            && !neighbourhood(w, role + 1, role + 2);
        if before || after {
            public.insert(name.to_string());
        }
    }
    let direct_spans = SpanSet::new(
        found
            .iter()
            .filter(|f| f.kind == QuoteKind::Direct)
            .map(|f| w.cover(f.content.0, f.content.1))
            .collect(),
    );
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].anchor);
    let mut speakers: Vec<Option<Speaker>> = vec![None; found.len()];
    // The latest speaker with a name, as its index in `speakers` (which holds it from then on):
    // not a copy of it, whose name string was cloned for every named speaker.
    let mut last: Option<usize> = None;
    let mut last_anchor = 0;
    // The latest speaker that is a group ("para petani"), for a later "mereka".
    let mut last_group: Option<usize> = None;
    for &i in &order {
        let f = &found[i];
        let Some(m) = &f.mention else { continue };
        // A private person introduced since the last speaker ("Rita (44), pedagang, …") is
        // who a following `-nya` refers to.
        // (`private_at` and `scanned` are in reading order: the latest one before the mention
        // is a binary search away.)
        let private_since = m.pronoun.and(
            private_at[..private_at.partition_point(|(s, _)| *s < m.start)]
                .last()
                .filter(|(s, _)| *s >= last_anchor),
        );
        // Likewise a person introduced with a role since then, later than any private one.
        let intro_since = m.pronoun.and(
            scanned[..scanned.partition_point(|i| i.start < m.start)]
                .last()
                .filter(|i| i.start >= last_anchor)
                .filter(|i| private_since.is_none_or(|&(s, _)| i.start > s))
                .filter(|i| !listed(w, i)),
        );
        // "kata mereka": a plural pronoun stands for a group, never for the latest single
        // speaker (in 450 news documents every such guess named the wrong person). It is the
        // latest group speaker when one was named ("para petani"), else a speaker the text does
        // not name: the mention with a null name, as the contract allows.
        let plural = m
            .pronoun
            .filter(|_| w.text(m.start).eq_ignore_ascii_case("mereka"));
        // Set below for a speaker that names no one but is someone (see there).
        let mut nameless = false;
        let speaker = if let Some(p) = plural {
            // Two people named together in this sentence or the one before ("Budi Santoso dan
            // Sari Wulandari hadir. Mereka berharap …"), after the latest group speaker, are who
            // "mereka" is: named by both.
            let since = last_group.map_or(0, |l| found[l].anchor);
            match named_pair(w, short, units, m.start, since) {
                Some(((a, b), (c, d))) => Speaker {
                    span: p,
                    name: Some(format!(
                        "{} dan {}",
                        expand(w.cover_text(a, b), a),
                        expand(w.cover_text(c, d), c)
                    )),
                    role: None,
                    affiliation: None,
                    entity: None,
                    // (Not when either is a private person: "Budi (30), pesepeda, …".)
                    public_figure: !(a..b).chain(c..d).any(|k| private.contains(w.text(k))),
                    person: None,
                },
                None => match last_group.and_then(|l| speakers[l].as_ref()) {
                    Some(s) => Speaker {
                        span: p,
                        person: None,
                        ..s.clone()
                    },
                    None => private_speaker(p, None),
                },
            }
        } else if let (Some(p), Some(i)) = (m.pronoun, intro_since) {
            Speaker {
                span: p,
                name: i.name.map(|n| name_text(w, n).to_string()),
                role: i.role.map(|(s, e)| w.cover(s, e)),
                affiliation: i.affiliation.map(|(s, e)| w.cover(s, e)),
                entity: None,
                public_figure: true,
                person: i.name.map(|(s, e)| w.cover(s, e)),
            }
        } else if let (Some(p), Some(&(s, e))) = (m.pronoun, private_since) {
            private_speaker(p, Some(w.cover_text(s, e)))
        } else if let Some(p) = m.pronoun {
            match last.and_then(|l| speakers[l].as_ref()) {
                Some(s) => Speaker {
                    span: p,
                    person: None,
                    ..s.clone()
                },
                None => {
                    // No earlier speaker: the latest person introduced with a role, else
                    // the latest person named outside a quote.
                    let intro = scanned
                        [..scanned.partition_point(|i| w.span(i.start).start < p.start)]
                        .last();
                    let person = cx.entities.last_before(p.start, |e| {
                        e.label == EntityLabel::Per && !direct_spans.overlaps(e.span)
                    });
                    match (intro, person) {
                        (Some(i), _) => Speaker {
                            span: p,
                            name: i.name.map(|n| name_text(w, n).to_string()),
                            role: i.role.map(|(s, e)| w.cover(s, e)),
                            affiliation: i.affiliation.map(|(s, e)| w.cover(s, e)),
                            entity: None,
                            public_figure: true,
                            person: i.name.map(|(s, e)| w.cover(s, e)),
                        },
                        (None, person) => Speaker {
                            span: p,
                            name: person.map(|(_, e)| {
                                e.canonical
                                    .clone()
                                    .unwrap_or_else(|| doc.slice(e.span).into())
                            }),
                            role: None,
                            affiliation: None,
                            entity: person.map(|(k, _)| k as u32),
                            public_figure: person.is_some(),
                            person: None,
                        },
                    }
                }
            }
        } else if m.anaphoric && m.name.is_none() && last.is_some() {
            let s = last
                .and_then(|l| speakers[l].clone())
                .unwrap_or_else(|| private_speaker(p_span(w, m), None));
            Speaker {
                span: p_span(w, m),
                person: None,
                ..s
            }
        } else if let Some([a, b]) = m.pair {
            // Two people named together speak as a group named by both ("Budi Santoso dan Sari
            // Wulandari"), each name resolved as a short name is; no role or organisation (the
            // first person is not the second's organisation).
            Speaker {
                span: p_span(w, m),
                name: Some(format!(
                    "{} dan {}",
                    expand(name_text(w, a), a.0),
                    expand(name_text(w, b), b.0)
                )),
                role: None,
                affiliation: None,
                entity: None,
                public_figure: !m.private,
                person: None,
            }
        } else if let Some(&(s, e)) = appositive_private(w, &private_at, m) {
            private_speaker(w.cover(s, e), Some(w.cover_text(s, e)))
        } else {
            let span = p_span(w, m);
            // "kata Presiden", "ujar Gubernur": a position alone, no name, stands for the person
            // introduced with it before.
            let titled = (m.name.is_none() && m.role.is_some() && !m.group && !m.anaphoric)
                .then(|| role_intro(m))
                .flatten();
            let resolved = m
                .name
                .or(titled.and_then(|i| i.name))
                .map(|n| expand(name_text(w, n), n.0));
            // An organisation or a country speaking for itself ("Prancis", "kantor berita Rusia
            // TASS") is named by the organisation, described by the words before it, and
            // affiliated with nothing but itself.
            let mut itself: Option<(Option<Span>, String)> = None;
            // Asked before `resolved` moves into the name below (it was cloned there).
            let resolved_public = resolved.as_ref().is_some_and(|r| public.contains(r));
            // A position alone that no one was introduced with before ("kata Rektor"), or a
            // group or a descriptor in lower case ("masyarakat", "para peneliti", "seorang
            // ibu"), names no one: the name is null (the text and role are kept), unless the
            // entity layer links the words to a full name ("Sultan" of a sultan it found named
            // in full). Such a speaker is still who a later `-nya` stands for.
            let name = match m.name.or(titled.and_then(|i| i.name)) {
                Some(_) => resolved,
                None => {
                    // An organisation, a country or a group speaks.
                    let s = if m.group { m.start + 1 } else { m.start };
                    let phrase = w.cover(s.min(m.end - 1), m.end);
                    let named = cx.entities.last_inside(phrase, |e| {
                        matches!(e.label, EntityLabel::Org | EntityLabel::Loc)
                            && e.span.end == phrase.end
                    });
                    match named {
                        Some(e) if !m.group && m.role.is_none() => {
                            let own = e
                                .canonical
                                .clone()
                                .unwrap_or_else(|| doc.slice(e.span).into());
                            let words = (s..m.end).take_while(|&k| w.is(k, Flags::LOWER)).last();
                            let described = words.map(|last| w.cover(s, last + 1));
                            itself = Some((described, own.clone()));
                            Some(own)
                        }
                        _ if m.role.is_some() || w.is(s.min(m.end - 1), Flags::LOWER) => {
                            nameless = true;
                            // (A full name of the entity layer's: its cluster's, or the words
                            // of a person it found in the phrase, "dokter Budi Santoso", none of
                            // them a position's or a rank's: "Pj. Gubernur" is no name.)
                            let full = |e: &kutip_core::Entity| {
                                let own = doc.slice(e.span);
                                let titled = (doc.token_at(e.span.start)..w.len())
                                    .take_while(|&k| w.span(k).start < e.span.end)
                                    .any(|k| w.is(k, Flags::ROLE | Flags::RANK));
                                e.canonical
                                    .clone()
                                    .filter(|c| c.contains(' ') && c != own)
                                    .or_else(|| {
                                        Some(own)
                                            .filter(|t| t.contains(' ') && !titled)
                                            .map(str::to_string)
                                    })
                            };
                            // (A group of an organisation's or a country's people, "para
                            // pejabat AS", is named by the group's words, "pejabat AS": who
                            // they are and whose.)
                            let of = m
                                .affiliation
                                .filter(|_| m.group)
                                .map(|_| w.cover_text(s.min(m.end - 1), m.end).to_string());
                            cx.entities
                                .first_overlapping(w.cover(m.start, m.end), |e| {
                                    e.label == EntityLabel::Per && full(e).is_some()
                                })
                                .and_then(|k| full(&doc.entities[k]))
                                .or_else(|| initials(w, full_names, m).map(str::to_string))
                                .or(of)
                        }
                        _ => Some(w.cover_text(s.min(m.end - 1), m.end).to_string()),
                    }
                }
            };
            let entity = cx
                .entities
                .first_overlapping(span, |e| {
                    matches!(
                        e.label,
                        EntityLabel::Per | EntityLabel::Org | EntityLabel::Loc
                    )
                })
                .map(|k| k as u32);
            // A short name takes the role and affiliation of its introduction.
            let intro = match (m.role, &name) {
                (None, Some(n)) => intros.get(n.as_str()).copied().unwrap_or(m),
                (Some(_), Some(n)) if titled.is_some() => {
                    intros.get(n.as_str()).copied().or(titled).unwrap_or(m)
                }
                // "kata Presiden Budisan" after "Presiden Budi Santoso …": a position and a short
                // form of a name introduced before with its position is that introduction.
                // (Not a position written after the name: "kata Budi, yang juga Ketua X". Only
                // for a direct quote's speaker: the KoTA scheme labels a reported speaker's
                // mention by the name written in it, and lost by this, PERSON 42.0 -> 41.8.)
                (Some((rs, _)), Some(n))
                    if f.kind == QuoteKind::Direct
                        && !m.also
                        && m.name
                            .is_some_and(|mn| rs < mn.0 && name_text(w, mn) != n.as_str()) =>
                {
                    intros
                        .get(n.as_str())
                        .copied()
                        .filter(|i| i.end <= m.start)
                        .unwrap_or(m)
                }
                _ => m,
            };
            let (role, affiliation) = match &itself {
                Some((described, _)) => (*described, None),
                None => (
                    intro.role.map(|(s, e)| w.cover(s, e)),
                    intro
                        .affiliation
                        .or_else(|| {
                            // (Only a name with nothing of its own, given no introduction by
                            // position; only one introduced before it.)
                            let own = intro.role.is_none() && intro.name.is_some();
                            name.as_deref()
                                .filter(|_| own)
                                .and_then(|n| org_intros.get(n))
                                .filter(|o| o.0 < m.start)
                                .map(|o| o.1)
                        })
                        .map(|(s, e)| w.cover(s, e)),
                ),
            };
            let words = m.name.unwrap_or((m.start, m.end));
            Speaker {
                span,
                name,
                role,
                affiliation,
                entity,
                // (A mention with no name read in it, "ujar AR" of a suspect "AR (41)" read as
                // an acronym, is private when its words are a private person's name.)
                // (Nor is a position word that is a private person's name, "ujar Imam" of
                // "Rudi Imam (35)".)
                public_figure: !m.private
                    && ((m
                        .role
                        .is_some_and(|(s, e)| !(s..e).all(|k| private.contains(w.text(k))))
                        && !m.also
                        && !neighbourhood_role(w, m))
                        || resolved_public
                        || !(words.0..words.1).any(|k| private.contains(w.text(k)))),
                person: intro.name.map(|(s, e)| w.cover(s, e)),
            }
        };
        // A subject that only points back ("Kekhawatiran itu wajar …") names nobody new: a
        // private person introduced before it is still who a later `-nya` refers to.
        let points_back = m.anaphoric && m.name.is_none() && m.pronoun.is_none();
        // "Menurut data, …", "Menurut rencana, …": a source described in lower case that is no
        // person (no role, no word for a private person) is nobody a later `-nya` stands for.
        let no_person = m.private
            && m.name.is_none()
            && m.role.is_none()
            && m.pronoun.is_none()
            && !w.is(m.start, Flags::COMMONER | Flags::ROLE);
        // "sebagian masyarakat menilai …", "banyak pakar berpendapat …": a part of a group,
        // counted in lower case and unnamed, is no one a later `-nya` stands for.
        // (The count may stand before the phrase read: "sebagian | masyarakat".)
        let count = |k: usize| {
            ["sebagian", "banyak", "sejumlah", "beberapa"]
                .iter()
                .any(|q| w.text(k).eq_ignore_ascii_case(q))
        };
        let counted = m.name.is_none()
            && w.is(m.start, Flags::LOWER)
            && (count(m.start) || (m.start > 0 && count(m.start - 1)));
        let someone = speaker.name.is_some() || nameless;
        if someone && !points_back && !no_person && !counted {
            last = Some(i);
            last_anchor = f.anchor;
        }
        // (A group described in lower case, "para petani", is no person a `-nya` stands for,
        // but it is who a later "mereka" is.)
        // (Some readers keep "para" inside the phrase instead of setting `group`.)
        let group = m.group || w.text(m.start).eq_ignore_ascii_case("para");
        if (group || plural.is_some()) && someone {
            last_group = Some(i);
        }
        speakers[i] = Some(speaker);
    }
    // Tribun-style paragraphs take the speaker of the quote that follows them.
    for i in (0..found.len()).rev() {
        if found[i].borrow_next && speakers[i].is_none() {
            if let Some(next) = found.get(i + 1).filter(|n| n.kind == QuoteKind::Direct) {
                speakers[i] = speakers[i + 1]
                    .clone()
                    .map(|s| Speaker { person: None, ..s });
                if speakers[i].is_none() {
                    continue;
                }
                let _ = next;
            }
        }
    }
    found
        .into_iter()
        .zip(speakers)
        .map(|(f, speaker)| Quote {
            kind: f.kind,
            content: w.cover(f.content.0, f.content.1),
            cue: f.cue.map(|c| w.cue_span(c)),
            speaker,
            time: f.time,
            // Filled in by `setting`, after every quote is known.
            location: None,
            event: None,
            confidence: f.confidence,
            rule: f.rule.into(),
        })
        .collect()
}

/// "Bupati BSW" after "Bupati Sukamaju Budi Santoso Wijaya (BSW)": the full name, of those
/// in `full` (token, name) written before the mention `m`, that an acronym in it abbreviates
/// (its last words' initials: the entity layer may have read the place before it into the
/// name) and that is written with that acronym in brackets after it.
fn initials<'a>(w: &Words, full: &[(usize, &'a str)], m: &Mention) -> Option<&'a str> {
    let acronym = (m.start..m.end)
        .find(|&k| w.is(k, Flags::UPPER) && (2..=5).contains(&w.text(k).len()))
        .map(|k| w.text(k))?;
    let n = acronym.len();
    full[..full.partition_point(|x| x.0 < m.start)]
        .iter()
        .rev()
        .find_map(|&(k, name)| {
            let words = name.split(' ').count();
            // (Where its last `n` words start: after the space before them.)
            let from = match words.checked_sub(n)? {
                0 => 0,
                skip => name.match_indices(' ').nth(skip - 1)?.0 + 1,
            };
            let tail = &name[from..];
            let letters = tail.split(' ').filter_map(|x| x.chars().next());
            (letters.eq(acronym.chars())
                && w.is(k + words, Flags::OPEN_PAREN)
                && w.text(k + words + 1) == acronym
                && w.is(k + words + 2, Flags::CLOSE_PAREN))
            .then_some(tail)
        })
}

/// The latest two people the entity layer found joined by "dan" ("Budi Santoso dan Sari
/// Wulandari") before token `at`, in its clause or the one before, after token `since`: the two
/// names' token ranges. (Only for a "mereka", so the scan costs nothing elsewhere.)
fn named_pair(
    w: &Words,
    short: &ShortNames,
    units: &[(usize, usize)],
    at: usize,
    since: usize,
) -> Option<((usize, usize), (usize, usize))> {
    let person = |k: usize| {
        short.is_person(k)
            && w.is(k, Flags::CAP)
            && !w.is(k, Flags::ROLE | Flags::RANK | Flags::ORG)
    };
    let u = units.partition_point(|u| u.1 <= at);
    let floor = units.get(u.saturating_sub(1)).map_or(0, |u| u.0).max(since);
    (floor + 1..at.saturating_sub(1)).rev().find_map(|d| {
        if !(w.is(d, Flags::LOWER) && person(d - 1) && person(d + 1)) || w.text(d) != "dan" {
            return None;
        }
        let mut a = d - 1;
        while a > floor && d - a < MAX_PAIR_NAME && person(a - 1) {
            a -= 1;
        }
        let mut e = d + 1;
        while e < at && e - d <= MAX_PAIR_NAME && person(e) {
            e += 1;
        }
        Some(((a, d), (d + 1, e)))
    })
}

/// Longest name of a pair [`named_pair`] reads, in tokens.
const MAX_PAIR_NAME: usize = 4;

/// An introduction written in a list of people ("Ada dalam tim itu Wakil Kepala X Budi dan
/// Komandan Y Sari."): people named in passing, none of them by itself who a later pronoun
/// stands for (the speaker before them still is).
fn listed(w: &Words, m: &Mention) -> bool {
    matches!(w.text(m.end), "dan" | "serta")
        || (m.start > 0 && matches!(w.text(m.start - 1), "dan" | "serta"))
}

/// "Agus (41), pedagang yang tinggal di Cempaka Putih, Jakarta Pusat, mengaku …": the
/// subject found before the verb is the tail of an apposition describing a private person who
/// opens the same sentence; that person is the speaker.
fn appositive_private<'p>(
    w: &Words,
    private_at: &'p [(usize, usize)],
    m: &Mention,
) -> Option<&'p (usize, usize)> {
    if m.pronoun.is_some() || m.start == 0 || !w.is(m.start - 1, Flags::COMMA) {
        return None;
    }
    let before = &private_at[..private_at.partition_point(|(s, _)| *s < m.start)];
    let intro @ &(s, e) = before.last()?;
    let breaks = Flags::END | Flags::DOT_END | Flags::MARK;
    let opens_sentence = s == 0 || w.is(s - 1, breaks);
    let same_sentence = e <= m.start && !(e..m.start).any(|k| w.is(k, breaks));
    (opens_sentence && same_sentence).then_some(intro)
}

fn p_span(w: &Words, m: &Mention) -> Span {
    w.cover(m.start, m.end.max(m.start + 1))
}

/// A speaker who is not a public figure: the mention `span`, named `name` when the text names
/// them, with no role or affiliation.
fn private_speaker(span: Span, name: Option<&str>) -> Speaker {
    Speaker {
        span,
        name: name.map(str::to_string),
        role: None,
        affiliation: None,
        entity: None,
        public_figure: false,
        person: None,
    }
}

/// Token positions, or indexes of names, kept inline up to two: most full names are written
/// once or twice and most of their words belong to one name, so the per-name and per-word
/// vectors (about 10,000 allocations over 450 news documents) are mostly not allocated.
type Few = SmallVec<[usize; 2]>;

/// The full names of a document ("Dmitry Peskov"), indexed by the words in them, so that a
/// short name ("Peskov") finds the full name it belongs to without scanning them all.
struct FullNames<'a> {
    /// Each distinct full name and where it occurs (token positions, ascending).
    names: Vec<(&'a str, Few)>,
    /// Name text → its index in `names`.
    by_text: HashMap<&'a str, usize>,
    /// A word → the names holding it.
    by_word: HashMap<&'a str, Few>,
}

impl<'a> FullNames<'a> {
    /// From (position, name) pairs sorted by position.
    fn new(full: &[(usize, &'a str)]) -> FullNames<'a> {
        // Sized for every name distinct and of two words (a full name has two at least): the
        // maps grew by rehashing, one of the quote stage's larger allocation counts.
        let mut names: Vec<(&str, Few)> = Vec::with_capacity(full.len());
        let mut by_text: HashMap<&str, usize> = HashMap::with_capacity(full.len());
        let mut by_word: HashMap<&str, Few> = HashMap::with_capacity(full.len() * 2);
        for &(pos, name) in full {
            let i = *by_text.entry(name).or_insert_with(|| {
                names.push((name, Few::new()));
                let i = names.len() - 1;
                for word in name.split_whitespace() {
                    let holders = by_word.entry(word).or_default();
                    if holders.last() != Some(&i) {
                        holders.push(i);
                    }
                }
                i
            });
            names[i].1.push(pos);
        }
        FullNames {
            names,
            by_text,
            by_word,
        }
    }

    /// The full name `name` is part of: the one written last at or before token `at`, else the
    /// first one in the document, else `name` itself.
    fn expand(&self, name: &str, at: usize) -> String {
        // A name of two words or more written as such is itself, unless a longer name it begins
        // was written before ("Sri Mulyani" after "Menteri Keuangan Sri Mulyani Indrawati").
        let whole = name.contains(' ') && self.by_text.contains_key(name);
        let Some(first) = name.split_whitespace().next() else {
            return name.to_string();
        };
        let fits = |full: &str| {
            full.len() > name.len()
                && name
                    .split_whitespace()
                    .all(|p| full.split_whitespace().any(|q| q == p))
        };
        let candidates = self
            .by_word
            .get(first)
            .into_iter()
            .flatten()
            .map(|&i| &self.names[i])
            .filter(|(full, _)| fits(full));
        if whole {
            // Only a name it begins: "Sulut Ardiles Mewoh" (a place the entity layer joined
            // to the name) is not a longer form of "Ardiles Mewoh".
            return candidates
                .filter(|(full, _)| {
                    full.strip_prefix(name)
                        .is_some_and(|rest| rest.starts_with(' '))
                })
                .filter_map(|(full, positions)| {
                    let n = positions.partition_point(|&p| p < at);
                    n.checked_sub(1).map(|i| (positions[i], *full))
                })
                .max()
                .map_or_else(|| name.to_string(), |(_, full)| full.to_string());
        }
        latest_or_first(candidates, at)
            .or_else(|| self.alias(name, at))
            .map_or_else(|| name.to_string(), |(_, full)| full.to_string())
    }

    /// A one-word name no full name holds, that is a short form of one (`speaker::short_form`):
    /// the one written last at or before `at`, else the first. (Only when no full name holds
    /// the word, so it costs nothing for most names.)
    fn alias(&self, name: &str, at: usize) -> Option<(usize, &'a str)> {
        if !speaker::may_be_short_form(name) {
            return None;
        }
        latest_or_first(
            self.names
                .iter()
                .filter(|(full, _)| speaker::short_form(name, full)),
            at,
        )
    }
}

/// Of full names with the token positions they are written at: the one written last at or
/// before `at`, else the one written first, with that position.
fn latest_or_first<'n, 'a: 'n>(
    names: impl Iterator<Item = &'n (&'a str, Few)>,
    at: usize,
) -> Option<(usize, &'a str)> {
    let mut before: Option<(usize, &str)> = None;
    let mut earliest: Option<(usize, &str)> = None;
    for (full, positions) in names {
        let n = positions.partition_point(|&p| p <= at);
        if let Some(&p) = n.checked_sub(1).and_then(|i| positions.get(i)) {
            if before.is_none_or(|(b, _)| p > b) {
                before = Some((p, *full));
            }
        }
        if earliest.is_none_or(|(e, _)| positions[0] < e) {
            earliest = Some((positions[0], *full));
        }
    }
    before.or(earliest)
}
