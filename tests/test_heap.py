from __future__ import annotations

import ctypes
import ctypes.util
import platform

import pytest

from factcheck.bench.memory import rss_mib
from factcheck.heap import release_free_memory


def test_free_memory_goes_back_where_the_c_library_can_do_it() -> None:
    assert release_free_memory() is (platform.libc_ver()[0] == "glibc")
    assert release_free_memory() is release_free_memory()  # repeatable, no state


def _libc() -> ctypes.CDLL:
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    return libc


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")
def test_freed_heap_pages_leave_the_resident_set() -> None:
    # 160 MiB of small blocks (heap, not mmap), touched, then freed but for the last one, which pins the
    # heap's top so that free() alone cannot shrink it: the pages stay resident until a trim.
    libc, block = _libc(), 4096
    blocks = [libc.malloc(block) for _ in range(40_000)]
    assert all(blocks)
    for b in blocks:
        ctypes.memset(b, 1, block)
    for b in blocks[:-1]:
        libc.free(b)
    before = rss_mib()
    assert release_free_memory()
    after = rss_mib()
    libc.free(blocks[-1])
    assert before - after > 100, (before, after)
