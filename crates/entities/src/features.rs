//! Hashed features of a token in its sentence, shared by the tagger and its trainer.
//!
//! Every feature is a 64-bit hash of (template, value); the model maps it to a row of a
//! fixed-size weight table, so neither extracting nor scoring a feature allocates.

/// A sentence's tokens prepared once for feature extraction.
#[derive(Debug, Default)]
pub struct SentenceInfo {
    /// Hash of each token's lower-cased text.
    pub lower: Vec<u64>,
    /// Hash of each token's shape ("Xx", "X", "d", "x-x"…). This and the other values from a
    /// token's hashes (`common`, `never_name`, `title`, `affixes`) hold for hashed tokens
    /// only (`lower` not 0): the others keep what an earlier sentence left there.
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
    /// Whether each hashed token is a word that is never a name (see
    /// [`Lexicon::is_never_name`]): [`NEVER_LOWER`], [`NEVER_CAPITALISED`] or 0. The tagger
    /// leaves such a word O without scoring it (training scores it: such words teach the model
    /// what a common word looks like, "Namun" at the start of a sentence).
    pub never_name: Vec<u8>,
    /// Whether each token is a title, rank or position word (see [`TITLE_WORDS`]).
    pub title: Vec<bool>,
    /// Hashes of each token's first and of its last three letters, lower-cased (context
    /// features of its neighbours): computed once a token, not once for each neighbour.
    pub affixes: Vec<[u64; 2]>,
    /// The annotation convention to tag in (0: the shared one). Each feature also has a copy per
    /// convention, learnt from that convention's corpus only; tagging in a convention adds its
    /// copies to the shared weights.
    pub domain: u64,
    /// Direct-mapped cache of what [`SentenceInfo::hash`] computes from a word's bytes alone,
    /// by [`word_key`]: words repeat, and hashing a word costs several times what finding it
    /// here does.
    word_hashes: Vec<(u64, WordHashes)>,
    /// [`Lexicon::id`] of the lexicon the common-word flags in `word_hashes` were looked up in
    /// (0: none yet). Another lexicon empties the cache.
    word_hashes_lexicon: u64,
}

/// Entries in [`SentenceInfo::word_hashes`] (a power of two). 32768 would save about 5 M Ir on
/// 450 articles (a quarter of the look-ups miss at 8192, mostly words pushed out), but the cache
/// is written whole when a thread starts: 1.5 MB more page faults cost a one-article run more
/// (+830 minor faults, about 2 ms) than the bulk run gains.
const WORD_HASHES: usize = 8192;

/// The hashes of a word that depend on its bytes alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct WordHashes {
    lower: u64,
    shape: u64,
    affixes: [u64; 2],
    title: bool,
    /// Whether the word, lower-cased, is in the lexicon (cached with the hashes: the set look-up
    /// of each capitalised token hashed cost 2.8 M Ir on 450 articles).
    common: bool,
    /// Whether the word, as written, is never a name (see [`SentenceInfo::never_name`]).
    never_name: u8,
}

impl WordHashes {
    fn of(word: &str, common: &Lexicon) -> WordHashes {
        let lower = hash_lower(word);
        // Both affixes of an ASCII word from its bytes, tested for ASCII once (not once each).
        let affixes = if word.is_ascii() {
            let b = word.as_bytes();
            [
                affix3_ascii(b[..b.len().min(3)].iter()),
                affix3_ascii(b[b.len().saturating_sub(3)..].iter().rev()),
            ]
        } else {
            [affix3(word, false), affix3(word, true)]
        };
        WordHashes {
            lower,
            shape: shape(word),
            affixes,
            title: is_title_word(word, lower),
            common: common.contains(&lower),
            never_name: match case_key(word, lower) {
                Some((key, case)) if common.is_never_name(key) => case,
                _ => 0,
            },
        }
    }
}

/// A quick 64-bit hash of a word's exact bytes, read eight (or four) at a time, odd (0 marks an
/// empty cache slot): the key of [`SentenceInfo::word_hashes`]. Overlapping reads are fine, as
/// the length is hashed too.
fn word_key(word: &str) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let b = word.as_bytes();
    let n = b.len();
    let step = |h: u64, v: u64| (h ^ v).wrapping_mul(K).rotate_left(29);
    let u64_at = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
    let u32_at = |at: usize| {
        u64::from(u32::from_le_bytes(
            b[at..at + 4].try_into().expect("four bytes"),
        ))
    };
    let mut h = step(0, n as u64);
    if n >= 8 {
        for at in (0..n - 7).step_by(8) {
            h = step(h, u64_at(at));
        }
        h = step(h, u64_at(n - 8));
    } else if n >= 4 {
        h = step(h, u32_at(0) | u32_at(n - 4) << 32);
    } else {
        let v = b
            .iter()
            .enumerate()
            .fold(0, |v, (k, &x)| v | u64::from(x) << (8 * k));
        h = step(h, v);
    }
    mix(h) | 1
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

/// Whether a token is a quotation mark, from its first byte's [`FIRST_BYTE`] class: every
/// quotation mark starts with `"`, `'`, `` ` ``, 0xC2 (`«`/`»`) or 0xE2 (the curly ones), so
/// nearly every token is rejected by its class alone (inlined: called once a token, the call
/// cost more than the test).
#[inline(always)]
fn quote_mark_of(class: u8, word: &str) -> bool {
    class & FIRST_QUOTE != 0
        && matches!(
            word,
            "\"" | "“" | "”" | "\'" | "‘" | "’" | "«" | "»" | "``" | "\'\'"
        )
}

/// The [`FIRST_BYTE`] class of a token.
#[inline(always)]
fn first_class(word: &str) -> u8 {
    FIRST_BYTE[usize::from(word.as_bytes().first().copied().unwrap_or(0))]
}

#[cfg(test)]
fn is_quote_mark(word: &str) -> bool {
    quote_mark_of(first_class(word), word)
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

/// The hashes ([`hash_lower`]) of the words a model saw in lower case in its training data,
/// with an id from their contents alone: [`SentenceInfo`] caches each word's common-word flag
/// with its hashes and must know which lexicon the flags came from (a thread's buffers outlive
/// models; two models with the same words, as a model and its convention's fold, share flags).
///
/// It also holds the words that are never a name: [`case_key`]s of words seen often in the
/// training data in that case and never inside a name ("di", "kata", "Namun", "Menurut"). Such
/// a token is no candidate (see [`SentenceInfo::hash_run`]): it is O without being scored.
#[derive(Debug, Clone)]
pub struct Lexicon {
    words: HashKeyedSet,
    never_names: HashKeyedSet,
    id: u64,
}

impl Lexicon {
    /// Whether a word's hash is in the lexicon.
    #[inline]
    pub fn contains(&self, hash: &u64) -> bool {
        self.words.contains(hash)
    }

    /// The hashes, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &u64> {
        self.words.iter()
    }

    /// The lexicon with these [`case_key`]s of words that are never a name.
    pub fn with_never_names(self, never_names: HashKeyedSet) -> Lexicon {
        let id = lexicon_id(&self.words, &never_names);
        Lexicon {
            words: self.words,
            never_names,
            id,
        }
    }

    /// The [`case_key`]s of the words that are never a name, in no particular order.
    pub fn never_names(&self) -> impl Iterator<Item = &u64> {
        self.never_names.iter()
    }

    /// Whether a word with this [`case_key`] is never a name.
    #[inline]
    pub fn is_never_name(&self, key: u64) -> bool {
        !self.never_names.is_empty() && self.never_names.contains(&key)
    }
}

/// A [`Lexicon`]'s id from its sets alone; odd, as 0 stands for no lexicon.
fn lexicon_id(words: &HashKeyedSet, never_names: &HashKeyedSet) -> u64 {
    mix(set_sum(words) ^ set_sum(never_names).rotate_left(32)) | 1
}

/// A sum of mixed hashes: the same for the same hashes whatever their order.
fn set_sum(set: &HashKeyedSet) -> u64 {
    set.iter()
        .fold(set.len() as u64, |a, &h| a.wrapping_add(mix(h)))
}

impl From<HashKeyedSet> for Lexicon {
    fn from(words: HashKeyedSet) -> Lexicon {
        let id = lexicon_id(&words, &HashKeyedSet::default());
        Lexicon {
            words,
            never_names: HashKeyedSet::default(),
            id,
        }
    }
}

/// A word's key in [`Lexicon`]'s never-a-name set: its [`hash_lower`] in lower case, the same
/// with a salt when it is capitalised (first letter only: "Namun", not "NAMUN"), none for any
/// other shape (capitals inside, digits, punctuation): "di" and "Di" are told apart, since a
/// common word written with a capital may still be a name ("Bunga", "Indah"), and the set only
/// holds such a word if it was seen capitalised often and never in a name. With the key, which
/// case it is: [`NEVER_LOWER`] or [`NEVER_CAPITALISED`].
pub fn case_key(word: &str, lower: u64) -> Option<(u64, u8)> {
    const CAPITALISED: u64 = 0x6361_7069_7461_6c21;
    let mut chars = word.chars();
    let first = chars.next()?;
    let rest_lower = chars.all(|c| c.is_lowercase());
    if !rest_lower || !first.is_alphabetic() {
        None
    } else if first.is_lowercase() {
        Some((lower, NEVER_LOWER))
    } else {
        Some((mix(lower ^ CAPITALISED), NEVER_CAPITALISED))
    }
}

/// A word in lower case that is never a name ("di", "kata"; see [`case_key`]).
pub const NEVER_LOWER: u8 = 1;
/// A capitalised word that is never a name ("Namun", "Menurut"; see [`case_key`]).
pub const NEVER_CAPITALISED: u8 = 2;

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::from(HashKeyedSet::default())
    }
}

impl FromIterator<u64> for Lexicon {
    fn from_iter<I: IntoIterator<Item = u64>>(iter: I) -> Lexicon {
        Lexicon::from(iter.into_iter().collect::<HashKeyedSet>())
    }
}

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

/// Whether every character of a word is alphabetic (ASCII words byte by byte).
fn is_alphabetic(word: &str) -> bool {
    if word.is_ascii() {
        word.bytes().all(|b| b.is_ascii_alphabetic())
    } else {
        word.chars().all(char::is_alphabetic)
    }
}

/// Whether a word has a capital letter.
fn has_capital(word: &str) -> bool {
    word.chars().any(char::is_uppercase)
}

/// Whether a token can be part of a name: it has a capital letter or a digit, or a gazetteer
/// name covers it.
/// ([`SentenceInfo::mark`] computes the same from the first byte's [`FIRST_BYTE`] class and
/// [`strong_past_first`]; this whole test is what the unit tests check.)
#[cfg(test)]
fn strong(word: &str, gazetteer: u8) -> bool {
    if gazetteer != GAZ_NONE {
        return true;
    }
    // A capital or a digit first (names, numbers) decides it without reading the rest.
    if let Some(b) = word.as_bytes().first()
        && (b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return true;
    }
    strong_past_first(word)
}

/// What a token's first byte says, for [`SentenceInfo::mark`]: one table look-up a token
/// instead of the capital, digit and quotation-mark tests one by one.
const FIRST_STRONG: u8 = 1;
/// Every quotation mark starts with such a byte (see [`quote_mark_of`]).
const FIRST_QUOTE: u8 = 2;
static FIRST_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        if x.is_ascii_uppercase() || x.is_ascii_digit() {
            table[b] |= FIRST_STRONG;
        }
        if matches!(x, b'"' | b'\'' | b'`' | 0xC2 | 0xE2) {
            table[b] |= FIRST_QUOTE;
        }
        b += 1;
    }
    table
};

/// [`strong`] for a token without a gazetteer name whose first byte is no capital or digit.
#[inline]
fn strong_past_first(word: &str) -> bool {
    // Most words are ASCII: test eight (or four) bytes at a time for a capital, a digit or a
    // non-ASCII byte, and decode UTF-8 and ask the Unicode tables only for a word with a
    // non-ASCII byte. Overlapping reads cover a word of any length (an "any" test).
    let b = word.as_bytes();
    let n = b.len();
    let u32_at = |at: usize| {
        u64::from(u32::from_le_bytes(
            b[at..at + 4].try_into().expect("four bytes"),
        ))
    };
    let flagged = if n >= 8 {
        b.chunks_exact(8).any(flags8) || flags8(&b[n - 8..])
    } else if n >= 4 {
        // The first and the last four bytes (overlapping) as one word.
        flags(u32_at(0) | u32_at(n - 4) << 32)
    } else {
        // Zero bytes are none of the three.
        flags(b.iter().rev().fold(0, |v, &x| v << 8 | u64::from(x)))
    };
    flagged
        && (b
            .iter()
            .any(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            || { word.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()) })
}

/// Whether any of eight bytes is an ASCII capital, an ASCII digit or not ASCII.
fn flags8(bytes: &[u8]) -> bool {
    flags(u64::from_le_bytes(bytes.try_into().expect("eight bytes")))
}

/// Whether any of the eight bytes of `x` is an ASCII capital, an ASCII digit or not ASCII.
fn flags(x: u64) -> bool {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    // With each byte's top bit set, subtracting c from it borrows nothing across bytes and
    // leaves the top bit set exactly where the (7-bit) byte is at least c.
    let y = x | H;
    let at_least = |c: u64| y.wrapping_sub(c * L);
    let upper = at_least(0x41) & !at_least(0x5b);
    let digit = at_least(0x30) & !at_least(0x3a);
    (x | upper | digit) & H != 0
}

impl SentenceInfo {
    /// Prepares a sentence. `gazetteer` holds one tag a token (may be all [`GAZ_NONE`]);
    /// `common` holds the hashes ([`hash_lower`]) of words seen in lower case in the training
    /// data: a capitalised word among them has a shape of its own ("Pada", "Masjid" are
    /// common words written with a capital, "Budi" is not).
    pub fn fill(&mut self, words: &[&str], gazetteer: &[u8], common: &Lexicon) {
        self.mark(words, gazetteer);
        self.hash(words, common);
    }

    /// [`SentenceInfo::fill`] without the hashes: which tokens are candidates and which
    /// tokens are their neighbours. The tagger may drop candidates before [`SentenceInfo::hash`].
    pub fn mark(&mut self, words: &[&str], gazetteer: &[u8]) {
        self.lower.clear();
        self.gazetteer.clear();
        self.candidate.clear();
        self.strong.clear();
        self.left.clear();
        self.right.clear();
        self.gazetteer.extend_from_slice(gazetteer);
        let n = words.len();
        // One pass for what each token says on its own (whether it is strong, whether it is a
        // quotation mark), for the nearest token before it, and for whether the token before it
        // is a candidate; `right` first holds whether each token is a quotation mark.
        // (Resized, then walked as zipped slices: a push or an index per token costs a capacity
        // or bounds check each; three passes cost 30% more, and the candidate rules' own pass
        // 10%.)
        self.left.resize(n, usize::MAX);
        self.right.resize(n, 0);
        self.strong.resize(n, false);
        self.candidate.resize(n, false);
        let mut last = usize::MAX;
        // The token before's candidate flag: both rules below need the token after to be strong
        // (a capital makes a word strong), so they are tried only when it is.
        let mut before: Option<&mut bool> = None;
        for (i, ((((left, right), strong_out), candidate), (w, &g))) in self
            .left
            .iter_mut()
            .zip(self.right.iter_mut())
            .zip(self.strong.iter_mut())
            .zip(self.candidate.iter_mut())
            .zip(words.iter().zip(gazetteer))
            .enumerate()
        {
            // One look-up for the first-byte tests of both.
            let class = first_class(w);
            let quote = quote_mark_of(class, w);
            *left = last;
            *right = usize::from(quote);
            if !quote {
                last = i;
            }
            let strong = g != GAZ_NONE || class & FIRST_STRONG != 0 || strong_past_first(w);
            *strong_out = strong;
            *candidate = strong;
            if strong
                && let Some(before) = before
                && !*before
            {
                let word = words[i - 1];
                // A lower-case word right before a name ("desa Sukamaju", "kabupaten Bogor") or
                // between two name words ("Bank of America") may belong to it.
                if word.len() > 1 && is_alphabetic(word) {
                    *before = true;
                // A hyphen, an apostrophe or an initial's full stop between two capitalised
                // words may be inside a name ("Ana Putri - Lestari", "Budi S . Wirawan",
                // "Sean O ' Connor"). (A hyphen is never a word of two letters: at most one
                // rule applies.)
                } else if i > 1
                    && matches!(word, "-" | "'" | ".")
                    && has_capital(words[i - 2])
                    && has_capital(w)
                    && (word != "." || words[i - 2].chars().nth(1).is_none())
                {
                    *before = true;
                }
            }
            before = Some(candidate);
        }
        let mut next = usize::MAX;
        for (i, right) in self.right.iter_mut().enumerate().rev() {
            let quote = *right != 0;
            *right = next;
            if !quote {
                next = i;
            }
        }
    }

    /// The hashes of the candidates and their neighbours (the features need no others);
    /// `common` as for [`SentenceInfo::fill`].
    pub fn hash(&mut self, words: &[&str], common: &Lexicon) {
        self.clear_hashes(words.len());
        let n = words.len();
        let mut i = 0;
        while i < n {
            if !self.candidate[i] {
                i += 1;
                continue;
            }
            let start = i;
            while i < n && self.candidate[i] {
                i += 1;
            }
            self.hash_run(words, start, i, common);
        }
    }

    /// Sizes the hashes for a sentence of `n` tokens, none hashed yet (the first half of
    /// [`SentenceInfo::hash`]; the tagger then hashes the runs it scores with
    /// [`SentenceInfo::hash_run`]).
    pub fn clear_hashes(&mut self, n: usize) {
        // Hashes are needed only for candidates and their neighbours: most tokens are neither.
        // `lower` alone is reset, as it tells which tokens are hashed (no word hashes to 0);
        // the other values are read only for hashed tokens and written by `hash_token`, so
        // they keep what earlier sentences left (resetting all six cost 1% of the stage).
        self.lower.clear();
        self.lower.resize(n, 0);
        fit(&mut self.shape, n, LOWER_SHAPE);
        fit(&mut self.title, n, false);
        fit(&mut self.common, n, false);
        fit(&mut self.never_name, n, 0);
        fit(&mut self.affixes, n, [0; 2]);
        if self.word_hashes.is_empty() {
            self.word_hashes
                .resize(WORD_HASHES, (0, WordHashes::default()));
        }
    }

    /// Hashes the candidates `start..end` (a run of them) and their neighbours. Every token's
    /// neighbour on either side is in the run or is the run's first token's left neighbour or
    /// its last token's right one (a quotation mark inside a run is looked through to a token of
    /// the run), so those are all the tokens hashed, each once.
    pub fn hash_run(&mut self, words: &[&str], start: usize, end: usize, common: &Lexicon) {
        let (before, after) = (self.left[start], self.right[end - 1]);
        if common.id != self.word_hashes_lexicon {
            self.word_hashes.fill((0, WordHashes::default()));
            self.word_hashes_lexicon = common.id;
        }
        if before != usize::MAX {
            self.hash_token(words, before, common);
        }
        for k in start..end {
            self.hash_token(words, k, common);
        }
        if after != usize::MAX {
            self.hash_token(words, after, common);
        }
    }

    /// Hashes token `k` unless it is already hashed.
    #[inline(always)]
    fn hash_token(&mut self, words: &[&str], k: usize, common: &Lexicon) {
        if self.lower[k] != 0 {
            return;
        }
        let w = words[k];
        let key = word_key(w);
        // Two ways, as `Model`'s cache of row sums: a key is in either slot of its pair,
        // the one it last went into first.
        let at = (key >> 1) as usize & (WORD_HASHES - 2);
        let pair = &mut self.word_hashes[at..at + 2];
        let hashes = if pair[0].0 == key {
            pair[0].1
        } else if pair[1].0 == key {
            pair[1].1
        } else {
            let hashes = WordHashes::of(w, common);
            pair[1] = pair[0];
            pair[0] = (key, hashes);
            hashes
        };
        self.lower[k] = hashes.lower;
        self.never_name[k] = hashes.never_name;
        self.title[k] = hashes.title;
        self.affixes[k] = hashes.affixes;
        // Lower-case words are only context for their neighbours: their shape is fixed.
        let strong = self.strong[k];
        self.shape[k] = if strong { hashes.shape } else { LOWER_SHAPE };
        self.common[k] = strong && hashes.common;
    }
}

/// Makes `values` `n` long, keeping the values it holds (new ones are `fill`).
fn fit<T: Copy>(values: &mut Vec<T>, n: usize, fill: T) {
    values.truncate(n);
    values.resize(n, fill);
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

/// [`affix3`] of an ASCII word from its first three bytes, or its last three from the end.
fn affix3_ascii<'a>(three: impl Iterator<Item = &'a u8>) -> u64 {
    three.fold(0x51u64, |h, b| {
        combine(h, u64::from(b.to_ascii_lowercase()))
    })
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
    // Most words are ASCII: their letters lower-case byte by byte, which gives the same values
    // as the `char` path without decoding UTF-8 or the Unicode case tables.
    if word.is_ascii() {
        let letter = |b: &u8| u64::from(b.to_ascii_lowercase());
        let bytes = word.as_bytes();
        word_features_of(
            [lower, shape, bytes.len() as u64],
            bytes.iter().map(letter),
            bytes.iter().rev().map(letter),
            domain,
            out,
        );
    } else {
        word_features_of_chars(word, lower, shape, domain, out);
    }
}

/// [`word_features`] for any word, decoding characters.
fn word_features_of_chars(word: &str, lower: u64, shape: u64, domain: u64, out: &mut Vec<u64>) {
    word_features_of(
        [lower, shape, word.chars().count() as u64],
        word.chars().flat_map(char::to_lowercase).map(u64::from),
        word.chars()
            .rev()
            .flat_map(char::to_lowercase)
            .map(u64::from),
        domain,
        out,
    );
}

/// [`word_features`] from the word's hashes and length in characters, and its lower-cased
/// letters from the start and from the end.
fn word_features_of(
    [lower, shape, len]: [u64; 3],
    letters: impl Iterator<Item = u64>,
    letters_from_end: impl Iterator<Item = u64>,
    domain: u64,
    out: &mut Vec<u64>,
) {
    let from = out.len();
    let f = feature;
    out.push(f(0, 0));
    out.push(f(1, lower));
    out.push(f(2, shape));
    // Affixes mark common words (me-, ber-, di-, -an, -kan, -nya) and name endings (-o, -wati).
    let mut prefix_hash = 0xabcd_u64;
    for (k, c) in letters.take(4).enumerate() {
        prefix_hash = combine(prefix_hash, c);
        if k >= 1 {
            out.push(f(20 + k as u64, prefix_hash));
        }
    }
    let mut suffix_hash = 0xdcba_u64;
    for (k, c) in letters_from_end.take(4).enumerate() {
        suffix_hash = combine(suffix_hash, c);
        if k >= 1 {
            out.push(f(30 + k as u64, suffix_hash));
        }
    }
    out.push(f(40, combine(len.min(8), shape)));
    // A common given name ("Budi", "Jennifer"), with its shape: in a sentence's words or the
    // training data's, unseen names of people are still names. Only cache misses get here.
    if crate::given_names::is_given_name(lower) {
        out.push(f(41, shape));
    }
    add_domain_copies(domain, out, from);
}

/// The features of token `i` that look at its neighbours: [`own_context_features`],
/// [`left_features`] of the token before, [`right_features`] of the token after and
/// [`pair_features`]. The tagger caches the sums of the first three by what they depend on
/// (`Model::decode_run`), so each part must depend on nothing but what its comment says; a
/// feature that combines the token with a neighbour goes in [`pair_features`].
pub fn context_features(words: &[&str], info: &SentenceInfo, i: usize, out: &mut Vec<u64>) {
    own_context_features(words, info, i, out);
    left_features(&Neighbour::left_of(info, i), info.domain, out);
    right_features(&Neighbour::right_of(info, i), info.domain, out);
    pair_features(info, i, out);
}

/// Whether token `i` opens its sentence or a clause: nothing before it (looking through
/// quotation marks), or a bracket, a colon or a dash.
pub fn is_first(words: &[&str], info: &SentenceInfo, i: usize) -> bool {
    let left = info.left[i];
    left == usize::MAX || matches!(words[left], "(" | ":" | "-" | "—" | "–")
}

/// Whether the token before token `i` (looking through quotation marks) is a title word.
pub fn after_title(info: &SentenceInfo, i: usize) -> bool {
    let left = info.left[i];
    left != usize::MAX && info.title[left]
}

/// The context features of token `i` that depend only on the token's own hashes, its gazetteer
/// tag and whether it is a common word, and on two bits of its left context: [`is_first`] and
/// [`after_title`]. The tagger caches their sum with the word's own features, keyed by these.
pub fn own_context_features(words: &[&str], info: &SentenceInfo, i: usize, out: &mut Vec<u64>) {
    let from = out.len();
    let f = feature;
    let w0 = info.lower[i];
    let s0 = info.shape[i];
    let first = u64::from(is_first(words, info, i));
    out.push(f(12, u64::from(info.gazetteer[i])));
    out.push(f(15, combine(first, s0)));
    out.push(f(16, combine(first, w0)));
    out.push(f(50, combine(u64::from(after_title(info, i)), s0)));
    out.push(f(51, combine(u64::from(info.common[i]) << 1 | first, s0)));
    add_domain_copies(info.domain, out, from);
}

/// What a neighbour of a token brings to the token's features (the sentinels where there is no
/// neighbour): all that [`left_features`] and [`right_features`] depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Neighbour {
    /// Its [`SentenceInfo::lower`].
    pub lower: u64,
    /// Its [`SentenceInfo::shape`].
    pub shape: u64,
    /// Its [`SentenceInfo::gazetteer`] tag (99: no neighbour).
    pub gazetteer: u64,
    /// Its [`SentenceInfo::affixes`].
    pub affixes: [u64; 2],
}

impl Neighbour {
    fn at(info: &SentenceInfo, k: usize, edge: u64) -> Neighbour {
        if k == usize::MAX {
            Neighbour {
                lower: edge,
                shape: edge,
                gazetteer: 99,
                affixes: [7, 7],
            }
        } else {
            Neighbour {
                lower: info.lower[k],
                shape: info.shape[k],
                gazetteer: u64::from(info.gazetteer[k]),
                affixes: info.affixes[k],
            }
        }
    }

    /// The token before token `i`, looking through quotation marks.
    pub fn left_of(info: &SentenceInfo, i: usize) -> Neighbour {
        Neighbour::at(info, info.left[i], BEFORE)
    }

    /// The token after token `i`, looking through quotation marks.
    pub fn right_of(info: &SentenceInfo, i: usize) -> Neighbour {
        Neighbour::at(info, info.right[i], AFTER)
    }
}

/// The features of a token that depend only on the token before it (and the convention).
pub fn left_features(left: &Neighbour, domain: u64, out: &mut Vec<u64>) {
    let from = out.len();
    let f = feature;
    out.push(f(3, left.lower));
    out.push(f(7, left.shape));
    out.push(f(13, left.gazetteer));
    // The first and last three letters of the neighbours: affixed verbs and nouns that were
    // never seen whole ("menyerukan", "dikatakan", "kepolisian") still say what follows them.
    out.push(f(60, left.affixes[0]));
    out.push(f(61, left.affixes[1]));
    add_domain_copies(domain, out, from);
}

/// The features of a token that depend only on the token after it (and the convention).
pub fn right_features(right: &Neighbour, domain: u64, out: &mut Vec<u64>) {
    let from = out.len();
    let f = feature;
    out.push(f(4, right.lower));
    out.push(f(8, right.shape));
    out.push(f(14, right.gazetteer));
    out.push(f(62, right.affixes[0]));
    add_domain_copies(domain, out, from);
}

/// The features of token `i` that combine it with a neighbour.
pub fn pair_features(info: &SentenceInfo, i: usize, out: &mut Vec<u64>) {
    let from = out.len();
    out.extend_from_slice(&shared_pair_features(info, i));
    add_domain_copies(info.domain, out, from);
}

/// [`pair_features`] without the convention's copies, as an array: the tagger sums them
/// straight from it when it tags in the shared convention (a push a feature cost a fifth of
/// their price).
pub fn shared_pair_features(info: &SentenceInfo, i: usize) -> [u64; 5] {
    let at = |k: usize, values: &[u64], edge: u64| -> u64 {
        if k == usize::MAX { edge } else { values[k] }
    };
    let (left, right) = (info.left[i], info.right[i]);
    let f = feature;
    let w0 = info.lower[i];
    let s0 = info.shape[i];
    let (w_prev, w_next) = (at(left, &info.lower, BEFORE), at(right, &info.lower, AFTER));
    let (s_prev, s_next) = (at(left, &info.shape, BEFORE), at(right, &info.shape, AFTER));
    [
        f(9, combine(w_prev, w0)),
        f(10, combine(w0, w_next)),
        f(11, combine(s_prev, combine(s0, s_next))),
        f(17, combine(w_prev, s0)),
        f(18, combine(s0, w_next)),
    ]
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
    fn word_features_of_ascii_and_other_words_agree() {
        // The byte path gives the character path's values (the model was trained on them).
        for word in [
            "Jakarta",
            "KPK",
            "di",
            "a",
            "",
            "menyerukan",
            "1.500",
            "PDI-P",
            "Abcdefghijk",
        ] {
            for domain in [0, 12345] {
                let (mut fast, mut slow) = (Vec::new(), Vec::new());
                word_features(word, hash_lower(word), shape(word), domain, &mut fast);
                word_features_of_chars(word, hash_lower(word), shape(word), domain, &mut slow);
                assert_eq!(fast, slow, "{word}");
            }
        }
        let mut features = Vec::new();
        word_features("Ümit", hash_lower("Ümit"), shape("Ümit"), 0, &mut features);
        assert_eq!(features.len(), 3 + 3 + 3 + 1);
    }

    /// The context features as one function, as the built-in model was trained with them
    /// before they were split into parts the tagger can cache.
    fn context_features_in_one(words: &[&str], info: &SentenceInfo, i: usize) -> Vec<u64> {
        let mut out = Vec::new();
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
        add_domain_copies(info.domain, &mut out, 0);
        out
    }

    #[test]
    fn context_features_in_parts_are_the_features_in_one() {
        let words: Vec<&str> = "\" Kapten Budi \" - Ana ( Sukamaju ) : kata Masjid Kota Lama"
            .split(' ')
            .collect();
        let common: Lexicon = ["masjid", "kata"].iter().map(|w| hash_lower(w)).collect();
        let mut gazetteer = vec![GAZ_NONE; words.len()];
        gazetteer[6] = 6;
        let mut info = SentenceInfo::default();
        for domain in [0, 999] {
            info.fill(&words, &gazetteer, &common);
            info.domain = domain;
            for i in 0..words.len() {
                if info.lower[i] == 0 {
                    continue;
                }
                let mut parts = Vec::new();
                context_features(&words, &info, i, &mut parts);
                let mut one = context_features_in_one(&words, &info, i);
                parts.sort_unstable();
                one.sort_unstable();
                assert_eq!(parts, one, "{}", words[i]);
            }
        }
    }

    #[test]
    fn shared_pair_features_are_the_pair_features_without_copies() {
        let words: Vec<&str> = "\" Kapten Budi \" kata Sari Wulandari di Sukamaju"
            .split(' ')
            .collect();
        let mut info = SentenceInfo::default();
        info.fill(&words, &vec![GAZ_NONE; words.len()], &Lexicon::default());
        for domain in [0, 999] {
            info.domain = domain;
            for (i, word) in words.iter().enumerate() {
                let mut all = Vec::new();
                pair_features(&info, i, &mut all);
                let shared = shared_pair_features(&info, i);
                assert_eq!(all.len(), if domain == 0 { 5 } else { 10 });
                assert_eq!(all[..5], shared, "{word}");
            }
        }
    }

    #[test]
    fn neighbours_look_through_quotation_marks_and_strong_tokens_are_marked() {
        let words: Vec<&str> = "\" Budi \" kata 2023 “ ” sari".split(' ').collect();
        let mut info = SentenceInfo::default();
        info.mark(&words, &vec![GAZ_NONE; words.len()]);
        let none = usize::MAX;
        assert_eq!(info.left, [none, none, 1, 1, 3, 4, 4, 4]);
        assert_eq!(info.right, [1, 3, 3, 4, 7, 7, 7, none]);
        assert_eq!(
            info.strong,
            [false, true, false, false, true, false, false, false]
        );
    }

    #[test]
    fn cached_word_hashes_are_the_words_hashes() {
        let words: Vec<&str> = "Budi budi BUDI di Jakarta , Ümit ümit 1.500 Abcdefghijklmnop \
                                Abcdefghijklmnoq abcdefgh abcdefg abc ab a"
            .split(' ')
            .collect();
        let mut keys: Vec<u64> = words.iter().map(|w| word_key(w)).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), words.len(), "every word has a key of its own");
        let mut info = SentenceInfo::default();
        // Twice over, so the second pass finds every word in the cache.
        for _ in 0..2 {
            info.fill(&words, &vec![GAZ_NONE; words.len()], &Lexicon::default());
            for (k, w) in words.iter().enumerate() {
                if info.lower[k] != 0 {
                    let hashes = WordHashes::of(w, &Lexicon::default());
                    assert_eq!(info.lower[k], hashes.lower, "{w}");
                    assert_eq!(info.affixes[k], hashes.affixes, "{w}");
                    assert_eq!(info.title[k], hashes.title, "{w}");
                }
            }
        }
    }

    #[test]
    fn cached_common_word_flags_follow_the_lexicon() {
        let words = ["Masjid", "Raya", "dibuka", "Budi"];
        let gazetteer = [GAZ_NONE; 4];
        let with: Lexicon = ["masjid", "budi"].iter().map(|w| hash_lower(w)).collect();
        let without = Lexicon::default();
        // The same words in the same order are the same lexicon, wherever the set lives.
        let again: Lexicon = ["budi", "masjid"].iter().map(|w| hash_lower(w)).collect();
        let mut info = SentenceInfo::default();
        for (lexicon, common) in [
            (&with, [true, false, false, true]),
            (&without, [false; 4]),
            (&with, [true, false, false, true]),
            (&again, [true, false, false, true]),
            (&without, [false; 4]),
        ] {
            info.fill(&words, &gazetteer, lexicon);
            assert_eq!(info.common, common);
        }
        assert_eq!(with.id, again.id);
        assert_ne!(with.id, without.id);
    }

    /// Invented sentences with quotation marks, hyphens, apostrophes, initials, digits and
    /// non-ASCII words, for the tests below.
    const MARKED: &[&str] = &[
        "\" Kapten Budi \" - Ana ( Sukamaju ) : kata Masjid Kota Lama",
        "kata Ana Putri - Lestari dan Budi S . Wirawan di Bank of America",
        "skor 2 - 0 dan Kota Lama . Sean O ' Connor tiba “ Jakarta ” pukul 10.30",
        "desa Sukamaju , kabupaten Bogor ; Ümit Çelik dari İstanbul , iPhone kota2 ’ ' - .",
        "- Budi",
        "Budi",
        "",
        "' Ana ' . S . K . Wirawan - - Ana - budi - Ana",
    ];

    #[test]
    fn marking_in_one_pass_is_marking_rule_by_rule() {
        for sentence in MARKED {
            let words: Vec<&str> = sentence.split(' ').filter(|w| !w.is_empty()).collect();
            let n = words.len();
            for gazetteer in [
                vec![GAZ_NONE; n],
                (0..n).map(|k| (k % 3 == 1) as u8).collect(),
            ] {
                let mut info = SentenceInfo::default();
                info.mark(&words, &gazetteer);
                // The rules one pass each, as they were written before.
                let quote: Vec<bool> = words.iter().map(|w| is_quote_mark(w)).collect();
                let none = usize::MAX;
                let left: Vec<usize> = (0..n)
                    .map(|i| (0..i).rev().find(|&k| !quote[k]).unwrap_or(none))
                    .collect();
                let right: Vec<usize> = (0..n)
                    .map(|i| (i + 1..n).find(|&k| !quote[k]).unwrap_or(none))
                    .collect();
                let strong: Vec<bool> = (0..n).map(|i| strong(words[i], gazetteer[i])).collect();
                let mut candidate = strong.clone();
                for i in 0..n.saturating_sub(1) {
                    let w = words[i];
                    if !candidate[i]
                        && strong[i + 1]
                        && w.len() > 1
                        && w.chars().all(char::is_alphabetic)
                    {
                        candidate[i] = true;
                    }
                }
                for i in 1..n.saturating_sub(1) {
                    if !candidate[i]
                        && matches!(words[i], "-" | "'" | ".")
                        && has_capital(words[i - 1])
                        && has_capital(words[i + 1])
                        && (words[i] != "." || words[i - 1].chars().nth(1).is_none())
                    {
                        candidate[i] = true;
                    }
                }
                assert_eq!(info.left, left, "{sentence}");
                assert_eq!(info.right, right, "{sentence}");
                assert_eq!(info.strong, strong, "{sentence}");
                assert_eq!(info.candidate, candidate, "{sentence}");
            }
        }
    }

    #[test]
    fn hashing_by_runs_is_hashing_each_candidates_neighbours() {
        let common: Lexicon = ["masjid", "kata", "kota"]
            .iter()
            .map(|w| hash_lower(w))
            .collect();
        let mut info = SentenceInfo::default();
        for sentence in MARKED.iter().chain(MARKED) {
            let words: Vec<&str> = sentence.split(' ').filter(|w| !w.is_empty()).collect();
            let n = words.len();
            info.fill(&words, &vec![GAZ_NONE; n], &common);
            // Each candidate's neighbours and itself, straight from the words.
            let mut lower = vec![0; n];
            let mut shape_of = vec![LOWER_SHAPE; n];
            let mut title = vec![false; n];
            let mut is_common = vec![false; n];
            let mut affixes = vec![[0; 2]; n];
            for i in (0..n).filter(|&i| info.candidate[i]) {
                for k in [info.left[i], i, info.right[i]] {
                    if k == usize::MAX {
                        continue;
                    }
                    let w = words[k];
                    lower[k] = hash_lower(w);
                    title[k] = is_title_word(w, lower[k]);
                    affixes[k] = [affix3(w, false), affix3(w, true)];
                    if info.strong[k] {
                        shape_of[k] = shape(w);
                        is_common[k] = common.contains(&lower[k]);
                    }
                }
            }
            assert_eq!(info.lower, lower, "{sentence}");
            // The other values hold for the hashed tokens only (the sentences run twice, so
            // the second time every token has values left from another sentence).
            let hashed = |values: &[u64]| -> Vec<u64> {
                (0..n)
                    .filter(|&k| lower[k] != 0)
                    .map(|k| values[k])
                    .collect()
            };
            let flags = |values: &[bool]| -> Vec<u64> {
                hashed(&values.iter().map(|&v| u64::from(v)).collect::<Vec<_>>())
            };
            let affix = |values: &[[u64; 2]], end: usize| -> Vec<u64> {
                hashed(&values.iter().map(|a| a[end]).collect::<Vec<_>>())
            };
            assert_eq!(hashed(&info.shape), hashed(&shape_of), "{sentence}");
            assert_eq!(flags(&info.title), flags(&title), "{sentence}");
            assert_eq!(flags(&info.common), flags(&is_common), "{sentence}");
            for end in 0..2 {
                assert_eq!(
                    affix(&info.affixes, end),
                    affix(&affixes, end),
                    "{sentence}"
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
        info.fill(&words, &[GAZ_NONE; 10], &Lexicon::default());
        assert!(info.candidate[3], "the hyphen inside a name");
        assert!(
            info.candidate[7] && info.candidate[8],
            "the initial and its full stop"
        );
        let words = ["skor", "2", "-", "0", "dan", "Kota", "Lama", "."];
        info.fill(&words, &[GAZ_NONE; 8], &Lexicon::default());
        assert!(!info.candidate[2], "a hyphen between digits");
        assert!(!info.candidate[7], "a full stop after a word");
    }

    #[test]
    fn capitalised_common_words_are_marked() {
        let words = ["Masjid", "itu", "dibangun", "Budi", "."];
        let common: Lexicon = ["masjid", "itu"].iter().map(|w| hash_lower(w)).collect();
        let mut info = SentenceInfo::default();
        info.fill(&words, &[GAZ_NONE; 5], &common);
        assert!(info.common[0], "Masjid is written in lower case elsewhere");
        assert!(!info.common[3], "Budi is not");
        let mut a = Vec::new();
        let mut b = Vec::new();
        context_features(&words, &info, 0, &mut a);
        info.fill(&words, &[GAZ_NONE; 5], &Lexicon::default());
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
