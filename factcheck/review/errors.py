"""The review desk's error, with a one-line message like every FactcheckError."""

from __future__ import annotations

from factcheck.errors import FactcheckError


class ReviewError(FactcheckError):
    """The review database, server or export cannot do what was asked."""


class UnknownPairError(ReviewError):
    """A verdict names a pair that is not in the review database."""
