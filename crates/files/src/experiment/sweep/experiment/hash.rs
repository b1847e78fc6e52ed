//! The identity of an experiment: its resolved file as TOML text (`experiment.toml`) and a
//! stable hash of that text. `sweep.json`, every journal line's checksum, `--resume` and
//! `merge` rely on it, so neither the text nor the hash may change between builds for the
//! same experiment (`tests/experiment_identity.rs` pins both).

use super::ExperimentFile;

/// Bumped when the meaning of the files changes, so an old journal is never resumed by a
/// binary that would read it differently.
const FORMAT_SALT: u64 = 1;

/// FNV-1a, 64 bits: a stable hash (unlike `std`'s, which may change between Rust
/// releases) for identities written to disk.
pub fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The canonical text of a resolved file and its hash (16 hex digits).
pub(super) fn identity(file: &ExperimentFile) -> Result<(String, String), toml::ser::Error> {
    let canonical = toml::to_string(file)?;
    let hash = format!("{:016x}", fnv1a(FORMAT_SALT, canonical.as_bytes()));
    Ok((canonical, hash))
}

#[cfg(test)]
mod tests {
    use super::fnv1a;

    #[test]
    fn fnv1a_is_the_published_function() {
        // FNV-1a 64 test vectors (seed 0 leaves the offset basis as published).
        assert_eq!(fnv1a(0, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(0, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(0, b"foobar"), 0x8594_4171_f739_67e8);
    }
}
