# Koppen van de metriekgroepen (metrics::registry::Group) en de tabbladen van de grafieken
# (crates/serve/src/outcome.rs, CHART_TABS) in de verkenner.
term-page-group-above = Boven de waterlijn
term-page-group-below = Onder de waterlijn
term-page-group-customers = Klanten
term-page-group-rules = Regels
term-page-group-cost = Kosten
term-page-group-people = Mensen
term-page-tab-behaviour = Gedrag (B)
term-page-tab-below = Onder de waterlijn
term-page-tab-nps = NPS
term-page-tab-rules-cost = Regelovertredingen & kosten
term-page-tab-other = Overig
term-page-tab-iceberg = IJsberg
term-page-tab-durability = Duurzaamheid
term-page-tab-drives = Drijfveren
