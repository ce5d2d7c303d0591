//! Look-ups the rules make many times per document, answered by binary search over sorted spans
//! or by tables computed once, so that a document's work grows with its length, not with its
//! length squared (a 4 MB document holds thousands of quotes and entities).

use kutip_core::{Document, Entity, Span};

/// The document's entities in position order, with the furthest end reached so far, so that
/// "the first entity overlapping this span" and "the last entity before this point" are binary
/// searches.
pub struct Entities<'a> {
    entities: &'a [Entity],
    /// Entity indices sorted by (start, end); the identity when the stage wrote them sorted.
    order: Vec<u32>,
    /// `reach[i]`: the largest end among `order[..=i]`.
    reach: Vec<u32>,
}

impl<'a> Entities<'a> {
    /// Indexes `doc`'s entities.
    pub fn new(doc: &'a Document) -> Entities<'a> {
        let entities = doc.entities.as_slice();
        let mut order: Vec<u32> = (0..entities.len() as u32).collect();
        let key = |&i: &u32| {
            let s = entities[i as usize].span;
            (s.start, s.end)
        };
        if !order.is_sorted_by_key(key) {
            order.sort_by_key(key);
        }
        let mut reach = Vec::with_capacity(order.len());
        let mut far = 0;
        for &i in &order {
            far = far.max(entities[i as usize].span.end);
            reach.push(far);
        }
        Entities {
            entities,
            order,
            reach,
        }
    }

    fn at(&self, i: usize) -> (usize, &'a Entity) {
        let k = self.order[i] as usize;
        (k, &self.entities[k])
    }

    /// The first entity, in position order, lying inside `start..end` and accepted by `keep`.
    pub fn first_inside(
        &self,
        start: u32,
        end: u32,
        keep: impl Fn(&Entity) -> bool,
    ) -> Option<&'a Entity> {
        let from = self
            .order
            .partition_point(|&i| self.entities[i as usize].span.start < start);
        (from..self.order.len())
            .map(|i| self.at(i).1)
            .take_while(|e| e.span.start < end)
            .find(|e| e.span.end <= end && keep(e))
    }

    /// The last entity, in position order, lying inside `span` and accepted by `keep`.
    pub fn last_inside(&self, span: Span, keep: impl Fn(&Entity) -> bool) -> Option<&'a Entity> {
        let to = self
            .order
            .partition_point(|&i| self.entities[i as usize].span.start < span.end);
        (0..to)
            .rev()
            .map(|i| self.at(i).1)
            .take_while(|e| e.span.start >= span.start)
            .find(|e| e.span.end <= span.end && keep(e))
    }

    /// The first entity, in position order, overlapping `span` and accepted by `keep`.
    pub fn first_overlapping(&self, span: Span, keep: impl Fn(&Entity) -> bool) -> Option<usize> {
        // Entities before `from` all end at or before `span.start`.
        let from = self.reach.partition_point(|&r| r <= span.start);
        (from..self.order.len())
            .map(|i| self.at(i))
            .take_while(|(_, e)| e.span.start < span.end)
            .find(|(_, e)| e.span.overlaps(span) && keep(e))
            .map(|(k, _)| k)
    }

    /// The last entity, in position order, ending at or before `at` and accepted by `keep`.
    pub fn last_before(
        &self,
        at: u32,
        keep: impl Fn(&Entity) -> bool,
    ) -> Option<(usize, &'a Entity)> {
        // Entities from `to` on start at or after `at`, so they end after it.
        let to = self
            .order
            .partition_point(|&i| self.entities[i as usize].span.start < at);
        (0..to)
            .rev()
            .map(|i| self.at(i))
            .find(|(_, e)| e.span.end <= at && keep(e))
    }
}

/// Spans (of direct quotes) sorted by start, with the furthest end reached so far: does a span
/// overlap any of them?
pub struct SpanSet {
    starts: Vec<u32>,
    reach: Vec<u32>,
}

impl SpanSet {
    /// Indexes `spans`, in any order.
    pub fn new(mut spans: Vec<Span>) -> SpanSet {
        spans.sort_by_key(|s| (s.start, s.end));
        let mut far = 0;
        let reach = spans
            .iter()
            .map(|s| {
                far = far.max(s.end);
                far
            })
            .collect();
        SpanSet {
            starts: spans.iter().map(|s| s.start).collect(),
            reach,
        }
    }

    /// True when `span` shares a byte with one of the spans.
    pub fn overlaps(&self, span: Span) -> bool {
        // Among the spans starting before `span` ends, does one end after it starts?
        let n = self.starts.partition_point(|&s| s < span.end);
        n > 0 && self.reach[n - 1] > span.start
    }
}

/// Which tokens lie inside (or on the marks of) a direct quote, as one table of the next quoted
/// token from each token, so that "is token k quoted", "is any token of this range quoted" and
/// "where does the next quoted token start" all take constant time.
pub struct Quoted {
    /// `next[k]`: the first quoted token at or after `k` (the token count when none), for
    /// `k` up to the token count. (One table for all three questions: a running count of the
    /// quoted tokens and the flags themselves, kept before, cost a second pass a document.)
    next: Vec<u32>,
}

impl Quoted {
    /// From one flag per token.
    pub fn new(flags: &[bool]) -> Quoted {
        let n = flags.len();
        let mut next = vec![n as u32; n + 1];
        let mut first = n as u32;
        for (k, (slot, &q)) in next[..n].iter_mut().zip(flags).enumerate().rev() {
            if q {
                first = k as u32;
            }
            *slot = first;
        }
        Quoted { next }
    }

    /// The number of tokens.
    fn len(&self) -> usize {
        self.next.len() - 1
    }

    /// True when token `k` is quoted (false past the end).
    pub fn at(&self, k: usize) -> bool {
        k < self.len() && self.next[k] as usize == k
    }

    /// True when any token of `s..e` is quoted.
    pub fn any(&self, s: usize, e: usize) -> bool {
        let e = e.min(self.len());
        s < e && (self.next[s] as usize) < e
    }

    /// The first quoted token in `from..to`, else `to`.
    pub fn cut(&self, from: usize, to: usize) -> usize {
        if from >= to {
            return to;
        }
        (self.next[from.min(self.len())] as usize).min(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    #[test]
    fn span_set_answers_like_a_scan() {
        let spans = vec![span(10, 20), span(5, 8), span(30, 60), span(35, 40)];
        let set = SpanSet::new(spans.clone());
        for s in 0..70 {
            for e in s..70 {
                let q = span(s, e);
                let scan = spans.iter().any(|x| x.overlaps(q));
                assert_eq!(set.overlaps(q), scan, "{q:?}");
            }
        }
    }

    #[test]
    fn quoted_counts_and_cuts() {
        let q = Quoted::new(&[false, true, false, false, true, false]);
        assert!(q.at(1) && q.at(4));
        assert!(!q.at(0) && !q.at(2) && !q.at(5));
        assert!(q.any(0, 2));
        assert!(q.any(4, 9));
        assert!(!q.any(5, 9));
        assert!(!q.any(2, 4));
        assert!(!q.any(3, 3));
        assert_eq!(q.cut(2, 6), 4);
        assert_eq!(q.cut(2, 3), 3);
        assert_eq!(q.cut(5, 6), 6);
        assert!(!q.at(9));
    }
}
