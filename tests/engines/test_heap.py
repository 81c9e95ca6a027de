from __future__ import annotations

import platform

from factcheck.engines.heap import release_free_memory


def test_free_memory_goes_back_where_the_c_library_can_do_it() -> None:
    assert release_free_memory() is (platform.libc_ver()[0] == "glibc")
    assert release_free_memory() is release_free_memory()  # repeatable, no state
