#!/usr/bin/env python3
"""spaCy's side of scripts/bench.sh: the blank Indonesian tokenizer + sentencizer, and a
Matcher-based direct-quote finder (quote, text, quote, cue word), over the same corpus.

  scripts/bench_spacy.py CORPUS.jsonl KUTIP_SECONDS
"""
import json
import sys
import time

import spacy
from spacy.matcher import Matcher

corpus, kutip_secs = sys.argv[1], float(sys.argv[2])
texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
mb = sum(len(t.encode()) for t in texts) / 1e6
nlp = spacy.blank("id")
nlp.add_pipe("sentencizer")

t = time.perf_counter()
for doc in nlp.tokenizer.pipe(texts, batch_size=256):
    pass
tok = time.perf_counter() - t
print(f"spaCy tokenizer:                   {tok:8.2f} s {mb / tok:9.1f} MB/s")

matcher = Matcher(nlp.vocab)
marks = ["“", "”", '"']
cues = ["kata", "ujar", "ucap", "tutur", "katanya", "ujarnya", "ucapnya", "tuturnya"]
matcher.add("QUOTE", [[{"ORTH": {"IN": marks}}, {"ORTH": {"NOT_IN": marks}, "OP": "+"},
                       {"ORTH": {"IN": marks}}, {"LOWER": {"IN": cues}}]], greedy="LONGEST")
t = time.perf_counter()
found = 0
for doc in nlp.pipe(texts, batch_size=256):
    found += len(matcher(doc))
full = time.perf_counter() - t
print(f"spaCy tokenizer+sentencizer+Matcher: {full:6.2f} s {mb / full:9.1f} MB/s ({found} quotes)")
print(f"ratio: kutip default pipeline (1 thread) is {full / kutip_secs:.1f}x faster than spaCy tokenizer+Matcher")
