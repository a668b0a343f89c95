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
def expand_inputs(patterns: Sequence[str]) -> list[str | InputError]:
    """The inputs ``patterns`` name, in order: globs expanded (``**`` too, each file once even
    through a symlink loop), directories listed (their ``.txt``/``.json``/``.jsonl`` files,
    sorted), ``-`` kept for stdin. A path that does not exist, a glob that matches nothing or
    a directory with no such files is an :class:`InputError` in its place, so that the others
    are still read (as :func:`read_files` does for ``selon ingest``)."""
    out: list[str | InputError] = []
    for pattern in patterns:
        if pattern == STDIN:
            out.append(pattern)
            continue
        if os.path.exists(pattern):
            matches = [pattern]
        elif _GLOB_CHARS.search(pattern):
            matches = _once(sorted(glob.glob(pattern, recursive=True)))
            if not matches:
                out.append(InputError("no file matches this pattern", source=pattern))
        else:
            out.append(InputError("no such file or directory", source=pattern))
            continue
        for m in matches:
            if os.path.isdir(m):
                found = sorted(str(p) for p in Path(m).iterdir() if p.is_file() and p.suffix in SUFFIXES)
                if not found:
                    out.append(InputError(f"the directory has no {'/'.join(SUFFIXES)} files", source=m))
                out.extend(found)
            else:
                out.append(m)
    return out


def _once(matches: list[str]) -> list[str]:
    """``matches`` without the paths that lead to a file or folder already there (a ``**``
    glob follows symlinks, round a loop as deep as the system allows)."""
    seen: set[str] = set()
    out: list[str] = []
    for m in matches:
        real = os.path.realpath(m)
        if real not in seen:
            seen.add(real)
            out.append(m)
    return out


def expand_paths(patterns: Sequence[str]) -> list[str]:
    """:func:`expand_inputs`, raising the :class:`InputError` of the first pattern that names
    nothing instead of keeping it in its place."""
    out: list[str] = []
    for item in expand_inputs(patterns):
        if isinstance(item, InputError):
            raise item
        out.append(item)
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
    if isinstance(value, str):
        return _valid_unicode(value, key, source)
    if isinstance(value, (int, float)):
        try:
            return str(value)
        except ValueError as e:  # an integer past Python's digit limit
            raise InputError(f"{key!r} is a number that cannot be read ({e})", source=source) from None
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
    _valid_unicode(text, "text", source)
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


def _json_error(e: json.JSONDecodeError, source: str, line_base: int | None = 1) -> InputError:
    if line_base is None:  # one line of JSON Lines: its source names the line
        return InputError(f"malformed JSON (column {e.colno}: {e.msg})", source=source)
    return InputError(
        f"malformed JSON at line {e.lineno + line_base - 1}, column {e.colno}: {e.msg}", source=source
    )


def parse_json(text: str, source: str, *, line_base: int | None = 1) -> Any:
    """``json.loads(text)``; raise :class:`InputError` naming ``source`` for malformed JSON and
    for JSON Python cannot hold (nested past the recursion limit, an integer of thousands of
    digits), so one bad record is that record's error."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise _json_error(e, source, line_base) from None
    except RecursionError:
        raise InputError("the JSON is nested too deeply (arrays or objects inside each other "
                         "past about 1,000 levels)", source=source) from None
    except ValueError as e:  # e.g. "Exceeds the limit (4300 digits) for integer string conversion"
        raise InputError(f"the JSON holds a value that cannot be read ({e})", source=source) from None


def _valid_unicode(value: str, key: str, source: str | None) -> str:
    """``value`` when it is valid Unicode; raise :class:`InputError` for a lone surrogate (a
    ``\\ud800`` escape without its pair), which no file, terminal or database can hold."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InputError(
            f"{key!r} holds a lone surrogate (\\u{ord(value[e.start]):04x} at character {e.start}), "
            "which is not valid Unicode; fix the \\u escapes of the JSON",
            source=source,
        ) from None
    return value


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
        data = parse_json(text, source)
    except InputError as e:
        yield e
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
            obj = parse_json(line, where, line_base=None)
        except InputError as e:
            yield e
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
    except (OSError, ValueError) as e:  # a closed or unreadable stdin
        yield InputError(f"cannot read stdin ({e}); pipe the articles in, e.g. `selon analyze - < a.txt`",
                         source=STDIN_NAME)
        return
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        if _is_json(stripped):
            yield from read_json(stripped, source=STDIN_NAME, stem="stdin")
            return
        if _is_json(stripped.split("\n", 1)[0]):
            yield from read_jsonl(
                (line.encode("utf-8") for line in text.split("\n")), source=STDIN_NAME, stem="stdin"
            )
            return
        # not JSON after all: a text that opens with a bracket
    yield from read_text(text, source=STDIN_NAME, id="stdin")


def _is_json(text: str) -> bool:
    """Whether ``text`` is JSON (even JSON too deep or too large to read: that is then the
    record's error, not a plain text)."""
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    except (RecursionError, ValueError):
        return True
    return True


def read_inputs(paths: Sequence[str | InputError], *, stdin: IO[bytes] | None = None) -> Iterator[Record]:
    """Every article of every input, in order (inputs as :func:`expand_inputs` or
    :func:`expand_paths` return them: an :class:`InputError` there is yielded in its place)."""
    for path in paths:
        if isinstance(path, InputError):
            yield path
        elif path == STDIN:
            if stdin is None:
                yield InputError(
                    "there is no stdin to read (it is closed); pipe the articles in, e.g. "
                    "`selon analyze - < article.txt`",
                    source=STDIN_NAME,
                )
            else:
                yield from read_stdin(stdin)
        else:
            yield from read_path(path)


def count_articles(paths: Sequence[str | InputError]) -> int | None:
    """How many articles ``paths`` hold, cheaply (JSONL lines counted); None when unknown
    (stdin, or a JSON file holding an array). An input that names nothing counts as one."""
    total = 0
    for path in paths:
        if isinstance(path, InputError):
            total += 1
            continue
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
