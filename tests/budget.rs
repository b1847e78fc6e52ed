//! The memory estimate the scenario checks use is an upper bound of what a run allocates,
//! and no scenario the checks accept passes the bound (issue 18, items 2 and 3).

use proptest::prelude::*;
use undercurrent::experiment::budget::{estimate, MEMORY_LIMIT_BYTES};
use undercurrent::experiment::scenario::Scenario;
use undercurrent::model::{ArmPlan, Consts, Simulation};

/// Largest bytes the organisation's teams hold over a run of the scenario's days (each
/// team's state and its customer pool's reserved capacity).
fn allocated_peak(s: &Scenario) -> usize {
    let params = s.params();
    let consts = Consts::new(&params);
    let mut sim = Simulation::new(&params, &consts, 7);
    let bytes = |sim: &Simulation| -> usize {
        sim.teams
            .iter()
            .map(|t| t.state_bytes() + t.pool_bytes())
            .sum()
    };
    let mut peak = bytes(&sim);
    let none = ArmPlan::default();
    for day in -s.burn_in_days..s.horizon_days {
        sim.step(&none, day, false);
        peak = peak.max(bytes(&sim));
    }
    peak
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn the_estimate_bounds_what_an_accepted_scenario_allocates(
        employees in 1usize..300,
        team_size in 1usize..60,
        pool in 1.0f64..300.0,
        inflow in 0.0f64..30.0,
        outflow in prop_oneof![Just(0.0), 0.0f64..0.3],
        contacts in 1usize..40,
        referral in 0.0f64..1.0,
        burn_in in 0i64..40,
        horizon in 1i64..80,
    ) {
        let team_size = team_size.min(employees);
        let toml = format!(
            "name = \"p\"\nreplications = 1\nburn_in_days = {burn_in}\nhorizon_days = {horizon}\nrecord_every = 1\n\
             [organisation]\nemployees = {employees}\nteam_size = {team_size}\n\
             [customers]\npool_per_employee = {pool}\ninflow_per_employee = {inflow}\noutflow_rate = {outflow}\n\
             contacts_per_day = {contacts}\nreferral_promoter = {referral}\n"
        );
        let s = Scenario::parse(&toml, "<proptest>").unwrap_or_else(|e| panic!("{e}\n{toml}"));
        let e = estimate(&s);
        prop_assert!(e.peak(1) <= MEMORY_LIMIT_BYTES);
        let allocated = allocated_peak(&s);
        prop_assert!(
            allocated as f64 <= e.organisation,
            "allocated {allocated} B > estimated {} B\n{toml}",
            e.organisation
        );
    }
}

#[test]
fn scenarios_that_pass_every_range_but_not_the_memory_bound_are_refused_before_allocating() {
    for (toml, key) in [
        (
            "[organisation]\nemployees = 10000\nteam_size = 10000\n[customers]\npool_per_employee = 100000\n",
            "customers.pool_per_employee",
        ),
        (
            "[organisation]\nemployees = 100000\n[customers]\ninflow_per_employee = 1000\noutflow_rate = 0\n",
            "customers.inflow_per_employee",
        ),
        (
            "replications = 1000000\nhorizon_days = 100000\nrecord_every = 1\n",
            "replications",
        ),
        (
            "[organisation]\nemployees = 10000000\n[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"training\"\nstart = 10\n",
            "organisation.employees",
        ),
    ] {
        let e = Scenario::parse(toml, "t").unwrap_err().to_string();
        assert!(e.contains(&format!("`{key}`")), "{toml}: {e}");
        assert!(e.contains("fits in 6.0 GiB"), "{toml}: {e}");
    }
}

#[test]
fn a_trillion_employees_with_a_programme_is_refused_without_allocating_per_team() {
    // Once allocated one flag per team (10^12 bytes) before the size was refused.
    let toml = "name = \"x\"\n[organisation]\nemployees = 1000000000000\nteam_size = 1\n[[arms]]\nname = \"a\"\n[[arms.interventions]]\nkind = \"training\"\nstart = 10\n";
    let e = Scenario::parse(toml, "t").unwrap_err().to_string();
    assert!(e.contains("`organisation.employees`"), "{e}");
}

#[test]
fn every_shipped_scenario_fits() {
    for dir in ["experiments", "experiments/bench", "tests/fixtures"] {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let p = entry.path();
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            if p.extension().is_some_and(|x| x == "toml")
                && !text.contains("[sweep")
                && !text.contains("[scenario")
                && !text.contains("[[axes")
            {
                if let Ok(s) = Scenario::parse(&text, "x") {
                    assert!(
                        estimate(&s).peak(1) <= MEMORY_LIMIT_BYTES,
                        "{}",
                        p.display()
                    );
                }
            }
        }
    }
}
