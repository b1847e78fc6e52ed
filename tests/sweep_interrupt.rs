//! Ctrl-C (SIGINT) during a sweep keeps every finished run: `--resume` completes the sweep
//! to files byte-identical to an uninterrupted one.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXP: &str = "tests/fixtures/sweep_resume.toml";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_undercurrent"))
}

fn journal_lines(dir: &Path) -> usize {
    std::fs::read(dir.join("runs.journal"))
        .map(|b| b.iter().filter(|&&c| c == b'\n').count())
        .unwrap_or(0)
}

fn sweep(dir: &Path, extra: &[&str]) {
    let o = bin()
        .args(["sweep", EXP, "--out"])
        .arg(dir)
        .args(extra)
        .output()
        .expect("binary runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn ctrl_c_keeps_finished_runs_and_the_sweep_resumes() {
    let base = std::env::temp_dir().join(format!("uc-sigint-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let (whole, stopped) = (base.join("whole"), base.join("stopped"));
    sweep(&whole, &[]);

    let mut child = bin()
        .args(["sweep", EXP, "--out"])
        .arg(&stopped)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts");
    let t0 = Instant::now();
    while journal_lines(&stopped) < 60 {
        assert!(t0.elapsed() < Duration::from_secs(120), "no progress");
        if let Ok(Some(s)) = child.try_wait() {
            panic!("the sweep ended ({s}) before Ctrl-C");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    // What a terminal sends on Ctrl-C; `kill` is a builtin of every POSIX shell.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("kill -INT {}", child.id()))
        .status()
        .expect("sh runs");
    assert!(status.success());
    child.wait().expect("reaped");
    let kept = journal_lines(&stopped);
    assert!(kept >= 60, "finished runs were lost ({kept})");
    assert!(
        !stopped.join("manifest.json").exists(),
        "no complete-looking result"
    );

    sweep(&stopped, &["--resume"]);
    for f in ["runs.csv", "points.csv", "manifest.json"] {
        let a = std::fs::read(whole.join(f)).unwrap();
        let b = std::fs::read(stopped.join(f)).unwrap();
        assert!(a == b, "{f} differs after Ctrl-C and --resume");
    }
    let _ = std::fs::remove_dir_all(&base);
}
