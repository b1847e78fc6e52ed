//! The binary as a test drives it: a command, its output when it must succeed, a sweep, and
//! a CSV file as its header and rows of text.

use std::path::Path;
use std::process::{Command, Output};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_undercurrent"))
}

/// Runs `cmd`, failing the test with its stderr unless it succeeds.
pub fn ok(cmd: &mut Command) -> Output {
    let o = cmd.output().expect("binary runs");
    assert!(
        o.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// `undercurrent sweep EXP --out OUT EXTRA...`, which must succeed.
pub fn sweep(exp: &Path, out: &Path, extra: &[&str]) -> Output {
    ok(bin()
        .arg("sweep")
        .arg(exp)
        .arg("--out")
        .arg(out)
        .args(extra))
}

/// A CSV file's header and rows, every cell as text.
pub fn csv_rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}
