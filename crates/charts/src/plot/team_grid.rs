//! The teams of one replication and their B over time, read from `teams.csv` (written when a
//! scenario asks for `teams = true`): what the report's team chart draws, the static
//! counterpart of the explorer's team view.
//!
//! Only replication 0 is kept: team `t` of one replication and team `t` of another are
//! different people (each replication draws its own organisation), so a mean over
//! replications per team index would describe no team at all.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::metrics::registry::Metric;
use crate::plot::data::{parse_opt_f64, read_csv};
use crate::plot::error::PlotError;

/// The replication whose teams are drawn.
pub const SHOWN_REPLICATION: u64 = 0;

/// More teams than this make squares too small to read at the chart's width: the chart is
/// left out (and the report says why), so the loader keeps no more than this many per arm
/// and only counts the rest.
pub const MAX_TEAMS: usize = 400;

/// One arm's teams: their index and their B on each of [`TeamGrid::days`] (`NaN` where not
/// recorded).
#[derive(Debug, Clone, PartialEq)]
pub struct ArmTeams {
    pub arm: String,
    pub teams: Vec<TeamSeries>,
}

/// One team's values, aligned with [`TeamGrid::days`].
#[derive(Debug, Clone, PartialEq)]
pub struct TeamSeries {
    pub team: u64,
    pub values: Vec<f64>,
}

/// Replication 0's teams per arm, and the recorded days they share.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TeamGrid {
    /// The metric drawn (a column of `teams.csv`).
    pub metric: String,
    /// How many replications the file holds (the chart names the one it shows "1 of n").
    pub replications: u64,
    pub days: Vec<f64>,
    pub arms: Vec<ArmTeams>,
    /// Teams of the arm with the most, counting those past [`MAX_TEAMS`] that were not kept.
    pub counted: usize,
}

#[derive(Deserialize)]
struct RawTeamRow {
    arm: String,
    replication: String,
    team: String,
    day: String,
    #[serde(rename = "B")]
    b: String,
}

/// The columns the team chart needs; `teams.csv` has more (every team metric).
const COLUMNS: [&str; 5] = ["arm", "replication", "team", "day", "B"];

impl TeamGrid {
    /// Number of teams of the arm with the most (kept or only counted).
    pub fn team_count(&self) -> usize {
        let kept = self.arms.iter().map(|a| a.teams.len()).max().unwrap_or(0);
        kept.max(self.counted)
    }

    /// The index in [`Self::days`] of the recorded day nearest `day`.
    pub fn nearest_day(&self, day: f64) -> Option<usize> {
        (0..self.days.len()).min_by(|&a, &b| {
            (self.days[a] - day)
                .abs()
                .total_cmp(&(self.days[b] - day).abs())
        })
    }
}

/// Where each row goes, found in constant time: a file of many teams and days is read in
/// time proportional to its rows.
#[derive(Default)]
struct Index {
    /// Position in `TeamGrid::days`, by the day's bits.
    days: HashMap<u64, usize>,
    arms: HashMap<String, ArmIndex>,
}

#[derive(Default)]
struct ArmIndex {
    position: usize,
    /// Position in the arm's `teams`, by team number.
    kept: HashMap<u64, usize>,
    /// Teams seen past [`MAX_TEAMS`]: counted, not kept.
    only_counted: HashSet<u64>,
}

/// Loads `teams.csv` from `dir`: `None` when the run wrote none. Rows of other replications
/// are read (for their count) but not kept, and past [`MAX_TEAMS`] teams an arm's teams are
/// only counted, so memory holds at most one replication's first teams.
pub fn load_team_grid(dir: &Path) -> Result<Option<TeamGrid>, PlotError> {
    let path = dir.join("teams.csv");
    if !path.is_file() {
        return Ok(None);
    }
    let mut grid = TeamGrid {
        metric: Metric::B.name().to_string(),
        ..TeamGrid::default()
    };
    let mut index = Index::default();
    read_csv(&path, &COLUMNS, |r: RawTeamRow, _line| {
        let replication: u64 = r
            .replication
            .trim()
            .parse()
            .map_err(|_| format!("replication `{}` is not a whole number", r.replication))?;
        grid.replications = grid.replications.max(replication + 1);
        if replication != SHOWN_REPLICATION {
            return Ok(());
        }
        let team: u64 = r
            .team
            .trim()
            .parse()
            .map_err(|_| format!("team `{}` is not a whole number", r.team))?;
        let day = parse_opt_f64(&r.day)
            .map_err(|e| format!("day: {e}"))?
            .ok_or_else(|| "day is missing".to_string())?;
        let value = parse_opt_f64(&r.b)
            .map_err(|e| format!("B: {e}"))?
            .unwrap_or(f64::NAN);
        let arm = index.arms.entry(r.arm.clone()).or_insert_with(|| {
            grid.arms.push(ArmTeams {
                arm: r.arm.clone(),
                teams: Vec::new(),
            });
            ArmIndex {
                position: grid.arms.len() - 1,
                ..ArmIndex::default()
            }
        });
        let teams = &mut grid.arms[arm.position].teams;
        let t = match arm.kept.get(&team) {
            Some(&t) => t,
            None if teams.len() < MAX_TEAMS => {
                teams.push(TeamSeries {
                    team,
                    values: Vec::new(),
                });
                arm.kept.insert(team, teams.len() - 1);
                teams.len() - 1
            }
            None => {
                arm.only_counted.insert(team);
                grid.counted = grid.counted.max(MAX_TEAMS + arm.only_counted.len());
                return Ok(());
            }
        };
        let k = *index.days.entry(day.to_bits()).or_insert_with(|| {
            grid.days.push(day);
            grid.days.len() - 1
        });
        let values = &mut teams[t].values;
        if values.len() <= k {
            values.resize(k + 1, f64::NAN);
        }
        values[k] = value;
        Ok(())
    })?;
    if grid.arms.is_empty() {
        return Ok(None);
    }
    // Days in order (the file lists them in order per team; a first team with fewer
    // recorded days would otherwise leave later ones out of order).
    let mut order: Vec<usize> = (0..grid.days.len()).collect();
    order.sort_by(|&a, &b| grid.days[a].total_cmp(&grid.days[b]));
    let n = grid.days.len();
    grid.days = order.iter().map(|&k| grid.days[k]).collect();
    for arm in &mut grid.arms {
        arm.teams.sort_by_key(|t| t.team);
        for t in &mut arm.teams {
            t.values.resize(n, f64::NAN);
            t.values = order.iter().map(|&k| t.values[k]).collect();
        }
    }
    Ok(Some(grid))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(csv: &str) -> std::path::PathBuf {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "undercurrent-team-grid-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("teams.csv"), csv).unwrap();
        dir
    }

    #[test]
    fn only_the_first_replication_is_kept_and_the_rest_counted() {
        let dir = dir_with(
            "arm,replication,team,day,employees,B,K\n\
             baseline,0,0,0,10,0.30,0.5\n\
             baseline,0,0,5,10,0.31,0.5\n\
             baseline,0,1,0,9,0.40,0.5\n\
             baseline,0,1,5,9,0.42,0.5\n\
             baseline,1,0,0,10,0.99,0.5\n\
             baseline,2,0,0,10,0.99,0.5\n",
        );
        let g = load_team_grid(&dir).unwrap().unwrap();
        assert_eq!(g.replications, 3);
        assert_eq!(g.days, vec![0.0, 5.0]);
        assert_eq!(g.team_count(), 2);
        assert_eq!(g.arms[0].teams[1].values, vec![0.40, 0.42]);
        assert_eq!(g.nearest_day(4.0), Some(1));
    }

    #[test]
    fn a_run_without_teams_has_no_grid_and_a_bad_row_names_its_line() {
        let empty = std::env::temp_dir().join("undercurrent-team-grid-none");
        std::fs::create_dir_all(&empty).unwrap();
        assert_eq!(load_team_grid(&empty).unwrap(), None);
        let dir = dir_with("arm,replication,team,day,B\nbaseline,zero,0,0,0.3\n");
        let e = load_team_grid(&dir).unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains("replication"), "{e}");
    }

    #[test]
    fn past_the_most_a_chart_can_show_teams_are_counted_not_kept() {
        let mut csv = String::from("arm,replication,team,day,B\n");
        let n = MAX_TEAMS + 25;
        for team in 0..n {
            for day in [0, 5] {
                csv.push_str(&format!("baseline,0,{team},{day},0.5\n"));
            }
        }
        let g = load_team_grid(&dir_with(&csv)).unwrap().unwrap();
        assert_eq!(g.team_count(), n);
        assert_eq!(g.arms[0].teams.len(), MAX_TEAMS);
        assert_eq!(g.days, vec![0.0, 5.0]);
    }
}
