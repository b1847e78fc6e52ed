//! Issue 21, columnar output: with `--format parquet` the large tables are also written as
//! Apache Parquet, and every Parquet file reads back equal to its CSV: the same columns, the
//! same rows, numbers bit for bit, `NA` as null, identifiers as whole numbers.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;

use arrow_array::{Array, Float64Array, Int64Array, RecordBatch, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

const SCENARIO: &str = r#"
name = "columnar"
seed = 8
replications = 3
horizon_days = 60
burn_in_days = 20
record_every = 5
per_replication = "on"
teams = true
employee_snapshots = [0, 30, 59]
[organisation]
employees = 34
team_size = 10
[[arms]]
name = "reinforcement"
[[arms.interventions]]
kind = "reinforcement"
start = 5
duration = 30
interval = 10
"#;

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("parquet-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The cell of column `c` in row `r` of `batch`, written as the CSV writes it.
fn cell(batch: &RecordBatch, c: usize, r: usize) -> String {
    let col = batch.column(c);
    if col.is_null(r) {
        return "NA".into();
    }
    if let Some(a) = col.as_any().downcast_ref::<Float64Array>() {
        return undercurrent::output::tables::num(a.value(r));
    }
    if let Some(a) = col.as_any().downcast_ref::<Int64Array>() {
        return a.value(r).to_string();
    }
    col.as_any()
        .downcast_ref::<StringArray>()
        .expect("float, int or text")
        .value(r)
        .to_string()
}

/// Asserts that `parquet` holds exactly the table `csv` holds.
fn same_table(csv: &Path, parquet: &Path) -> usize {
    let mut r = csv::Reader::from_path(csv).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(parquet).unwrap())
        .unwrap()
        .build()
        .unwrap();
    let mut k = 0;
    for batch in reader {
        let batch = batch.unwrap();
        let names: Vec<&str> = batch
            .schema_ref()
            .fields()
            .iter()
            .map(|f| f.name().as_str())
            .collect();
        assert_eq!(names, header, "{parquet:?}");
        for r in 0..batch.num_rows() {
            for c in 0..header.len() {
                assert_eq!(
                    cell(&batch, c, r),
                    rows[k][c],
                    "{parquet:?} row {k} column {}",
                    header[c]
                );
            }
            k += 1;
        }
    }
    assert_eq!(k, rows.len(), "{parquet:?}: rows");
    k
}

#[test]
fn every_parquet_table_reads_back_equal_to_its_csv() {
    let d = dir("run");
    std::fs::write(d.join("s.toml"), SCENARIO).unwrap();
    let out = d.join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["run", "--no-plots", "--format", "parquet", "--out"])
        .arg(&out)
        .arg(d.join("s.toml"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    for table in ["replications", "teams", "employees"] {
        let rows = same_table(
            &out.join(format!("{table}.csv")),
            &out.join(format!("{table}.parquet")),
        );
        assert!(rows > 100, "{table}: {rows} rows");
        assert!(
            manifest.contains(&format!("{table}.parquet")),
            "{table} listed"
        );
    }
    // Identifiers are typed: a reader gets whole numbers, not text or floats.
    let reader = ParquetRecordBatchReaderBuilder::try_new(
        File::open(out.join("employees.parquet")).unwrap(),
    )
    .unwrap();
    let schema = reader.schema().clone();
    for (column, kind) in [("day", "Int64"), ("arm", "Utf8"), ("B", "Float64")] {
        let t = format!("{:?}", schema.field_with_name(column).unwrap().data_type());
        assert_eq!(t, kind, "{column}");
    }
}

#[test]
fn without_the_flag_no_parquet_is_written() {
    let d = dir("plain");
    std::fs::write(d.join("s.toml"), SCENARIO).unwrap();
    let out = d.join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["run", "--no-plots", "--out"])
        .arg(&out)
        .arg(d.join("s.toml"))
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(!out.join("replications.parquet").exists());
}

#[test]
fn a_sweep_with_parquet_writes_runs_parquet_equal_to_runs_csv() {
    let d = dir("sweep");
    std::fs::write(d.join("base.toml"), SCENARIO).unwrap();
    let experiment = r#"
name = "columnar_sweep"
base = "base.toml"
seed = 1
replications = 2
parquet = true
run_series = true
[sweep]
design = "grid"
[[sweep.axes]]
key = "sector"
values = ["retail", "government"]
[[sweep.axes]]
key = "managers.role_model_mean"
values = [0.4, 0.7]
"#;
    std::fs::write(d.join("e.toml"), experiment).unwrap();
    let out = d.join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_undercurrent"))
        .args(["sweep", "--threads", "2", "--out"])
        .arg(&out)
        .arg(d.join("e.toml"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    // The base asks for teams, employees and per-replication series: a sweep keeps the team
    // rows and snapshots of every run and says it drops only the per-replication series.
    assert!(err.contains("`per_replication` is not written"), "{err}");
    assert!(!err.contains("`teams`"), "{err}");
    assert_eq!(
        same_table(&out.join("runs.csv"), &out.join("runs.parquet")),
        8
    );
    // The team rows and snapshots of every run, columnar too, cell for cell.
    // So are every run's own series.
    for table in ["teams", "employees", "run_series"] {
        let rows = same_table(
            &out.join(format!("{table}.csv")),
            &out.join(format!("{table}.parquet")),
        );
        assert!(rows > 8, "{table}: {rows} rows");
    }
    // The categorical axis is text, the numeric one a number.
    let reader =
        ParquetRecordBatchReaderBuilder::try_new(File::open(out.join("runs.parquet")).unwrap())
            .unwrap();
    let schema = reader.schema().clone();
    for (column, kind) in [
        ("point", "Int64"),
        ("sector", "Utf8"),
        ("managers.role_model_mean", "Float64"),
    ] {
        let t = format!("{:?}", schema.field_with_name(column).unwrap().data_type());
        assert_eq!(t, kind, "{column}");
    }
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("runs.parquet"));
}
