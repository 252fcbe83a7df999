"""Read `[tool.glosscheck]` (pyproject.toml) or glosscheck.toml, found upward from a path.

Keys mirror the command-line flags in kebab-case, plus `allow`,
`per-file-ignores` and `[rules.CODE]` tables (severity and rule options).
Unknown keys, unknown rule codes and values of the wrong type are errors
that name the file and the key: a typo must not silently switch a check off.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from checker.config import Config, check_selectors
from checker.finding import Severity
from checker.rules import RULES
from glossary.errors import GlosscheckError

CONFIG_FILES = ("glosscheck.toml", ".glosscheck.toml", "pyproject.toml")

_LISTS = ("select", "ignore", "allow", "glossary", "include", "exclude")
_LANGS = ("zh", "en")


class ConfigError(GlosscheckError):
    """A configuration file that cannot be used as it is."""


def find_config(start: str | Path) -> Path | None:
    """The nearest configuration file at or above `start` that configures glosscheck."""
    here = Path(start).resolve()
    for folder in [here, *here.parents] if here.is_dir() else here.parents:
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_section(candidate)):
                return candidate
    return None


def _has_section(pyproject: Path) -> bool:
    import tomllib  # here: only a run that finds a pyproject.toml or a configuration needs it

    try:
        return "glosscheck" in tomllib.loads(pyproject.read_text("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # not ours to judge; a broken pyproject is reported when named


def load_config(path: str | Path) -> Config:
    """The settings of one configuration file."""
    import tomllib

    path = Path(path)
    try:
        document = tomllib.loads(path.read_text("utf-8"))
    except OSError as error:
        raise ConfigError(error.strerror or str(error), str(path)) from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"not UTF-8 ({error.reason})", str(path)) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"invalid TOML: {error}", str(path)) from None
    table = (
        document.get("tool", {}).get("glosscheck", {})
        if path.name == "pyproject.toml"
        else document
    )
    return _Parser(str(path)).config(table, path.parent)


class _Parser:
    """Turns a TOML table into a Config, naming the file and key of every mistake."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{key}: {message}", self.path)

    def config(self, table: Mapping[str, Any], root: Path) -> Config:
        known = {*_LISTS, "fail-on", "source-lang", "target-lang", "target-only",
                 "no-default-glossary", "per-file-ignores", "rules"}  # fmt: skip
        for key in table:
            if key not in known:
                raise self.fail(key, f"unknown key (known: {', '.join(sorted(known))})")
        lists = {key: self.strings(table, key) for key in _LISTS}
        check = self.selectors
        return Config(
            select=check("select", lists["select"]),
            ignore=check("ignore", lists["ignore"]),
            allow=lists["allow"],
            include=lists["include"],
            exclude=lists["exclude"],
            glossaries=tuple(str(root / g) for g in lists["glossary"]),
            fail_on=self.fail_on(table),
            source_lang=self.choice(table, "source-lang", _LANGS),
            target_lang=self.choice(table, "target-lang", _LANGS),
            target_only=self.flag(table, "target-only"),
            no_default_glossary=self.flag(table, "no-default-glossary"),
            per_file_ignores=self.per_file_ignores(table.get("per-file-ignores", {})),
            severities=self.severities(table.get("rules", {})),
            options=self.options(table.get("rules", {})),
            root=str(root),
        )

    def strings(self, table: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "expected a list of strings")
        return tuple(value)

    def selectors(self, key: str, values: tuple[str, ...]) -> tuple[str, ...]:
        try:
            check_selectors(values)
        except GlosscheckError as error:
            raise self.fail(key, error.message) from None
        return values

    def flag(self, table: Mapping[str, Any], key: str) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, "expected true or false")
        return value

    def choice(self, table: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> str | None:
        value = table.get(key)
        if value is not None and value not in allowed:
            raise self.fail(key, f"expected one of {', '.join(allowed)}")
        return value

    def fail_on(self, table: Mapping[str, Any]) -> Severity | None:
        value = self.choice(table, "fail-on", ("error", "warning", "info", "never")) or "warning"
        return None if value == "never" else Severity.parse(value)

    def per_file_ignores(self, table: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
        if not isinstance(table, dict):
            raise self.fail("per-file-ignores", "expected a table of glob = [codes]")
        return tuple(
            (glob, self.selectors(f"per-file-ignores.{glob}", self.strings(table, glob)))
            for glob in table
        )

    def rule_tables(self, table: object) -> dict[str, dict[str, Any]]:
        if not isinstance(table, dict):
            raise self.fail("rules", "expected tables such as [rules.T101]")
        for code, options in table.items():
            if code not in RULES:
                raise self.fail(f"rules.{code}", "unknown rule code")
            if not isinstance(options, dict):
                raise self.fail(f"rules.{code}", "expected a table")
            for name in options:
                if name != "severity" and name not in RULES[code].option_defaults:
                    known = ", ".join(["severity", *RULES[code].option_defaults])
                    raise self.fail(f"rules.{code}.{name}", f"unknown option (known: {known})")
        return table

    def severities(self, table: object) -> dict[str, Severity]:
        found = {}
        for code, options in self.rule_tables(table).items():
            if "severity" in options:
                value = options["severity"]
                if value not in ("error", "warning", "info"):
                    raise self.fail(f"rules.{code}.severity", "expected error, warning or info")
                found[code] = Severity.parse(value)
        return found

    def options(self, table: object) -> dict[str, dict[str, object]]:
        found: dict[str, dict[str, object]] = {}
        for code, options in self.rule_tables(table).items():
            for name, value in options.items():
                if name == "severity":
                    continue
                default = RULES[code].option_defaults[name]
                if type(default) is float and type(value) is int:
                    value = float(value)  # `max_ratio = 3` means 3.0
                if type(value) is not type(default):
                    kind = type(default).__name__
                    raise self.fail(f"rules.{code}.{name}", f"expected a value of type {kind}")
                found.setdefault(code, {})[name] = value
        return found
