//! Sweeps as Slurm job arrays, against a real Slurm: `experiments/slurm/submit.sh` submits
//! the array (one shard per task) and the dependent merge; the merged files must be the
//! files of the same sweep on one machine, byte for byte. A task that fails (its shard
//! directory blocked) or is cancelled while running (its journal partial) keeps the merge
//! from running; `merge` refuses the incomplete shards, naming them; the task re-run alone
//! (resuming its shard) and a new merge give the same bytes again.
//!
//! Runs only with `UNDERCURRENT_SLURM=1` (`.ci/run` sets it after `.ci/slurm.sh up DIR` and
//! exports `SLURM_CONF`); without it every test here prints that it is skipped and passes.
//! With it, a Slurm that does not answer is a failure, not a skip.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_undercurrent");
const FIXTURE: &str = "tests/fixtures/sweep_slurm.toml";
const SCRIPTS: &str = "experiments/slurm";
/// How long a submission may take to finish before the test fails with the Slurm logs.
const TIMEOUT: Duration = Duration::from_secs(240);
/// Files of a sweep directory that are not part of the byte-identical promise.
const NOT_COMPARED: [&str; 3] = ["runs.journal", "sweep.json", "timing.json"];

/// True when the Slurm tests are to run; a skip is printed past the test harness's capture.
fn enabled(test: &str) -> bool {
    if std::env::var("UNDERCURRENT_SLURM").as_deref() != Ok("1") {
        let _ = writeln!(
            std::io::stderr(),
            "skipped {test}: set UNDERCURRENT_SLURM=1 with a Slurm running (.ci/slurm.sh up DIR; export SLURM_CONF=DIR/slurm.conf)"
        );
        return false;
    }
    static REACHABLE: OnceLock<Result<(), String>> = OnceLock::new();
    let r = REACHABLE.get_or_init(|| {
        let ping = Command::new("scontrol").arg("ping").output();
        let info = Command::new("sinfo")
            .args(["-h", "-o", "%P %D %t"])
            .output();
        match (ping, info) {
            (Ok(p), Ok(i))
                if p.status.success()
                    && String::from_utf8_lossy(&p.stdout).contains("UP")
                    && String::from_utf8_lossy(&i.stdout)
                        .split_whitespace()
                        .any(|s| ["idle", "mix", "alloc"].contains(&s)) =>
            {
                Ok(())
            }
            (p, i) => Err(format!("scontrol ping: {p:?}\nsinfo: {i:?}")),
        }
    });
    if let Err(e) = r {
        panic!(
            "UNDERCURRENT_SLURM=1 but Slurm is not reachable (SLURM_CONF={:?}); start it with .ci/slurm.sh up DIR\n{e}",
            std::env::var("SLURM_CONF").ok()
        );
    }
    true
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("uc-slurm-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn p(x: &Path) -> &str {
    x.to_str().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn run(program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .env("UNDERCURRENT_BIN", BIN)
        .output()
        .unwrap_or_else(|e| panic!("{program} {args:?}: {e}"))
}

/// A sweep on one machine: the reference for the merged files.
fn single(exp: &Path, out: &Path) {
    let o = run(BIN, &["sweep", p(exp), "--out", p(out), "--threads", "2"]);
    assert!(o.status.success(), "single sweep: {}", text(&o.stderr));
}

struct Submitted {
    array: String,
    merge: String,
}

/// `submit.sh [extra] EXPERIMENT 3 ROOT`; the job ids from what it prints.
fn submit(exp: &Path, root: &Path, extra: &[&str]) -> Submitted {
    let script = format!("{SCRIPTS}/submit.sh");
    let mut args = vec![script.as_str(), "--bin", BIN];
    args.extend_from_slice(extra);
    args.extend_from_slice(&[p(exp), "3", p(root)]);
    let o = run("bash", &args);
    let out = text(&o.stdout);
    assert!(
        o.status.success(),
        "submit.sh failed: {}{out}",
        text(&o.stderr)
    );
    let id = |prefix: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .and_then(|r| r.split_whitespace().next())
            .unwrap_or_else(|| panic!("no '{prefix}' in submit.sh's output:\n{out}"))
            .to_string()
    };
    Submitted {
        array: id("submitted array job "),
        merge: id("submitted merge job "),
    }
}

/// One record of `scontrol show job -o`: an array task or a plain job.
#[derive(Debug, Clone)]
struct Job {
    task: Option<u32>,
    state: String,
    reason: String,
}

fn jobs(id: &str) -> Vec<Job> {
    let o = run("scontrol", &["show", "job", "-o", id]);
    assert!(
        o.status.success(),
        "scontrol show job {id}: {}",
        text(&o.stderr)
    );
    text(&o.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let field = |k: &str| {
                l.split_whitespace()
                    .find_map(|t| t.strip_prefix(k))
                    .unwrap_or("")
                    .to_string()
            };
            Job {
                task: field("ArrayTaskId=").parse().ok(),
                state: field("JobState="),
                reason: field("Reason="),
            }
        })
        .collect()
}

fn finished(state: &str) -> bool {
    [
        "COMPLETED",
        "FAILED",
        "CANCELLED",
        "TIMEOUT",
        "NODE_FAIL",
        "OUT_OF_MEMORY",
        "BOOT_FAIL",
        "DEADLINE",
        "PREEMPTED",
    ]
    .contains(&state)
}

/// States of the array's tasks by task number, after every task and the merge finished.
fn wait(s: &Submitted, root: &Path) -> (BTreeMap<u32, String>, Job) {
    let t0 = Instant::now();
    loop {
        let array = jobs(&s.array);
        let merge = jobs(&s.merge);
        if array.iter().chain(&merge).all(|j| finished(&j.state)) {
            let tasks = array
                .iter()
                .map(|j| (j.task.expect("an array task"), j.state.clone()))
                .collect();
            return (tasks, merge[0].clone());
        }
        if t0.elapsed() > TIMEOUT {
            panic!(
                "jobs {} and {} not finished after {TIMEOUT:?}\n{}",
                s.array,
                s.merge,
                diagnostics(s, root)
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The jobs, the queue, the jobs' logs and the tails of the daemons' logs.
fn diagnostics(s: &Submitted, root: &Path) -> String {
    let mut d = String::new();
    for id in [&s.array, &s.merge] {
        let o = run("scontrol", &["show", "job", "-o", id]);
        d += &format!("--- scontrol show job {id}\n{}\n", text(&o.stdout));
    }
    d += &format!("--- squeue\n{}\n", text(&run("squeue", &[]).stdout));
    if let Ok(rd) = std::fs::read_dir(root.join("logs")) {
        let mut logs: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        logs.sort();
        for l in logs {
            d += &format!(
                "--- {}\n{}\n",
                l.display(),
                std::fs::read_to_string(&l).unwrap_or_default()
            );
        }
    }
    let config = text(&run("scontrol", &["show", "config"]).stdout);
    for key in ["SlurmctldLogFile", "SlurmdLogFile"] {
        let path = config
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split('=').nth(1))
            .map(str::trim);
        if let Some(path) = path {
            let log = std::fs::read_to_string(path).unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            d += &format!("--- last lines of {path}\n");
            for l in tail.into_iter().rev() {
                d += l;
                d += "\n";
            }
        }
    }
    d
}

fn log(root: &Path, s: &Submitted, task: u32) -> String {
    let f = root
        .join("logs")
        .join(format!("sweep-{}_{task}.out", s.array));
    std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{f:?}: {e}"))
}

/// Relative paths of the files under `dir`, recursively, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let path = e.path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                out.push(path.strip_prefix(base).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The merged directory holds exactly the single-machine sweep's files (but its journal,
/// state and timing), each byte-identical.
fn same_as_single(single: &Path, merged: &Path) {
    let expected: Vec<PathBuf> = files(single)
        .into_iter()
        .filter(|f| !NOT_COMPARED.iter().any(|n| f == Path::new(n)))
        .collect();
    for f in [
        "runs.csv",
        "points.csv",
        "timeseries.csv",
        "sensitivity.csv",
        "manifest.json",
        "experiment.toml",
        "report.html",
    ] {
        assert!(
            expected.contains(&PathBuf::from(f)),
            "{f} missing in {single:?}"
        );
    }
    assert_eq!(files(merged), expected, "files of {merged:?}");
    for f in &expected {
        let a = std::fs::read(single.join(f)).unwrap();
        let b = std::fs::read(merged.join(f)).unwrap();
        assert!(a == b, "{f:?} differs between {single:?} and {merged:?}");
    }
}

/// `merge.sbatch 3 ROOT` outside Slurm: must refuse (exit 2) with `expect` in its message.
fn merge_refuses(root: &Path, expect: &[&str]) {
    let script = format!("{SCRIPTS}/merge.sbatch");
    let o = run("bash", &[&script, "3", p(root)]);
    let e = text(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "merge.sbatch: {e}");
    for x in expect {
        assert!(e.contains(x), "merge.sbatch's message lacks '{x}': {e}");
    }
    assert!(!root.join("merged").join("manifest.json").exists());
}

fn lines(f: &Path) -> usize {
    std::fs::read_to_string(f)
        .map(|t| t.lines().count())
        .unwrap_or(0)
}

/// The tiny experiment in `base` and its sweep on one machine.
fn tiny(base: &Path) -> (PathBuf, PathBuf) {
    let exp = base.join("exp.toml");
    std::fs::copy(FIXTURE, &exp).unwrap();
    let one = base.join("single");
    single(&exp, &one);
    (exp, one)
}

#[test]
fn an_array_of_three_shards_merges_into_the_single_machine_files() {
    if !enabled("an_array_of_three_shards_merges_into_the_single_machine_files") {
        return;
    }
    let base = tmp("array");
    let (exp, one) = tiny(&base);
    let root = base.join("cluster");
    let t0 = Instant::now();
    let s = submit(&exp, &root, &[]);
    let (tasks, merge) = wait(&s, &root);
    let all_done = tasks.len() == 3 && tasks.values().all(|st| st == "COMPLETED");
    assert!(
        all_done && merge.state == "COMPLETED",
        "tasks {tasks:?}, merge {merge:?}\n{}",
        diagnostics(&s, &root)
    );
    let _ = writeln!(
        std::io::stderr(),
        "slurm: array of 3 shards and merge finished in {:.1} s",
        t0.elapsed().as_secs_f64()
    );
    // Each task ran its own shard: together every run once.
    let journals: usize = (1..=3)
        .map(|i| lines(&root.join(format!("shard-{i}")).join("runs.journal")))
        .sum();
    assert_eq!(journals, 80);
    same_as_single(&one, &root.join("merged"));
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn a_failed_task_is_rerun_alone_and_the_merge_then_succeeds() {
    if !enabled("a_failed_task_is_rerun_alone_and_the_merge_then_succeeds") {
        return;
    }
    let base = tmp("failed");
    let (exp, one) = tiny(&base);
    let root = base.join("cluster");
    std::fs::create_dir(&root).unwrap();
    // Task 2 cannot create its shard directory: a file is in the way.
    let blocker = root.join("shard-2");
    std::fs::write(&blocker, "not a directory: blocks shard 2\n").unwrap();
    let s = submit(&exp, &root, &[]);
    let (tasks, merge) = wait(&s, &root);
    let want: BTreeMap<u32, String> = [(1, "COMPLETED"), (2, "FAILED"), (3, "COMPLETED")]
        .into_iter()
        .map(|(t, st)| (t, st.to_string()))
        .collect();
    assert_eq!(tasks, want, "{}", diagnostics(&s, &root));
    assert!(log(&root, &s, 2).contains("Not a directory"));
    // afterok: the merge never ran; Slurm cancelled it.
    assert_eq!(
        (merge.state.as_str(), merge.reason.as_str()),
        ("CANCELLED", "DependencyNeverSatisfied"),
        "{}",
        diagnostics(&s, &root)
    );
    assert!(!root.join("merged").exists());
    merge_refuses(&root, &["shard 2/3 is missing"]);

    // The cause removed, task 2 alone and a new merge.
    std::fs::remove_file(&blocker).unwrap();
    let again = submit(&exp, &root, &["--tasks", "2"]);
    let (tasks, merge) = wait(&again, &root);
    assert!(
        tasks.keys().copied().collect::<Vec<_>>() == [2]
            && tasks[&2] == "COMPLETED"
            && merge.state == "COMPLETED",
        "tasks {tasks:?}, merge {merge:?}\n{}",
        diagnostics(&again, &root)
    );
    same_as_single(&one, &root.join("merged"));
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn a_task_cancelled_while_running_resumes_its_shard_when_rerun() {
    if !enabled("a_task_cancelled_while_running_resumes_its_shard_when_rerun") {
        return;
    }
    // A larger organisation: a shard takes seconds, long enough to cancel task 2 after its
    // first journalled run and before its last.
    let base = tmp("cancelled");
    let fixture = std::fs::read_to_string(FIXTURE).unwrap();
    let src = fixture.replace("employees = 12\n", "employees = 2000\n");
    assert_ne!(src, fixture);
    let exp = base.join("exp.toml");
    std::fs::write(&exp, src).unwrap();
    let one = base.join("single");
    single(&exp, &one);
    let root = base.join("cluster");
    let s = submit(&exp, &root, &[]);
    let journal = root.join("shard-2").join("runs.journal");
    let t0 = Instant::now();
    while lines(&journal) == 0 {
        if t0.elapsed() > TIMEOUT {
            panic!(
                "task 2 journalled no run in {TIMEOUT:?}\n{}",
                diagnostics(&s, &root)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let task = format!("{}_2", s.array);
    let o = run("scancel", &[&task]);
    assert!(o.status.success(), "scancel {task}: {}", text(&o.stderr));
    let (tasks, merge) = wait(&s, &root);
    assert_eq!(
        tasks.get(&2).map(String::as_str),
        Some("CANCELLED"),
        "{}",
        diagnostics(&s, &root)
    );
    assert_eq!(merge.state, "CANCELLED", "{}", diagnostics(&s, &root));
    // Points 1, 4, ..., 37 (13 of 40) x 2 replications belong to shard 2/3.
    let done = lines(&journal);
    assert!(
        done > 0 && done < 26,
        "task 2 was cancelled after {done} of 26 runs"
    );
    merge_refuses(&root, &["shard 2/3", "lacks", "of its 26 runs"]);

    let again = submit(&exp, &root, &["--tasks", "2"]);
    let (tasks, merge) = wait(&again, &root);
    assert!(
        tasks.get(&2).map(String::as_str) == Some("COMPLETED") && merge.state == "COMPLETED",
        "tasks {tasks:?}, merge {merge:?}\n{}",
        diagnostics(&again, &root)
    );
    // The re-run continued the journal instead of starting over.
    let rerun = log(&root, &again, 2);
    let resumed: usize = rerun
        .lines()
        .find_map(|l| l.strip_prefix("shard 2/3: 26 runs ("))
        .and_then(|r| r.split(" resumed").next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no resumed count in the re-run's log:\n{rerun}"));
    assert!(resumed > 0 && resumed <= done, "{rerun}");
    same_as_single(&one, &root.join("merged"));
    let _ = std::fs::remove_dir_all(&base);
}
