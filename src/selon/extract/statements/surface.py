"""Contents on the surface: where the words of a statement begin and end in the text, once
spaces, punctuation, dangling quotation marks and a wire dateline are trimmed off."""

from __future__ import annotations

from selon.extract.statements.rules import Rules

LEAD = " \t\n\u00a0\u202f,;:"
TRAIL = " \t\n\u00a0\u202f,;:.-–—"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` without spaces and punctuation at either end."""
    while start < end and text[start] in LEAD:
        start += 1
    while end > start and text[end - 1] in TRAIL:
        end -= 1
    return start, end


def balanced_trim(text: str, start: int, end: int, rules: Rules) -> tuple[int, int]:
    """Trim spaces and punctuation, the marks of a content that is one whole quotation, and a
    dangling quotation mark at either end."""
    start, end = trim(text, start, end)
    seg = text[start:end]
    if len(seg) > 2 and seg[0] in rules.enclosing and seg[-1] == rules.enclosing[seg[0]] \
            and seg[0] not in seg[1:-1] and seg[-1] not in seg[1:-1]:
        start, end = trim(text, start + 1, end - 1)  # the whole content is one quotation
    for _ in range(2):
        seg = text[start:end]
        if not seg:
            continue
        if seg[0] in rules.open_only and not any(c in seg[1:] for c in rules.close_only):
            start, end = trim(text, start + 1, end)
        elif seg[-1] in rules.close_only and not any(c in seg[:-1] for c in rules.open_only):
            start, end = trim(text, start, end - 1)
        else:
            straight = next((m for m in rules.straight if seg.count(m) % 2 == 1), None)
            if straight is not None and seg.startswith(straight):
                start, end = trim(text, start + len(straight), end)
            elif straight is not None and seg.endswith(straight):
                start, end = trim(text, start, end - len(straight))
    return start, end


def skip_dateline(text: str, start: int, rules: Rules) -> int:
    """Skip a wire dateline (« PARIS, 14 mars – », « LYON (AFP) - ») opening a content."""
    m = rules.dateline.match(text, start) if rules.dateline is not None else None
    return m.end() if m else start


def cut_before(text: str, start: int, at: int, rules: Rules) -> int:
    """The end of a content cut just before offset ``at``: back over spaces, a subject, and
    the comma or conjunction that opens the next clause."""
    seg = text[start:at]
    best = -1
    for sep in rules.clause_breaks:
        k = seg.rfind(sep)
        if k > best:
            best = k
    end = start + best if best > 0 else at
    return trim(text, start, end)[1]
