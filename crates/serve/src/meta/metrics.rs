//! Pieces of `GET /api/meta` that come from the registries, so the page holds no copy of
//! them: the metric table (name, title, unit, axis label, group, kind, better) with the
//! groups' headings, and the chart tabs.

use serde_json::{json, Value as Json};
use undercurrent_text::{term, Lang};

use crate::metrics::registry::{self, Group};

/// Every metric the tool writes, as the page reads it, its title in `lang` (Dutch from
/// `locales/nl/terms-metric.ftl`).
pub fn metrics(lang: Lang) -> Json {
    registry::all()
        .iter()
        .map(|d| {
            json!({
                "name": d.name,
                "title": term(lang, "metric", d.name, d.title.as_ref()),
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

/// The metric groups in display order with their headings (Dutch from
/// `locales/nl/terms-page.ftl`, `group.<name>`).
pub fn metric_groups(lang: Lang) -> Json {
    Group::ALL
        .iter()
        .map(|g| {
            let title = term(lang, "page", &format!("group.{}", g.name()), g.title());
            json!({"name": g.name(), "title": title})
        })
        .collect()
}

/// The result's chart tabs in display order with their headings (Dutch from
/// `locales/nl/terms-page.ftl`, `tab.<name>`).
pub fn chart_tabs(lang: Lang) -> Json {
    crate::outcome::CHART_TABS
        .iter()
        .map(|(name, title)| {
            json!({"name": name, "title": term(lang, "page", &format!("tab.{name}"), title)})
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_metric_table_describes_every_metric_with_title_and_unit() {
        let m = metrics(Lang::En);
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

    #[test]
    fn every_group_and_tab_heading_has_a_dutch_term() {
        let keys = Group::ALL
            .iter()
            .map(|g| format!("group.{}", g.name()))
            .chain(
                crate::outcome::CHART_TABS
                    .iter()
                    .map(|(n, _)| format!("tab.{n}")),
            );
        for key in keys {
            let id = undercurrent_text::term_id("page", &key);
            assert!(
                undercurrent_text::has(Lang::Nl, &id),
                "add {id} to locales/nl/terms-page.ftl"
            );
        }
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
