"""The command line: one parser, one registry of commands, errors mapped to exit codes."""

from selon.cli.registry import main

__all__ = ["main"]
