"""The codec is the trust boundary: only plain data crosses, malformed input is always a CodecError."""

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from dlgrader.sandbox import codec

plain = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**62), 2**62) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5).filter(lambda k: not k.startswith("__")), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, database=None, derandomize=True)
@given(plain)
def test_plain_values_round_trip(value):
    assert codec.decode(codec.encode(value)) == value


@settings(max_examples=100, database=None, derandomize=True)
@given(arrays(st.sampled_from([np.float64, np.float32, np.int64, np.uint8, np.bool_]),
              array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4)))
def test_arrays_keep_dtype_shape_and_values(arr):
    """0-d arrays stay 0-d, and transposed (non-contiguous) views keep their values."""
    for sent in (arr, arr.T):
        back = codec.decode(codec.encode(sent))
        assert back.dtype == sent.dtype and back.shape == sent.shape
        assert np.array_equal(back, sent, equal_nan=True)


def test_numpy_scalars_become_python_numbers():
    assert codec.decode(codec.encode([np.float64(1.5), np.int64(3), np.bool_(True)])) == [1.5, 3, True]


class AlwaysEqual(float):
    def __eq__(self, other):
        return True


@pytest.mark.parametrize("value", [object(), AlwaysEqual(1.0), {1: 2}, {"__ndarray__": 1, "x": 2}, np.array(["a"]),
                                   np.array([1 + 2j]), lambda: 0, 2**70])
def test_refuses_anything_but_plain_data(value):
    with pytest.raises(codec.CodecError):
        codec.encode(value)


def test_depth_is_capped():
    value = []
    for _ in range(codec.MAX_DEPTH + 2):
        value = [value]
    with pytest.raises(codec.CodecError):
        codec.encode(value)


@pytest.mark.parametrize("raw", [
    b"not json", b"\xff\xfe", b'{"__ndarray__": {"dtype": "object", "shape": [1], "data": ""}}',
    b'{"__ndarray__": {"dtype": "float64", "shape": [2], "data": "AAAA"}}',
    b'{"__ndarray__": {"dtype": "float64", "shape": [-1], "data": ""}}',
    b'{"__tuple__": 3}', b'{"__handle__": "x", "type": 1}', b'{"__class__": 1}',
    ("[" * 100000 + "]" * 100000).encode(),
])
def test_malformed_messages_are_codec_errors(raw):
    with pytest.raises(codec.CodecError):
        codec.decode(raw)


def test_array_element_count_must_match_data():
    good = json.loads(codec.encode(np.zeros(3)))
    good["__ndarray__"]["shape"] = [4]
    with pytest.raises(codec.CodecError):
        codec.decode(json.dumps(good).encode())
