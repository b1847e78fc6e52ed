//! The plain-language reading of a run: sentences a consultant can say to a board, generated
//! from the durability statistics so that every number in them is one the run measured.
//!
//! The reading is built from a few comparisons with explicit rules, so that it cannot
//! contradict itself (issue 19):
//! - **effect or none** ([`effect`]): a difference to baseline whose 95% interval includes
//!   zero, or whose size is below the quantity's threshold ([`NEGLIGIBLE_B`],
//!   [`NEGLIGIBLE_NPS`], [`NEGLIGIBLE_RULE_BREAK_SHARE`]), is "no measurable effect", never a
//!   direction;
//! - **signs in words**: a measurable change is said with its direction ("lowers B by
//!   0.036"), its size and interval as magnitudes, never "raises by −0.036";
//! - **ties** ([`compare`]): two arms are "about the same" when their difference is below the
//!   threshold or the difference's approximate 95% interval includes zero; only arms not tied
//!   with the best are beaten by it, and when every arm ties there is no "largest";
//! - **censoring** ([`fastest_fading`]): a half-life whose Kaplan-Meier median is not reached
//!   never fades fastest, and a finite median counts as shorter than a censored one only
//!   when it lies below that arm's follow-up;
//! - **one programme**: with a single intervention arm there is no superlative at all;
//! - **cost parity** ([`cost_parity`]): arms tied on every effect the reading compares whose
//!   costs differ are said to buy the same, the cheaper for €X less;
//! - **focus** ([`focus`]): when a programme works on rule breaks or customers without
//!   raising B, the reading leads with rule breaks and NPS and says so.

use crate::metrics::survival::CensoredMedian;
use crate::plot::data::{Durability, Stat, DAYS_PER_MONTH};
use undercurrent_text::{numbers, text_with, tr, Args, Lang};

/// One paragraph of the reading: a heading (an arm, or the comparison) and its sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub heading: String,
    pub sentences: Vec<String>,
}

/// Display name of an arm: `training_only` → `training only`; in another language the
/// catalogue's name of a preset's arm (`term-arm-training-only`), else the same words (an
/// arm's name is the scenario writer's, not ours to translate).
pub fn arm_label(lang: Lang, arm: &str) -> String {
    crate::plot::charts::common::arm_label(lang, arm)
}

/// The smallest change in B (a propensity on a 0–1 scale) the reading calls an effect.
/// B's spread between employees is about 0.2 in every preset (`peak_gain_B` ÷
/// `effect_size_d_B_peak` in `durability.csv` is 0.19–0.21 in the default and article runs),
/// so 0.02 is Cohen's d ≈ 0.1, half of what Cohen called a small effect: with enough
/// replications a smaller change can be measured precisely, but no one in the organisation
/// would notice it, and a board should not be told a programme "raises" B by it.
pub const NEGLIGIBLE_B: f64 = 0.02;

/// The smallest change in the Net Promoter Score (points on −100 to 100) the reading calls an
/// effect: NPS is published in whole points, so a change under half a point rounds away in
/// every figure a customer survey reports.
pub const NEGLIGIBLE_NPS: f64 = 0.5;

/// The smallest change in the cost of rule breaks the reading calls an effect, as a share of
/// the programme's own cost: a saving (or an extra cost) under a twentieth of what the
/// programme costs changes no decision about it. An arm without a cost of its own falls back
/// on the interval alone.
pub const NEGLIGIBLE_RULE_BREAK_SHARE: f64 = 0.05;

/// The smallest difference in cost between two equally effective arms that the reading
/// mentions, as a share of the dearer one: one percent is below what a budget is decided on.
pub const PRICE_DIFFERENCE_SHARE: f64 = 0.01;

/// What a quantity is measured in: it sets the threshold below which a change is negligible
/// and the way a number is written.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Quantity {
    /// A difference in B (0–1).
    B,
    /// A difference in NPS points.
    Nps,
    /// A difference in euro whose threshold is `NEGLIGIBLE_RULE_BREAK_SHARE` of this cost
    /// (0: the interval alone).
    Euro(f64),
}

impl Quantity {
    fn threshold(self) -> f64 {
        match self {
            Quantity::B => NEGLIGIBLE_B,
            Quantity::Nps => NEGLIGIBLE_NPS,
            Quantity::Euro(cost) => NEGLIGIBLE_RULE_BREAK_SHARE * cost.abs(),
        }
    }

    fn fmt(self, lang: Lang, x: f64) -> String {
        match self {
            Quantity::B | Quantity::Nps => numbers::sig(lang, x),
            Quantity::Euro(_) => numbers::euro(lang, x),
        }
    }
}

/// The verdict on one arm's difference to baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Measurably above baseline.
    Raises,
    /// Measurably below baseline.
    Lowers,
    /// Its interval includes zero or it is below the quantity's threshold: no direction.
    NoEffect,
}

/// The verdict on a difference: [`Effect::NoEffect`] when the 95% interval includes zero or
/// the mean is below the threshold, because a direction said of either would be chance or
/// too small to matter; otherwise its sign. `None` without a mean.
fn effect(s: &Stat, q: Quantity) -> Option<Effect> {
    let m = s.mean.filter(|m| m.is_finite())?;
    let covers_zero = s.ci().is_some_and(|(lo, hi)| lo <= 0.0 && hi >= 0.0);
    Some(if covers_zero || m.abs() < q.threshold() || m == 0.0 {
        Effect::NoEffect
    } else if m > 0.0 {
        Effect::Raises
    } else {
        Effect::Lowers
    })
}

/// The verdict of one arm's estimate against another's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// About the same: see [`compare`].
    Tied,
    Larger,
    Smaller,
}

/// Half the width of a Stat's 95% interval (0 without one).
fn half_width(s: &Stat) -> f64 {
    s.ci().map_or(0.0, |(lo, hi)| ((hi - lo) / 2.0).abs())
}

/// `a` against `b`. Tied when the difference is below the quantity's threshold, or when its
/// 95% interval, approximated from the two intervals as `Δ ± √(h_a² + h_b²)` (half-widths
/// `h`, as if the arms were independent), includes zero. The arms share their random draws
/// with the baseline, so the true paired interval is narrower: the approximation calls a tie
/// more often than a paired test would, never less, which is the safe side for a sentence
/// that names a winner. Equal means are always tied.
fn compare(a: &Stat, b: &Stat, q: Quantity) -> Option<Verdict> {
    let (ma, mb) = (a.mean?, b.mean?);
    let diff = ma - mb;
    let reach = half_width(a).hypot(half_width(b));
    Some(
        if diff == 0.0 || diff.abs() < q.threshold() || diff.abs() <= reach {
            Verdict::Tied
        } else if diff > 0.0 {
            Verdict::Larger
        } else {
            Verdict::Smaller
        },
    )
}

fn pct(lang: Lang, x: f64) -> String {
    numbers::percent(lang, x, 0)
}

fn months(lang: Lang, days: f64) -> String {
    tr!(
        lang,
        "reading-months",
        months = numbers::fixed(lang, days / DAYS_PER_MONTH, 1)
    )
}

/// A censorable duration in months, in words: `9.6 [7.2, 12.0] months`, `more than 22.0
/// months (interval not reached)`; see [`CensoredMedian::text`], whose English this is.
pub fn censored_months(lang: Lang, c: &CensoredMedian) -> String {
    let f = |d: f64| numbers::fixed(lang, d / DAYS_PER_MONTH, 1);
    if c.n == 0 {
        return numbers::missing(lang).to_string();
    }
    let not_reached = || tr!(lang, "reading-not-reached");
    let end = |x: Option<f64>| x.map_or_else(not_reached, f);
    let pair = |a: String, b: String| match lang {
        Lang::Nl => format!("[{a}; {b}]"),
        Lang::En | Lang::Pseudo => format!("[{a}, {b}]"),
    };
    match (c.median, c.lo) {
        (Some(m), _) => tr!(
            lang,
            "reading-months-interval",
            months = f(m),
            interval = pair(end(c.lo), end(c.hi))
        ),
        (None, Some(lo)) => tr!(
            lang,
            "reading-more-than-months-interval",
            months = f(c.followup),
            interval = pair(f(lo), not_reached())
        ),
        (None, None) => tr!(
            lang,
            "reading-more-than-months-no-interval",
            months = f(c.followup)
        ),
    }
}

/// `mean [lo, hi]` with the formatter `f`, or just the mean when the interval is missing.
fn with_ci(lang: Lang, s: &Stat, f: impl Fn(f64) -> String) -> String {
    let Some(m) = s.mean else {
        return numbers::missing(lang).to_string();
    };
    match s.ci() {
        Some((lo, hi)) => format!("{} {}", f(m), numbers::interval(lang, lo, hi, &f)),
        None => f(m),
    }
}

/// The size of a measurable change without its sign, its interval's ends as sizes too
/// (`−0.036 [−0.037, −0.035]` → `0.036 [0.035, 0.037]`): the direction goes in the verb.
fn size_ci(lang: Lang, s: &Stat, q: Quantity) -> String {
    let Some(m) = s.mean else {
        return numbers::missing(lang).to_string();
    };
    let f = |x: f64| q.fmt(lang, x);
    match s.ci() {
        Some((lo, hi)) => {
            let (a, b) = (lo.abs(), hi.abs());
            format!(
                "{} {}",
                f(m.abs()),
                numbers::interval(lang, a.min(b), a.max(b), f)
            )
        }
        None => f(m.abs()),
    }
}

/// A difference whose direction the sentence does not claim, signed.
fn signed_ci(lang: Lang, s: &Stat) -> String {
    with_ci(lang, s, |x| numbers::sig_signed(lang, x))
}

/// "a", "a and b", "a, b and c" (Dutch "a, b en c").
fn join_and(lang: Lang, names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), tr!(lang, "reading-and")),
    }
}

fn stat(d: &Durability, arm: &str, metric: &str) -> Stat {
    d.get(arm, metric).copied().unwrap_or_default()
}

/// The intervention arms: those with a peak gain in B (the baseline has only its drift).
fn programmes(d: &Durability, arms: &[String]) -> Vec<String> {
    arms.iter()
        .filter(|a| d.get(a, "peak_gain_B").is_some_and(|s| s.mean.is_some()))
        .cloned()
        .collect()
}

/// The arm's own cost (0 when absent): the scale of its rule-break threshold.
fn own_cost(d: &Durability, arm: &str) -> f64 {
    d.mean(arm, "cost").filter(|c| c.is_finite()).unwrap_or(0.0)
}

fn rule_breaks(d: &Durability, arm: &str) -> (Stat, Quantity) {
    (
        stat(d, arm, "extra_rule_break_cost"),
        Quantity::Euro(own_cost(d, arm)),
    )
}

/// What the scenario is about, which sets what the reading says first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Raising customer-oriented behaviour B: the default.
    B,
    /// Rule breaks and customers' NPS.
    RuleBreaksAndNps,
}

/// What the scenario is about, from the durability statistics alone: rule breaks and NPS when
/// some programme does not measurably raise B at its peak yet changes the cost of rule breaks
/// or the mean NPS measurably. Such a programme (sanctions, for example) works through
/// something other than the B gain the rest of the reading measures, so a reading led by B
/// would call it "no effect" and miss what it does. A scenario whose programmes all raise B
/// keeps B first, even when some of them also cut rule breaks (coaching does).
pub fn focus(d: &Durability, arms: &[String]) -> Focus {
    let works_elsewhere = |a: &String| {
        let raises_b = effect(&stat(d, a, "peak_gain_B"), Quantity::B) == Some(Effect::Raises);
        let (rb, q) = rule_breaks(d, a);
        let moves = |e: Option<Effect>| matches!(e, Some(Effect::Raises | Effect::Lowers));
        !raises_b
            && (moves(effect(&rb, q)) || moves(effect(&stat(d, a, "mean_gain_nps"), Quantity::Nps)))
    };
    if programmes(d, arms).iter().any(works_elsewhere) {
        Focus::RuleBreaksAndNps
    } else {
        Focus::B
    }
}

/// Why a difference is no effect, for the sentence that says so.
fn why_none(lang: Lang, s: &Stat, q: Quantity) -> String {
    match q {
        _ if covers_zero(s) => tr!(lang, "reading-why-zero"),
        Quantity::B => tr!(
            lang,
            "reading-why-below-b",
            threshold = numbers::sig(lang, NEGLIGIBLE_B),
            d = numbers::fixed(lang, 0.1, 1),
        ),
        Quantity::Nps => tr!(lang, "reading-why-below-nps"),
        Quantity::Euro(_) => tr!(
            lang,
            "reading-why-below-cost",
            share = pct(lang, NEGLIGIBLE_RULE_BREAK_SHARE)
        ),
    }
}

/// Whether a difference cannot be told from zero: its interval covers it, or it is zero.
fn covers_zero(s: &Stat) -> bool {
    s.ci().is_some_and(|(lo, hi)| lo <= 0.0 && hi >= 0.0) || s.mean == Some(0.0)
}

/// The leaders of one comparison across programmes: the arm with the extreme mean and every
/// arm tied with it ([`compare`]); `rest` the arms it beats. `None` with fewer than two arms
/// to compare, so one programme never gets a superlative.
struct Ranking {
    leaders: Vec<String>,
    rest: Vec<String>,
    best: Stat,
}

fn rank(
    d: &Durability,
    arms: &[String],
    metric: &str,
    q: impl Fn(&str) -> Quantity,
    higher: bool,
) -> Option<Ranking> {
    let values: Vec<(&String, Stat)> = arms
        .iter()
        .filter_map(|a| d.get(a, metric).map(|s| (a, *s)))
        .filter(|(_, s)| s.mean.is_some_and(f64::is_finite))
        .collect();
    if values.len() < 2 {
        return None;
    }
    let (best_arm, best) = *values.iter().reduce(|x, y| {
        let (mx, my) = (x.1.mean.unwrap_or(0.0), y.1.mean.unwrap_or(0.0));
        if (my > mx) == higher && my != mx {
            y
        } else {
            x
        }
    })?;
    let (mut leaders, mut rest) = (Vec::new(), Vec::new());
    for (a, s) in &values {
        let tied = *a == best_arm || compare(s, &best, q(a)) == Some(Verdict::Tied);
        if tied {
            leaders.push((*a).clone());
        } else {
            rest.push((*a).clone());
        }
    }
    Some(Ranking {
        leaders,
        rest,
        best,
    })
}

fn labels(lang: Lang, arms: &[String]) -> String {
    join_and(
        lang,
        &arms.iter().map(|a| arm_label(lang, a)).collect::<Vec<_>>(),
    )
}

/// The means of `arms` for `metric`, signed: `+0.105 and +0.105`.
fn means(lang: Lang, d: &Durability, arms: &[String], metric: &str) -> String {
    join_and(
        lang,
        &arms
            .iter()
            .filter_map(|a| d.mean(a, metric).map(|x| numbers::sig_signed(lang, x)))
            .collect::<Vec<_>>(),
    )
}

/// How one comparison of a gain in B is said: its subject and when.
struct GainWords {
    metric: &'static str,
    /// The catalogue id of "peak gain in B", "gain in B 12 months after the programmes end".
    what: &'static str,
}

const PEAK: GainWords = GainWords {
    metric: "peak_gain_B",
    what: "reading-what-peak",
};
const LASTING: GainWords = GainWords {
    metric: "gain_12m_B",
    what: "reading-what-lasting",
};

/// The comparison of a gain in B across programmes, in one of five forms: none measurable;
/// only some measurable; all about the same (no "largest"); one largest; several largest and
/// about the same. `None` with fewer than two programmes.
fn largest_b_gain(lang: Lang, d: &Durability, progs: &[String], w: &GainWords) -> Option<String> {
    let r = rank(d, progs, w.metric, |_| Quantity::B, true)?;
    let what = tr!(lang, w.what);
    let vals = |arms: &[String]| means(lang, d, arms, w.metric);
    let raises = |a: &String| effect(&stat(d, a, w.metric), Quantity::B) == Some(Effect::Raises);
    let raisers: Vec<String> = progs.iter().filter(|a| raises(a)).cloned().collect();
    Some(if raisers.is_empty() {
        tr!(lang, "reading-gain-none", what = what)
    } else if r.rest.is_empty() {
        let ms: Vec<f64> = r
            .leaders
            .iter()
            .filter_map(|a| d.mean(a, w.metric))
            .collect();
        let (lo, hi) = ms
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), m| {
                (l.min(*m), h.max(*m))
            });
        let range = if lo == hi {
            tr!(
                lang,
                "reading-range-each",
                value = numbers::sig_signed(lang, lo)
            )
        } else {
            tr!(
                lang,
                "reading-range",
                low = numbers::sig_signed(lang, lo),
                high = numbers::sig_signed(lang, hi),
                threshold = numbers::sig(lang, NEGLIGIBLE_B)
            )
        };
        tr!(lang, "reading-gain-same", what = what, range = range)
    } else if r.rest.iter().all(|a| !raises(a)) && r.leaders.iter().all(raises) {
        tr!(
            lang,
            "reading-gain-only",
            arms = labels(lang, &r.leaders),
            count = r.leaders.len(),
            what = what,
            values = vals(&r.leaders)
        )
    } else if r.leaders.len() == 1 {
        tr!(
            lang,
            "reading-gain-largest",
            what = what,
            arms = labels(lang, &r.leaders),
            value = with_ci(lang, &r.best, |x| numbers::sig_signed(lang, x))
        )
    } else {
        capitalise(&tr!(
            lang,
            "reading-gain-largest-several",
            arms = labels(lang, &r.leaders),
            what = what,
            values = vals(&r.leaders)
        ))
    })
}

/// A half-life as the comparison sees it.
#[derive(Debug, Clone, Copy)]
enum HalfLife {
    /// The median (Kaplan-Meier, or the mean of a file without those columns whose runs all
    /// halved) with its interval; an upper end not reached is infinite.
    Reached { median: f64, lo: f64, hi: f64 },
    /// Not reached: longer than this.
    MoreThan(f64),
}

fn half_life(d: &Durability, arm: &str) -> Option<HalfLife> {
    let st = d.get(arm, "half_life_days_B")?;
    match &st.censored {
        Some(c) if c.n > 0 => Some(match c.median {
            Some(m) => HalfLife::Reached {
                median: m,
                lo: c.lo.unwrap_or(m),
                hi: c.hi.unwrap_or(f64::INFINITY),
            },
            None => HalfLife::MoreThan(c.followup),
        }),
        Some(_) => None,
        None => {
            let m = st.mean.filter(|m| m.is_finite())?;
            // A file without the Kaplan-Meier columns: its mean is a lower bound when runs
            // were censored.
            if d.mean(arm, "half_life_censored_share_B").unwrap_or(0.0) > 0.0 {
                Some(HalfLife::MoreThan(m))
            } else {
                let (lo, hi) = st.ci().unwrap_or((m, m));
                Some(HalfLife::Reached { median: m, lo, hi })
            }
        }
    }
}

/// Which programmes' gains fade fastest, in a sentence, or `None` when the runs cannot say.
/// Only programmes that measurably raise B have a half-life worth comparing. Among them the
/// shortest reached median leads, with every reached median whose 95% interval overlaps its
/// own (a tie: Kaplan-Meier medians have no standard error to subtract). A median not reached
/// never fades fastest; it counts as longer than the leader only when its follow-up already
/// passes the leader's median, otherwise the two cannot be ordered and no arm is named. When
/// every programme ties, none fades fastest.
fn fastest_fading(lang: Lang, d: &Durability, progs: &[String]) -> Option<String> {
    let lives: Vec<(&String, HalfLife)> = progs
        .iter()
        .filter(|a| effect(&stat(d, a, "peak_gain_B"), Quantity::B) == Some(Effect::Raises))
        .filter_map(|a| half_life(d, a).map(|h| (a, h)))
        .collect();
    if lives.len() < 2 {
        return None;
    }
    let reached: Vec<(&String, f64, f64, f64)> = lives
        .iter()
        .filter_map(|(a, h)| match h {
            HalfLife::Reached { median, lo, hi } => Some((*a, *median, *lo, *hi)),
            HalfLife::MoreThan(_) => None,
        })
        .collect();
    let Some(&(_, m0, lo0, hi0)) = reached.iter().min_by(|x, y| x.1.total_cmp(&y.1)) else {
        return Some(tr!(lang, "reading-fading-none"));
    };
    let mut leaders = Vec::new();
    for (a, h) in &lives {
        match h {
            HalfLife::Reached { lo, hi, .. } => {
                if *lo <= hi0 && lo0 <= *hi {
                    leaders.push((*a).clone());
                }
            }
            // Not reached by `f`: its median may still be below the leader's.
            HalfLife::MoreThan(f) if *f < m0 => return None,
            HalfLife::MoreThan(_) => {}
        }
    }
    if leaders.len() == lives.len() {
        return Some(tr!(
            lang,
            "reading-fading-same",
            arms = labels(lang, &leaders)
        ));
    }
    let values = join_and(
        lang,
        &leaders
            .iter()
            .filter_map(|a| match half_life(d, a) {
                Some(HalfLife::Reached { median, .. }) => Some(months(lang, median)),
                _ => None,
            })
            .collect::<Vec<_>>(),
    );
    Some(tr!(
        lang,
        "reading-fading-fastest",
        arms = labels(lang, &leaders),
        count = leaders.len(),
        values = values
    ))
}

/// The effects the reading compares, each with how it is measured.
fn compared(d: &Durability, a: &str, b: &str) -> Vec<(&'static str, Quantity)> {
    let dearer = own_cost(d, a).max(own_cost(d, b));
    [
        ("peak_gain_B", Quantity::B),
        ("gain_12m_B", Quantity::B),
        ("mean_gain_nps", Quantity::Nps),
        ("extra_rule_break_cost", Quantity::Euro(dearer)),
    ]
    .into_iter()
    .filter(|(m, _)| d.mean(a, m).is_some() && d.mean(b, m).is_some())
    .collect()
}

/// Whether two programmes are tied on every effect the reading compares.
fn same_effects(d: &Durability, a: &str, b: &str) -> bool {
    let shared = compared(d, a, b);
    !shared.is_empty()
        && shared
            .iter()
            .all(|(m, q)| compare(&stat(d, a, m), &stat(d, b, m), *q) == Some(Verdict::Tied))
}

/// Cost parity: for each programme tied with a cheaper one on every effect the reading
/// compares, the cheapest such one "buys the same for €X less". Costs differ when the gap is
/// at least [`PRICE_DIFFERENCE_SHARE`] of the dearer cost and its approximate interval
/// excludes zero, so chance in a cost that depends on behaviour (reinforcement) is not a
/// price difference.
fn cost_parity(lang: Lang, d: &Durability, progs: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for dear in progs {
        let Some(c_dear) = d.mean(dear, "cost") else {
            continue;
        };
        let cheapest = progs
            .iter()
            .filter(|a| *a != dear && same_effects(d, a, dear))
            .filter_map(|a| d.mean(a, "cost").map(|c| (a, c)))
            .filter(|(a, c)| {
                let gap = c_dear - c;
                let reach =
                    half_width(&stat(d, a, "cost")).hypot(half_width(&stat(d, dear, "cost")));
                gap > 0.0 && gap >= PRICE_DIFFERENCE_SHARE * c_dear && gap > reach
            })
            .min_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((cheap, c)) = cheapest {
            out.push(capitalise(&tr!(
                lang,
                "reading-cost-parity",
                cheap = arm_label(lang, cheap),
                dear = arm_label(lang, dear),
                saving = numbers::euro(lang, c_dear - c),
                cost = numbers::euro(lang, c),
                dear_cost = numbers::euro(lang, c_dear)
            )));
        }
    }
    out
}

/// The first letter in upper case: a sentence that starts with an arm's name.
fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The catalogue's three messages for a difference's verdict: a raising and a lowering one
/// (each told `size`, the change with its interval) and a no-effect one (told `value`, the
/// estimate with its interval, and `why` it counts as none); `None` where a verdict of no
/// effect is not worth a sentence.
struct Verdicts {
    raises: &'static str,
    lowers: &'static str,
    none: Option<&'static str>,
}

/// `s` in the words of `v`, with `extra` values for every message (`span`); `None` when
/// `s` has no estimate or `v` says nothing for its verdict.
fn verdict_text(
    lang: Lang,
    s: &Stat,
    q: Quantity,
    v: Verdicts,
    extra: &[(&'static str, String)],
) -> Option<String> {
    let mut args = Args::new();
    for (k, x) in extra {
        args.set(*k, x.clone());
    }
    let id = match effect(s, q)? {
        Effect::Raises => v.raises,
        Effect::Lowers => v.lowers,
        Effect::NoEffect => {
            let value = match q {
                Quantity::B | Quantity::Nps => signed_ci(lang, s),
                Quantity::Euro(_) => with_ci(lang, s, |x| numbers::euro(lang, x)),
            };
            args.set("value", value);
            args.set("why", why_none(lang, s, q));
            return v.none.map(|id| text_with(lang, id, &args));
        }
    };
    args.set("size", size_ci(lang, s, q));
    Some(text_with(lang, id, &args))
}

/// One programme's change in the cost of rule breaks, as a clause: `its cost falls by €X
/// [€lo, €hi]`.
fn rule_break_clause(lang: Lang, d: &Durability, arm: &str) -> Option<String> {
    let (s, q) = rule_breaks(d, arm);
    let v = Verdicts {
        raises: "reading-rb-rises",
        lowers: "reading-rb-falls",
        none: Some("reading-rb-unchanged"),
    };
    verdict_text(lang, &s, q, v, &[])
}

fn nps_clause(lang: Lang, d: &Durability, arm: &str) -> Option<String> {
    let s = stat(d, arm, "mean_gain_nps");
    let v = Verdicts {
        raises: "reading-nps-above",
        lowers: "reading-nps-below",
        none: Some("reading-nps-unchanged"),
    };
    verdict_text(lang, &s, Quantity::Nps, v, &[])
}

/// "X with a and Y with b" over the programmes that have the clause.
fn per_arm(
    lang: Lang,
    progs: &[String],
    clause: impl Fn(&str) -> Option<String>,
) -> Option<String> {
    let parts: Vec<String> = progs
        .iter()
        .filter_map(|a| {
            clause(a).map(|c| {
                tr!(
                    lang,
                    "reading-with-arm",
                    clause = c,
                    arm = arm_label(lang, a)
                )
            })
        })
        .collect();
    (!parts.is_empty()).then(|| join_and(lang, &parts))
}

/// The rule-break and NPS sentences that lead a reading focused on them ([`focus`]); the
/// superlative only with two programmes or more, by the tie rule.
fn focus_sentences(lang: Lang, d: &Durability, progs: &[String]) -> Vec<String> {
    let mut s = Vec::new();
    let elsewhere: Vec<String> = progs
        .iter()
        .filter(|a| effect(&stat(d, a, "peak_gain_B"), Quantity::B) != Some(Effect::Raises))
        .cloned()
        .collect();
    let moved = |metric: &str, q: &dyn Fn(&str) -> Quantity| {
        elsewhere.iter().any(|a| {
            matches!(
                effect(&stat(d, a, metric), q(a)),
                Some(Effect::Raises | Effect::Lowers)
            )
        })
    };
    let what = match (
        moved("extra_rule_break_cost", &|a| Quantity::Euro(own_cost(d, a))),
        moved("mean_gain_nps", &|_| Quantity::Nps),
    ) {
        (true, true) => "reading-focus-what-both",
        (true, false) => "reading-focus-what-rule-breaks",
        _ => "reading-focus-what-nps",
    };
    // Said as what it does to B: lowers it, or leaves it where it was.
    let lowers = elsewhere.iter().all(|a| {
        effect(&stat(d, a, "gain_end_B"), Quantity::B) == Some(Effect::Lowers)
            || effect(&stat(d, a, "peak_gain_B"), Quantity::B) == Some(Effect::Lowers)
    });
    let b_verb = if lowers {
        "reading-focus-lowers-b"
    } else {
        "reading-focus-not-raise-b"
    };
    let count = elsewhere.len();
    s.push(tr!(
        lang,
        "reading-focus",
        arms = labels(lang, &elsewhere),
        b_verb = tr!(lang, b_verb, count = count),
        count = count,
        what = tr!(lang, what)
    ));
    if let Some(list) = per_arm(lang, progs, |a| rule_break_clause(lang, d, a)) {
        s.push(tr!(lang, "reading-focus-rule-breaks", list = list));
    }
    let cost_q = |a: &str| Quantity::Euro(own_cost(d, a));
    if let Some(r) = rank(d, progs, "extra_rule_break_cost", cost_q, false) {
        if effect(&r.best, cost_q(&r.leaders[0])) == Some(Effect::Lowers) {
            let arms = labels(lang, &r.leaders);
            s.push(if r.rest.is_empty() {
                capitalise(&tr!(lang, "reading-cut-equally", arms = arms))
            } else if r.leaders.len() == 1 {
                tr!(lang, "reading-cut-largest", arms = arms)
            } else {
                capitalise(&tr!(lang, "reading-cut-most", arms = arms))
            });
        }
    }
    if let Some(list) = per_arm(lang, progs, |a| nps_clause(lang, d, a)) {
        s.push(tr!(lang, "reading-focus-customers", list = list));
    }
    s
}

/// The comparison across programmes and the check on the baseline. With a single programme
/// it holds no superlative: only the focus and the baseline's drift, under the heading
/// "Against the baseline".
pub fn comparison(lang: Lang, d: &Durability, arms: &[String]) -> Option<Paragraph> {
    let progs = programmes(d, arms);
    let mut s = Vec::new();
    if focus(d, arms) == Focus::RuleBreaksAndNps {
        s.extend(focus_sentences(lang, d, &progs));
    }
    if progs.len() >= 2 {
        s.extend(largest_b_gain(lang, d, &progs, &PEAK));
        s.extend(largest_b_gain(lang, d, &progs, &LASTING));
        s.extend(fastest_fading(lang, d, &progs));
        s.extend(cost_parity(lang, d, &progs));
    }
    let drift = arms
        .iter()
        .find_map(|a| d.get(a, "drift_B").map(|s| (a, *s)));
    if let Some((a, st)) = drift {
        let base = arm_label(lang, a);
        match effect(&st, Quantity::B) {
            Some(e @ (Effect::Raises | Effect::Lowers)) => s.push(tr!(
                lang,
                if e == Effect::Raises {
                    "reading-drift-rises"
                } else {
                    "reading-drift-falls"
                },
                base = base,
                size = size_ci(lang, &st, Quantity::B)
            )),
            Some(Effect::NoEffect) => s.push(tr!(
                lang,
                "reading-drift-none",
                base = base,
                drift = signed_ci(lang, &st)
            )),
            None => {}
        }
    }
    (!s.is_empty()).then(|| Paragraph {
        heading: if progs.len() >= 2 {
            tr!(lang, "reading-comparison")
        } else {
            tr!(lang, "reading-against-baseline")
        },
        sentences: s,
    })
}

/// The half-life sentence of an arm from its Kaplan-Meier median: a median that is reached
/// with its interval, one that is not as "more than", and the runs censored beside it. The
/// two always agree: a median is reached only when at most half the runs are censored.
fn half_life_sentence(lang: Lang, c: &CensoredMedian) -> String {
    match c.median {
        Some(_) => {
            let runs = if c.censored == 0 {
                String::new()
            } else {
                tr!(
                    lang,
                    "reading-half-life-runs",
                    censored = c.censored.to_string(),
                    n = c.n.to_string()
                )
            };
            tr!(
                lang,
                "reading-half-life",
                months = censored_months(lang, c),
                runs = runs
            )
        }
        None => tr!(
            lang,
            "reading-half-life-not-reached",
            censored = c.censored.to_string(),
            n = c.n.to_string(),
            months = months(lang, c.followup)
        ),
    }
}

/// The B sentences of an arm: its peak (or its loss, or no effect), what is left later and
/// how fast it halves.
fn b_sentences(lang: Lang, d: &Durability, arm: &str) -> Vec<String> {
    let get = |m: &str| stat(d, arm, m);
    let peak = get("peak_gain_B");
    let mut s = Vec::new();
    let scale = tr!(lang, "reading-b-scale");
    match effect(&peak, Quantity::B) {
        None => return s,
        Some(Effect::Raises) => {
            let to_peak = get("days_to_peak_B")
                .mean
                .map(|x| tr!(lang, "reading-to-peak", months = months(lang, x)))
                .unwrap_or_default();
            s.push(tr!(
                lang,
                "reading-b-raises",
                size = size_ci(lang, &peak, Quantity::B),
                to_peak = to_peak,
                scale = scale
            ));
        }
        Some(_) => {
            let end = get("gain_end_B");
            if effect(&end, Quantity::B) == Some(Effect::Lowers) {
                s.push(tr!(
                    lang,
                    "reading-b-lowers-end",
                    size = size_ci(lang, &end, Quantity::B),
                    scale = scale
                ));
            } else if effect(&peak, Quantity::B) == Some(Effect::Lowers) {
                s.push(tr!(
                    lang,
                    "reading-b-lowers-throughout",
                    size = size_ci(lang, &peak, Quantity::B),
                    scale = scale
                ));
            } else {
                s.push(tr!(
                    lang,
                    "reading-b-none",
                    value = signed_ci(lang, &peak),
                    why = why_none(lang, &peak, Quantity::B),
                    scale = scale
                ));
            }
            return s;
        }
    }
    for (g, r, when) in [
        ("gain_12m_B", "retained_12m_B", "reading-twelve-months"),
        ("gain_6m_B", "retained_6m_B", "reading-six-months"),
    ] {
        let (gain, kept) = (get(g), get(r));
        let Some(e) = effect(&gain, Quantity::B) else {
            continue;
        };
        let when = tr!(lang, when);
        let kept = kept
            .mean
            .map(|_| with_ci(lang, &kept, |x| pct(lang, x)))
            .unwrap_or_else(|| numbers::missing(lang).to_string());
        s.push(match e {
            Effect::Raises => tr!(
                lang,
                "reading-later-raises",
                when = when,
                kept = kept,
                size = size_ci(lang, &gain, Quantity::B)
            ),
            Effect::Lowers => tr!(
                lang,
                "reading-later-lowers",
                when = when,
                size = size_ci(lang, &gain, Quantity::B)
            ),
            Effect::NoEffect => tr!(
                lang,
                "reading-later-none",
                when = when,
                gone = tr!(
                    lang,
                    if covers_zero(&gain) {
                        "reading-gain-gone"
                    } else {
                        "reading-gain-faded"
                    }
                ),
                kept = kept,
                value = signed_ci(lang, &gain),
                why = why_none(lang, &gain, Quantity::B)
            ),
        });
        break;
    }
    let hl = get("half_life_days_B");
    if let Some(c) = hl.censored.filter(|c| c.n > 0) {
        s.push(half_life_sentence(lang, &c));
    } else if let Some(h) = hl.mean {
        // A file without the Kaplan-Meier columns: its mean is a half-life only when no run
        // was censored; otherwise it is a lower bound and said so, never "halves in".
        let censored = get("half_life_censored_share_B").mean.unwrap_or(0.0);
        if censored > 0.0 {
            s.push(tr!(
                lang,
                "reading-half-life-mean-censored",
                share = pct(lang, censored),
                months = months(lang, h)
            ));
        } else {
            let ci = hl
                .ci()
                .map(|(lo, hi)| {
                    format!(
                        " {}",
                        numbers::interval(lang, lo, hi, |x| numbers::fixed(
                            lang,
                            x / DAYS_PER_MONTH,
                            1
                        ))
                    )
                })
                .unwrap_or_default();
            s.push(tr!(
                lang,
                "reading-half-life-mean",
                months = months(lang, h),
                interval = ci
            ));
        }
    }
    s
}

fn nps_sentence(lang: Lang, d: &Durability, arm: &str) -> Option<String> {
    let nps = stat(d, arm, "mean_gain_nps");
    let v = Verdicts {
        raises: "reading-nps-raises",
        lowers: "reading-nps-lowers",
        none: Some("reading-nps-none"),
    };
    let span = tr!(lang, "reading-nps-span");
    verdict_text(lang, &nps, Quantity::Nps, v, &[("span", span)])
}

fn cost_sentence(lang: Lang, d: &Durability, arm: &str) -> Option<String> {
    let c = d.mean(arm, "cost").filter(|c| *c > 0.0)?;
    let nps = stat(d, arm, "mean_gain_nps");
    // The divisor is named and shown, so that cost / divisor is the figure given; only for
    // a measurable gain (a cost per point of no gain, or of a loss, means nothing).
    let per = match (d.mean(arm, "cost_per_nps_point"), nps.mean) {
        // Three decimals on the divisor: rounded to two, a gain of 2.076 points would
        // divide to a figure 0.2% off the one shown.
        (Some(x), Some(g))
            if x.is_finite() && x > 0.0 && effect(&nps, Quantity::Nps) == Some(Effect::Raises) =>
        {
            tr!(
                lang,
                "reading-cost-per-point",
                per_point = numbers::euro(lang, x),
                cost = numbers::euro(lang, c),
                gain = numbers::fixed(lang, g, 3),
            )
        }
        _ => String::new(),
    };
    Some(tr!(
        lang,
        "reading-cost",
        cost = numbers::euro(lang, c),
        per = per
    ))
}

/// The rule-break sentence: a measurable change with its direction; no effect only when the
/// reading is about rule breaks.
fn rule_break_sentence(lang: Lang, d: &Durability, arm: &str, focus: Focus) -> Option<String> {
    let (s, q) = rule_breaks(d, arm);
    let v = Verdicts {
        raises: "reading-rb-sentence-raises",
        lowers: "reading-rb-sentence-lowers",
        none: (focus == Focus::RuleBreaksAndNps).then_some("reading-rb-sentence-none"),
    };
    verdict_text(lang, &s, q, v, &[])
}

/// The reading of one intervention arm: B first, or rule breaks and NPS first when the
/// scenario is about them ([`focus`]).
fn arm_paragraph(lang: Lang, d: &Durability, arm: &str, focus: Focus) -> Option<Paragraph> {
    d.mean(arm, "peak_gain_B")?;
    let b = b_sentences(lang, d, arm);
    let nps = nps_sentence(lang, d, arm);
    let cost = cost_sentence(lang, d, arm);
    let rb = rule_break_sentence(lang, d, arm, focus);
    let sentences: Vec<String> = match focus {
        Focus::B => b.into_iter().chain(nps).chain(cost).chain(rb).collect(),
        Focus::RuleBreaksAndNps => rb.into_iter().chain(nps).chain(b).chain(cost).collect(),
    };
    Some(Paragraph {
        heading: arm_label(lang, arm),
        sentences,
    })
}

/// The full reading in `lang`: the comparison first, then one paragraph per intervention arm.
pub fn reading(lang: Lang, d: &Durability, arms: &[String]) -> Vec<Paragraph> {
    let f = focus(d, arms);
    let mut out: Vec<Paragraph> = comparison(lang, d, arms).into_iter().collect();
    out.extend(arms.iter().filter_map(|a| arm_paragraph(lang, d, a, f)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(mean: f64, lo: f64, hi: f64) -> Stat {
        Stat {
            mean: Some(mean),
            sd: None,
            ci_lo: Some(lo),
            ci_hi: Some(hi),
            n: Some(20),
            censored: None,
        }
    }

    /// A half-life row as the loader reads it: a Kaplan-Meier median (in days) or none.
    fn km(
        median: Option<f64>,
        lo: Option<f64>,
        hi: Option<f64>,
        followup: f64,
        censored: usize,
    ) -> Stat {
        Stat {
            mean: None,
            sd: None,
            ci_lo: None,
            ci_hi: None,
            n: Some(4),
            censored: Some(CensoredMedian {
                median,
                lo,
                hi,
                followup,
                n: 4,
                censored,
            }),
        }
    }

    fn durability(rows: &[(&str, &str, Stat)]) -> Durability {
        let mut d = Durability::default();
        for (arm, metric, s) in rows {
            d.insert(arm, metric, *s);
        }
        d
    }

    fn arms(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn all_text(d: &Durability, names: &[&str]) -> String {
        reading(Lang::En, d, &arms(names))
            .iter()
            .map(|p| format!("[{}] {}", p.heading, p.sentences.join(" ")))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn comparison_text(d: &Durability, names: &[&str]) -> String {
        comparison(Lang::En, d, &arms(names))
            .map(|p| p.sentences.join(" "))
            .unwrap_or_default()
    }

    #[test]
    fn a_lasting_gain_is_reported_with_its_interval() {
        let d = durability(&[
            ("coaching", "peak_gain_B", stat(0.18, 0.17, 0.19)),
            ("coaching", "gain_12m_B", stat(0.1, 0.09, 0.11)),
            ("coaching", "retained_12m_B", stat(0.72, 0.65, 0.79)),
        ]);
        let text = all_text(&d, &["coaching"]);
        assert!(text.contains("keeps 72% [65%, 79%]"), "{text}");
        assert!(
            text.contains("0.100 [0.090, 0.110] above baseline"),
            "{text}"
        );
    }

    #[test]
    fn a_gain_whose_interval_covers_zero_is_called_gone() {
        let d = durability(&[
            ("training_only", "peak_gain_B", stat(0.12, 0.11, 0.13)),
            ("training_only", "gain_12m_B", stat(0.004, -0.003, 0.011)),
            ("training_only", "retained_12m_B", stat(0.03, -0.02, 0.08)),
        ]);
        let text = all_text(&d, &["training_only"]);
        assert!(text.contains("the gain is gone"), "{text}");
        assert!(text.contains("cannot be told apart from zero"), "{text}");
    }

    #[test]
    fn the_comparison_names_the_most_lasting_and_the_fastest_fading_arm() {
        let d = durability(&[
            ("a", "peak_gain_B", stat(0.1, 0.09, 0.11)),
            ("b", "peak_gain_B", stat(0.2, 0.19, 0.21)),
            ("a", "gain_12m_B", stat(0.03, 0.02, 0.04)),
            ("b", "gain_12m_B", stat(0.15, 0.14, 0.16)),
            ("a", "half_life_days_B", stat(80.0, 78.0, 82.0)),
            ("b", "half_life_days_B", stat(400.0, 380.0, 420.0)),
            ("base", "drift_B", stat(-0.002, -0.009, 0.005)),
        ]);
        let text = comparison_text(&d, &["base", "a", "b"]);
        assert!(
            text.contains("The largest gain in B left 12 months after the programmes end comes from b (+0.150 [+0.140, +0.160])"),
            "{text}"
        );
        assert!(
            text.contains("The gain of a fades fastest: its median half-life is 3.8 months"),
            "{text}"
        );
        assert!(text.contains("B stays where it was"), "{text}");
    }

    /// Ties: two arms whose intervals overlap are named together, never one over the other;
    /// and when every arm ties there is no "largest".
    #[test]
    fn tied_arms_are_named_together_and_never_one_the_largest() {
        let d = durability(&[
            ("alpha", "peak_gain_B", stat(0.150, 0.140, 0.160)),
            ("beta", "peak_gain_B", stat(0.156, 0.146, 0.166)),
            ("gamma", "peak_gain_B", stat(0.08, 0.07, 0.09)),
        ]);
        let text = comparison_text(&d, &["alpha", "beta", "gamma"]);
        assert!(
            text.contains("Alpha and beta give the largest peak gain in B, about the same (+0.150 and +0.156)"),
            "{text}"
        );
        assert!(!text.contains("comes from beta"), "{text}");

        let d = durability(&[
            ("alpha", "peak_gain_B", stat(0.150, 0.140, 0.160)),
            ("beta", "peak_gain_B", stat(0.156, 0.146, 0.166)),
        ]);
        let text = comparison_text(&d, &["alpha", "beta"]);
        assert!(
            text.contains("The programmes give about the same peak gain in B (+0.150 to +0.156:"),
            "{text}"
        );
        assert!(!text.contains("The largest"), "{text}");
        // Precise but small: a difference below the threshold is a tie too.
        let d = durability(&[
            ("alpha", "peak_gain_B", stat(0.150, 0.1499, 0.1501)),
            ("beta", "peak_gain_B", stat(0.160, 0.1599, 0.1601)),
        ]);
        assert!(!comparison_text(&d, &["alpha", "beta"]).contains("The largest"));
        assert_eq!(
            compare(
                &stat(0.150, 0.1499, 0.1501),
                &stat(0.160, 0.1599, 0.1601),
                Quantity::B
            ),
            Some(Verdict::Tied)
        );
        assert_eq!(
            compare(
                &stat(0.20, 0.19, 0.21),
                &stat(0.10, 0.09, 0.11),
                Quantity::B
            ),
            Some(Verdict::Larger)
        );
    }

    /// Censoring: a median not reached never fades fastest, and cannot be ordered below a
    /// finite median longer than its follow-up.
    #[test]
    fn a_censored_half_life_never_fades_fastest() {
        let base = [
            ("a", "peak_gain_B", stat(0.1, 0.09, 0.11)),
            ("b", "peak_gain_B", stat(0.1, 0.09, 0.11)),
        ];
        // a not reached by 200 days, b reached at 100: b fades fastest, a never.
        let mut rows = base.to_vec();
        rows.push(("a", "half_life_days_B", km(None, None, None, 200.0, 4)));
        rows.push((
            "b",
            "half_life_days_B",
            km(Some(100.0), Some(90.0), Some(110.0), 300.0, 0),
        ));
        let text = comparison_text(&durability(&rows), &["a", "b"]);
        assert!(text.contains("The gain of b fades fastest"), "{text}");
        assert!(!text.contains("of a fade"), "{text}");

        // a not reached by 200 days, b reached at 250: they cannot be ordered.
        let mut rows = base.to_vec();
        rows.push(("a", "half_life_days_B", km(None, None, None, 200.0, 4)));
        rows.push((
            "b",
            "half_life_days_B",
            km(Some(250.0), Some(240.0), Some(260.0), 400.0, 0),
        ));
        let text = comparison_text(&durability(&rows), &["a", "b"]);
        assert!(!text.contains("fastest"), "{text}");

        // Neither reached.
        let mut rows = base.to_vec();
        rows.push(("a", "half_life_days_B", km(None, None, None, 200.0, 4)));
        rows.push((
            "b",
            "half_life_days_B",
            km(None, Some(150.0), None, 200.0, 3),
        ));
        let text = all_text(&durability(&rows), &["a", "b"]);
        assert!(text.contains("none can be said to fade fastest"), "{text}");
        assert!(!text.contains("halves in"), "{text}");
        assert!(text.contains("more than 9.6 months"), "{text}");

        // A file without Kaplan-Meier columns whose runs were censored: its mean is a lower
        // bound, so it does not fade fastest and is never "halves in".
        let rows = [
            ("a", "peak_gain_B", stat(0.1, 0.09, 0.11)),
            ("b", "peak_gain_B", stat(0.1, 0.09, 0.11)),
            ("a", "half_life_days_B", stat(200.0, 200.0, 200.0)),
            ("a", "half_life_censored_share_B", stat(1.0, 0.5, 1.0)),
            ("b", "half_life_days_B", stat(300.0, 290.0, 310.0)),
        ];
        let text = all_text(&durability(&rows), &["a", "b"]);
        assert!(!text.contains("fastest"), "{text}");
        assert!(!text.contains("halves in 9.6"), "{text}");
        assert!(text.contains("more than the 9.6 months"), "{text}");
    }

    /// A half-life number and a "had not halved" statement never disagree.
    #[test]
    fn a_half_life_and_the_runs_not_halved_agree() {
        let d = durability(&[
            ("a", "peak_gain_B", stat(0.1, 0.09, 0.11)),
            ("a", "half_life_days_B", km(None, None, None, 200.0, 4)),
        ]);
        let text = all_text(&d, &["a"]);
        assert!(text.contains("had not halved by the end of the recorded period in 4 of 4 runs, so its median half-life is more than 9.6 months"), "{text}");
        assert!(!text.contains("halves in"), "{text}");
        let d = durability(&[
            ("a", "peak_gain_B", stat(0.1, 0.09, 0.11)),
            (
                "a",
                "half_life_days_B",
                km(Some(150.0), Some(120.0), None, 200.0, 1),
            ),
        ]);
        let text = all_text(&d, &["a"]);
        assert!(
            text.contains("halves in a median of 7.2 [5.8, not reached] months"),
            "{text}"
        );
        assert!(
            text.contains("in 1 of 4 runs it had not yet halved"),
            "{text}"
        );
    }

    /// Signs: a fall is said as a fall, never "raises by −".
    #[test]
    fn a_loss_is_said_with_its_direction() {
        let d = durability(&[
            (
                "sanctions",
                "peak_gain_B",
                stat(-0.0011, -0.00113, -0.00108),
            ),
            ("sanctions", "gain_end_B", stat(-0.036, -0.037, -0.035)),
            ("sanctions", "mean_gain_nps", stat(-1.48, -1.56, -1.40)),
            ("sanctions", "cost", stat(52000.0, 52000.0, 52000.0)),
            ("sanctions", "cost_per_nps_point", Stat::default()),
        ]);
        let text = all_text(&d, &["sanctions"]);
        assert!(
            text.contains("It lowers visible customer-oriented behaviour B: at the programme's end B is 0.036 [0.035, 0.037] below baseline"),
            "{text}"
        );
        assert!(
            text.contains("1.48 [1.40, 1.56] points below baseline"),
            "{text}"
        );
        assert!(!text.contains("raises visible"), "{text}");
        assert!(!text.contains("by \u{2212}"), "{text}");
        assert!(!text.contains("per point"), "{text}");

        let d = durability(&[
            ("base", "drift_B", stat(-0.05, -0.06, -0.04)),
            ("a", "peak_gain_B", stat(0.1, 0.09, 0.11)),
        ]);
        let text = comparison_text(&d, &["base", "a"]);
        assert!(text.contains("B falls by 0.050 [0.040, 0.060]"), "{text}");
    }

    /// Negligible effects: below the threshold or with zero in the interval, no direction.
    #[test]
    fn a_negligible_effect_has_no_direction() {
        for peak in [stat(0.01, 0.008, 0.012), stat(0.03, -0.01, 0.07)] {
            let d = durability(&[
                ("tiny", "peak_gain_B", peak),
                ("tiny", "mean_gain_nps", stat(0.2, 0.1, 0.3)),
                ("tiny", "extra_rule_break_cost", stat(100.0, 50.0, 150.0)),
                ("tiny", "cost", stat(10000.0, 10000.0, 10000.0)),
            ]);
            let text = all_text(&d, &["tiny"]);
            assert!(
                text.contains(
                    "It has no measurable effect on visible customer-oriented behaviour B"
                ),
                "{text}"
            );
            assert!(!text.contains("raises"), "{text}");
            assert!(text.contains("Customers hardly notice"), "{text}");
            assert!(!text.contains("Customers notice"), "{text}");
        }
        assert_eq!(
            effect(&stat(0.01, 0.008, 0.012), Quantity::B),
            Some(Effect::NoEffect)
        );
        assert_eq!(
            effect(&stat(0.03, 0.02, 0.04), Quantity::B),
            Some(Effect::Raises)
        );
    }

    /// Cost parity: equal effects at different prices, the cheaper "buys the same".
    #[test]
    fn equal_effects_at_different_prices_name_the_cheaper() {
        let mut rows = Vec::new();
        for (arm, cost) in [("dear", 100_000.0), ("cheap", 80_000.0)] {
            rows.push((arm, "peak_gain_B", stat(0.14, 0.13, 0.15)));
            rows.push((arm, "gain_12m_B", stat(0.05, 0.04, 0.06)));
            rows.push((arm, "mean_gain_nps", stat(9.6, 9.5, 9.7)));
            rows.push((arm, "cost", stat(cost, cost, cost)));
        }
        let text = comparison_text(&durability(&rows), &["dear", "cheap"]);
        assert!(
            text.contains(
                "Cheap buys the same as dear for €20,000 less (€80,000 against €100,000)"
            ),
            "{text}"
        );
        assert!(!text.contains("The largest"), "{text}");
        assert!(!text.contains("comes from"), "{text}");
    }

    /// One programme: no superlative at all, not even "fades fastest" or "largest".
    #[test]
    fn one_programme_has_no_superlative() {
        let d = durability(&[
            ("base", "drift_B", stat(0.001, -0.005, 0.007)),
            ("coaching", "peak_gain_B", stat(0.065, 0.063, 0.066)),
            ("coaching", "gain_12m_B", stat(0.04, 0.039, 0.042)),
            (
                "coaching",
                "half_life_days_B",
                km(Some(380.0), Some(350.0), Some(420.0), 500.0, 0),
            ),
            ("coaching", "mean_gain_nps", stat(2.08, 2.01, 2.14)),
            ("coaching", "cost", stat(288000.0, 288000.0, 288000.0)),
        ]);
        let text = all_text(&d, &["base", "coaching"]);
        for word in ["largest", "fastest", "most", "about the same"] {
            assert!(!text.contains(word), "{word}: {text}");
        }
        assert!(text.starts_with("[Against the baseline]"), "{text}");
        // Two tied half-lives: about the same pace, not one fastest and the other not.
        let d = durability(&[
            ("a", "peak_gain_B", stat(0.1, 0.09, 0.11)),
            ("b", "peak_gain_B", stat(0.1, 0.09, 0.11)),
            (
                "a",
                "half_life_days_B",
                km(Some(200.0), Some(180.0), Some(230.0), 500.0, 0),
            ),
            (
                "b",
                "half_life_days_B",
                km(Some(210.0), Some(190.0), Some(240.0), 500.0, 0),
            ),
        ]);
        let text = comparison_text(&d, &["a", "b"]);
        assert!(text.contains("halve at about the same pace"), "{text}");
        assert!(!text.contains("fastest"), "{text}");
    }

    fn rule_break_scenario() -> Durability {
        durability(&[
            ("baseline", "drift_B", stat(-0.004, -0.021, 0.013)),
            (
                "sanctions",
                "peak_gain_B",
                stat(-0.0011, -0.00113, -0.00108),
            ),
            ("sanctions", "gain_end_B", stat(-0.036, -0.037, -0.035)),
            ("sanctions", "mean_gain_nps", stat(-1.48, -1.56, -1.40)),
            ("sanctions", "cost", stat(52000.0, 52000.0, 52000.0)),
            (
                "sanctions",
                "extra_rule_break_cost",
                stat(-107250.0, -110995.0, -103505.0),
            ),
            ("reflection", "peak_gain_B", stat(0.112, 0.103, 0.121)),
            ("reflection", "mean_gain_nps", stat(4.81, 4.41, 5.21)),
            ("reflection", "cost", stat(220000.0, 220000.0, 220000.0)),
            (
                "reflection",
                "extra_rule_break_cost",
                stat(-128819.0, -138059.0, -119578.0),
            ),
        ])
    }

    /// Focus: a programme that cuts rule breaks without raising B makes the reading lead
    /// with rule breaks and NPS, and say so; a scenario whose programmes all raise B does not.
    #[test]
    fn a_rule_break_scenario_leads_with_rule_breaks_and_nps() {
        let d = rule_break_scenario();
        let names = arms(&["baseline", "sanctions", "reflection"]);
        assert_eq!(focus(&d, &names), Focus::RuleBreaksAndNps);
        let r = reading(Lang::En, &d, &names);
        assert!(
            r[0].sentences[0].starts_with("This scenario is about rule breaks and customers"),
            "{:?}",
            r[0]
        );
        assert!(r[0].sentences[1].starts_with("Rule breaks:"), "{:?}", r[0]);
        let text = r[0].sentences.join(" ");
        assert!(
            text.contains("The largest cut in rule breaks comes from reflection"),
            "{text}"
        );
        assert!(
            text.contains("Only reflection gives a measurable peak gain in B"),
            "{text}"
        );
        let sanctions = r.iter().find(|p| p.heading == "sanctions").unwrap();
        assert!(
            sanctions.sentences[0].starts_with("It lowers the cost of rule breaks by €107,250"),
            "{sanctions:?}"
        );

        // Coaching also cuts rule breaks, but it raises B: B stays first.
        let d = durability(&[
            ("coaching", "peak_gain_B", stat(0.065, 0.063, 0.066)),
            ("coaching", "cost", stat(288000.0, 288000.0, 288000.0)),
            (
                "coaching",
                "extra_rule_break_cost",
                stat(-51885.0, -52848.0, -50922.0),
            ),
            ("training", "peak_gain_B", stat(0.14, 0.13, 0.15)),
            ("training", "extra_rule_break_cost", stat(0.0, 0.0, 0.0)),
        ]);
        let names = arms(&["coaching", "training"]);
        assert_eq!(focus(&d, &names), Focus::B);
        let text = all_text(&d, &["coaching", "training"]);
        assert!(!text.contains("about rule breaks"), "{text}");
        assert!(
            text.contains("It lowers the cost of rule breaks by €51,885"),
            "{text}"
        );
    }
}
