"""Embedded posts: a social-media post pasted into the article with its signature
(« TEXT— Jeanne Roux (@jroux) 3 mars 2019 ») is a ``direct`` statement of the signing name.

The page extraction keeps the post twice: once before the signature and once after its date
(the embed's fallback text). What both copies share is the post, exactly; a post that is not
repeated, or whose signature shows no name (a lower-case user name), is left alone. Trailing
hashtags and links are no part of what was written to be read. Platform syntax, no words of
any language.
"""

from __future__ import annotations

import re

from selon.extract.candidates import Cand
from selon.extract.statements.context import Context

# « — Display Name (@handle) » (the date follows)
SIGNATURE = re.compile(r"[—–] ?(?P<name>[^\W\d_][^—–(@\n]{0,60}?) \(@\w{1,40}\)")
# the gap between the signature's date and the repeated post: a run of spaces or a line break
GAP = re.compile(r"\s{2,}|\n")
# hashtags, links and picture links at the end of a post
TAIL = re.compile(r"(?:\s*(?:#\w+\?*|https?://\S+|pic\.twitter\.com/\S+))+\s*$")
MAX_POST = 1500
MIN_POST = 12


def embedded_posts(ctx: Context) -> None:
    """One ``direct`` candidate per embedded post, its speaker the signature's name."""
    text = ctx.text
    for m in SIGNATURE.finditer(text):
        name = m.group("name").strip()
        if not name[:1].isupper():
            continue  # « — jroux75 (@jroux75) »: a user name, no named source
        gap = GAP.search(text, m.end(), min(len(text), m.end() + 40))
        if gap is None:
            continue
        start = _repeated_start(text, max(0, m.start() - MAX_POST), m.start(), gap.end())
        if start is None:
            continue
        post = text[start : m.start()]
        tail = TAIL.search(post)
        end = start + (tail.start() if tail else len(post.rstrip()))
        if end - start < MIN_POST:
            continue
        first, last = ctx.tok_at(m.start("name")), ctx.tok_at(m.start("name") + len(name) - 1)
        if first is None or last is None:
            continue
        ctx.cands.append(Cand("direct", start, end, mention=ctx.mention((first, last + 1)), priority=1,
                              sent_start=start))


def _repeated_start(text: str, lo: int, sig: int, after: int) -> int | None:
    """Where the post that ends at ``sig`` starts: the earliest point from which the text up to
    the signature is repeated, word for word, at ``after``; ``None`` when nothing is."""
    probe = text[after : after + 20]
    if len(probe) < MIN_POST:
        return None
    best = None
    i = text.find(probe, lo, sig)
    while i != -1:
        if text.startswith(text[i:sig].rstrip(), after):
            best = i
            break
        i = text.find(probe, i + 1, sig)
    return best
