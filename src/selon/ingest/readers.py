"""Reading articles from files and stdin: pure functions, no printing. The one way in for
``selon analyze`` and ``selon ingest``; Spark rows and web requests are read as JSON objects
(:func:`read_object`, :func:`article_from_object`).

For ``selon analyze`` an input is a path (``.txt``: one article; ``.json``: one object, or an
array of them; ``.jsonl``: one object a line; a directory: its ``.txt``/``.json``/``.jsonl``
files) or ``-`` for stdin (plain text, or JSON/JSONL when it parses as such): see
:func:`expand_paths` and :func:`read_inputs`. For ``selon ingest`` it is a file or a folder,
read recursively, that may also hold saved news pages (``.html``/``.htm``, read by
:mod:`selon.ingest.html`); other file types are refused: see :func:`read_files`.

Both yield, in order, one record per article: a :class:`Loaded` article with the input it
came from, or an :class:`InputError` naming the input (``path`` or ``path:line``) and the
reason. A bad input never stops the stream. :func:`selon.ingest.policy.accept` then decides
whether a read article can be analysed.

JSON objects need ``text``; ``id`` defaults to the file stem (``stem:line`` in JSONL);
``published``, ``lang`` (or ``language``), ``title``, ``url``, ``outlet`` are optional;
other keys are ignored. Article text is kept exactly as given (offsets point into it),
only a leading UTF-8 byte-order mark is dropped.
"""

from __future__ import annotations

import datetime as _dt
import glob
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from selon.errors import EmptyTextError, InputError, NotTextError
from selon.ingest.html import read_html
from selon.models import Article

STDIN = "-"
STDIN_NAME = "<stdin>"
#: What ``selon analyze`` reads from a directory.
SUFFIXES = (".txt", ".json", ".jsonl")
HTML_SUFFIXES = (".html", ".htm")
#: What ``selon ingest`` reads (any case); other files are refused.
FILE_SUFFIXES = SUFFIXES + HTML_SUFFIXES
_GLOB_CHARS = re.compile(r"[*?\[]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SNIFF = 8192
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (docx, odt, xlsx …)",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
}


@dataclass(frozen=True)
class Loaded:
    """An article read from an input; ``source`` names where (``path`` or ``path:line``)."""

    article: Article
    source: str


Record = Loaded | InputError


# -- paths -------------------------------------------------------------------------------------
def expand_paths(patterns: Sequence[str]) -> list[str]:
    """Existing files for ``patterns``, in order: globs expanded (``**`` too), directories
    listed (their ``.txt``/``.json``/``.jsonl`` files, sorted), ``-`` kept for stdin.

    Raise :class:`InputError` for a path that does not exist or a glob that matches nothing.
    """
    out: list[str] = []
    for pattern in patterns:
        if pattern == STDIN:
            out.append(pattern)
            continue
        if os.path.exists(pattern):
            matches = [pattern]
        elif _GLOB_CHARS.search(pattern):
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                raise InputError("no file matches this pattern", source=pattern)
        else:
            raise InputError("no such file or directory", source=pattern)
        for m in matches:
            if os.path.isdir(m):
                found = sorted(str(p) for p in Path(m).iterdir() if p.is_file() and p.suffix in SUFFIXES)
                if not found:
                    raise InputError(f"the directory has no {'/'.join(SUFFIXES)} files", source=m)
                out.extend(found)
            else:
                out.append(m)
    return out


# -- bytes to text -----------------------------------------------------------------------------
def _binary_reason(head: bytes) -> str | None:
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return f"this is a binary file ({what}), not text"
    if b"\x00" in head:
        return "this is a binary file (it contains NUL bytes), not text"
    if head:
        control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
        if control / len(head) > 0.1:
            return "this is a binary file (mostly control bytes), not text"
    return None


def decode(data: bytes, source: str, *, line_base: int = 1) -> str:
    """UTF-8 text of ``data``; raise :class:`NotTextError` for binary data, :class:`InputError`
    for invalid UTF-8."""
    reason = _binary_reason(data[:_SNIFF])
    if reason:
        raise NotTextError(reason, source=source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = line_base + data.count(b"\n", 0, e.start)
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[e.start]:02x} at line {line}, column {column}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`",
            source=source,
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


# -- JSON objects to articles ------------------------------------------------------------------
def require_text(text: str, source: str | None) -> None:
    """Raise :class:`EmptyTextError` when ``text`` is empty or only whitespace."""
    if not text.strip():
        raise EmptyTextError("the article has no text (empty or only whitespace)", source=source)


def _optional_str(obj: dict[str, Any], key: str, source: str | None) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, (str, int, float)):
        return str(value)
    raise InputError(f"{key!r} must be a string, not {type(value).__name__}", source=source)


def normalize_date(value: str, source: str | None = None) -> str:
    """``YYYY-MM-DD`` from a date or an ISO date-time; raise :class:`InputError` otherwise."""
    text = value.strip()
    try:
        if _DATE.match(text):
            return _dt.date.fromisoformat(text).isoformat()
        return _dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        raise InputError(f"published {value!r} is not a date (expected YYYY-MM-DD)", source=source) from None


def article_from_object(obj: Any, *, source: str | None, default_id: str) -> Article:
    """The :class:`Article` a JSON object describes; raise :class:`InputError` when it cannot."""
    if not isinstance(obj, dict):
        raise InputError(
            f"expected a JSON object with at least 'id' and 'text', got {_json_type(obj)}", source=source
        )
    if "text" not in obj:
        raise InputError("the object has no 'text' field (an article needs at least 'id' and 'text')", source=source)
    text = obj["text"]
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string, not {_json_type(text)}", source=source)
    require_text(text, source)
    published = _optional_str(obj, "published", source)
    lang = _optional_str(obj, "lang", source) or _optional_str(obj, "language", source)
    return Article(
        id=_optional_str(obj, "id", source) or default_id,
        text=text,
        title=_optional_str(obj, "title", source),
        url=_optional_str(obj, "url", source),
        outlet=_optional_str(obj, "outlet", source),
        published=normalize_date(published, source) if published else None,
        language=lang.strip().lower() if lang else None,
    )


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _json_error(e: json.JSONDecodeError, source: str, line_base: int = 1) -> InputError:
    return InputError(
        f"malformed JSON at line {e.lineno + line_base - 1}, column {e.colno}: {e.msg}", source=source
    )


# -- one input ---------------------------------------------------------------------------------
def read_text(text: str, *, source: str, id: str) -> Iterator[Record]:
    """One plain-text article."""
    try:
        require_text(text, source)
    except InputError as e:
        yield e
    else:
        yield Loaded(Article(id=id, text=text), source)


def read_json(text: str, *, source: str, stem: str) -> Iterator[Record]:
    """A JSON document: one article object, or an array of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield _json_error(e, source)
        return
    if isinstance(data, list):
        for k, obj in enumerate(data):
            where = f"{source}[{k}]"
            yield read_object(obj, source=where, default_id=f"{stem}-{k + 1}")
    else:
        yield read_object(data, source=source, default_id=stem)


def read_jsonl(lines: Iterable[bytes], *, source: str, stem: str) -> Iterator[Record]:
    """JSON Lines, streamed: one article per non-blank line; errors name ``source:line``."""
    seen = False
    for lineno, raw in enumerate(lines, start=1):
        where = f"{source}:{lineno}"
        try:
            line = decode(raw, where, line_base=lineno)
        except InputError as e:
            yield e
            continue
        if not line.strip():
            continue
        seen = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(f"malformed JSON (column {e.colno}: {e.msg})", source=where)
            continue
        yield read_object(obj, source=where, default_id=f"{stem}-{lineno}")
    if not seen:
        yield EmptyTextError("the file has no JSON lines (it is empty)", source=source)


def read_object(obj: Any, *, source: str, default_id: str) -> Record:
    """The article a JSON object (or a row with the same keys) describes, read from ``source``."""
    try:
        return Loaded(article_from_object(obj, source=source, default_id=default_id), source)
    except InputError as e:
        return e


def read_path(path: str) -> Iterator[Record]:
    """Every article in the file at ``path``, by its suffix (anything but .json/.jsonl is text)."""
    p = Path(path)
    try:
        if p.suffix == ".jsonl":
            with p.open("rb") as f:
                reason = _binary_reason(f.read(_SNIFF))
                if reason:
                    yield NotTextError(reason, source=path)
                    return
                f.seek(0)
                yield from read_jsonl(f, source=path, stem=p.stem)
            return
        data = p.read_bytes()
    except OSError as e:
        yield InputError(f"cannot read it ({e.strerror or e})", source=path)
        return
    try:
        text = decode(data, path)
    except InputError as e:
        yield e
        return
    if p.suffix == ".json":
        yield from read_json(text, source=path, stem=p.stem)
    else:
        yield from read_text(text, source=path, id=p.stem)


def read_stdin(stream: IO[bytes]) -> Iterator[Record]:
    """Articles from stdin: JSON (one object or an array), JSON Lines, or else one text."""
    try:
        text = decode(stream.read(), STDIN_NAME)
    except InputError as e:
        yield e
        return
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            json.loads(stripped)
        except json.JSONDecodeError:
            first = stripped.split("\n", 1)[0]
            try:
                json.loads(first)
            except json.JSONDecodeError:
                pass  # not JSON after all: a text that opens with a bracket
            else:
                yield from read_jsonl(
                    (line.encode("utf-8") for line in text.split("\n")), source=STDIN_NAME, stem="stdin"
                )
                return
        else:
            yield from read_json(stripped, source=STDIN_NAME, stem="stdin")
            return
    yield from read_text(text, source=STDIN_NAME, id="stdin")


def read_inputs(paths: Sequence[str], *, stdin: IO[bytes] | None = None) -> Iterator[Record]:
    """Every article of every input, in order (paths as returned by :func:`expand_paths`)."""
    for path in paths:
        if path == STDIN:
            if stdin is None:
                yield InputError("no stdin to read from", source=STDIN_NAME)
            else:
                yield from read_stdin(stdin)
        else:
            yield from read_path(path)


def count_articles(paths: Sequence[str]) -> int | None:
    """How many articles ``paths`` hold, cheaply (JSONL lines counted); None when unknown
    (stdin, or a JSON file holding an array)."""
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        try:
            if path.endswith(".jsonl"):
                total += _nonblank_lines(path)
                continue
            with open(path, "rb") as f:
                if path.endswith(".json") and f.read(64).lstrip().startswith(b"["):
                    return None
        except OSError:
            pass
        total += 1
    return total


def _nonblank_lines(path: str | Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())


# -- files and folders (selon ingest) -------------------------------------------------------------
def read_files(paths: Iterable[str | Path]) -> Iterator[Record]:
    """Every article of every file, in order; a folder is read recursively, in name order,
    for :data:`FILE_SUFFIXES`. A missing path, an empty folder or a file of another type is
    a record of its own (an :class:`InputError`); the others go on."""
    if isinstance(paths, (str, Path)):
        raise TypeError("paths must be a list of paths, not a single path")
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = _folder_files(path)
            if not found:
                yield InputError(f"the folder has no {', '.join(FILE_SUFFIXES)} files", source=str(path))
            for f in found:
                yield from read_file(f)
        elif path.is_file():
            yield from read_file(path)
        else:
            yield InputError("no such file or folder", source=str(path))


def read_file(path: Path) -> Iterator[Record]:
    """The articles of one file: a saved news page by :func:`~selon.ingest.html.read_html`,
    text and JSON as :func:`read_path` reads them; any other type is refused."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        yield _read_html_file(path)
    elif suffix in SUFFIXES:
        yield from read_path(source)
    else:
        expected = ", ".join(FILE_SUFFIXES)
        yield InputError(f"unsupported file type {suffix or '(none)'}; expected {expected}", source=source)


def _read_html_file(path: Path) -> Record:
    source = str(path)
    try:
        return Loaded(read_html(path.read_bytes(), id=path.stem, source=source), source)
    except OSError as e:
        return InputError(f"cannot read it ({e.strerror or e})", source=source)
    except InputError as e:
        return e


def _folder_files(folder: Path) -> list[Path]:
    return sorted(f for f in folder.rglob("*") if f.is_file() and f.suffix.lower() in FILE_SUFFIXES)


def count_files(paths: Iterable[str | Path]) -> int:
    """About how many articles :func:`read_files` will yield (for a progress bar): JSONL
    lines are counted, a JSON array counts as one."""
    n = 0
    for p in paths:
        path = Path(p)
        for f in _folder_files(path) if path.is_dir() else [path]:
            try:
                n += _nonblank_lines(f) if f.suffix.lower() == ".jsonl" else 1
            except OSError:
                n += 1
    return n
