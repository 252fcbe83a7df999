"""The hooks of .pre-commit-hooks.yaml, run by pre-commit itself in throwaway repositories.

pre-commit installs a hook's environment with pip (`pip install .` of this
project, then its dependencies). These tests run offline: pip gets no index
and finds everything in the wheelhouse that .ci/run builds (`.wheelhouse/`,
jieba included, which PyPI has only as an sdist); pip's and virtualenv's own
configuration files are switched off so that nothing else is consulted.
Without a wheelhouse the tests are skipped, saying how to build one (in CI,
where .ci/run builds it, they fail instead: a skip there would hide a broken
setup).

The hook repository is a snapshot of this working tree committed to a
temporary git repository, because pre-commit installs from a commit.
`pre-commit try-repo` would snapshot a dirty tree too, but only the files
git already tracks (it runs `git add -u`), so a new module would be missing.

One PRE_COMMIT_HOME serves the module: the environment is installed once
(about 20 s), after which each hook run takes a second or two.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.readers.names import DOCUMENT_EXTENSIONS, document_name
from checker.readers.registry import KNOWN_EXTENSIONS

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
WHEELHOUSE = ROOT / ".wheelhouse"
BUILD_WHEELHOUSE = (  # the line in .ci/run
    "python3 -m venv .venv && .venv/bin/pip wheel -q -c constraints.txt -w .wheelhouse ."
    " setuptools wheel"
)
RUN_TIMEOUT = 180  # seconds
INSTALL_TIMEOUT = 900  # pip installs numpy, lxml and the rest, from wheels

# A Simplified Chinese catalog with fixable faults (P101, T104), as Django's had them.
FAULTY_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: zh_Hans\\n"

msgid "CSRF verification failed. Request aborted."
msgstr "CSRF验证失败. 请求被中断."

msgid "Django administration"
msgstr "django 管理"

msgid "Delete"
msgstr "删除"
"""
FIXED_PO = FAULTY_PO.replace("CSRF验证失败. 请求被中断.", "CSRF验证失败。请求被中断。").replace(
    "django 管理", "Django 管理"
)
CLEAN_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: zh_Hans\\n"

msgid "Delete"
msgstr "删除"
"""


def hook(hook_id: str) -> dict[str, Any]:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    (found,) = [h for h in manifest if h["id"] == hook_id]
    return dict(found)


# --- the manifest --------------------------------------------------------------------


def test_manifest_is_valid_for_pre_commit() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib", reason="pre-commit not installed")
    hooks = {h["id"]: h for h in clientlib.load_manifest(str(MANIFEST))}
    assert set(hooks) >= {"glosscheck", "glosscheck-fix"}
    assert {h["language"] for h in hooks.values()} == {"python"}


def test_both_hooks_check_all_files_in_one_process() -> None:
    """T103/C101 and pairs need every file in one process (see the manifest's comment)."""
    check, fix = hook("glosscheck"), hook("glosscheck-fix")
    assert check["require_serial"] is True and fix["require_serial"] is True
    assert check["entry"] == "glosscheck check"
    assert fix["entry"] == "glosscheck check --fix"
    assert check["files"] == fix["files"]


def matches(name: str) -> bool:
    """Whether pre-commit passes `name` to the hook: it `re.search`es `files`."""
    return re.search(hook("glosscheck")["files"], name) is not None


@pytest.mark.parametrize(
    "name",
    [
        "po/zh_Hans.po",
        "locale/messages.pot",
        "tm/memory.tmx",
        "app.xlf",
        "app.XLIFF",
        "pairs.tsv",
        "pairs.csv",
        "pairs.jsonl",
        "docs/intro.zh.md",
        "docs/intro.en.md",
        "docs/intro.zh-Hans.md",
        "docs/intro.zh_CN.txt",
        "docs/intro.en-US.markdown",
        "docs/intro.zh-Hant-TW.md",
        "DOCS/INTRO.EN.MD",
    ],
)
def test_files_pattern_takes_translations(name: str) -> None:
    assert matches(name)
    document = document_name(name)
    assert document is None or document.lang is not None  # planning sees a language too


@pytest.mark.parametrize(
    "name",
    [
        "README.md",  # no language in the name: not a translation
        "notes.txt",
        "docs/zh.md",  # "zh" is the whole name, not a suffix
        "docs/intro.english.md",
        "locale/zh_Hans/LC_MESSAGES/django.mo",  # compiled from the .po that is checked
        "docs/intro.zh.md.orig",
        "setup.py",
    ],
)
def test_files_pattern_leaves_other_files(name: str) -> None:
    assert not matches(name)


def test_files_pattern_covers_every_reader() -> None:
    """A reader added to the registry must be added to the hooks' `files` too."""
    for extension in KNOWN_EXTENSIONS - {".mo"}:
        name = f"x.zh{extension}" if extension in DOCUMENT_EXTENSIONS else f"x{extension}"
        assert matches(name), extension


# --- running pre-commit ----------------------------------------------------------------


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def require(condition: bool, reason: str) -> None:
    """Skip on a developer's machine; fail in CI, where .ci/run provides everything."""
    if not condition:
        (pytest.fail if in_ci() else pytest.skip)(reason)


def require_prerequisites() -> None:
    require(
        WHEELHOUSE.is_dir() and any(WHEELHOUSE.glob("*.whl")),
        f"no wheelhouse at {WHEELHOUSE} for pre-commit's offline install; build it from "
        f"{ROOT} with: {BUILD_WHEELHOUSE}",
    )
    require(
        importlib.util.find_spec("pre_commit") is not None,
        "pre-commit is not installed: pip install -c constraints.txt -e '.[dev]'",
    )
    require(shutil.which("git") is not None, "git is not on PATH")
    toplevel = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], cwd=ROOT, capture_output=True, text=True
    )
    require(
        toplevel.returncode == 0 and Path(toplevel.stdout.strip()) == ROOT,
        f"{ROOT} is not a git checkout",
    )


def hermetic_env(base: Path) -> dict[str, str]:
    """This environment without the caller's pip, virtualenv, pre-commit and git settings.

    pip reads no configuration file (which could name an index, find-links or
    constraints) and installs from the wheelhouse alone; pre-commit passes
    the environment on to pip, also to the pip that installs the build
    requirements. virtualenv seeds pip from the wheels it bundles and does not
    look for newer ones. Caches go to `base`, not the user's home. git ignores
    the user's configuration (a commit.gpgsign would stop the test's commits).
    """
    prefixes = ("PIP_", "VIRTUALENV_", "PRE_COMMIT", "GIT_")
    env = {key: value for key, value in os.environ.items() if not key.startswith(prefixes)}
    env.update(
        PIP_CONFIG_FILE=os.devnull,
        PIP_NO_INDEX="1",
        PIP_FIND_LINKS=str(WHEELHOUSE),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        VIRTUALENV_CONFIG_FILE=os.devnull,
        VIRTUALENV_OVERRIDE_APP_DATA=str(base / "virtualenv-app-data"),
        VIRTUALENV_NO_DOWNLOAD="1",
        VIRTUALENV_NO_PERIODIC_UPDATE="1",
        PRE_COMMIT_HOME=str(base / "pre-commit-home"),
        XDG_CACHE_HOME=str(base / "cache"),  # pip's cache and glosscheck's own
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="glosscheck tests",
        GIT_AUTHOR_EMAIL="tests@glosscheck.invalid",
        GIT_COMMITTER_NAME="glosscheck tests",
        GIT_COMMITTER_EMAIL="tests@glosscheck.invalid",
    )
    return env


def git(repo: Path, env: Mapping[str, str], *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def snapshot(destination: Path, env: Mapping[str, str]) -> str:
    """Commit this working tree as it is into a new repository; its commit id.

    The files are those git tracks plus the untracked ones it does not
    ignore, so .venv/ and .wheelhouse/ stay out.
    """
    listed = git(ROOT, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a file deleted but still in the index is left out
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git(destination, env, "init", "-q")
    git(destination, env, "add", "-A")
    git(destination, env, "commit", "-q", "-m", "glosscheck working tree")
    return git(destination, env, "rev-parse", "HEAD").strip()


@dataclass(frozen=True)
class Sandbox:
    """A hook repository at a commit, and the environment that runs pre-commit offline."""

    env: dict[str, str]
    hook_repo: Path
    rev: str

    def user_repo(self, path: Path, **glosscheck_options: Any) -> Path:
        """A new git repository whose .pre-commit-config.yaml uses both hooks."""
        path.mkdir(parents=True, exist_ok=True)
        git(path, self.env, "init", "-q")
        hooks = [{"id": "glosscheck", **glosscheck_options}, {"id": "glosscheck-fix"}]
        config = {"repos": [{"repo": str(self.hook_repo), "rev": self.rev, "hooks": hooks}]}
        (path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
        return path

    def pre_commit(
        self, repo: Path, *args: str, timeout: int = RUN_TIMEOUT
    ) -> subprocess.CompletedProcess[str]:
        """pre-commit's command line, output and errors together as a user sees them."""
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", *args],
            cwd=repo,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            encoding="utf-8",
            timeout=timeout,
        )


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Sandbox:
    """The hook repository with its environment installed once, offline."""
    require_prerequisites()
    base = tmp_path_factory.mktemp("precommit")
    env = hermetic_env(base)
    hook_repo = base / "glosscheck"
    box = Sandbox(env, hook_repo, snapshot(hook_repo, env))
    installed = box.pre_commit(
        box.user_repo(base / "warmup"), "install-hooks", timeout=INSTALL_TIMEOUT
    )
    if installed.returncode != 0:
        pytest.fail(
            "pre-commit could not install the hook offline; a wheel missing from the "
            f"wheelhouse? Rebuild it: {BUILD_WHEELHOUSE}\n{installed.stdout[-3000:]}"
        )
    return box


def write(repo: Path, name: str, text: str) -> Path:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def passed(output: str, name: str = "glosscheck") -> bool:
    return re.search(rf"^{re.escape(name)}\.+Passed$", output, re.MULTILINE) is not None


@pytest.mark.slow
def test_hook_fails_on_a_faulty_catalog_and_names_the_findings(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    repo = sandbox.user_repo(tmp_path / "user")
    write(repo, "po/faulty.po", FAULTY_PO)
    write(repo, "po/clean.po", CLEAN_PO)
    git(repo, sandbox.env, "add", "po")
    result = sandbox.pre_commit(repo, "run", "glosscheck")
    assert result.returncode == 1, result.stdout
    assert re.search(r"^glosscheck\.+Failed$", result.stdout, re.MULTILINE)
    assert 'po/faulty.po:7:17: P101 half-width "." in Chinese text' in result.stdout
    assert 'po/faulty.po:10:9: T104 "django" should be written "Django"' in result.stdout
    assert "po/clean.po" not in result.stdout


@pytest.mark.slow
def test_hook_passes_a_clean_catalog(sandbox: Sandbox, tmp_path: Path) -> None:
    repo = sandbox.user_repo(tmp_path / "user")
    write(repo, "po/clean.po", CLEAN_PO)
    write(repo, "po/faulty.po", FAULTY_PO)  # in the working tree, not staged: not checked
    git(repo, sandbox.env, "add", "po/clean.po")
    result = sandbox.pre_commit(repo, "run", "glosscheck")
    assert result.returncode == 0, result.stdout
    assert passed(result.stdout)


@pytest.mark.slow
def test_fix_hook_rewrites_only_what_it_fixes(sandbox: Sandbox, tmp_path: Path) -> None:
    repo = sandbox.user_repo(tmp_path / "user")
    catalog = write(repo, "po/zh_Hans.po", FAULTY_PO)
    git(repo, sandbox.env, "add", "po")
    result = sandbox.pre_commit(repo, "run", "glosscheck-fix")
    assert result.returncode == 1, result.stdout  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in result.stdout
    assert "Applied 3 fixes." in result.stdout
    assert catalog.read_bytes() == FIXED_PO.encode("utf-8")
    git(repo, sandbox.env, "add", "po")
    again = sandbox.pre_commit(repo, "run", "--all-files")
    assert again.returncode == 0, again.stdout
    assert passed(again.stdout) and passed(again.stdout, "glosscheck (fix)")
    assert catalog.read_bytes() == FIXED_PO.encode("utf-8")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("committed_zh", "committed_en", "staged", "edited"),
    [
        # the translation changed: it lost the term its source has
        ("我们刷新了纪录。", "We refreshed the record.", "intro.en.md", "We broke the record."),
        # the source changed: it gained a term the translation lacks
        ("我们打破了纪录。", "We broke the record.", "intro.zh.md", "我们刷新了纪录。"),
    ],
)
def test_one_staged_half_of_a_pair_is_checked_with_the_other(
    sandbox: Sandbox,
    tmp_path: Path,
    committed_zh: str,
    committed_en: str,
    staged: str,
    edited: str,
) -> None:
    """T101 needs the source, so finding it proves the unstaged half was read."""
    repo = sandbox.user_repo(tmp_path / "user")
    write(repo, "docs/intro.zh.md", f"# 简介\n\n{committed_zh}\n")
    write(repo, "docs/intro.en.md", f"# Introduction\n\n{committed_en}\n")
    git(repo, sandbox.env, "add", "-A")
    git(repo, sandbox.env, "commit", "-q", "-m", "a clean pair")
    heading = "# 简介" if staged.endswith(".zh.md") else "# Introduction"
    write(repo, f"docs/{staged}", f"{heading}\n\n{edited}\n")
    git(repo, sandbox.env, "add", f"docs/{staged}")
    assert git(repo, sandbox.env, "diff", "--cached", "--name-only").split() == [f"docs/{staged}"]
    result = sandbox.pre_commit(repo, "run", "glosscheck")
    assert result.returncode == 1, result.stdout
    assert 'docs/intro.en.md:3:1: T101 "刷新" should be translated as "refresh"' in result.stdout
    assert "source: 我们刷新了纪录。" in result.stdout


@pytest.mark.slow
def test_installed_git_hook_refuses_a_faulty_commit(sandbox: Sandbox, tmp_path: Path) -> None:
    repo = sandbox.user_repo(tmp_path / "user")
    assert sandbox.pre_commit(repo, "install").returncode == 0
    write(repo, "po/zh_Hans.po", FAULTY_PO)
    git(repo, sandbox.env, "add", "po")
    commit = ["git", "commit", "-m", "translations"]
    refused = subprocess.run(
        commit, cwd=repo, env=sandbox.env, capture_output=True, encoding="utf-8"
    )
    assert refused.returncode != 0
    assert 'T104 "django" should be written "Django"' in refused.stdout + refused.stderr
    write(repo, "po/zh_Hans.po", FIXED_PO)
    git(repo, sandbox.env, "add", "po")
    accepted = subprocess.run(
        commit, cwd=repo, env=sandbox.env, capture_output=True, encoding="utf-8"
    )
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git(repo, sandbox.env, "log", "--format=%s").split("\n")[0] == "translations"


def same_msgid_catalogs(repo: Path, count: int) -> None:
    """`count` catalogs translating "Save" as 保存, and one more as 存储."""
    save = CLEAN_PO.replace("Delete", "Save")
    for number in range(count):
        write(repo, f"po/app{number}.po", save.replace("删除", "保存"))
    write(repo, "po/odd.po", save.replace("删除", "存储"))


@pytest.mark.slow
def test_cross_file_rule_sees_every_staged_file(sandbox: Sandbox, tmp_path: Path) -> None:
    """More files than pre-commit puts in one batch (4) still meet in one process."""
    repo = sandbox.user_repo(tmp_path / "user", args=["--select", "C101"])
    same_msgid_catalogs(repo, 7)
    git(repo, sandbox.env, "add", "po")
    result = sandbox.pre_commit(repo, "run", "glosscheck")
    assert result.returncode == 1, result.stdout
    assert '"保存" 7×' in result.stdout and '"存储" 1×' in result.stdout


@pytest.mark.slow
def test_without_require_serial_pre_commit_would_split_the_files(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    """Why the manifest says require_serial: each process would count only its share."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("pre-commit runs one process on one CPU: nothing to split")
    repo = sandbox.user_repo(tmp_path / "user", args=["--select", "C101"], require_serial=False)
    same_msgid_catalogs(repo, 7)
    git(repo, sandbox.env, "add", "po")
    result = sandbox.pre_commit(repo, "run", "glosscheck")
    assert '"保存" 7×' not in result.stdout
    assert '"保存" 3×' in result.stdout  # odd.po met three of the seven


@pytest.mark.slow
def test_whole_project_variant_checks_files_not_staged(sandbox: Sandbox, tmp_path: Path) -> None:
    """`pass_filenames: false` with `args: [.]`, as the README suggests for consistency."""
    repo = sandbox.user_repo(tmp_path / "user", pass_filenames=False, args=["."])
    write(repo, "po/zh_Hans.po", FAULTY_PO)
    git(repo, sandbox.env, "add", "-A")
    git(repo, sandbox.env, "commit", "-q", "-m", "an old catalog with faults")
    write(repo, "po/zh_SG.po", CLEAN_PO)
    git(repo, sandbox.env, "add", "po/zh_SG.po")
    result = sandbox.pre_commit(repo, "run", "glosscheck")
    assert result.returncode == 1, result.stdout
    assert 'po/zh_Hans.po:10:9: T104 "django" should be written "Django"' in result.stdout
