"""The store owns all SQL: connection, transactions, migrations, and queries by aggregate."""

from bot.store.db import Database, SchemaTooNewError
from bot.store.store import Store

__all__ = ["Database", "SchemaTooNewError", "Store"]
