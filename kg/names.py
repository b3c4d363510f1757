"""Comparing names: normal forms, keys, initials, transliteration skeletons, lexicons.

In: surface forms of names as written in articles. Out: the comparable forms
the entity stages match on (``normal``: case, punctuation and diacritics
dropped; ``skeleton``: consonants only, for transliteration variants),
readable key slugs, initials for acronyms, company names without their legal
form, and the English lexicons of ``kg/resources/en/entities/`` (demonyms,
facility and organisation head nouns, company legal forms, settlement nouns,
offices held over places,
honorifics, role nouns, product nouns, media cues).
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import cache, lru_cache

from kg.errors import RuleError
from kg.resources import LANGUAGE, table_lines, table_sections

TABLES = "entities/"
# Words an acronym may skip: "Islamic State of Iraq and the Levant" -> ISIL.
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "de", "&"})
# Arabic-style name particles written before a family name: "al-Hamdouni".
NAME_PARTICLES = ("al-", "el-", "al ", "el ")
APOSTROPHES = "'’‘`ʼʻ"
# Distinct names seen in a corpus; comparisons ask for the same few forms again and again.
NAME_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=NAME_CACHE_SIZE)
def normal(text: str) -> str:
    """Casefolded, diacritic-free, apostrophe-free, single-spaced: ``Da’esh`` -> ``daesh``.

    Example: ``normal("The  Dalmakah ")`` -> ``"the dalmakah"``.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(f"[{APOSTROPHES}]", "", plain.casefold())
    plain = re.sub(r"[^\w]+", " ", plain)
    return " ".join(plain.split())


def slug(text: str) -> str:
    """The readable part of an entity key: ``"John Smith"`` -> ``"john-smith"``."""
    return normal(text).replace(" ", "-") or "unnamed"


def words(text: str) -> list[str]:
    """The words of a name, with hyphenated parts kept together: ``al-Hamdouni`` is one word."""
    return re.findall(rf"[\w{APOSTROPHES}.-]+", text)


def initials(text: str, skip_function_words: bool = True) -> str:
    """Upper-case initials of a name: ``"Freedonian Liberation Front"`` -> ``"FLF"``."""
    kept = [w for w in words(text) if not (skip_function_words and w.casefold() in FUNCTION_WORDS)]
    return "".join(w[0] for w in kept if w[0].isalnum()).upper()


def is_acronym(text: str) -> bool:
    """Written in capitals, two to six letters, dots allowed: ``FLF``, ``U.S.``."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def acronym_letters(text: str) -> str:
    return text.replace(".", "").upper()


def strip_particle(word: str) -> str:
    """A family name without its article: ``al-Hamdouni`` -> ``Hamdouni``."""
    lowered = word.casefold()
    for particle in NAME_PARTICLES:
        if lowered.startswith(particle) and len(word) > len(particle) + 1:
            return word[len(particle) :]
    return word


@lru_cache(maxsize=NAME_CACHE_SIZE)
def skeleton(text: str) -> str:
    """The consonant frame transliterations share: Dalmakah, Dalmaka, Dallmakeh -> ``dlmk``.

    Vowels, ``h``/``w``/``y`` (written or not by different transliteration
    schemes) and doubled letters are dropped; the first letter is kept.
    """
    name = normal(" ".join(strip_particle(w) for w in words(text)))
    out = []
    for i, ch in enumerate(name.replace(" ", "")):
        if i > 0 and ch in "aeiouhwy":
            continue
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out)


def company_base(text: str) -> str | None:
    """The normal form of a company's name without its legal form: ``"Acme N.V."`` -> ``"acme"``.

    None when the name does not end in a legal form or is nothing else.
    """
    kept = words(text)
    while kept and normal(kept[-1]) in company_suffixes():
        kept.pop()
    if not kept or len(kept) == len(words(text)):
        return None
    return normal(" ".join(kept))


def similarity(a: str, b: str) -> float:
    """Ratio of matching characters of the normal forms, 0..1."""
    return SequenceMatcher(None, normal(a), normal(b)).ratio()


def _pairs(name: str) -> tuple[tuple[str, str], ...]:
    rows = []
    for line in table_lines(TABLES + name):
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 2 or not all(parts):
            raise RuleError(f"kg/resources/{LANGUAGE}/{TABLES}{name}: expected two tab-separated columns in {line!r}")
        rows.append((parts[0], parts[1]))
    return tuple(rows)


@cache
def demonyms() -> dict[str, str]:
    """Nationality adjective (normal form) -> country name: ``iraqi`` -> ``Iraq``."""
    return {normal(adjective): country for adjective, country in _pairs("demonyms.tsv")}


@cache
def capitals() -> dict[str, str]:
    """Capital city (normal form) -> its country's name: ``tunis`` -> ``Tunisia``."""
    return {normal(capital): country for capital, country in _pairs("capitals.tsv")}


@cache
def countries() -> frozenset[str]:
    """Normal forms of the country names the demonym table knows."""
    return frozenset(normal(country) for country in demonyms().values())


@cache
def facility_heads() -> dict[str, str]:
    """Facility head noun -> Place subtype: ``prison`` -> ``Prison``."""
    return dict(_pairs("facility_heads.tsv"))


@cache
def settlement_nouns() -> dict[str, str]:
    """Noun introducing a place name -> Place subtype: ``city`` -> ``City``."""
    return dict(_pairs("settlement_nouns.tsv"))


# "X-based", "based in X": the words that give an organisation's seat.
SEAT_WORDS = frozenset({"based", "headquartered"})


@cache
def lexicon(name: str) -> frozenset[str]:
    """The words of ``kg/resources/en/entities/NAME.txt``: role heads, honorifics, company titles, ..."""
    return frozenset(table_lines(TABLES + f"{name}.txt"))


@cache
def place_offices() -> dict[str, str]:
    """Office whose "of X" names a place -> the place's subtype: ``mayor`` -> ``City``."""
    return dict(_pairs("place_offices.tsv"))


def is_past_role(role: str | None) -> bool:
    """Whether a role is no longer held: "former treasurer", "ex-minister"."""
    if not role:
        return False
    first = re.split(r"[\s-]", role.strip().lower(), maxsplit=1)[0]
    return first in table_lines("past_role_words.txt")


def post_of(role: str) -> str:
    """The post a role names, without a word saying it is past: "former finance minister" -> "finance minister"."""
    words = role.split(maxsplit=1)
    return words[1] if is_past_role(role) and len(words) > 1 else role


def office_of(post: str, deputies: bool = True) -> str:
    """The office a post is a kind of: "outgoing president" -> "president"; with ``deputies``,
    "deputy president" -> "president" too (the same kind of office, not the same post)."""
    qualifiers = lexicon("post_qualifiers") | (lexicon("deputy_words") if deputies else frozenset())
    words = post.split()
    while len(words) > 1 and words[0] in qualifiers:
        words = words[1:]
    return " ".join(words)


def is_state_office(post: str) -> bool:
    """An office of state, whatever its qualifiers and portfolio: "prime minister", "outgoing
    president", any "... minister", "interior cabinet secretary" (an office of two words after a portfolio)."""
    office = office_of(post_of(post).split(" of ")[0])
    offices = lexicon("state_offices")
    return office in offices or office.endswith("minister") or any(office.endswith(" " + o) for o in offices if " " in o)


@cache
def role_verbs() -> dict[str, str]:
    """Verb of a relative clause after a name -> the post it gives: ``leads`` -> ``leader``."""
    return dict(_pairs("role_verbs.tsv"))


@cache
def company_suffixes_as_written() -> frozenset[str]:
    """The legal forms exactly as the table writes them (``Inc.``, ``LLC``): case matters
    when gluing a following word to a name, so the English "as" never passes for "AS"."""
    return frozenset(table_lines(TABLES + "company_suffixes.txt"))


@cache
def professions() -> frozenset[str]:
    """Role heads of a profession, not an office: a place before them is not the employer."""
    return frozenset(table_lines(TABLES + "professions.txt"))


@cache
def company_suffixes() -> frozenset[str]:
    """Normal forms of legal forms written after company names: ``inc``, ``n v``, ``s p a``."""
    return frozenset(normal(line) for line in table_lines(TABLES + "company_suffixes.txt"))


@cache
def product_nouns() -> frozenset[str]:
    return frozenset(table_lines(TABLES + "product_nouns.txt"))


@cache
def media_cues() -> dict[str, frozenset[str]]:
    """``verbs`` that publish "on" a platform and ``nouns`` that follow a platform's name."""
    return {section: frozenset(lines) for section, lines in table_sections(TABLES + "media_cues.txt").items()}
