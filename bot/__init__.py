"""Postpact: a Telegram bot that keeps content creators posting and growing."""

__version__ = "0.1.0"
