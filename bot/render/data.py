"""What /export and /forget say and send: the export's files (one JSON, a CSV per table) and the
forget confirmation with its buttons."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, ClassVar, Self

from telegram import InlineKeyboardMarkup

from bot.domain.models import Language
from bot.render.callbacks import ButtonData
from bot.render.keyboards import btn, markup
from bot.texts import t

Rows = Mapping[str, Sequence[Mapping[str, Any]]]  # table name → its rows about the user


class ForgetChoice(StrEnum):
    YES = "yes"
    NO = "no"


@dataclass(frozen=True)
class ForgetPress(ButtonData):
    """/forget's confirm. `since` names the user's data as it was when asked (when their row was
    created, in microseconds): once deleted, the row a later press finds is a new one, so a second
    press is "already done" and never deletes what the user has logged since."""

    action: ClassVar[str] = "forget"
    choice: ForgetChoice
    since: int

    @classmethod
    def about(cls, choice: ForgetChoice, created_at: datetime) -> Self:
        return cls(choice, _micros(created_at))

    def is_for(self, created_at: datetime) -> bool:
        return self.since == _micros(created_at)


def _micros(instant: datetime) -> int:
    return int(instant.timestamp() * 1_000_000)


@dataclass(frozen=True)
class ExportFile:
    name: str
    content: bytes


def export_files(rows: Rows, today: date) -> list[ExportFile]:
    """The JSON of every table first, then one CSV per table that has rows."""
    stamp = f"{today:%Y%m%d}"
    document = json.dumps(rows, ensure_ascii=False, indent=2, default=str).encode()
    files = [ExportFile(f"postpact-{stamp}.json", document)]
    files += [
        ExportFile(f"postpact-{stamp}-{table}.csv", _csv(table_rows))
        for table, table_rows in rows.items()
        if table_rows
    ]
    return files


def export_archive(rows: Rows, today: date) -> ExportFile:
    """The export as one zip: one message instead of a document per table, and small enough to
    send (a 100k-post history is ~56 MB of JSON and CSV, above Telegram's 50 MB upload limit, and
    compresses about tenfold). Slow for big histories: it runs in the worker process
    (`bot.offload`)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in export_files(rows, today):
            archive.writestr(file.name, file.content)
    return ExportFile(f"postpact-{today:%Y%m%d}.zip", buffer.getvalue())


def _csv(rows: Sequence[Mapping[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets spreadsheet apps see UTF-8


def export_caption(lang: Language, rows: Rows) -> str:
    tables = sum(1 for r in rows.values() if r)
    return t(lang, "export.caption", tables=tables, count=tables)


def forget_question(lang: Language) -> str:
    return t(lang, "forget.confirm")


def forget_buttons(lang: Language, created_at: datetime) -> InlineKeyboardMarkup:
    """`created_at`: when the user's row was created (see `ForgetPress`)."""
    return markup(
        [
            [
                btn(t(lang, "btn.forget_yes"), ForgetPress.about(ForgetChoice.YES, created_at)),
                btn(t(lang, "btn.forget_no"), ForgetPress.about(ForgetChoice.NO, created_at)),
            ]
        ]
    )


def forget_kept(lang: Language) -> str:
    return t(lang, "forget.kept")


def forget_done(lang: Language, rows: int) -> str:
    return t(lang, "forget.done", rows=rows, count=rows)
