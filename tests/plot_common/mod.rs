#![allow(dead_code)]

pub mod fixture;

use std::path::PathBuf;

/// A fresh, empty directory under Cargo's per-target temporary directory.
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The contents of every `<text>` and `<title>` element of an SVG document, one a line.
pub fn svg_words(svg: &str) -> String {
    let mut out = String::new();
    for tag in ["text", "title"] {
        let open = format!("<{tag}");
        let close = format!("</{tag}>");
        let mut rest = svg;
        while let Some(start) = rest.find(&open) {
            let after = &rest[start..];
            let Some(gt) = after.find('>') else { break };
            let Some(end) = after.find(&close) else { break };
            out.push_str(&after[gt + 1..end]);
            out.push('\n');
            rest = &after[end + close.len()..];
        }
    }
    out.replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}
