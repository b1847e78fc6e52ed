//! Records the git commit the binary was built from, and whether the working tree had
//! uncommitted changes to tracked files, for `manifest.json` (`git_commit`, `git_dirty`).
//!
//! The paths to watch are asked of git rather than assumed to be `.git/HEAD`: in a linked
//! worktree `.git` is a file and HEAD lives elsewhere, and a watched path that does not exist
//! makes cargo rerun this script, and rebuild the crate, on every build.
//!
//! Dirtiness is rechecked when HEAD, the branch refs or the index change (a commit, a
//! checkout, `git add`) and when the sources the binary is built from change (an edit not yet
//! staged touches no git file): a binary built from edited sources must not say it is clean.
//! Files the binary is not built from (docs, results) are seen at the next rebuild.
use std::path::PathBuf;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    Command::new("git")
        // `git status` would otherwise refresh the index, whose new time would make cargo
        // rerun this script on the next build, and the next.
        .arg("--no-optional-locks")
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
}

/// `git` output that says something: `None` when git fails or prints nothing.
fn git_value(args: &[&str]) -> Option<String> {
    git(args).filter(|s| !s.is_empty())
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
    if let Some(dir) = git_value(&["rev-parse", "--git-dir"]).map(abs) {
        watched.push(dir.join("HEAD"));
    }
    if let Some(index) = git_value(&["rev-parse", "--git-path", "index"]).map(abs) {
        watched.push(index);
    }
    if let Some(common) = git_value(&["rev-parse", "--git-common-dir"]).map(abs) {
        watched.push(common.join("refs").join("heads"));
        watched.push(common.join("packed-refs"));
    }
    watched.retain(|p| p.exists());
    if watched.is_empty() {
        // Not a git checkout (a source archive): the commit cannot change.
        println!("cargo:rerun-if-changed=build.rs");
    } else if let Some(top) = git_value(&["rev-parse", "--show-toplevel"]).map(abs) {
        // What the binary is built from; cargo scans a watched directory recursively.
        for p in [
            "Cargo.toml",
            "Cargo.lock",
            "src",
            "crates",
            "assets",
            "experiments",
        ] {
            watched.push(top.join(p));
        }
        watched.retain(|p| p.exists());
    }
    for p in &watched {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    let commit = git_value(&["rev-parse", "HEAD"]).unwrap_or_default();
    println!("cargo:rustc-env=UNDERCURRENT_GIT_COMMIT={commit}");
    // Empty when unknown (no commit, or git unavailable): the manifest then leaves it out.
    let dirty = if commit.is_empty() {
        String::new()
    } else {
        git(&["status", "--porcelain", "--untracked-files=no"])
            .map(|s| (!s.is_empty()).to_string())
            .unwrap_or_default()
    };
    println!("cargo:rustc-env=UNDERCURRENT_GIT_DIRTY={dirty}");
}
