# Volwassenheidsfasen van de presets (crates/serve/src/lib.rs, MATURITIES).
term-preset-ignore = negeren
term-preset-initiate = beginnen
term-preset-mobilise = mobiliseren
term-preset-transform = transformeren
