//! Agreement with the gold tokens of PFSA-ID (`../shared/eval/pfsa-id/dev-40.conll`, made by
//! spaCy's Indonesian tokenizer): the gold tokens are joined back into text, our tokenizer runs
//! on that text, and token boundaries are compared. Skips (and says so) when the corpus is
//! absent. `scripts/tokenizer-agreement.sh` runs it with the full report of differences.
//!
//! Two detokenizations bracket the truth (see docs/tokenizer.md): `spaced` keeps every gold
//! split visible as a space, `restored` writes `Covid-19`, `13/4/2020` the way the paper did,
//! where our deliberate choices (one token for these) count against us.

#[path = "../examples/support/mod.rs"]
mod support;

use kutip_core::{QuoteMarkRole, Span, Token, TokenKind};
use kutip_tokenize::Tokenizer;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::PathBuf;
use support::{ConllDoc, Detok, detokenize, read_conll, read_labelled_conll};

/// Regression floors (token F1, %), just under what the tokenizer reaches.
const FLOOR_SPACED: f64 = 99.0;
const FLOOR_RESTORED: f64 = 97.0;

fn gold_path() -> Option<PathBuf> {
    let path = std::env::var_os("KUTIP_PFSA_DEV")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/eval/pfsa-id/dev-40.conll")
        });
    path.exists().then_some(path)
}

#[derive(Default)]
struct Score {
    gold: usize,
    ours: usize,
    matched: usize,
    sentences: usize,
    exact_sentences: usize,
    /// Regions where we kept as one token what the gold split only at `-` or `/`
    /// (`Covid-19`, `13/4/2020`, `anak-anak`): our deliberate choice. Gold tokens, our tokens.
    compound: (usize, usize),
    /// Differences by class: "gold tokens ⇒ our tokens" with letters → a, digits → 9.
    classes: BTreeMap<String, (usize, Vec<String>)>,
}

impl Score {
    fn precision(&self) -> f64 {
        100.0 * self.matched as f64 / self.ours.max(1) as f64
    }
    fn recall(&self) -> f64 {
        100.0 * self.matched as f64 / self.gold.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// F1 when each deliberate compound counts as agreement (the gold as if it were one token).
    fn f1_forgiving_compounds(&self) -> f64 {
        let gold = self.gold - self.compound.0 + self.compound.1;
        let matched = self.matched + self.compound.1;
        let (p, r) = (
            matched as f64 / self.ours as f64,
            matched as f64 / gold as f64,
        );
        200.0 * p * r / (p + r)
    }
    fn exact(&self) -> f64 {
        100.0 * self.exact_sentences as f64 / self.sentences.max(1) as f64
    }
}

fn shape(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphabetic() {
                'a'
            } else if c.is_numeric() {
                '9'
            } else {
                c
            }
        })
        .collect::<String>()
        // Runs of the same letter class read as one.
        .split_inclusive(|_| true)
        .fold(String::new(), |mut acc, c| {
            if !(acc.ends_with(c) && (c == "a" || c == "9")) {
                acc.push_str(c);
            }
            acc
        })
}

fn score(docs: &[ConllDoc], mode: Detok, tokenizer: &Tokenizer) -> Score {
    let mut score = Score::default();
    for doc in docs {
        let d = detokenize(doc, mode);
        let ours: Vec<Range<usize>> = tokenizer
            .tokens(&d.text)
            .iter()
            .map(|t| t.span.range())
            .collect();
        let gold: Vec<Range<usize>> = d.sentences.iter().flatten().cloned().collect();
        let ours_set: HashSet<(usize, usize)> = ours.iter().map(|r| (r.start, r.end)).collect();
        let gold_set: HashSet<(usize, usize)> = gold.iter().map(|r| (r.start, r.end)).collect();
        score.gold += gold.len();
        score.ours += ours.len();
        score.matched += gold_set.intersection(&ours_set).count();
        for s in &d.sentences {
            let (Some(first), Some(last)) = (s.first(), s.last()) else {
                continue;
            };
            score.sentences += 1;
            let lo = ours.partition_point(|r| r.end <= first.start);
            let hi = ours.partition_point(|r| r.start < last.end);
            if ours[lo..hi] == s[..] {
                score.exact_sentences += 1;
            }
        }
        // Differences: maximal regions where the two segmentations disagree.
        let (mut g, mut o) = (0, 0);
        while g < gold.len() && o < ours.len() {
            if gold[g] == ours[o] {
                g += 1;
                o += 1;
                continue;
            }
            let (g0, o0) = (g, o);
            let mut end = gold[g].end.max(ours[o].end);
            g += 1;
            o += 1;
            loop {
                while g < gold.len() && gold[g].start < end {
                    end = end.max(gold[g].end);
                    g += 1;
                }
                while o < ours.len() && ours[o].start < end {
                    end = end.max(ours[o].end);
                    o += 1;
                }
                if (g >= gold.len() || gold[g].start >= end)
                    && (o >= ours.len() || ours[o].start >= end)
                {
                    break;
                }
            }
            let show = |rs: &[Range<usize>]| {
                rs.iter()
                    .map(|r| &d.text[r.clone()])
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let (gs, os) = (show(&gold[g0..g]), show(&ours[o0..o]));
            let gold_parts: Vec<&str> = gold[g0..g].iter().map(|r| &d.text[r.clone()]).collect();
            let only_hyphen_slash_splits = o - o0 == 1
                && gold_parts.len() > 1
                && gold_parts.iter().any(|p| matches!(*p, "-" | "/"))
                && gold_parts.iter().all(|p| {
                    matches!(*p, "-" | "/")
                        || p.chars().any(char::is_alphanumeric)
                            && p.chars()
                                .all(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '/' | '-'))
                });
            if only_hyphen_slash_splits {
                score.compound.0 += g - g0;
                score.compound.1 += 1;
            }
            let class = format!("{} ⇒ {}", shape(&gs), shape(&os));
            let entry = score.classes.entry(class).or_default();
            entry.0 += 1;
            if entry.1.len() < 4 {
                let lo = gold[g0].start.saturating_sub(30);
                let hi = (gold[g - 1].end + 30).min(d.text.len());
                let (lo, hi) = (floor(&d.text, lo), floor(&d.text, hi));
                entry.1.push(format!("{gs} ⇒ {os}   «{}»", &d.text[lo..hi]));
            }
        }
    }
    score
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[test]
fn agreement_with_pfsa_id_tokens() {
    let Some(path) = gold_path() else {
        eprintln!("skipped: ../shared/eval/pfsa-id/dev-40.conll is absent (set KUTIP_PFSA_DEV)");
        return;
    };
    let docs = read_conll(&std::fs::read_to_string(&path).unwrap());
    let tokenizer = Tokenizer::default();
    let mut report = String::new();
    let mut results = Vec::new();
    for (mode, name) in [(Detok::Spaced, "spaced"), (Detok::Restored, "restored")] {
        let s = score(&docs, mode, &tokenizer);
        let line = format!(
            "{name:<9} gold {:>7} ours {:>7}  P {:.2}  R {:.2}  token F1 {:.2}  exact sentences {:.2}% of {}",
            s.gold,
            s.ours,
            s.precision(),
            s.recall(),
            s.f1(),
            s.exact(),
            s.sentences
        );
        println!("{line}");
        writeln!(report, "{line}").unwrap();
        let mut classes: Vec<_> = s.classes.iter().collect();
        classes.sort_by_key(|(_, (n, _))| std::cmp::Reverse(*n));
        for (class, (n, examples)) in classes {
            writeln!(report, "  {n:>6}  {class}").unwrap();
            for e in examples {
                writeln!(report, "            {e}").unwrap();
            }
        }
        if mode == Detok::Restored {
            let line = format!(
                "{name:<9} token F1 {:.2} counting our {} one-token compounds (Covid-19, 13/4/2020, anak-anak; {} gold tokens) as agreement",
                s.f1_forgiving_compounds(),
                s.compound.1,
                s.compound.0
            );
            println!("{line}");
            writeln!(report, "{line}").unwrap();
        }
        results.push((name, s.f1()));
    }
    if let Some(out) = std::env::var_os("KUTIP_AGREEMENT_REPORT") {
        std::fs::write(&out, &report).unwrap();
        println!("differences by class: {}", out.to_string_lossy());
    }
    let (spaced, restored) = (results[0].1, results[1].1);
    assert!(
        spaced >= FLOOR_SPACED,
        "spaced token F1 {spaced:.2} < {FLOOR_SPACED}"
    );
    assert!(
        restored >= FLOOR_RESTORED,
        "restored token F1 {restored:.2} < {FLOOR_RESTORED}"
    );
}

/// Given tokens (as the pipeline reads CoNLL: tokens joined by spaces, sentences by line
/// breaks) get quote-mark roles; the marks that open and close PFSA-ID's STATEMENT spans tell
/// whether the roles are right.
#[test]
fn quote_roles_of_given_pfsa_id_tokens() {
    let Some(path) = gold_path() else {
        eprintln!("skipped: ../shared/eval/pfsa-id/dev-40.conll is absent (set KUTIP_PFSA_DEV)");
        return;
    };
    let docs = read_labelled_conll(&std::fs::read_to_string(&path).unwrap());
    let tokenizer = Tokenizer::default();
    let (mut right, mut total) = (0usize, 0usize);
    for doc in &docs {
        let mut text = String::new();
        let mut tokens = Vec::new();
        let mut labels = Vec::new();
        for sentence in doc {
            if !text.is_empty() {
                text.push('\n');
            }
            for (n, (tok, label)) in sentence.iter().enumerate() {
                if n > 0 {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(tok);
                tokens.push(Token::new(Span::new(start, text.len()), TokenKind::Word));
                labels.push(label.as_str());
            }
        }
        tokenizer.classify_given(&text, &mut tokens);
        for (t, label) in tokens.iter().zip(&labels) {
            let TokenKind::QuoteMark(role) = t.kind else {
                continue;
            };
            let want = match label.split_once('-') {
                Some(("B", "STATEMENT")) => QuoteMarkRole::Open,
                Some(("L", "STATEMENT")) => QuoteMarkRole::Close,
                _ => continue,
            };
            total += 1;
            right += usize::from(role == want);
        }
    }
    let accuracy = 100.0 * right as f64 / total.max(1) as f64;
    println!("quote-mark roles at STATEMENT edges: {right}/{total} right ({accuracy:.2}%)");
    assert!(accuracy >= 99.5, "{accuracy:.2}% (floor 99.5)");
}
