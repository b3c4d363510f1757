"""Entity mentions: the people, organisations and places an article names.

In: a ``ParsedArticle`` (tokens, sentences and spaCy's named spans over the
article's content blocks). Out: ``Mention``s with kind Person, Organization
or Place, a subtype where the text shows it (Country, City, Region,
Facility, Prison, ...) and the sentence they stand in. ``resolve`` (in
``kg.resolution``, re-exported here) then joins mentions into entities.

The small statistical model is corrected by general means:
- adjacent spans that make one name are joined ("Islamic" + "State");
- leading articles, honorifics and trailing possessives are dropped;
- a name followed by a facility head noun is extended to it ("X prison") and
  becomes a Place of that facility kind;
- the label is fixed with the head noun ("... Forces" is an organisation),
  the country table, and the context ("the city of X", "in X", "X, Lebanon");
- names the model calls people are fixed by their context: a publishing
  platform ("posted on X", "an X account") is an organisation; a model's name
  before a product noun ("X rifles"), a one-word plural ("the Xs"), a group
  word ("Hutu" beside "Hutus") and the portfolio in a title ("Secretary of
  State Jane Doe") are not entities;
- within one article a name keeps one kind (one sense per discourse), decided
  by the strongest evidence among its mentions; a company's bare name ("Acme"
  beside "Acme N.V.") is an organisation;
- names the model missed are added after "the town of" and a locative preposition
  ("in Velmora"), from the alias table ("Da'esh"), from
  acronym definitions ("Operation Example Name (OEN)") and, for a name it
  tagged elsewhere in the article, where it stands alone untagged;
- an office held over a place makes the name a place ("the mayor of X");
- a place in capitals opening a wire story ("QUILLBY, Freedonia (AP) —") is
  written as a name ("Quillby") in its mention.
Nationality and group adjectives ("Iraqi", "Kurdish-led") never become
entities; ``kg.relations`` links them to the country they name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import cache

from kg import names
from kg.aliases import AliasTable, builtin_aliases, load_aliases
from kg.model import Mention, NamedSpan, ParsedArticle, Token
from kg.resolution import Resolution, resolve
from kg.timex.tables import pattern as timex_pattern

__all__ = ["AliasTable", "Resolution", "extract_mentions", "load_aliases", "resolve"]

PERSON, ORGANIZATION, PLACE = "Person", "Organization", "Place"
# Lower-case words inside a name that make it a body's, not a titled person's ("Inspectorate for ...").
ORGANIZATION_CONNECTORS = ("for", "of")
MIN_ROLE_SUFFIX = 6  # a role head this long ends a compound post ("undersecretary"); "chair" would end "armchair"
FLAGGED = "flagged"  # "the Panama-flagged Sea Wren": only a ship flies a flag
GENERIC_FACILITY = "Facility"  # the subtype of facility heads with no class of their own (hospital, dam, ...)
KIND_OF_LABEL = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
LABEL_OF_KIND = {PERSON: "PERSON", ORGANIZATION: "ORG", PLACE: "GPE"}
# What may follow the place name that opens a wire story: "QUILLBY, Freedonia (AP) —", "TOKYO —".
DATELINE_FOLLOWERS = frozenset({",", "(", "—", "–", "-", "--"})
DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
LEADING_JUNK = frozenset({"the", "a", "an", "this", "that", "these", "those"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
HYPHENS = ("-", "–")
SITE_NOUNS = frozenset({"park", "garden", "beach", "square"})  # an appositive's head that makes a place, not a name's
MAX_NAME_WORDS = 3  # a person's name the model missed after a title: "Ana Perovic", "Jean Paul Ndiaye"
COMPASS_POINTS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
SERIAL_WORDS = ("No", "No.", "Number")  # "Prison No. 19", "Unit Number 4"
# Prepositions after which a bare name is a place ("fighting in X", "a post near X").
MAX_ROLE_PHRASE = 7  # words from a role noun to the comma before a name: "spokeswoman for the prosecutor's office"
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "throughout", "inside"})
# ", a 24-year-old ...": an age in the appositive after a name.
AGED = re.compile(r",\s+(?:(?:a|an)\s+\d{1,3}-year-old\b|\d{1,3},)")  # ", a 24-year-old", ", 51,"
# Settlement nouns that, right after a name, say it is a region ("Balochistan province").
REGION_NOUNS = frozenset({"province", "region", "district", "county", "governorate"})
# Titles a portfolio is written before ("Interior Minister", "Home Secretary").
PORTFOLIO_TITLES = frozenset({"minister", "secretary"})
# Labels of names the model gives no kind we keep, that context may still show to be a person's.
OTHER_NAME_LABELS = ("PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP", "LANGUAGE")
GROUP_LABELS = ("NORP", "LANGUAGE")  # "Islamist insurgents": an adjective before a group noun is no name
# When one name's mentions disagree and no context decides, prefer the model's majority,
# then this order (a wrong Place is cheaper than a wrong Person).
KIND_ORDER = (ORGANIZATION, PLACE, PERSON)
STRONG, WEAK = 2, 1
STRONG_VOTE = 1000
MAX_ACRONYM_WORDS = 8
# How far back from "on <Name>" the publishing verb may stand ("shared two videos on X").
MAX_PLATFORM_DISTANCE = 5


@dataclass(frozen=True)
class Draft:
    """A candidate mention over tokens ``[first, last)`` before the per-article vote."""

    first: int
    last: int
    kind: str
    subtype: str | None = None
    strength: int = WEAK  # STRONG when the text (not the model) shows the kind
    located: bool = False  # the context shows a place in its own right ("in X", "the city of X")


def extract_mentions(parsed: ParsedArticle) -> list[Mention]:
    """The named people, organisations and places of the article's content blocks.

    Args:
        parsed: the article after ``kg.nlp.parse_article``.
    Returns:
        Mentions sorted by offset, at most one per character range.
    """
    spans = _joined_spans(parsed)
    groups = _group_words(parsed)
    # A name the article gives a ship is no entity wherever it stands ("the Ocean Crest, a container
    # ship ... The master of the Ocean Crest").
    vessels = {names.normal(_span_text(parsed, first, last)) for first, last, _ in spans if _names_a_vessel(parsed, first, last)}
    spans = [span for span in spans if names.normal(_span_text(parsed, span[0], span[1])) not in vessels]
    drafts = [d for d in (_repair(parsed, first, last, label, groups) for first, last, label in spans) if d]
    drafts += _acronym_expansions(parsed, drafts)
    drafts += _alias_finds(parsed, drafts)
    drafts = _bracketed_acronyms_of_their_names(parsed, _with_dateline_places(parsed, drafts))
    drafts = _inside_blocks(parsed, _without_overlaps(drafts))
    drafts = sorted(drafts + _repeats(parsed, drafts, groups), key=lambda d: d.first)
    return [_to_mention(parsed, d) for d in _one_sense_per_article(parsed, drafts, groups)]


# --- candidate spans -------------------------------------------------------


def _joined_spans(parsed: ParsedArticle) -> list[tuple[int, int, str]]:
    """spaCy's spans, with a group adjective glued to the organisation right after it.

    "Islamic" (NORP) + "State" (ORG) with nothing between them is one name.
    """
    spans = [(s.first, s.last, _unknown_nationality(parsed, s.first, s.last, s.label)) for s in parsed.named_spans]
    joined: list[tuple[int, int, str]] = []
    for first, last, label in spans:
        if joined and joined[-1][2] == "NORP" and label == "ORG" and joined[-1][1] == first:
            joined[-1] = (joined[-1][0], last, "ORG")
        else:
            joined.append((first, last, label))
    joined = _joined_at_particles(parsed, joined)
    joined = _joined_over_and(parsed, joined)
    joined = _joined_over_connectors(parsed, joined)
    joined = [_with_given_names(parsed, span, joined) for span in joined]
    joined += _unlabelled_facilities(parsed, joined)
    joined += _unlabelled_companies(parsed, joined)
    joined += _unlabelled_employers(parsed, joined)
    joined += _unlabelled_settlements(parsed, joined)
    joined += _unlabelled_places(parsed, joined)
    joined += _unlabelled_titled_people(parsed, joined)
    joined = _joined_over_connectors(parsed, sorted(joined))  # "Gasoducto Andino" + "del" + an unlabelled "Sur S.A."
    joined = [_with_untagged_start(parsed, span, joined) for span in joined]
    pieces = [piece for span in joined for verbless in _split_at_verbs(parsed, span) for untitled in _split_at_title(parsed, verbless)
              for piece in _split_at_country_possessive(parsed, untitled)]
    return [span for span in pieces if span[2] in KIND_OF_LABEL]


def _unknown_nationality(parsed: ParsedArticle, first: int, last: int, label: str) -> str:
    """A word the model took for a nationality or a language that is none the tables know: a
    place after "in" ("at his home in Bontolapa"), or the surname of a person the article names;
    a name it took for a law or a work before a body's noun ("the Velmora Dawn party");
    a name it took for a product or a work that a post follows ("Yusuf Rahmat, a spokesman"),
    or that the words around it say is a place ("the town of X", "in X", "X district")."""
    if label in OTHER_NAME_LABELS and last - first > 1 and _in_apposition_to_a_role(parsed, first, last):
        return "PERSON"
    if label in OTHER_NAME_LABELS and label not in GROUP_LABELS and _body_noun_after(parsed, last):
        return "ORG"  # "the Velmora Dawn party" taken for a law
    if label in ("GPE", "LOC") and _after_given_name(parsed, first) and _in_apposition_to_a_role(parsed, first, last):
        return "PERSON"  # "said Juan Velmora, president of the ...", with "Velmora" taken for a place
    if label in ("PRODUCT", "WORK_OF_ART", "EVENT") and (_names_a_landmark(parsed, first, last)
                                                       or all(t.pos == "PROPN" for t in parsed.tokens[first:last])
                                                       and _place_context(parsed, first, last)):
        return "GPE"  # "the town of Thondiyur", "in Tamil Nadu's Ramanathapuram district"
    if label not in ("NORP", "LANGUAGE") or last - first != 1:
        return label
    word = parsed.tokens[first]
    if names.normal(word.text) in names.demonyms() or not word.text[:1].isupper():
        return label
    following = parsed.tokens[last] if last < len(parsed.tokens) else None
    if _after_locative(parsed, first) and (following is None or following.pos != "PROPN" and following.text not in HYPHENS):
        return "GPE"  # not "in the Moravian-Silesian Region"
    surnames = {names.normal(s.text.split()[-1]) for s in parsed.named_spans if s.label == "PERSON" and len(s.text.split()) > 1}
    return "PERSON" if names.normal(word.text) in surnames else label


def _after_given_name(parsed: ParsedArticle, first: int) -> bool:
    """A capitalised proper noun the model left untagged right before the span, hung on it."""
    before = parsed.tokens[first - 1] if first > 0 else None
    return before is not None and before.pos == "PROPN" and before.text[:1].isupper() and not before.ent_type \
        and before.head == first


def _after_locative(parsed: ParsedArticle, first: int) -> bool:
    """"at his home in Bontolapa", "to authorities in the Seychelles": a locative preposition before
    the name, or before its "the"."""
    before = [t.text.casefold() for t in parsed.tokens[max(0, first - 2) : first]]
    if before and before[-1] == "the":
        before.pop()
    return bool(before) and before[-1] in LOCATIVE_PREPOSITIONS


def _joined_at_particles(parsed: ParsedArticle, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Ahmed Salem" + "Ould Baba": a person's name the model split right before a
    patronymic particle (`entities/name_particles.txt`) is one name."""
    joined: list[tuple[int, int, str]] = []
    for first, last, label in spans:
        if joined and joined[-1][2] == label == "PERSON" and joined[-1][1] == first \
                and parsed.tokens[first].text.casefold() in names.lexicon("name_particles"):
            joined[-1] = (joined[-1][0], last, label)
        else:
            joined.append((first, last, label))
    return joined


def _joined_over_and(parsed: ParsedArticle, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Kirkwold and Wharfe NHS Trust", "Federation of Mine and Allied Workers": two spans with
    only "and" between them are one organisation's name when an organisation word opens the
    first or closes the second (a country on the left stays itself: "Britain and European Union")."""
    tokens = parsed.tokens
    heads = names.lexicon("organization_heads")
    joined: list[tuple[int, int, str]] = []
    for first, last, label in spans:
        if joined and joined[-1][1] + 1 == first and tokens[joined[-1][1]].text == "and":
            left_first, left_last, left_label = joined[-1]
            left = _span_text(parsed, left_first, left_last)
            org_worded = names.normal(tokens[left_first].text) in heads or names.normal(tokens[last - 1].text) in heads
            # Two names listed ("the FBI and the Ohio Ethics Commission") stay two.
            listed = names.is_acronym(left) or not tokens[first].text[:1].isupper()
            if org_worded and not listed and not _country(left):
                joined[-1] = (left_first, last, "ORG")
                continue
        joined.append((first, last, label))
    return joined


def _joined_over_connectors(parsed: ParsedArticle, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Ligue Centrafricaine" + "pour la" + "Paix", "Gasoducto Andino" + "del" + "Sur S.A.": an
    organisation's name the model split at the lower-case words of another language
    (`entities/name_connectors.txt`) is one name, whichever part it took for the organisation."""
    tokens = parsed.tokens
    joined: list[tuple[int, int, str]] = []
    for first, last, label in spans:
        if joined and "ORG" in (joined[-1][2], label) and 0 < first - joined[-1][1] <= 2 \
                and all(t.text in names.lexicon("name_connectors") for t in tokens[joined[-1][1] : first]):
            joined[-1] = (joined[-1][0], last, "ORG")
            continue
        joined.append((first, last, label))
    return joined


def _with_given_names(parsed: ParsedArticle, span: tuple[int, int, str], spans: list[tuple[int, int, str]]) -> tuple[int, int, str]:
    """"general Moses Sakala" tagged "Sakala": untagged proper nouns hung on a one-word person's
    name right before it are its given names (titles and honorifics stay out)."""
    first, last, label = span
    if label != "PERSON" or last - first != 1:
        return span  # a tagged given name already: what comes before it may be a title ("Contractor Edgardo Soliman")
    tagged = {i for f, l, _ in spans for i in range(f, l)}
    tokens = parsed.tokens
    while first > 0 and first - 1 not in tagged and tokens[first - 1].pos == "PROPN" and tokens[first - 1].text[:1].isupper() \
            and first <= tokens[first - 1].head < last and tokens[first - 1].text.casefold() not in names.lexicon("role_heads") \
            and tokens[first - 1].text not in names.lexicon("honorifics"):
        first -= 1
    return first, last, label


def _split_at_verbs(parsed: ParsedArticle, span: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """"Keane shot Owen Pritchard" taken for one person: a verb inside a span ends one name and
    the next begins after it."""
    first, last, label = span
    verbs = [i for i in range(first + 1, last - 1) if parsed.tokens[i].tag.startswith("VB") and parsed.tokens[i].text[:1].islower()]
    if not verbs:
        return [span]
    bounds = [first, *[b for v in verbs for b in (v, v + 1)], last]
    return [(bounds[k], bounds[k + 1], label) for k in range(0, len(bounds), 2) if bounds[k] < bounds[k + 1]]


def _split_at_title(parsed: ParsedArticle, span: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """"Norrberg Chief Executive Ingrid Sjoberg" taken for one name (or a work of art): a title
    between two runs of proper nouns ends the employer's name, and the person's begins after it."""
    first, last, label = span
    tokens = parsed.tokens
    head = names.normal(tokens[last - 1].text)
    if head in names.lexicon("organization_heads") or head in names.facility_heads() or _title_end(tokens, first, last) \
            or first > 0 and tokens[first - 1].pos == "PROPN":
        return [span]  # "English Premier League", "Lakeview General Hospital", "[Chief] Financial Officer X"
    for start in range(first + 1, last):
        end = _title_end(tokens, start, last)
        if end is not None and tokens[start - 1].pos == "PROPN" and tokens[first].pos == "PROPN" \
                and all(t.pos == "PROPN" for t in tokens[end:last]) and _written_elsewhere(parsed, first, start):
            # "Ashworth Chief Executive" before the name the model tagged apart: the employer alone.
            return [(first, start, "ORG")] + ([(end, last, "PERSON")] if end < last else [])
    return [span]


def _split_at_country_possessive(parsed: ParsedArticle, span: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """"Freedonia's Department of Tourism" taken for one organisation: the country and its body."""
    first, last, label = span
    tokens = parsed.tokens
    if label != "ORG":
        return [span]
    for mark in range(first + 1, last - 1):
        if tokens[mark].text in POSSESSIVES and _country(_span_text(parsed, first, mark)):
            return [(first, mark, "GPE"), (mark + 1, last, "ORG")]
    return [span]


def _written_elsewhere(parsed: ParsedArticle, first: int, last: int) -> bool:
    """Whether the article writes tokens ``first..last`` somewhere else too ("Norrberg" after
    "Norrberg Mining AB"): a name it uses, not a word of a longer title ("U.S. District Judge")."""
    text = parsed.article.text
    start, end = parsed.tokens[first].start, parsed.tokens[last - 1].end
    pattern = re.compile(r"\b" + re.escape(text[start:end]) + r"\b")
    return any(match.start() != start for match in pattern.finditer(text))


def _title_end(tokens: tuple[Token, ...], start: int, last: int) -> int | None:
    """Where a capitalised title starting at ``start`` ends, if one does by ``last``: titles of one
    to three words, as many as follow each other ("Chief Minister", "Deputy Prime Minister")."""
    titles = names.lexicon("role_heads") | names.lexicon("company_titles") | names.lexicon("state_offices")
    end = None
    while True:
        at = start if end is None else end
        width = next((w for w in (3, 2, 1) if at + w <= last and all(t.text[:1].isupper() for t in tokens[at : at + w])
                      and " ".join(t.text.casefold() for t in tokens[at : at + w]) in titles), None)
        if width is None:
            return end
        end = at + width


def _unlabelled_employers(parsed: ParsedArticle, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Proper nouns the model left untagged before a title and a person's name: "Kallio" in
    "Kallio Chief Executive Jukka Heinonen" (an organisation, or a place its tables know)."""
    tagged = {i for first, last, _ in spans for i in range(first, last)}
    person_starts = {first for first, _, label in spans if label == "PERSON"}
    found = []
    for token in parsed.tokens:
        if token.index in tagged or token.pos != "PROPN" or token.index + 1 in tagged or not token.text[:1].isupper():
            continue
        end = _title_end(parsed.tokens, token.index + 1, len(parsed.tokens))
        if end is None or end not in person_starts:
            continue
        first = _proper_nouns_before(parsed, token.index + 1, tagged)
        if _title_end(parsed.tokens, first, end) is None and _written_elsewhere(parsed, first, token.index + 1) \
                and not (first > 0 and parsed.tokens[first - 1].pos == "PROPN"):
            found.append((first, token.index + 1, "ORG"))  # not "[U.S.] District Judge X", "Chief Financial Officer X"
    return found


def _unlabelled_titled_people(parsed: ParsedArticle, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Two or three proper nouns the model left untagged right after a capitalised title: "Ana
    Perovic" in "Interior Minister Ana Perovic said"."""
    tagged = {i for first, last, _ in spans for i in range(first, last)}
    tokens = parsed.tokens
    found: dict[tuple[int, int, str], None] = {}  # "Prime Minister" and "Minister" end alike
    for token in tokens:
        if token.index in tagged or not token.text[:1].isupper():
            continue
        end = _title_end(tokens, token.index, len(tokens))
        if end is None:
            continue
        last = end
        while last < len(tokens) and last - end < MAX_NAME_WORDS and _untagged_proper_noun(tokens[last], tagged):
            last += 1
        if last - end >= 2 and (last == len(tokens) or tokens[last].pos != "PROPN"):
            found[(end, last, "PERSON")] = None
    return list(found)


def _unlabelled_facilities(parsed: ParsedArticle, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Proper nouns the model left untagged right before a facility noun: "the Karvo prison"."""
    tagged = {i for first, last, _ in spans for i in range(first, last)}
    found = []
    for token in parsed.tokens:
        if token.text.casefold() not in names.facility_heads() or token.index in tagged:
            continue
        first = _proper_nouns_before(parsed, token.index, tagged, token.index)
        if first < token.index:
            found.append((first, token.index, "FAC"))
    return found


def _unlabelled_companies(parsed: ParsedArticle, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Proper nouns the model left untagged before a legal form: "Tasman Iron Ltd chief executive ..."."""
    tagged = {i for first, last, _ in spans for i in range(first, last)}
    found = []
    for token in parsed.tokens:
        if token.text not in names.company_suffixes_as_written() or token.index in tagged:
            continue
        first = _proper_nouns_before(parsed, token.index, tagged)
        if first < token.index:
            found.append((first, token.index + 1, "ORG"))
    return found


def _proper_nouns_before(parsed: ParsedArticle, index: int, tagged: set[int], head: int | None = None) -> int:
    """Where the untagged proper nouns right before token ``index`` begin (depending on ``head`` if given)."""
    first = index
    while first - 1 >= 0 and first - 1 not in tagged and parsed.tokens[first - 1].pos == "PROPN" \
            and (head is None or parsed.tokens[first - 1].head == head):
        first -= 1
    return first


def _with_untagged_start(parsed: ParsedArticle, span: tuple[int, int, str], spans: list[tuple[int, int, str]]) -> tuple[int, int, str]:
    """A place before a settlement noun in lower case takes in the proper nouns the model left
    untagged before it: "Oddar" of "Cambodia's Oddar Meanchey province"."""
    first, last, label = span
    tokens = parsed.tokens
    if label not in ("GPE", "LOC") or last >= len(tokens) or not tokens[last].text.islower() \
            or tokens[last].text not in names.settlement_nouns():
        return span
    tagged = {i for start, end, _ in spans for i in range(start, end)}
    return _proper_nouns_before(parsed, first, tagged), last, label


def _unlabelled_settlements(parsed: ParsedArticle, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Proper nouns the model left untagged after "the town of", "the village of" ("Eldoret"),
    or right before a settlement noun written in lower case ("in Johor state", "Lucanas province")."""
    tagged = {i for first, last, _ in spans for i in range(first, last)}
    tokens = parsed.tokens
    found = []
    for token in tokens:
        if token.text.casefold() in names.settlement_nouns() and token.text.islower() and token.index not in tagged:
            first = _proper_nouns_before(parsed, token.index, tagged, token.index)
            if first < token.index:
                found.append((first, token.index, "GPE"))
        if token.text.casefold() != "of" or token.index < 1 or tokens[token.index - 1].text.casefold() not in names.settlement_nouns():
            continue
        last = token.index + 1
        while last < len(tokens) and tokens[last].pos == "PROPN" and last not in tagged:
            last += 1
        if last > token.index + 1:
            found.append((token.index + 1, last, "GPE"))
    return found


def _unlabelled_places(parsed: ParsedArticle, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Proper nouns the model left untagged right after a locative preposition: "died in a hospital
    in Velmora", "a village near Tarvik". Not an acronym ("in NATO"), a body ("in Parliament"),
    a nationality or language ("in English") or a word of a post."""
    tagged = {i for first, last, _ in spans for i in range(first, last)}
    tokens = parsed.tokens
    found = []
    for token in tokens:
        if token.text.casefold() not in LOCATIVE_PREPOSITIONS:
            continue
        last = token.index + 1
        while last < len(tokens) and _untagged_proper_noun(tokens[last], tagged):
            last += 1
        if last > token.index + 1 and tokens[last - 1].dep == "pobj" and tokens[last - 1].head == token.index \
                and (last == len(tokens) or tokens[last].text not in HYPHENS and tokens[last].tag != "POS"):
            found.append((token.index + 1, last, "GPE"))
    return found


def _untagged_proper_noun(token: Token, tagged: set[int]) -> bool:
    word = names.normal(token.text)
    return token.pos == "PROPN" and token.text[:1].isupper() and not token.text.isupper() and not token.ent_type \
        and token.index not in tagged and word not in names.demonyms() and not any(
            word in names.lexicon(table) for table in ("organization_heads", "government_nouns", "role_heads", "honorifics"))


def _repair(parsed: ParsedArticle, first: int, last: int, label: str, groups: frozenset[str]) -> Draft | None:
    """Trim, extend and relabel one span; None when nothing name-like is left.

    ``groups`` are the article's group nouns: a person-labelled span ending in
    one in the plural loses it ("Freedonia Hutus" -> "Freedonia").
    """
    tokens = parsed.tokens
    strength = WEAK
    kind = KIND_OF_LABEL[label]
    # "the General Inspectorate for Emergency Situations": an organisation's name may open with a title word.
    named_body = label == "ORG" and any(t.text in ORGANIZATION_CONNECTORS for t in tokens[first:last])
    first, last, titled = _trim(tokens, first, last, keep_titles=named_body, plural_titles=label == "PERSON")
    last = _past_cut_connector(parsed, first, last)
    if kind == PERSON and not titled and last - first > 1 and _plural_group(tokens[last - 1], groups):
        last -= 1
    if first >= last or _common_words(parsed, first, last):
        return None
    if titled:
        kind, strength = PERSON, STRONG
    if kind == PERSON and not titled and _common_word_opening_sentence(parsed, first, last):
        return None
    last = _with_legal_form(parsed, first, last)
    last = _with_serial_number(parsed, last)
    if first > 0 and tokens[first - 1].text[:1].isupper() and names.normal(tokens[first - 1].text) in names.lexicon("organization_prefixes"):
        first -= 1  # "Club" + "Atlético Velmora": a club's prefix the model left out
        kind, strength = ORGANIZATION, STRONG
    elif first > 0 and tokens[first - 1].text in names.lexicon("company_nouns") | names.lexicon("club_nouns"):
        kind, strength = ORGANIZATION, STRONG  # "Argentine club Velmora Sur", "the insurer Acme"
    text = _span_text(parsed, first, last)
    if not _looks_like_name(text) or _nationality(text) or _time_zone(text):
        return None
    if kind == PERSON and not titled and _names_a_product(parsed, last):
        return None  # a model's name ("Kalashnikov rifles"); a maker's or operator's ("Acme trucks") stays
    if _portfolio_in_title(parsed, first, last):
        return None
    subtype = "Facility" if label == "FAC" else None
    head = _facility_head_within(parsed, first, last)
    if _names_a_landmark(parsed, first, last):
        return Draft(first, last, PLACE, head or subtype, STRONG)
    if head and kind == PLACE:
        subtype = head  # "the Peñitas Dam" tagged a place: a facility of its head's kind
    elif head and (head != GENERIC_FACILITY or not _names_a_body(parsed, first, last)):
        # "Kafetu Correctional Institution" tagged an organisation is a prison all the same, and
        # "the Daboya Dam" a dam (a hospital or a hotel tagged an organisation stays one).
        return Draft(first, last, PLACE, head, STRONG)
    elif head and kind == PERSON:
        return Draft(first, last, ORGANIZATION, None, STRONG)  # "Velmora Teaching Hospital" taken for a person
    facility = _facility_extension(parsed, first, last)
    if facility:
        last, subtype = facility
        return Draft(first, last, PLACE, subtype, STRONG)
    if _country(text):
        return Draft(first, last, PLACE, "Country", STRONG)
    if last - first > 1 and tokens[first].text[:1].isupper() and names.normal(tokens[first].text) in names.lexicon("place_prefixes"):
        return Draft(first, last, PLACE, None, STRONG)  # "Lake Malawi", "Mount Kenya"
    if last - first > 1 and tokens[first].text[:1].isupper() and names.normal(tokens[first].text) in names.lexicon("organization_prefixes"):
        return Draft(first, last, ORGANIZATION, None, STRONG)  # "Real Ibagué", "Club Cafeteros del Quindío"
    listed = _alias_kind(text)
    if listed:
        return Draft(first, last, listed, None, STRONG)
    if _organization_head(text) or (not titled and (_platform_context(parsed, first, last) or _employer_context(parsed, first)
                                                    or _body_noun_after(parsed, last))):
        return Draft(first, last, ORGANIZATION, None, STRONG)
    if not titled and _said_to_be_a_place(parsed, first, last):
        return Draft(first, last, PLACE, None, STRONG, located=True)
    if kind != PERSON and last - first > 1 and _in_apposition_to_a_role(parsed, first, last):
        return Draft(first, last, PERSON, None, STRONG)
    if kind != ORGANIZATION and not titled and _described_as_an_organisation(parsed, last):
        return Draft(first, last, ORGANIZATION, None, STRONG)
    described = None if titled else _described_as_a_site(parsed, last)
    facility = described in names.facility_heads().values()
    if described and (kind != ORGANIZATION or not facility):  # a body may run a hospital; it is no park
        # "the Akorda, the presidential palace", "Galle Face Green, a seafront park"
        return Draft(first, last, PLACE, described if facility else None, STRONG)
    place = _place_context(parsed, first, last)
    possessed = last < len(tokens) and tokens[last].text in POSSESSIVES
    # "in Smith's view", "outside Acme's headquarters": the owner of what is there, not a place.
    # "In Strelsau's Velmora township, Jane Doe, 23, was shot": an age makes a person, not the township's name.
    if place and (place != PLACE or not possessed or kind == PLACE) and not titled and not _aged(parsed, last):
        return Draft(first, last, PLACE, place if place != PLACE else None, STRONG, located=True)
    return Draft(first, last, kind, subtype, strength)


def _common_words(parsed: ParsedArticle, first: int, last: int) -> bool:
    """No name whatever the label: capitalised adjectives inside a sentence ("two ancient
    Aboriginal rock shelters"; at a sentence's start the capital says nothing: "Quillmoor mayor
    resigns"), or common nouns ("— Gunmen abducted three aid workers", "Management said") unless
    the article writes them as a proper noun elsewhere."""
    tokens = parsed.tokens[first:last]
    adjectives = first != parsed.sentence_of(first).first and all(t.pos == "ADJ" for t in tokens)
    if adjectives:
        return True
    if not all(t.pos == "NOUN" and t.tag in ("NN", "NNS") for t in tokens):
        return False
    # "Reyes was arrested" after "Daniel Reyes": a name written elsewhere as a proper noun stays one.
    words = {t.text for t in tokens}
    return not any(t.pos == "PROPN" and t.text in words for t in parsed.tokens)


def _past_cut_connector(parsed: ParsedArticle, first: int, last: int) -> int:
    """"the State Agency for" + "Dam Safety": a name the model cut after "for" or "of" goes on over
    the capitalised words after it."""
    tokens = parsed.tokens
    if last - first < 2 or tokens[last - 1].text not in ORGANIZATION_CONNECTORS:
        return last
    end = last
    sentence_end = parsed.sentence_of(first).last
    while end < sentence_end and tokens[end].text[:1].isupper() and tokens[end].pos in ("PROPN", "NOUN"):
        end += 1
    return end if end > last else last - 1


def _title_word(word: str, plural: bool) -> bool:
    """A post's noun, or with ``plural`` its plural before several people's names ("Defence
    Ministers X and Y"; not "Reporters Without Borders")."""
    folded = word.casefold()
    return folded in names.lexicon("role_heads") or plural and folded.endswith("s") and folded[:-1] in names.lexicon("role_heads")


def _trim(tokens: tuple[Token, ...], first: int, last: int, keep_titles: bool = False,
          plural_titles: bool = False) -> tuple[int, int, bool]:
    """Drop leading articles, honorifics and role titles and trailing possessives and punctuation.

    Returns the new bounds and whether an honorific stood before the name.
    """
    titled = False
    while first < last:
        word = tokens[first].text
        if word.casefold() in LEADING_JUNK or tokens[first].pos == "PUNCT":
            first += 1
        elif word[:1].islower() and tokens[first].pos != "PROPN" and names.strip_particle(word) == word:
            first += 1  # a verb or common noun the model swept in: "replied State Department"
        elif word in names.lexicon("honorifics"):
            first, titled = first + 1, True
        elif not keep_titles and _title_word(word, plural_titles) and last - first > 1 and tokens[first + 1].text[:1].isupper() \
                and not names.normal(tokens[last - 1].text) in names.lexicon("organization_heads"):
            first += 1  # a title before a name, unless the name is an organisation's ("Premier League")
            titled = titled or word[:1].isupper()  # "Magistrate Winnie Akello": a capitalised title names a person
        else:
            break
    opening = next((i for i in range(first + 1, last) if tokens[i].text == "("), None)
    if opening is not None:
        last = opening  # "Quality Authority (HIQA)": the acronym in brackets is a name of its own
    # A settlement noun or a body's noun in lower case after a name describes it ("Surin province"
    # is Surin, "the People's Voice party" is People's Voice).
    final = tokens[last - 1].text
    if last - first > 1 and final.islower() and (final in names.settlement_nouns() or final in names.lexicon("organization_heads")):
        last -= 1
    # A score the model swept in ("Club Cafeteros del Quindío 2-1"; not "Apollo 11").
    if last - first > 3 and tokens[last - 1].pos == "NUM" and tokens[last - 2].text in HYPHENS and tokens[last - 3].pos == "NUM":
        last -= 3
    while last > first and (tokens[last - 1].text in POSSESSIVES or tokens[last - 1].pos == "PUNCT"):
        last -= 1
    if first > 0 and tokens[first - 1].text in names.lexicon("honorifics"):
        titled = True
    return first, last, titled


def _common_word_opening_sentence(parsed: ParsedArticle, first: int, last: int) -> bool:
    """One word opening its sentence that the tagger reads as a common noun ("Turnout was 52%").

    At a sentence's start the capital is no evidence of a name, so the tagger's
    reading of the word wins over the model's entity label.
    """
    token = parsed.tokens[first]
    return last - first == 1 and first == parsed.sentence_of(first).first and token.tag in {"NN", "NNS"}


def _with_serial_number(parsed: ParsedArticle, last: int) -> int:
    """"Prison No" + ". 19": a name ending in "No." goes on over its number."""
    tokens = parsed.tokens
    if tokens[last - 1].text not in SERIAL_WORDS:
        return last
    end = last + (last < len(tokens) and tokens[last].text == ".")
    return end + 1 if end < len(tokens) and tokens[end].pos == "NUM" else last


def _with_legal_form(parsed: ParsedArticle, first: int, last: int) -> int:
    """The span's end, extended over a legal form the model left out ("Acme Partners" + "LLC")."""
    tokens = parsed.tokens
    sentence_end = parsed.sentence_of(first).last
    while last < sentence_end and tokens[last].text in names.company_suffixes_as_written():
        last += 1
    return last


@cache
def _time_zones() -> re.Pattern:
    return re.compile(timex_pattern("timezone"))


def _time_zone(text: str) -> bool:
    """"(1940 GMT)": a time zone, which the model may take for an organisation."""
    return _time_zones().fullmatch(text) is not None


def _looks_like_name(text: str) -> bool:
    """A name starts with a capital (or a particle like al-) and has a letter."""
    stripped = names.strip_particle(text)
    return bool(stripped) and stripped[0].isupper() and any(ch.isalpha() for ch in text)


def _span_text(parsed: ParsedArticle, first: int, last: int) -> str:
    return parsed.article.text[parsed.tokens[first].start : parsed.tokens[last - 1].end]


def _facility_head_within(parsed: ParsedArticle, first: int, last: int) -> str | None:
    """The facility subtype of the head noun ending a name of two or more words, if it has one
    (not in a body's name: "Federation of Mine [and Allied Workers]", "Ministry of Ports")."""
    tokens = parsed.tokens
    if last - first > 2 and tokens[first].text.casefold() in names.lexicon("organization_heads") and tokens[first + 1].text == "of":
        return None
    for width in (2, 1):
        if last - first > width:
            phrase = " ".join(t.text.casefold() for t in tokens[last - width : last])
            if phrase in names.facility_heads():
                return names.facility_heads()[phrase]
    return None


def _names_a_body(parsed: ParsedArticle, first: int, last: int) -> bool:
    """A facility's name that may also name the body running it ("Asafo Regional Hospital"),
    by its head noun (`entities/body_facility_heads.txt`)."""
    words = [t.text.casefold() for t in parsed.tokens[first:last]]
    return any(" ".join(words[-width:]) in names.lexicon("body_facility_heads") for width in (2, 1))


def _names_a_landmark(parsed: ParsedArticle, first: int, last: int) -> bool:
    """True when a name of two or more words ends in a landmark's noun (`entities/landmark_heads.txt`)."""
    heads = names.lexicon("landmark_heads")
    return any(last - first > width and " ".join(t.text.casefold() for t in parsed.tokens[last - width : last]) in heads
               for width in (2, 1))


def _facility_extension(parsed: ParsedArticle, first: int, last: int) -> tuple[int, str] | None:
    """``(new_last, subtype)`` when the name is followed by a facility head noun.

    "X prison" is a facility named X. Not when the name is a country ("a Syria
    prison" is a description) or the noun is plural ("US prisons").
    """
    tokens = parsed.tokens
    text = _span_text(parsed, first, last)
    if _country(text):
        return None
    if first > 0 and tokens[first - 1].text.casefold() in {"a", "an"}:
        return None
    for width in (2, 1):
        end = last + width
        if end > len(tokens) or parsed.sentence_of(first).last < end:
            continue
        head = tokens[end - 1]
        phrase = " ".join(t.text.casefold() for t in tokens[last:end])
        if phrase in names.facility_heads() and head.tag not in {"NNS", "NNPS"}:
            return end, names.facility_heads()[phrase]
    return None


def _country(text: str) -> bool:
    """True when the name is a country's, as the country table or the alias table has it."""
    return names.normal(text) in names.countries() or _alias_country(text)


def _alias_country(text: str) -> bool:
    """True when the alias table ties the name to a country ("US" -> United States)."""
    table = builtin_aliases()
    for index in table.groups_of(text, PLACE):
        if any(names.normal(n) in names.countries() for n in table.groups[index].names):
            return True
    return False


def _alias_kind(text: str) -> str | None:
    """The kind the alias table gives a well-known name ("United Nations" is an organisation)."""
    table = builtin_aliases()
    kinds = {table.groups[i].kind for kind in KIND_ORDER for i in table.groups_of(text, kind)}
    return kinds.pop() if len(kinds) == 1 else None


def _organization_head(text: str) -> bool:
    """"Syrian Democratic Forces", "Ministry of Defence": an organisation by its head noun."""
    parts = text.split()
    if len(parts) < 2:
        return False
    if parts[-1].casefold() in names.lexicon("organization_heads") or names.normal(parts[-1]) in names.company_suffixes():
        return True
    return parts[0].casefold() in names.lexicon("organization_heads") and parts[1].casefold() == "of"


def _group_words(parsed: ParsedArticle) -> frozenset[str]:
    """Plural words the model tags as groups (NORP) in the article, and their singulars.

    "Hutus" tagged as a group in one sentence makes "Hutu" a group word in the
    next, where the model may have called it a person. Only plurals count: the
    model also tags a person's name as NORP now and then.
    """
    found = set()
    for span in parsed.named_spans:
        word = names.normal(span.text)
        if span.label == "NORP" and span.last - span.first == 1 and word.endswith("s") and len(word) > 3:
            found.update({word, word[:-1]})
    return frozenset(found)


def _plural_group(token: Token, groups: frozenset[str]) -> bool:
    word = names.normal(token.text)
    return word.endswith("s") and word in groups


def _names_a_product(parsed: ParsedArticle, last: int) -> bool:
    """"Bradley fighting vehicles", "Apache helicopters": the name of a model of made thing.

    True when a product noun (``product_nouns.txt``) heads the words after the
    name, at most one lower-case word between them ("a truck plant" is a plant).
    """
    tokens = parsed.tokens
    sentence = parsed.sentence_of(last - 1)
    for width in (1, 2):
        end = last + width
        if end > sentence.last:
            return False
        if not all(t.text[:1].islower() for t in tokens[last:end]):
            return False
        head = tokens[end - 1]
        compound_goes_on = end < sentence.last and (tokens[end].pos in {"NOUN", "PROPN"} or tokens[end].text == "-")
        if head.lemma.casefold() in names.product_nouns() and head.pos == "NOUN" and not compound_goes_on:
            return True
    return False


def _names_a_vessel(parsed: ParsedArticle, first: int, last: int) -> bool:
    """"the ferry Mphatso", "the Liberian-flagged Coral Dawn", "the Ocean Crest, a container ship":
    a ship's name, no entity."""
    vessels = names.lexicon("vessel_nouns")
    head = _appositive_head(parsed, last)
    return first > 0 and _ship_word(parsed.tokens[first - 1], vessels) or head is not None and head.lemma.casefold() in vessels


def _ship_word(token: Token, vessels: frozenset[str]) -> bool:
    """A ship noun (the model now and then takes one before a name for an adjective: "the frigate
    Almirante Sol") or a flag ("Liberian-flagged", which only a ship flies)."""
    return token.pos in ("NOUN", "ADJ") and bool({token.text.casefold(), token.lemma.casefold()} & vessels) \
        or token.text.casefold().endswith(FLAGGED)


def _portfolio_in_title(parsed: ParsedArticle, first: int, last: int) -> bool:
    """"Secretary of State Jane Doe": "State" is part of the title, not an organisation.

    True when a role noun and "of" stand before the span and a person's name
    follows it, unless the span is a country ("President of Freedonia Jane Doe");
    also for a nationality and a portfolio before a role noun ("Italian Civil
    Protection Minister Jane Doe", "Spanish Transport Minister").
    """
    tokens = parsed.tokens
    sentence = parsed.sentence_of(first)
    if _national_portfolio(parsed, first, last):
        return True
    if first - 2 < sentence.first or tokens[first - 1].text != "of" or last >= sentence.last:
        return False
    if tokens[first - 2].text.casefold() not in names.lexicon("role_heads") or tokens[last].ent_type != "PERSON":
        return False
    if _place_office_before(parsed, first - 1):
        return False  # "Governor of Examplia Jane Doe": the place the office governs
    text = _span_text(parsed, first, last)
    return not _country(text)


def _national_portfolio(parsed: ParsedArticle, first: int, last: int) -> bool:
    """A ministry's portfolio written before the title: a span opening with a nationality and
    followed by a role noun ("Italian Civil Protection Minister"), or any span followed by
    "Minister" or "Secretary" and a name ("Interior Minister Rodrigo Alvarado")."""
    tokens = parsed.tokens
    following = tokens[last].text.casefold() if last < len(tokens) else ""
    if following in PORTFOLIO_TITLES and last + 1 < len(tokens) and tokens[last + 1].text[:1].isupper():
        text = _span_text(parsed, first, last)
        return not _country(text)
    if last - first < 2 or names.normal(tokens[first].text) not in names.demonyms():
        return False
    return following in names.lexicon("role_heads")


def _platform_context(parsed: ParsedArticle, first: int, last: int) -> bool:
    """"shared videos on X", "a post on X", "X account": a publishing platform, an organisation.

    True when "on" or "via" stands before the name and the nearest verb before
    that publishes (``media_cues.txt`` [verbs]), or a platform noun ([nouns])
    follows the name.
    """
    tokens = parsed.tokens
    sentence = parsed.sentence_of(first)
    if last < sentence.last and tokens[last].pos == "NOUN" and tokens[last].lemma.casefold() in names.media_cues()["nouns"]:
        return True
    if first - 1 <= sentence.first or tokens[first - 1].text.casefold() not in {"on", "via"}:
        return False
    for index in range(first - 2, max(sentence.first, first - 2 - MAX_PLATFORM_DISTANCE) - 1, -1):
        if tokens[index].pos in {"VERB", "AUX"}:
            return tokens[index].lemma.casefold() in names.media_cues()["verbs"]
    return False


def _employer_context(parsed: ParsedArticle, first: int) -> bool:
    """"a forward of X", "a lawyer at X": a profession's "of"/"at" names who employs it, a club or a firm."""
    tokens = parsed.tokens
    sentence = parsed.sentence_of(first)
    if first - 2 < sentence.first or tokens[first - 1].text.casefold() not in ("of", "at"):
        return False
    return tokens[first - 2].text.casefold() in names.professions() and tokens[first - 2].pos == "NOUN"


def _place_context(parsed: ParsedArticle, first: int, last: int) -> str | None:
    """What the words around a name say about it being a place.

    "the city of X" -> the settlement's subtype; "the mayor of X" and "X Mayor Jane
    Doe" -> the subtype the office governs; "X, <country>" -> City; "in X" and "a man
    from X" -> Place; else None.
    """
    tokens = parsed.tokens
    sentence = parsed.sentence_of(first)
    if first - 2 >= sentence.first and tokens[first - 1].text.casefold() in ("of", ","):
        noun = tokens[first - 2].text.casefold()  # "the town of X", "the second-largest island, X"
        if noun in names.settlement_nouns():
            return names.settlement_nouns()[noun]
        office = _place_office_before(parsed, first - 1) if tokens[first - 1].text.casefold() == "of" else None
        if office:  # "the mayor of X"; "The governor, X" names the governor
            return office
    if last + 1 < sentence.last and tokens[last].text == ",":
        following = _name_after(parsed, last + 1)
        if following and not (following.last < sentence.last and tokens[following.last].text in POSSESSIVES):
            if _country(following.text):
                return "City"
    if first - 1 >= sentence.first and tokens[first - 1].text.casefold() in LOCATIVE_PREPOSITIONS:
        if not names.is_acronym(_span_text(parsed, first, last)):
            return PLACE
    if first - 2 >= sentence.first and tokens[first - 1].text.casefold() == "from" \
            and tokens[first - 2].text in names.lexicon("origin_nouns"):
        return PLACE  # "a man from X"
    if first - 2 >= sentence.first and tokens[first - 1].text.casefold() == "of" \
            and tokens[first - 2].text.casefold() in COMPASS_POINTS:
        return PLACE  # "south of X"
    return _office_after(parsed, last) or _settlement_after(parsed, last)


def _settlement_after(parsed: ParsedArticle, last: int) -> str | None:
    """"the Balochistan province", "El Guacharal, a village of 300 people": a settlement noun
    right after the name, or heading its appositive, says what kind of place it is."""
    tokens = parsed.tokens
    head = _appositive_head(parsed, last)
    if head is not None:
        return names.settlement_nouns().get(head.text.casefold())  # not "a village chief"
    word = tokens[last].text.casefold() if last < len(tokens) else ""
    # Right after the name, only "province", "region" ... ("X village" may be a name of its own),
    # or any settlement noun placed in another place ("the Gaviotas neighborhood of Villahermosa").
    placed = last + 1 < len(tokens) and tokens[last + 1].text.casefold() in ("of", "in")
    return names.settlement_nouns().get(word) if word in REGION_NOUNS or placed else None


def _appositive_head(parsed: ParsedArticle, last: int) -> Token | None:
    """The noun heading ", a [adjectives] <nouns>" after a name: the last of the nouns
    ("a battalion commander", "a village chief", "a group that ..."); a possessor opening the
    phrase is no head of it (", the country's parliament", ", Lithuania's parliament")."""
    tokens = parsed.tokens
    after = list(tokens[last : last + 10])
    if len(after) < 3 or after[0].text != ",":
        return None
    if after[1].text.casefold() in ("a", "an", "the"):
        words = after[2:]
    elif after[1].pos == "PROPN" and after[2].tag == "POS":
        words = after[3:]
    else:
        return None
    run: list[Token] = []
    for t in words:
        if t.tag == "HYPH" and run:
            run.pop()  # "a state-owned arms maker": the word before a hyphen modifies, it heads nothing
        elif t.tag == "POS" and run:
            run = []  # "the country's": the possessor, not the head
        elif t.pos == "NOUN":
            run.append(t)
        elif run or t.pos not in ("ADJ", "NUM", "PUNCT", "PROPN") and t.tag != "VBN":
            break  # a name may modify the head: ", the Kazakh presidential palace"
    return run[-1] if run else None


def _office_after(parsed: ParsedArticle, last: int) -> str | None:
    """"Roccaverde Mayor Piero Bessone": an office held over a place, written after its name
    and before a person's, makes the name that kind of place."""
    tokens = parsed.tokens
    for width in (2, 1):
        end = last + width
        if end < len(tokens) and tokens[end].text[:1].isupper():
            office = " ".join(t.text.casefold() for t in tokens[last:end])
            if office in names.place_offices() and all(t.text[:1].isupper() for t in tokens[last:end]):
                return names.place_offices()[office]
    return None


def _aged(parsed: ParsedArticle, last: int) -> bool:
    """An age right after the name: ", 23,", ", a 24-year-old"."""
    tokens = parsed.tokens
    return AGED.match(parsed.article.text, tokens[last].start if last < len(tokens) else len(parsed.article.text)) is not None


def _in_apposition_to_a_role(parsed: ParsedArticle, first: int, last: int) -> bool:
    """"Pueyo's lawyer, Beatriz Sancho,", "Anouk Meijer, head of the unit", "Nasrin Akter, a
    24-year-old machine operator", "Kenyan nurse Faith Njoroge": a post, a profession or an age
    names a person."""
    tokens = parsed.tokens
    sentence = parsed.sentence_of(first)
    if _aged(parsed, last):
        return True
    # "Kenyan nurse Faith Njoroge", "health ministry spokeswoman Tereza Novotna": a profession or
    # a post written in lower case right before the name.
    if first > sentence.first and (tokens[first - 1].text in names.professions()
                                   or tokens[first - 1].text.islower() and tokens[first - 1].text in names.lexicon("role_heads")):
        return True
    before = first - 2 >= sentence.first and tokens[first - 1].text == "," and _role_phrase_before(parsed, first - 1)
    after = tokens[last : min(sentence.last, last + 5)]
    if not after or after[0].text != ",":
        return before
    words = [t for t in after[1:] if t.text.casefold() not in ("a", "an", "the") and t.tag != "POS" and t.pos != "PROPN"]
    head = _appositive_head(parsed, last)
    # "a former public works undersecretary": the noun heading the appositive names the post.
    return before or bool(words) and words[0].text.casefold() in names.lexicon("role_heads") \
        or head is not None and _names_a_post(head.text.casefold())


def _names_a_post(noun: str) -> bool:
    """A role head, or a compound ending in one ("undersecretary", "co-founder")."""
    return noun in names.lexicon("role_heads") or any(noun.endswith(head) for head in names.lexicon("role_heads")
                                                        if len(head) >= MIN_ROLE_SUFFIX and " " not in head)


def _described_as_an_organisation(parsed: ParsedArticle, last: int) -> bool:
    """"Ansar al-Rovuma, a group that has waged ...", "the Mai-Mai Kyavirimu, a militia that ...": an
    appositive organisation noun."""
    head = _appositive_head(parsed, last)
    nouns = names.lexicon("organization_heads") | names.lexicon("company_nouns") | names.lexicon("group_nouns")
    return head is not None and head.text.casefold() in nouns


def _described_as_a_site(parsed: ParsedArticle, last: int) -> str | None:
    """", the presidential palace", ", a maximum-security prison", ", a seafront park": the facility
    kind an appositive names, or the landmark noun it is headed by."""
    head = _appositive_head(parsed, last)
    if head is None:
        return None
    noun = head.text.casefold()
    return names.facility_heads().get(noun) or (noun if noun in names.lexicon("landmark_heads") | SITE_NOUNS else None)


def _nationality(text: str) -> bool:
    """"Tajik", and its people in the plural ("nine Tajiks"): a nationality, not a name."""
    word = names.normal(text)
    plural = word.endswith("s") and word[:-1] in names.demonyms() and word not in names.countries()  # not "Philippines"
    return word in names.demonyms() or plural


def _body_noun_after(parsed: ParsedArticle, last: int) -> bool:
    """"the Velmora Dawn party", "the Los Tecolotes gang": a party's, club's or group's noun in lower
    case right after the name (not "the Obama administration")."""
    tokens = parsed.tokens
    nouns = names.lexicon("club_nouns") | names.lexicon("group_nouns")
    return last < len(tokens) and tokens[last].text.islower() and tokens[last].text in nouns


def _role_phrase_before(parsed: ParsedArticle, comma: int) -> bool:
    """"Pueyo's lawyer, X", "a spokeswoman for the prosecutor's office, X": a role noun heads
    the phrase that ends at the comma before a name."""
    tokens = parsed.tokens
    start = max(parsed.sentence_of(comma).first, comma - MAX_ROLE_PHRASE)
    for i in range(comma - 1, start - 1, -1):
        if tokens[i].text in (",", ";", ":") or tokens[i].pos in ("VERB", "AUX"):
            return False
        if tokens[i].pos == "NOUN" and tokens[i].text in names.lexicon("role_heads"):
            return True
    return False


def _said_to_be_a_place(parsed: ParsedArticle, first: int, last: int) -> bool:
    """Contexts no person's or organisation's name stands in: "a Lyon-based charity", "from X to Y"."""
    tokens = parsed.tokens
    sentence = parsed.sentence_of(first)
    seat = last + 1 < sentence.last and tokens[last].text == "-" and tokens[last + 1].text.casefold() in names.SEAT_WORDS
    return seat or _journey_end(parsed, first, last)


def _journey_end(parsed: ParsedArticle, first: int, last: int) -> bool:
    """One end of "from X to Y", both ends capitalised names."""
    tokens = parsed.tokens
    sentence = parsed.sentence_of(first)
    before = tokens[first - 1].text.casefold() if first - 1 >= sentence.first else ""
    if before == "from":
        ahead = [t for t in tokens[last : min(sentence.last, last + 4)]]
        return any(t.text.casefold() == "to" and t.index + 1 < sentence.last and tokens[t.index + 1].text[:1].isupper() for t in ahead)
    if before == "to":
        back = tokens[max(sentence.first, first - 6) : first - 1]
        return any(t.text.casefold() == "from" and tokens[t.index + 1].text[:1].isupper() for t in back)
    return False


def _place_office_before(parsed: ParsedArticle, of: int) -> str | None:
    """The subtype of place the office ending before token ``of`` governs ("mayor", "deputy mayor")."""
    tokens = parsed.tokens
    floor = parsed.sentence_of(of).first
    for width in (2, 1):
        if of - width >= floor:
            office = " ".join(t.text.casefold() for t in tokens[of - width : of])
            if office in names.place_offices():
                return names.place_offices()[office]
    return None


def _name_after(parsed: ParsedArticle, index: int) -> NamedSpan | None:
    """The named span starting at token ``index``, if any."""
    for span in parsed.named_spans:
        if span.first == index and span.label in KIND_OF_LABEL:
            return span
    return None


# --- names the model missed ------------------------------------------------


def _acronym_expansions(parsed: ParsedArticle, drafts: list[Draft]) -> list[Draft]:
    """Names defined by an acronym after them: "Operation Example Name (OEN)".

    The capitalised words before "(ACRONYM)" whose initials spell it become a
    mention of the acronym's kind, unless a mention already covers them.
    """
    tokens = parsed.tokens
    found = []
    by_first = {d.first: d for d in drafts}
    for i in range(1, len(tokens) - 2):
        if tokens[i].text != "(" or tokens[i + 2].text != ")" or not names.is_acronym(tokens[i + 1].text):
            continue
        letters = names.acronym_letters(tokens[i + 1].text)
        start = _expansion_start(parsed, i, letters)
        # A draft inside the expansion gives way to it; one across its edges means doubt.
        if start is None or any(d.first < start < d.last or d.first < i < d.last or (d.first, d.last) == (start, i)
                                for d in drafts):
            continue
        acronym = by_first.get(i + 1)
        found.append(Draft(start, i, acronym.kind if acronym else ORGANIZATION, None, STRONG))
    return found


def _expansion_start(parsed: ParsedArticle, paren: int, letters: str) -> int | None:
    """The first token of the capitalised run before ``paren`` whose initials are ``letters``."""
    tokens = parsed.tokens
    floor = max(parsed.sentence_of(paren).first, paren - MAX_ACRONYM_WORDS)
    for start in range(paren - 1, floor - 1, -1):
        word = tokens[start].text
        if not (word[:1].isupper() or word.casefold() in names.FUNCTION_WORDS):
            return None
        if word[:1].isupper() and names.initials(_span_text(parsed, start, paren)) == letters:
            return start
    return None


def _alias_finds(parsed: ParsedArticle, drafts: list[Draft]) -> list[Draft]:
    """Well-known alias names the model did not tag ("Da'esh"), matched case-sensitively."""
    by_start = {t.start: t.index for t in parsed.tokens}
    by_end = {t.end: t.index for t in parsed.tokens}
    taken = {i for d in drafts for i in range(d.first, d.last)}
    found = []
    text = parsed.article.text
    for pattern, kind in _alias_patterns():
        for block in parsed.blocks:
            for match in pattern.finditer(text, block.start, block.end):
                first, end = by_start.get(match.start()), by_end.get(match.end())
                if first is None or end is None or any(i in taken for i in range(first, end + 1)):
                    continue
                subtype = "Country" if kind == PLACE and _alias_country(match.group()) else None
                found.append(Draft(first, end + 1, kind, subtype, STRONG))
                taken.update(range(first, end + 1))
    return found


@cache
def _alias_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """One regex per kind over the built-in alias names, longest first."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for group in builtin_aliases().groups:
        by_kind[group.kind or ORGANIZATION].extend(group.names)
    patterns = []
    for kind, alias_names in sorted(by_kind.items()):
        alternatives = [_alias_regex(n) for n in sorted(set(alias_names), key=lambda n: (-len(n), n))]
        patterns.append((re.compile(r"(?<![\w.])(?:" + "|".join(alternatives) + r")(?![\w])"), kind))
    return tuple(patterns)


def _alias_regex(name: str) -> str:
    """A name as a regex, any apostrophe standing for any other."""
    return "".join(f"[{names.APOSTROPHES}]" if ch in names.APOSTROPHES else re.escape(ch) for ch in name)


def _repeats(parsed: ParsedArticle, drafts: list[Draft], groups: frozenset[str]) -> list[Draft]:
    """Later or earlier writings of a name the model tagged once but not everywhere.

    "Quillby mayor resigns ... the mayor of Quillby, ...": the same words,
    capitalised as tagged, standing alone (no capitalised word glued before or
    after them), become a mention too, repaired in their own context. A
    company's name without its legal form ("Acme" of "Acme AB") counts too,
    and so does a person's surname ("Morrow" after "Dale Morrow").
    """
    tokens = parsed.tokens
    by_first: dict[str, set[tuple[tuple[str, ...], str]]] = defaultdict(set)
    for d in drafts:
        words = tuple(t.text for t in tokens[d.first : d.last])
        by_first[words[0]].add((words, LABEL_OF_KIND[d.kind]))
        base = names.company_base(_span_text(parsed, d.first, d.last))
        if base and len(base.split()) < len(words):  # "Acme" alone is the company "Acme AB"
            by_first[words[0]].add((words[: len(base.split())], LABEL_OF_KIND[ORGANIZATION]))
        if d.kind == PERSON and len(words) > 1 and _surname_like(words[-1]):  # "Morrow" of "Dale Morrow"
            by_first[words[-1]].add(((words[-1],), LABEL_OF_KIND[PERSON]))
    taken = {i for d in drafts for i in range(d.first, d.last)}
    starts = [b.start for b in parsed.blocks]
    found = []
    for token in tokens:
        if token.index in taken or token.text not in by_first:
            continue
        block = parsed.blocks[bisect_right(starts, token.start) - 1] if starts else None
        if block is None or not block.start <= token.start < block.end:
            continue
        for words, label in sorted(by_first[token.text], key=lambda w: -len(w[0])):
            last = token.index + len(words)
            if tuple(t.text for t in tokens[token.index : last]) != words or tokens[last - 1].end > block.end:
                continue
            if taken.intersection(range(token.index, last)) or not _stands_alone(parsed, token.index, last):
                continue
            draft = _repair(parsed, token.index, last, label, groups)
            if draft:
                found.append(draft)
                taken.update(range(draft.first, draft.last))
            break
    return found


def _surname_like(word: str) -> bool:
    """A capitalised word of letters that can stand for a person later: not "Jr." or an initial."""
    return len(word) > 2 and word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha()


def _stands_alone(parsed: ParsedArticle, first: int, last: int) -> bool:
    """No capitalised word right before or after ``[first, last)`` in its sentence ("Keller Industries")."""
    tokens = parsed.tokens
    sentence = parsed.sentence_of(first)
    before = first - 1 >= sentence.first and tokens[first - 1].pos == "PROPN"
    after = last < sentence.last and tokens[last].pos == "PROPN"
    return not (before or after)


# --- choosing and finishing ------------------------------------------------


def _without_overlaps(drafts: list[Draft]) -> list[Draft]:
    """Keep the longest of overlapping drafts (the first found on a tie)."""
    kept: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: (-(d.last - d.first), d.first)):
        if all(draft.last <= k.first or draft.first >= k.last for k in kept):
            kept.append(draft)
    return sorted(kept, key=lambda d: d.first)


def _inside_blocks(parsed: ParsedArticle, drafts: list[Draft]) -> list[Draft]:
    tokens = parsed.tokens
    return [
        d
        for d in drafts
        if any(b.start <= tokens[d.first].start and tokens[d.last - 1].end <= b.end for b in parsed.blocks)
    ]


def _one_sense_per_article(parsed: ParsedArticle, drafts: list[Draft], groups: frozenset[str]) -> list[Draft]:
    """Give every mention of one name in an article the same kind and subtype.

    The kind with the most strong (textual) evidence wins, then the model's
    majority; a single word that is the last word of a person's full name in
    the article counts as strong evidence for Person, the leading words of a
    company's name ("Acme" of "Acme N.V.") as strong evidence for Organization
    unless they are such a surname or a place in their own right ("in Acme").
    A one-word "person" that is a plural ("the Bradleys") or one of the
    article's ``groups`` ("Hutu" beside "Hutus") is dropped, unless it is a surname;
    so is a surname first written after two full names that end in it (which person is unsaid).
    """
    surnames = _surnames(parsed, drafts)
    shared = _shared_surnames(parsed, drafts)
    companies = _company_names(parsed, drafts)
    located = {names.normal(_span_text(parsed, d.first, d.last)) for d in drafts if d.located}
    votes: dict[str, Counter] = defaultdict(Counter)
    subtypes: dict[str, Counter] = defaultdict(Counter)
    for d in drafts:
        key = names.normal(_span_text(parsed, d.first, d.last))
        votes[key][d.kind] += _vote(d.strength)
        if key in surnames:
            votes[key][PERSON] += _vote(STRONG)
        if key in companies and key not in surnames and key not in located:
            votes[key][ORGANIZATION] += _vote(STRONG)
        if d.subtype:
            subtypes[key][(d.kind, d.subtype)] += d.strength
    facilities = _facility_modifiers(parsed, drafts)
    first_bare: dict[str, int] = {}
    for d in drafts:
        if d.last - d.first == 1:
            first_bare.setdefault(names.normal(_span_text(parsed, d.first, d.last)), d.first)
    decided = []
    for d in drafts:
        key = names.normal(_span_text(parsed, d.first, d.last))
        kind = max(votes[key], key=lambda k: (votes[key][k], -KIND_ORDER.index(k)))
        typed = [(n, s) for (k, s), n in subtypes[key].items() if k == kind]
        subtype = max(typed)[1] if typed else None
        if key in facilities and not typed and kind != PERSON and votes[key][kind] < STRONG_VOTE:
            # "the Dalmakah prison" makes "Dalmakah" the prison, unless the text says what else it is
            # ("the Velsk, Freedonia's parliament" beside "the Velsk Palace").
            kind, subtype = PLACE, facilities[key]
        if kind == PERSON and key not in surnames and (_plural_word(parsed, d) or key in groups):
            continue  # "the Bradleys", "Hutu" beside "Hutus": a group or a thing, not a person
        if kind == PERSON and d.last - d.first == 1 and len(_named_before(shared.get(key, {}), first_bare[key])) > 1:
            # "Pritchard" after Owen and Joanne Pritchard were both named: which one is unsaid; but a
            # surname already standing for one of them before the other was named goes on doing so.
            continue
        decided.append(replace(d, kind=kind, subtype=subtype))
    return decided


def _vote(strength: int) -> int:
    """One textual (strong) reading outweighs any number of the model's labels."""
    return STRONG_VOTE if strength == STRONG else 1


def _plural_word(parsed: ParsedArticle, draft: Draft) -> bool:
    """A one-word name the tagger reads as a plural ("Bradleys"), with no title before it."""
    token = parsed.tokens[draft.first]
    titled = draft.first > 0 and parsed.tokens[draft.first - 1].text in names.lexicon("honorifics")
    return draft.last - draft.first == 1 and token.tag in {"NNS", "NNPS"} and token.text.endswith("s") and not titled


def _company_names(parsed: ParsedArticle, drafts: list[Draft]) -> set[str]:
    """Leading words of the article's company names: "Acme" and "Acme International" of
    "Acme International Inc." or of "Acme International, a shipping company", and "Adom Sound" of
    "Adom Sound Records" (`entities/company_name_heads.txt`); a bare mention of them is that
    company, not a person or place."""
    found = set()
    for d in drafts:
        base = names.company_base(_span_text(parsed, d.first, d.last)) or _described_company(parsed, d)
        if base:
            parts = base.split()
            found.update(" ".join(parts[:size]) for size in range(1, len(parts) + 1))
        elif d.kind == ORGANIZATION and (short := _before_company_head(parsed, d)):
            found.add(short)  # "Adom Sound" of "Adom Sound Records": two words at least, not "Kenya" of "Kenya Airways"
    return found


def _before_company_head(parsed: ParsedArticle, draft: Draft) -> str | None:
    words = _span_text(parsed, draft.first, draft.last).split()
    if len(words) > 2 and words[-1] in names.lexicon("company_name_heads"):
        return names.normal(" ".join(words[:-1]))
    return None


def _described_company(parsed: ParsedArticle, draft: Draft) -> str | None:
    """The name of an organisation described as a company ("Osprey Bulk Shipping, a company based in ...")."""
    head = _appositive_head(parsed, draft.last) if draft.kind == ORGANIZATION else None
    return names.normal(_span_text(parsed, draft.first, draft.last)) \
        if head is not None and head.lemma.casefold() in names.lexicon("company_nouns") else None


def _facility_modifiers(parsed: ParsedArticle, drafts: list[Draft]) -> dict[str, str]:
    """Bare names that, in this article, only name a facility: "Karvo" beside "Karvo prison".

    A name with its own place evidence ("in X", "the city of X") is left alone:
    "X prison" is then a prison named after the place X.
    """
    located = {names.normal(_span_text(parsed, d.first, d.last)) for d in drafts if d.located}
    found = {}
    for d in drafts:
        if d.subtype in names.facility_heads().values() and d.last - d.first > 1:
            for width in (1, 2):
                modifier = names.normal(_span_text(parsed, d.first, d.last - width))
                phrase = " ".join(t.text.casefold() for t in parsed.tokens[d.last - width : d.last])
                if phrase in names.facility_heads() and modifier not in located:
                    found[modifier] = d.subtype
    return found


def _surnames(parsed: ParsedArticle, drafts: list[Draft]) -> set[str]:
    """Normal forms of the last words (and particle-less last words) of multi-word person names."""
    found = set()
    for d in drafts:
        if d.kind == PERSON and d.last - d.first > 1:
            last_word = names.words(_span_text(parsed, d.first, d.last))[-1]
            found.update({names.normal(last_word), names.normal(names.strip_particle(last_word))})
    return found


def _shared_surnames(parsed: ParsedArticle, drafts: list[Draft]) -> dict[str, dict[str, int]]:
    """Surnames two different full names of the article end in: surname -> full name -> the
    token where it is first written."""
    owners: dict[str, dict[str, int]] = defaultdict(dict)
    for d in drafts:
        if d.kind == PERSON and d.last - d.first > 1:
            text = _span_text(parsed, d.first, d.last)
            owners[names.normal(names.words(text)[-1])].setdefault(names.normal(text), d.first)
    return {surname: full for surname, full in owners.items() if len(full) > 1}


def _named_before(full_names: dict[str, int], index: int) -> set[str]:
    return {name for name, first in full_names.items() if first < index}


def _bracketed_acronyms_of_their_names(parsed: ParsedArticle, drafts: list[Draft]) -> list[Draft]:
    """"the National Search and Rescue Agency (Basarnas)": a one-word name in brackets right
    after an organisation's name is an organisation (its acronym)."""
    tokens = parsed.tokens
    by_last = {d.last: d for d in drafts}
    fixed = []
    for d in drafts:
        before = by_last.get(d.first - 1)
        bracketed = d.last - d.first == 1 and d.first > 0 and tokens[d.first - 1].text == "(" and \
            d.last < len(tokens) and tokens[d.last].text == ")"
        named_org = before is not None and before.kind == ORGANIZATION  # not "LIMA, Peru (AP)"
        fixed.append(replace(d, kind=ORGANIZATION, strength=STRONG) if bracketed and named_org and d.kind != ORGANIZATION else d)
    return fixed


def _with_dateline_places(parsed: ParsedArticle, drafts: list[Draft]) -> list[Draft]:
    """The capitals opening a wire story's block, "QUILLBY, Freedonia (AP) —", as a place
    the model missed or mislabelled (it rarely knows words in capitals).

    Only a full dateline counts: capitals, then at most ", <Capitalised words>",
    at most one "(<agency>)", then a dash. A draft over those capitals gives way.
    """
    tokens = parsed.tokens
    found = []
    for block in parsed.blocks:
        first = next((t.index for t in tokens if t.start == block.start), None)
        if first is None:
            continue
        last = first
        while last < len(tokens) and tokens[last].text.isupper() and tokens[last].text.isalpha() \
                and tokens[last].start < block.end:
            last += 1
        text = _span_text(parsed, first, last) if last > first else ""
        if len(text) > 2 and _dateline_after(tokens, last, block.end) and not builtin_aliases().groups_of(text, ORGANIZATION):
            if not any(d.kind == PLACE and d.first < last and first < d.last for d in drafts):
                found.append(_repair(parsed, first, last, "GPE", frozenset()) or Draft(first, last, PLACE))
    found = [replace(d, kind=PLACE, strength=STRONG, located=True) for d in found]
    kept = [d for d in drafts if not any(d.first < f.last and f.first < d.last for f in found)]
    return kept + found


def _dateline_after(tokens: tuple[Token, ...], index: int, end: int) -> bool:
    """Whether ``[, <Capitalised words>] [(<words>)] <dash>`` follows ``index`` (before ``end``)."""
    def at(i: int) -> str:
        return tokens[i].text if i < len(tokens) and tokens[i].start < end else ""
    if at(index) == ",":
        index += 1
        while at(index)[:1].isupper():
            index += 1
    if at(index) == "(":
        close = next((i for i in range(index + 1, index + 5) if at(i) == ")"), None)
        if close is None:
            return False
        index = close + 1
    return at(index) in DATELINE_DASHES


def _capitals_dateline(parsed: ParsedArticle, draft: Draft) -> bool:
    """A place written in capitals where a wire story opens: "QUILLBY, Freedonia (AP) —".

    Its mention is then written as a name ("Quillby"), so the capitals of the
    dateline never become the entity's label.
    """
    tokens = parsed.tokens
    opens_block = any(tokens[draft.first].start == b.start for b in parsed.blocks)
    followed = draft.last < len(tokens) and tokens[draft.last].text in DATELINE_FOLLOWERS
    text = _span_text(parsed, draft.first, draft.last)
    # Acronyms the alias table knows ("UAE") stay as written.
    return draft.kind == PLACE and opens_block and followed and text.isupper() and len(text) > 2 \
        and not builtin_aliases().groups_of(text, PLACE)


def _to_mention(parsed: ParsedArticle, draft: Draft) -> Mention:
    tokens = parsed.tokens
    sentence = parsed.sentence_of(draft.first)
    start, end = tokens[draft.first].start, tokens[draft.last - 1].end
    text = parsed.article.text[start:end]
    return Mention(
        article_id=parsed.article.identifier,
        start=start,
        end=end,
        text=text.title() if _capitals_dateline(parsed, draft) else text,
        kind=draft.kind,
        subtype=draft.subtype,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
    )
