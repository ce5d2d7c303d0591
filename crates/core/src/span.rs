//! Byte spans into a document's text, and the byte → character conversion used by exports.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `start..end` into a document's text.
///
/// `u32` offsets keep tokens small; a document is limited to 4 GiB of text, far beyond the
/// documented input limit.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (bytes). Panics in debug builds if `start > end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The span as a `Range<usize>`, ready to index a `str`.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    #[inline]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no bytes.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both `self` and `other`.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Converts byte offsets of one text into character (Unicode scalar value) offsets.
///
/// JSON consumers index strings by character (Python's `text[start:end]`), while kutip works in
/// bytes. Pure-ASCII text converts for free; otherwise a table of character counts every 16 bytes
/// keeps each lookup to at most 15 bytes of counting.
#[derive(Debug)]
pub struct CharOffsets<'t> {
    text: &'t str,
    /// Characters before each 16-byte block; empty when the text is ASCII.
    blocks: Vec<u32>,
}

/// Small enough that finding a span's offset counts at most 15 bytes (two spans an entity, two
/// a sentence and a paragraph); the table costs 4 bytes per 16 of text while a document is
/// written.
const BLOCK: usize = 16;

impl<'t> CharOffsets<'t> {
    /// Builds the table for `text`.
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        if text.is_ascii() {
            return CharOffsets {
                text,
                blocks: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0u32;
        let mut chunks = bytes.chunks_exact(BLOCK);
        // An exact-size map, so no capacity test a block.
        blocks.extend((&mut chunks).map(|chunk| {
            let before = chars;
            let (lo, hi) = chunk.split_at(8);
            let word = |w: &[u8]| u64::from_le_bytes(w.try_into().expect("eight bytes"));
            chars += BLOCK as u32 - continuations2(word(lo), word(hi));
            before
        }));
        if !chunks.remainder().is_empty() {
            blocks.push(chars);
        }
        CharOffsets { text, blocks }
    }

    /// The character offset of byte offset `byte`, which must lie on a character boundary.
    pub fn char_of(&self, byte: u32) -> u32 {
        if self.blocks.is_empty() {
            return byte;
        }
        let byte = (byte as usize).min(self.text.len());
        let block = byte / BLOCK;
        if block >= self.blocks.len() {
            // Only reachable for byte == len on a block boundary.
            return self.text.chars().count() as u32;
        }
        let from = block * BLOCK;
        let Some(words) = self.text.as_bytes().get(from..from + BLOCK) else {
            return self.blocks[block] + count_chars(&self.text.as_bytes()[from..byte]);
        };
        // The block read as two words, the bytes from `byte` on masked out: no loop over the
        // (up to 15) bytes before it.
        let n = byte - from;
        let word = |w: &[u8]| u64::from_le_bytes(w.try_into().expect("eight bytes"));
        let below = |k: usize| (1u64 << (8 * k)).wrapping_sub(1);
        let (lo, hi) = if n >= 8 {
            (word(&words[..8]), word(&words[8..]) & below(n - 8))
        } else {
            (word(&words[..8]) & below(n), 0)
        };
        self.blocks[block] + n as u32 - continuations2(lo, hi)
    }
}

#[inline]
fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

/// The UTF-8 continuation bytes among eight: top bit set, the next one clear.
#[inline]
fn continuations(x: u64) -> u32 {
    continuations2(x, 0)
}

/// The UTF-8 continuation bytes among sixteen (two words): each byte's flag moved to its low
/// bit and the bytes summed by one multiplication (at most 16, so no byte overflows). Not
/// `count_ones`: the build targets baseline x86-64, without `popcnt`, where it is a dozen
/// instructions a word.
#[inline]
fn continuations2(a: u64, b: u64) -> u32 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let flags = |x: u64| (x & !(x << 1) & HIGH) >> 7;
    ((flags(a) + flags(b)).wrapping_mul(ONES) >> 56) as u32
}

/// The characters in `bytes` (which need not start or end on a character boundary): the bytes
/// that are not UTF-8 continuation bytes, counted eight at a time (a continuation byte has its
/// top bit set and the next one clear), then the tail byte by byte.
#[inline]
fn count_chars(bytes: &[u8]) -> u32 {
    let mut words = bytes.chunks_exact(8);
    let mut continuations = 0;
    for word in &mut words {
        continuations +=
            self::continuations(u64::from_le_bytes(word.try_into().expect("eight bytes")));
    }
    let tail = words.remainder();
    continuations += tail.iter().filter(|&&b| is_continuation(b)).count() as u32;
    bytes.len() as u32 - continuations
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_char_indices() {
        let text = "“Situasi” kata Vardanyan — 120.000 penduduk ✓ ".repeat(9);
        let offsets = CharOffsets::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.char_of(byte as u32), chars as u32, "byte {byte}");
        }
        assert_eq!(
            offsets.char_of(text.len() as u32),
            text.chars().count() as u32
        );
    }

    #[test]
    fn characters_are_counted_in_any_slice() {
        let text = "a“é—✓ b\u{10348}cd".repeat(7);
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for to in from..bytes.len().min(from + 70) {
                let want = bytes[from..to]
                    .iter()
                    .filter(|&&b| !is_continuation(b))
                    .count();
                assert_eq!(count_chars(&bytes[from..to]) as usize, want, "{from}..{to}");
            }
        }
    }

    #[test]
    fn ascii_is_identity() {
        let offsets = CharOffsets::new("kata Peskov");
        assert_eq!(offsets.char_of(5), 5);
        assert_eq!(offsets.char_of(11), 11);
    }
}
