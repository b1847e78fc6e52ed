//! A team's customers: satisfaction memories, and the rolling NPS window.

/// Memories of customers who churned today carry this offset until the pool is compacted at
/// the end of the day, so indices stay valid during the day without a second array.
pub const CHURN_FLAG: f32 = 2.0;

/// A team's customer pool: one satisfaction memory in [0, 1] per active customer.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerPool {
    pub memory: Vec<f32>,
}

impl CustomerPool {
    /// A pool of `size` customers with memory `memory`, with room for a quarter more: pools
    /// settle within a few percent of their start in a baseline and up to about 25% above it
    /// under a programme (the default organisation: 8,000 customers at the start, 8,600 in
    /// the baseline's equilibrium, up to 10,000 in the full method's arm). It used to reserve
    /// twice the start plus 16, which at a million employees held 120 MB it never used.
    pub fn new(size: usize, memory: f32) -> Self {
        let mut v = Vec::with_capacity(size + size / 4 + 16);
        v.resize(size, memory);
        CustomerPool { memory: v }
    }

    /// Adds `count` customers with memory `memory`. A pool that outgrows its room grows by an
    /// eighth (not the doubling of `Vec::push`), so a pool that settles above its start holds
    /// little unused room, and growing stays rare.
    pub fn add(&mut self, count: usize, memory: f32) {
        let (len, cap) = (self.memory.len(), self.memory.capacity());
        if len + count > cap {
            self.memory.reserve_exact(count + len / 8 + 16);
        }
        self.memory.resize(len + count, memory);
    }

    pub fn len(&self) -> usize {
        self.memory.len()
    }

    pub fn is_empty(&self) -> bool {
        self.memory.is_empty()
    }

    /// Removes the customers flagged as churned today; returns how many.
    pub fn remove_churned(&mut self) -> usize {
        let before = self.memory.len();
        self.memory.retain(|&m| m < CHURN_FLAG - 0.5);
        before - self.memory.len()
    }

    /// Removes the customers flagged today, given where they are: `at[..flagged]` holds the
    /// index of every flagged customer when `flagged <= at.len()` (each customer is flagged
    /// at most once a day). Same result as [`CustomerPool::remove_churned`], order kept, but
    /// the few survivors' runs are moved in bulk instead of every memory being tested (most
    /// team-days churn one or two customers of hundreds). Relies on unflagged memories
    /// staying below `CHURN_FLAG - 0.5`, which holds because memories stay in [0, 1] (every
    /// memory parameter is checked to lie there); with more flagged customers than `at`
    /// holds it falls back to the scan.
    pub fn remove_churned_at(&mut self, at: &mut [u32], flagged: usize) -> usize {
        if flagged > at.len() {
            return self.remove_churned();
        }
        let at = &mut at[..flagged];
        if at.is_empty() {
            return 0;
        }
        at.sort_unstable();
        let len = self.memory.len();
        let mut write = at[0] as usize;
        for (j, &i) in at.iter().enumerate() {
            debug_assert!(self.memory[i as usize] > CHURN_FLAG - 0.5);
            let from = i as usize + 1;
            let to = at.get(j + 1).map_or(len, |&x| x as usize);
            self.memory.copy_within(from..to, write);
            write += to - from;
        }
        self.memory.truncate(write);
        debug_assert!(self.memory.iter().all(|&m| m < CHURN_FLAG - 0.5));
        flagged
    }
}

/// Promoters, detractors and scored contacts over the last `W` days, kept as running sums so
/// that the NPS of any day costs O(1).
#[derive(Debug, Clone, PartialEq)]
pub struct NpsWindow {
    days: Vec<[u32; 3]>,
    pos: usize,
    pub sums: [u64; 3],
}

impl NpsWindow {
    pub fn new(window: usize) -> Self {
        NpsWindow {
            days: vec![[0; 3]; window.max(1)],
            pos: 0,
            sums: [0; 3],
        }
    }

    /// Where the window's days are, for [`crate::team::Team::prefetch`].
    pub fn days_ptr(&self) -> *const [u32; 3] {
        self.days.as_ptr()
    }

    /// Bytes this window holds on the heap (for the memory budget in BENCHMARKS.md).
    pub fn heap_bytes(&self) -> usize {
        self.days.capacity() * std::mem::size_of::<[u32; 3]>()
    }

    /// Adds today's (promoters, detractors, contacts), dropping the oldest day.
    pub fn push(&mut self, today: [u32; 3]) {
        let old = self.days[self.pos];
        for k in 0..3 {
            self.sums[k] = self.sums[k] + today[k] as u64 - old[k] as u64;
        }
        self.days[self.pos] = today;
        // A compare, not `%`: an integer division every team-day showed in the profile.
        self.pos += 1;
        if self.pos == self.days.len() {
            self.pos = 0;
        }
    }
}

/// NPS = % promoters − % detractors; 0 when nothing was scored.
pub fn nps(promoters: u64, detractors: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * (promoters as f64 - detractors as f64) / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_forgets_days_older_than_its_length() {
        let mut w = NpsWindow::new(2);
        w.push([1, 0, 10]);
        w.push([2, 0, 10]);
        w.push([3, 1, 10]);
        assert_eq!(w.sums, [5, 1, 20]);
    }

    #[test]
    fn removing_flagged_customers_by_index_equals_the_scan() {
        let mut seed = 12345u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        for case in 0..2000 {
            let len = next() % 60;
            let mut a = CustomerPool::new(len, 0.0);
            for m in a.memory.iter_mut() {
                *m = (next() % 1000) as f32 / 1000.0;
            }
            let mut at = [0u32; 8];
            let mut flagged = 0;
            for i in 0..len {
                if next() % 7 == 0 {
                    a.memory[i] += CHURN_FLAG;
                    if flagged < at.len() {
                        at[flagged] = i as u32;
                    }
                    flagged += 1;
                }
            }
            // Indices are recorded in contact order, not sorted.
            at[..flagged.min(8)].reverse();
            let mut b = a.clone();
            assert_eq!(a.remove_churned(), flagged, "case {case}");
            assert_eq!(
                b.remove_churned_at(&mut at, flagged),
                flagged,
                "case {case}"
            );
            assert_eq!(a, b, "case {case}");
        }
    }

    #[test]
    fn a_growing_pool_grows_by_an_eighth_and_keeps_its_customers() {
        let mut p = CustomerPool::new(400, 0.5);
        assert_eq!(p.memory.capacity(), 516);
        p.add(100, 0.7);
        assert_eq!(p.len(), 500);
        assert_eq!(p.memory.capacity(), 516);
        p.add(20, 0.9);
        assert_eq!(p.len(), 520);
        assert!(
            (536..=700).contains(&p.memory.capacity()),
            "{}",
            p.memory.capacity()
        );
        assert_eq!(p.memory[399], 0.5);
        assert_eq!(p.memory[400], 0.7);
        assert_eq!(p.memory[519], 0.9);
    }

    #[test]
    fn nps_is_promoters_minus_detractors_in_percent() {
        assert_eq!(nps(30, 20, 100), 10.0);
        assert_eq!(nps(0, 0, 0), 0.0);
    }
}
