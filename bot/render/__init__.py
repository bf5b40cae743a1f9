"""Turning domain values into message text and keyboards."""
