# The languages themselves.
language-name = English
language-unknown = unknown language `{ $code }`: use en (English) or nl (Nederlands)
