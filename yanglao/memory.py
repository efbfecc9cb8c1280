"""Give the memory a finished step freed back to the machine.

Why: freed memory mostly stays with the process. Arrow's allocator (mimalloc) keeps the pages of the
buffers the downloads used, and glibc's malloc keeps the pages of freed blocks below the top of its heap.
Writing the downloads of a 3,000-document release left the flow ~100 MB bigger than before, held while the
SQLite build then added its own (BENCHMARKS.md, fourteenth round): the full rebuild's process tree peaked
over 400 MB. Returning them after each table's downloads and before the build costs a few milliseconds.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache


@cache
def _malloc_trim():
    """glibc's `malloc_trim`, or None where the C library has none (musl, macOS)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def return_free_memory() -> None:
    """Hand back to the operating system the pages that Arrow's pool and the C heap hold but no longer use."""
    arrow = sys.modules.get("pyarrow")  # only when already imported: importing it costs 60 MB
    if arrow is not None:
        arrow.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
