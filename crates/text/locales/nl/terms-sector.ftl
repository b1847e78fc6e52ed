# Sectoren van de presets (crates/serve/src/lib.rs, SECTORS).
term-sector-retail = detailhandel
term-sector-transport = vervoer
term-sector-hospitality = horeca
term-sector-government = overheid
term-sector-business-services = zakelijke dienstverlening
