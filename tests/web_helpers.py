"""Helpers shared by the web tests: the test articles, a store built from them, and a tiny
HTML reader for the highlighted article text."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

ARTICLES = Path(__file__).parent / "web_articles"
XSS_ID = "evacuation-xss"


def article_json(name: str) -> dict:
    return json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))


class Pieces(HTMLParser):
    """The text pieces of ``#article-text``: (text, attributes of the innermost span)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[str, dict[str, str]]] = []
        self.inside = 0  # depth inside #article-text
        self.stack: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if self.inside:
            self.inside += 1
            self.stack.append(a)
        elif a.get("id") == "article-text":
            self.inside = 1
            self.stack.append(a)

    def handle_endtag(self, tag: str) -> None:
        if self.inside:
            self.inside -= 1
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.pieces.append((data, self.stack[-1] if len(self.stack) > 1 else {}))


def text_pieces(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = Pieces()
    parser.feed(html)
    return parser.pieces


def statement_of(html: str, snippet: str) -> dict[str, str]:
    """The attributes of the highlighted piece of the article text that contains ``snippet``."""
    for text, attrs in text_pieces(html):
        if snippet in text and "data-s" in attrs:
            return attrs
    raise AssertionError(f"no highlighted piece contains {snippet!r}")
