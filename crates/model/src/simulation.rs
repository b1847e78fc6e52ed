//! One organisation in one replication: its teams, their daily steps, and the sum of a day.

use rayon::prelude::*;

use super::consts::Consts;
use super::draws::Isa;
use super::interventions::ArmPlan;
use super::manager::SelfRating;
use super::params::Params;
use super::team::{Team, TeamDay, World};

/// Teams below this count are stepped on the calling thread: splitting a small organisation
/// costs more than it saves, and runs are the parallel unit of a sweep anyway.
const PARALLEL_TEAMS: usize = 64;

/// Teams handed to a thread as one piece of work (rayon splits further only down to this): a
/// team-day of 10 employees costs a few microseconds, so 16 of them amortise a task's cost;
/// within a piece, each next team is prefetched while the current one is stepped.
const TEAMS_PER_TASK: usize = 16;

#[derive(Debug, Clone)]
pub struct Simulation<'a> {
    pub world: World<'a>,
    pub teams: Vec<Team>,
    scratch: Vec<TeamDay>,
}

impl<'a> Simulation<'a> {
    /// Builds the organisation of one replication at the fixed point of its slow state.
    pub fn new(params: &'a Params, consts: &'a Consts, rep_seed: u64) -> Self {
        let o = &params.organisation;
        let org_mix = o.drive_mix.normalised();
        let hiring_mix = o
            .hiring_mix
            .as_ref()
            .map(|m| m.normalised())
            .unwrap_or(org_mix);
        let world = World {
            params,
            consts,
            rep_seed,
            org_mix,
            hiring_mix,
            isa: Isa::preferred(),
        };
        let sizes = team_sizes(o.employees, o.team_size);
        let full = sizes.first().copied().unwrap_or(0);
        // Teams are built in parallel (each from its own keyed streams, collected in team
        // order, so the organisation is the same on any number of threads): at a million
        // employees building costs as much as a dozen days.
        let teams = sizes
            .par_iter()
            .enumerate()
            .map(|(t, &n)| {
                let vis = if n == full {
                    consts.visibility_full
                } else {
                    consts.visibility_last
                };
                Team::new(&world, t, n, vis)
            })
            .collect();
        Simulation {
            world,
            teams,
            scratch: Vec::new(),
        }
    }

    /// Computes the employee-day draws on `isa` from now on (the results are the same on
    /// every instruction set; tests compare them).
    pub fn set_isa(&mut self, isa: Isa) {
        self.world.isa = isa;
    }

    pub fn employees(&self) -> usize {
        self.teams.iter().map(|t| t.employees.len()).sum()
    }

    /// Advances every team by one day and returns the organisation's totals (summed in team
    /// order, so the result does not depend on how teams were spread over threads).
    pub fn step(&mut self, plan: &ArmPlan, day: i64, record: bool) -> TeamDay {
        let world = &self.world;
        let step = |t: &mut Team| {
            let dp = plan.day_plan(t.index, day);
            t.step(world, &dp, day, record)
        };
        // Sized once (the first day); every later day writes into the same slots.
        self.scratch.resize(self.teams.len(), TeamDay::default());
        if self.teams.len() >= PARALLEL_TEAMS {
            self.teams
                .par_chunks_mut(TEAMS_PER_TASK)
                .zip(self.scratch.par_chunks_mut(TEAMS_PER_TASK))
                .for_each(|(teams, out)| step_in_order(teams, out, &step));
        } else {
            step_in_order(&mut self.teams, &mut self.scratch, &step);
        }
        let mut total = TeamDay::default();
        for d in &self.scratch {
            total += *d;
        }
        total
    }

    /// Every team's own day from the last [`Simulation::step`], in team order (empty before
    /// the first): what a team-level table records.
    pub fn team_days(&self) -> &[TeamDay] {
        &self.scratch
    }

    /// Managers' self-ratings: shares rating themselves "always" and "almost always".
    pub fn self_rating_shares(&self) -> (f64, f64) {
        let p = &self.world.params.managers;
        let n = self.teams.len().max(1) as f64;
        let count = |r: SelfRating| {
            self.teams
                .iter()
                .filter(|t| t.manager.self_rating(p) == r)
                .count() as f64
                / n
        };
        (count(SelfRating::Always), count(SelfRating::AlmostAlways))
    }

    /// Share of managers whose true level makes them a role model.
    pub fn role_model_share(&self) -> f64 {
        let p = &self.world.params.managers;
        let n = self.teams.len().max(1) as f64;
        self.teams
            .iter()
            .filter(|t| t.manager.is_role_model(p))
            .count() as f64
            / n
    }
}

/// Steps `teams` one after the other into `out`, prefetching each next team while the
/// current one runs.
fn step_in_order(
    teams: &mut [Team],
    out: &mut [TeamDay],
    step: &(impl Fn(&mut Team) -> TeamDay + Sync),
) {
    for j in 0..teams.len() {
        if let Some(next) = teams.get(j + 1) {
            next.prefetch();
        }
        out[j] = step(&mut teams[j]);
    }
}

/// Team sizes: `team_size` each, the remainder in a last, smaller team.
pub fn team_sizes(employees: usize, team_size: usize) -> Vec<usize> {
    let ts = team_size.max(1);
    let mut v = vec![ts; employees / ts];
    if !employees.is_multiple_of(ts) {
        v.push(employees % ts);
    }
    v
}

/// Adds one team-day into a total (`*t += *d`; see `AddAssign for TeamDay`).
pub fn add(t: &mut TeamDay, d: &TeamDay) {
    *t += *d;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draws::Isa;
    use crate::interventions::{ArmPlan, InterventionSpec, Kind};

    /// Steps an organisation of 70 teams (so they are stepped in parallel) under a coaching
    /// and reinforcement programme on `isa`, returning every day's totals and the final teams.
    fn run_on(isa: Isa) -> (Vec<TeamDay>, Vec<Team>) {
        let mut params = Params::default();
        params.organisation.employees = 700;
        params.organisation.team_size = 10;
        let consts = Consts::new(&params);
        let specs = [
            InterventionSpec::new(Kind::Coaching, Some(3), 20, 5),
            InterventionSpec::new(Kind::Reinforcement, Some(5), 30, 1),
        ];
        let plan = ArmPlan::resolve(&specs, 70);
        let mut sim = Simulation::new(&params, &consts, 11);
        sim.set_isa(isa);
        let days = (0..40).map(|d| sim.step(&plan, d, d % 5 == 0)).collect();
        (days, sim.teams)
    }

    #[test]
    fn every_instruction_set_this_cpu_has_gives_the_same_organisation_bit_for_bit() {
        let paths = Isa::all_available();
        let (days, teams) = run_on(paths[0]);
        assert!(days.iter().any(|d| d.rewards > 0), "the programme ran");
        for &isa in &paths[1..] {
            let (d, t) = run_on(isa);
            assert_eq!(d, days, "{:?}", isa.kind());
            assert_eq!(t, teams, "{:?}", isa.kind());
        }
    }
}
