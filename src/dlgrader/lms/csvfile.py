"""An LMS's gradebook download read so that it can be written back changed only where grades go.

Every record keeps its raw text: a record whose cells are unchanged is written back byte for byte
(header, points row, students dlgrader does not know, line ends), and a changed cell keeps its
neighbours' quoting. The encoding and separator are the file's own: UTF-8 with or without BOM
(Canvas, Moodle, Blackboard's CSV), UTF-16 with BOM and tabs (Blackboard's ".xls"), comma, semicolon
(Canvas in comma-decimal locales) or tab.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..text import Text

MAX_TEMPLATE = 50 * 2**20
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


@dataclass
class Cell:
    value: str
    raw: str
    quoted: bool


@dataclass
class Record:
    cells: list[Cell]
    end: str  # the line end as written ("\r\n", "\n", "\r" or "" at the end of the file)

    @property
    def values(self) -> list[str]:
        return [c.value for c in self.cells]


@dataclass
class CsvFile:
    bom: bytes
    encoding: str
    delimiter: str
    records: list[Record]

    def rows(self) -> list[list[str]]:
        return [r.values for r in self.records]

    def set(self, row: int, col: int, value: str) -> None:
        """Change one cell, quoted as the cell was (or as the value needs)."""
        cell = self.records[row].cells[col]
        if value == cell.value:
            return
        needs = cell.quoted or any(ch in value for ch in (self.delimiter, '"', "\r", "\n"))
        cell.raw = '"' + value.replace('"', '""') + '"' if needs else value
        cell.value = value

    def to_bytes(self) -> bytes:
        text = "".join(self.delimiter.join(c.raw for c in r.cells) + r.end for r in self.records)
        return self.bom + text.encode(self.encoding)


def _field(text: str, i: int, delim: str, where: str) -> tuple[Cell, int]:
    n = len(text)
    if i < n and text[i] == '"':
        parts, j = [], i + 1
        while True:
            k = text.find('"', j)
            if k == -1:
                raise ConfigError(Text(f"{where}: una comilla no se cierra; descarga el archivo de nuevo.",
                                       f"{where}: a quote is never closed; download the file again."))
            parts.append(text[j:k])
            if text[k + 1:k + 2] == '"':
                parts.append('"')
                j = k + 2
                continue
            j = k + 1
            break
        m = j
        while m < n and text[m] not in (delim, "\r", "\n"):
            m += 1
        return Cell("".join(parts) + text[j:m], text[i:m], True), m
    m = i
    while m < n and text[m] not in (delim, "\r", "\n"):
        m += 1
    return Cell(text[i:m], text[i:m], False), m


def _records(text: str, delim: str, where: str) -> list[Record]:
    records, cells, i, n = [], [], 0, len(text)
    while i < n:
        cell, i = _field(text, i, delim, where)
        cells.append(cell)
        if i < n and text[i] == delim:
            i += 1
            if i == n:
                cells.append(Cell("", "", False))
            continue
        end = "\r\n" if text.startswith("\r\n", i) else text[i:i + 1]
        records.append(Record(cells, end))
        cells, i = [], i + len(end)
    if cells:
        records.append(Record(cells, ""))
    return records


def _delimiter(first_line: str) -> str:
    counts, quoted = {"\t": 0, ";": 0, ",": 0}, False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def read_csv(path: str | Path) -> CsvFile:
    """The file as records of cells, with the encoding, BOM and separator it came with."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_TEMPLATE:
            raise ConfigError(Text(f"{path} pesa más de {MAX_TEMPLATE // 2**20} MB; ¿es la descarga del LMS?",
                                   f"{path} is over {MAX_TEMPLATE // 2**20} MB; is it the LMS's download?"))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(Text(f"No existe el archivo {path}.", f"The file {path} does not exist.")) from None
    bom, encoding = next(((b, e) for b, e in BOMS if raw.startswith(b)), (b"", "utf-8"))
    try:
        text = raw[len(bom):].decode(encoding)
    except UnicodeDecodeError:
        raise ConfigError(Text(f"{path} no está en UTF-8 ni en UTF-16; usa el archivo tal como lo descargaste del LMS "
                               "(o guárdalo como «CSV UTF-8»).",
                               f"{path} is neither UTF-8 nor UTF-16; use the file as the LMS gave it "
                               "(or save it as \"CSV UTF-8\").")) from None
    delimiter = _delimiter(text.split("\n", 1)[0])
    records = _records(text, delimiter, str(path))
    if not records:
        raise ConfigError(Text(f"{path} está vacío.", f"{path} is empty."))
    return CsvFile(bom, encoding, delimiter, records)
