"""Where the files that ship beside the code live: pipeline definitions and default configs.

In a checkout they are the top-level ``pipelines/`` and ``configs/``; a wheel
carries the same files inside the package as ``factcheck/_pipelines`` and
``factcheck/_configs`` (see ``[tool.setuptools]`` in pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """The folder ``name`` (``"configs"`` or ``"pipelines"``) of this install."""
    inside = PACKAGE_DIR / f"_{name}"
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent / name
