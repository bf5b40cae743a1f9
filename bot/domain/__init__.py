"""Pure product logic: no Telegram, no SQL. Everything here is tested directly."""
