"""Token-level phrases around a cue: the verb group, a subject before it, an inverted subject
after it (over adverbials and appositions), and where a noun phrase ends. Pure functions over
the parse and the surface; token ranges are ``(start, end)``, end excluded."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from selon.extract.statements.rules import Rules, low, phrase_from, phrase_to


def cue_group(doc: Doc, verb: Token, rules: Rules) -> tuple[int, int, Token | None]:
    """Token range of the verb group around ``verb`` (auxiliaries, adverbs, -t-il), and the
    clitic subject pronoun when there is one."""
    i = verb.i
    start = i
    j = i - 1
    while j >= 0:
        t = doc[j]
        word = low(t)
        if t.text == "," and j == i - 1:
            # « ont, de leur côté, jugé », « ont, elles, estimé »: an incise between auxiliary and verb
            k = next((k for k in range(j - 1, max(j - 6, -1), -1) if doc[k].text == ","), None)
            if k is not None and k > 0 and (low(doc[k - 1]) in rules.aux or doc[k - 1].dep_.startswith("aux")
                                            and doc[k - 1].head.i == verb.i):
                start = j = k - 1
                j -= 1
                continue
            break
        if word in rules.aux or t.dep_.startswith("aux") and t.head.i == verb.i:
            start = j
        elif (p := phrase_to(doc, j, rules.adverb_phrases)) is not None:
            j = p  # « avait d'emblée affirmé », « a pour sa part estimé »
        elif word in rules.adverbs or (t.pos_ == "ADV" and t.head.i == verb.i and j >= i - 3) \
                or word in rules.in_group or rules.is_mark(t) and j == i - 1:
            pass
        else:
            break
        j -= 1
    # trim leading adverbs/marks that are not inside an auxiliary group
    while start < i and (doc[start].pos_ == "ADV" or rules.is_mark(doc[start])) and low(doc[start]) not in rules.aux:
        start += 1
    # « « … », leur a lancé X », « « … », l'a-t-il félicitée »: an object clitic opens an incise
    if start >= 2 and low(doc[start - 1]) in rules.incise_object_clitics and doc[start - 2].text == ",":
        start -= 1
    end = i + 1
    particle = rules.particle(verb) if rules.particle_heads else None
    if particle is not None and particle.i == i + 1:
        end = i + 2  # « pointed out »: the particle is part of the cue
    clitic: Token | None = None
    k = i + 1
    while k < len(doc) and k <= i + 2 and low(doc[k]) in rules.after_verb:
        end = k + 1
        k += 1
    # the clitic may sit between auxiliary and participle (a-t-il dit) or after the verb
    for t in doc[start:end]:
        if low(t) in rules.subject_clitics and t.i != verb.i:
            clitic = t
    if rules.is_mark(doc[end - 1]) and end - 1 > i:
        end -= 1
    return start, end, clitic


def next_content_token(doc: Doc, i: int, stop: int, rules: Rules) -> int:
    """The first token from ``i`` that is no space and no punctuation (quotation marks count)."""
    while i < stop and (doc[i].is_space or doc[i].is_punct and not rules.is_mark(doc[i])):
        i += 1
    return i


def skip_adverbials(doc: Doc, j: int, limit: int, rules: Rules) -> int:
    """Skip a time or place adverbial between a cue and its inverted subject (« a indiqué
    lundi la police », « a déclaré à l'AFP le préfet », « a indiqué à 12h45 la porte-parole »)."""
    skipped = 0
    while j < limit and skipped < 6:
        t = doc[j]
        word = low(t)
        if t.is_space:
            j += 1
            continue
        if word in rules.skip_after_cue or t.like_num and t.pos_ not in ("DET", "NOUN", "PROPN") or (
            t.pos_ == "ADV" and word != rules.euphonic_t
        ):
            j += 1
            skipped += 1
            continue
        if (p := phrase_from(doc, j, limit, rules.adverb_phrases)) is not None:
            j = p  # « souligne pour sa part X », « a plaidé de son côté X »
            skipped += 1
            continue
        if word in rules.adverbial_prepositions and j + 1 < limit:
            j = _past_prepositional_phrase(doc, j, limit, rules.agencies)
            skipped += 1
            continue
        break
    return j


def _past_prepositional_phrase(doc: Doc, j: int, limit: int, agencies: frozenset[str]) -> int:
    """Skip a prepositional phrase starting at ``j`` up to the determiner or name that starts
    the subject after it; a news agency ends the phrase even where the NER runs it into the
    name after it (« a dit à l'AFP Paul, 70 ans »)."""
    k = j + 1
    seen_head = False
    while k < limit and k < j + 6 and not doc[k].is_punct:
        t2 = doc[k]
        if seen_head and (t2.pos_ == "DET" or t2.ent_iob_ == "B" and t2.ent_type_ == "PER"
                          or doc[k - 1].text in agencies and t2.text[:1].isupper()):
            break
        if t2.pos_ in ("NOUN", "PROPN", "NUM") or t2.like_num:
            seen_head = True
        k += 1
    return k


def np_extent(doc: Doc, j: int, limit: int, rules: Rules) -> int:
    """Where the noun phrase starting at ``j`` ends: at punctuation, a verb, or a word that
    opens something else (``[speakers] mention_stops``), but not inside a name, a bracket,
    a participle with its agent (« les chiffres publiés par X ») or a coordinated noun."""
    k = j
    depth = 0
    while k < limit:
        t = doc[k]
        if t.is_space and not _space_in_name(t) and not _broken_line(doc, k, limit):
            break
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            if depth == 0:
                break  # « (… selon la police) », « (…), Marseille »: the bracket closes around the mention
            depth -= 1
            k += 1
            continue
        if depth > 0:
            k += 1
            continue
        if t.is_punct and t.text not in ("-", "'", "’") and not rules.is_mark(t):
            break
        if k > j and low(t) in rules.stops and not _inside_a_name(t) and not _stop_inside(doc, k, limit, rules):
            break
        if k > j and t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "flat:name", "appos") and not t.text[0].isupper():
            participle = "VerbForm=Part" in str(t.morph) and _agent_follows(doc, k, limit, rules)
            if not participle:
                break
        k += 1
    return k


def _agent_follows(doc: Doc, k: int, limit: int, rules: Rules) -> bool:
    """Whether the participle at ``k`` has its agent after it, right away or past a few words
    (« publiés par X », « établi après 20 h par X », « compilées publiées par X »)."""
    for m in range(k + 1, min(limit, k + 6)):
        t = doc[m]
        if low(t) in rules.participle_complements:
            return True
        if t.is_punct and not rules.is_mark(t) or t.pos_ in ("AUX", "PRON") or "VerbForm=Fin" in str(t.morph):
            return False  # « commises selon lui par … »: another source's phrase comes first
    return False


def _inside_a_name(t: Token) -> bool:
    """Whether ``t`` is inside a name (« Médecins sans frontières »); a miscellaneous entity
    the NER ran over a role and its adverbial (« le Premier ministre devant l'Assemblée ») is none."""
    return t.ent_iob_ == "I" and t.ent_type_ != "MISC"


def _broken_line(doc: Doc, k: int, limit: int) -> bool:
    """Whether the space token ``k`` is a line break inside a sentence (the next token starts
    none: see :mod:`selon.extract.segment`), « the French site\nradars-auto.com »."""
    return "\n" in doc[k].text and k + 1 < limit and doc[k + 1].is_sent_start is False and not doc[k + 1].is_punct


def _space_in_name(t: Token) -> bool:
    """Whether the space token ``t`` is a no-break space inside a name (« M.\\xa0Dupont »), not a
    line break."""
    return t.ent_iob_ == "I" and "\n" not in t.text


def _stop_inside(doc: Doc, k: int, limit: int, rules: Rules) -> bool:
    """Whether the stop word at ``k`` stays inside the noun phrase: an agent after a verb
    (« publiés par X ») or a conjunction joining two nouns (« la CGT et la CFDT »)."""
    word = low(doc[k])
    if word in rules.participle_complements and doc[k - 1].pos_ == "VERB":
        return True
    # « un décompte établi après 20 h par X »: an adverbial between a participle and its agent
    part = next((m for m in range(k - 1, max(k - 6, 0), -1) if "VerbForm=Part" in str(doc[m].morph)), None)
    if part is not None and _agent_follows(doc, part, limit, rules):
        return True
    return (
        word in rules.coordinators and k + 1 < limit and doc[k + 1].pos_ in ("DET", "ADP", "PROPN", "NOUN")
        and doc[k + 1].ent_type_ != "PER" and low(doc[k + 1]) not in rules.not_after_coordinator
    )


def apposition(doc: Doc, end: int, limit: int, open_end: bool, rules: Rules) -> int:
    """Extend a mention ending at ``end`` over an apposition after a comma: a name
    (« le porte-parole, Jean Dupont ») or a description closed by a comma (« la CNE, le
    syndicat chrétien, … ») — or, after an incise (``open_end``), by the sentence end."""
    if not (end + 1 < limit and doc[end].text == ","):
        return end
    nxt = doc[end + 1]
    if nxt.ent_type_ == "PER" or (nxt.pos_ == "PROPN" and nxt.text[0].isupper()):
        m = end + 1
        while m < limit and (doc[m].pos_ == "PROPN" or doc[m].ent_type_ == "PER" or doc[m].text[:1].isupper() and not doc[m].is_punct):
            m += 1
        return m
    if nxt.pos_ == "DET" and low(nxt) in rules.definite and doc[end - 1].pos_ == "PROPN":
        m = end + 1
        while m < limit and not (doc[m].is_punct and doc[m].text not in ("-", "'", "’")) and low(doc[m]) not in rules.apposition_stops:
            m += 1
        closed = m < limit and doc[m].text == "," or open_end and (m >= limit or doc[m].text in (".", "!", "?"))
        if closed and m - end <= 10:
            return m
    return end


def np_after(doc: Doc, i: int, limit: int, rules: Rules, *, allow_skip: bool = True,
             open_end: bool = True) -> tuple[int, int] | None:
    """The noun phrase that starts at or shortly after token ``i`` (an inverted subject), as
    a token range, including an apposition with a name (« X, le porte-parole de Y, »)."""
    j = skip_adverbials(doc, i, limit, rules) if allow_skip else i
    j = past_lost_name(doc, j, limit)
    if j >= limit:
        return None
    first = doc[j]
    if first.is_punct or first.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "ADP") and low(first) != rules.of:
        return None
    end = np_extent(doc, j, limit, rules)
    if end <= j:
        return None
    end = apposition(doc, end, limit, open_end, rules)
    # trailing determiners/prepositions
    while end > j and (low(doc[end - 1]) in rules.of_forms or low(doc[end - 1]) in rules.definite
                       or rules.is_mark(doc[end - 1])):
        end -= 1
    return (j, end) if end > j else None


def past_lost_name(doc: Doc, j: int, limit: int) -> int:
    """"said , president of the federation.": where a name was lost with its link, a comma
    written after a space (the name's hole) opens the apposition that is left of the subject;
    the subject starts after it. ``j`` itself otherwise."""
    if j + 1 < limit and j > 0 and doc[j].text == "," and doc[j - 1].whitespace_ and doc[j + 1].pos_ in ("NOUN", "DET") \
            and doc[j + 1].is_lower:
        return j + 1
    return j


def np_before(doc: Doc, end: int, limit: int) -> tuple[int, int] | None:
    """The subject noun phrase ending just before token ``end`` (cue-first sentences)."""
    j = end - 1
    while j >= limit and (doc[j].is_space or doc[j].pos_ == "ADV"):
        j -= 1
    if j < limit or doc[j].pos_ == "ADP":
        return None  # « …, en ajoutant »: what ends with a preposition is no subject
    k = j
    while k >= limit:
        t = doc[k]
        if t.is_punct and t.text not in ("-", "'", "’", ",", "(", ")") or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ"):
            break
        if t.text == "," and not (k - 1 >= limit and doc[k - 1].pos_ in ("PROPN", "NOUN")):
            break
        k -= 1
    start = k + 1
    while start <= j and (doc[start].text == "," or doc[start].pos_ in ("CCONJ", "ADP")):
        start += 1
    return (start, j + 1) if start <= j else None


def detached_participle(doc: Doc, verb: Token, rng: tuple[int, int], group_start: int) -> bool:
    """Whether ``verb`` is a bare participle (« ajoutant », « se disant ») that a comma
    separates from the noun phrase ``rng`` before it: that noun phrase is not its subject (as in
    the absolute « Jean Dupont promettant la fermeté »), the participle depends on its head."""
    if "VerbForm=Part" not in str(verb.morph) or any(c.dep_.startswith("aux") for c in verb.children):
        return False
    return rng[1] <= group_start and any(t.text == "," for t in doc[rng[1] - 1 : group_start])


def subtree_range(tok: Token) -> tuple[int, int]:
    """The token range of a token's subtree."""
    return tok.left_edge.i, tok.right_edge.i + 1


def subject(doc: Doc, verb: Token, rules: Rules) -> tuple[int, int] | None:
    """The subject of ``verb`` as a token range (parser first). Two subjects before the verb
    (« Le porte-parole de X, le colonel Jean Dupont, a dit ») are one apposed mention."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i and low(c) != rules.euphonic_t]
    # « La gorge nouée, le ministre a dit »: an absolute phrase before the subject is none
    absolute = {c.i for c in subjects[:-1] if _absolute(doc[c.right_edge.i])}
    subjects = [c for c in subjects if c.i not in absolute]
    if len(subjects) > 1 and all(c.pos_ in ("NOUN", "PROPN") for c in subjects):
        s = min(c.left_edge.i for c in subjects)
        e = max(c.right_edge.i for c in subjects) + 1
        while e > s and doc[e - 1].text == ",":
            e -= 1
        return s, e
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and low(child) != rules.euphonic_t and child.i not in absolute:
            s, e = subtree_range(child)
            # cut relative clauses and what follows the noun phrase's own comma
            for t in doc[child.i + 1 : e]:
                if t.dep_ in ("acl:relcl",) or low(t) in rules.relatives and t.i > child.i or (
                    t.text == "," and t.i + 1 < e and _detached(doc, t.i + 1)
                ):
                    e = t.i
                    while e > child.i + 1 and doc[e - 1].text in (",",):
                        e -= 1
                    break
            return (child.i if low(child) in rules.impersonal else s, e)
    return None


def _absolute(last: Token) -> bool:
    """Whether a subject ending with ``last`` is an absolute phrase (« La gorge nouée, »): it
    ends with an adjective or participle of its own, right before a comma."""
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    return nxt is not None and nxt.text == "," and last.dep_ == "acl" and last.pos_ in ("ADJ", "VERB")


def _detached(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a detached adjective or participle (« , enceinte, », « , cité par
    l'AFP, »; « La gorge nouée, »), which is no part of a subject's name or role; token ``i``
    may be the comma before it."""
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or i == 0 or doc[i - 1].text != ",":
        return False
    t = doc[i]
    return t.pos_ in ("ADJ", "VERB") or t.dep_ == "acl"
