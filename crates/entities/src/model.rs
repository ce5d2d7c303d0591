//! The statistical name tagger: a structured (averaged) perceptron over hashed features with
//! Viterbi decoding of BIO tags for PER, ORG and LOC, its model file, and its trainer.
//!
//! Only candidate tokens (see [`SentenceInfo`]) are scored: every other token is O, so a
//! sentence splits into short runs of candidates, each decoded on its own; when tagging, a run
//! without a capital letter or a gazetteer hit is O too.

use crate::features::{
    HashKeyed, HashKeyedSet, Lexicon, NEVER_CAPITALISED, NEVER_LOWER, Neighbour, SentenceInfo,
    after_title, case_key, combine, domain_mask, hash_lower, is_first, left_features, mix,
    own_context_features, pair_features, right_features, shared_pair_features, token_features,
    word_features,
};
use crate::genre::GenreClassifier;
use kutip_core::EntityLabel;

/// The tags, in model order.
pub const TAGS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
/// The indices of [`TAGS`], for rules that read or rewrite `scratch.tags`.
pub mod tag {
    /// First word of a person.
    pub const B_PER: u8 = 1;
    /// Later word of a person.
    pub const I_PER: u8 = 2;
    /// First word of an organisation.
    pub const B_ORG: u8 = 3;
    /// Later word of an organisation.
    pub const I_ORG: u8 = 4;
    /// First word of a place.
    pub const B_LOC: u8 = 5;
    /// Later word of a place.
    pub const I_LOC: u8 = 6;
}
const N_TAGS: usize = 7;
/// Weights are stored eight to a row (one padding) so a row is one aligned 16-byte load.
const ROW: usize = 8;
const O: usize = 0;
/// The file starts with these bytes.
const MAGIC: &[u8; 8] = b"KUTIPNER";
/// Version 4 added the words that are never a name (see [`Lexicon::is_never_name`]); a
/// version 3 file is read with none.
const VERSION: u32 = 4;

/// The label a tag's entity has.
pub fn tag_label(tag: usize) -> Option<EntityLabel> {
    match tag {
        1 | 2 => Some(EntityLabel::Per),
        3 | 4 => Some(EntityLabel::Org),
        5 | 6 => Some(EntityLabel::Loc),
        _ => None,
    }
}

/// Whether `tag` begins an entity.
pub fn is_begin(tag: usize) -> bool {
    matches!(tag, 1 | 3 | 5)
}

/// The tag index of a BIO tag string; unknown labels are O.
pub fn tag_index(tag: &str) -> usize {
    TAGS.iter().position(|t| *t == tag).unwrap_or(O)
}

/// I-X may only follow B-X or I-X.
const fn allowed(prev: usize, cur: usize) -> bool {
    !matches!(cur, 2 | 4 | 6) || prev == cur || prev + 1 == cur
}

/// [`allowed`] as lanes, `[prev][cur]`, row `N_TAGS` for the start of a run (as after O); the
/// padding lane never: Viterbi tests a whole row of current tags at once (see
/// [`Model::decode_run`]).
/// All bits set where allowed (a mask: the lanes are blended without branches).
const ALLOWED: [[i32; ROW]; N_TAGS + 1] = {
    let mut lanes = [[0; ROW]; N_TAGS + 1];
    let mut prev = 0;
    while prev <= N_TAGS {
        let mut cur = 0;
        while cur < N_TAGS {
            if allowed(if prev == N_TAGS { O } else { prev }, cur) {
                lanes[prev][cur] = -1;
            }
            cur += 1;
        }
        prev += 1;
    }
    lanes
};

/// The transitions as rows of [`ROW`] lanes (the padding lane 0), for [`Model::decode_run`].
fn transition_lanes(transitions: &[[i32; N_TAGS]; N_TAGS + 1]) -> [[i32; ROW]; N_TAGS + 1] {
    let mut lanes = [[0; ROW]; N_TAGS + 1];
    for (to, from) in lanes.iter_mut().zip(transitions) {
        to[..N_TAGS].copy_from_slice(from);
    }
    lanes
}

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a kutip NER model.
    #[error("not a kutip NER model file (bad header)")]
    BadHeader,
    /// A model written by another version.
    #[error("model file version {0} is not supported (this kutip reads version {VERSION})")]
    Version(u32),
    /// The file ends early or has extra bytes.
    #[error("model file is truncated or corrupt ({0})")]
    Corrupt(&'static str),
    /// The file could not be read.
    #[error("cannot read model file {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// A trained tagger: quantised weights in a hashed table plus tag transitions.
#[derive(Clone)]
pub struct Model {
    /// log2 of the number of rows.
    bits: u32,
    /// `rows × ROW` weights; only the lower half of the rows once a convention is folded in
    /// (see [`Model::with_convention`]).
    weights: Vec<i16>,
    /// 0, or once a convention is folded in, the row-index bits a convention's copy of a feature
    /// differs in: folding makes row `r` and row `r ^ fold` equal, so only the half with the top
    /// bit clear is kept (half the table: it then fits the L2 cache better).
    fold: usize,
    /// `fold` moved up to the row-index bits of a feature (`fold << (64 - bits)`), so that
    /// [`Model::row`] folds the feature before taking its row bits.
    fold_high: u64,
    /// `transitions[prev][cur]`, prev = N_TAGS for the start of a run.
    transitions: [[i32; N_TAGS]; N_TAGS + 1],
    /// `transitions` padded to [`ROW`] lanes a row.
    transition_lanes: [[i32; ROW]; N_TAGS + 1],
    /// Tells models apart in a [`Scratch`]'s word cache.
    fingerprint: u64,
    /// Hashes (see [`hash_lower`]) of the words seen in lower case in the training data: a
    /// capitalised sentence-initial word in this set is a common word, not a name. A hash set,
    /// not a sorted list: the binary search had cost 9% of the rules pass.
    lexicon: Lexicon,
    /// Names of the annotation conventions the model learnt, besides the shared one.
    conventions: Vec<String>,
    /// Which convention's training set a sentence reads like (for the `auto` convention);
    /// an optional section at the end of the file.
    genre: GenreClassifier,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("rows", &(1usize << self.bits))
            .finish_non_exhaustive()
    }
}

/// Reusable buffers for tagging, so tagging a sentence does not allocate once warm.
#[derive(Debug, Default)]
pub struct Scratch {
    info: SentenceInfo,
    features: Vec<u64>,
    scores: Vec<[i32; ROW]>,
    back: Vec<[u8; ROW]>,
    /// One tag a token after [`Model::tag`].
    pub tags: Vec<u8>,
    /// Direct-mapped cache of summed rows of the weight table, for the parts of a candidate's
    /// features that repeat with its words (see [`Model::decode_run`]): words and their
    /// neighbours repeat, so most candidates look up only their five pair features' rows.
    sums: Vec<(u64, [i32; ROW])>,
}

/// Entries in [`Scratch::sums`] (a power of two). 1 << 16 would save about 4 M Ir on 450
/// articles, but, like the word-hash cache, it is written whole when a thread starts, and the
/// page faults of 2 MB more cost a one-article run more than that (see `WORD_HASHES`).
const SUM_CACHE: usize = 1 << 14;

/// Told apart in the keys of [`Scratch::sums`]: the sums of a token's left or right
/// neighbour's features (the sums of its own features have a key of their own shape).
const LEFT_SUM: u64 = 0x6c65_6674_0000_0000;
const RIGHT_SUM: u64 = 0x7269_6768_0000_0000;

/// The key of a cached sum in [`Scratch::sums`] from a word's hashes and a small value for the
/// rest (context bits, the convention and the model): the hashes are already well mixed, so one
/// multiplication spreads them (two `combine`s, four multiplications, before). Two keys collide
/// only if the words' hashes differ by exactly the right bits (a chance of 2^-64 a pair); the
/// same word with another `rest` never does. Odd: 0 marks an empty slot.
#[inline]
fn sum_key(lower: u64, shape: u64, rest: u64) -> u64 {
    (lower ^ shape.rotate_left(23) ^ rest.rotate_left(47)).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1
}

impl Scratch {
    /// Tags in the annotation convention with this [`convention_id`] (0: the shared one).
    pub fn set_domain(&mut self, domain: u64) {
        self.info.domain = domain;
    }
}

impl Model {
    fn row(&self, feature: u64) -> usize {
        // Rows in the upper half read their equal twin in the lower half (`fold` is 0 unless a
        // convention is folded in); branchless, since the half a feature lands in is random.
        // The feature's top bit is its row's top bit: its sign, spread by an arithmetic shift,
        // masks the fold, applied to the feature before its row bits are taken (the same row
        // as `row ^ fold` for the upper half, with no shift by `bits - 1` and no negation).
        let upper = ((feature as i64) >> 63) as u64;
        ((feature ^ (self.fold_high & upper)) >> (64 - self.bits)) as usize * ROW
    }

    /// The summed rows of some features, all eight lanes (the padding one too): kept out of
    /// line so that every lane is live and the compiler adds whole rows with vector
    /// instructions (seven lanes were added one by one).
    #[inline(never)]
    fn sum_rows(&self, features: &[u64]) -> [i32; ROW] {
        let mut lanes = [0i32; ROW];
        for &f in features {
            let at = self.row(f);
            let row: &[i16; ROW] = self.weights[at..at + ROW].try_into().expect("a row");
            for (e, w) in lanes.iter_mut().zip(row) {
                *e += i32::from(*w);
            }
        }
        lanes
    }

    /// `base` plus the summed rows of a fixed number of features (the pair features): as
    /// [`Model::sum_rows`], with the loop unrolled. Integer sums, so the order the rows are added
    /// in does not change them.
    #[inline(never)]
    fn add_rows<const N: usize>(&self, mut lanes: [i32; ROW], features: &[u64; N]) -> [i32; ROW] {
        for &f in features {
            let at = self.row(f);
            let row: &[i16; ROW] = self.weights[at..at + ROW].try_into().expect("a row");
            for (e, w) in lanes.iter_mut().zip(row) {
                *e += i32::from(*w);
            }
        }
        lanes
    }

    /// Reads a model from its file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader(bytes);
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadHeader);
        }
        let version = r.u32()?;
        if version != VERSION && version != 3 {
            return Err(ModelError::Version(version));
        }
        let bits = r.u32()?;
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Corrupt("table size"));
        }
        let mut transitions = [[0i32; N_TAGS]; N_TAGS + 1];
        for row in &mut transitions {
            for t in row.iter_mut() {
                *t = r.u32()? as i32;
            }
        }
        let count = r.u32()? as usize;
        let mut conventions = Vec::new();
        for _ in 0..count {
            let len = r.u32()? as usize;
            let name = std::str::from_utf8(r.take(len)?)
                .map_err(|_| ModelError::Corrupt("convention name"))?;
            conventions.push(name.to_string());
        }
        let words = r.u32()? as usize;
        let lexicon: Lexicon = r
            .take(words * 8)?
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        let lexicon = if version >= 4 {
            let count = r.u32()? as usize;
            let never = r
                .take(count * 8)?
                .chunks_exact(8)
                .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
                .collect();
            lexicon.with_never_names(never)
        } else {
            lexicon
        };
        let len = (1usize << bits) * ROW;
        let raw = r.take(len * 2)?;
        let genre = if r.0.is_empty() {
            GenreClassifier::default()
        } else {
            GenreClassifier::read(r.0).ok_or(ModelError::Corrupt("extra bytes"))?
        };
        let weights = raw
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        let mut model = Model {
            bits,
            weights,
            fold: 0,
            fold_high: 0,
            transitions,
            transition_lanes: transition_lanes(&transitions),
            fingerprint: 0,
            lexicon,
            conventions,
            genre,
        };
        model.fingerprint = model.compute_fingerprint();
        Ok(model)
    }

    /// Reads a model file.
    pub fn load(path: &std::path::Path) -> Result<Model, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Model::from_bytes(&bytes)
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + 4 * 64 + self.weights.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        for row in &self.transitions {
            for t in row {
                out.extend_from_slice(&t.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.conventions.len() as u32).to_le_bytes());
        for name in &self.conventions {
            out.extend_from_slice(&(name.len() as u32).to_le_bytes());
            out.extend_from_slice(name.as_bytes());
        }
        let mut lexicon: Vec<u64> = self.lexicon.iter().copied().collect();
        lexicon.sort_unstable();
        out.extend_from_slice(&(lexicon.len() as u32).to_le_bytes());
        for h in &lexicon {
            out.extend_from_slice(&h.to_le_bytes());
        }
        let mut never: Vec<u64> = self.lexicon.never_names().copied().collect();
        never.sort_unstable();
        out.extend_from_slice(&(never.len() as u32).to_le_bytes());
        for h in &never {
            out.extend_from_slice(&h.to_le_bytes());
        }
        // A folded model writes its whole table, both halves.
        for row in 0..1usize << self.bits {
            let at = self.row((row as u64) << (64 - self.bits));
            for w in &self.weights[at..at + ROW] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        self.genre.write(&mut out);
        out
    }

    fn compute_fingerprint(&self) -> u64 {
        let mut h =
            mix(u64::from(self.bits) ^ self.weights.len() as u64 ^ (self.fold as u64) << 32);
        for (k, w) in self.weights.iter().enumerate().step_by(997) {
            h = combine(h, (k as u64) << 16 ^ u64::from(*w as u16));
        }
        for row in &self.transitions {
            for t in row {
                h = combine(h, u64::from(*t as u32));
            }
        }
        h
    }

    /// The model with a convention's weights folded into the shared ones (for
    /// [`convention_id`] `domain`; 0 leaves it as it is), so tagging looks each feature up once.
    ///
    /// Folds in place, without copying the table: a feature's row and its copy's row get the
    /// same sum, so only the lower half of the table is kept. Folding twice is not supported:
    /// the second convention is ignored.
    pub fn with_convention(mut self, domain: u64) -> Model {
        if domain == 0 || self.fold != 0 {
            return self;
        }
        let fold = (domain_mask(domain) >> (64 - self.bits)) as usize;
        // The mask's top bit is set (see `domain_mask`), so each row's twin is in the other half.
        debug_assert_eq!(fold >> (self.bits - 1), 1);
        let half = self.weights.len() / 2;
        for row in 0..half / ROW {
            let twin = (row ^ fold) * ROW;
            for k in 0..ROW {
                let at = row * ROW + k;
                self.weights[at] = self.weights[at].saturating_add(self.weights[twin + k]);
            }
        }
        self.weights.truncate(half);
        self.weights.shrink_to_fit();
        self.fold = fold;
        self.fold_high = (fold as u64) << (64 - self.bits);
        self.fingerprint = self.compute_fingerprint();
        self
    }

    /// The model with `percent` of a convention's weights added to the shared ones (for
    /// [`convention_id`] `domain`; 0, a model already folded, or 0 percent leave it as it is):
    /// a convention leaned towards, not followed. Each row of the whole table gets that share
    /// of its twin's weights (a feature's copy is in its row XOR the fold); the two rows are no
    /// longer equal, so the table is kept whole and read as an unfolded one, at no cost to
    /// tagging but twice the memory of a folded table (1 MB).
    pub fn with_convention_share(mut self, domain: u64, percent: u8) -> Model {
        if domain == 0 || self.fold != 0 || percent == 0 {
            return self;
        }
        let fold = (domain_mask(domain) >> (64 - self.bits)) as usize;
        let whole = self.weights.clone();
        let percent = i32::from(percent);
        for (row, weights) in self.weights.chunks_exact_mut(ROW).enumerate() {
            let twin = &whole[(row ^ fold) * ROW..][..ROW];
            for (w, &t) in weights.iter_mut().zip(twin) {
                let share = (i32::from(t) * percent / 100) as i16;
                *w = w.saturating_add(share);
            }
        }
        self.fingerprint = self.compute_fingerprint();
        self
    }

    /// Which convention's training set a sentence reads like.
    pub fn genre(&self) -> &GenreClassifier {
        &self.genre
    }

    /// The annotation conventions the model learnt besides the shared one.
    pub fn conventions(&self) -> &[String] {
        &self.conventions
    }

    /// Whether `word`, lower-cased, was seen in lower case in the training data.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.lexicon.contains(&hash_lower(word))
    }

    /// Tags one sentence: `scratch.tags` gets one tag index a word (see [`TAGS`]).
    ///
    /// A run of candidates without a capital letter or a gazetteer hit (a number, "pada 2023",
    /// "level 4") holds no name: it is O without being scored, and its tokens are not hashed.
    /// (Training scores every run, as the built-in model was trained.)
    pub fn tag(&self, words: &[&str], gazetteer: &[u8], scratch: &mut Scratch) {
        let n = words.len();
        scratch.info.mark(words, gazetteer);
        scratch.info.clear_hashes(n);
        scratch.tags.clear();
        scratch.tags.resize(n, O as u8);
        // One pass over the runs of candidates: whether a run holds a name, its hashes, its
        // tags (three passes over the sentence's tokens before).
        let mut i = 0;
        while i < n {
            if !scratch.info.candidate[i] {
                i += 1;
                continue;
            }
            let start = i;
            let mut named = false;
            while i < n && scratch.info.candidate[i] {
                named = named || gazetteer[i] != 0 || has_capital(words[i]);
                i += 1;
            }
            if named {
                scratch.info.hash_run(words, start, i, &self.lexicon);
                // The words that are never a name are O without being scored: decode the rest
                // of the run piece by piece. A capitalised one only where no name can be going
                // on, at the run's start or after another such word ("Namun", "Menurut Budi"):
                // inside a name it may be a word of the name the training data never had
                // ("Kementerian Dalam Negeri", "Jennifer Love Hewitt").
                let mut k = start;
                let mut after_skipped = true;
                while k < i {
                    let never = scratch.info.never_name[k];
                    if never == NEVER_LOWER || never == NEVER_CAPITALISED && after_skipped {
                        after_skipped = true;
                        k += 1;
                        continue;
                    }
                    let from = k;
                    while k < i && scratch.info.never_name[k] != NEVER_LOWER {
                        k += 1;
                    }
                    after_skipped = false;
                    // A piece next to such a word is decoded as part of the whole run with that
                    // word O: the transitions from and to O, not those of a run's start and end.
                    self.decode_run(words, from, k, (from > start, k < i), scratch);
                }
            }
        }
    }

    /// The summed rows of the features `fill` writes, from `sums` if `key` is there (`key` must
    /// stand for everything the features depend on, the model and the convention included).
    fn cached_sum(
        &self,
        sums: &mut [(u64, [i32; ROW])],
        key: u64,
        features: &mut Vec<u64>,
        fill: impl FnOnce(&mut Vec<u64>),
    ) -> [i32; ROW] {
        // Two ways: a key may be in either slot of its pair, the one it last went into first
        // (a direct-mapped cache of the same size missed half again as often, each miss costing
        // a dozen row look-ups). The top bits for the index: a key is a product (see
        // `sum_key`), whose low bits depend only on the low bits of what was multiplied.
        let at = (key >> (64 - SUM_CACHE.trailing_zeros())) as usize & (SUM_CACHE - 2);
        let pair = &mut sums[at..at + 2];
        if pair[0].0 == key {
            return pair[0].1;
        }
        if pair[1].0 == key {
            return pair[1].1;
        }
        features.clear();
        fill(features);
        let sum = self.sum_rows(features);
        pair[1] = pair[0];
        pair[0] = (key, sum);
        sum
    }

    /// The emission scores of candidate `i`: the summed rows of its features
    /// ([`token_features`]).
    ///
    /// They are summed in four parts: the word's own features with the context features that
    /// depend only on the word and two bits of its left context ([`own_context_features`]), the
    /// features of its left and of its right neighbour ([`left_features`], [`right_features`]),
    /// and the pair features. Words and their neighbours repeat ("di", "kata", ","), so the sums
    /// of the first three are cached in `sums` by what they depend on (the sums are integers:
    /// the order they are added in does not change them), and most candidates look up five rows
    /// of the weight table instead of 28.
    fn emission(
        &self,
        words: &[&str],
        info: &SentenceInfo,
        i: usize,
        features: &mut Vec<u64>,
        sums: &mut [(u64, [i32; ROW])],
    ) -> [i32; ROW] {
        let salt = info.domain ^ self.fingerprint;
        let (lower, shape) = (info.lower[i], info.shape[i]);
        let context = u64::from(info.gazetteer[i])
            | u64::from(is_first(words, info, i)) << 8
            | u64::from(after_title(info, i)) << 9
            | u64::from(info.common[i]) << 10;
        let key = sum_key(lower, shape, salt ^ context);
        let mut lanes = self.cached_sum(sums, key, features, |out| {
            word_features(words[i], lower, shape, info.domain, out);
            own_context_features(words, info, i, out);
        });
        let left = Neighbour::left_of(info, i);
        let key = sum_key(
            left.lower ^ left.affixes[0].rotate_left(21) ^ left.affixes[1].rotate_left(42),
            left.shape,
            salt ^ LEFT_SUM ^ left.gazetteer << 16,
        );
        let left = self.cached_sum(sums, key, features, |out| {
            left_features(&left, info.domain, out);
        });
        let right = Neighbour::right_of(info, i);
        let key = sum_key(
            right.lower ^ right.affixes[0].rotate_left(21),
            right.shape,
            salt ^ RIGHT_SUM ^ right.gazetteer << 16,
        );
        let right = self.cached_sum(sums, key, features, |out| {
            right_features(&right, info.domain, out);
        });
        for k in 0..ROW {
            lanes[k] += left[k] + right[k];
        }
        if info.domain == 0 {
            self.add_rows(lanes, &shared_pair_features(info, i))
        } else {
            features.clear();
            pair_features(info, i, features);
            let pair = self.sum_rows(features);
            for k in 0..ROW {
                lanes[k] += pair[k];
            }
            lanes
        }
    }

    /// Viterbi over tokens `start..end`, all candidates; the token before is O (or absent).
    /// `inside.0`: the token before is an O inside the run the model was trained on (a word
    /// that is never a name), so the run starts with the transitions from O, not those of a
    /// run's start; `inside.1`: likewise the token after, whose transition into O is added.
    fn decode_run(
        &self,
        words: &[&str],
        start: usize,
        end: usize,
        inside: (bool, bool),
        scratch: &mut Scratch,
    ) {
        let Scratch {
            info,
            features,
            scores,
            back,
            tags,
            sums,
        } = scratch;
        if sums.is_empty() {
            sums.resize(SUM_CACHE, (0, [0; ROW]));
        }
        scores.clear();
        back.clear();
        for i in start..end {
            let emit = self.emission(words, info, i, features, sums);
            let mut best = [i32::MIN / 2; ROW];
            let mut from = [0i32; ROW];
            if i == start {
                let first = if inside.0 { O } else { N_TAGS };
                for cur in 0..ROW {
                    if ALLOWED[N_TAGS][cur] != 0 {
                        best[cur] = self.transition_lanes[first][cur] + emit[cur];
                    }
                }
            } else {
                // Each previous tag against all current tags at once (lanes; disallowed pairs
                // and the padding lane masked out): for each current tag the previous tags are
                // still tried in order and only a strictly better score wins, so ties break as
                // when each current tag was scanned on its own. (Wrapping adds: a masked lane
                // may add to a start-of-run sentinel.)
                let prev_scores = scores.last().expect("a previous token");
                (best, from) = viterbi_step(prev_scores, &self.transition_lanes, &emit);
            }
            scores.push(best);
            back.push(from.map(|f| f as u8));
        }
        let last = scores.last().expect("a non-empty run");
        let mut tag = if inside.1 {
            (0..N_TAGS)
                .max_by_key(|&t| last[t] + self.transitions[t][O])
                .unwrap_or(O)
        } else {
            (0..N_TAGS).max_by_key(|&t| last[t]).unwrap_or(O)
        };
        for k in (0..end - start).rev() {
            tags[start + k] = tag as u8;
            tag = back[k][tag] as usize;
        }
    }
}

/// One step of Viterbi: for each current tag (a lane) the best score over the previous tags
/// and which previous tag gave it. Each previous tag is tried against all current tags at once
/// (disallowed pairs and the padding lane masked out); for each current tag the previous tags
/// are still tried in order and only a strictly better score wins, so ties break as when each
/// current tag was scanned on its own. Written with masks only (no `max`, no branches), so that
/// the compiler adds, compares and blends whole rows with SSE2: with `max` it had kept every
/// lane scalar (baseline x86-64 has no vector `max` of 32-bit integers), about a third of the
/// candidates' own instructions. (Wrapping adds: a masked lane may add to a start-of-run
/// sentinel.)
#[inline(never)]
fn viterbi_step(
    prev_scores: &[i32; ROW],
    transitions: &[[i32; ROW]; N_TAGS + 1],
    emit: &[i32; ROW],
) -> ([i32; ROW], [i32; ROW]) {
    // The masks read from memory, not folded in: folded, they made every lane's code differ
    // and the compiler kept the lanes scalar.
    let allowed = std::hint::black_box(&ALLOWED);
    let mut best = [i32::MIN / 2; ROW];
    let mut from = [0i32; ROW];
    for prev in 0..N_TAGS {
        let p = prev_scores[prev];
        let (t, ok) = (&transitions[prev], &allowed[prev]);
        let mut s = [0i32; ROW];
        for k in 0..ROW {
            // A disallowed pair scores i32::MIN, below every start-of-run sentinel.
            s[k] = p.wrapping_add(t[k]).wrapping_add(emit[k]) & ok[k] | i32::MIN & !ok[k];
        }
        for k in 0..ROW {
            let better = -i32::from(s[k] > best[k]);
            from[k] = prev as i32 & better | from[k] & !better;
            best[k] = s[k] & better | best[k] & !better;
        }
    }
    (best, from)
}

/// Whether a word has a capital letter (the first byte decides most words).
fn has_capital(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => true,
        _ => w.chars().any(char::is_uppercase),
    }
}

/// Unmarks every run of candidates in which no token has a capital letter or a gazetteer hit
/// (what [`Model::tag`] skips).
#[cfg(test)]
fn drop_runs_without_names(words: &[&str], gazetteer: &[u8], candidate: &mut [bool]) {
    let capital = has_capital;
    let mut i = 0;
    while i < candidate.len() {
        if !candidate[i] {
            i += 1;
            continue;
        }
        let start = i;
        let mut named = false;
        while i < candidate.len() && candidate[i] {
            named = named || gazetteer[i] != 0 || capital(words[i]);
            i += 1;
        }
        if !named {
            candidate[start..i].fill(false);
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.0.len() < n {
            return Err(ModelError::Corrupt("too short"));
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Ok(head)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// One training sentence: words, gold tags, gazetteer tags.
#[derive(Debug, Clone)]
pub struct TrainSentence {
    /// The tokens.
    pub words: Vec<String>,
    /// Gold tag indices.
    pub tags: Vec<u8>,
    /// Gazetteer tags.
    pub gazetteer: Vec<u8>,
    /// Annotation convention: [`convention_id`] of its name, 0 for none.
    pub domain: u64,
}

/// The feature salt of a named annotation convention ("" is the shared one, 0).
pub fn convention_id(name: &str) -> u64 {
    if name.is_empty() {
        0
    } else {
        hash_lower(name) | 1
    }
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// log2 of the weight table's rows.
    pub bits: u32,
    /// Seed of the shuffle between passes (training is deterministic for a given seed).
    pub seed: u64,
    /// Perceptrons trained, each with the shuffle of its seed (`seed`, `seed + 1`…; the shuffle
    /// starts from the seed with its lowest bit set, so an even seed repeats the next odd one:
    /// kept so the shipped model stays reproducible, see docs/entities.md); the model
    /// is the mean of their averaged weights, steadier than any one of them.
    pub runs: usize,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 20,
            bits: 16,
            seed: 7,
            runs: 4,
        }
    }
}

/// An averaged perceptron in training: current weights, their running sums (lazily updated with
/// time stamps) and the transitions.
struct Trainer {
    bits: u32,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    transitions: Vec<f32>,
    transition_totals: Vec<f64>,
    transition_stamps: Vec<u32>,
    clock: u32,
}

impl Trainer {
    fn new(bits: u32) -> Trainer {
        let len = (1usize << bits) * ROW;
        let tlen = (N_TAGS + 1) * N_TAGS;
        Trainer {
            bits,
            weights: vec![0.0; len],
            totals: vec![0.0; len],
            stamps: vec![0; len],
            transitions: vec![0.0; tlen],
            transition_totals: vec![0.0; tlen],
            transition_stamps: vec![0; tlen],
            clock: 0,
        }
    }

    fn bump(w: &mut [f32], totals: &mut [f64], stamps: &mut [u32], k: usize, d: f32, now: u32) {
        totals[k] += f64::from(w[k]) * f64::from(now - stamps[k]);
        stamps[k] = now;
        w[k] += d;
    }

    /// The averaged weights and transitions.
    fn averaged(&self, averaged: bool) -> (Vec<f32>, Vec<f32>) {
        let avg = |w: &[f32], t: &[f64], s: &[u32], k: usize| -> f32 {
            if averaged && self.clock > 0 {
                ((t[k] + f64::from(w[k]) * f64::from(self.clock - s[k])) / f64::from(self.clock))
                    as f32
            } else {
                w[k]
            }
        };
        let weights: Vec<f32> = (0..self.weights.len())
            .map(|k| avg(&self.weights, &self.totals, &self.stamps, k))
            .collect();
        let transitions: Vec<f32> = (0..self.transitions.len())
            .map(|k| {
                avg(
                    &self.transitions,
                    &self.transition_totals,
                    &self.transition_stamps,
                    k,
                )
            })
            .collect();
        (weights, transitions)
    }
}

/// Scales float weights to i16 so the largest weight is ±16000 (a weight and its convention
/// copy still add up within i16); transitions share the scale.
fn quantise(bits: u32, weights: &[f32], transitions: &[f32]) -> Model {
    let max = weights
        .iter()
        .chain(transitions)
        .fold(0f32, |m, w| m.max(w.abs()))
        .max(1e-6);
    let scale = 16000.0 / max;
    let mut t = [[0i32; N_TAGS]; N_TAGS + 1];
    for (p, row) in t.iter_mut().enumerate() {
        for (c, v) in row.iter_mut().enumerate() {
            *v = (transitions[p * N_TAGS + c] * scale).round() as i32;
        }
    }
    Model {
        bits,
        weights: weights.iter().map(|w| (w * scale).round() as i16).collect(),
        fold: 0,
        fold_high: 0,
        transitions: t,
        transition_lanes: transition_lanes(&t),
        fingerprint: 0,
        lexicon: Lexicon::default(),
        conventions: Vec::new(),
        genre: GenreClassifier::default(),
    }
}

/// Trains a model on sentences; `progress` hears about each pass (epoch, tokens wrong).
pub fn train(
    sentences: &[TrainSentence],
    conventions: &[String],
    options: &TrainOptions,
    mut progress: impl FnMut(usize, usize),
) -> Model {
    let lexicon = lexicon(sentences);
    let runs = options.runs.max(1);
    let (mut weights, mut transitions) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let (w, t) = train_run(
            sentences,
            &lexicon,
            options,
            options.seed.wrapping_add(run as u64),
            &mut progress,
        );
        if run == 0 {
            (weights, transitions) = (w, t);
        } else {
            weights.iter_mut().zip(w).for_each(|(a, b)| *a += b);
            transitions.iter_mut().zip(t).for_each(|(a, b)| *a += b);
        }
    }
    let mut model = quantise(options.bits, &weights, &transitions);
    model.fingerprint = model.compute_fingerprint();
    model.lexicon = lexicon;
    model.conventions = conventions.to_vec();
    model.genre = GenreClassifier::train(sentences.iter().map(|s| (s.words.as_slice(), s.domain)));
    model
}

/// One averaged perceptron's weights and transitions, trained with shuffle seed `seed`.
fn train_run(
    sentences: &[TrainSentence],
    lexicon: &Lexicon,
    options: &TrainOptions,
    seed: u64,
    progress: &mut impl FnMut(usize, usize),
) -> (Vec<f32>, Vec<f32>) {
    let mut trainer = Trainer::new(options.bits);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = seed | 1;
    let mut scratch = Scratch::default();
    let mut features = Vec::new();
    for epoch in 0..options.epochs {
        // Fisher–Yates with xorshift: deterministic, no dependency.
        for k in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(k, (rng % (k as u64 + 1)) as usize);
        }
        let mut wrong = 0;
        for &s in &order {
            let sentence = &sentences[s];
            let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
            // Decoding with current weights each sentence is the textbook algorithm; a
            // float snapshot per sentence would be slow, so decode with a float scorer.
            // Half the time without its convention, so the shared weights also work alone.
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            scratch.set_domain(if rng % 2 == 0 { sentence.domain } else { 0 });
            let pred = decode_float(&trainer, &words, &sentence.gazetteer, lexicon, &mut scratch);
            trainer.clock += 1;
            let now = trainer.clock;
            let gold = gold_for_runs(&sentence.tags, &scratch.info.candidate);
            if pred == gold {
                continue;
            }
            let mut prev_gold = N_TAGS;
            let mut prev_pred = N_TAGS;
            for i in 0..words.len() {
                if !scratch.info.candidate[i] {
                    prev_gold = N_TAGS;
                    prev_pred = N_TAGS;
                    continue;
                }
                let (g, p) = (gold[i] as usize, pred[i] as usize);
                if g != p {
                    wrong += 1;
                    features.clear();
                    token_features(&words, &scratch.info, i, &mut features);
                    for &f in &features {
                        let row = (f >> (64 - trainer.bits)) as usize * ROW;
                        Trainer::bump(
                            &mut trainer.weights,
                            &mut trainer.totals,
                            &mut trainer.stamps,
                            row + g,
                            1.0,
                            now,
                        );
                        Trainer::bump(
                            &mut trainer.weights,
                            &mut trainer.totals,
                            &mut trainer.stamps,
                            row + p,
                            -1.0,
                            now,
                        );
                    }
                }
                if g != p || prev_gold != prev_pred {
                    Trainer::bump(
                        &mut trainer.transitions,
                        &mut trainer.transition_totals,
                        &mut trainer.transition_stamps,
                        prev_gold * N_TAGS + g,
                        1.0,
                        now,
                    );
                    Trainer::bump(
                        &mut trainer.transitions,
                        &mut trainer.transition_totals,
                        &mut trainer.transition_stamps,
                        prev_pred * N_TAGS + p,
                        -1.0,
                        now,
                    );
                }
                prev_gold = g;
                prev_pred = p;
            }
        }
        progress(epoch + 1, wrong);
    }
    trainer.averaged(true)
}

/// The hashes of the words written in lower case in the training data (longer than a letter).
fn lexicon(sentences: &[TrainSentence]) -> Lexicon {
    let words: Lexicon = sentences
        .iter()
        .flat_map(|s| &s.words)
        .filter(|w| w.chars().all(|c| c.is_lowercase() || c == '-') && w.chars().count() > 1)
        .map(|w| hash_lower(w))
        .collect();
    words.with_never_names(never_names(sentences))
}

/// How often a word must be seen in one case, never inside a name, to be never a name. Measured
/// (the NER dev files with `ner.toml` and `ner-news.toml`, 450 bench documents): 20 leaves the
/// dev files as they were and changes 3 documents, 10 leaves them too and changes 8 (all lower-case
/// words taken off the front of a name: "di kawasan Mekarsari", "di antara Pulau Sukamaju"), 5 costs
/// 0.1 on each dev file ("dr" taken out of "Rumah Sakit dr Hartono").
const NEVER_NAME_MIN: usize = 10;
/// A word inside a name at most once in this many times still counts as never a name: the
/// annotators' slips ("di" once in 1,712). 500 gives the same output as none on the dev files
/// and the 450 bench documents, with 0.8% fewer instructions in the stage; 200 and 100 the same.
const NEVER_NAME_ODDS: usize = 500;

/// The [`case_key`]s of the words seen at least [`NEVER_NAME_MIN`] times in the training data
/// in one case (lower case, or capitalised) and (nearly: [`NEVER_NAME_ODDS`]) never inside a
/// name, in any convention.
fn never_names(sentences: &[TrainSentence]) -> HashKeyedSet {
    let mut seen: HashKeyed<(usize, usize)> = HashKeyed::default();
    for s in sentences {
        for (w, &t) in s.words.iter().zip(&s.tags) {
            if let Some((key, _)) = case_key(w, hash_lower(w)) {
                let entry = seen.entry(key).or_default();
                entry.0 += 1;
                entry.1 += usize::from(t as usize != O);
            }
        }
    }
    seen.into_iter()
        .filter(|&(_, (count, named))| count >= NEVER_NAME_MIN && named * NEVER_NAME_ODDS <= count)
        .map(|(key, _)| key)
        .collect()
}

/// Gold tags as the tagger can produce them: O outside candidate runs, and a run that starts
/// inside an entity starts it afresh (I-X → B-X).
fn gold_for_runs(tags: &[u8], candidate: &[bool]) -> Vec<u8> {
    let mut out = tags.to_vec();
    for i in 0..tags.len() {
        if !candidate[i] {
            out[i] = O as u8;
        } else if (i == 0 || !candidate[i - 1]) && matches!(out[i], 2 | 4 | 6) {
            out[i] -= 1;
        }
    }
    out
}

/// Viterbi with the trainer's current float weights (same algorithm as [`Model::tag`]).
fn decode_float(
    trainer: &Trainer,
    words: &[&str],
    gazetteer: &[u8],
    lexicon: &Lexicon,
    scratch: &mut Scratch,
) -> Vec<u8> {
    let n = words.len();
    scratch.info.fill(words, gazetteer, lexicon);
    let mut tags = vec![O as u8; n];
    let mut features = Vec::new();
    let t = |p: usize, c: usize| trainer.transitions[p * N_TAGS + c];
    let mut i = 0;
    while i < n {
        if !scratch.info.candidate[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && scratch.info.candidate[i] {
            i += 1;
        }
        let mut scores: Vec<[f32; N_TAGS]> = Vec::new();
        let mut back: Vec<[u8; N_TAGS]> = Vec::new();
        for k in start..i {
            features.clear();
            token_features(words, &scratch.info, k, &mut features);
            let mut emit = [0f32; N_TAGS];
            for &f in &features {
                let row = (f >> (64 - trainer.bits)) as usize * ROW;
                for (tag, e) in emit.iter_mut().enumerate() {
                    *e += trainer.weights[row + tag];
                }
            }
            let mut best = [f32::MIN; N_TAGS];
            let mut from = [0u8; N_TAGS];
            for cur in 0..N_TAGS {
                if k == start {
                    if allowed(O, cur) {
                        best[cur] = t(N_TAGS, cur) + emit[cur];
                    }
                    continue;
                }
                let prev_scores = scores.last().expect("a previous token");
                for (prev, &prev_score) in prev_scores.iter().enumerate() {
                    if !allowed(prev, cur) || prev_score == f32::MIN {
                        continue;
                    }
                    let s = prev_score + t(prev, cur) + emit[cur];
                    if s > best[cur] {
                        best[cur] = s;
                        from[cur] = prev as u8;
                    }
                }
            }
            scores.push(best);
            back.push(from);
        }
        let last = scores.last().expect("a non-empty run");
        let mut tag = (0..N_TAGS)
            .max_by(|&a, &b| last[a].total_cmp(&last[b]))
            .unwrap_or(O);
        for k in (0..i - start).rev() {
            tags[start + k] = tag as u8;
            tag = back[k][tag] as usize;
        }
    }
    tags
}

/// Reads a BIO file (token in the first column, tag in the last; blank lines end sentences,
/// `-DOCSTART-` lines are skipped). Labels other than PER/ORG/LOC become O.
pub fn read_bio(text: &str) -> Vec<(Vec<String>, Vec<u8>)> {
    let mut out = Vec::new();
    let mut words = Vec::new();
    let mut tags = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !words.is_empty() {
                out.push((std::mem::take(&mut words), std::mem::take(&mut tags)));
            }
            continue;
        }
        let mut cols = line.split(['\t', ' ']).filter(|c| !c.is_empty());
        let Some(word) = cols.next() else { continue };
        if word == "-DOCSTART-" {
            continue;
        }
        let tag = cols.next_back().unwrap_or("O");
        words.push(word.to_string());
        tags.push(tag_index(tag) as u8);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tags with every candidate run scored, as training decodes.
    fn tag_every_run(model: &Model, words: &[&str], scratch: &mut Scratch) -> Vec<u8> {
        scratch
            .info
            .fill(words, &vec![0; words.len()], &model.lexicon);
        scratch.tags.clear();
        scratch.tags.resize(words.len(), O as u8);
        let mut i = 0;
        while i < words.len() {
            let start = i;
            while i < words.len() && scratch.info.candidate[i] {
                i += 1;
            }
            if i > start {
                model.decode_run(words, start, i, (false, false), scratch);
            }
            i += 1;
        }
        scratch.tags.clone()
    }

    #[test]
    fn cached_emissions_are_the_sums_of_every_feature() {
        let sentences = [
            "Kapolda Metro Jaya Irjen Budi Santoso mengatakan , \" Kami sudah tiba di desa Sukamaju .\"",
            "\" Kami sudah tiba di desa Sukamaju , \" kata Budi Santoso kepada wartawan di Jakarta .",
            "Menurut Budi , Bank Rakyat Sukamaju ( BRS ) Timur akan dibuka pada 12 Mei 2023 .",
            "( Sukamaju ) - Ana Putri - Lestari dan Budi S . Wirawan bertemu di Kota Lama : Jakarta",
            "Ümit Çelik dari İstanbul dan Masjid Raya Sukamaju .",
        ];
        for (model, domain) in [
            (crate::builtin_model(), 0),
            (crate::builtin_model(), convention_id("news")),
            (
                crate::builtin_model().with_convention(convention_id("news")),
                0,
            ),
        ] {
            let mut scratch = Scratch::default();
            scratch.set_domain(domain);
            let mut sums = vec![(0, [0; ROW]); SUM_CACHE];
            // Twice over, so the second pass reads its sums from the cache.
            for sentence in sentences.iter().chain(&sentences) {
                let words: Vec<&str> = sentence.split(' ').collect();
                let mut gazetteer = vec![0; words.len()];
                gazetteer[words.len() - 2] = 6;
                let info = &mut scratch.info;
                info.fill(&words, &gazetteer, &model.lexicon);
                for i in (0..words.len()).filter(|&i| info.candidate[i]) {
                    let mut all = Vec::new();
                    token_features(&words, info, i, &mut all);
                    let expected: [i32; N_TAGS] = std::array::from_fn(|k| model.sum_rows(&all)[k]);
                    let got = model.emission(&words, info, i, &mut scratch.features, &mut sums);
                    assert_eq!(got[..N_TAGS], expected, "{} in {sentence}", words[i]);
                }
            }
        }
    }

    #[test]
    fn a_whole_share_of_a_convention_tags_as_the_folded_convention() {
        let nergrit = convention_id("nergrit");
        let folded = crate::builtin_model().with_convention(nergrit);
        let whole = crate::builtin_model().with_convention_share(nergrit, 100);
        let quarter = crate::builtin_model().with_convention_share(nergrit, 25);
        let none = crate::builtin_model().with_convention_share(nergrit, 0);
        assert_eq!(whole.fold, 0);
        assert_eq!(whole.weights.len(), crate::builtin_model().weights.len());
        assert_eq!(none.weights, crate::builtin_model().weights);
        // Every feature's row in the whole table holds what the folded table gives it.
        for k in 0..10_000u64 {
            let feature = mix(k);
            let (a, b) = (whole.row(feature), folded.row(feature));
            assert_eq!(
                whole.weights[a..a + ROW],
                folded.weights[b..b + ROW],
                "{feature:x}"
            );
        }
        let sentence = "Budi Santoso lahir di desa Sukamaju , Kabupaten Cibodas , dan bermain untuk Persikota FC .";
        let words: Vec<&str> = sentence.split(' ').collect();
        let gazetteer = vec![0; words.len()];
        let mut tags = Vec::new();
        for model in [&folded, &whole, &quarter] {
            let mut scratch = Scratch::default();
            model.tag(&words, &gazetteer, &mut scratch);
            tags.push(scratch.tags.clone());
        }
        assert_eq!(tags[0], tags[1]);
        assert!(tags[2].iter().any(|&t| t != O as u8));
    }

    #[test]
    fn rows_are_folded_as_row_xor_fold() {
        let unfolded = crate::builtin_model();
        let folded = crate::builtin_model().with_convention(convention_id("news"));
        assert_ne!(folded.fold, 0);
        for model in [&unfolded, &folded] {
            for k in 0..10_000u64 {
                let feature = mix(k);
                // The row as it was computed before: its bits, XOR the fold in the upper half.
                let row = (feature >> (64 - model.bits)) as usize;
                let upper = row >> (model.bits - 1);
                let expected = (row ^ (model.fold & upper.wrapping_neg())) * ROW;
                assert_eq!(model.row(feature), expected, "{feature:x}");
                assert!(expected + ROW <= model.weights.len());
            }
        }
    }

    #[test]
    fn a_viterbi_step_picks_as_each_tag_scanned_alone() {
        // Against each current tag scanning the allowed previous tags in order, a strictly
        // better score winning; small values so that ties are common.
        let mut x = 0x1234_5678_u64;
        let mut next = || {
            x = mix(x);
            (x % 7) as i32 - 3
        };
        for _ in 0..500 {
            let prev: [i32; ROW] = std::array::from_fn(|_| next());
            let emit: [i32; ROW] = std::array::from_fn(|_| next());
            let mut t = [[0i32; ROW]; N_TAGS + 1];
            t.iter_mut().flatten().for_each(|v| *v = next());
            let (best, from) = viterbi_step(&prev, &t, &emit);
            for cur in 0..N_TAGS {
                let (mut b, mut f) = (i32::MIN / 2, 0);
                for p in (0..N_TAGS).filter(|&p| allowed(p, cur)) {
                    let s = prev[p] + t[p][cur] + emit[cur];
                    if s > b {
                        (b, f) = (s, p as i32);
                    }
                }
                assert_eq!((best[cur], from[cur]), (b, f), "tag {cur}");
            }
        }
    }

    #[test]
    fn whole_rows_sum_as_weight_by_weight() {
        let model = crate::builtin_model().with_convention(convention_id("news"));
        let features: Vec<u64> = (1..40u64).map(|k| mix(k * 7919)).collect();
        for n in [0, 1, 5, features.len()] {
            let mut expected = [0i32; N_TAGS];
            for &f in &features[..n] {
                for (tag, e) in expected.iter_mut().enumerate() {
                    *e += i32::from(model.weights[model.row(f) + tag]);
                }
            }
            assert_eq!(model.sum_rows(&features[..n])[..N_TAGS], expected);
        }
    }

    #[test]
    fn runs_without_a_capital_or_a_gazetteer_hit_are_not_scored() {
        let words: Vec<&str> = "Budi Santoso tiba pada 2023 bersama 40 orang relawan , lalu \
                                menginap di desa Sukamaju untuk selama 12 hari di level 3 ."
            .split_whitespace()
            .collect();
        let at = |w: &str| words.iter().position(|x| *x == w).unwrap();
        let mut candidate = {
            let mut info = SentenceInfo::default();
            info.mark(&words, &vec![0; words.len()]);
            info.candidate
        };
        let before = candidate.clone();
        drop_runs_without_names(&words, &vec![0; words.len()], &mut candidate);
        for w in [
            "pada", "2023", "bersama", "40", "selama", "12", "level", "3",
        ] {
            assert!(
                before[at(w)] && !candidate[at(w)],
                "{w} is no longer scored"
            );
        }
        for w in ["Budi", "Santoso", "desa", "Sukamaju"] {
            assert!(candidate[at(w)], "{w} is still scored");
        }
        let mut gazetteer = vec![0; words.len()];
        gazetteer[at("relawan")] = 6;
        let mut info = SentenceInfo::default();
        info.mark(&words, &gazetteer);
        drop_runs_without_names(&words, &gazetteer, &mut info.candidate);
        assert!(
            info.candidate[at("relawan")] && info.candidate[at("orang")],
            "a gazetteer hit keeps its run"
        );

        // The runs that are scored are tagged as a decode of every run tags them, and the
        // tokens of the others are not even hashed.
        let model = crate::builtin_model();
        let mut scratch = Scratch::default();
        let every = tag_every_run(&model, &words, &mut scratch);
        model.tag(&words, &vec![0; words.len()], &mut scratch);
        for k in 0..words.len() {
            if candidate[k] || !before[k] {
                assert_eq!(scratch.tags[k], every[k], "{}", words[k]);
            } else {
                assert_eq!(scratch.tags[k], O as u8, "{}", words[k]);
            }
        }
        assert!(scratch.tags[at("Budi")] != O as u8, "{:?}", scratch.tags);
        for w in ["2023", "40", "12"] {
            assert_eq!(scratch.info.lower[at(w)], 0, "{w} was hashed");
        }
    }

    #[test]
    fn never_names_are_words_seen_often_in_one_case_and_never_in_a_name() {
        let sentence = |text: &str, tags: &[u8]| TrainSentence {
            words: text.split_whitespace().map(String::from).collect(),
            tags: tags.to_vec(),
            gazetteer: vec![0; tags.len()],
            domain: 0,
        };
        let mut sentences = Vec::new();
        for _ in 0..NEVER_NAME_MIN {
            sentences.push(sentence("Namun Budi tiba di Sukamaju", &[0, 1, 0, 0, 5]));
        }
        // Seen often enough, but once in a name.
        sentences.push(sentence("Kantor Namun", &[3, 4]));
        let never = never_names(&sentences);
        let key = |w: &str| case_key(w, hash_lower(w)).expect("a key").0;
        assert!(never.contains(&key("di")));
        assert!(!never.contains(&key("Namun")), "once in a name");
        assert!(!never.contains(&key("Di")), "never seen capitalised");
        assert!(!never.contains(&key("Budi")) && never.contains(&key("tiba")));
        sentences.pop();
        let never = never_names(&sentences);
        assert!(never.contains(&key("Namun")) && never.contains(&key("tiba")));
        assert!(!never.contains(&key("namun")), "never seen in lower case");
        sentences.pop();
        assert!(
            !never_names(&sentences).contains(&key("di")),
            "seen too rarely"
        );
        assert_eq!(case_key("NAMUN", hash_lower("NAMUN")), None);
        assert_eq!(case_key("2023", hash_lower("2023")), None);
    }

    #[test]
    fn words_never_a_name_are_o_and_the_rest_tags_as_the_whole_run() {
        let model = crate::builtin_model();
        let words: Vec<&str> = "Namun , kata Budi Santoso dari Sukamaju , Kementerian Dalam \
                                Negeri tiba di kawasan Cibodas pada Senin ."
            .split_whitespace()
            .collect();
        let at = |w: &str| words.iter().position(|x| *x == w).unwrap();
        let mut scratch = Scratch::default();
        let every = tag_every_run(&model, &words, &mut scratch);
        model.tag(&words, &vec![0; words.len()], &mut scratch);
        let never = &scratch.info.never_name;
        assert_eq!(never[at("Namun")], NEVER_CAPITALISED);
        assert_eq!(never[at("dari")], NEVER_LOWER);
        assert_eq!(never[at("kawasan")], NEVER_LOWER);
        assert_eq!(never[at("Budi")], 0);
        // Left out of the runs, the words that are never a name change no other tag: the pieces
        // are decoded with the transitions from and to O.
        assert_eq!(scratch.tags, every, "{words:?}");
        assert_ne!(scratch.tags[at("Sukamaju")], O as u8);
        assert_ne!(scratch.tags[at("Negeri")], O as u8);
    }

    #[test]
    fn never_names_survive_the_model_file_and_a_version_3_file_has_none() {
        let model = crate::builtin_model();
        assert!(model.lexicon.never_names().count() > 100);
        let bytes = model.to_bytes();
        let again = Model::from_bytes(&bytes).expect("a model");
        assert_eq!(again.to_bytes(), bytes);
        // The same file as version 3 wrote it: no never-a-name section after the lexicon.
        let lexicon = model.lexicon.iter().count();
        let names: usize = model.conventions.iter().map(|c| 4 + c.len()).sum();
        let at = 8 + 4 + 4 + 4 * N_TAGS * (N_TAGS + 1) + 4 + names + 4 + 8 * lexicon;
        let count = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        let mut old = bytes[..at].to_vec();
        old.extend_from_slice(&bytes[at + 4 + 8 * count..]);
        old[8..12].copy_from_slice(&3u32.to_le_bytes());
        let old = Model::from_bytes(&old).expect("a version 3 model");
        assert_eq!(old.lexicon.never_names().count(), 0);
        assert_eq!(old.weights, model.weights);
    }
}
