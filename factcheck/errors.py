"""Every error factcheck raises on purpose, each with a one-line message."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class: the message is one line meant for a person."""


class ConfigError(FactcheckError):
    """A config file or override is invalid."""


class ModelLoadError(FactcheckError):
    """A model could not be loaded, or is not usable for its job."""


class InputError(FactcheckError):
    """One input (a file, or a line of a JSONL file) cannot be processed."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
