//! Fitted cost exponents (BENCHMARKS.md, "Scaling"): times a baseline run of the full model
//! (recording every 5 days) at several sizes of employees, days and contacts per day, on one
//! thread, and fits log(time) = a + b·log(size) by least squares; b = 1 is linear cost.
//! Also prints the memory of the state per employee.
//!
//! `cargo run --release --example scaling` (about a minute on the 2-core machine).

use std::time::Instant;

use undercurrent::metrics::recorder::Recorder;
use undercurrent::model::{ArmPlan, Consts, Params, Simulation};

/// Best of `REPEATS` timings of stepping a fresh organisation for `days` days (the build is
/// not timed).
const REPEATS: usize = 3;

fn time_run(employees: usize, days: i64, contacts: usize) -> f64 {
    let mut params = Params::default();
    params.organisation.employees = employees;
    params.organisation.team_size = 10;
    params.customers.contacts_per_day = contacts;
    let consts = Consts::new(&params);
    let plan = ArmPlan::default();
    let mut best = f64::INFINITY;
    for _ in 0..REPEATS {
        let mut sim = Simulation::new(&params, &consts, 1);
        let mut rec = Recorder::new(days, 5, 25.0);
        let start = Instant::now();
        for day in 0..days {
            let record = rec.is_record_day(day);
            let t = sim.step(&plan, day, record);
            rec.on_day(day, &t, record);
        }
        best = best.min(start.elapsed().as_secs_f64());
        std::hint::black_box(rec.finish());
    }
    best
}

/// Least-squares slope and intercept of log(t) on log(x).
fn fit(points: &[(f64, f64)]) -> (f64, f64) {
    let n = points.len() as f64;
    let (lx, ly): (Vec<f64>, Vec<f64>) = points.iter().map(|&(x, t)| (x.ln(), t.ln())).unzip();
    let mx = lx.iter().sum::<f64>() / n;
    let my = ly.iter().sum::<f64>() / n;
    let sxy: f64 = lx.iter().zip(&ly).map(|(x, y)| (x - mx) * (y - my)).sum();
    let sxx: f64 = lx.iter().map(|x| (x - mx) * (x - mx)).sum();
    let b = sxy / sxx;
    (b, my - b * mx)
}

fn series(name: &str, sizes: &[usize], run: impl Fn(usize) -> (f64, f64)) {
    println!("\n{name}");
    println!(
        "{:>10} {:>10} {:>16} {:>14}",
        "size", "time (s)", "employee-days/s", "contacts/s"
    );
    let mut pts = Vec::new();
    for &x in sizes {
        let (t, ed_per_run) = run(x);
        let contacts = if name == "contacts per day" { x } else { 8 } as f64;
        println!(
            "{:>10} {:>10.4} {:>16.3e} {:>14.3e}",
            x,
            t,
            ed_per_run / t,
            ed_per_run * contacts / t
        );
        pts.push((x as f64, t));
    }
    let (b, _) = fit(&pts);
    println!("fitted exponent b = {b:.3}");
    if name == "contacts per day" {
        // The per-employee-day work (stream seed, sigmoids, slow state) does not grow with
        // contacts, so the affine fit t = c0 + c1·contacts says more than the exponent.
        let n = pts.len() as f64;
        let mx = pts.iter().map(|p| p.0).sum::<f64>() / n;
        let my = pts.iter().map(|p| p.1).sum::<f64>() / n;
        let c1 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>()
            / pts.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum::<f64>();
        let c0 = my - c1 * mx;
        let ed = 10_000.0 * 50.0;
        println!(
            "affine fit: {:.1} ns per employee-day + {:.2} ns per contact",
            c0 / ed * 1e9,
            c1 / ed * 1e9
        );
    }
}

fn main() {
    let threads = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    threads.install(|| {
        println!("one thread, teams of 10, baseline only, recording every 5 days; best of {REPEATS}");
        series("employees (50 days, 8 contacts)", &[2_000, 10_000, 50_000, 250_000], |n| {
            (time_run(n, 50, 8), n as f64 * 50.0)
        });
        series("days (10,000 employees, 8 contacts)", &[25, 50, 100, 200], |d| {
            (time_run(10_000, d as i64, 8), 10_000.0 * d as f64)
        });
        series("contacts per day", &[2, 4, 8, 16, 32], |c| {
            (time_run(10_000, 50, c), 10_000.0 * 50.0)
        });

        let mut params = Params::default();
        params.organisation.employees = 100_000;
        params.organisation.team_size = 10;
        let consts = Consts::new(&params);
        let sim = Simulation::new(&params, &consts, 1);
        let n = sim.employees() as f64;
        let state: usize = sim.teams.iter().map(|t| t.state_bytes()).sum();
        let pool: usize = sim.teams.iter().map(|t| t.pool_bytes()).sum();
        let customers: usize = sim.teams.iter().map(|t| t.customers.len()).sum();
        println!("\nmemory at 100,000 employees (teams of 10), at the start");
        println!(
            "state per employee: {:.1} bytes (employee table {} bytes, the rest the team, its NPS window and scratch)",
            state as f64 / n,
            undercurrent::model::employees::Employees::bytes_per_employee()
        );
        println!(
            "customer pool per employee: {:.1} bytes reserved, {:.1} bytes in use ({} customers)",
            pool as f64 / n,
            customers as f64 * 4.0 / n,
            customers
        );
    });
}
