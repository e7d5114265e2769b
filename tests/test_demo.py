"""`mapper demo` (the README's main job) and `mapper report` from the command line."""

from __future__ import annotations

from click.testing import CliRunner

from mapper.cli import main


def test_demo_writes_the_map_and_the_report(tmp_path):
    result = CliRunner().invoke(main, ["demo", "-o", str(tmp_path), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo_map.html", "demo_report.html"]
    page = (tmp_path / "demo_map.html").read_text(encoding="utf-8")
    report = (tmp_path / "demo_report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "mapper-data" in page
    assert report.count('class="incident"') >= 20
    for place in ("Batken District", "Almaty", "Orto-Boz"):
        assert place in report


def test_demo_ends_with_its_summary_unless_quiet(tmp_path):
    loud = CliRunner().invoke(main, ["demo", "-o", str(tmp_path)])
    assert loud.exit_code == 0
    assert loud.stdout == ""
    assert loud.stderr.startswith(f"wrote {tmp_path / 'demo_map.html'} (")
    assert f" and {tmp_path / 'demo_report.html'} (" in loud.stderr
    assert "read 1 record file (11 rows: 11 mapped) and 9 articles" in loud.stderr


def test_report_command_and_fragment(tmp_path):
    from pathlib import Path

    records = Path(__file__).resolve().parents[1] / "mapper" / "samples" / "records.csv"
    full = tmp_path / "report.html"
    part = tmp_path / "part.html"
    runner = CliRunner()
    assert runner.invoke(main, ["report", str(records), "-o", str(full), "--quiet"]).exit_code == 0
    done = runner.invoke(main, ["report", str(records), "-o", str(part), "--fragment", "--quiet"])
    assert done.exit_code == 0
    assert full.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    fragment = part.read_text(encoding="utf-8")
    assert "<html" not in fragment and "<body" not in fragment
    assert '<div class="mapper-report">' in fragment and "mapper-fragment" in fragment


def test_report_output_must_be_html(tmp_path):
    result = CliRunner().invoke(main, ["report", "x.csv", "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2 and "html" in result.output
