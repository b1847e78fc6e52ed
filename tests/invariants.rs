//! Property tests: for random valid scenarios (any drive mix, organisation shape, turnover,
//! every intervention kind at any intensity), the model's state stays meaningful every day.

use proptest::prelude::*;
use undercurrent::experiment::scenario::Scenario;
use undercurrent::experiment::sweep::experiment::Experiment;
use undercurrent::model::customers::nps;
use undercurrent::model::employees::{Col, N_COLS};
use undercurrent::model::{ArmPlan, Consts, Kind, Simulation};

/// State variables and personal anchors that the model defines on [0, 1].
const UNIT_COLS: [Col; 14] = [
    Col::B,
    Col::K,
    Col::A,
    Col::N,
    Col::H,
    Col::E,
    Col::U,
    Col::P,
    Col::N0,
    Col::U0,
    Col::Rhat,
    Col::Alignment,
    Col::K0,
    Col::P0,
];

#[derive(Debug, Clone)]
struct Case {
    employees: usize,
    team_size: usize,
    turnover: f64,
    mix: [f64; 7],
    role_model_mean: f64,
    intercept: f64,
    kinds: Vec<(usize, f64, u32, bool)>,
    seed: u64,
}

fn case() -> impl Strategy<Value = Case> {
    (
        5usize..80,
        2usize..15,
        0.0..1.0f64,
        prop::array::uniform7(0.0..1.0f64),
        0.05..0.95f64,
        -5.0..1.5f64,
        prop::collection::vec(
            (
                0usize..Kind::ALL.len(),
                0.0..4.0f64,
                1u32..15,
                any::<bool>(),
            ),
            1..5,
        ),
        any::<u64>(),
    )
        .prop_map(|(employees, ts, turnover, mut mix, r, icpt, kinds, seed)| {
            mix[0] += 0.01; // a mix needs a positive sum
            Case {
                employees,
                team_size: ts.min(employees),
                turnover,
                mix,
                role_model_mean: r,
                intercept: icpt,
                kinds,
                seed,
            }
        })
}

fn scenario(c: &Case) -> Scenario {
    let names = [
        "purple",
        "red",
        "blue",
        "orange",
        "green",
        "yellow",
        "turquoise",
    ];
    let mix: Vec<String> = names
        .iter()
        .zip(c.mix)
        .map(|(n, v)| format!("{n} = {v}"))
        .collect();
    let mut toml = format!(
        "name = \"prop\"\nhorizon_days = 120\nburn_in_days = 20\n[organisation]\nemployees = {}\nteam_size = {}\nturnover_per_year = {}\ndrive_mix = {{ {} }}\n[managers]\nrole_model_mean = {}\n[behaviour]\nintercept = {}\n[[arms]]\nname = \"all\"\n",
        c.employees,
        c.team_size,
        c.turnover,
        mix.join(", "),
        c.role_model_mean,
        c.intercept
    );
    for (k, intensity, interval, variable) in &c.kinds {
        let kind = Kind::ALL[*k];
        toml.push_str(&format!(
            "[[arms.interventions]]\nkind = \"{}\"\nstart = {}\nduration = 60\ninterval = {interval}\nintensity = {intensity}\nschedule = \"{}\"\ngaming = 0.2\ntarget = \"{}\"\n",
            kind.name(),
            5 * k,
            if *variable { "variable_ratio" } else { "continuous" },
            if kind.acts_on_managers() { "managers" } else { "all" }
        ));
    }
    Scenario::parse(&toml, "<proptest>").unwrap_or_else(|e| panic!("{e}\n{toml}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn state_stays_in_range_and_head_count_is_conserved(c in case()) {
        let s = scenario(&c);
        let params = s.params();
        let consts = Consts::new(&params);
        let plans = s.plans();
        let mut sim = Simulation::new(&params, &consts, c.seed);
        let none = ArmPlan::default();
        let plan: &ArmPlan = &plans[1];
        for day in -20..120i64 {
            let p = if day < 0 { &none } else { plan };
            let today = sim.step(p, day, day % 7 == 0);
            prop_assert_eq!(today.employees as usize, c.employees, "head count on day {}", day);
            for team in &sim.teams {
                let e = &team.employees;
                for col in UNIT_COLS {
                    for (i, v) in e.col(col).iter().enumerate() {
                        prop_assert!((0.0..=1.0).contains(v),
                            "{:?} of employee {} in team {} = {} on day {}", col, i, team.index, v, day);
                    }
                }
                for col in 0..N_COLS {
                    prop_assert!(e.column(col).iter().all(|v| v.is_finite() && *v >= 0.0),
                        "column {} not finite/non-negative on day {}", col, day);
                }
                prop_assert!(team.customers.memory.iter().all(|m| m.is_finite()));
                let [pro, det, tot] = team.nps.sums;
                prop_assert!(pro + det <= tot);
                let score = nps(pro, det, tot);
                prop_assert!((-100.0..=100.0).contains(&score), "NPS {}", score);
            }
            prop_assert!(today.sum_b.is_finite() && today.cost_interventions.is_finite());
            prop_assert!(today.oriented <= today.contacts && today.breaks <= today.contacts);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Fuzzing the parser: any text gives a scenario or an error, never a panic.
    #[test]
    fn arbitrary_text_never_panics_the_scenario_parser(src in "\\PC{0,300}") {
        let _ = Scenario::parse(&src, "<fuzz>");
    }

    /// The same for experiment files (sweeps).
    #[test]
    fn arbitrary_text_never_panics_the_experiment_parser(src in "\\PC{0,300}") {
        let _ = Experiment::parse(&src, "<fuzz>", std::path::Path::new("."));
    }

    /// Near-valid experiment files: sections and keys of the real format, mangled.
    #[test]
    fn mangled_experiments_never_panic(
        lines in prop::collection::vec(
            prop::sample::select(vec![
                "name = \"x\"", "replications = 0", "seed = 3", "[scenario]", "horizon_days = 50",
                "burn_in_days = 10", "[sweep]", "design = \"grid\"", "design = \"sobol\"",
                "design = \"morris\"", "design = \"lhs\"", "samples = 0", "samples = 1e12",
                "base_samples = 99999999999", "trajectories = -1", "levels = 1",
                "[[sweep.axes]]", "key = \"managers.role_model_mean\"", "key = \"nope.nope\"",
                "key = \"organisation.employees\"", "values = []", "values = [1, nan]",
                "min = 1", "max = 0", "min = -1e308", "max = 1e308",
                "range = { from = 0, to = 1, step = 0 }", "range = { from = 1, to = 0, step = 0.1 }",
                "[sensitivity]", "outputs = [\"x.y\"]", "bootstrap = 0", "keep_metrics = []",
                "base = \"/no/such/file.toml\"", "= =", "[[",
            ]),
            0..25,
        )
    ) {
        let _ = Experiment::parse(&lines.join("\n"), "<fuzz>", std::path::Path::new("."));
    }

    /// Near-valid text (keys and values of the real format, shuffled and mangled) reaches
    /// deeper into validation than random characters do.
    #[test]
    fn mangled_scenarios_never_panic(
        lines in prop::collection::vec(
            prop::sample::select(vec![
                "name = \"x\"", "seed = -1", "replications = 0", "replications = 1e9",
                "horizon_days = 99999999999", "burn_in_days = -3", "record_every = 0",
                "[organisation]", "employees = 0", "employees = -1", "team_size = 100000",
                "employees = nan", "employees = 1000000000000", "team_size = 0", "turnover_per_year = inf", "drive_mix = { red = -1 }",
                "[behaviour]", "intercept = nan", "[[arms]]", "name = \"baseline\"",
                "[[arms.interventions]]", "kind = \"coaching\"", "start = -5", "start = 1e20",
                "duration = 0", "interval = 0", "intensity = -2", "target = \"teams\"",
                "teams = [99]", "schedule = \"variable_ratio\"", "ratio = 0", "[managers]",
                "role_model_mean = 1", "[customers]", "score_base = 1e308", "= =", "[[",
                "employee_snapshots = [-1, 1e9]", "per_replication = \"maybe\"",
            ]),
            0..25,
        )
    ) {
        let _ = Scenario::parse(&lines.join("\n"), "<fuzz>");
    }
}
