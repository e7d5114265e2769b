"""Every command block of the README's "Use" section runs as written, in order, on the
bundled samples (in a scratch folder laid out like the repository)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```sh\n(.*?)```", re.S)


def readme_commands() -> list[str]:
    """The commands of the README's shell blocks after the set-up section, in order."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    use = text[text.index("## Use") :]
    lines = [line.strip() for block in BLOCK.findall(use) for line in block.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def test_the_readme_shows_commands_for_every_command() -> None:
    commands = " ".join(readme_commands())
    for command in ("extract", "eval", "incidents", "map", "report", "static", "snapshot"):
        assert f".venv/bin/mapper {command} " in commands, command
    assert ".venv/bin/mapper geocode " in commands and "gazetteer info" in commands


@pytest.mark.slow
@pytest.mark.browser
def test_every_readme_command_runs(tmp_path: Path) -> None:
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("mapper snapshot needs Debian's chromium (make test installs it)")
    (tmp_path / "mapper").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / "mapper" / "samples").symlink_to(REPO / "mapper" / "samples")
    (tmp_path / "tests" / "devset").symlink_to(REPO / "tests" / "devset")
    (tmp_path / "output").mkdir()
    mapper = f"'{sys.executable}' -m mapper.cli"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for command in readme_commands():
        line = command.replace(".venv/bin/mapper", mapper)
        done = subprocess.run(
            ["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"{command}\n{done.stderr[-2000:]}"
        assert "Traceback" not in done.stderr, command
    written = sorted(p.name for p in (tmp_path / "output").iterdir())
    for name in ("extract.jsonl", "incidents.geojson", "map.html", "report.html", "map.png"):
        assert name in written
