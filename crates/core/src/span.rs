//! Byte spans into a document's text, and the byte → character conversion used by exports.

use serde::{Deserialize, Serialize};
use std::cell::Cell;
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
/// bytes. Pure-ASCII text converts for free. News text is nearly all ASCII, with a few dozen
/// curly quotes and dashes a document: their positions are listed, each with the continuation
/// bytes up to it, and a look-up walks on from the previous one (a document's spans are written
/// mostly in order), so most cost a comparison or two instead of counting bytes. Text with many
/// non-ASCII characters (more than one in 32 bytes) keeps a table of character counts every 16
/// bytes instead, so the table never outgrows a quarter of the text.
#[derive(Debug)]
pub struct CharOffsets<'t> {
    text: &'t str,
    table: Table,
    /// In [`Table::Chars`], how many of its characters start before the last byte looked up.
    cursor: Cell<usize>,
}

#[derive(Debug)]
enum Table {
    Ascii,
    /// Each non-ASCII character's first byte, and the continuation bytes of all non-ASCII
    /// characters up to and including it.
    Chars(Vec<(u32, u32)>),
    /// Characters before each 16-byte block.
    Blocks(Vec<u32>),
}

/// Small enough that finding a span's offset counts at most 15 bytes (two spans an entity, two
/// a sentence and a paragraph); the table costs 4 bytes per 16 of text while a document is
/// written.
const BLOCK: usize = 16;

/// How far a look-up walks the list of characters before it bisects instead.
const WALK: usize = 8;

impl<'t> CharOffsets<'t> {
    /// Builds the table for `text`.
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        let table = match non_ascii_chars(text.as_bytes()) {
            Some(chars) if chars.is_empty() => Table::Ascii,
            Some(chars) => Table::Chars(chars),
            None => Table::Blocks(blocks(text.as_bytes())),
        };
        CharOffsets {
            text,
            table,
            cursor: Cell::new(0),
        }
    }

    /// The character offset of byte offset `byte`, which must lie on a character boundary.
    /// Inlined where offsets are written (twice a span), which it is small enough for with the
    /// dense-text table out of line (the call and its moves, about 0.3 M instructions over 450
    /// news documents).
    #[inline(always)]
    pub fn char_of(&self, byte: u32) -> u32 {
        match &self.table {
            Table::Ascii => byte,
            Table::Chars(chars) => {
                let byte = byte.min(self.text.len() as u32);
                let before = self.chars_before(chars, byte);
                byte - before.checked_sub(1).map_or(0, |k| chars[k].1)
            }
            Table::Blocks(blocks) => self.char_of_block(blocks, byte),
        }
    }

    /// How many of `chars` start before `byte`: walked on from the last look-up, bisected when
    /// `byte` lies before it or far after it.
    #[inline]
    fn chars_before(&self, chars: &[(u32, u32)], byte: u32) -> usize {
        let mut k = self.cursor.get().min(chars.len());
        if k > 0 && chars[k - 1].0 >= byte {
            k = chars[..k].partition_point(|c| c.0 < byte);
        } else {
            let mut steps = 0;
            while k < chars.len() && chars[k].0 < byte {
                k += 1;
                steps += 1;
                if steps == WALK {
                    k += chars[k..].partition_point(|c| c.0 < byte);
                    break;
                }
            }
        }
        self.cursor.set(k);
        k
    }

    /// Dense text only: kept out of line so that [`CharOffsets::char_of`] stays small.
    #[cold]
    #[inline(never)]
    fn char_of_block(&self, blocks: &[u32], byte: u32) -> u32 {
        let byte = (byte as usize).min(self.text.len());
        let block = byte / BLOCK;
        if block >= blocks.len() {
            // Only reachable for byte == len on a block boundary.
            return self.text.chars().count() as u32;
        }
        let from = block * BLOCK;
        let Some(words) = self.text.as_bytes().get(from..from + BLOCK) else {
            return blocks[block] + count_chars(&self.text.as_bytes()[from..byte]);
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
        blocks[block] + n as u32 - continuations2(lo, hi)
    }
}

/// The non-ASCII characters of `bytes` (valid UTF-8) for [`Table::Chars`] (none for ASCII
/// text), or `None` when there are more than one in 32 bytes. Thirty-two bytes are tested at a
/// time for a top bit (one test for the four words together, the usual case); in a block that
/// has one, the lead bytes (top two bits set) are taken from each word's flags.
fn non_ascii_chars(bytes: &[u8]) -> Option<Vec<(u32, u32)>> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let limit = bytes.len() / 32 + 1;
    let mut chars = Vec::new();
    let mut continuations = 0u32;
    let mut lead = |at: usize, b: u8, chars: &mut Vec<(u32, u32)>| {
        // A lead byte's leading ones are the character's length.
        continuations += b.leading_ones() - 1;
        chars.push((at as u32, continuations));
    };
    let mut blocks = bytes.chunks_exact(32);
    for (n, block) in (&mut blocks).enumerate() {
        let word =
            |k: usize| u64::from_le_bytes(block[8 * k..8 * k + 8].try_into().expect("eight bytes"));
        let words = [word(0), word(1), word(2), word(3)];
        if (words[0] | words[1] | words[2] | words[3]) & HIGH == 0 {
            continue;
        }
        for (k, x) in words.into_iter().enumerate() {
            // Top bit and the one below it both set: a lead byte.
            let mut leads = x & (x << 1) & HIGH;
            while leads != 0 {
                let at = n * 32 + k * 8 + (leads.trailing_zeros() / 8) as usize;
                lead(at, bytes[at], &mut chars);
                leads &= leads - 1;
            }
        }
        if chars.len() > limit {
            return None;
        }
    }
    let rest = bytes.len() - blocks.remainder().len();
    for (k, &b) in blocks.remainder().iter().enumerate() {
        if b >= 0xC0 {
            lead(rest + k, b, &mut chars);
        }
    }
    (chars.len() <= limit).then_some(chars)
}

/// Characters before each 16-byte block of `bytes`, for [`Table::Blocks`].
fn blocks(bytes: &[u8]) -> Vec<u32> {
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
    blocks
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

    /// Sparse non-ASCII text (the list of characters) and dense text (the block table) answer
    /// every boundary alike, looked up in order, backwards, and by jumps in both directions.
    #[test]
    fn both_tables_answer_every_look_up_order() {
        // Three characters in about 120 bytes, twelve times: jumps pass more than `WALK`.
        let sparse = format!(
            "{}✓ 𐍈.",
            "“Budi” kata Siti Aminah di Kabupaten Sukamaju — lalu mereka pergi ke pasar pagi itu bersama keluarga. "
                .repeat(12)
        );
        let dense = "“é—✓ b\u{10348}”".repeat(9);
        for (text, listed) in [(sparse.as_str(), true), (dense.as_str(), false)] {
            let offsets = CharOffsets::new(text);
            assert_eq!(matches!(offsets.table, Table::Chars(_)), listed, "{text}");
            let want: Vec<(u32, u32)> = text
                .char_indices()
                .map(|(b, _)| b as u32)
                .chain([text.len() as u32])
                .enumerate()
                .map(|(c, b)| (b, c as u32))
                .collect();
            let mut order: Vec<usize> = (0..want.len()).collect();
            order.extend((0..want.len()).rev());
            // Jumps: from the start to the end and back, by strides that cross many characters.
            order.extend((0..want.len()).map(|k| (k * 37) % want.len()));
            for k in order {
                let (byte, chars) = want[k];
                assert_eq!(offsets.char_of(byte), chars, "byte {byte} of {text}");
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
