# De talen zelf.
language-name = Nederlands
language-unknown = onbekende taal `{ $code }`: kies en (English) of nl (Nederlands)
