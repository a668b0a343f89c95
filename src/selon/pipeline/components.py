"""selon's spaCy components: thin adapters over the pure extraction functions.

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("selon_segmenter", before="parser")
    nlp.add_pipe("selon_ud")  # only for a model writing ClearNLP labels
    nlp.add_pipe("selon_statements")
    nlp.add_pipe("selon_speakers")
    nlp.add_pipe("selon_figures")
    nlp.add_pipe("selon_scope")
    doc = nlp.make_doc(text); doc._.selon_published = "2017-03-28"
    doc = nlp(doc); doc._.selon_statements, doc._.selon_figures

Each component writes namespaced extensions. ``selon_statements`` finds the statements and
leaves the candidates' speaker mentions in ``doc._.selon_candidates``; ``selon_speakers``
resolves them over the article (names, roles, pronouns, relayed speech), fills each
statement's ``speaker`` and ``via`` and clears the candidates; ``selon_figures`` reads the
statements for the figures' sources; ``selon_scope`` gives each figure its place and its
period (resolved against ``doc._.selon_published``, an ISO date, when it is set). They also work without the segmenter (with worse
sentence boundaries on news text).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from selon.extract.figures import extract_figures
from selon.extract.names import unify_names
from selon.extract.quotes import find_quotes
from selon.extract.scope import attach_scope
from selon.extract.segment import set_boundaries
from selon.extract.speakers import attribute_speakers
from selon.extract.statements import Rules, find_candidates, to_statements
from selon.lang.pack import LanguagePack, load_pack
from selon.pipeline.ud import ClearNLPToUD

for _name in ("selon_quotes", "selon_candidates", "selon_statements", "selon_figures", "selon_published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _quotes(doc: Doc, pack: LanguagePack) -> list:
    if doc._.selon_quotes is None:
        doc._.selon_quotes = find_quotes(doc.text, pack.quotes.pairs, pack.parser.stray_line_breaks)
    return doc._.selon_quotes


class Segmenter:
    def __init__(self, lang: str) -> None:
        self.pack = load_pack(lang)

    def __call__(self, doc: Doc) -> Doc:
        return set_boundaries(doc, _quotes(doc, self.pack), self.pack.parser.stray_line_breaks)


class StatementsComponent:
    def __init__(self, lang: str) -> None:
        self.pack = load_pack(lang)
        self.rules = Rules(self.pack)  # compiled once per component, not per document

    def __call__(self, doc: Doc) -> Doc:
        cands = find_candidates(doc, self.pack, _quotes(doc, self.pack), self.rules)
        doc._.selon_candidates = cands
        doc._.selon_statements = to_statements(doc, cands)
        return doc


class SpeakersComponent:
    def __init__(self, lang: str) -> None:
        self.pack = load_pack(lang)

    def __call__(self, doc: Doc) -> Doc:
        cands = doc._.selon_candidates
        if cands is None:
            raise ValueError("selon_speakers needs selon_statements before it in the pipeline")
        statements = attribute_speakers(doc, self.pack, cands, doc._.selon_statements)
        doc._.selon_statements = unify_names(statements, doc.text, self.pack)
        doc._.selon_candidates = None  # tokens and spans: not kept past the pipeline
        return doc


class FiguresComponent:
    def __init__(self, lang: str) -> None:
        self.pack = load_pack(lang)

    def __call__(self, doc: Doc) -> Doc:
        doc._.selon_figures = extract_figures(doc, self.pack, doc._.selon_statements or [])
        return doc


class ScopeComponent:
    def __init__(self, lang: str) -> None:
        self.pack = load_pack(lang)

    def __call__(self, doc: Doc) -> Doc:
        figures = doc._.selon_figures or []
        doc._.selon_figures = attach_scope(doc, self.pack, figures, doc._.selon_statements or [], doc._.selon_published)
        return doc


@Language.factory("selon_segmenter", default_config={"lang": "fr"}, assigns=["token.is_sent_start"])
def make_segmenter(nlp: Language, name: str, lang: str) -> Segmenter:
    return Segmenter(lang)


@Language.factory(
    "selon_ud",
    requires=["token.dep", "token.pos", "doc.ents"],
    assigns=["token.dep", "token.head", "token.morph"],
)
def make_ud(nlp: Language, name: str) -> ClearNLPToUD:
    """ClearNLP trees rewritten in the UD shape (for models whose pack says
    ``[parser] labels = "clearnlp"``)."""
    return ClearNLPToUD(nlp.vocab)


@Language.factory(
    "selon_statements",
    default_config={"lang": "fr"},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.selon_statements"],
)
def make_statements(nlp: Language, name: str, lang: str) -> StatementsComponent:
    return StatementsComponent(lang)


@Language.factory(
    "selon_speakers",
    default_config={"lang": "fr"},
    requires=["doc._.selon_statements", "token.morph", "doc.ents"],
    assigns=["doc._.selon_statements"],
)
def make_speakers(nlp: Language, name: str, lang: str) -> SpeakersComponent:
    return SpeakersComponent(lang)


@Language.factory(
    "selon_figures",
    default_config={"lang": "fr"},
    requires=["token.dep", "token.lemma"],
    assigns=["doc._.selon_figures"],
)
def make_figures(nlp: Language, name: str, lang: str) -> FiguresComponent:
    return FiguresComponent(lang)


@Language.factory(
    "selon_scope",
    default_config={"lang": "fr"},
    requires=["doc._.selon_figures", "doc.ents"],
    assigns=["doc._.selon_figures"],
)
def make_scope(nlp: Language, name: str, lang: str) -> ScopeComponent:
    return ScopeComponent(lang)
