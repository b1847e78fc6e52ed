//! Records the git commit the binary was built from, for `manifest.json`.
//!
//! The paths to watch are asked of git rather than assumed to be `.git/HEAD`: in a linked
//! worktree `.git` is a file and HEAD lives elsewhere, and a watched path that does not exist
//! makes cargo rerun this script, and rebuild the crate, on every build.
use std::path::PathBuf;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    Command::new("git")
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let abs = |p: String| {
        let p = PathBuf::from(p);
        if p.is_absolute() {
            p
        } else {
            root.join(p)
        }
    };
    let mut watched = Vec::new();
    if let Some(dir) = git(&["rev-parse", "--git-dir"]).map(abs) {
        watched.push(dir.join("HEAD"));
    }
    if let Some(common) = git(&["rev-parse", "--git-common-dir"]).map(abs) {
        watched.push(common.join("refs").join("heads"));
        watched.push(common.join("packed-refs"));
    }
    watched.retain(|p| p.exists());
    if watched.is_empty() {
        // Not a git checkout (a source archive): the commit cannot change.
        println!("cargo:rerun-if-changed=build.rs");
    }
    for p in &watched {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    let commit = git(&["rev-parse", "HEAD"]).unwrap_or_default();
    println!("cargo:rustc-env=UNDERCURRENT_GIT_COMMIT={commit}");
}
