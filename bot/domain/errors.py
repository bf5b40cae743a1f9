"""Errors a user can cause. They carry a text key, never prose: the boundary renders them."""

from __future__ import annotations


class InputError(Exception):
    """A user's input was not acceptable; `key` names the explanation in the text catalogs.

    `usage` names the command whose usage should follow the explanation, if any.
    """

    def __init__(self, key: str, *, usage: str | None = None, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.usage = usage
        self.params = params

    def with_usage(self, usage: str) -> InputError:
        return InputError(self.key, usage=usage, **self.params)
