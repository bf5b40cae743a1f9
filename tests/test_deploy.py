"""The deployment files say what the code does: every variable docker-compose.yml sets is a real
setting, Prometheus scrapes the port the bot serves metrics on, and what Grafana mounts exists."""

from __future__ import annotations

import re
from pathlib import Path

from bot.config import Settings

ROOT = Path(__file__).resolve().parent.parent


def compose_environment() -> dict[str, str]:
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    block = text.split("    environment:\n", 1)[1].split("\n    volumes:", 1)[0]
    return dict(re.findall(r"^ {6}([A-Z_]+): \"?([^\"\n]*)\"?$", block, flags=re.M))


def test_compose_sets_only_real_settings() -> None:
    settings = {field.upper() for field in Settings.model_fields}
    environment = compose_environment()
    assert environment
    assert set(environment) <= settings, set(environment) - settings


def test_prometheus_scrapes_the_metrics_port_compose_opens() -> None:
    port = compose_environment()["METRICS_PORT"]
    prometheus = (ROOT / "deploy" / "prometheus.yml").read_text(encoding="utf-8")
    assert f'targets: ["postpact:{port}"]' in prometheus
    compose = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    assert f"http://127.0.0.1:{port}/healthz" in compose


def test_what_compose_mounts_exists() -> None:
    compose = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    for mounted in re.findall(r"- \./([\w/.-]+):", compose):
        assert (ROOT / mounted).exists(), mounted
