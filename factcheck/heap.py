"""Hand freed heap memory back to the operating system between chunks and stages.

A long run parses, embeds and scores chunk after chunk. glibc keeps what each
chunk freed in its heap arenas, raises its mmap threshold after large frees
(so later tensors come from the heap too), and the resident size creeps up
with every chunk although the live data does not grow. ``malloc_trim(0)``
after a chunk returns the free pages, so a run's memory follows one chunk's
working set, not the length of the batch. Within a chunk the same holds
between stages: what the parse freed is fragmented small objects that the
pairing stage's tensors cannot reuse, so without a trim between them a chunk's
peak is the sum of its stages' heaps, not the largest one. Elsewhere than
glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import logging

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS)
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_free_memory() -> bool:
    """Return the heap's free pages to the OS; False where the C library cannot."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
