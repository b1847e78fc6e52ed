//! Odd but well-formed input must never panic: it renders or returns a `PlotError`.

mod plot_common;

use std::fs;

use plot_common::{fixture, fresh_dir};
use plotters::prelude::*;
use undercurrent::plot::{available_charts, draw_chart, load_run_dir, plot_run_dir};
use undercurrent::text::Lang;

const TS_HEADER: &str = "arm,day,metric,mean,sd,ci_lo,ci_hi,n\n";
const DUR_HEADER: &str = "arm,metric,mean,sd,ci_lo,ci_hi,n\n";

#[test]
fn extreme_values_and_many_long_arms_do_not_panic() {
    let dir = fresh_dir("extreme");
    let mut ts = String::from(TS_HEADER);
    let mut dur = String::from(DUR_HEADER);
    let arms: Vec<String> = (0..11)
        .map(|i| {
            if i == 0 {
                "baseline".to_string()
            } else {
                format!("arm_with_a_really_quite_extraordinarily_long_name_number_{i}_<&\"'>")
            }
        })
        .collect();
    for (i, arm) in arms.iter().enumerate() {
        let arm_csv = format!("\"{}\"", arm.replace('"', "\"\""));
        for day in [-10i64, 0, 5, 10, 3000] {
            let b = 0.5 + i as f64 * 0.01;
            ts.push_str(&format!(
                "{arm_csv},{day},B,{b},0.1,{},{},30\n",
                b - 0.1,
                b + 0.1
            ));
            ts.push_str(&format!(
                "{arm_csv},{day},huge,1e300,1e299,-1e300,1.5e300,30\n"
            ));
            ts.push_str(&format!("{arm_csv},{day},tiny,1e-300,0,0,2e-300,30\n"));
            ts.push_str(&format!("{arm_csv},{day},flat,7,0,7,7,30\n"));
            ts.push_str(&format!("{arm_csv},{day},N,0.4,0.1,0.5,0.3,30\n"));
            ts.push_str(&format!("{arm_csv},{day},B_green,0.4,0.1,0.5,0.3,30\n"));
        }
        dur.push_str(&format!("{arm_csv},peak_gain_B,1e200,1,NA,NA,30\n"));
        dur.push_str(&format!("{arm_csv},half_life_days_B,-5,1,-1e6,1e6,30\n"));
        dur.push_str(&format!(
            "{arm_csv},half_life_censored_share_B,0.5,0,NA,NA,30\n"
        ));
    }
    fs::write(dir.join("timeseries.csv"), ts).unwrap();
    fs::write(dir.join("durability.csv"), dur).unwrap();
    fs::write(
        dir.join("manifest.json"),
        format!(
            "{{\"scenario\":{{\"name\":\"{}\"}}}}",
            "a very long scenario name ".repeat(12)
        ),
    )
    .unwrap();
    let paths = plot_run_dir(&dir, Lang::En).expect("extreme input should still render");
    assert!(!paths.is_empty());
}

#[test]
fn tiny_drawing_areas_do_not_panic() {
    let dir = fresh_dir("tiny");
    fixture::write_fixture(&dir);
    let data = load_run_dir(&dir).unwrap();
    for size in [(1u32, 1u32), (120, 80), (640, 400), (800, 450)] {
        for kind in available_charts(&data) {
            let mut s = String::new();
            let root = SVGBackend::with_string(&mut s, size).into_drawing_area();
            // An error is acceptable on an area this small; a panic is not.
            let _ = draw_chart(&root, &data, &kind, Lang::En);
        }
    }
}

/// Damaged files that once made the tick code ask for billions of ticks (`capacity
/// overflow`, exit 101): means of ±1e308, and one day of 1e300.
#[test]
fn means_of_1e308_and_a_day_of_1e300_render_or_fail_cleanly() {
    for (name, rows) in [
        (
            "huge-means",
            "baseline,0,B,1e308,0,-1e308,1e308,3\nbaseline,5,B,-1e308,0,-1e308,1e308,3\n",
        ),
        (
            "huge-day",
            "baseline,0,B,0.5,0,0.4,0.6,3\nbaseline,1e300,B,0.5,0,0.4,0.6,3\n",
        ),
    ] {
        let dir = fresh_dir(name);
        fs::write(dir.join("timeseries.csv"), format!("{TS_HEADER}{rows}")).unwrap();
        fs::write(dir.join("durability.csv"), DUR_HEADER).unwrap();
        fs::write(dir.join("manifest.json"), "{\"scenario\":{\"name\":\"x\"}}").unwrap();
        // Drawn, or refused with a PlotError; returning at all is the point.
        let _ = plot_run_dir(&dir, Lang::En);
    }
}
