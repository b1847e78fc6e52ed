//! The command line: parses and dispatches, nothing else.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
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
use undercurrent::report::text::{claims_lines, durability_table, wrapped};
use undercurrent::text::{tr, Lang};

mod cli_lang;

#[derive(Parser)]
// Every command's and argument's help lives in the catalogue (`crates/text/locales/<lang>/
// cli.ftl`, `cli-<command>-<argument>`), set by `cli_lang::localise`; tests/cli_languages.rs
// checks that each has one in every language.
#[command(name = "undercurrent", version)]
struct Cli {
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

/// Help and version as clap prints them (already in `lang`); an error retold in `lang`, exit 2.
fn clap_exit(e: clap::Error, lang: Lang) -> ExitCode {
    use clap::error::ErrorKind;
    if lang == Lang::En
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        e.exit();
    }
    eprint!("{}", cli_lang::error_text(&e, lang));
    ExitCode::from(2)
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>().map_err(|e| e.to_string())
}

/// The language chosen for this run (`--lang`, else `UNDERCURRENT_LANG`, else English); set
/// once at start, before the command line is parsed.
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language of everything this process prints and writes for people.
fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

#[derive(Subcommand)]
enum Command {
    Run {
        scenario: Option<PathBuf>,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        seed: Option<u64>,
        #[arg(long)]
        replications: Option<usize>,
        #[arg(long, value_parser = parse_threads)]
        threads: Option<usize>,
        #[arg(long, value_enum)]
        per_replication: Option<PerReplication>,
        #[arg(long)]
        print_scenario: bool,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        no_plots: bool,
        #[arg(long, value_name = "DIR")]
        posterior: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
    },
    Report {
        dir: PathBuf,
    },
    Plot {
        dir: PathBuf,
    },
    Sweep {
        experiment: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, value_parser = parse_threads)]
        threads: Option<usize>,
        #[arg(long)]
        resume: bool,
        #[arg(long, value_name = "I/N")]
        shard: Option<String>,
    },
    Sensitivity {
        dir: PathBuf,
        #[arg(long, value_delimiter = ',')]
        outputs: Option<Vec<String>>,
        #[arg(long)]
        bootstrap: Option<usize>,
    },
    Serve {
        #[arg(long, default_value_t = 8080)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        #[arg(long, value_parser = parse_threads)]
        threads: Option<usize>,
        #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(2..=64))]
        workers: u16,
        #[arg(long)]
        quiet: bool,
    },
    Calibrate {
        calibration: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, value_parser = parse_threads)]
        threads: Option<usize>,
        #[arg(long)]
        resume: bool,
    },
    Merge {
        #[arg(long)]
        out: PathBuf,
        #[arg(required = true)]
        shards: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let chosen = match cli_lang::language_of(&args) {
        Ok(l) => l,
        Err(e) => {
            // Said in English: the language asked for is not one we have.
            let message = tr!(Lang::En, "language-unknown", code = e.0);
            eprintln!("{}", tr!(Lang::En, "cli-error", message = message));
            return ExitCode::from(2);
        }
    };
    let _ = LANG.set(chosen);
    let args = cli_lang::help_command_as_flag(args, chosen);
    let mut command = cli_lang::localise(Cli::command(), chosen);
    let cli = match command
        .try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e, chosen),
    };
    debug_assert!(cli.lang.is_none_or(|l| l == chosen));
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
                    error(&tr!(lang(), "cli-error-replications"));
                    return ExitCode::from(2);
                }
                s.replications = x;
            }
            if let Some(x) = per_replication {
                s.per_replication = x.into();
            }
            if print_scenario {
                match s.annotated_toml(|days| tr!(lang(), "cli-working-days", days = days)) {
                    Ok(t) => {
                        print!("{t}");
                        return ExitCode::SUCCESS;
                    }
                    Err(e) => {
                        error(&e);
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
                                "{}",
                                tr!(
                                    lang(),
                                    "cli-posterior-drawn",
                                    dir = dir.display().to_string()
                                )
                            );
                            Some(p)
                        }
                        Err(e) => {
                            error(&tr!(lang(), "cli-error-posterior", message = e.to_string()));
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
                    "{}",
                    tr!(
                        lang(),
                        "cli-sensitivity-wrote",
                        path = dir.join(analysis::FILE).display().to_string(),
                        design = r.design.name(),
                        outputs = r.outputs,
                        parameters = r.parameters
                    )
                );
                censoring_warnings(&dir);
            }),
        ),
        Command::Merge { out, shards } => finish(merge::merge(&shards, &out).map(|r| {
            println!(
                "{}",
                tr!(
                    lang(),
                    "cli-merge-done",
                    shards = r.shards,
                    runs = r.runs,
                    files = r.files.join(", "),
                    dir = out.display().to_string()
                )
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
                lang: lang(),
            };
            match undercurrent::serve::serve(&opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    error(&e.said(lang()));
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
        error(e);
        ExitCode::from(if input { 2 } else { 1 })
    };
    let cal = match Calibration::load(path) {
        Ok(c) => c,
        Err(e) => {
            return fail(
                &undercurrent::words::experiment_error_text(&e, lang()),
                e.is_input_error(),
            )
        }
    };
    let threads = threads_or_all_cores(threads);
    let out = out.unwrap_or_else(|| PathBuf::from("results").join(&cal.file.name));
    let budget = cal.file.max_simulations;
    eprintln!(
        "{}",
        tr!(
            lang(),
            "cli-calibrate-start",
            version = manifest::version(),
            name = cal.file.name.as_str(),
            parameters = cal.parameters.len(),
            targets = cal.targets.len(),
            particles = cal.file.population,
            replications = cal.file.replications,
            generations = cal.file.max_generations,
            budget = budget,
            threads = threads,
            out = out.display().to_string()
        )
    );
    let progress = |p: &undercurrent::calibration::Progress, secs: f64| {
        let rate = p.simulations as f64 / secs.max(1e-9);
        let left = budget.saturating_sub(p.simulations) as f64 / rate.max(1e-9);
        let l = lang();
        eprintln!(
            "{}",
            tr!(
                l,
                "cli-calibrate-generation",
                generation = p.generation,
                tolerance = if p.tolerance.is_finite() {
                    plain(l, p.tolerance, 4)
                } else {
                    "inf".to_string()
                },
                accepted = p.accepted,
                considered = p.considered,
                percent = plain(l, 100.0 * p.accepted as f64 / p.considered.max(1) as f64, 0),
                simulations = p.simulations,
                seconds = plain(l, secs, 1),
                left = plain(l, left, 0)
            )
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
            let stop = undercurrent::report::calibration::stop_said(lang(), &r.stop);
            if matches!(r.stop, undercurrent::calibration::Stop::Stalled { .. }) {
                note(&stop);
            }
            println!(
                "{}",
                tr!(
                    lang(),
                    "cli-calibrate-done",
                    generations = r.generations,
                    simulations = r.simulations,
                    resumed = r.resumed,
                    seconds = plain(lang(), r.wall_seconds, 1),
                    stop = stop,
                    files = r.files.join(", "),
                    dir = out.display().to_string()
                )
            );
            // The files are complete by now: a charting problem is reported, not fatal.
            match undercurrent::plot::calibration::plot_calibration_dir(&out, lang()) {
                Ok(paths) => drew_charts(paths.len() / 2, &out.join("plots"), None),
                Err(e) => warning(&tr!(
                    lang(),
                    "cli-charts-not-drawn",
                    message = e.said(lang())
                )),
            }
            match undercurrent::report::html::write_report(lang(), &out) {
                Ok(path) => wrote(&path),
                Err(e) => warning(&tr!(
                    lang(),
                    "cli-report-not-written",
                    message = e.said(lang())
                )),
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.said(lang()), e.is_input_error()),
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
                error(&e.said(lang()));
                return ExitCode::from(1);
            }
            for path in &paths {
                let name = path.file_name().unwrap_or_default();
                wrote(&shown.join(name));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            error(&e.said(lang()));
            ExitCode::from(if e.is_input_error() { 2 } else { 1 })
        }
    }
}

/// Draws every chart of `dir`; unreadable or malformed input is the user's to fix (exit 2).
fn plot(dir: &std::path::Path, shown: &std::path::Path) -> ExitCode {
    let t0 = Instant::now();
    match undercurrent::plot::plot_dir(dir, lang()) {
        Ok(paths) => {
            if let Err(e) = staging::adopt(dir, &paths) {
                error(&e.said(lang()));
                return ExitCode::from(1);
            }
            drew_charts(
                paths.len() / 2,
                &shown.join("plots"),
                Some(t0.elapsed().as_secs_f64()),
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            error(&e.said(lang()));
            ExitCode::from(if e.is_input_error() { 2 } else { 1 })
        }
    }
}

/// Exit code of a sweep command: 2 for bad input, 1 for a failure while running.
fn finish(r: Result<(), SweepError>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            error(&e.said(lang()));
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
    let l = lang();
    eprintln!(
        "{}",
        tr!(
            l,
            "cli-sweep-start",
            version = manifest::version(),
            name = exp.file.name.as_str(),
            design = exp.design.kind.name(),
            points = exp.points(),
            replications = exp.replications(),
            runs = exp.runs(),
            shard = shard
                .map(|s| tr!(l, "cli-sweep-shard-part", shard = s.to_string()))
                .unwrap_or_default(),
            arms = exp.scenario.arms.len(),
            threads = threads,
            out = out.display().to_string()
        )
    );
    if !exp.dropped.is_empty() {
        note(&tr!(
            l,
            "cli-sweep-dropped",
            outputs = exp
                .dropped
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", "),
            count = exp.dropped.len()
        ));
        if exp.dropped.contains(&"per_replication") && !exp.file.run_series {
            note(&tr!(l, "cli-sweep-run-series-hint"));
        }
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(&format!(
            "{{wide_bar}} {{pos}}/{{len}} {}  {{rate}}  {{elapsed_precise}}  {} {{eta}} {{msg}}",
            tr!(l, "cli-progress-runs"),
            tr!(l, "cli-progress-eta")
        ))
        .map(|s| {
            let unit = tr!(l, "cli-progress-rate");
            s.with_key(
                "rate",
                move |st: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{} {unit}", plain(l, st.per_sec(), 1));
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
        Progress::Finalizing => bar.set_message(tr!(l, "cli-progress-writing")),
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
        note(&tr!(l, "cli-sweep-torn"));
    }
    if r.already_complete {
        println!(
            "{}",
            tr!(
                l,
                "cli-sweep-complete",
                dir = out.display().to_string(),
                runs = r.total
            )
        );
        // A sweep killed while drawing lacks some charts or its report: draw them again
        // (the same bytes, from the same files).
        if shard.is_none() {
            sweep_plots(&out);
        }
        return Ok(());
    }
    let rate = plain(l, r.computed as f64 / r.wall_seconds.max(1e-9), 1);
    let seconds = plain(l, r.wall_seconds, 1);
    match shard {
        Some(s) => println!(
            "{}",
            tr!(
                l,
                "cli-sweep-shard-done",
                shard = s.to_string(),
                runs = r.total,
                resumed = r.resumed,
                computed = r.computed,
                seconds = seconds,
                rate = rate,
                dir = out.display().to_string()
            )
        ),
        None => {
            println!(
                "{}",
                tr!(
                    l,
                    "cli-sweep-done",
                    runs = r.total,
                    resumed = r.resumed,
                    computed = r.computed,
                    seconds = seconds,
                    rate = rate,
                    files = r.files.join(", "),
                    dir = out.display().to_string()
                )
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
    match undercurrent::plot::sweep::plot_sweep_dir(dir, lang()) {
        Ok(paths) => drew_charts(paths.len() / 2, &dir.join("plots"), None),
        Err(e) => note(&tr!(lang(), "cli-no-charts", message = e.said(lang()))),
    }
    match undercurrent::report::html::write_report(lang(), dir) {
        Ok(p) => wrote(&p),
        Err(e) => note(&tr!(lang(), "cli-no-report", message = e.said(lang()))),
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
    error(&undercurrent::words::scenario_error_text(e, lang()));
    ExitCode::from(2)
}

/// `error: …` on stderr, the frame in the user's language (the message is the library's).
fn error(message: &dyn std::fmt::Display) {
    eprintln!(
        "{}",
        tr!(lang(), "cli-error", message = message.to_string())
    );
}

/// `warning: …` on stderr.
fn warning(message: &str) {
    eprintln!("{}", tr!(lang(), "cli-warning", message = message));
}

/// `note: …` on stderr.
fn note(message: &str) {
    eprintln!("{}", tr!(lang(), "cli-note", message = message));
}

/// `wrote PATH` on stderr.
fn wrote(path: &std::path::Path) {
    eprintln!(
        "{}",
        tr!(lang(), "cli-wrote", path = path.display().to_string())
    );
}

/// How many charts were drawn where, and in how long when timed.
fn drew_charts(charts: usize, dir: &std::path::Path, seconds: Option<f64>) {
    let dir = dir.display().to_string();
    let line = match seconds {
        Some(s) => tr!(
            lang(),
            "cli-drew-charts-timed",
            charts = charts,
            dir = dir,
            seconds = plain(lang(), s, 1)
        ),
        None => tr!(lang(), "cli-drew-charts", charts = charts, dir = dir),
    };
    eprintln!("{line}");
}

/// A measured quantity (seconds, a rate) in the locale's decimals, without thousands
/// separators, as progress lines have always written it.
fn plain(lang: Lang, x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    if lang == Lang::Nl {
        s.replace('.', ",")
    } else {
        s
    }
}

/// Runs `s` into `opts.out`: the library writes the data files and the manifest into a
/// staging directory, this draws the charts and the report into it (unless `no_plots`), and
/// the result moves into place only when all of that succeeded.
fn run(s: &Scenario, opts: &RunOptions, no_plots: bool) -> ExitCode {
    let bar = ProgressBar::new(0);
    let progress = |p: RunProgress| match p {
        RunProgress::Start { threads } => {
            let l = lang();
            eprintln!(
                "{}",
                tr!(
                    l,
                    "cli-run-start",
                    version = manifest::version(),
                    name = s.name.as_str(),
                    arms = s.arms.len(),
                    replications = s.replications,
                    employees = s.organisation.employees,
                    days = s.horizon_days,
                    threads = threads
                )
            );
            bar.set_style(
                ProgressStyle::with_template(&format!(
                    "{{bar:40}} {{pos}}/{{len}} {}  {{elapsed_precise}} ({} {{eta}})",
                    tr!(l, "cli-progress-replications"),
                    tr!(l, "cli-progress-eta")
                ))
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
            error(&e.said(lang()));
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
    print!(
        "{}",
        wrapped(&tr!(
            lang(),
            "cli-run-wrote",
            files = r.files.join(", "),
            manifest = "manifest.json",
            seconds = plain(lang(), r.wall_seconds, 1)
        ))
    );
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
            eprintln!(
                "{}",
                tr!(lang(), "cli-results-in", dir = dir.display().to_string())
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            error(&tr!(lang(), "cli-error-moving", message = e.to_string()));
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
        _ => Err(tr!(
            lang(),
            "cli-error-threads",
            max = MAX_THREADS.to_string()
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
            error(&tr!(
                lang(),
                "cli-error-instruction-set",
                variable = "UNDERCURRENT_ISA",
                value = format!("{v:?}"),
                allowed = allowed.join(", ")
            ));
            Err(ExitCode::from(2))
        }
    }
}
