//! Hashed features of a token in its sentence, shared by the tagger and its trainer.
//!
//! Every feature is a 64-bit hash of (template, value); the model maps it to a row of a
//! fixed-size weight table, so neither extracting nor scoring a feature allocates.

/// A sentence's tokens prepared once for feature extraction.
#[derive(Debug, Default)]
pub struct SentenceInfo {
    /// Hash of each token's lower-cased text.
    pub lower: Vec<u64>,
    /// Hash of each token's shape ("Xx", "X", "d", "x-x"…).
    pub shape: Vec<u64>,
    /// Gazetteer tag of each token (see [`GAZ_NONE`] and friends).
    pub gazetteer: Vec<u8>,
    /// Whether the token may start or continue a name; others are tagged O without scoring.
    pub candidate: Vec<bool>,
    /// Whether the token has a capital letter or a digit, or a gazetteer name covers it: tested
    /// once a token, not again for each neighbour.
    pub strong: Vec<bool>,
    /// The nearest token before each token that is not a quotation mark (`usize::MAX`: none).
    /// Context features look through quotation marks: one training set has none, and `, "
    /// kata Budi` should look like `, kata Budi`.
    pub left: Vec<usize>,
    /// The nearest token after each token that is not a quotation mark (`usize::MAX`: none).
    pub right: Vec<usize>,
    /// Whether each capitalised token is a word seen in lower case in the training data.
    pub common: Vec<bool>,
    /// Whether each token is a title, rank or position word (see [`TITLE_WORDS`]).
    pub title: Vec<bool>,
    /// Hashes of each token's first and of its last three letters, lower-cased (context
    /// features of its neighbours): computed once a token, not once for each neighbour.
    pub affixes: Vec<[u64; 2]>,
    /// The annotation convention to tag in (0: the shared one). Each feature also has a copy per
    /// convention, learnt from that convention's corpus only; tagging in a convention adds its
    /// copies to the shared weights.
    pub domain: u64,
}

/// Titles, honorifics, ranks and positions that stand before names, lower-cased and without a
/// final full stop. A feature, not a rule: the model learns how much they say about the next word.
pub const TITLE_WORDS: &[&str] = &[
    "bapak",
    "ibu",
    "pak",
    "bu",
    "sdr",
    "saudara",
    "dr",
    "prof",
    "profesor",
    "dokter",
    "h",
    "hj",
    "ir",
    "drs",
    "kh",
    "tn",
    "ny",
    "mr",
    "mrs",
    "ms",
    "kapten",
    "mayor",
    "kolonel",
    "letkol",
    "letnan",
    "brigjen",
    "mayjen",
    "letjen",
    "jenderal",
    "jendral",
    "kombes",
    "akbp",
    "akp",
    "iptu",
    "ipda",
    "aiptu",
    "aipda",
    "bripka",
    "brigpol",
    "briptu",
    "bripda",
    "irjen",
    "komjen",
    "laksamana",
    "laksma",
    "laksda",
    "marsekal",
    "marsma",
    "serda",
    "sertu",
    "serka",
    "serma",
    "praka",
    "pratu",
    "kopda",
    "koptu",
    "prada",
    "presiden",
    "wapres",
    "menteri",
    "mendagri",
    "menlu",
    "menkeu",
    "gubernur",
    "wagub",
    "bupati",
    "wabup",
    "walikota",
    "wali",
    "camat",
    "lurah",
    "ketua",
    "kepala",
    "direktur",
    "dirut",
    "sekjen",
    "kapolri",
    "kapolda",
    "kapolres",
    "kapolresta",
    "kapolsek",
    "kasat",
    "kanit",
    "kasubdit",
    "dirreskrimum",
    "dirreskrimsus",
    "kabid",
    "kabag",
    "panglima",
    "komandan",
    "dandim",
    "danrem",
    "pangdam",
    "kasad",
    "jubir",
    "ustaz",
    "ustadz",
    "kiai",
    "kyai",
    "habib",
    "syekh",
    "pangeran",
    "putri",
    "raja",
    "ratu",
    "sultan",
    "paus",
    "santo",
    "rektor",
    "dekan",
    "hakim",
    "jaksa",
    "senator",
    "kanselir",
    "perdana",
    "pemimpin",
    "pelatih",
    "kapten",
    "gelandang",
    "penyerang",
    "aktor",
    "aktris",
    "penyanyi",
    "rapper",
    "sutradara",
    "tersangka",
    "terdakwa",
    "korban",
    "politikus",
    "politisi",
    "pengamat",
    "ekonom",
    "peneliti",
    "anggota",
    "kader",
    "kakak",
    "adik",
    "istri",
    "suami",
    "anak",
    "ayah",
    "ibunda",
    "ayahanda",
    "almarhum",
    "almarhumah",
    "mendiang",
    "st",
    "sir",
];

/// The title words' hashes, sorted, and a 4096-bit filter of their low bits: nearly every
/// word misses the filter and skips the search (it ran for every candidate's neighbours).
struct TitleHashes {
    sorted: Vec<u64>,
    filter: [u64; 64],
}

fn is_title_word(word: &str, lower: u64) -> bool {
    static HASHES: std::sync::OnceLock<TitleHashes> = std::sync::OnceLock::new();
    let hashes = HASHES.get_or_init(|| {
        let mut sorted: Vec<u64> = TITLE_WORDS.iter().map(|w| hash_lower(w)).collect();
        sorted.sort_unstable();
        let mut filter = [0u64; 64];
        for h in &sorted {
            filter[(h >> 6 & 63) as usize] |= 1 << (h & 63);
        }
        TitleHashes { sorted, filter }
    });
    let key = match word.strip_suffix('.') {
        Some(stem) => hash_lower(stem),
        None => lower,
    };
    hashes.filter[(key >> 6 & 63) as usize] & 1 << (key & 63) != 0
        && hashes.sorted.binary_search(&key).is_ok()
}

fn is_quote_mark(word: &str) -> bool {
    // Every quotation mark starts with one of these bytes (`«`/`»` with 0xC2, the curly ones
    // with 0xE2): nearly every token is rejected by its first byte alone.
    if !matches!(
        word.as_bytes().first(),
        Some(b'"' | b'\'' | b'`' | 0xC2 | 0xE2)
    ) {
        return false;
    }
    matches!(
        word,
        "\"" | "“" | "”" | "\'" | "‘" | "’" | "«" | "»" | "``" | "\'\'"
    )
}

/// No gazetteer name covers the token.
pub const GAZ_NONE: u8 = 0;

/// Stable 64-bit FNV-1a over bytes, then finalised; enough spread for a hashed weight table.
fn fnv(bytes: impl IntoIterator<Item = u8>, seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325 ^ seed;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// A 64-bit finaliser (from SplitMix64): spreads every input bit over the output.
pub fn mix(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Hash of a word as written (case kept): gazetteer keys.
pub fn hash_exact(word: &str) -> u64 {
    fnv(word.bytes(), 0)
}

/// Hash of a word lower-cased, without allocating.
pub fn hash_lower(word: &str) -> u64 {
    if word.is_ascii() {
        return fnv(word.bytes().map(|b| b.to_ascii_lowercase()), 1);
    }
    let mut buf = [0u8; 4];
    fnv(
        word.chars()
            .flat_map(char::to_lowercase)
            .flat_map(move |c| {
                let n = c.encode_utf8(&mut buf).len();
                let bytes = buf;
                bytes.into_iter().take(n)
            }),
        1,
    )
}

/// A hasher for keys that are already well-mixed 64-bit hashes: it passes them through, so a
/// look-up costs no second hashing.
#[derive(Default, Clone, Copy)]
pub struct PassThroughHasher(u64);

impl std::hash::Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by hashes.
pub type HashKeyed<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PassThroughHasher>>;

/// A set of hashes.
pub type HashKeyedSet =
    std::collections::HashSet<u64, std::hash::BuildHasherDefault<PassThroughHasher>>;

/// Combines hashes of consecutive tokens into one (gazetteer keys of several words).
pub fn combine(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(17) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The word's shape: letters to X/x, digits to d, runs collapsed, at most five symbols.
fn shape(word: &str) -> u64 {
    let mut out = [0u8; 5];
    let mut n = 0;
    let mut last = 0u8;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_alphabetic() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        };
        if s != last {
            if n == out.len() {
                break;
            }
            out[n] = s;
            n += 1;
            last = s;
        }
    }
    fnv(out[..n].iter().copied(), 2)
}

/// Whether a word has a capital letter.
fn has_capital(word: &str) -> bool {
    word.chars().any(char::is_uppercase)
}

/// Whether a token can be part of a name: it has a capital letter or a digit, or a gazetteer
/// name covers it.
fn strong(word: &str, gazetteer: u8) -> bool {
    if gazetteer != GAZ_NONE {
        return true;
    }
    // Most words are ASCII: test eight (or four) bytes at a time for a capital, a digit or a
    // non-ASCII byte, and decode UTF-8 and ask the Unicode tables only for a word with a
    // non-ASCII byte. Overlapping reads cover a word of any length (an "any" test).
    let b = word.as_bytes();
    let n = b.len();
    let flagged = if n >= 8 {
        b.chunks_exact(8).any(flags8) || flags8(&b[n - 8..])
    } else if n >= 4 {
        flags4(&b[..4]) || flags4(&b[n - 4..])
    } else {
        b.iter()
            .any(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || !b.is_ascii())
    };
    flagged
        && (b
            .iter()
            .any(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            || { word.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()) })
}

/// Whether any of eight bytes is an ASCII capital, an ASCII digit or not ASCII.
fn flags8(bytes: &[u8]) -> bool {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(bytes.try_into().expect("eight bytes"));
    // With each byte's top bit set, subtracting c from it borrows nothing across bytes and
    // leaves the top bit set exactly where the (7-bit) byte is at least c.
    let y = x | H;
    let at_least = |c: u64| y.wrapping_sub(c * L);
    let upper = at_least(0x41) & !at_least(0x5b);
    let digit = at_least(0x30) & !at_least(0x3a);
    (x | upper | digit) & H != 0
}

/// [`flags8`] for four bytes (zero bytes are none of the three).
fn flags4(bytes: &[u8]) -> bool {
    let mut eight = [0u8; 8];
    eight[..4].copy_from_slice(bytes);
    flags8(&eight)
}

impl SentenceInfo {
    /// Prepares a sentence. `gazetteer` holds one tag a token (may be all [`GAZ_NONE`]);
    /// `common` holds the hashes ([`hash_lower`]) of words seen in lower case in the training
    /// data: a capitalised word among them has a shape of its own ("Pada", "Masjid" are
    /// common words written with a capital, "Budi" is not).
    pub fn fill(&mut self, words: &[&str], gazetteer: &[u8], common: &HashKeyedSet) {
        self.mark(words, gazetteer);
        self.hash(words, common);
    }

    /// [`SentenceInfo::fill`] without the hashes: which tokens are candidates and which
    /// tokens are their neighbours. The tagger may drop candidates before [`SentenceInfo::hash`].
    pub fn mark(&mut self, words: &[&str], gazetteer: &[u8]) {
        self.lower.clear();
        self.shape.clear();
        self.gazetteer.clear();
        self.candidate.clear();
        self.strong.clear();
        self.left.clear();
        self.right.clear();
        self.title.clear();
        self.affixes.clear();
        self.gazetteer.extend_from_slice(gazetteer);
        // `right` first holds whether each token is a quotation mark, tested once a token.
        self.right
            .extend(words.iter().map(|w| usize::from(is_quote_mark(w))));
        let mut last = usize::MAX;
        for i in 0..words.len() {
            self.left.push(last);
            if self.right[i] == 0 {
                last = i;
            }
        }
        let mut next = usize::MAX;
        for i in (0..words.len()).rev() {
            let quote = self.right[i] != 0;
            self.right[i] = next;
            if !quote {
                next = i;
            }
        }
        let n = words.len();
        self.strong
            .extend(words.iter().zip(gazetteer).map(|(w, g)| strong(w, *g)));
        self.candidate.extend_from_slice(&self.strong);
        // A lower-case word right before a name ("desa Sukamaju", "kabupaten Bogor") or between
        // two name words ("Bank of America") may belong to it.
        for (i, word) in words.iter().enumerate().take(n.saturating_sub(1)) {
            if !self.candidate[i]
                && self.strong[i + 1]
                && word.len() > 1
                && word.chars().all(char::is_alphabetic)
            {
                self.candidate[i] = true;
            }
        }
        // A hyphen, an apostrophe or an initial's full stop between two capitalised words may
        // be inside a name ("Ana Putri - Lestari", "Budi S . Wirawan", "Sean O ' Connor").
        for i in 1..n.saturating_sub(1) {
            if !self.candidate[i]
                && matches!(words[i], "-" | "'" | ".")
                && has_capital(words[i - 1])
                && has_capital(words[i + 1])
                && (words[i] != "." || words[i - 1].chars().nth(1).is_none())
            {
                self.candidate[i] = true;
            }
        }
    }

    /// The hashes of the candidates and their neighbours (the features need no others);
    /// `common` as for [`SentenceInfo::fill`].
    pub fn hash(&mut self, words: &[&str], common: &HashKeyedSet) {
        let n = words.len();
        // Hashes are needed only for candidates and their neighbours: most tokens are neither.
        self.lower.resize(n, 0);
        self.shape.resize(n, LOWER_SHAPE);
        self.title.resize(n, false);
        self.common.clear();
        self.common.resize(n, false);
        self.affixes.resize(n, [0; 2]);
        for i in 0..n {
            if !self.candidate[i] {
                continue;
            }
            for k in [self.left[i], i, self.right[i]] {
                if k == usize::MAX || self.lower[k] != 0 {
                    continue;
                }
                let w = words[k];
                let lower = hash_lower(w);
                self.lower[k] = lower;
                self.title[k] = is_title_word(w, lower);
                self.affixes[k] = [affix3(w, false), affix3(w, true)];
                // Lower-case words are only context for their neighbours: their shape is fixed.
                if self.strong[k] {
                    self.shape[k] = shape(w);
                    self.common[k] = common.contains(&lower);
                }
            }
        }
    }
}

/// The hash of a word's first (or last) three letters, each lower-cased to its first lower-case
/// letter.
fn affix3(word: &str, from_end: bool) -> u64 {
    let mut h = 0x51u64;
    if word.is_ascii() {
        // The same values as the `char` path below, without decoding UTF-8.
        let bytes = word.as_bytes();
        let three = if from_end {
            &bytes[bytes.len().saturating_sub(3)..]
        } else {
            &bytes[..bytes.len().min(3)]
        };
        let mut step = |b: &u8| h = combine(h, u64::from(b.to_ascii_lowercase()));
        if from_end {
            three.iter().rev().for_each(&mut step);
        } else {
            three.iter().for_each(&mut step);
        }
        return h;
    }
    affix3_chars(word, from_end)
}

/// [`affix3`] for any word, decoding characters.
fn affix3_chars(word: &str, from_end: bool) -> u64 {
    let mut h = 0x51u64;
    let mut step = |c: char| h = combine(h, u64::from(c.to_lowercase().next().unwrap_or(c)));
    if from_end {
        word.chars().rev().take(3).for_each(&mut step);
    } else {
        word.chars().take(3).for_each(&mut step);
    }
    h
}

const LOWER_SHAPE: u64 = 0x5a5a_1234_0000_0001;

/// Sentinel hashes for positions outside the sentence.
const BEFORE: u64 = 0x0bef_0bef_0bef_0bef;
const AFTER: u64 = 0x0af7_0af7_0af7_0af7;

/// Appends the feature hashes of token `i` to `out`.
pub fn token_features(words: &[&str], info: &SentenceInfo, i: usize, out: &mut Vec<u64>) {
    word_features(words[i], info.lower[i], info.shape[i], info.domain, out);
    context_features(words, info, i, out);
}

fn feature(template: u64, value: u64) -> u64 {
    mix(template.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ value)
}

/// The bits a convention's copy of a feature differs in: only the top 24, which pick the
/// weight table's row, so the copy's row is the original's row XOR a constant and a model can
/// fold a convention into its shared weights once, at load (see `Model::with_convention`).
pub fn domain_mask(domain: u64) -> u64 {
    (mix(domain) | 1 << 63) & 0xffff_ff00_0000_0000
}

/// Adds each feature's copy for the convention `domain` (see [`SentenceInfo::domain`]).
fn add_domain_copies(domain: u64, out: &mut Vec<u64>, from: usize) {
    if domain != 0 {
        let mask = domain_mask(domain);
        for k in from..out.len() {
            let copy = out[k] ^ mask;
            out.push(copy);
        }
    }
}

/// The features that depend on the word alone (so the tagger can cache their sum per word):
/// bias, the word, its shape, affixes and length. `lower` and `shape` are its hashes.
pub fn word_features(word: &str, lower: u64, shape: u64, domain: u64, out: &mut Vec<u64>) {
    let from = out.len();
    let f = feature;
    out.push(f(0, 0));
    out.push(f(1, lower));
    out.push(f(2, shape));
    // Affixes mark common words (me-, ber-, di-, -an, -kan, -nya) and name endings (-o, -wati).
    let mut prefix_hash = 0xabcd_u64;
    for (k, c) in word
        .chars()
        .flat_map(char::to_lowercase)
        .take(4)
        .enumerate()
    {
        prefix_hash = combine(prefix_hash, u64::from(c));
        if k >= 1 {
            out.push(f(20 + k as u64, prefix_hash));
        }
    }
    let mut suffix_hash = 0xdcba_u64;
    for (k, c) in word
        .chars()
        .rev()
        .flat_map(char::to_lowercase)
        .take(4)
        .enumerate()
    {
        suffix_hash = combine(suffix_hash, u64::from(c));
        if k >= 1 {
            out.push(f(30 + k as u64, suffix_hash));
        }
    }
    let len = word.chars().count().min(8) as u64;
    out.push(f(40, combine(len, shape)));
    // A common given name ("Budi", "Jennifer"), with its shape: in a sentence's words or the
    // training data's, unseen names of people are still names. Only cache misses get here.
    if crate::given_names::is_given_name(lower) {
        out.push(f(41, shape));
    }
    add_domain_copies(domain, out, from);
}

/// The features of token `i` that look at its neighbours.
pub fn context_features(words: &[&str], info: &SentenceInfo, i: usize, out: &mut Vec<u64>) {
    let from = out.len();
    let at = |k: usize, values: &[u64], edge: u64| -> u64 {
        if k == usize::MAX { edge } else { values[k] }
    };
    let (left, right) = (info.left[i], info.right[i]);
    let f = feature;
    let w0 = info.lower[i];
    let s0 = info.shape[i];
    let (w_prev, w_next) = (at(left, &info.lower, BEFORE), at(right, &info.lower, AFTER));
    let (s_prev, s_next) = (at(left, &info.shape, BEFORE), at(right, &info.shape, AFTER));
    let gaz = |k: usize| -> u64 {
        if k == usize::MAX {
            99
        } else {
            u64::from(info.gazetteer[k])
        }
    };
    let first = left == usize::MAX || matches!(words[left], "(" | ":" | "-" | "—" | "–");
    out.push(f(3, w_prev));
    out.push(f(4, w_next));
    out.push(f(7, s_prev));
    out.push(f(8, s_next));
    out.push(f(9, combine(w_prev, w0)));
    out.push(f(10, combine(w0, w_next)));
    out.push(f(11, combine(s_prev, combine(s0, s_next))));
    out.push(f(12, gaz(i)));
    out.push(f(13, gaz(left)));
    out.push(f(14, gaz(right)));
    out.push(f(15, combine(u64::from(first), s0)));
    out.push(f(16, combine(u64::from(first), w0)));
    out.push(f(17, combine(w_prev, s0)));
    out.push(f(18, combine(s0, w_next)));
    let title = |k: usize| k != usize::MAX && info.title[k];
    out.push(f(50, combine(u64::from(title(left)), s0)));
    let common = |k: usize| k != usize::MAX && info.common[k];
    out.push(f(
        51,
        combine(u64::from(common(i)) << 1 | u64::from(first), s0),
    ));
    // The first and last three letters of the neighbours: affixed verbs and nouns that were
    // never seen whole ("menyerukan", "dikatakan", "kepolisian") still say what follows them.
    let affix = |k: usize, from_end: bool| -> u64 {
        if k == usize::MAX {
            7
        } else {
            info.affixes[k][usize::from(from_end)]
        }
    };
    out.push(f(60, affix(left, false)));
    out.push(f(61, affix(left, true)));
    out.push(f(62, affix(right, false)));
    add_domain_copies(info.domain, out, from);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_hash_ignores_case() {
        assert_eq!(hash_lower("Jakarta"), hash_lower("JAKARTA"));
        assert_eq!(hash_lower("Ümit"), hash_lower("ümit"));
        assert_ne!(hash_lower("Jakarta"), hash_exact("Jakarta"));
    }

    #[test]
    fn affixes_of_ascii_and_other_words_agree() {
        assert_eq!(affix3("MENYERUKAN", true), affix3("menyerukan", true));
        assert_eq!(affix3("Ümit", false), affix3("ümit", false));
        assert_eq!(affix3("Ab", false), affix3("ab", false));
        assert_ne!(affix3("dikatakan", false), affix3("dikatakan", true));
        // The ASCII shortcut gives the character path's values (the model was trained on them).
        for word in [
            "Jakarta",
            "KPK",
            "di",
            "a",
            "",
            "menyerukan",
            "1.500",
            "PDI-P",
        ] {
            for from_end in [false, true] {
                assert_eq!(
                    affix3(word, from_end),
                    affix3_chars(word, from_end),
                    "{word}"
                );
            }
        }
    }

    #[test]
    fn capitals_and_digits_make_a_word_strong_wherever_they_are() {
        for word in ["Jakarta", "kota2", "Ümit", "çağDAŞ", "é1", "ÇAĞ"] {
            assert!(strong(word, GAZ_NONE), "{word}");
        }
        for word in ["jakarta", "çağ", "", "-", "ümit"] {
            assert!(!strong(word, GAZ_NONE), "{word}");
        }
        assert!(strong("desa", 1), "a gazetteer name covers it");
        // The word-at-a-time test agrees with the plain definition at every length and position.
        let plain = |w: &str| w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit());
        for len in 0..20 {
            for at in 0..len.max(1) {
                for c in [
                    'A', 'Z', '0', '9', 'É', 'é', '@', '[', '/', ':', '`', '{', 'a',
                ] {
                    let word: String = (0..len).map(|k| if k == at { c } else { 'k' }).collect();
                    assert_eq!(strong(&word, GAZ_NONE), plain(&word), "{word:?}");
                }
            }
        }
    }

    #[test]
    fn hyphens_and_initials_between_capitalised_words_are_candidates() {
        let words = [
            "kata", "Ana", "Putri", "-", "Lestari", "dan", "Budi", "S", ".", "Wirawan",
        ];
        let mut info = SentenceInfo::default();
        info.fill(&words, &[GAZ_NONE; 10], &HashKeyedSet::default());
        assert!(info.candidate[3], "the hyphen inside a name");
        assert!(
            info.candidate[7] && info.candidate[8],
            "the initial and its full stop"
        );
        let words = ["skor", "2", "-", "0", "dan", "Kota", "Lama", "."];
        info.fill(&words, &[GAZ_NONE; 8], &HashKeyedSet::default());
        assert!(!info.candidate[2], "a hyphen between digits");
        assert!(!info.candidate[7], "a full stop after a word");
    }

    #[test]
    fn capitalised_common_words_are_marked() {
        let words = ["Masjid", "itu", "dibangun", "Budi", "."];
        let common: HashKeyedSet = ["masjid", "itu"].iter().map(|w| hash_lower(w)).collect();
        let mut info = SentenceInfo::default();
        info.fill(&words, &[GAZ_NONE; 5], &common);
        assert!(info.common[0], "Masjid is written in lower case elsewhere");
        assert!(!info.common[3], "Budi is not");
        let mut a = Vec::new();
        let mut b = Vec::new();
        context_features(&words, &info, 0, &mut a);
        info.fill(&words, &[GAZ_NONE; 5], &HashKeyedSet::default());
        context_features(&words, &info, 0, &mut b);
        assert_ne!(a, b, "the mark is a feature");
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Jakarta"), shape("Bandung"));
        assert_eq!(shape("KPK"), shape("DPR"));
        assert_ne!(shape("KPK"), shape("Kpk"));
    }
}
