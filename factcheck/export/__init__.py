"""Export reviewed pairs: schema.org ClaimReview JSON-LD, CSV or JSONL."""

from __future__ import annotations

from factcheck.export.writers import export_confirmed

__all__ = ["export_confirmed"]
