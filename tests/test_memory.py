"""`return_free_memory` gives back what Arrow's pool and the C heap keep after their buffers are freed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from yanglao.memory import _malloc_trim

# In a process of its own, so that nothing of the test session's heap is counted: 160 MB of C heap blocks
# (bytes of 4 KB: malloc, not Python's small-object arenas) and 160 MB of Arrow arrays, all freed but the
# last block (which keeps the heap's top in use, so that free() alone cannot shrink it).
SCRIPT = """
import sys
from yanglao.memory import return_free_memory

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 >> 20

import pyarrow as pa
blocks = [b"x" * 4000 + bytes([i % 256]) for i in range(40_000)]
arrays = [pa.array(range(100_000)) for _ in range(200)]
last = blocks[-1]
del blocks, arrays
held = rss_mb()
if sys.argv[1] == "return":
    return_free_memory()
print(held, rss_mb())
"""


def _rss_before_and_after(mode: str) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, check=True)
    held, after = map(int, out.stdout.split())
    return held, after


@pytest.mark.skipif(
    not Path("/proc/self/statm").exists(), reason="reads the resident size from /proc (Linux)"
)
@pytest.mark.skipif(_malloc_trim() is None, reason="the C library has no malloc_trim (not glibc)")
def test_freed_heap_and_arrow_memory_goes_back_to_the_machine():
    held, kept = _rss_before_and_after("keep")
    assert kept > held - 50  # freeing alone gives back little of the 320 MB
    held, returned = _rss_before_and_after("return")
    assert returned < held - 250
