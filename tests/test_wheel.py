"""The built wheel, installed without the source tree, carries the default glossary and works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "corpora" / "articles"


@pytest.mark.slow
def test_wheel_installs_and_checks_in_a_fresh_venv(tmp_path: Path) -> None:
    # Nothing of this environment's import path may leak into the new one.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # Build offline with the setuptools of this environment (no build isolation, no network).
    dist = tmp_path / "dist"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
             "--no-index", "-q", "-w", str(dist), str(ROOT)]  # fmt: skip
    subprocess.run(build, check=True, cwd=tmp_path, env=env)
    (wheel,) = dist.glob("glosscheck-*.whl")

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)]
    subprocess.run(install, check=True, cwd=tmp_path, env=env)
    # Dependencies come from this environment's site-packages, appended to the new
    # venv's path by a .pth line (which does not run this environment's editable hooks).
    new_site = Path(
        subprocess.check_output(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            text=True,
            env=env,
        ).strip()
    )
    (new_site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    where = subprocess.check_output(
        [str(python), "-c", "import glossary, checker; print(glossary.__file__, checker.__file__)"],
        text=True, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert str(ROOT) not in where and str(env_dir) in where

    article = [str(ARTICLE / "qwen-benchmark.zh.md"), str(ARTICLE / "qwen-benchmark.en.md")]
    result = subprocess.run(
        [str(env_dir / "bin" / "glosscheck"), "check", "--format", "json", *article],
        capture_output=True, text=True, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["segments"] > 10
    assert {"T102", "U102"} <= set(report["summary"]["by_rule"])
