"""An LMS download (a zip file or a folder) read as hostile input: every entry is checked before any is used.

A download is made by the LMS but holds what students uploaded, and an archive
can be crafted, so the whole archive is refused, with one sentence and before
anything is written, when it is not a zip, has an entry that climbs out of its
folder (``../``) or starts at the root (``/x``, ``C:\\x``), holds a symbolic
link, has a name that is not UTF-8, holds more than ``MAX_ENTRIES`` entries, or
looks like a zip bomb: a member over ``MAX_MEMBER`` bytes, more than
``MAX_TOTAL`` bytes in all, or a member that expands more than ``MAX_RATIO``
times. Sizes are the ones the zip declares; zipfile never returns more bytes
than declared and checks each member's CRC, so a lying header makes that
member unreadable (:class:`Entry.read` raises ``BadArchive``), never larger.

Names: a zip member whose UTF-8 flag (bit 11) is unset is decoded by Python as
code page 437; its raw bytes are recovered and must decode as UTF-8 (Canvas's
rubyzip writes UTF-8 names without the flag), or the archive is refused.
Folders are walked without following links. Entries the OS or a zip tool adds
(``__MACOSX/``, ``.DS_Store``, ``Thumbs.db``, any name starting with ``.``) are
left out. Nothing here writes a file.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from ..errors import BadArchive
from ..text import Text

MAX_ENTRIES = 10_000
MAX_MEMBER = 200 * 2**20
MAX_TOTAL = 2 * 2**30
MAX_RATIO = 100  # for members over RATIO_FLOOR bytes; notebooks compress about 5 times
RATIO_FLOOR = 2**20
_SYSTEM = {"__MACOSX", "Thumbs.db", "desktop.ini"}
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Entry:
    """One file of the download: its path inside it (checked parts), size, the time stored with it, its bytes."""

    parts: tuple[str, ...]
    size: int
    mtime: datetime | None
    _read: Callable[[], bytes] = field(repr=False, compare=False)

    @property
    def name(self) -> str:
        return self.parts[-1]

    @property
    def path(self) -> str:
        return "/".join(self.parts)

    def read(self) -> bytes:
        return self._read()


def _refuse(label: str, es: str, en: str) -> BadArchive:
    return BadArchive(Text(f"{label}: {es}; no se escribió nada.", f"{label}: {en}; nothing was written."))


def _parts(name: str, label: str) -> tuple[str, ...] | None:
    """The checked path components of a member name; None for a directory or a file the OS added."""
    if "\0" in name:
        raise _refuse(label, f"el nombre {name!r} contiene un byte nulo", f"the name {name!r} holds a null byte")
    name = name.replace("\\", "/")
    if name.startswith("/") or _DRIVE.match(name):
        raise _refuse(label, f"la entrada {name!r} es una ruta absoluta", f"the entry {name!r} is an absolute path")
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise _refuse(label, f"la entrada {name!r} sale de su carpeta (../)",
                      f"the entry {name!r} climbs out of its folder (../)")
    if not parts or name.endswith("/") or any(p in _SYSTEM or p.startswith(".") for p in parts):
        return None
    return tuple(parts)


def _utf8_name(info: zipfile.ZipInfo, label: str) -> str:
    if info.flag_bits & 0x800:
        return info.orig_filename
    raw = info.orig_filename.encode("cp437")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _refuse(label, f"el nombre {raw!r} no está en UTF-8", f"the name {raw!r} is not UTF-8") from None


def _check_sizes(sizes: list[tuple[str, int, int | None]], label: str) -> None:
    """(name, declared size, compressed size or None for a folder's file): the zip-bomb caps."""
    total = 0
    for name, size, packed in sizes:
        total += size
        if size > MAX_MEMBER or total > MAX_TOTAL:
            raise _refuse(label, f"{name!r} o el total pasa del límite de {MAX_MEMBER // 2**20} MB por archivo y "
                                 f"{MAX_TOTAL // 2**30} GB en total (¿una bomba zip?)",
                          f"{name!r} or the total is over the limit of {MAX_MEMBER // 2**20} MB per file and "
                          f"{MAX_TOTAL // 2**30} GB in all (a zip bomb?)")
        if packed is not None and size > RATIO_FLOOR and (packed == 0 or size / packed > MAX_RATIO):
            raise _refuse(label, f"{name!r} se expande más de {MAX_RATIO} veces (una bomba zip)",
                          f"{name!r} expands more than {MAX_RATIO} times (a zip bomb)")


def _too_many(label: str) -> BadArchive:
    return _refuse(label, f"tiene más de {MAX_ENTRIES:,} entradas".replace(",", "."),
                   f"it has more than {MAX_ENTRIES:,} entries")


def _zip_entries(source, label: str) -> list[Entry]:
    try:
        zf = zipfile.ZipFile(source)
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise _refuse(label, "no es un archivo zip legible", "it is not a readable zip file") from None
    if len(infos) > MAX_ENTRIES:
        raise _too_many(label)
    entries, sizes, seen = [], [], set()
    for info in infos:
        name = _utf8_name(info, label)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _refuse(label, f"la entrada {name!r} es un enlace simbólico", f"the entry {name!r} is a symbolic link")
        parts = _parts(name, label)
        if parts is None:
            continue
        if parts in seen:
            raise _refuse(label, f"la entrada {name!r} está repetida", f"the entry {name!r} is repeated")
        seen.add(parts)
        sizes.append((name, info.file_size, info.compress_size))
        try:
            mtime = datetime(*info.date_time)
        except ValueError:
            mtime = None
        entries.append(Entry(parts, info.file_size, mtime, _member_reader(zf, info, label)))
    _check_sizes(sizes, label)
    return entries


def _member_reader(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> Callable[[], bytes]:
    def read() -> bytes:
        try:
            with zf.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise _refuse(label, f"no se pudo leer {info.orig_filename!r} ({exc})",
                          f"could not read {info.orig_filename!r} ({exc})") from None
        if len(data) > info.file_size:
            raise _refuse(label, f"{info.orig_filename!r} es más grande de lo que declara",
                          f"{info.orig_filename!r} is larger than it declares")
        return data
    return read


def _folder_entries(root: Path, label: str) -> list[Entry]:
    entries, sizes, count = [], [], 0
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in list(dirnames) + filenames:
            count += 1
            if count > MAX_ENTRIES:
                raise _too_many(label)
            full = Path(dirpath) / name
            rel = full.relative_to(root).as_posix()
            try:
                os.fsencode(rel).decode("utf-8")
            except UnicodeDecodeError:
                raise _refuse(label, f"el nombre {os.fsencode(rel)!r} no está en UTF-8",
                              f"the name {os.fsencode(rel)!r} is not UTF-8") from None
            info = full.lstat()
            if stat.S_ISLNK(info.st_mode):
                raise _refuse(label, f"{rel!r} es un enlace simbólico", f"{rel!r} is a symbolic link")
            if name in dirnames or not stat.S_ISREG(info.st_mode):
                continue
            parts = _parts(rel, label)
            if parts is None:
                continue
            sizes.append((rel, info.st_size, None))
            entries.append(Entry(parts, info.st_size, datetime.fromtimestamp(info.st_mtime),
                                 _file_reader(full, info.st_size, label)))
        dirnames[:] = [d for d in dirnames if d not in _SYSTEM and not d.startswith(".")]
    _check_sizes(sizes, label)
    return sorted(entries, key=lambda e: e.parts)


def _file_reader(path: Path, size: int, label: str) -> Callable[[], bytes]:
    def read() -> bytes:
        with open(path, "rb") as fh:
            data = fh.read(size + 1)
        if len(data) > size:
            raise _refuse(label, f"{path.name!r} cambió mientras se leía", f"{path.name!r} changed while being read")
        return data
    return read


def open_download(path: str | os.PathLike) -> list[Entry]:
    """Every file of a zip or a folder, all checked first; raises ``BadArchive`` naming the first problem."""
    path = Path(path)
    label = path.name or str(path)
    if path.is_symlink():
        raise _refuse(label, "es un enlace simbólico", "it is a symbolic link")
    if path.is_dir():
        return _folder_entries(path, label)
    if not path.is_file():
        raise BadArchive(Text(f"No existe la descarga {path}.", f"The download {path} does not exist."))
    return _zip_entries(path, label)


def zip_in_memory(data: bytes, label: str) -> list[Entry]:
    """The entries of a zip a student uploaded, with the same checks (raises ``BadArchive`` for that upload)."""
    return _zip_entries(io.BytesIO(data), label)
