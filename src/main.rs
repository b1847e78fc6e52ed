//! The command line: parses and dispatches, nothing else.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use undercurrent::experiment::runner::{threads_or_all_cores, MAX_THREADS};
use undercurrent::experiment::scenario::{Scenario, ScenarioError, Toggle};
use undercurrent::experiment::sweep::experiment::Experiment;
use undercurrent::experiment::sweep::runner::{run_sweep, Progress, SweepOptions};
use undercurrent::experiment::sweep::state::Shard;
use undercurrent::experiment::sweep::{analysis, merge, SweepError};
use undercurrent::output::manifest;
use undercurrent::output::run::{run_to_dir, RunOptions, RunProgress};
use undercurrent::output::staging;
use undercurrent::plot::data::Intervals;
use undercurrent::report::text::{claims_lines, durability_table, wrote_line};
use undercurrent::text::Lang;

#[derive(Parser)]
#[command(
    name = "undercurrent",
    version,
    about = "Agent-based simulation of customer-oriented behaviour in organisations: what interventions do, and how long it lasts."
)]
struct Cli {
    /// Language of what is printed, charted and reported: en or nl [default: $UNDERCURRENT_LANG,
    /// else en]. File names, CSV columns and metric keys stay the same in every language.
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>().map_err(|e| e.to_string())
}

/// The language chosen for this run (`--lang`, else `UNDERCURRENT_LANG`, else English); set
/// once at start.
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language of everything this process prints and writes for people.
#[allow(dead_code)]
fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

#[derive(Subcommand)]
enum Command {
    /// Run a scenario's arms against its baseline (the embedded default without a file).
    Run {
        /// Scenario file (TOML). Without it, the embedded default comparison runs.
        scenario: Option<PathBuf>,
        /// Output directory [default: results/<scenario name>/].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Master seed (overrides the scenario's).
        #[arg(long)]
        seed: Option<u64>,
        /// Replications per arm (overrides the scenario's).
        #[arg(long)]
        replications: Option<usize>,
        /// Worker threads [default: all cores]. Results do not depend on it.
        #[arg(long, value_parser = parse_threads)]
        threads: Option<usize>,
        /// Per-replication time series: auto (when small), on, off.
        #[arg(long, value_enum)]
        per_replication: Option<PerReplication>,
        /// Print the fully resolved scenario as TOML and exit.
        #[arg(long)]
        print_scenario: bool,
        /// Write into an output directory that holds files undercurrent did not write (they
        /// are left untouched).
        #[arg(long)]
        force: bool,
        /// Skip the charts and the report (draw them later with `undercurrent plot DIR` and
        /// `undercurrent report DIR`).
        #[arg(long)]
        no_plots: bool,
        /// A calibration's output directory: each replication draws its calibrated
        /// parameters from DIR/posterior.csv (last generation, by weight), seeded per
        /// replication; the draws go to posterior_draws.csv.
        #[arg(long, value_name = "DIR")]
        posterior: Option<PathBuf>,
        /// Table format: csv, or parquet to write replications, teams and employees also as
        /// Apache Parquet beside their CSV (pandas, polars, R's arrow and DuckDB read it).
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
    },
    /// Write DIR/report.html: one self-contained file (inline SVG, no script, opens offline).
    Report {
        /// Results directory written by `run`.
        dir: PathBuf,
    },
    /// Redraw every chart of a results directory from its CSV files (nothing is rerun).
    Plot {
        /// Results directory written by `run`.
        dir: PathBuf,
    },
    /// Run an experiment: design points x replications in parallel, streamed to disk,
    /// resumable after a kill (--resume), splittable over machines (--shard I/N).
    Sweep {
        /// Experiment file (TOML); see experiments/README.md.
        experiment: PathBuf,
        /// Output directory [default: results/<experiment name>/].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Worker threads [default: all cores]. Results do not depend on it.
        #[arg(long, value_parser = parse_threads)]
        threads: Option<usize>,
        /// Continue the sweep already in the output directory.
        #[arg(long)]
        resume: bool,
        /// Run only shard I of N (1-based): a deterministic, disjoint share of the design
        /// points. Combine the shards with `undercurrent merge`.
        #[arg(long, value_name = "I/N")]
        shard: Option<String>,
    },
    /// Sobol or Morris sensitivity indices of a finished sweep, into DIR/sensitivity.csv.
    Sensitivity {
        /// Directory of a finished sobol or morris sweep.
        dir: PathBuf,
        /// Outputs to analyse, comma-separated: `arm.metric` columns of runs.csv or metric
        /// names (every arm) [default: the experiment's].
        #[arg(long, value_delimiter = ',')]
        outputs: Option<Vec<String>>,
        /// Bootstrap resamples for the Sobol confidence intervals [default: the experiment's].
        #[arg(long)]
        bootstrap: Option<usize>,
    },
    /// The interactive explorer in the browser: pick a sector, maturity and drive mix,
    /// compose a programme, compare it with the baseline live. Bound to 127.0.0.1 unless
    /// --bind says otherwise; everything is served by the binary (works offline).
    Serve {
        /// Port (0 picks a free one; the address is printed on stdout).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Address to listen on. Anything but loopback lets others run simulations here.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Simulation threads [default: all cores]. Results do not depend on it.
        #[arg(long, value_parser = parse_threads)]
        threads: Option<usize>,
        /// HTTP worker threads (requests answered at once).
        #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(2..=64))]
        workers: u16,
        /// No per-request log on stderr.
        #[arg(long)]
        quiet: bool,
    },
    /// Calibrate parameters to observed targets by ABC-SMC (docs/calibration.md): posterior,
    /// predictive fit and a calibrated scenario; journaled, resumable after a kill (--resume).
    Calibrate {
        /// Calibration file (TOML); see docs/calibration.md.
        calibration: PathBuf,
        /// Output directory [default: results/<calibration name>/].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Worker threads [default: all cores]. Results do not depend on it.
        #[arg(long, value_parser = parse_threads)]
        threads: Option<usize>,
        /// Continue the calibration already in the output directory.
        #[arg(long)]
        resume: bool,
    },
    /// Combine the directories of a sharded sweep into the files one sweep writes.
    Merge {
        /// Output directory of the merged sweep.
        #[arg(long)]
        out: PathBuf,
        /// Every shard's directory.
        #[arg(required = true)]
        shards: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let chosen = match cli.lang {
        Some(l) => l,
        None => match Lang::from_env() {
            None => Lang::En,
            Some(Ok(l)) => l,
            Some(Err(e)) => {
                eprintln!("error: {}: {e}", undercurrent::text::ENV_VAR);
                return ExitCode::from(2);
            }
        },
    };
    let _ = LANG.set(chosen);
    if let Err(code) = limit_instruction_set() {
        return code;
    }
    match cli.command {
        Command::Run {
            scenario,
            out,
            seed,
            replications,
            threads,
            per_replication,
            print_scenario,
            no_plots,
            force,
            posterior,
            format,
        } => {
            let mut s = match scenario.as_deref() {
                Some(p) => match Scenario::load(p) {
                    Ok(s) => s,
                    Err(e) => return input_error(&e),
                },
                None => Scenario::embedded_default(),
            };
            if let Some(x) = seed {
                s.seed = x;
            }
            if let Some(x) = replications {
                if x == 0 {
                    eprintln!("error: --replications must be at least 1");
                    return ExitCode::from(2);
                }
                s.replications = x;
            }
            if let Some(x) = per_replication {
                s.per_replication = x.into();
            }
            if print_scenario {
                match s.annotated_toml() {
                    Ok(t) => {
                        print!("{t}");
                        return ExitCode::SUCCESS;
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        return ExitCode::from(1);
                    }
                }
            }
            let posterior = match posterior.as_deref() {
                None => None,
                Some(dir) => {
                    match undercurrent::experiment::calibration::posterior::draw(&s, dir) {
                        Ok(p) => {
                            eprintln!(
                                "each replication's parameters drawn from the posterior in {}",
                                dir.display()
                            );
                            Some(p)
                        }
                        Err(e) => {
                            eprintln!("error: --posterior: {e}");
                            return ExitCode::from(2);
                        }
                    }
                }
            };
            let opts = RunOptions {
                out: out.unwrap_or_else(|| PathBuf::from("results").join(&s.name)),
                force,
                threads: threads_or_all_cores(threads),
                command: command_line(),
                posterior,
                parquet: matches!(format, Format::Parquet),
            };
            run(&s, &opts, no_plots)
        }
        Command::Sweep {
            experiment,
            out,
            threads,
            resume,
            shard,
        } => finish(sweep(&experiment, out, threads, resume, shard.as_deref())),
        Command::Sensitivity {
            dir,
            outputs,
            bootstrap,
        } => finish(
            analysis::from_dir(&dir, outputs.as_deref(), bootstrap).map(|r| {
                println!(
                    "wrote {} ({} design, {} outputs x {} parameters)",
                    dir.join(analysis::FILE).display(),
                    r.design.name(),
                    r.outputs,
                    r.parameters
                );
                censoring_warnings(&dir);
            }),
        ),
        Command::Merge { out, shards } => finish(merge::merge(&shards, &out).map(|r| {
            println!(
                "merged {} shards ({} runs): wrote {} and manifest.json to {}",
                r.shards,
                r.runs,
                r.files.join(", "),
                out.display()
            );
            sweep_plots(&out);
        })),
        Command::Plot { dir } => plot(&dir, &dir),
        Command::Serve {
            port,
            bind,
            threads,
            workers,
            quiet,
        } => {
            let opts = undercurrent::serve::ServeOptions {
                bind,
                port,
                threads: threads_or_all_cores(threads),
                workers: workers as usize,
                quiet,
                limits: undercurrent::serve::Limits::default(),
            };
            match undercurrent::serve::serve(&opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Report { dir } => report(&dir, &dir),
        Command::Calibrate {
            calibration,
            out,
            threads,
            resume,
        } => calibrate(&calibration, out, threads, resume),
    }
}

/// Runs a calibration; exit code 2 for bad input (before any simulation), 1 for a failure
/// while running.
fn calibrate(
    path: &std::path::Path,
    out: Option<PathBuf>,
    threads: Option<usize>,
    resume: bool,
) -> ExitCode {
    use undercurrent::experiment::calibration::{run_calibration, CalibrateOptions, Calibration};
    let fail = |e: &dyn std::fmt::Display, input: bool| {
        eprintln!("error: {e}");
        ExitCode::from(if input { 2 } else { 1 })
    };
    let cal = match Calibration::load(path) {
        Ok(c) => c,
        Err(e) => return fail(&e, e.is_input_error()),
    };
    let threads = threads_or_all_cores(threads);
    let out = out.unwrap_or_else(|| PathBuf::from("results").join(&cal.file.name));
    let budget = cal.file.max_simulations;
    eprintln!(
        "undercurrent {}: calibration '{}', {} parameters, {} targets, {} particles x {} replications, at most {} generations and {} simulations, {} threads -> {}",
        manifest::version(),
        cal.file.name,
        cal.parameters.len(),
        cal.targets.len(),
        cal.file.population,
        cal.file.replications,
        cal.file.max_generations,
        budget,
        threads,
        out.display()
    );
    let progress = |p: &undercurrent::calibration::Progress, secs: f64| {
        let rate = p.simulations as f64 / secs.max(1e-9);
        let left = budget.saturating_sub(p.simulations) as f64 / rate.max(1e-9);
        eprintln!(
            "generation {}: tolerance {}, accepted {}/{} ({:.0}%), {} simulations, {:.1} s, at most {:.0} s left (budget)",
            p.generation,
            if p.tolerance.is_finite() { format!("{:.4}", p.tolerance) } else { "inf".into() },
            p.accepted,
            p.considered,
            100.0 * p.accepted as f64 / p.considered.max(1) as f64,
            p.simulations,
            secs,
            left
        );
    };
    let opts = CalibrateOptions {
        out: out.clone(),
        threads,
        resume,
        command: command_line(),
    };
    match run_calibration(&cal, &opts, &progress) {
        Ok(r) => {
            if matches!(r.stop, undercurrent::calibration::Stop::Stalled { .. }) {
                eprintln!("note: {}", r.stop.describe());
            }
            println!(
                "{} generations, {} simulations ({} from the journal) in {:.1} s; stopped: {}; wrote {} and manifest.json to {}",
                r.generations,
                r.simulations,
                r.resumed,
                r.wall_seconds,
                r.stop.describe(),
                r.files.join(", "),
                out.display()
            );
            // The files are complete by now: a charting problem is reported, not fatal.
            match undercurrent::plot::calibration::plot_calibration_dir(&out) {
                Ok(paths) => eprintln!(
                    "drew {} charts (PNG + SVG) into {}",
                    paths.len() / 2,
                    out.join("plots").display()
                ),
                Err(e) => eprintln!("warning: charts not drawn: {e}"),
            }
            match undercurrent::report::html::write_report(lang(), &out) {
                Ok(path) => eprintln!("wrote {}", path.display()),
                Err(e) => eprintln!("warning: report not written: {e}"),
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, e.is_input_error()),
    }
}

/// Writes the HTML report of `dir`, and for a run's directory the one-page `summary.html`
/// beside it.
fn report(dir: &std::path::Path, shown: &std::path::Path) -> ExitCode {
    use undercurrent::report::html::write_report;
    use undercurrent::report::summary::write_summary;
    match write_report(lang(), dir).and_then(|r| Ok([Some(r), write_summary(lang(), dir)?])) {
        Ok(paths) => {
            let paths: Vec<_> = paths.into_iter().flatten().collect();
            if let Err(e) = staging::adopt(dir, &paths) {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
            for path in &paths {
                let name = path.file_name().unwrap_or_default();
                eprintln!("wrote {}", shown.join(name).display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(if e.is_input_error() { 2 } else { 1 })
        }
    }
}

/// Draws every chart of `dir`; unreadable or malformed input is the user's to fix (exit 2).
fn plot(dir: &std::path::Path, shown: &std::path::Path) -> ExitCode {
    let t0 = Instant::now();
    match undercurrent::plot::plot_dir(dir) {
        Ok(paths) => {
            if let Err(e) = staging::adopt(dir, &paths) {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
            eprintln!(
                "drew {} charts (PNG + SVG) into {} in {:.1} s",
                paths.len() / 2,
                shown.join("plots").display(),
                t0.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(if e.is_input_error() { 2 } else { 1 })
        }
    }
}

/// Exit code of a sweep command: 2 for bad input, 1 for a failure while running.
fn finish(r: Result<(), SweepError>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(if e.is_input_error() { 2 } else { 1 })
        }
    }
}

fn sweep(
    path: &std::path::Path,
    out: Option<PathBuf>,
    threads: Option<usize>,
    resume: bool,
    shard: Option<&str>,
) -> Result<(), SweepError> {
    let shard = shard.map(Shard::parse).transpose()?;
    let exp = Experiment::load(path)?;
    let threads = threads_or_all_cores(threads);
    let out = out.unwrap_or_else(|| {
        let name = match shard {
            Some(s) => format!("{}-shard-{}-of-{}", exp.file.name, s.index, s.count),
            None => exp.file.name.clone(),
        };
        PathBuf::from("results").join(name)
    });
    eprintln!(
        "undercurrent {}: experiment '{}', {} design, {} points x {} replications = {} runs{}, {} arms, {} threads -> {}",
        manifest::version(),
        exp.file.name,
        exp.design.kind.name(),
        exp.points(),
        exp.replications(),
        exp.runs(),
        shard.map(|s| format!(" (shard {s})")).unwrap_or_default(),
        exp.scenario.arms.len(),
        threads,
        out.display()
    );
    if !exp.dropped.is_empty() {
        eprintln!(
            "note: a sweep keeps summaries per run; the base scenario's {} {} not written (run one point with `undercurrent run` for them)",
            exp.dropped
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", "),
            if exp.dropped.len() == 1 { "is" } else { "are" }
        );
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{wide_bar} {pos}/{len} runs  {rate}  {elapsed_precise}  eta {eta} {msg}",
        )
        .map(|s| {
            s.with_key(
                "rate",
                |st: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.1} runs/s", st.per_sec());
                },
            )
        })
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let progress = |p: Progress| match p {
        Progress::Start { done, total } => {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            bar.reset_eta();
        }
        Progress::Run { done } => bar.set_position(done as u64),
        Progress::Finalizing => bar.set_message("writing files"),
    };
    let opts = SweepOptions {
        out: out.clone(),
        threads,
        resume,
        shard,
        command: command_line(),
    };
    let result = run_sweep(&exp, &opts, &progress);
    bar.finish_and_clear();
    let r = result?;
    if r.dropped_torn_line {
        eprintln!("note: dropped a torn last journal line (the run is computed again)");
    }
    if r.already_complete {
        println!(
            "{}: already complete ({} runs); nothing to compute",
            out.display(),
            r.total
        );
        // A sweep killed while drawing lacks some charts or its report: draw them again
        // (the same bytes, from the same files).
        if shard.is_none() {
            sweep_plots(&out);
        }
        return Ok(());
    }
    let rate = r.computed as f64 / r.wall_seconds.max(1e-9);
    match shard {
        Some(s) => println!(
            "shard {s}: {} runs ({} resumed, {} computed) in {:.1} s ({rate:.1} runs/s) in {}; when every shard is done: undercurrent merge --out DIR SHARD_DIRS...",
            r.total,
            r.resumed,
            r.computed,
            r.wall_seconds,
            out.display()
        ),
        None => {
            println!(
                "{} runs ({} resumed, {} computed) in {:.1} s ({rate:.1} runs/s): wrote {} and manifest.json to {}",
                r.total,
                r.resumed,
                r.computed,
                r.wall_seconds,
                r.files.join(", "),
                out.display()
            );
            sweep_plots(&out);
        }
    }
    Ok(())
}

/// Draws a finished sweep's charts and writes its report. The sweep's files are complete and final by now, so a
/// charting problem is reported but does not fail the sweep (`plot DIR` can redraw).
fn sweep_plots(dir: &std::path::Path) {
    censoring_warnings(dir);
    match undercurrent::plot::sweep::plot_sweep_dir(dir) {
        Ok(paths) => eprintln!(
            "drew {} charts (PNG + SVG) into {}",
            paths.len() / 2,
            dir.join("plots").display()
        ),
        Err(e) => eprintln!("note: no charts drawn: {e}"),
    }
    match undercurrent::report::html::write_report(lang(), dir) {
        Ok(p) => eprintln!("wrote {}", p.display()),
        Err(e) => eprintln!("note: no report written: {e}"),
    }
}

/// Says which sensitivity outputs were censored at the horizon in some runs (their indices
/// apportion a mean of durations cut there).
fn censoring_warnings(dir: &std::path::Path) {
    for w in analysis::censoring_warnings(dir) {
        eprintln!("{w}");
    }
}

fn input_error(e: &ScenarioError) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::from(2)
}

/// Runs `s` into `opts.out`: the library writes the data files and the manifest into a
/// staging directory, this draws the charts and the report into it (unless `no_plots`), and
/// the result moves into place only when all of that succeeded.
fn run(s: &Scenario, opts: &RunOptions, no_plots: bool) -> ExitCode {
    let bar = ProgressBar::new(0);
    let progress = |p: RunProgress| match p {
        RunProgress::Start { threads } => {
            eprintln!(
                "undercurrent {}: scenario '{}', {} arms x {} replications, {} employees, {} days, {} threads",
                manifest::version(),
                s.name,
                s.arms.len(),
                s.replications,
                s.organisation.employees,
                s.horizon_days,
                threads
            );
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} replications  {elapsed_precise} (eta {eta})",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.set_length(s.replications as u64);
            bar.reset();
        }
        RunProgress::Replication => bar.inc(1),
    };
    let result = run_to_dir(s, opts, &progress);
    bar.finish_and_clear();
    let staged = match result {
        Ok(staged) => staged,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(if e.is_input_error() { 2 } else { 1 });
        }
    };
    let r = &staged.report;
    let intervals = if opts.posterior.is_some() {
        Intervals::ChanceAndParameters
    } else {
        Intervals::Chance
    };
    println!(
        "{}",
        durability_table(lang(), &r.arms, &r.durability, intervals)
    );
    print!("{}", claims_lines(lang(), s, &r.claims));
    print!("{}", wrote_line(lang(), &r.files, r.wall_seconds));
    if !no_plots {
        let code = plot(staged.path(), staged.target());
        if code != ExitCode::SUCCESS {
            return code;
        }
        let code = report(staged.path(), staged.target());
        if code != ExitCode::SUCCESS {
            return code;
        }
    }
    match staged.commit() {
        Ok(dir) => {
            eprintln!("results in {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: moving the result into place: {e}");
            ExitCode::from(1)
        }
    }
}

/// The command line as typed, for the manifest and `timing.json`.
fn command_line() -> String {
    std::env::args().collect::<Vec<_>>().join(" ")
}

/// `--format`: the large tables as CSV only, or also as Parquet.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Csv,
    Parquet,
}

/// `--per-replication`: whether `replications.csv` is written. The variants carry no doc
/// comments: clap would list them in `--help`, which names the values in the flag's line.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum PerReplication {
    Auto,
    On,
    Off,
}

impl From<PerReplication> for Toggle {
    fn from(p: PerReplication) -> Toggle {
        match p {
            PerReplication::Auto => Toggle::Auto,
            PerReplication::On => Toggle::On,
            PerReplication::Off => Toggle::Off,
        }
    }
}

/// `--threads`: a whole number from 1 to [`MAX_THREADS`]; 0 or a million cannot be meant.
fn parse_threads(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_THREADS).contains(&n) => Ok(n),
        _ => Err(format!(
            "expected a whole number of threads from 1 to {MAX_THREADS} (omit --threads for all cores)"
        )),
    }
}

/// `UNDERCURRENT_ISA=baseline|avx2` caps the vector instructions the simulation uses (results
/// are the same on each; the tests compare whole runs). Unset: the widest the CPU has.
fn limit_instruction_set() -> Result<(), ExitCode> {
    use undercurrent::model::draws::{limit, IsaKind};
    let Some(v) = std::env::var_os("UNDERCURRENT_ISA") else {
        return Ok(());
    };
    match v.to_str().and_then(IsaKind::from_name) {
        Some(kind) => {
            limit(kind);
            Ok(())
        }
        None => {
            let allowed: Vec<&str> = IsaKind::ALL.iter().map(|k| k.name()).collect();
            eprintln!(
                "error: UNDERCURRENT_ISA = {:?} is not an instruction set; allowed: {}",
                v,
                allowed.join(", ")
            );
            Err(ExitCode::from(2))
        }
    }
}
