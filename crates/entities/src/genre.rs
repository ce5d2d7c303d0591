//! Which training set a sentence reads like: a naive Bayes classifier over its lower-cased
//! words, learnt by `kutip train` from the sentences of each annotation convention, so that the
//! `auto` convention can tag news-like sentences in the news convention and others in the
//! shared one.

use crate::features::{HashKeyed, hash_lower};

/// A multinomial naive Bayes classifier over words (tokens with a letter or a digit,
/// lower-cased): one class per annotation convention the training files named.
#[derive(Debug, Clone, Default)]
pub struct GenreClassifier {
    /// Each class: its convention id, log prior and log probability of an unseen word.
    classes: Vec<(u64, f32, f32)>,
    /// Word hash → index of its first log probability in `probs` (one a class).
    words: HashKeyed<u32>,
    probs: Vec<f32>,
}

/// The section's first bytes in a model file.
const MAGIC: &[u8; 4] = b"GENR";

/// Whether a token counts: punctuation and quotation marks say nothing about the genre (one
/// training set has no quotation marks at all, which is not a property of news).
fn counts(word: &str) -> bool {
    word.chars().any(char::is_alphanumeric)
}

impl GenreClassifier {
    /// Learns from sentences, each with its convention id; empty if fewer than two conventions.
    pub fn train<'a>(sentences: impl Iterator<Item = (&'a [String], u64)>) -> GenreClassifier {
        let mut domains: Vec<u64> = Vec::new();
        let mut sentence_counts: Vec<f64> = Vec::new();
        let mut counts_by_word: std::collections::BTreeMap<u64, Vec<f64>> = Default::default();
        let mut totals: Vec<f64> = Vec::new();
        let mut seen: Vec<(u64, usize)> = Vec::new();
        for (words, domain) in sentences {
            let c = match domains.iter().position(|d| *d == domain) {
                Some(c) => c,
                None => {
                    domains.push(domain);
                    sentence_counts.push(0.0);
                    totals.push(0.0);
                    domains.len() - 1
                }
            };
            sentence_counts[c] += 1.0;
            for w in words.iter().filter(|w| counts(w)) {
                seen.push((hash_lower(w), c));
                totals[c] += 1.0;
            }
        }
        if domains.len() < 2 {
            return GenreClassifier::default();
        }
        let n = domains.len();
        for (h, c) in seen {
            counts_by_word.entry(h).or_insert_with(|| vec![0.0; n])[c] += 1.0;
        }
        // Add-half smoothing over the vocabulary of all classes.
        let vocabulary = counts_by_word.len() as f64;
        let all: f64 = sentence_counts.iter().sum();
        let classes = (0..n)
            .map(|c| {
                let denominator = totals[c] + 0.5 * vocabulary;
                (
                    domains[c],
                    (sentence_counts[c] / all).ln() as f32,
                    (0.5 / denominator).ln() as f32,
                )
            })
            .collect();
        let mut out = GenreClassifier {
            classes,
            ..GenreClassifier::default()
        };
        for (h, per_class) in counts_by_word {
            out.words.insert(h, out.probs.len() as u32);
            for (c, k) in per_class.iter().enumerate() {
                let denominator = totals[c] + 0.5 * vocabulary;
                out.probs.push(((k + 0.5) / denominator).ln() as f32);
            }
        }
        out
    }

    /// Whether the classifier knows any class.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// The convention id of the training set the sentence reads most like (0 when empty).
    pub fn classify(&self, words: &[&str]) -> u64 {
        if self.classes.is_empty() {
            return 0;
        }
        self.with_scores(words, |scores| {
            let best = (0..scores.len())
                .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                .unwrap_or(0);
            self.classes[best].0
        })
    }

    /// How much more the sentence reads like the training set of convention `domain` than like
    /// the likeliest other one (log odds; 0 when the classifier is empty or knows no `domain`).
    pub fn margin(&self, words: &[&str], domain: u64) -> f32 {
        let Some(target) = self.classes.iter().position(|c| c.0 == domain) else {
            return 0.0;
        };
        if self.classes.len() < 2 {
            return 0.0;
        }
        self.with_scores(words, |scores| {
            let other = (0..scores.len())
                .filter(|&c| c != target)
                .map(|c| scores[c])
                .fold(f32::MIN, f32::max);
            scores[target] - other
        })
    }

    /// Calls `f` with the sentence's log score per class (prior plus each counted word's log
    /// probability, or the class's unseen-word value). Up to four classes (the built-in model
    /// has two) are scored on the stack: this runs once a sentence.
    fn with_scores<R>(&self, words: &[&str], f: impl FnOnce(&[f32]) -> R) -> R {
        let n = self.classes.len();
        let mut stack = [0f32; 4];
        let mut heap = Vec::new();
        let scores: &mut [f32] = if n <= stack.len() {
            &mut stack[..n]
        } else {
            heap.resize(n, 0.0);
            &mut heap
        };
        for (s, c) in scores.iter_mut().zip(&self.classes) {
            *s = c.1;
        }
        for w in words.iter().filter(|w| counts(w)) {
            match self.words.get(&hash_lower(w)) {
                Some(&at) => {
                    let at = at as usize;
                    for (s, p) in scores.iter_mut().zip(&self.probs[at..at + n]) {
                        *s += p;
                    }
                }
                None => {
                    for (s, c) in scores.iter_mut().zip(&self.classes) {
                        *s += c.2;
                    }
                }
            }
        }
        f(scores)
    }

    /// Appends the classifier's section of a model file (nothing when empty).
    pub fn write(&self, out: &mut Vec<u8>) {
        if self.is_empty() {
            return;
        }
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.classes.len() as u32).to_le_bytes());
        for (d, prior, unseen) in &self.classes {
            out.extend_from_slice(&d.to_le_bytes());
            out.extend_from_slice(&prior.to_le_bytes());
            out.extend_from_slice(&unseen.to_le_bytes());
        }
        let mut words: Vec<(u64, u32)> = self.words.iter().map(|(h, at)| (*h, *at)).collect();
        words.sort_unstable();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        let n = self.classes.len();
        for (h, at) in words {
            out.extend_from_slice(&h.to_le_bytes());
            for p in &self.probs[at as usize..at as usize + n] {
                out.extend_from_slice(&p.to_le_bytes());
            }
        }
    }

    /// Reads a section written by [`GenreClassifier::write`]; `None` if it is malformed.
    pub fn read(bytes: &[u8]) -> Option<GenreClassifier> {
        let mut r = bytes;
        let mut take = |n: usize| -> Option<&[u8]> {
            if r.len() < n {
                return None;
            }
            let (a, b) = r.split_at(n);
            r = b;
            Some(a)
        };
        if take(4)? != MAGIC {
            return None;
        }
        let u32_of = |b: &[u8]| u32::from_le_bytes(b.try_into().expect("4 bytes"));
        let f32_of = |b: &[u8]| f32::from_le_bytes(b.try_into().expect("4 bytes"));
        let u64_of = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("8 bytes"));
        let n = u32_of(take(4)?) as usize;
        if n == 0 || n > 64 {
            return None;
        }
        let mut out = GenreClassifier::default();
        for _ in 0..n {
            let d = u64_of(take(8)?);
            let prior = f32_of(take(4)?);
            let unseen = f32_of(take(4)?);
            out.classes.push((d, prior, unseen));
        }
        let count = u32_of(take(4)?) as usize;
        for _ in 0..count {
            let h = u64_of(take(8)?);
            out.words.insert(h, out.probs.len() as u32);
            for _ in 0..n {
                out.probs.push(f32_of(take(4)?));
            }
        }
        if !r.is_empty() {
            return None;
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str) -> Vec<String> {
        text.split(' ').map(String::from).collect()
    }

    #[test]
    fn sentences_are_told_apart_by_their_words_and_the_section_round_trips() {
        let news = [
            sentence("Budi Santoso mengatakan , polisi masih menyelidiki kasus itu"),
            sentence("kata Kapolres Sukamaju kepada wartawan , Senin"),
        ];
        let encyclopaedia = [
            sentence("Sukamaju adalah sebuah desa di kecamatan Sukaraja"),
            sentence("Sari Wulandari adalah penyanyi yang lahir pada tahun 1980"),
        ];
        let classifier = GenreClassifier::train(
            news.iter()
                .map(|s| (s.as_slice(), 11))
                .chain(encyclopaedia.iter().map(|s| (s.as_slice(), 0))),
        );
        assert_eq!(
            classifier.classify(&["polisi", "mengatakan", "kepada", "wartawan"]),
            11
        );
        assert_eq!(
            classifier.classify(&["Wuwur", "adalah", "sebuah", "desa", "\"", "\""]),
            0
        );
        let mut bytes = Vec::new();
        classifier.write(&mut bytes);
        let back = GenreClassifier::read(&bytes).expect("a valid section");
        assert_eq!(back.classify(&["kata", "polisi"]), 11);
        assert!(GenreClassifier::read(&bytes[..bytes.len() - 1]).is_none());
        let one = GenreClassifier::train(news.iter().map(|s| (s.as_slice(), 11)));
        assert!(one.is_empty(), "one convention: nothing to tell apart");
    }
}
