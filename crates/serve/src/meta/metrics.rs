//! Pieces of `GET /api/meta` that come from the registries, so the page holds no copy of
//! them: the metric table (name, title, unit, axis label, group, kind, better) with the
//! groups' headings, and the chart tabs.

use serde_json::{json, Value as Json};

use crate::metrics::registry::{self, Group};

/// Every metric the tool writes, as the page reads it.
pub fn metrics() -> Json {
    registry::all()
        .iter()
        .map(|d| {
            json!({
                "name": d.name,
                "title": d.title,
                "unit": d.unit,
                "axis": d.axis,
                "group": d.group.name(),
                "kind": d.kind.name(),
                "better": d.better.name(),
                "family": d.family.name(),
            })
        })
        .collect()
}

/// The metric groups in display order with their headings.
pub fn metric_groups() -> Json {
    Group::ALL
        .iter()
        .map(|g| json!({"name": g.name(), "title": g.title()}))
        .collect()
}

/// The result's chart tabs in display order with their headings.
pub fn chart_tabs() -> Json {
    crate::outcome::CHART_TABS
        .iter()
        .map(|(name, title)| json!({"name": name, "title": title}))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_metric_table_describes_every_metric_with_title_and_unit() {
        let m = metrics();
        let rows = m.as_array().unwrap();
        assert_eq!(rows.len(), registry::all().len());
        for r in rows {
            for key in ["name", "title", "unit", "axis", "group", "kind", "better"] {
                assert!(
                    r[key].as_str().is_some_and(|s| !s.is_empty()),
                    "{key} of {r}"
                );
            }
        }
        let churned = rows
            .iter()
            .find(|r| r["name"] == "churned_per_day")
            .unwrap();
        assert_eq!(churned["title"], "Churned customers");
        assert_eq!(churned["kind"], "flow");
    }
}

#[cfg(test)]
mod page_tests {
    use crate::metrics::registry::{self, Group};

    /// The page's script.
    const APP_JS: &str = include_str!("../../../../assets/serve/app.js");

    #[test]
    fn the_page_holds_no_copy_of_metric_names_titles_or_groups() {
        for d in registry::all() {
            // `employees` is also the organisation's key the form edits.
            if d.name != "employees" {
                for quote in ['"', '\''] {
                    let quoted = format!("{quote}{}{quote}", d.name);
                    assert!(!APP_JS.contains(&quoted), "app.js names {quoted}");
                }
            }
            assert!(
                !APP_JS.contains(d.title.as_ref()),
                "app.js has {:?}",
                d.title
            );
        }
        for g in Group::ALL {
            assert!(!APP_JS.contains(g.title()), "app.js has {:?}", g.title());
        }
    }
}
