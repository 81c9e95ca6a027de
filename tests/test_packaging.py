"""The wheel carries every package, the embedded model, pipelines and configs."""

from __future__ import annotations

import tomllib
import zipfile
from pathlib import Path

import pytest

from factcheck.resources import bundled_dir

ROOT = Path(__file__).resolve().parent.parent


def test_pyproject_lists_every_package_of_the_library() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "factcheck").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_checkout_resolves_the_top_level_folders() -> None:
    assert (bundled_dir("configs") / "run-default.toml").is_file()
    assert (bundled_dir("pipelines") / "claim-rebuttal.toml").is_file()


@pytest.mark.slow
def test_wheel_carries_model_pipelines_and_configs(tmp_path: Path) -> None:
    import os

    from setuptools import build_meta  # the build backend pyproject.toml names

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        name = build_meta.build_wheel(str(tmp_path))
    finally:
        os.chdir(cwd)
    names = set(zipfile.ZipFile(tmp_path / name).namelist())
    for expected in (
        "factcheck/_configs/run-default.toml",
        "factcheck/_pipelines/claim-rebuttal.toml",
        "factcheck/nli/default_model/model.safetensors",
        "factcheck/nli/default_model/config.json",
        "factcheck/attribution/cue_lexicon.json",
        "factcheck/review/templates/pair.html",
        "factcheck/engines/__init__.py",
    ):
        assert expected in names, expected
