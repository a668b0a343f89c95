"""Quotation marks, found on the text itself (no model), one paragraph at a time.

French news opens « » with spaces (normal, no-break or narrow no-break) inside, writes
straight "…" as often, nests ‹ › ‘ ’ “ ” inside, reopens a mark at each paragraph of a long
quotation, and sometimes never closes one. An unclosed mark runs to the end of its
paragraph, never further: the rest of the article is never lost. An opening mark typed twice
(« ““Nous … »), or reopened after a sentence end where a page lost its paragraph breaks, goes
on with the quotation it opened: one quotation, which its one closing mark closes. Where a
page's line breaks are stray (``stray_breaks``: pages that dropped the words of a link and kept
its line breaks, « “I have not called on\n[as …] to …,” he said »), a quotation still open at
a line's end goes on into the next line when that line opens as the rest of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

SPACES = " \t\u00a0\u202f\u2009\u2007"
SENTENCE_END_CHARS = ".?!…"


@dataclass(frozen=True)
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark (paragraph end when unclosed)
    start: int  # content start (marks and inner spaces excluded)
    end: int  # content end
    depth: int  # 0 = top level
    closed: bool
    mark: str  # the opening mark

    @property
    def outer(self) -> tuple[int, int]:
        return self.open, self.close


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in SPACES:
        start += 1
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return start, end


# What a line broken inside a sentence may start with: a lower-case letter, a digit, or a mark
# that never opens a sentence (pages that lost a link keep its line breaks: « would open\nto
# unlimited », « about\n34,000 », « France\n, including », « in\n[brackets] »).
CONTINUATION_MARKS = frozenset(",.;:)]['’”»")


def continues(line: str) -> bool:
    """Whether a line opens as the rest of a sentence broken before it."""
    first = line[:1]
    return first.islower() or first.isdigit() or first in CONTINUATION_MARKS


def _carried(text: str, p_end: int, stray_breaks: bool) -> bool:
    """Whether quotations still open at the line ending at ``p_end`` go on into the next line: a
    stray line break, before a line that opens as the rest of the sentence."""
    if not stray_breaks or p_end >= len(text):
        return False
    end = text.find("\n", p_end + 1)
    return continues(text[p_end + 1 : len(text) if end < 0 else end].lstrip(SPACES))


def _is_word(c: str) -> bool:
    return c.isalnum()


@lru_cache(maxsize=16)
def _mark_pattern(marks: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(m) for m in marks))


def _reopened(text: str, stack: list[tuple[str, int, int]], mark: str, at: int, symmetric: bool) -> bool:
    """Whether an opening mark at ``at`` goes on with the quotation the same mark opened, not one
    inside it (which would never be closed): typed twice (« ““Nous … »), or reopened after a
    sentence end, at a paragraph break the page lost (« “Fin.“Début …,” a-t-il dit »)."""
    if symmetric or not stack or stack[-1][0] != mark:
        return False
    o_at, o_len = stack[-1][1], stack[-1][2]
    before = text[o_at + o_len : at].rstrip(SPACES)
    return not before or before[-1] in SENTENCE_END_CHARS


def find_quotes(text: str, pairs: Sequence[tuple[str, str]], stray_breaks: bool = False) -> list[Quote]:
    """Every quotation in ``text``, outer ones first, in text order of their opening mark; with
    ``stray_breaks``, an open quotation goes on over a line break inside a sentence."""
    openers = {o: c for o, c in pairs}
    closers = {c for _, c in pairs}
    marks = tuple(sorted({m for p in pairs for m in p}, key=len, reverse=True))
    pattern = _mark_pattern(marks)
    quotes: list[Quote] = []
    stack: list[tuple[str, int, int]] = []  # (mark, offset, len)
    for p_start, p_end in _paragraphs(text):
        i = p_start
        while i < p_end:
            found = pattern.search(text, i, p_end)
            if found is None:
                break
            i = found.start()
            mark = found.group()
            prev = text[i - 1] if i > p_start else " "
            nxt = text[i + len(mark)] if i + len(mark) < p_end else " "
            symmetric = openers.get(mark) == mark
            # An apostrophe between letters (l’ONU, aujourd’hui) is never a mark.
            if mark in ("’", "'", "‘") and _is_word(prev) and _is_word(nxt):
                i += 1
                continue
            closes_top = bool(stack) and openers[stack[-1][0]] == mark
            if not closes_top and symmetric and stack and (_is_word(prev) or prev in ".!?…") \
                    and not _is_word(nxt) and text.find(openers[stack[-1][0]], i, p_end) < 0:
                # a mixture: « “Nous partirons", a-t-il dit » closes the curly mark it never closes
                o_mark, o_at, o_len = stack.pop()
                s, e = _strip(text, o_at + o_len, i)
                quotes.append(Quote(o_at, i + len(mark), s, e, len(stack), True, o_mark))
                i += len(mark)
                continue
            if closes_top and (not symmetric or not (prev in SPACES and _is_word(nxt))):
                o_mark, o_at, o_len = stack.pop()
                s, e = _strip(text, o_at + o_len, i)
                quotes.append(Quote(o_at, i + len(mark), s, e, len(stack), True, o_mark))
                i += len(mark)
                continue
            if _reopened(text, stack, mark, i, symmetric):
                o_mark, o_at, o_len = stack[-1]
                if o_at + o_len == i:  # typed twice: the content starts after both
                    stack[-1] = (o_mark, o_at, o_len + len(mark))
                i += len(mark)  # « ““Nous … », « “A. “B.” »: one quotation, not one inside another
                continue
            if mark in openers and (not symmetric or not _is_word(prev) or prev in "(["):
                if mark == "’" or (mark == "‘" and _is_word(prev)):
                    i += 1
                    continue
                stack.append((mark, i, len(mark)))
                i += len(mark)
                continue
            if mark in closers and stack:
                # a closing mark of an outer quote closes the inner ones left open
                depth = next((k for k in range(len(stack) - 1, -1, -1) if openers[stack[k][0]] == mark), None)
                if depth is not None:
                    while len(stack) > depth + 1:
                        o_mark, o_at, o_len = stack.pop()
                        s, e = _strip(text, o_at + o_len, i)
                        quotes.append(Quote(o_at, i, s, e, len(stack), False, o_mark))
                    o_mark, o_at, o_len = stack.pop()
                    s, e = _strip(text, o_at + o_len, i)
                    quotes.append(Quote(o_at, i + len(mark), s, e, len(stack), True, o_mark))
            i += len(mark)
        if stack and _carried(text, p_end, stray_breaks):
            continue
        # unclosed marks run to the end of their paragraph
        while stack:
            o_mark, o_at, o_len = stack.pop()
            s, e = _strip(text, o_at + o_len, p_end)
            quotes.append(Quote(o_at, p_end, s, e, len(stack), False, o_mark))
    quotes.sort(key=lambda q: (q.open, q.depth))
    return [q for q in quotes if q.end > q.start]


def top_level(quotes: Sequence[Quote]) -> list[Quote]:
    return [q for q in quotes if q.depth == 0]
