"""The test suite cannot reach the network, and the pipeline runs without it."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner
from pytest_socket import SocketBlockedError, SocketConnectBlockedError

from mapper.cli import main


def test_outbound_connections_are_blocked():
    blocked = (SocketBlockedError, SocketConnectBlockedError)
    with (
        pytest.warns(UserWarning, match="tried to use socket"),
        pytest.raises(blocked),
        socket.create_connection(("192.0.2.1", 80), 1),
    ):
        pass


def test_extract_geocode_and_incidents_run_offline(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "BISHKEK, 27/01/2022 – Bentrokan di dekat desa Ak-Sai, distrik Batken, Kirgistan.\n",
        encoding="utf-8",
    )
    records = tmp_path / "r.csv"
    records.write_text("place,date,type\nak-sai,2022-01-27,clash\n", encoding="utf-8")
    runner = CliRunner()
    for args in (
        ["extract", str(article), "--quiet"],
        ["geocode", "Batken"],
        ["incidents", str(records), "-o", str(tmp_path / "out.geojson")],
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
