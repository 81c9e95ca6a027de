"""Ways to run the pipeline over a batch: in this process (``local``) or on a Ray cluster (``ray``).

Both yield lists of :class:`~factcheck.engines.finished.Finished` outcomes, one
list per batch, so a writer can flush once per batch. Ray is imported only by
the ray engine, when it runs.
"""

from __future__ import annotations

ENGINES = ("local", "ray")
