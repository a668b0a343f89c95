"""The text the model reads, and the way back to the text the user gave.

The rules and the model expect text as most news is written: composed characters (NFC), no
invisible format marks, ``\\n`` line ends. Text pasted from elsewhere may differ in ways a
reader does not see: decomposed accents (NFD, from macOS file names or some CMSs), zero-width
spaces and joiners, bidi marks, soft hyphens, Windows ``\\r\\n`` or old Mac ``\\r`` line ends.
:func:`normalize_for_analysis` gives the analysis text and an :class:`OffsetMap` that takes
every offset in it back to the user's text, so the output's offsets stay exact in
``Article.text``, which is never modified.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Format characters that change nothing a reader sees: zero-width space, non-joiner and
#: joiner, word joiner, byte-order mark, left-to-right and right-to-left marks, the bidi
#: embeddings, overrides and isolates, and the soft hyphen. They are dropped for analysis.
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u00ad"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

#: Line ends other than ``\n``: ``\r\n`` loses its ``\r``; a lone ``\r`` and the Unicode line
#: and paragraph separators become ``\n``.
_LINE_ENDS = {"\r": "\n", "\u2028": "\n", "\u2029": "\n"}

#: One base character with the combining marks that follow it: the unit NFC composes.
_CLUSTER = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.S)


@dataclass(frozen=True)
class OffsetMap:
    """Offsets in the analysis text → offsets in the original text.

    ``starts[i]`` is where the original characters behind analysis character ``i`` begin and
    ``ends[i]`` where they end; both are None when the two texts are the same.
    """

    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None
    length: int = 0

    @property
    def identity(self) -> bool:
        return self.starts is None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span behind the analysis span ``[start, end)``."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else self.length
            return at, at
        return self.starts[start], self.ends[end - 1]


#: Any character that :func:`normalize_for_analysis` drops or replaces.
_CHANGED = re.compile("[" + "".join(sorted(INVISIBLE | set(_LINE_ENDS))) + "]")


def needs_normalizing(text: str) -> bool:
    """Whether :func:`normalize_for_analysis` would change ``text`` (a fast check)."""
    return _CHANGED.search(text) is not None or not unicodedata.is_normalized("NFC", text)


def normalize_for_analysis(text: str) -> tuple[str, OffsetMap]:
    """The analysis text for ``text`` and the map back; the identity map when nothing changes."""
    if not needs_normalizing(text):
        return text, OffsetMap(length=len(text))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _CLUSTER.finditer(text):
        cluster, begin, finish = m.group(), m.start(), m.end()
        first = cluster[0]
        if first in INVISIBLE:
            # the marks after an invisible character stay, on their own
            cluster, begin = cluster[1:], begin + 1
            if not cluster:
                continue
            first = cluster[0]
        if first == "\r" and finish < len(text) and text[finish] == "\n":
            continue  # the \n that follows stands for the pair
        piece = _LINE_ENDS.get(first, first) + cluster[1:]
        piece = unicodedata.normalize("NFC", piece)
        for ch in piece:
            out.append(ch)
            starts.append(begin)
            ends.append(finish)
    return "".join(out), OffsetMap(tuple(starts), tuple(ends), len(text))
