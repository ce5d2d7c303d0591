#!/usr/bin/env bash
# Tokenizer throughput, single thread: builds a ~50 MB corpus under target/ (never committed) from
# the PFSA-ID dev text (or, without ../shared, from tests/fixtures), then prints MB/s and tokens/s
# for the tokenizer alone and with sentence splitting, next to a naive split-on-white-space-and-
# punctuation loop measured in the same run. When Python has spaCy, times spacy.blank("id")'s
# tokenizer on the same text and prints the ratio.
#
#   scripts/bench-tokenizer.sh            # MB=50 ROUNDS=5 by default
#   MB=10 ROUNDS=3 scripts/bench-tokenizer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${MB:-50}
ROUNDS=${ROUNDS:-5}
GOLD=${KUTIP_PFSA_DEV:-../shared/eval/pfsa-id/dev-40.conll}
CORPUS=target/bench-corpus.txt
SPACY_MB=${SPACY_MB:-5}

cargo build --quiet --release -p kutip-tokenize --example throughput
BIN=target/release/examples/throughput

if [ ! -f "$CORPUS" ] || [ "$(stat -c %s "$CORPUS")" -lt $((MB * 1000000)) ]; then
  if [ -f "$GOLD" ]; then
    "$BIN" --build "$GOLD" --mb "$MB" "$CORPUS"
  else
    echo "$GOLD is absent: building the corpus from tests/fixtures"
    : > "$CORPUS"
    while [ "$(stat -c %s "$CORPUS")" -lt $((MB << 20)) ]; do
      for f in tests/fixtures/*.txt; do cat "$f"; printf '\n\n'; done >> "$CORPUS"
    done
  fi
fi

OUT=$("$BIN" "$CORPUS" "$ROUNDS")
echo "$OUT"

if python3 -c 'import spacy' 2>/dev/null; then
  OURS=$(echo "$OUT" | awk '$1 == "tokenizer" && $2 != "+" { print $2 }')
  python3 - "$CORPUS" "$SPACY_MB" "$OURS" <<'PY'
import sys, time, spacy
path, mb, ours = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
text = open(path, encoding="utf-8").read()[: int(mb * 1e6)]
# Paragraph by paragraph (spaCy is faster on short texts than on whole articles), best of two
# passes (the second profits from spaCy's cache of known words).
paragraphs = [p for p in text.split("\n") if p.strip()]
nlp = spacy.blank("id")
size = sum(len(p.encode("utf-8")) for p in paragraphs) / 1e6
secs = float("inf")
for _ in range(2):
    start = time.perf_counter()
    tokens = sum(len(nlp.tokenizer(p)) for p in paragraphs)
    secs = min(secs, time.perf_counter() - start)
print(f"{'spaCy blank(id) tokenizer':<28} {size / secs:>8.1f} MB/s {tokens / secs / 1e6:>8.2f} M tokens/s"
      f"   (first {size:.1f} MB; spaCy {spacy.__version__})")
print(f"tokenizer / spaCy: {ours / (size / secs):.0f}x")
PY
else
  echo "spaCy is not installed (pip install spacy): skipping the spaCy comparison"
fi
