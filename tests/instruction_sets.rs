//! Whole runs give the same bytes whichever vector instructions compute them: the CLI run on
//! the x86-64 baseline (`UNDERCURRENT_ISA=baseline`) and on the widest set this CPU has.

use std::path::Path;
use std::process::Command;

use undercurrent::model::draws::{Isa, IsaKind};

fn run(isa: Option<&str>, scenario: &str, out: &Path) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_undercurrent"));
    c.args(["run", scenario, "--no-plots", "--force", "--out"])
        .arg(out);
    if let Some(isa) = isa {
        c.env("UNDERCURRENT_ISA", isa);
    }
    let o = c.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_run_on_the_baseline_and_on_avx2_writes_the_same_bytes() {
    let tmp = std::env::temp_dir().join(format!("uc-isa-{}", std::process::id()));
    // Every intervention kind, 200 teams (stepped in parallel) and agent-level snapshots.
    let scenario = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/experiments/bench/parallel_teams.toml"
    );
    let (base, wide) = (tmp.join("baseline"), tmp.join("widest"));
    run(Some("baseline"), scenario, &base);
    run(None, scenario, &wide);
    for f in [
        "timeseries.csv",
        "durability.csv",
        "replications.csv",
        "employees.csv",
    ] {
        let (a, b) = (base.join(f), wide.join(f));
        if !a.exists() && !b.exists() {
            continue;
        }
        assert!(
            std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
            "{f} differs between the baseline and {:?}",
            Isa::detect().kind()
        );
    }
    assert!(base.join("timeseries.csv").exists() && base.join("employees.csv").exists());
    // On a CPU without AVX2 both runs took the baseline: say so rather than pass silently.
    if Isa::detect().kind() == IsaKind::Baseline {
        eprintln!("note: this CPU has no AVX2; both runs used the baseline path");
    }
    std::fs::remove_dir_all(&tmp).ok();
}

#[test]
fn an_unknown_instruction_set_is_refused_with_the_allowed_ones() {
    let o = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["run", "/nonexistent/scenario.toml", "--no-plots"])
        .env("UNDERCURRENT_ISA", "avx9000")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("UNDERCURRENT_ISA") && err.contains("baseline, avx2"),
        "{err}"
    );
}
