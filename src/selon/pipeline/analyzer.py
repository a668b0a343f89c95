"""The library entry points: :func:`analyze` for one text, :class:`Analyzer` for many.

An ``Analyzer`` loads the spaCy pipeline once and runs articles through ``nlp.pipe``.
Long articles are cut at paragraph breaks into pieces of at most ``max_chunk_chars``
characters, so a 10 MB article is processed piece by piece in bounded memory; offsets are
mapped back to the whole text. (Pronoun resolution does not cross pieces.)
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import spacy
from spacy.language import Language

from selon.errors import InputError, ModelNotInstalledError, SelonError, UnsupportedLanguageError
from selon.ingest.normalize import OffsetMap, normalize_for_analysis
from selon.ingest.policy import RunOptions, accept
from selon.ingest.readers import Loaded
from selon.lang.pack import LanguagePack, load_pack
from selon.models import Analysis, Article, Figure, Statement, TextSpan
from selon.pipeline import components as _components  # noqa: F401  (registers the factories)

DEFAULT_CHUNK_CHARS = 50_000
#: At most this many characters go through the model in one ``nlp.pipe`` batch, whatever the
#: number of documents: the model's activations grow with the batch's tokens, not its docs.
MAX_BATCH_CHARS = 60_000


@dataclass(frozen=True)
class Failure:
    """An article of a batch that could not be analysed, and why."""

    article_id: str
    source: str | None
    message: str

    def __str__(self) -> str:
        where = self.source or self.article_id
        return f"{where}: {self.message}"

    @classmethod
    def of(cls, error: SelonError, *, article_id: str | None = None) -> Failure:
        """The failure ``error`` reports: its reason, for its source (``article_id`` defaults
        to the source's name)."""
        return cls(article_id or error.source or "?", error.source, error.reason)


def load_pipeline(lang: str = "fr") -> Language:
    """The language's spaCy model with selon's components added."""
    pack = load_pack(lang)
    try:
        nlp = spacy.load(pack.model)
    except OSError:
        raise ModelNotInstalledError(
            f"the spaCy model {pack.model!r} is not installed; run `make run` or "
            f"`pip install {pack.model.replace('_', '-')}`"
        ) from None
    tokenizer: Any = nlp.tokenizer
    if pack.tokenizer.infixes:
        from spacy.util import compile_infix_regex

        infixes: list[Any] = [*(nlp.Defaults.infixes or []), *pack.tokenizer.infixes]
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if pack.tokenizer.prefixes:
        from spacy.util import compile_prefix_regex

        prefixes: list[Any] = [*pack.tokenizer.prefixes, *(nlp.Defaults.prefixes or [])]
        tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.add_pipe("selon_segmenter", before="parser", config={"lang": lang})
    if pack.parser.labels == "clearnlp":
        # after the whole model, not right after its parser: the English pipelines set the
        # coarse tags (attribute_ruler) and the entities (ner) after parsing, and it reads both
        nlp.add_pipe("selon_ud")
    nlp.add_pipe("selon_statements", config={"lang": lang})
    nlp.add_pipe("selon_speakers", config={"lang": lang})
    nlp.add_pipe("selon_figures", config={"lang": lang})
    nlp.add_pipe("selon_scope", config={"lang": lang})
    return nlp


def _chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` at newlines into pieces of at most ``limit`` characters (offset, piece)."""
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + limit, n)
        if end < n:
            cut = text.rfind("\n", start, end)
            if cut <= start:
                # no paragraph break: cut after the last sentence end, else at a space
                ends = [m.end() for m in re.finditer(r"[.!?]\s", text[start:end])]
                cut = start + ends[-1] - 1 if ends else text.rfind(" ", start, end)
                if cut <= start:
                    cut = end
            end = cut
        out.append((start, text[start:end]))
        start = end
    return out


@dataclass(frozen=True)
class _Placer:
    """Puts a span found in one piece of the analysis text back into the article's text:
    shifted by the piece's offset, then through the normalisation's :class:`OffsetMap`, its
    ``text`` read from the article (so it is exactly the user's characters)."""

    text: str
    offsets: OffsetMap
    by: int = 0

    def at(self, by: int) -> _Placer:
        return dataclasses.replace(self, by=by)

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span(start + self.by, end + self.by)

    def span(self, span: TextSpan | None) -> TextSpan | None:
        if span is None:
            return None
        start, end = self.bounds(span.start, span.end)
        return TextSpan(self.text[start:end], start, end)

    def statement(self, s: Statement, new_id: str) -> Statement:
        speaker = s.speaker
        if speaker is not None and speaker.start is not None and speaker.end is not None:
            start, end = self.bounds(speaker.start, speaker.end)
            speaker = dataclasses.replace(speaker, text=self.text[start:end], start=start, end=end)
        content = self.span(s.content)
        assert content is not None
        return dataclasses.replace(s, id=new_id, content=content, cue=self.span(s.cue), speaker=speaker)

    def figure(self, f: Figure, new_id: str, statement: str | None) -> Figure:
        start, end = self.bounds(f.start, f.end)
        place = f.place
        if place is not None:
            p_start, p_end = self.bounds(place.start, place.end)
            place = dataclasses.replace(place, text=self.text[p_start:p_end], start=p_start, end=p_end)
        return dataclasses.replace(
            f, id=new_id, text=self.text[start:end], start=start, end=end, statement=statement, place=place
        )


class Analyzer:
    """Loads a language's pipeline once; analyses one article or a stream of them.

    >>> analyzer = Analyzer("fr")                           # doctest: +SKIP
    >>> analyzer.analyze("Selon la police, 300 personnes ont défilé.").figures  # doctest: +SKIP
    """

    def __init__(self, lang: str = "fr", *, batch_size: int = 16, max_chunk_chars: int = DEFAULT_CHUNK_CHARS):
        if not isinstance(lang, str):
            raise TypeError("lang must be a language code such as 'fr'")
        self.lang = lang
        self.pack: LanguagePack = load_pack(lang)
        self.nlp = load_pipeline(lang)
        self.batch_size = batch_size
        self.max_chunk_chars = max_chunk_chars

    # -- one article -----------------------------------------------------------------------
    def analyze(self, article: Article | str, *, id: str = "article", published: str | None = None) -> Analysis:
        """Analyse one article (or a plain text); raise a :class:`SelonError` on bad input."""
        if isinstance(article, str):
            article = Article(id=id, text=article, published=published, language=self.lang)
        result = next(self.analyze_many([article]))
        if isinstance(result, Failure):
            raise InputError(result.message, source=result.source or result.article_id)
        return result

    # -- many articles -----------------------------------------------------------------------
    def check(self, article: Article) -> Article:
        """The article as the acceptance policy (:func:`selon.ingest.policy.accept`) passes it
        for this analyzer's language (the default of a text too short to detect); raise the
        SelonError that refuses it (its source is the article's id), and
        :class:`UnsupportedLanguageError` for an article in another language (a
        :class:`~selon.pipeline.routing.Router` reads every language). Articles the policy
        already accepted in this language pass unchanged."""
        if not isinstance(article, Article):
            raise TypeError(f"expected an Article, got {type(article).__name__}")
        checked = accept(Loaded(article, article.id), RunOptions(default_lang=self.lang))
        if checked.language != self.lang:
            raise UnsupportedLanguageError(
                f"the article is in {checked.language!r} and this analyzer reads {self.lang!r}; "
                f"analyse it with Analyzer({checked.language!r}) or selon.Router, which reads "
                "every language",
                source=article.id,
            )
        return checked

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis | Failure]:
        """Analyse a stream of articles with ``nlp.pipe``, in order.

        A bad article yields a :class:`Failure` and the stream goes on.
        """
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= self.batch_size:
                yield from self._batch(pending)
                pending = []
        if pending:
            yield from self._batch(pending)

    def _pipe(
        self, pieces: list[tuple[str, tuple[int, int]]], published: dict[int, str | None]
    ) -> Iterator[tuple[Any, tuple[int, int]]]:
        """``nlp.pipe`` over the pieces, in batches of at most ``batch_size`` documents and
        :data:`MAX_BATCH_CHARS` characters, so a long article never sits in memory at once.
        Each piece's Doc carries its article's publication date (``doc._.selon_published``)."""
        for group in _groups(pieces, self.batch_size, MAX_BATCH_CHARS):
            docs = []
            for text, (k, offset) in group:
                doc = self.nlp.make_doc(text)
                doc._.selon_published = published.get(k)
                docs.append((doc, (k, offset)))
            yield from self.nlp.pipe(docs, as_tuples=True, batch_size=len(group))

    def _batch(self, articles: list[Article]) -> Iterator[Analysis | Failure]:
        checked: list[Article | Failure] = []
        for article in articles:
            try:
                checked.append(self.check(article))
            except SelonError as e:
                checked.append(Failure.of(e, article_id=article.id))
        pieces: list[tuple[str, tuple[int, int]]] = []
        placers: dict[int, _Placer] = {}
        for k, item in enumerate(checked):
            if isinstance(item, Article):
                text, offsets = normalize_for_analysis(item.text)
                placers[k] = _Placer(item.text, offsets)
                for offset, piece in _chunks(text, self.max_chunk_chars):
                    pieces.append((piece, (k, offset)))
        found: dict[int, tuple[list[Statement], list[Figure]]] = {}
        published = {k: item.published for k, item in enumerate(checked) if isinstance(item, Article)}
        for doc, (k, offset) in self._pipe(pieces, published):
            stmts, figs = found.setdefault(k, ([], []))
            place = placers[k].at(offset)
            base_s, base_f = len(stmts), len(figs)
            ids: dict[str, str] = {}
            for j, s in enumerate(doc._.selon_statements or []):
                ids[s.id] = f"s{base_s + j + 1}"
                stmts.append(place.statement(s, ids[s.id]))
            for j, f in enumerate(doc._.selon_figures or []):
                statement = ids.get(f.statement) if f.statement else None
                figs.append(place.figure(f, f"f{base_f + j + 1}", statement))
        for k, item in enumerate(checked):
            if isinstance(item, Failure):
                yield item
            else:
                stmts, figs = found.get(k, ([], []))
                yield Analysis(article=item, statements=stmts, figures=figs)


def _groups(pieces: list[tuple[str, tuple[int, int]]], max_docs: int, max_chars: int) -> Iterator[list[tuple[str, tuple[int, int]]]]:
    group: list[tuple[str, tuple[int, int]]] = []
    size = 0
    for piece in pieces:
        if group and (len(group) >= max_docs or size + len(piece[0]) > max_chars):
            yield group
            group, size = [], 0
        group.append(piece)
        size += len(piece[0])
    if group:
        yield group


# -- isolating failures --------------------------------------------------------------------------
class AnalyzerLike(Protocol):
    """An :class:`Analyzer`, or a :class:`~selon.pipeline.routing.Router` over several."""

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis | Failure]: ...


def analyze_isolating(
    analyzer: AnalyzerLike, articles: list[Article], failure: Callable[[Article, Exception], Failure]
) -> list[Analysis | Failure]:
    """``analyzer.analyze_many(articles)``; should it raise (a bug met on some input, not bad
    input), the group is redone one article at a time, so that only the article at fault
    fails, as ``failure(article, error)``, and the others go on."""
    try:
        return list(analyzer.analyze_many(articles))
    except ModelNotInstalledError:
        raise  # (the run cannot go on: its message says what to install)
    except Exception:
        results: list[Analysis | Failure] = []
        for article in articles:
            try:
                results.extend(analyzer.analyze_many([article]))
            except ModelNotInstalledError:
                raise
            except Exception as e:  # noqa: BLE001 - reported per article, the group goes on
                results.append(failure(article, e))
        return results


def internal_failure(article: Article, error: BaseException) -> Failure:
    """The failure of an article whose analysis raised an unexpected error (a bug met on
    some input): the batch names it and goes on."""
    return Failure(article.id, None, f"internal error while analysing it ({type(error).__name__}: {error})")


_default: dict[str, Analyzer] = {}


def analyze(text: str, lang: str = "fr", *, id: str = "article", published: str | None = None) -> Analysis:
    """Analyse one text with a shared, lazily loaded :class:`Analyzer`."""
    if lang not in _default:
        _default[lang] = Analyzer(lang)
    return _default[lang].analyze(text, id=id, published=published)
