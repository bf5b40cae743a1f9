"""One module per capability a user meets. Handlers parse, call the domain and store, and render."""
