"""The strict plain-data codec: the only thing that crosses the trust boundary.

Numbers, strings, booleans, None, lists, tuples, string-keyed dicts and numeric
arrays. No pickle, no eval, no custom classes. Size and depth are capped on both
sides; anything else is a :class:`CodecError`, which the broker treats as a
failed check.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import numpy as np

MAX_DEPTH = 32
MAX_BYTES = 64 * 1024 * 1024
MAX_ITEMS = 1_000_000
ALLOWED_DTYPES = {
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "float32", "float64",
}
# each allowed dtype (native byte order) -> its name, and name -> its little-endian wire dtype: dtype.name is
# slow, and a callback (grading/callbacks.py) crosses the codec thousands of times a notebook
_NAME_OF = {np.dtype(n): n for n in ALLOWED_DTYPES}
_WIRE = {n: np.dtype(n).newbyteorder("<") for n in ALLOWED_DTYPES}
_NATIVE = {n: np.dtype(n) for n in ALLOWED_DTYPES}
_ARRAY = "__ndarray__"
_TUPLE = "__tuple__"
_HANDLE = "__handle__"


class CodecError(ValueError):
    """A value that may not cross the boundary, or a malformed message."""


class Handle:
    """A reference to an object that lives in the worker (an optimizer, a monitor)."""

    __slots__ = ("id", "type_name")

    def __init__(self, id_: int, type_name: str):
        self.id = id_
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<{self.type_name} #{self.id} in worker>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Handle) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)


def _to_plain(value: Any, depth: int, budget: list[int]) -> Any:
    if depth > MAX_DEPTH:
        raise CodecError("value nested too deeply")
    budget[0] -= 1
    if budget[0] < 0:
        raise CodecError("value has too many items")
    # exact types only: a subclass could carry a hostile __eq__ or __float__
    t = type(value)
    if value is None or t is bool or t is str:
        return value
    if t is int:
        if abs(value) > 2**63:
            raise CodecError("integer too large")
        return value
    if t is float:
        return value
    if isinstance(value, np.generic) and type(value).__module__ == "numpy":
        if _dtype_name(value.dtype) is None:
            raise CodecError(f"numpy scalar of dtype {value.dtype.name} not allowed")
        return value.item()
    if t is np.ndarray:
        name = _dtype_name(value.dtype)
        if name is None:
            raise CodecError(f"array of dtype {value.dtype.name} not allowed")
        budget[0] -= value.size
        if budget[0] < 0 or value.nbytes > MAX_BYTES:
            raise CodecError("array too large")
        data = base64.b64encode(np.asarray(value, dtype=_WIRE[name], order="C").tobytes()).decode()
        return {_ARRAY: {"dtype": name, "shape": list(value.shape), "data": data}}
    if t is list:
        return [_to_plain(v, depth + 1, budget) for v in value]
    if t is tuple:
        return {_TUPLE: [_to_plain(v, depth + 1, budget) for v in value]}
    if t is dict:
        out = {}
        for k, v in value.items():
            if type(k) is not str or k.startswith("__"):
                raise CodecError("dict keys must be plain strings")
            out[k] = _to_plain(v, depth + 1, budget)
        return out
    if t is Handle:
        return {_HANDLE: value.id, "type": value.type_name}
    raise CodecError(f"type {t.__name__} may not cross the boundary")


def _dtype_name(dtype: np.dtype) -> str | None:
    """The allowed dtype's name (in either byte order), or None."""
    name = _NAME_OF.get(dtype)
    if name is None and dtype.byteorder not in "=|" and dtype.fields is None:
        name = _NAME_OF.get(dtype.newbyteorder("="))
    return name


def encode(value: Any) -> bytes:
    """Encode a plain value to bytes; raise CodecError for anything else."""
    text = json.dumps(_to_plain(value, 0, [MAX_ITEMS]), allow_nan=True, separators=(",", ":"))
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise CodecError("message too large")
    return data


def _array_from(spec: Any) -> np.ndarray:
    if type(spec) is not dict or len(spec) != 3 or "dtype" not in spec or "shape" not in spec or "data" not in spec:
        raise CodecError("malformed array")
    dtype, shape, data = spec["dtype"], spec["shape"], spec["data"]
    if type(dtype) is not str or dtype not in ALLOWED_DTYPES or type(shape) is not list or type(data) is not str:
        raise CodecError("malformed array")
    if len(shape) > MAX_DEPTH:
        raise CodecError("malformed array shape")
    count = 1
    for n in shape:
        if type(n) is not int or n < 0:
            raise CodecError("malformed array shape")
        count *= n
    if count > MAX_ITEMS:
        raise CodecError("array too large")
    try:
        raw = base64.b64decode(data, validate=True)
    except ValueError as exc:
        raise CodecError("malformed array data") from exc
    wire = _WIRE[dtype]
    if len(raw) != count * wire.itemsize:
        raise CodecError("array data does not match its shape")
    return np.frombuffer(raw, dtype=wire).astype(_NATIVE[dtype], copy=True).reshape(shape)


def _from_plain(value: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise CodecError("value nested too deeply")
    t = type(value)
    if value is None or t in (bool, int, float, str):
        return value
    if t is list:
        return [_from_plain(v, depth + 1) for v in value]
    if t is dict:
        if _ARRAY in value:
            if len(value) != 1:
                raise CodecError("malformed array")
            return _array_from(value[_ARRAY])
        if _TUPLE in value:
            if len(value) != 1 or type(value[_TUPLE]) is not list:
                raise CodecError("malformed tuple")
            return tuple(_from_plain(v, depth + 1) for v in value[_TUPLE])
        if _HANDLE in value:
            hid, tname = value.get(_HANDLE), value.get("type")
            if len(value) != 2 or type(hid) is not int or type(tname) is not str:
                raise CodecError("malformed handle")
            return Handle(hid, tname[:80])
        if any(k.startswith("__") for k in value):
            raise CodecError("reserved key")
        return {k: _from_plain(v, depth + 1) for k, v in value.items()}
    raise CodecError("malformed message")


def decode(data: bytes) -> Any:
    """Decode bytes from the other side; raise CodecError on anything unexpected."""
    if len(data) > MAX_BYTES:
        raise CodecError("message too large")
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CodecError("message is not valid JSON") from exc
    return _from_plain(parsed, 0)
