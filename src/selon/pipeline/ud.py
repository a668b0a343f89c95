"""ClearNLP dependency trees rewritten, in place, into the Universal Dependencies shape the
rules read (the shape of spaCy's French models).

The English pipelines write ClearNLP labels and structure: a preposition heads its object
(``prep`` + ``pobj``), a passive's agent is ``agent`` + ``pobj``, a name's last word heads the
others (``compound``), and so on. The component ``selon_ud`` (added right after the parser
when the pack says ``[parser] labels = "clearnlp"``) rewrites each Doc once:

- labels: ``nsubjpass`` → ``nsubj:pass``, ``dobj`` → ``obj``, ``auxpass`` → ``aux:pass``,
  ``relcl`` → ``acl:relcl``, ``poss`` → ``nmod:poss``, ``neg`` → ``advmod`` (with the
  ``Polarity=Neg`` feature the rules test), ``acomp``/``oprd`` → ``xcomp`` … (:data:`RELABEL`);
  ``attr``: the subject of an existential (``expl`` beside it: "there were 300 people") is
  ``nsubj``; any other predicate nominal stays under its copula as ``xcomp``, like ``acomp``
  (the rules never read ``cop``; keeping the verb as the clause's head keeps its subject,
  auxiliaries and negation where they look for them);
- a preposition's object takes the preposition's place (``obl`` under a verb, adjective or
  adverb, ``nmod`` under a nominal, ``obl:agent`` for an ``agent``, ``obl:arg`` for a
  ``dative``) and the preposition becomes its ``case``; a second preposition glued to the
  first ("according to", "because of", "out of", "due to") is the first one's ``fixed``; an
  adverb heading the preposition ("ahead of X") gives X its place and becomes its ``advmod``;
  a preposition with a clause (``pcomp``) becomes the clause's ``mark``, the clause ``advcl``
  (``acl`` under a nominal);
- a name (proper nouns joined by ``compound``, head last) becomes a head-first ``flat:name``
  chain; the common-noun or title words before the named entity ("Foreign Minister Sergei
  Lavrov", "police chief John Smith") head the phrase and the name is their ``appos``, as
  the French model parses « le ministre Sergueï Lavrov »;
- an infinitive's ``to`` (``aux`` on a particle) is its ``mark``, ``npadvmod`` is
  ``obl:npmod`` (``obl:tmod`` on a date or time entity).

Heads and labels are computed in lists and written once (``Doc.from_array``); each sentence
stays one tree, so the sentence starts (a tree's first token) and the entities are kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, POS
from spacy.tokens import Doc, MorphAnalysis
from spacy.vocab import Vocab

#: ClearNLP labels that only change name.
RELABEL = {
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "dobj": "obj",
    "dative": "iobj",
    "auxpass": "aux:pass",
    "relcl": "acl:relcl",
    "poss": "nmod:poss",
    "neg": "advmod",
    "prt": "compound:prt",
    "acomp": "xcomp",
    "oprd": "xcomp",
    "attr": "xcomp",
    "npadvmod": "obl:npmod",
    "intj": "discourse",
    "predet": "det:predet",
    "preconj": "cc:preconj",
    "quantmod": "advmod",
    "meta": "dep",
    # left over after the restructuring (a preposition without object, an object without
    # preposition): rare, and read by no rule
    "prep": "dep",
    "agent": "dep",
    "pobj": "obl",
    "pcomp": "dep",
}
_PREPS = frozenset({"prep", "agent", "dative"})
_OBJECTS = frozenset({"pobj", "pcomp"})
#: a preposition conjoined to another ("before and after X"), or a fragment's root
_PREP_CONJ = frozenset({"conj", "ROOT"})
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
_NEG = "Polarity=Neg"


class _Tree:
    """A doc's heads (absolute), labels and tags as lists, with each token's children."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        arr = doc.to_array([HEAD, DEP, POS, ENT_IOB, ENT_TYPE])  # uint64: HEAD is wrapped
        n = len(doc)
        rel = arr[:, 0].astype(numpy.int64).tolist()
        self.head: list[int] = [i + rel[i] for i in range(n)]
        self.dep: list[str] = [strings[h] for h in arr[:, 1].tolist()]
        self.pos: list[str] = [strings[h] for h in arr[:, 2].tolist()]
        self.iob: list[int] = arr[:, 3].tolist()
        self.ent: list[int] = arr[:, 4].tolist()
        self.time_ents = frozenset(strings[k] for k in _TIME_ENTS)  # their hashes
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)

    def move(self, i: int, head: int, dep: str) -> None:
        old = self.head[i]
        if old != i:
            self.children[old].remove(i)
        self.head[i] = head
        self.dep[i] = dep
        if head != i:
            self.children[head].append(i)

    def replace(self, old: int, new: int) -> None:
        """``new`` takes ``old``'s place: its head and label (root: ``new`` is the root)."""
        h = self.head[old]
        self.move(new, new if h == old else h, self.dep[old])

    def child(self, i: int, deps: Iterable[str] | str) -> int | None:
        return next((c for c in self.children[i] if self.dep[c] in deps), None)

    def ent_start(self, i: int) -> int | None:
        """The first token of the entity ``i`` is in (None outside entities)."""
        if self.iob[i] not in (1, 3):  # 1: inside, 3: beginning
            return None
        while self.iob[i] == 1 and i > 0:
            i -= 1
        return i


def _names(t: _Tree) -> None:
    """Names (proper nouns joined by ``compound``, head last) as head-first ``flat:name``
    chains; common-noun or title words before the named entity head the phrase, the name
    being their ``appos``."""
    for h in range(len(t.head)):
        if t.pos[h] != "PROPN" or t.dep[h] == "compound" and t.pos[t.head[h]] == "PROPN":
            continue
        run = _compound_run(t, h)
        if len(run) == 1:
            continue
        start = t.ent_start(h)
        if start is not None and start > run[0]:
            name = [k for k in run if k >= start]
        else:
            k = len(run)
            while k > 0 and t.pos[run[k - 1]] == "PROPN":
                k -= 1
            name = run[k:]
        title = run[: len(run) - len(name)]
        top = title[-1] if title else name[0]
        t.replace(h, top)
        for c in list(t.children[h]):
            if c not in run:
                t.move(c, top, t.dep[c])
        for k in title[:-1]:
            if t.head[k] not in title:
                t.move(k, top, "compound")
        if title:
            t.move(name[0], top, "appos")
        for k in name[1:]:
            t.move(k, name[0], "flat:name")


def _compound_run(t: _Tree, h: int) -> list[int]:
    """``h`` and the ``compound`` words (any depth) right before it, in order; a date or time
    word ("Yesterday Angela Merkel", a misparse) is not part of it."""
    run = [h]
    members = {h}
    k = h - 1
    while k >= 0 and t.dep[k] == "compound" and t.head[k] in members and t.ent[k] not in t.time_ents:
        members.add(k)
        run.append(k)
        k -= 1
    run.reverse()
    return run


def _preps(t: _Tree) -> None:
    """Each preposition's object in its place, the preposition its ``case`` (or ``mark``)."""
    for p in range(len(t.head)):
        dep = t.dep[p]
        if dep in _PREPS or dep in _PREP_CONJ and t.pos[p] == "ADP" and t.child(p, "pobj") is not None:
            _prep(t, p, dep)
        elif dep == "advmod" and t.pos[p] == "ADV" and len(t.children[p]) == 1:
            q = t.children[p][0]
            x = t.child(q, "pobj")
            if q == p + 1 and t.dep[q] == "prep" and x is not None and len(t.children[q]) == 1:
                # "ahead of X": X in the adverb's place, the adverb its advmod
                _attach(t, x, p, "prep")
                t.move(q, x, "case")
                t.move(p, x, "advmod")


def _prep(t: _Tree, p: int, dep: str) -> None:
    kids = t.children[p]
    x = t.child(p, "pobj")
    glued = next((c for c in kids if c == p + 1 and t.dep[c] in ("prep", "pcomp") and t.pos[c] == "ADP"), None)
    if x is None and glued is not None:
        x = t.child(glued, _OBJECTS)  # "according to X": X is the object of the second word
    elif x is None:
        x = t.child(p, "pcomp")
    if x is None:
        return
    clause = t.dep[x] == "pcomp" and t.pos[x] in _VERBAL
    _attach(t, x, p, dep, clause)
    if glued is not None and (t.head[x] == glued or not t.children[glued]):
        _adopt(t, glued, x)
        t.move(glued, p, "fixed")
    _adopt(t, p, x)
    t.move(p, x, "mark" if clause else "case")


def _adopt(t: _Tree, p: int, x: int) -> None:
    """The other dependents of the preposition ``p`` (an adverb, another preposition) go to
    its object ``x``."""
    nominal = t.pos[x] in _NOMINAL
    for c in list(t.children[p]):
        if t.dep[c] != "fixed":
            t.move(c, x, "nmod" if nominal and t.dep[c] == "obl" else t.dep[c])


def _attach(t: _Tree, x: int, p: int, dep: str, clause: bool = False) -> None:
    """The object ``x`` in the place of the preposition ``p`` (of label ``dep``)."""
    h = t.head[p]
    if h == p:
        t.move(x, x, t.dep[p])
        return
    nominal = t.pos[h] in _NOMINAL
    if clause:
        label = "acl" if nominal else "advcl"
    elif dep == "agent":
        label = "obl:agent"
    elif dep == "dative":
        label = "obl:arg"
    elif dep not in _PREPS:
        label = dep
    else:
        label = "nmod" if nominal else "obl"
    t.move(x, h, label)


def _relabel(t: _Tree, doc: Doc) -> None:
    dep, pos = t.dep, t.pos
    for i, d in enumerate(dep):
        if d == "attr" and any(dep[c] == "expl" for c in t.children[t.head[i]]):
            dep[i] = "nsubj"
        elif d == "npadvmod" and t.ent[i] in t.time_ents:
            dep[i] = "obl:tmod"
        elif d == "aux" and pos[i] == "PART":
            dep[i] = "mark"
        elif d == "neg":
            dep[i] = "advmod"
            tok = doc[i]
            if _NEG not in str(tok.morph):
                tok.morph = MorphAnalysis(doc.vocab, f"{tok.morph}|{_NEG}" if len(tok.morph) else _NEG)
        else:
            dep[i] = RELABEL.get(d, d)


def to_ud(doc: Doc) -> Doc:
    """``doc`` with its ClearNLP tree rewritten in the UD shape (in place)."""
    if not len(doc) or not doc.has_annotation("DEP"):
        return doc
    t = _Tree(doc)
    _names(t)
    _preps(t)
    _relabel(t, doc)
    strings = doc.vocab.strings
    n = len(doc)
    arr: Any = numpy.empty((n, 2), dtype="uint64")
    arr[:, 0] = numpy.array([t.head[i] - i for i in range(n)], dtype="int64").astype("uint64")  # -1 wraps
    arr[:, 1] = [strings.add(d) for d in t.dep]
    doc.from_array([HEAD, DEP], arr)
    return doc


class ClearNLPToUD:
    """The spaCy component: :func:`to_ud` on each Doc."""

    def __init__(self, vocab: Vocab) -> None:
        for label in (*RELABEL.values(), "obl", "nmod", "case", "mark", "fixed", "flat:name", "appos",
                      "obl:agent", "obl:arg", "obl:tmod", "acl", "advcl", "nsubj"):
            vocab.strings.add(label)

    def __call__(self, doc: Doc) -> Doc:
        return to_ud(doc)
