"""What /export sends and /forget asks: plain values in, exact files and buttons out."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, date, datetime
from typing import Any

import pytest

from bot.render.callbacks import MAX_BYTES, MAX_INT, Callback
from bot.render.data import (
    ForgetChoice,
    ForgetPress,
    export_archive,
    export_caption,
    export_files,
    forget_buttons,
)

ROWS: dict[str, list[dict[str, Any]]] = {
    "users": [{"user_id": 1, "first_name": "Maya, “M”"}],
    "posts": [{"post_id": 3, "title": None}, {"post_id": 4, "title": "火锅"}],
    "rest_days": [],
}


def test_the_export_is_one_json_then_a_csv_per_table_with_rows() -> None:
    files = export_files(ROWS, date(2026, 3, 2))
    assert [f.name for f in files] == [
        "postpact-20260302.json",
        "postpact-20260302-users.csv",
        "postpact-20260302-posts.csv",
    ]
    assert json.loads(files[0].content) == ROWS
    assert files[1].content.decode("utf-8-sig") == ('user_id,first_name\r\n1,"Maya, “M”"\r\n')
    assert files[2].content.startswith("\ufeff".encode())  # spreadsheet apps see UTF-8
    assert files[2].content.decode("utf-8-sig") == "post_id,title\r\n3,\r\n4,火锅\r\n"


def test_the_export_is_sent_as_one_zip_of_those_files() -> None:
    archive = export_archive(ROWS, date(2026, 3, 2))
    assert archive.name == "postpact-20260302.zip"
    with zipfile.ZipFile(io.BytesIO(archive.content)) as unzipped:
        inside = {name: unzipped.read(name) for name in unzipped.namelist()}
    assert inside == {f.name: f.content for f in export_files(ROWS, date(2026, 3, 2))}


def test_the_caption_counts_the_tables_with_rows() -> None:
    assert export_caption("en", ROWS) == (
        "📦 Everything stored about you, in one zip: a JSON of it all, and a CSV per table"
        " (2 tables with rows)."
    )


def test_forget_asks_with_two_buttons() -> None:
    keyboard = forget_buttons("en", datetime(2026, 3, 2, 12, 0, 0, 123456, tzinfo=UTC))
    assert [[(b.text, b.callback_data) for b in row] for row in keyboard.inline_keyboard] == [
        [
            ("Delete everything", "1|forget|yes|1772452800123456"),
            ("Keep my data", "1|forget|no|1772452800123456"),
        ]
    ]


@pytest.mark.parametrize("choice", list(ForgetChoice))
def test_the_largest_buttons_fit_and_read_back(choice: ForgetChoice) -> None:
    button = ForgetPress(choice, MAX_INT)  # the largest a button carries: the year 2255
    encoded = button.encode()
    assert len(encoded.encode()) <= MAX_BYTES
    decoded = Callback.decode(encoded)
    assert decoded is not None
    assert ForgetPress.decode(decoded.args) == button
