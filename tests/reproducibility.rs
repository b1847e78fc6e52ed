//! Same seed and scenario give byte-identical output files whatever the thread count.

use std::path::Path;
use std::process::Command;

fn run(dir: &Path, threads: &str) {
    let status = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["run", "tests/fixtures/small.toml", "--out"])
        .arg(dir)
        .args(["--threads", threads])
        .status()
        .expect("binary runs");
    assert!(status.success());
}

#[test]
fn one_and_two_threads_write_identical_files() {
    let base = std::env::temp_dir().join(format!("uc-repro-{}", std::process::id()));
    let (a, b) = (base.join("t1"), base.join("t2"));
    run(&a, "1");
    run(&b, "2");
    for f in [
        "timeseries.csv",
        "durability.csv",
        "replications.csv",
        "employees.csv",
        "plots/timeseries_B.png",
        "plots/durability.svg",
    ] {
        let x = std::fs::read(a.join(f)).unwrap();
        let y = std::fs::read(b.join(f)).unwrap();
        assert!(!x.is_empty());
        assert!(x == y, "{f} differs between 1 and 2 threads");
    }
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn arms_share_random_numbers_so_the_baseline_is_identical_in_every_scenario() {
    // Adding an arm must not change the baseline's numbers (common random numbers).
    use undercurrent::experiment::runner::run_scenario;
    use undercurrent::experiment::scenario::Scenario;
    let src = std::fs::read_to_string("tests/fixtures/small.toml").unwrap();
    let full = Scenario::parse(&src, "small").unwrap();
    let mut only_base = full.clone();
    only_base.arms.truncate(1);
    let a = run_scenario(&full, &|| {});
    let b = run_scenario(&only_base, &|| {});
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<u64>>();
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(bits(&x.series[0].values), bits(&y.series[0].values));
        assert_eq!(bits(&x.series[0].daily_b), bits(&y.series[0].daily_b));
        assert_eq!(bits(&x.series[0].daily_nps), bits(&y.series[0].daily_nps));
    }
}
