//! A sweep killed with SIGKILL and restarted with `--resume` loses and duplicates no run,
//! and writes files byte-identical to an uninterrupted sweep.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXP: &str = "tests/fixtures/sweep_resume.toml";
const RUNS: usize = 20 * 30;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_undercurrent"))
}

fn journal_lines(dir: &Path) -> usize {
    std::fs::read(dir.join("runs.journal"))
        .map(|b| b.iter().filter(|&&c| c == b'\n').count())
        .unwrap_or(0)
}

fn sweep(dir: &Path, extra: &[&str]) -> String {
    let o = bin()
        .args(["sweep", EXP, "--out"])
        .arg(dir)
        .args(extra)
        .output()
        .expect("binary runs");
    assert!(
        o.status.success(),
        "sweep failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Starts a sweep and kills it (SIGKILL) once `at_least` runs are in its journal.
fn start_and_kill(dir: &Path, at_least: usize, extra: &[&str]) -> usize {
    let mut child = bin()
        .args(["sweep", EXP, "--out"])
        .arg(dir)
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts");
    let t0 = Instant::now();
    while journal_lines(dir) < at_least {
        assert!(
            t0.elapsed() < Duration::from_secs(120),
            "the sweep made no progress"
        );
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the sweep ended ({status}) before it could be killed");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on Unix.
    child.wait().expect("reaped");
    journal_lines(dir)
}

#[test]
fn a_killed_sweep_resumes_to_byte_identical_files() {
    let base = std::env::temp_dir().join(format!("uc-resume-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let (whole, killed) = (base.join("whole"), base.join("killed"));
    sweep(&whole, &["--threads", "2"]);

    // Kill twice: once early, once later in the resumed sweep, with different thread
    // counts; then fake a torn last line (a write cut short) before the final resume.
    let first = start_and_kill(&killed, 40, &["--threads", "2"]);
    assert!(
        first < RUNS,
        "killed too late to test anything ({first} runs)"
    );
    assert!(!killed.join("manifest.json").exists());
    assert!(!killed.join("runs.csv").exists());
    let second = start_and_kill(&killed, first + 100, &["--threads", "1", "--resume"]);
    assert!(second < RUNS, "killed too late ({second} runs)");
    let journal = killed.join("runs.journal");
    let text = std::fs::read(&journal).unwrap();
    let last_line = text[..text.len() - 1]
        .iter()
        .rposition(|&c| c == b'\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    let mut torn = text.clone();
    torn.extend_from_slice(&text[last_line..last_line + (text.len() - last_line) / 2]);
    std::fs::write(&journal, torn).unwrap();

    let out = sweep(&killed, &["--threads", "2", "--resume"]);
    let resumed: usize = out
        .split('(')
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no resumed count in {out:?}"));
    assert_eq!(resumed, second, "{out}");

    for f in [
        "runs.csv",
        "points.csv",
        "timeseries.csv",
        "manifest.json",
        "experiment.toml",
    ] {
        let a = std::fs::read(whole.join(f)).unwrap();
        let b = std::fs::read(killed.join(f)).unwrap();
        assert!(a == b, "{f} differs after kill and resume");
    }
    // No run lost or duplicated: every (point, replication) exactly once, in order.
    let runs = std::fs::read_to_string(killed.join("runs.csv")).unwrap();
    let keys: Vec<(usize, usize)> = runs
        .lines()
        .skip(1)
        .map(|l| {
            let mut f = l.split(',');
            (
                f.next().unwrap().parse().unwrap(),
                f.next().unwrap().parse().unwrap(),
            )
        })
        .collect();
    let want: Vec<(usize, usize)> = (0..RUNS).map(|i| (i / 30, i % 30)).collect();
    assert_eq!(keys, want);
    assert_eq!(journal_lines(&killed), RUNS);
    let _ = std::fs::remove_dir_all(&base);
}
