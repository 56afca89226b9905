"""The wire between broker and worker: length-prefixed frames on a pipe.

Both sides use it, so it lives apart from either: the trusted session imports nothing
from the untrusted worker's module.
"""

from __future__ import annotations

import os
import struct

HEADER = struct.Struct("<Q")


def read_frame(fd: int, limit: int) -> bytes | None:
    head = _read_exact(fd, HEADER.size)
    if head is None:
        return None
    (size,) = HEADER.unpack(head)
    if size > limit:
        raise ValueError("frame too large")
    return _read_exact(fd, size)


def _read_exact(fd: int, n: int) -> bytes | None:
    chunks, got = [], 0
    while got < n:
        b = os.read(fd, min(n - got, 1 << 20))
        if not b:
            return None
        chunks.append(b)
        got += len(b)
    return b"".join(chunks)


def write_frame(fd: int, data: bytes) -> None:
    view = memoryview(HEADER.pack(len(data)) + data)
    while view:
        n = os.write(fd, view)
        view = view[n:]
