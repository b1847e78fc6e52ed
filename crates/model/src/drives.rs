//! The seven drives (value systems) and the per-drive trait table.
//!
//! Article 001 argues that people read "customer orientation" through one of seven value
//! systems; every trait of an employee is therefore the profile-weighted average of a table
//! indexed by drive, so that changing the organisation's drive mix changes how every
//! intervention lands (stylized fact 8).

use serde::{Deserialize, Serialize};

/// Number of drives in the Graves / Spiral Dynamics tradition.
pub const N_DRIVES: usize = 7;
/// Number of facets of customer orientation a lens weighs.
pub const N_FACETS: usize = 4;

/// Drive names in table order; also the suffixes of the `B_<drive>` metrics.
pub const DRIVE_NAMES: [&str; N_DRIVES] = [
    "purple",
    "red",
    "blue",
    "orange",
    "green",
    "yellow",
    "turquoise",
];

/// Facet names of a lens, in order.
pub const FACET_NAMES: [&str; N_FACETS] = ["speed", "care", "correctness", "solution"];

/// Weights over the four facets of customer orientation (article 001: "what customer
/// orientation means to me"). Normalised to sum 1 where used.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lens {
    pub speed: f64,
    pub care: f64,
    pub correctness: f64,
    pub solution: f64,
}

impl Lens {
    pub const fn new(speed: f64, care: f64, correctness: f64, solution: f64) -> Self {
        Lens {
            speed,
            care,
            correctness,
            solution,
        }
    }

    pub fn as_array(&self) -> [f64; N_FACETS] {
        [self.speed, self.care, self.correctness, self.solution]
    }

    /// The lens scaled to sum 1 (a zero lens stays uniform, so it never divides by zero).
    pub fn normalised(&self) -> [f64; N_FACETS] {
        let a = self.as_array();
        let s: f64 = a.iter().sum();
        if s <= 0.0 {
            return [1.0 / N_FACETS as f64; N_FACETS];
        }
        a.map(|x| x / s)
    }
}

/// Alignment of two lenses: one minus their total-variation distance, in [0, 1].
/// Total variation keeps the measure linear in each facet, so moving a lens part of the way
/// toward the organisation's definition raises alignment in proportion.
pub fn alignment(a: &[f64; N_FACETS], b: &[f64; N_FACETS]) -> f64 {
    let tv: f64 = a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum::<f64>() * 0.5;
    (1.0 - tv).clamp(0.0, 1.0)
}

/// Traits one drive contributes. Susceptibilities are multipliers on an intervention
/// channel's effect (1 = average).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DriveTraits {
    /// Urge to help (article 004: empathic concern drives costly altruism).
    pub empathy: f64,
    /// "What does it yield me now" (article 003): weight of effort in the behaviour choice.
    pub effort_aversion: f64,
    /// Inclination to keep to company rules.
    pub rule_orientation: f64,
    pub susceptibility_training: f64,
    pub susceptibility_coaching: f64,
    pub susceptibility_reward: f64,
    pub susceptibility_role_model: f64,
    pub susceptibility_sanctions: f64,
    pub susceptibility_feedback: f64,
    /// What customer orientation means to someone with this drive.
    pub lens: Lens,
}

/// The per-drive trait table; every row is overridable in a scenario file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DriveTable {
    pub purple: DriveTraits,
    pub red: DriveTraits,
    pub blue: DriveTraits,
    pub orange: DriveTraits,
    pub green: DriveTraits,
    pub yellow: DriveTraits,
    pub turquoise: DriveTraits,
}

#[allow(clippy::too_many_arguments)]
const fn row(
    empathy: f64,
    effort_aversion: f64,
    rule_orientation: f64,
    training: f64,
    coaching: f64,
    reward: f64,
    role_model: f64,
    sanctions: f64,
    feedback: f64,
    lens: Lens,
) -> DriveTraits {
    DriveTraits {
        empathy,
        effort_aversion,
        rule_orientation,
        susceptibility_training: training,
        susceptibility_coaching: coaching,
        susceptibility_reward: reward,
        susceptibility_role_model: role_model,
        susceptibility_sanctions: sanctions,
        susceptibility_feedback: feedback,
        lens,
    }
}

impl Default for DriveTable {
    /// Defaults follow the usual reading of the seven value systems in Dutch practice
    /// (article 001 and the Graves literature it draws on): people drives (purple, green,
    /// turquoise) are empathic and respond to coaching and role models; power and
    /// achievement drives (red, orange) respond to rewards and see customer orientation as
    /// speed and solutions; blue keeps rules and responds to structure and sanctions.
    fn default() -> Self {
        DriveTable {
            purple: row(
                0.70,
                0.40,
                0.60,
                0.8,
                1.25,
                0.8,
                1.3,
                0.7,
                0.7,
                Lens::new(0.10, 0.50, 0.20, 0.20),
            ),
            red: row(
                0.30,
                0.70,
                0.20,
                0.7,
                0.4,
                1.4,
                0.9,
                0.9,
                0.4,
                Lens::new(0.60, 0.05, 0.05, 0.30),
            ),
            blue: row(
                0.40,
                0.40,
                0.90,
                1.1,
                0.8,
                0.8,
                1.1,
                1.2,
                0.6,
                Lens::new(0.15, 0.10, 0.60, 0.15),
            ),
            orange: row(
                0.40,
                0.50,
                0.40,
                1.0,
                0.55,
                1.3,
                0.8,
                0.6,
                1.0,
                Lens::new(0.35, 0.10, 0.10, 0.45),
            ),
            green: row(
                0.90,
                0.30,
                0.40,
                0.9,
                1.55,
                0.6,
                1.0,
                0.5,
                1.4,
                Lens::new(0.10, 0.60, 0.10, 0.20),
            ),
            yellow: row(
                0.50,
                0.30,
                0.30,
                1.1,
                1.1,
                0.6,
                0.7,
                0.4,
                1.5,
                Lens::new(0.10, 0.20, 0.20, 0.50),
            ),
            turquoise: row(
                0.70,
                0.30,
                0.40,
                0.9,
                1.4,
                0.5,
                0.8,
                0.4,
                1.2,
                Lens::new(0.15, 0.35, 0.15, 0.35),
            ),
        }
    }
}

impl DriveTable {
    pub fn rows(&self) -> [&DriveTraits; N_DRIVES] {
        [
            &self.purple,
            &self.red,
            &self.blue,
            &self.orange,
            &self.green,
            &self.yellow,
            &self.turquoise,
        ]
    }

    /// Profile-weighted average of the table: the traits of one employee.
    pub fn blend(&self, profile: &[f64; N_DRIVES]) -> BlendedTraits {
        let mut t = BlendedTraits::default();
        let mut lens = [0.0; N_FACETS];
        for (w, r) in profile.iter().zip(self.rows()) {
            t.empathy += w * r.empathy;
            t.effort_aversion += w * r.effort_aversion;
            t.rule_orientation += w * r.rule_orientation;
            t.training += w * r.susceptibility_training;
            t.coaching += w * r.susceptibility_coaching;
            t.reward += w * r.susceptibility_reward;
            t.role_model += w * r.susceptibility_role_model;
            t.sanctions += w * r.susceptibility_sanctions;
            t.feedback += w * r.susceptibility_feedback;
            for (l, x) in lens.iter_mut().zip(r.lens.normalised()) {
                *l += w * x;
            }
        }
        t.lens = lens;
        t
    }
}

/// One employee's traits after blending.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BlendedTraits {
    pub empathy: f64,
    pub effort_aversion: f64,
    pub rule_orientation: f64,
    pub training: f64,
    pub coaching: f64,
    pub reward: f64,
    pub role_model: f64,
    pub sanctions: f64,
    pub feedback: f64,
    pub lens: [f64; N_FACETS],
}

/// Share of each drive in an organisation (normalised where used). In a file, a drive not
/// named has share 0, so `{ green = 1 }` means an all-green organisation; the default mix
/// applies only when the whole mix is absent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DriveMix {
    #[serde(default)]
    pub purple: f64,
    #[serde(default)]
    pub red: f64,
    #[serde(default)]
    pub blue: f64,
    #[serde(default)]
    pub orange: f64,
    #[serde(default)]
    pub green: f64,
    #[serde(default)]
    pub yellow: f64,
    #[serde(default)]
    pub turquoise: f64,
}

impl Default for DriveMix {
    /// A mixed service organisation: blue and orange dominate, as in most Dutch
    /// drive-profile reports; the higher drives are rare.
    fn default() -> Self {
        DriveMix {
            purple: 0.10,
            red: 0.10,
            blue: 0.25,
            orange: 0.25,
            green: 0.20,
            yellow: 0.07,
            turquoise: 0.03,
        }
    }
}

/// The fields of a drive mix as a file names them (`{ green = 1 }`): a table only. A
/// derived struct would also take a list (`[1, 2, 3]`) by position, silently as purple, red
/// and blue; shares are meant by name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DriveMixTable {
    #[serde(default)]
    purple: f64,
    #[serde(default)]
    red: f64,
    #[serde(default)]
    blue: f64,
    #[serde(default)]
    orange: f64,
    #[serde(default)]
    green: f64,
    #[serde(default)]
    yellow: f64,
    #[serde(default)]
    turquoise: f64,
}

impl<'de> Deserialize<'de> for DriveMix {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TableOnly;
        impl<'de> serde::de::Visitor<'de> for TableOnly {
            type Value = DriveMixTable;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a table of drive shares by name, such as { blue = 0.5, orange = 0.5 }")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<DriveMixTable, A::Error> {
                DriveMixTable::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        let t = d.deserialize_map(TableOnly)?;
        Ok(DriveMix {
            purple: t.purple,
            red: t.red,
            blue: t.blue,
            orange: t.orange,
            green: t.green,
            yellow: t.yellow,
            turquoise: t.turquoise,
        })
    }
}

impl DriveMix {
    /// A mix from shares in [`DRIVE_NAMES`] order.
    pub const fn from_array(a: [f64; N_DRIVES]) -> Self {
        DriveMix {
            purple: a[0],
            red: a[1],
            blue: a[2],
            orange: a[3],
            green: a[4],
            yellow: a[5],
            turquoise: a[6],
        }
    }

    pub fn as_array(&self) -> [f64; N_DRIVES] {
        [
            self.purple,
            self.red,
            self.blue,
            self.orange,
            self.green,
            self.yellow,
            self.turquoise,
        ]
    }

    pub fn normalised(&self) -> [f64; N_DRIVES] {
        let a = self.as_array();
        let s: f64 = a.iter().sum();
        a.map(|x| x / s)
    }
}

/// Index of the largest weight (first on ties, so the result is deterministic).
pub fn dominant(profile: &[f64; N_DRIVES]) -> u8 {
    let mut best = 0;
    for i in 1..N_DRIVES {
        if profile[i] > profile[best] {
            best = i;
        }
    }
    best as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blend_of_a_pure_profile_is_that_row() {
        let t = DriveTable::default();
        let mut p = [0.0; N_DRIVES];
        p[4] = 1.0;
        let b = t.blend(&p);
        assert!((b.empathy - 0.9).abs() < 1e-12);
        assert!((b.lens[1] - 0.6).abs() < 1e-12);
    }

    #[test]
    fn alignment_is_one_for_equal_lenses_and_zero_for_disjoint() {
        let a = [1.0, 0.0, 0.0, 0.0];
        let b = [0.0, 1.0, 0.0, 0.0];
        assert_eq!(alignment(&a, &a), 1.0);
        assert_eq!(alignment(&a, &b), 0.0);
    }
}

#[cfg(test)]
mod mix_tests {
    use super::*;

    #[test]
    fn a_partial_mix_in_a_file_gives_unnamed_drives_no_share() {
        let m: DriveMix = toml::from_str("green = 1.0").unwrap();
        assert_eq!(m.normalised(), [0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
    }
}
