"""The installed version of glosscheck, for --version and reports."""

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("glosscheck")
except PackageNotFoundError:  # running from a source tree that is not installed
    VERSION = "0.0.0"
