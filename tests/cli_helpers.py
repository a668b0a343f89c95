"""Helpers shared by the command-line tests (``test_cli.py``, ``test_inputs.py``)."""

from __future__ import annotations

import pytest

from selon.cli import registry as cli


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, list[str]]:
    """Run ``selon ARGV`` in-process: its exit code, stdout, and the non-blank stderr lines."""
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, [line for line in err.splitlines() if line.strip()]
