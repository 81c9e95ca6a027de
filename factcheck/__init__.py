"""factcheck: attributed statements and the contradictions between them."""

from __future__ import annotations

__version__ = "0.1.0"
