"""The store owns all SQL: connection, transactions, migrations, and queries by aggregate."""

from bot.store.database_file import DatabaseUnavailable, held_for_life
from bot.store.db import Database, SchemaTooNewError
from bot.store.store import Store

__all__ = ["Database", "DatabaseUnavailable", "SchemaTooNewError", "Store", "held_for_life"]
