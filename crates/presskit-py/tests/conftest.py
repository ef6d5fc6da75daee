"""Shared fixtures: the repository's example and the `presskit` binary."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "ecpat-belgium" / "release.md"


@pytest.fixture(scope="session")
def example() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def presskit_bin() -> str:
    """The CLI, to compare with: $PRESSKIT_BIN, else `presskit` on PATH."""
    binary = os.environ.get("PRESSKIT_BIN") or shutil.which("presskit")
    if not binary:
        pytest.fail("set PRESSKIT_BIN to the presskit binary (cargo build -p presskit-cli)")
    return binary
