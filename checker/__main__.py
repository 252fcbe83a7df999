"""`python -m checker` runs the glosscheck command."""

from checker.cli import main

main()
