"""One name per source across the corpus: the key a source is stored under, and the rules
that join names of one source.

- :func:`source_key` is what a source name is stored with (``figures.source_key``,
  ``statements.speaker_key``): case and Latin accents folded, a leading determiner or elided
  article of the language packs (``[names].determiners``) dropped, punctuation made spaces
  (dots dropped): « l'ONU », « ONU » and « Onu » are all ``onu``; « la Croix-Rouge » is
  ``croix rouge``.
- :class:`Sources` joins the keys of a corpus: a user alias (the ``aliases`` table, kept by
  ``selon aliases``) makes its name the target's, and a name written as a proper name (every
  word capitalised but the packs' particles) that is the word-suffix of exactly one longer
  such name joins it (« Di Rupo » → « Elio Di Rupo »; not after a determiner or particle:
  « ONU » stays apart from « Mission de l'ONU », « de Gaulle » joins « Charles de Gaulle »). Queries group and filter on the
  result: one column in ``compare``, one speaker in ``speakers``, one source for ``--source``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from selon.errors import InputError, NotFoundError, StoreError
from selon.store.db import KEYED, Store, using_store
from selon.store.db import aliases as aliases_table
from selon.store.keys import fold_search, is_proper_name, linking_words, source_key


@dataclass
class Sources:
    """The names of a corpus joined into sources: :meth:`of` gives a key's source (its
    canonical key), :meth:`name` the source's name as a column shows it."""

    #: stored key → the canonical key it joins
    joined: dict[str, str] = field(default_factory=dict)
    #: canonical key → its name: an alias's target as given, else its most frequent spelling
    names: dict[str, str] = field(default_factory=dict)
    #: canonical key → the spellings of all its keys (for filters)
    spellings: dict[str, set[str]] = field(default_factory=dict)
    #: the canonical keys an alias names: their name is the alias's target, always
    targets: set[str] = field(default_factory=set)

    def of(self, key: str | None) -> str | None:
        return None if key is None else self.joined.get(key, key)

    def name(self, canonical: str) -> str:
        return self.names.get(canonical, canonical)

    def keys_matching(self, text: str) -> list[str]:
        """The stored keys of every source one of whose names contains ``text`` (any case, with
        or without accents, or as keys compare)."""
        wanted, wanted_key = fold_search(text), source_key(text)
        members: defaultdict[str, list[str]] = defaultdict(list)
        for key in {*self.joined, *self.names}:
            members[self.of(key) or key].append(key)
        out: list[str] = []
        for canonical, keys in members.items():
            names = {*self.spellings.get(canonical, ()), self.name(canonical)}
            if any(wanted in fold_search(n) for n in names) or (
                wanted_key is not None and any(wanted_key in k for k in keys)
            ):
                out.extend(keys)
        return sorted(out)


def join_sources(spellings: Iterable[tuple[str, str, int]], aliases: Mapping[str, str]) -> Sources:
    """The sources of a corpus from its ``(key, spelling, count)`` names and its aliases
    (alias key → target name)."""
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for key, spelling, n in spellings:
        if key:
            counts[key][spelling] += n
    for target in aliases.values():
        target_key = source_key(target)
        if target_key:
            counts[target_key]  # a target is a source even before a figure names it
    most = {k: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for k, c in counts.items() if c}
    out = Sources()
    # 1. aliases: the user's word first
    for alias_key, target in aliases.items():
        target_key = source_key(target)
        if target_key and target_key != alias_key:
            out.joined[alias_key] = target_key
            out.names[target_key] = target
            out.targets.add(target_key)
    # 2. a proper name that ends exactly one longer proper name joins it (longest first, so a
    # chain « Rupo » → « Di Rupo » → « Elio Di Rupo » ends at one source)
    proper = {k for k, c in counts.items() if k not in out.joined and any(is_proper_name(s) for s in c)}
    ending: defaultdict[str, set[str]] = defaultdict(set)  # a word-suffix → the longer names it ends
    linking = linking_words()
    for key in proper:
        words = key.split()
        for i in range(1, len(words)):
            if words[i - 1] not in linking:  # « ONU » is no family name of « Mission de l'ONU »
                ending[" ".join(words[i:])].add(key)
    for key in sorted(proper - out.targets, key=lambda k: -len(k.split())):  # a target stays itself
        targets = {out.of(longer) or longer for longer in ending.get(key, ())}
        if len(targets) == 1:
            out.joined[key] = targets.pop()
    for key, c in counts.items():
        canonical = out.of(key)
        assert canonical is not None
        out.spellings.setdefault(canonical, set()).update(c)
        if canonical not in out.names and canonical in most:
            out.names[canonical] = most[canonical]
        out.names.setdefault(canonical, most.get(key, key))
    return out


# -- the corpus's sources and the user's aliases ------------------------------------------------


def read_sources(conn: Connection) -> Sources:
    """The sources of the store on ``conn``: every figure source and speaker name stored (all
    versions), joined by the aliases and the suffix rule."""
    spellings: list[tuple[str, str, int]] = []
    for table, name, key in KEYED:
        query = (
            sa.select(table.c[key], table.c[name], sa.func.count())
            .where(table.c[key].is_not(None))
            .group_by(table.c[key], table.c[name])
        )
        spellings.extend((k, n, int(c)) for k, n, c in conn.execute(query))
    held = {r.alias_key: r.target for r in conn.execute(sa.select(aliases_table))}
    return join_sources(spellings, held)


@dataclass(frozen=True)
class Alias:
    """One of the user's aliases: ``alias`` is the source ``target``."""

    alias: str
    target: str

    def to_dict(self) -> dict[str, str]:
        return {"alias": self.alias, "target": self.target}


def list_aliases(db: str | Path | Store | None = None) -> list[Alias]:
    """The store's aliases, by alias (reading only: the store must exist)."""
    with using_store(db, read_only=True) as store, store.read() as conn:
        rows = conn.execute(sa.select(aliases_table).order_by(aliases_table.c.alias_key)).all()
    return [Alias(r.alias, r.target) for r in rows]


def _name(value: str, what: str) -> tuple[str, str]:
    text = " ".join(str(value).split())
    key = source_key(text)
    if key is None:
        raise InputError(f"the {what} {value!r} has no letters or digits; give a source's name")
    return text, key


@contextmanager
def _writing(store: Store, action: str) -> Iterator[Connection]:
    """A write transaction on ``store``, whose refusal to be written says what to do."""
    try:
        with store.write() as conn:
            yield conn
    except StoreError as e:
        if "readonly" in str(e).replace("-", "").replace(" ", "").lower():
            raise StoreError(
                f"{store.where} is read-only here; `selon aliases {action}` writes the store: run it "
                "where you may write the file"
            ) from e
        raise


def add_alias(db: str | Path | Store | None, alias: str, target: str) -> Alias:
    """Keep in the store that ``alias`` names the source ``target`` (its name in the queries);
    the store must exist and be writable (:class:`StoreError` otherwise).
    :class:`InputError` when the alias is the target itself, already an alias of another
    source, or a target of other aliases, or when the target is itself an alias."""
    alias_text, alias_key = _name(alias, "alias")
    target_text, target_key = _name(target, "target")
    if alias_key == target_key:
        raise InputError(f"{alias_text!r} and {target_text!r} are already one source (the same name)")
    with using_store(db, read_only=True) as store, _writing(store, "add") as conn:
        held = {r.alias_key: r for r in conn.execute(sa.select(aliases_table))}
        if alias_key in held:
            raise InputError(
                f"{held[alias_key].alias!r} is already an alias of {held[alias_key].target!r}; "
                f"remove it first (selon aliases remove {alias_text!r})"
            )
        if target_key in held:
            raise InputError(
                f"{target_text!r} is itself an alias of {held[target_key].target!r}; give that name as the target"
            )
        pointing = sorted(r.alias for r in held.values() if source_key(r.target) == alias_key)
        if pointing:
            raise InputError(
                f"{alias_text!r} is the target of the aliases {', '.join(map(repr, pointing))}; "
                "remove them first, or make them aliases of the new target"
            )
        conn.execute(
            aliases_table.insert().values(
                alias_key=alias_key, alias=alias_text, target=target_text, added_at=dt.datetime.now(dt.UTC)
            )
        )
    return Alias(alias_text, target_text)


def remove_alias(db: str | Path | Store | None, alias: str) -> Alias:
    """Forget the alias ``alias`` (as any spelling of it: its key); :class:`NotFoundError` when
    the store has none."""
    alias_text, alias_key = _name(alias, "alias")
    with using_store(db, read_only=True) as store, _writing(store, "remove") as conn:
        row = conn.execute(sa.select(aliases_table).where(aliases_table.c.alias_key == alias_key)).first()
        if row is None:
            raise NotFoundError(
                f"there is no alias {alias_text!r} in {store.where}; `selon aliases list` shows them"
            )
        conn.execute(aliases_table.delete().where(aliases_table.c.alias_key == alias_key))
    return Alias(row.alias, row.target)


__all__ = ["Alias", "Sources", "add_alias", "join_sources", "list_aliases", "read_sources", "remove_alias"]
