//! A small least-recently-used map bounded by a total cost (estimated bytes, for burned-in
//! organisations; entries, for finished results). Linear scans: it holds at most a few
//! hundred entries, and a scan costs nothing next to one simulated day.

use std::sync::Arc;

#[derive(Debug)]
pub struct Lru<K, V> {
    /// Most recently used last.
    entries: Vec<(K, Arc<V>, usize)>,
    capacity: usize,
    total: usize,
}

impl<K: PartialEq, V> Lru<K, V> {
    /// A map whose entries' costs add up to at most `capacity`.
    pub fn new(capacity: usize) -> Self {
        Lru {
            entries: Vec::new(),
            capacity,
            total: 0,
        }
    }

    pub fn get(&mut self, key: &K) -> Option<Arc<V>> {
        let i = self.entries.iter().position(|(k, _, _)| k == key)?;
        let e = self.entries.remove(i);
        let v = Arc::clone(&e.1);
        self.entries.push(e);
        Some(v)
    }

    /// Whether `key` is kept (without counting as a use).
    pub fn contains(&self, key: &K) -> bool {
        self.entries.iter().any(|(k, _, _)| k == key)
    }

    /// Inserts (or replaces) and evicts the least recently used entries until the costs fit.
    /// An entry costlier than the whole capacity is not kept.
    pub fn insert(&mut self, key: K, value: Arc<V>, cost: usize) {
        if let Some(i) = self.entries.iter().position(|(k, _, _)| *k == key) {
            let (_, _, c) = self.entries.remove(i);
            self.total -= c;
        }
        if cost > self.capacity {
            return;
        }
        while self.total + cost > self.capacity && !self.entries.is_empty() {
            let (_, _, c) = self.entries.remove(0);
            self.total -= c;
        }
        self.total += cost;
        self.entries.push((key, value, cost));
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evicts_least_recently_used_by_cost() {
        let mut c = Lru::new(10);
        c.insert("a", Arc::new(1), 4);
        c.insert("b", Arc::new(2), 4);
        assert_eq!(c.get(&"a").as_deref(), Some(&1));
        c.insert("c", Arc::new(3), 4);
        assert!(c.get(&"b").is_none(), "b was least recently used");
        assert!(c.get(&"a").is_some());
        c.insert("huge", Arc::new(4), 11);
        assert!(c.get(&"huge").is_none());
        assert_eq!(c.len(), 2);
        c.insert("a", Arc::new(5), 2);
        assert_eq!(c.get(&"a").as_deref(), Some(&5));
        assert_eq!(c.len(), 2);
    }
}
