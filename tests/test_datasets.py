"""dlgrader.datasets: loaders that never download, tested on small files written in the real formats."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from case_files import cifar_batch, write_cifar_case, write_idx_case
from dlgrader.content import datasets
from dlgrader.errors import ConfigError


def _idx_folder(folder, gz: bool, n_train: int = 5, n_test: int = 3):
    return write_idx_case(folder, gz=gz, n_train=n_train, n_test=n_test)


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("name", ["fashion_mnist", "mnist"])
def test_idx_files_load_back_with_shapes_dtypes_and_labels(tmp_path, gz, name):
    arrays = _idx_folder(tmp_path, gz)
    data = datasets.load(name, tmp_path)
    assert data.X_ent.shape == (5, 28, 28) and data.X_ent.dtype == np.uint8
    assert data.X_pru.shape == (3, 28, 28) and data.y_pru.dtype == np.int64
    np.testing.assert_array_equal(data.X_ent, arrays["train"][0])
    np.testing.assert_array_equal(data.y_ent, arrays["train"][1])
    np.testing.assert_array_equal(data.X_pru, arrays["test"][0])
    assert len(data.classes) == 10


def test_the_folder_can_come_from_the_environment(tmp_path, monkeypatch):
    _idx_folder(tmp_path, gz=True)
    monkeypatch.setenv(datasets.ENV_VAR, str(tmp_path))
    assert datasets.load("mnist").X_ent.shape == (5, 28, 28)


def test_missing_idx_files_name_the_files_and_where_to_download(tmp_path, monkeypatch):
    monkeypatch.delenv(datasets.ENV_VAR, raising=False)
    _idx_folder(tmp_path, gz=False)
    (tmp_path / "t10k-labels-idx1-ubyte").unlink()
    with pytest.raises(ConfigError) as info:
        datasets.load("fashion_mnist", tmp_path)
    text = info.value.text
    assert "t10k-labels-idx1-ubyte" in text.es and "t10k-labels-idx1-ubyte" in text.en
    assert "train-images" not in text.es
    assert "zalandoresearch/fashion-mnist" in text.es and "Descárgalos" in text.es and "Download" in text.en
    with pytest.raises(ConfigError) as info:
        datasets.load("mnist")  # no folder and no environment variable
    assert datasets.ENV_VAR in info.value.text.es and "yann.lecun.com" in info.value.text.en


def test_wrong_magic_number_is_a_clear_error(tmp_path):
    _idx_folder(tmp_path, gz=False)
    labels = tmp_path / "train-labels-idx1-ubyte"
    images = (tmp_path / "train-images-idx3-ubyte").read_bytes()
    labels.write_bytes(images)  # an image file where the labels should be: magic 2051, not 2049
    with pytest.raises(ConfigError) as info:
        datasets.load("mnist", tmp_path)
    assert "2051" in info.value.text.es and "2049" in info.value.text.en and "dañado" in info.value.text.es


def test_truncated_and_broken_gzip_files_are_clear_errors(tmp_path):
    _idx_folder(tmp_path, gz=False)
    images = tmp_path / "train-images-idx3-ubyte"
    images.write_bytes(images.read_bytes()[:-10])
    with pytest.raises(ConfigError) as info:
        datasets.load("mnist", tmp_path)
    assert "train-images-idx3-ubyte" in info.value.text.en
    other = tmp_path / "gz"
    other.mkdir()
    _idx_folder(other, gz=True)
    (other / "t10k-images-idx3-ubyte.gz").write_bytes(b"not gzip at all")
    with pytest.raises(ConfigError):
        datasets.load("fashion_mnist", other)


def _cifar_folder(folder, n: int = 2):
    return write_cifar_case(folder, per_batch=n)


def test_cifar_batches_load_channels_last(tmp_path):
    images = _cifar_folder(tmp_path)
    data = datasets.load("cifar10", tmp_path)
    assert data.X_ent.shape == (10, 32, 32, 3) and data.X_ent.dtype == np.uint8
    assert data.X_pru.shape == (2, 32, 32, 3) and data.y_ent.dtype == np.int64
    np.testing.assert_array_equal(data.X_ent[:2], images["data_batch_1"][0])
    np.testing.assert_array_equal(data.X_ent[8:], images["data_batch_5"][0])
    np.testing.assert_array_equal(data.y_pru, images["test_batch"][1])


def test_cifar_rows_are_channels_first():
    """A row is 1024 red values, then 1024 green, then 1024 blue: pixel (0, 1) is row[1], row[1025], row[2049]."""
    row = np.zeros((1, 3072), dtype=np.uint8)
    row[0, 1], row[0, 1024 + 1], row[0, 2048 + 1] = 10, 20, 30
    row[0, 32] = 7  # red of pixel (1, 0)
    image = datasets.cifar_rows_to_images(row)
    assert image.shape == (1, 32, 32, 3)
    assert image[0, 0, 1].tolist() == [10, 20, 30] and image[0, 1, 0, 0] == 7
    assert int(image.sum()) == 67


def test_cifar_in_the_unpacked_subfolder(tmp_path):
    sub = tmp_path / "cifar-10-batches-py"
    sub.mkdir()
    _cifar_folder(sub, n=1)
    assert datasets.load("cifar10", tmp_path).X_ent.shape == (5, 32, 32, 3)


def test_cifar_missing_and_corrupt_batches(tmp_path):
    _cifar_folder(tmp_path, n=1)
    (tmp_path / "data_batch_3").unlink()
    with pytest.raises(ConfigError) as info:
        datasets.load("cifar10", tmp_path)
    assert "data_batch_3" in info.value.text.es and "cs.toronto.edu" in info.value.text.en
    assert "data_batch_1" not in info.value.text.es
    cifar_batch(tmp_path / "data_batch_3", np.zeros((1, 32, 32, 3), np.uint8), [0])
    (tmp_path / "test_batch").write_bytes(b"garbage, not a pickle")
    with pytest.raises(ConfigError) as info:
        datasets.load("cifar10", tmp_path)
    assert "test_batch" in info.value.text.es
    with open(tmp_path / "test_batch", "wb") as f:
        pickle.dump({b"data": np.zeros((1, 100), np.uint8), b"labels": [0]}, f)
    with pytest.raises(ConfigError) as info:
        datasets.load("cifar10", tmp_path)
    assert "3072" in info.value.text.es


def test_embedded_digits_and_iris_need_no_files():
    X, y = datasets.load("digits")
    assert X.shape == (1797, 64) and X.dtype == np.float64 and y.dtype == np.int64
    assert X.min() == 0 and X.max() == 16 and sorted(set(y.tolist())) == list(range(10))
    X, y = datasets.load("iris")
    assert X.shape == (150, 4) and np.bincount(y).tolist() == [50, 50, 50]


def test_unknown_name_is_an_error():
    with pytest.raises(ConfigError) as info:
        datasets.load("imagenet")
    assert "digits" in info.value.text.es and "imagenet" in info.value.text.en
