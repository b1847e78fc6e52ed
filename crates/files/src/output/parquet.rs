//! Columnar copies of the large tables (`--format parquet`): `replications.csv`,
//! `teams.csv`, `employees.csv` and a sweep's `runs.csv` and `run_series.csv` also as Apache
//! Parquet, which pandas,
//! polars, R's arrow and DuckDB read directly, typed and compressed.
//!
//! Each Parquet file is made from its CSV once the CSV is complete, in batches of
//! [`BATCH_ROWS`] rows, so it holds exactly what the CSV holds (every number is written in
//! its shortest round-trip form, so parsing it back gives the same f64), memory stays flat for
//! a table of any size (the streamed `employees.csv` included), and there is one writer for
//! every table. `NA` becomes a null. Column types are declared per table: whole-number
//! identifiers as Int64, names as text, every other column Float64, except a column whose
//! first value is text (a categorical sweep axis), which is text.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::sync::Arc;

use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::files::AtomicFile;

/// Rows converted at a time.
pub const BATCH_ROWS: usize = 65_536;

/// The column types of one table: the columns that are whole numbers and those that are
/// text; every other column is a number (Float64).
#[derive(Debug, Clone, Copy)]
pub struct Columns {
    pub whole: &'static [&'static str],
    pub text: &'static [&'static str],
}

/// `replications.csv`: `arm,replication,day,metric,value`.
pub const REPLICATIONS: Columns = Columns {
    whole: &["replication", "day"],
    text: &["arm", "metric"],
};

/// `teams.csv`: the row's place, then the team metrics.
pub const TEAMS: Columns = Columns {
    whole: &["replication", "team", "day"],
    text: &["arm"],
};

/// `employees.csv`: the row's place, the dominant drive, then the employee's columns.
pub const EMPLOYEES: Columns = Columns {
    whole: &["replication", "day", "team", "employee"],
    text: &["arm", "dominant_drive"],
};

/// A sweep's `runs.csv`: point, replication, the axes, then `<arm>.<metric>` columns.
pub const RUNS: Columns = Columns {
    whole: &["point", "replication"],
    text: &[],
};

/// A sweep's `teams.csv`: the run's place (point, replication, the axes), then a run's team
/// columns.
pub const SWEEP_TEAMS: Columns = Columns {
    whole: &["point", "replication", "team", "day"],
    text: &["arm"],
};

/// A sweep's `employees.csv`: the run's place, then a run's employee columns.
pub const SWEEP_EMPLOYEES: Columns = Columns {
    whole: &["point", "replication", "day", "team", "employee"],
    text: &["arm", "dominant_drive"],
};

/// A sweep's `run_series.csv`: the run's place, then `arm,day,metric,value`.
pub const RUN_SERIES: Columns = Columns {
    whole: &["point", "replication", "day"],
    text: &["arm", "metric"],
};

/// The tables of a run that get a Parquet copy, with their column types.
pub const RUN_TABLES: [(&str, Columns); 3] = [
    ("replications", REPLICATIONS),
    ("teams", TEAMS),
    ("employees", EMPLOYEES),
];

/// Why a table could not be converted.
#[derive(Debug, thiserror::Error)]
pub enum ParquetError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Csv { path: String, message: String },
    #[error("{path}: {source}")]
    Parquet {
        path: String,
        source: parquet::errors::ParquetError,
    },
    #[error("{path}: {source}")]
    Arrow {
        path: String,
        source: arrow_schema::ArrowError,
    },
}

impl From<ParquetError> for std::io::Error {
    fn from(e: ParquetError) -> Self {
        std::io::Error::other(e.to_string())
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Whole,
    Number,
    Text,
}

impl Kind {
    fn data_type(self) -> DataType {
        match self {
            Kind::Whole => DataType::Int64,
            Kind::Number => DataType::Float64,
            Kind::Text => DataType::Utf8,
        }
    }
}

/// Whether a CSV cell is a missing value.
fn missing(s: &str) -> bool {
    s == "NA" || s.is_empty()
}

/// One column's values of the batch being built.
enum Builder {
    Whole(Int64Builder),
    Number(Float64Builder),
    Text(StringBuilder),
}

impl Builder {
    fn new(kind: Kind) -> Builder {
        match kind {
            Kind::Whole => Builder::Whole(Int64Builder::with_capacity(BATCH_ROWS)),
            Kind::Number => Builder::Number(Float64Builder::with_capacity(BATCH_ROWS)),
            Kind::Text => Builder::Text(StringBuilder::new()),
        }
    }

    fn push(&mut self, cell: &str) -> Result<(), String> {
        match self {
            Builder::Whole(b) if missing(cell) => b.append_null(),
            Builder::Whole(b) => b.append_value(
                cell.parse()
                    .map_err(|_| format!("`{cell}` is not a whole number"))?,
            ),
            Builder::Number(b) if missing(cell) => b.append_null(),
            Builder::Number(b) => b.append_value(
                cell.parse()
                    .map_err(|_| format!("`{cell}` is not a number"))?,
            ),
            Builder::Text(b) if cell == "NA" => b.append_null(),
            Builder::Text(b) => b.append_value(cell),
        }
        Ok(())
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Whole(b) => Arc::new(b.finish()),
            Builder::Number(b) => Arc::new(b.finish()),
            Builder::Text(b) => Arc::new(b.finish()),
        }
    }
}

/// Writes `csv` (a table of this tool, with a header) as Parquet at `out`, through a
/// temporary name; returns the number of rows.
pub fn csv_to_parquet(csv: &Path, out: &Path, columns: Columns) -> Result<u64, ParquetError> {
    let name = csv.display().to_string();
    let io = |source| ParquetError::Io {
        path: name.clone(),
        source,
    };
    let bad = |message: String| ParquetError::Csv {
        path: name.clone(),
        message,
    };
    let pq = |source| ParquetError::Parquet {
        path: out.display().to_string(),
        source,
    };
    let file = File::open(csv).map_err(io)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(BufReader::with_capacity(1 << 16, file));
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| bad(e.to_string()))?
        .iter()
        .map(String::from)
        .collect();
    let mut records = reader.into_records();
    let first = records.next().transpose().map_err(|e| bad(e.to_string()))?;
    let kinds: Vec<Kind> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if columns.whole.contains(&h.as_str()) {
                Kind::Whole
            } else if columns.text.contains(&h.as_str()) {
                Kind::Text
            } else {
                match first.as_ref().map(|r| &r[i]) {
                    Some(v) if !missing(v) && v.parse::<f64>().is_err() => Kind::Text,
                    _ => Kind::Number,
                }
            }
        })
        .collect();
    let schema = Arc::new(Schema::new(
        header
            .iter()
            .zip(&kinds)
            .map(|(h, k)| Field::new(h, k.data_type(), true))
            .collect::<Vec<_>>(),
    ));
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer = ArrowWriter::try_new(
        AtomicFile::create(out).map_err(io)?,
        schema.clone(),
        Some(props),
    )
    .map_err(pq)?;
    let mut builders: Vec<Builder> = kinds.iter().map(|&k| Builder::new(k)).collect();
    let mut in_batch = 0usize;
    let mut rows = 0u64;
    let flush = |builders: &mut Vec<Builder>,
                 writer: &mut ArrowWriter<AtomicFile>|
     -> Result<(), ParquetError> {
        let arrays: Vec<ArrayRef> = builders.iter_mut().map(Builder::finish).collect();
        let batch =
            RecordBatch::try_new(schema.clone(), arrays).map_err(|source| ParquetError::Arrow {
                path: out.display().to_string(),
                source,
            })?;
        writer.write(&batch).map_err(pq)
    };
    for record in first.into_iter().map(Ok).chain(records) {
        let record = record.map_err(|e| bad(e.to_string()))?;
        if record.len() != builders.len() {
            return Err(bad(format!(
                "line {}: {} fields under a header of {}",
                rows + 2,
                record.len(),
                builders.len()
            )));
        }
        for (b, cell) in builders.iter_mut().zip(record.iter()) {
            b.push(cell)
                .map_err(|m| bad(format!("line {}: {m}", rows + 2)))?;
        }
        in_batch += 1;
        rows += 1;
        if in_batch == BATCH_ROWS {
            flush(&mut builders, &mut writer)?;
            in_batch = 0;
        }
    }
    if in_batch > 0 || rows == 0 {
        flush(&mut builders, &mut writer)?;
    }
    let file = writer.into_inner().map_err(pq)?;
    file.commit().map_err(io)?;
    Ok(rows)
}

/// The name of a table's Parquet copy: `replications.csv` → `replications.parquet`.
pub fn parquet_name(csv_name: &str) -> String {
    format!("{}.parquet", csv_name.trim_end_matches(".csv"))
}
