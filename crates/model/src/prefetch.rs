//! Cache hints: ask the CPU to start loading memory the step will touch soon.

/// Hints the CPU to fetch the cache line holding `p`. Never faults, whatever `p` points at;
/// a no-op off x86-64.
#[inline(always)]
pub fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint; it reads nothing architecturally and cannot fault.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Prefetches `bytes` bytes from `p` on, at most `limit` of them.
#[inline]
pub fn prefetch_range<T>(p: *const T, bytes: usize, limit: usize) {
    let p = p as *const u8;
    for off in (0..bytes.min(limit)).step_by(64) {
        prefetch(p.wrapping_add(off));
    }
}
