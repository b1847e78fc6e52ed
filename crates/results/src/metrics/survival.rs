//! The median of a censored duration across replications: the Kaplan-Meier estimate with
//! the Brookmeyer-Crowley confidence interval.
//!
//! A half-life that did not end before the horizon is not a measurement of the half-life but
//! a lower bound on it ("more than 458 days"). Averaging such bounds with observed values
//! biases the mean down and gives an interval that says nothing about the censored part, so
//! across replications a censorable duration is summarised by:
//!
//! - the Kaplan-Meier (product-limit) survival curve `S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ)` over the
//!   distinct event times `tᵢ` (`dᵢ` events, `nᵢ` at risk: durations `≥ tᵢ`, so a censored
//!   duration tied with an event is still at risk at it; Kaplan & Meier 1958);
//! - its median, the first time with `S(t) ≤ ½`; where `S` is exactly ½ over a stretch, the
//!   midpoint between that time and the next event time (the convention of R's `survival`
//!   package, `quantile.survfit`), or the stretch's start when `S` stays at ½ to the end of
//!   follow-up (the definition `inf{t : S(t) ≤ ½}`, as lifelines gives it). When `S` never
//!   falls to ½ the median is *not reached*: all one can say is that it exceeds the longest
//!   follow-up;
//! - its 95% interval by Brookmeyer & Crowley (1982): the times at which the hypothesis
//!   `S(t) = ½` is not rejected, found by inverting the pointwise confidence band of `S` at ½.
//!   The band is the log-log one (Kalbfleisch & Prentice 1980, R's `conf.type = "log-log"`):
//!   with Greenwood's `σ²(t) = Σ dᵢ/(nᵢ(nᵢ − dᵢ))`, the band is
//!   `S(t)^exp(±z σ(t)/ln S(t))`, which stays inside (0, 1) and is accurate in small samples
//!   (Borgan & Liestøl 1990). The lower end of the median's interval is the first time the
//!   band's lower curve falls to ½, the upper end the first time its upper curve does; either
//!   may be not reached. Where `S` is 0 the band is undefined (Greenwood's variance is
//!   infinite) and, as in R, counts as not reaching ½.
//!
//! Checked against the textbook `aml` data (Miller 1981), whose log-band intervals R prints
//! as `31 [18, NA]` and `23 [8, NA]` (tests below).
//!
//! References: Kaplan, E. L. & Meier, P. (1958) JASA 53:457-481. Brookmeyer, R. & Crowley, J.
//! (1982) Biometrics 38:29-41. Kalbfleisch, J. D. & Prentice, R. L. (1980) The Statistical
//! Analysis of Failure Time Data, Wiley. Borgan, Ø. & Liestøl, K. (1990) Scand. J. Stat.
//! 17:35-41.

/// Two-sided 95% normal quantile (as in `stats`).
const Z_975: f64 = 1.959_963_984_540_054;

/// How close to ½ a survival value counts as exactly ½ (products of ratios of small counts
/// are not exact in floating point: 0.75 × 2/3 must equal ½).
const TOL: f64 = 1e-12;

/// One replication's duration: the time observed and whether it ended (`false`: censored,
/// the true duration is longer than `time`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duration {
    pub time: f64,
    pub ended: bool,
}

/// The Kaplan-Meier median of a censorable duration, with its Brookmeyer-Crowley 95%
/// interval. `None` in `median`, `lo` or `hi` means *not reached*: the value lies beyond
/// `followup`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CensoredMedian {
    pub median: Option<f64>,
    pub lo: Option<f64>,
    pub hi: Option<f64>,
    /// The longest duration observed, ended or not (NaN when `n == 0`): a median that is not
    /// reached is more than this.
    pub followup: f64,
    /// Durations that entered the estimate (finite times).
    pub n: usize,
    /// Of them, censored ones.
    pub censored: usize,
}

impl CensoredMedian {
    /// The estimate in words, every number saying what it is: `31 [13, 48]`, `31 [13, not
    /// reached]`, `more than 458 [50, not reached]`, `more than 458 (interval not reached)`;
    /// `NA` with no duration. `f` writes a number in the caller's unit and precision.
    /// Never a bare number when the median is not reached.
    pub fn text(&self, f: impl Fn(f64) -> String) -> String {
        if self.n == 0 {
            return "NA".to_string();
        }
        let end = |x: Option<f64>| x.map_or_else(|| "not reached".to_string(), &f);
        match (self.median, self.lo) {
            (Some(m), _) => format!("{} [{}, {}]", f(m), end(self.lo), end(self.hi)),
            (None, Some(lo)) => format!("more than {} [{}, not reached]", f(self.followup), f(lo)),
            (None, None) => format!("more than {} (interval not reached)", f(self.followup)),
        }
    }

    /// `k of n censored`, the note that goes beside [`Self::text`].
    pub fn censored_note(&self) -> String {
        format!("{} of {} runs not halved by the end", self.censored, self.n)
    }

    /// The share of durations that were censored (NaN when there are none).
    pub fn censored_share(&self) -> f64 {
        if self.n == 0 {
            f64::NAN
        } else {
            self.censored as f64 / self.n as f64
        }
    }
}

/// One step of the survival curve: at `time`, `surv` and its band.
#[derive(Debug, Clone, Copy)]
struct Step {
    time: f64,
    surv: f64,
    /// Lower and upper curves of the pointwise 95% band (NaN where undefined).
    lower: f64,
    upper: f64,
}

/// The Kaplan-Meier curve with its log-log band, one step per distinct event time.
fn curve(sorted: &[Duration]) -> Vec<Step> {
    let mut steps = Vec::new();
    let (mut surv, mut greenwood) = (1.0f64, 0.0f64);
    let mut i = 0;
    while i < sorted.len() {
        let t = sorted[i].time;
        let at_risk = sorted.len() - i;
        let mut j = i;
        let mut events = 0usize;
        while j < sorted.len() && sorted[j].time == t {
            events += usize::from(sorted[j].ended);
            j += 1;
        }
        if events > 0 {
            let (d, n) = (events as f64, at_risk as f64);
            surv *= 1.0 - d / n;
            greenwood += if at_risk > events {
                d / (n * (n - d))
            } else {
                f64::INFINITY
            };
            let (lower, upper) = if surv > 0.0 && surv < 1.0 {
                let log_s = surv.ln();
                let shift = Z_975 * greenwood.sqrt() / log_s;
                let a = (-(((-log_s).ln() + shift).exp())).exp();
                let b = (-(((-log_s).ln() - shift).exp())).exp();
                (a.min(b), a.max(b))
            } else {
                (f64::NAN, f64::NAN)
            };
            steps.push(Step {
                time: t,
                surv,
                lower,
                upper,
            });
        }
        i = j;
    }
    steps
}

/// The first time a decreasing step curve falls to `½` (the midpoint to the next drop when
/// it sits exactly at ½ and drops later); `None` when it never does. NaN values never count
/// as reaching ½.
fn half_point(steps: &[Step], value: impl Fn(&Step) -> f64) -> Option<f64> {
    let k = steps.iter().position(|s| value(s) <= 0.5 + TOL)?;
    if value(&steps[k]) < 0.5 - TOL {
        return Some(steps[k].time);
    }
    // Exactly ½ up to the end of follow-up: no later drop to average with, so the textbook
    // definition, inf{t : S(t) ≤ ½} (lifelines' median), which the flat stretch starts.
    Some(
        steps[k + 1..]
            .iter()
            .find(|s| value(s) < 0.5 - TOL)
            .map_or(steps[k].time, |next| (steps[k].time + next.time) / 2.0),
    )
}

/// The Kaplan-Meier median of `durations` with its Brookmeyer-Crowley 95% interval.
/// Durations with a non-finite time are skipped (as `stats::summarize` skips them), and
/// `n` says how many entered.
pub fn km_median(durations: &[Duration]) -> CensoredMedian {
    let mut sorted: Vec<Duration> = durations
        .iter()
        .copied()
        .filter(|d| d.time.is_finite())
        .collect();
    // Events before censorings at a tie is immaterial to the estimate (ties are at risk
    // together), but a total order keeps the curve a function of the set of durations.
    sorted.sort_by(|a, b| a.time.total_cmp(&b.time).then(b.ended.cmp(&a.ended)));
    let steps = curve(&sorted);
    CensoredMedian {
        median: half_point(&steps, |s| s.surv),
        lo: half_point(&steps, |s| s.lower),
        hi: half_point(&steps, |s| s.upper),
        followup: sorted.last().map_or(f64::NAN, |d| d.time),
        n: sorted.len(),
        censored: sorted.iter().filter(|d| !d.ended).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(times: &[f64], ended: &[bool]) -> Vec<Duration> {
        times
            .iter()
            .zip(ended)
            .map(|(&time, &ended)| Duration { time, ended })
            .collect()
    }

    /// The `aml` data of Miller (1981), shipped with R's `survival` package: weeks in
    /// remission of the maintained and the non-maintained group.
    fn aml() -> (Vec<Duration>, Vec<Duration>) {
        let maintained = data(
            &[9., 13., 13., 18., 23., 28., 31., 34., 45., 48., 161.],
            &[
                true, true, false, true, true, false, true, true, false, true, false,
            ],
        );
        let non = data(
            &[5., 5., 8., 8., 12., 16., 23., 27., 30., 33., 43., 45.],
            &[
                true, true, true, true, true, false, true, true, true, true, true, true,
            ],
        );
        (maintained, non)
    }

    #[test]
    fn the_curve_matches_the_product_limit_by_hand() {
        let (m, _) = aml();
        let mut sorted = m.clone();
        sorted.sort_by(|a, b| a.time.total_cmp(&b.time));
        let s = curve(&sorted);
        // 10/11, ×9/10 (13: one event, 10 at risk), ×7/8 (18: 8 at risk after the censored
        // 13), ×6/7, ×4/5 (31), ×3/4, ×1/2 (48).
        let by_hand = [
            10. / 11.,
            9. / 11.,
            9. / 11. * 7. / 8.,
            9. / 11. * 6. / 8.,
            9. / 11. * 6. / 8. * 4. / 5.,
            9. / 11. * 6. / 8. * 3. / 5.,
            9. / 11. * 6. / 8. * 3. / 10.,
        ];
        assert_eq!(s.len(), by_hand.len());
        for (step, want) in s.iter().zip(by_hand) {
            assert!((step.surv - want).abs() < 1e-15, "{} vs {want}", step.surv);
        }
        // The log-log band at 31 weeks (S = 0.4909): Greenwood's sum is
        // 1/110 + 1/90 + 1/56 + 1/42 + 1/20 = 0.111544; computed independently.
        assert!((s[4].lower - 0.167_330_909_776_850_8).abs() < 1e-12);
        assert!((s[4].upper - 0.753_399_790_370_811_5).abs() < 1e-12);
    }

    #[test]
    fn the_log_band_reproduces_what_r_prints_for_aml() {
        // The same inversion with R's default log band (S·exp(±zσ), capped at 1) gives
        // `survfit(Surv(time, status) ~ x, aml)`'s printed medians and limits: 31 [18, NA]
        // and 23 [8, NA]. This checks the inversion and the "undefined where S = 0" rule
        // against a published output; the log-log band below then differs only in the band.
        let log_band = |d: &[Duration]| {
            let mut sorted = d.to_vec();
            sorted.sort_by(|a, b| a.time.total_cmp(&b.time));
            let mut steps = curve(&sorted);
            let mut g = 0.0;
            for st in &mut steps {
                let n = sorted.iter().filter(|x| x.time >= st.time).count() as f64;
                let dd = sorted
                    .iter()
                    .filter(|x| x.time == st.time && x.ended)
                    .count() as f64;
                g += if n > dd {
                    dd / (n * (n - dd))
                } else {
                    f64::INFINITY
                };
                let se = g.sqrt();
                if st.surv > 0.0 {
                    st.lower = st.surv * (-Z_975 * se).exp();
                    st.upper = (st.surv * (Z_975 * se).exp()).min(1.0);
                } else {
                    (st.lower, st.upper) = (f64::NAN, f64::NAN);
                }
            }
            (
                half_point(&steps, |s| s.surv),
                half_point(&steps, |s| s.lower),
                half_point(&steps, |s| s.upper),
            )
        };
        let (m, non) = aml();
        assert_eq!(log_band(&m), (Some(31.0), Some(18.0), None));
        assert_eq!(log_band(&non), (Some(23.0), Some(8.0), None));
    }

    #[test]
    fn aml_medians_with_the_log_log_band() {
        // Reference values from an independent implementation of the same formulas (and
        // by reading the band off the curve: the maintained group's lower curve first falls
        // below ½ at 13 weeks (0.447), its upper curve stays above ½ to the end (0.525 at
        // 48); the non-maintained group's lower curve is 0.482 at 5 weeks and its upper
        // curve 0.461 at 33).
        let (m, non) = aml();
        let a = km_median(&m);
        assert_eq!((a.median, a.lo, a.hi), (Some(31.0), Some(13.0), None));
        assert_eq!((a.n, a.censored, a.followup), (11, 4, 161.0));
        let b = km_median(&non);
        assert_eq!((b.median, b.lo, b.hi), (Some(23.0), Some(5.0), Some(33.0)));
        assert_eq!((b.n, b.censored, b.followup), (12, 1, 45.0));
    }

    #[test]
    fn a_curve_exactly_at_one_half_takes_the_midpoint_to_the_next_drop() {
        // 1, 2, 3, 4, all ended: S = ¾, ½, ¼, 0, so the median is (2 + 3)/2 as R gives.
        let d = data(&[4., 2., 3., 1.], &[true; 4]);
        assert_eq!(km_median(&d).median, Some(2.5));
    }

    #[test]
    fn a_curve_at_one_half_to_the_end_of_follow_up_takes_the_stretch_start() {
        // Two of four ended (300, 350), two censored at 580: S = ½ from 350 to the end.
        let d = data(&[300., 350., 580., 580.], &[true, true, false, false]);
        let k = km_median(&d);
        assert_eq!(k.median, Some(350.0));
        assert_eq!(k.censored, 2);
    }

    #[test]
    fn durations_censored_at_the_horizon_give_a_median_not_reached() {
        // Three of seven half-lives ended (50, 80, 120 days), four ran to the horizon at
        // 200: S never falls below 4/7, so the median is "more than 200 days"; the band's
        // lower curve is 0.334 at 50 days (Greenwood 1/42), so the interval starts there.
        let d = data(
            &[50., 80., 120., 200., 200., 200., 200.],
            &[true, true, true, false, false, false, false],
        );
        let k = km_median(&d);
        assert_eq!((k.median, k.lo, k.hi), (None, Some(50.0), None));
        assert_eq!((k.followup, k.censored), (200.0, 4));
        assert!((k.censored_share() - 4.0 / 7.0).abs() < 1e-15);
        // Every replication censored: nothing is reached, not even the lower end.
        let all = km_median(&data(&[458.; 20], &[false; 20]));
        assert_eq!((all.median, all.lo, all.hi), (None, None, None));
        assert_eq!((all.followup, all.censored_share()), (458.0, 1.0));
    }

    #[test]
    fn without_censoring_the_median_is_the_sample_median() {
        // Odd n, all ended: S first falls below ½ at the middle value.
        let d = data(&[30., 10., 50., 20., 40.], &[true; 5]);
        let k = km_median(&d);
        assert_eq!(k.median, Some(30.0));
        assert_eq!(k.censored, 0);
        // The interval covers the median.
        assert!(k.lo.unwrap() <= 30.0 && k.hi.unwrap_or(f64::INFINITY) >= 30.0);
    }

    #[test]
    fn the_text_never_shows_a_bound_as_a_measurement() {
        let f = |x: f64| format!("{x:.0}");
        let d = |t: &[f64], e: &[bool]| km_median(&data(t, e));
        let all = d(&[458.; 3], &[false; 3]);
        assert_eq!(all.text(f), "more than 458 (interval not reached)");
        assert_eq!(all.censored_note(), "3 of 3 runs not halved by the end");
        let some = d(
            &[50., 80., 120., 200., 200., 200., 200.],
            &[true, true, true, false, false, false, false],
        );
        assert_eq!(some.text(f), "more than 200 [50, not reached]");
        let (m, _) = aml();
        assert_eq!(km_median(&m).text(f), "31 [13, not reached]");
        assert_eq!(km_median(&[]).text(f), "NA");
    }

    #[test]
    fn non_finite_times_are_skipped_and_nothing_gives_nothing() {
        let d = data(&[f64::NAN, 10.0, f64::INFINITY], &[true, true, false]);
        let k = km_median(&d);
        assert_eq!((k.n, k.median), (1, Some(10.0)));
        let none = km_median(&[]);
        assert_eq!(
            (none.n, none.median, none.lo, none.hi),
            (0, None, None, None)
        );
        assert!(none.followup.is_nan() && none.censored_share().is_nan());
    }
}
