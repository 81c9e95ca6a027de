"""Resident memory of this process: now, and the peak so far."""

from __future__ import annotations

import os
import resource
import sys

MIB = 1024 * 1024


def rss_mib() -> float:
    """Current resident set size in MiB."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / MIB
    except (OSError, ValueError, IndexError):
        import psutil

        return psutil.Process().memory_info().rss / MIB


def peak_rss_mib() -> float:
    """Peak resident set size of this process in MiB (``ru_maxrss``: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MIB if sys.platform == "darwin" else peak / 1024


class TreePeakSampler:
    """Peak of the summed RSS of this process and all its descendants, sampled on a thread.

    A local Ray's GCS, raylet and worker processes descend from the driver, so
    their memory counts as the run's. Shared pages (Ray's object store) count
    once per process that maps them, so the figure errs high.
    """

    def __init__(self, interval_s: float = 0.25) -> None:
        import threading

        self.interval_s = interval_s
        self.peak_mib = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="rss-sampler", daemon=True)

    def sample(self) -> float:
        import psutil

        me = psutil.Process()
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        self.peak_mib = max(self.peak_mib, total / MIB)
        return total / MIB

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.sample()

    def __enter__(self) -> TreePeakSampler:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()
