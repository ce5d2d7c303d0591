//! Scores a prediction file against a gold file, both in `token<TAB>label` columns.
//!
//! The definitions are those of the evaluation corpora's own scorer (`score.py`): spans are read
//! over the whole file, ignoring blank lines, so a quote running over three sentences is one span;
//! a predicted span counts only if its label, first and last token equal a gold span's (strict);
//! gold and prediction are each read as BILOU when they use `L-`/`U-` anywhere, else as BIO;
//! `-DOCSTART-` rows are skipped. Per label: precision, recall, strict span F1, token-level F1
//! and overlap recall (a gold span touched by any predicted span of its label); then micro totals.
//!
//! ```
//! use kutip_eval::{score_str, Scores};
//!
//! let gold = "Joko\tB-PER\nWidodo\tL-PER\ndatang\tO\n";
//! let pred = "Joko\tB-PER\nWidodo\tL-PER\ndatang\tO\n";
//! let scores: Scores = score_str(gold, pred).unwrap();
//! assert_eq!(scores.label("PER").unwrap().f1, 1.0);
//! ```
#![deny(missing_docs)]

use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt;

/// The labels of the quote-attribution corpora, reported in this order when present.
pub const QUOTE_LABELS: [&str; 11] = [
    "STATEMENT",
    "CUE",
    "CUECOREF",
    "PERSON",
    "PERSONCOREF",
    "ROLE",
    "AFFILIATION",
    "DATETIME",
    "LOCATION",
    "EVENT",
    "ISSUE",
];

/// Why two files cannot be compared.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EvalError {
    /// Different line counts.
    #[error("misaligned: gold has {gold} lines, prediction has {pred}")]
    LineCount {
        /// Gold lines.
        gold: usize,
        /// Prediction lines.
        pred: usize,
    },
    /// A blank line in one file only.
    #[error("misaligned at line {0}: blank line in one file only")]
    Blank(usize),
    /// Different tokens on the same line.
    #[error("misaligned at line {line}: token {gold:?} vs {pred:?}")]
    Token {
        /// 1-based line.
        line: usize,
        /// Gold token.
        gold: String,
        /// Predicted token.
        pred: String,
    },
}

/// Scores of one label (or the micro total).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelScore {
    /// The label (`micro` for the total).
    pub label: String,
    /// Gold spans.
    pub gold: usize,
    /// Predicted spans.
    pub pred: usize,
    /// Strict span precision.
    pub p: f64,
    /// Strict span recall.
    pub r: f64,
    /// Strict span F1.
    pub f1: f64,
    /// Token-level F1 (0 for micro).
    pub token_f1: f64,
    /// Share of gold spans overlapped by a predicted span of the same label (0 for micro).
    pub overlap_recall: f64,
}

/// Scores of every label present in the gold file, then `micro`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// Per label, in the corpora's label order, then the others sorted.
    pub labels: Vec<LabelScore>,
    /// Micro-averaged over all labels.
    pub micro: LabelScore,
}

impl Scores {
    /// The scores of one label.
    pub fn label(&self, name: &str) -> Option<&LabelScore> {
        self.labels.iter().find(|l| l.label == name)
    }
}

impl fmt::Display for Scores {
    /// The same table as `score.py score`, in percent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<12}{:>6}{:>6}{:>7}{:>7}{:>7}{:>7}{:>7}",
            "label", "gold", "pred", "P", "R", "F1", "tokF1", "ovlR"
        )?;
        for r in self.labels.iter().chain(std::iter::once(&self.micro)) {
            writeln!(
                f,
                "{:<12}{:>6}{:>6}{:>7.1}{:>7.1}{:>7.1}{:>7.1}{:>7.1}",
                r.label,
                r.gold,
                r.pred,
                r.p * 100.0,
                r.r * 100.0,
                r.f1 * 100.0,
                r.token_f1 * 100.0,
                r.overlap_recall * 100.0
            )?;
        }
        Ok(())
    }
}

type Span<'a> = (usize, usize, &'a str);

/// One line: `None` for blank, else token and label (last tab column, `O` if there is none).
fn read(text: &str) -> Vec<Option<(&str, &str)>> {
    text.lines()
        .map(|line| {
            if line.trim().is_empty() {
                return None;
            }
            let mut cols = line.split('\t');
            let token = cols.next().unwrap_or("");
            let label = line
                .rsplit('\t')
                .next()
                .filter(|_| line.contains('\t'))
                .map_or("O", str::trim);
            Some((token, label))
        })
        .collect()
}

fn split(label: &str) -> (&str, Option<&str>) {
    if label == "O" || label.is_empty() {
        return ("O", None);
    }
    match label.split_once('-') {
        Some((p, t)) => (p, Some(t)),
        None => ("O", None),
    }
}

fn prefix_is(p: &str, options: &[&str]) -> bool {
    options.iter().any(|o| p.eq_ignore_ascii_case(o))
}

/// Strict BILOU spans: B opens, I continues (same type), L closes, U is whole; anything
/// malformed is dropped.
fn bilou_spans<'a>(labels: &[&'a str]) -> BTreeSet<Span<'a>> {
    let mut out = BTreeSet::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, label) in labels.iter().enumerate() {
        let (p, t) = split(label);
        match (p, t) {
            (p, Some(t)) if prefix_is(p, &["U", "S"]) => {
                out.insert((i, i, t));
                open = None;
            }
            (p, Some(t)) if prefix_is(p, &["B"]) => open = Some((i, t)),
            (p, Some(t)) if prefix_is(p, &["I"]) => {
                if open.is_none_or(|(_, ty)| ty != t) {
                    open = None;
                }
            }
            (p, Some(t)) if prefix_is(p, &["L", "E"]) => {
                if let Some((s, ty)) = open.filter(|(_, ty)| *ty == t) {
                    out.insert((s, i, ty));
                }
                open = None;
            }
            _ => open = None,
        }
    }
    out
}

/// BIO spans: from B (or an I with nothing open) through the following I of the same type.
fn bio_spans<'a>(labels: &[&'a str]) -> BTreeSet<Span<'a>> {
    let mut out = BTreeSet::new();
    let mut open: Option<(usize, &str)> = None;
    for i in 0..=labels.len() {
        let (p, t) = labels.get(i).map_or(("O", None), |l| split(l));
        let continues = prefix_is(p, &["I", "L", "E"]) && open.is_some_and(|(_, ty)| Some(ty) == t);
        if !continues {
            if let Some((s, ty)) = open.take() {
                out.insert((s, i - 1, ty));
            }
        }
        if let Some(t) = t {
            if prefix_is(p, &["B", "U", "S"]) || (prefix_is(p, &["I"]) && open.is_none()) {
                open = Some((i, t));
            }
            if prefix_is(p, &["U", "S", "L", "E"]) {
                if let Some((s, ty)) = open.take() {
                    out.insert((s, i, ty));
                }
            }
        }
    }
    out
}

fn uses_bilou(labels: &[&str]) -> bool {
    labels.iter().any(|l| prefix_is(split(l).0, &["L", "U"]))
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b > 0 { a as f64 / b as f64 } else { 0.0 }
}

/// Scores prediction text against gold text.
pub fn score_str(gold: &str, pred: &str) -> Result<Scores, EvalError> {
    let (g, p) = (read(gold), read(pred));
    if g.len() != p.len() {
        return Err(EvalError::LineCount {
            gold: g.len(),
            pred: p.len(),
        });
    }
    let mut gl = Vec::new();
    let mut pl = Vec::new();
    for (i, (a, b)) in g.iter().zip(&p).enumerate() {
        match (a, b) {
            (None, None) => continue,
            (Some((ga, gla)), Some((pa, pla))) => {
                if ga != pa {
                    return Err(EvalError::Token {
                        line: i + 1,
                        gold: ga.to_string(),
                        pred: pa.to_string(),
                    });
                }
                if *ga == "-DOCSTART-" {
                    continue;
                }
                gl.push(*gla);
                pl.push(*pla);
            }
            _ => return Err(EvalError::Blank(i + 1)),
        }
    }
    let gs = if uses_bilou(&gl) {
        bilou_spans(&gl)
    } else {
        bio_spans(&gl)
    };
    let ps = if uses_bilou(&pl) {
        bilou_spans(&pl)
    } else {
        bio_spans(&pl)
    };
    let present: BTreeSet<&str> = gs.iter().map(|s| s.2).collect();
    let mut names: Vec<&str> = QUOTE_LABELS
        .iter()
        .copied()
        .filter(|l| present.contains(l))
        .collect();
    names.extend(
        present
            .iter()
            .copied()
            .filter(|l| !QUOTE_LABELS.contains(l)),
    );
    let mut labels = Vec::new();
    let (mut tp_all, mut gold_all, mut pred_all) = (0, 0, 0);
    for name in names {
        let g: BTreeSet<&Span> = gs.iter().filter(|s| s.2 == name).collect();
        let p: BTreeSet<&Span> = ps.iter().filter(|s| s.2 == name).collect();
        let tp = g.intersection(&p).count();
        let (pr, rc) = (ratio(tp, p.len()), ratio(tp, g.len()));
        let gt: BTreeSet<usize> = (0..gl.len())
            .filter(|&i| split(gl[i]).1 == Some(name))
            .collect();
        let pt: BTreeSet<usize> = (0..pl.len())
            .filter(|&i| split(pl[i]).1 == Some(name))
            .collect();
        let ttp = gt.intersection(&pt).count();
        let found = g
            .iter()
            .filter(|(a, b, _)| p.iter().any(|(c, d, _)| !(d < a || c > b)))
            .count();
        labels.push(LabelScore {
            label: name.to_string(),
            gold: g.len(),
            pred: p.len(),
            p: pr,
            r: rc,
            f1: f1(pr, rc),
            token_f1: f1(ratio(ttp, pt.len()), ratio(ttp, gt.len())),
            overlap_recall: ratio(found, g.len()),
        });
        tp_all += tp;
        gold_all += g.len();
        pred_all += p.len();
    }
    let (mp, mr) = (ratio(tp_all, pred_all), ratio(tp_all, gold_all));
    let micro = LabelScore {
        label: "micro".into(),
        gold: gold_all,
        pred: pred_all,
        p: mp,
        r: mr,
        f1: f1(mp, mr),
        token_f1: 0.0,
        overlap_recall: 0.0,
    };
    Ok(Scores { labels, micro })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cross_blank_lines_and_must_match_exactly() {
        let gold = "-DOCSTART-\tO\n\n”\tB-STATEMENT\n\nSaya\tI-STATEMENT\nsiap\tI-STATEMENT\n”\tL-STATEMENT\nkata\tU-CUE\nBudi\tU-PERSONCOREF\n";
        let pred = "-DOCSTART-\tO\n\n”\tO\n\nSaya\tB-STATEMENT\nsiap\tI-STATEMENT\n”\tL-STATEMENT\nkata\tU-CUE\nBudi\tO\n";
        let s = score_str(gold, pred).unwrap();
        let st = s.label("STATEMENT").unwrap();
        assert_eq!(
            (st.gold, st.pred, st.f1, st.overlap_recall),
            (1, 1, 0.0, 1.0)
        );
        assert!((st.token_f1 - 6.0 / 7.0).abs() < 1e-9);
        assert_eq!(s.label("CUE").unwrap().f1, 1.0);
        assert_eq!(s.label("PERSONCOREF").unwrap().r, 0.0);
        assert_eq!((s.micro.gold, s.micro.pred), (3, 2));
        let names: Vec<&str> = s.labels.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(names, ["STATEMENT", "CUE", "PERSONCOREF"]);
    }

    #[test]
    fn bio_predictions_against_bio_gold() {
        let gold = "Joko\tB-PER\nWidodo\tI-PER\ndi\tO\nJakarta\tB-LOC\n";
        let pred = "Joko\tB-PER\nWidodo\tI-PER\ndi\tO\nJakarta\tI-LOC\n";
        let s = score_str(gold, pred).unwrap();
        assert_eq!(s.label("PER").unwrap().f1, 1.0);
        assert_eq!(
            s.label("LOC").unwrap().f1,
            1.0,
            "an I with nothing open starts a span in BIO"
        );
    }

    #[test]
    fn misalignment_is_an_error() {
        assert_eq!(
            score_str("a\tO\n", "b\tO\n"),
            Err(EvalError::Token {
                line: 1,
                gold: "a".into(),
                pred: "b".into()
            })
        );
        assert_eq!(
            score_str("a\tO\n", "a\tO\nb\tO\n"),
            Err(EvalError::LineCount { gold: 1, pred: 2 })
        );
    }
}
