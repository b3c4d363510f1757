"""Relations between entities: who works for whom, and what lies where.

In: a ``ParsedArticle``, its ``Mention``s and the entity key of each mention
(``Resolution.key_of``). Out: ``Relation``s, each with the sentence that
shows it (``evidence_start``/``evidence_end``), a role label for
affiliations, a confidence and the name of the rule that found it.

Affiliations (``worksFor``, person -> organisation or country), from the
word patterns news writing uses around a name:
- ``title-before``: "Example Corp spokesman Jane Doe", "Freedonian President Jane Doe";
- ``appositive``: "Jane Doe, the Example Corp spokesman", "Jane Doe, head of
  Example Corp", "Jane Doe, an analyst at Example Corp", "an adviser to ...";
- ``possessive``: "Example Corp's media chief, Jane Doe";
- ``role-of-before``: "the head of Example Corp, Jane Doe";
- ``of-after``: "Dr. Jane Doe of Example University" (no role);
- ``story-title``: a bare title in a sentence naming no organisation or country:
  a company title (``company_titles.txt``: "Chief Executive Jane Doe said ...") at
  the organisation the article names first, an office of state
  (``state_offices.txt``: "Prime Minister Jane Doe") in the country the dateline
  names or whose capital it names (``capitals.tsv``), else the one country the
  article names; "Its chief executive, Jane Doe," at the organisation named last (an
  "Its" opening a sentence: the one the sentence before has as its subject);
- "her Examplian counterpart, John Roe" takes the role of the sentence's other
  affiliation (one role only; else it stays "counterpart").
A profession ("judge", "lawyer", "forward") never makes a country or city the
employer: "U.S. District Judge Jane Doe" gives no worksFor the United States.
A role may carry a portfolio ("US Secretary of State Jane Doe": role
"secretary of state"). A nationality adjective ("Freedonian") stands for its
country when some article of the corpus names that country and it is typed a
country; an adjective alone never makes a node.

Locations (``containedInPlace``, place -> place):
- ``place-in``: "the X prison in Y", "X, located in the northern city of Y";
- ``place-comma``: "Y, <country, region or untyped place>" (not in a list);
- ``place-appositive``: "X, a suburb of Y", "X, a town in northern Y";
- ``facility-description``: "a prison in <place>", "a Freedonian prison"
  said of the one named facility of that kind in the article;
- ``facility-inference``: a facility in a city and in a country puts the city in the
  country (its evidence runs from the first of the two sentences to the end of the second).
An organisation's seat (``location``, organisation -> place), rule ``based-in``:
"Example Corp, based in Y" (also "headquartered in").
Organisations named after a larger one ("Example Corp Media Center") get
``parentOrganization`` (rule ``name-prefix``), and so do those described as a unit of
another ("Acme Ltd, a subsidiary of Spain's Beta Group", "X, an elite unit of the National
Police", "X, part of Y"; rule ``unit-of``, `entities/unit_nouns.txt`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from kg import names
from kg.aliases import builtin_aliases
from kg.nlp import DATELINE
from kg.model import Mention, ParsedArticle, Relation, Sentence, Token
from kg.resolution import EntityKeys

WORKS_FOR, CONTAINED_IN, PARENT, LOCATION = "worksFor", "containedInPlace", "parentOrganization", "location"
CONFIDENCE = {
    "title-before": 0.9,
    "appositive": 0.85,
    "possessive": 0.85,
    "role-of-before": 0.8,
    "of-after": 0.7,
    "story-title": 0.6,
    "place-in": 0.85,
    "place-comma": 0.8,
    "place-appositive": 0.8,
    "region-of": 0.8,
    "who-leads": 0.8,
    "led-by": 0.7,
    "appointed-as": 0.6,
    "place-possessive": 0.8,
    "place-based": 0.8,
    "based-in": 0.8,
    "sited-in": 0.8,
    "seat-of": 0.8,
    "founder": 0.7,
    "workplace-in": 0.6,
    "story-based-in": 0.6,
    "its-unit": 0.7,
    "unit-of": 0.8,
    "facility-description": 0.6,
    "facility-inference": 0.5,
    "name-prefix": 0.7,
}
DETERMINERS = frozenset({"the", "a", "an"})
FOUNDER = "founder"
WORKPLACE_PREPOSITIONS = frozenset({"at", "with"})  # "an analyst at X", "a lawyer with X"
COPULA_WORDS = frozenset({"is", "was", "has", "had", "been", "also", "now", "then"})  # "who was", "who has also been"
# Words that introduce a described role as a determiner does: "her Freedonian counterpart, Jane Doe".
COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})
ORGANIZATION_KIND, COUNTRY_KIND = "Organization", ("Place", "Country")
# A minister with no country written is of the country the story names this many times as often
# as any other (by name or nationality): a story filed from a capital about its own government.
DOMINANT_COUNTRY = 2
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
COUNTERPART = "counterpart"
ROLE_PREPOSITIONS = frozenset({"of", "at", "for", "to", "with", "in"})
LOCATED_WORDS = frozenset({"located", "situated", "lying"}) | names.SEAT_WORDS
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
MAX_ROLE_WORDS = 6
# Non-name words that may stand inside a role phrase ("senior", "media", "deputy").
ROLE_WORD_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNP", "NNPS", "NNS", "VBN", "HYPH"})
GEOPOLITICAL_SUBTYPES = frozenset({"Country", "Region", "City"})
REGION_SUBTYPES = frozenset({"Country", "Region"})


@dataclass(frozen=True)
class Context:
    """One article's tokens with the mention (and its key) standing at each token."""

    parsed: ParsedArticle
    at: dict[int, tuple[Mention, str]]  # token index -> (mention, entity key)
    country_keys: dict[str, str]  # normal form of a country name -> entity key
    kinds: dict[str, tuple[str, str | None]]  # entity key -> (kind, subtype)

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.parsed.tokens


def extract_relations(
    parsed: ParsedArticle, mentions: Sequence[Mention], key_of: Mapping[Mention, str]
) -> list[Relation]:
    """Affiliations and locations stated in one article.

    Args:
        parsed: the article after ``kg.nlp.parse_article``.
        mentions: its mentions (from ``kg.entities.extract_mentions``).
        key_of: entity key of every mention of the corpus.
    Returns:
        Relations sorted by evidence, then subject, predicate and object; one per
        (subject, predicate, object, sentence), the most confident.
    """
    context = _context(parsed, mentions, key_of)
    found: list[Relation] = []
    for sentence in parsed.sentences:
        found.extend(_affiliations(context, sentence))
        found.extend(_locations(context, sentence))
        found.extend(_units_of_its(context, sentence))
        found.extend(_units_described(context, sentence))
    found.extend(_facility_descriptions(context, found))
    found.extend(_facility_inferences(context, found))
    found.extend(_parent_organizations(context))
    return _best(found)


def _context(parsed: ParsedArticle, mentions: Sequence[Mention], key_of: Mapping[Mention, str]) -> Context:
    keys = key_of if isinstance(key_of, EntityKeys) else EntityKeys(key_of)
    by_start = {t.start: t.index for t in parsed.tokens}
    by_end = {t.end: t.index for t in parsed.tokens}
    at = {}
    for mention in mentions:
        first, last = by_start.get(mention.start), by_end.get(mention.end)
        if first is None or last is None or mention not in keys:
            continue
        for index in range(first, last + 1):
            at[index] = (mention, keys[mention])
    return Context(parsed, at, keys.place_keys, keys.kinds)


def _relation(context: Context, subject: str, predicate: str, obj: str, sentence: Sentence, rule: str,
              role: str | None = None) -> Relation:
    return Relation(
        subject=subject,
        predicate=predicate,
        object=obj,
        article_id=context.parsed.article.identifier,
        evidence_start=sentence.start,
        evidence_end=sentence.end,
        role=role,
        confidence=CONFIDENCE[rule],
        rule=rule,
    )


# --- what stands at a token ------------------------------------------------


def _entity_at(context: Context, index: int) -> tuple[int, int, str] | None:
    """``(first, last, key)`` of the mention covering token ``index``."""
    if index not in context.at:
        return None
    _, key = context.at[index]
    first = index
    while first - 1 in context.at and context.at[first - 1][1] == key and context.at[first - 1][0] == context.at[index][0]:
        first -= 1
    last = index
    while last + 1 in context.at and context.at[last + 1][0] == context.at[index][0]:
        last += 1
    return first, last + 1, key


def _country_of_adjective(context: Context, index: int) -> tuple[int, str] | None:
    """``(end, key)`` when tokens from ``index`` are a nationality adjective ("Iraqi", "US-backed")."""
    tokens = context.tokens
    for width in (2, 1):
        if index + width > len(tokens):
            continue
        words = " ".join(t.text for t in tokens[index : index + width])
        country = names.demonyms().get(names.normal(words))
        if country and tokens[index].text[:1].isupper():
            key = _country_key(context, country)
            if key:
                return index + width, key
    return None


def _country_key(context: Context, country: str) -> str | None:
    """The key of the country the corpus names so, through the alias table if needed.

    An adjective only links to a country some article names: it never makes a
    node of its own (an adjective is not a name, and the node would carry a
    label no article wrote). The node must be typed a country, so that
    "Georgian" never lands on a place of another kind called Georgia.
    """
    wanted = [country]
    table = builtin_aliases()
    for group in table.groups_of(country, "Place"):
        wanted.extend(table.groups[group].names)
    for name in wanted:
        key = context.country_keys.get(names.normal(name))
        if key and context.kinds.get(key) == ("Place", "Country"):
            return key
    return None


def _organization_at(context: Context, index: int, after_of: bool = False) -> tuple[int, int, str] | None:
    """An organisation, country or region named at ``index`` (a mention or a nationality adjective).

    ``after_of``: the name follows "<role> of", where a place the text gives no
    subtype also holds the office ("the treasurer of Examplia"); elsewhere such
    a place is where someone works ("a Examplia lawyer"), not for whom.
    """
    found = _entity_at(context, index)
    if found:
        kind, subtype = context.kinds.get(found[2], ("", None))
        if kind == "Organization" or (kind == "Place" and (subtype in GEOPOLITICAL_SUBTYPES or after_of and subtype is None)):
            return found
        return None
    adjective = _country_of_adjective(context, index)
    if adjective:
        return index, adjective[0], adjective[1]
    return None


def _person_at(context: Context, index: int) -> tuple[int, int, str] | None:
    found = _entity_at(context, index)
    if found and context.kinds.get(found[2], ("", None))[0] == "Person":
        return found
    return None


def _role(context: Context, first: int, last: int) -> str | None:
    """The role text of tokens ``[first, last)`` when they end in a role noun, else None."""
    tokens = context.tokens
    while first < last - 1 and names.normal(tokens[first].text) in names.demonyms():
        first += 1  # "a Swedish forward": the nationality is no part of the post
    if first >= last or last - first > MAX_ROLE_WORDS:
        return None
    portfolio = _portfolio(context, first, last)
    if portfolio is not None:
        role = _role(context, first, portfolio - 1)
        return f"{role} of {' '.join(t.text.casefold() for t in tokens[portfolio:last])}" if role else None
    for token in tokens[first:last]:
        if token.tag not in ROLE_WORD_TAGS and token.text != "-":
            return None
        if token.index in context.at and context.kinds.get(context.at[token.index][1], ("", None))[0] == "Person":
            return None
    words = [t.text if t.index in context.at else t.text.casefold() for t in tokens[first:last]]
    role = " ".join(words).replace(" - ", "-")
    # Hyphenated heads are one word once joined: "president-elect", "co-founder".
    joined = role.casefold().split()
    last_words = {" ".join(joined[-w:]) for w in (1, 2) if len(joined) >= w}
    lemma = tokens[last - 1].lemma.casefold()
    if not (last_words & names.lexicon("role_heads") or lemma in names.lexicon("role_heads")):
        return None
    return role


def _portfolio(context: Context, first: int, last: int) -> int | None:
    """Where the portfolio of "Secretary of State", "Minister of Foreign Affairs" starts.

    The index after an "of" inside ``[first, last)`` when every word after it
    is capitalised, a common noun or an adjective before one ("head of operations", "head of
    corporate affairs") and names no entity;
    None otherwise.
    """
    tokens = context.tokens
    for index in range(first + 1, last - 1):
        if tokens[index].text == "of":
            after = tokens[index + 1 : last]
            # "head of corporate affairs": adjectives may qualify the portfolio's noun.
            if (after[-1].tag in COMMON_NOUN_TAGS or after[-1].text[:1].isupper()) and all(
                    (t.text[:1].isupper() or t.tag in COMMON_NOUN_TAGS | ADJECTIVE_TAGS) and t.index not in context.at for t in after):
                return index + 1
            return None
    return None


# --- affiliations ----------------------------------------------------------


def _affiliations(context: Context, sentence: Sentence) -> Iterator[Relation]:
    """Every affiliation of the sentence; "counterpart" takes the role of the sentence's
    other affiliation ("Freedonian Foreign Minister Jane Doe met her Examplian
    counterpart, John Roe": he is Examplia's foreign minister)."""
    found = list(_affiliations_as_written(context, sentence))
    others = [r.role for r in found if r.role and r.role != COUNTERPART]
    for relation in found:
        if relation.role == COUNTERPART and len(set(others)) == 1:
            relation = replace(relation, role=others[0])
        yield relation


def _affiliations_as_written(context: Context, sentence: Sentence) -> Iterator[Relation]:
    for index in range(sentence.first, sentence.last):
        person = _person_at(context, index)
        if not person or person[0] != index:
            continue
        # The words before a name give one reading ("Acme's Asia manager Jane Doe" is not
        # a manager of Asia); the words after it may add a second.
        written = False
        for finders in (
            (("possessive", _possessive), ("title-before", _title_before), ("role-of-before", _role_of_before)),
            (("appositive", _appositive), ("of-after", _of_after), ("who-leads", _who_leads), ("led-by", _led_by),
             ("appointed-as", _appointed_as), ("founder", _founded)),
        ):
            for rule, finder in finders:
                found = [(obj, role) for obj, role in finder(context, sentence, person)
                         if obj != person[2] and not _profession_at_place(context, obj, role)]
                for obj, role in found:
                    yield _relation(context, person[2], WORKS_FOR, obj, sentence, rule, role)
                # What someone leads says nothing of the title before the name ("led by former
                # finance minister X"): the story may still say whose post that is.
                written = written or bool(found) and rule != "led-by"
                if found:
                    break
        if not written:  # read from the story only what the words around the name do not say
            yield from _story_company_title(context, sentence, person)


def _story_company_title(context: Context, sentence: Sentence, person: tuple[int, int, str]) -> Iterator[Relation]:
    """A bare title before a name, read from the story: "Its chief executive, Jane Doe," is at
    the organisation named last before "its"; in a sentence naming no other person or
    organisation, "Chief Executive Jane Doe said the group ..." is at the company the story is
    about, and "Prime Minister Jane Doe" in an article naming one country holds office there."""
    others = {mention for i, (mention, key) in context.at.items() if sentence.first <= i < sentence.last
              and not person[0] <= i < person[1] and context.kinds.get(key, ("", None))[0] in (ORGANIZATION_KIND, "Person")}
    first = _before_rank(context, sentence, person[0])
    first = first - 1 if first > sentence.first and context.tokens[first - 1].text == "," else person[0]
    for start in range(max(sentence.first, first - MAX_ROLE_WORDS), first):
        role = _role(context, start, first)
        if not role:
            continue
        owner = _title_owner(context, sentence, start, role.casefold(), bool(others))
        if owner and owner != person[2]:
            yield _relation(context, person[2], WORKS_FOR, owner, sentence, "story-title", role)
        return


def _before_rank(context: Context, sentence: Sentence, index: int) -> int:
    """Where a rank or honorific written before a name begins ("its commander, Lieutenant-Colonel X")."""
    tokens = context.tokens
    while index > sentence.first and (tokens[index - 1].text in names.lexicon("honorifics") or tokens[index - 1].text == "-"
                                      or tokens[index - 1].text[:1].isupper()
                                      and names.normal(tokens[index - 1].text) in names.lexicon("role_heads")):
        index -= 1
    return index


def _title_owner(context: Context, sentence: Sentence, start: int, role: str, crowded: bool) -> str | None:
    if names.normal(context.tokens[start].text) in names.demonyms():
        return None  # "Uzbek President X": the nationality says whose office it is
    before = context.tokens[start - 1] if start > sentence.first else None
    office = names.office_of(names.post_of(role).split(" of ")[0])  # "minister of state" is a minister
    company_post = office in names.lexicon("company_titles")
    if before is not None and before.text.casefold() in POSSESSIVE_PRONOUNS:
        return _its_owner(context, sentence, start - 1, company_post) if before.text.casefold() == "its" else None
    if before is not None and before.tag == "POS" and start - 3 >= sentence.first \
            and context.tokens[start - 2].pos == "NOUN" and context.tokens[start - 3].text.casefold() == "the":
        return _named_by_noun(context, start - 2)  # "the corporation's chairwoman, X"
    if before is not None and (before.pos == "PROPN" or before.tag == "POS"):
        return None  # a name before the title says whose it is
    if company_post:
        return None if crowded else _story_company(context)  # another name may be whose post it is
    if names.is_state_office(role):
        return _only_country(context)  # the sentence may name it too: "Portugal's president met Prime Minister X"
    return None


def _its_owner(context: Context, sentence: Sentence, its: int, company_post: bool = False) -> str | None:
    """What "its" at token ``its`` stands for: "the company" earlier in the sentence ("The company
    has denied the allegations, and its chief executive ..."), else the organisation the sentence
    before is about, else, for a company's post ("its chief executive"), the company named last,
    else the organisation named last."""
    tokens = context.tokens
    for i in range(its - 1, sentence.first, -1):
        noun = tokens[i].lemma.casefold()
        if tokens[i - 1].text.casefold() == "the" and tokens[i].pos == "NOUN" and i not in context.at \
                and noun in names.lexicon("company_nouns") | names.lexicon("organization_heads"):
            return _named_by_noun(context, i)
    return _subject_before(context, sentence, its) or (company_post and _company_before(context, its + 1)) \
        or _organization_before(context, its + 1)


def _subject_before(context: Context, sentence: Sentence, its: int) -> str | None:
    """An "its" opening a sentence stands for the organisation the sentence before is about, its
    subject ("Acme, a subsidiary of Beta Group, carries gas ... Its spokesman, X, said"), not the
    organisation that sentence named last."""
    if its != sentence.first or sentence.first == 0:
        return None
    before = context.parsed.sentence_of(sentence.first - 1)
    subjects = {found[2] for i in range(before.first, before.last) if context.tokens[i].dep in ("nsubj", "nsubjpass")
                and (found := _entity_at(context, i)) and context.kinds.get(found[2], ("", None))[0] == ORGANIZATION_KIND}
    return subjects.pop() if len(subjects) == 1 else None


def _named_by_noun(context: Context, index: int) -> str | None:
    """What "the <noun>" at token ``index`` stands for: the story's company for a company noun
    ("the company's head of corporate affairs"), else the organisation or place named last
    before it whose name has that noun or has it right next to it ("the Warnmadi Aboriginal
    Corporation ... the corporation's", "Lubero territory ... the territory's", "Club Atletico
    Acme ... the club's", "the club Acme ... the club's")."""
    noun = context.tokens[index].lemma.casefold()
    if noun in names.lexicon("company_nouns"):
        return _company_before(context, index) or _story_company(context)
    # A definite "the hospital's" may point back past the last two sentences to the one named so.
    return next((key for last, key in _names_before(context, index, anywhere=True)
                 if noun in _words_in_and_around(context, last)), None)


def _words_in_and_around(context: Context, last: int) -> set[str]:
    """The lemmas of a name's words ("the Junior Doctors Association of Ruritania") and of the words
    on either side of it."""
    first = _entity_at(context, last)[0]
    return {context.tokens[i].lemma.casefold() for i in range(first - 1, last + 2) if 0 <= i < len(context.tokens)}


def _company_before(context: Context, index: int) -> str | None:
    """The company named last before token ``index`` (within two sentences): a name with a legal
    form, or one described by a company noun ("Morava Defence Systems, a state-owned arms maker")."""
    tokens = context.tokens
    for last, key in _names_before(context, index, ORGANIZATION_KIND):
        legal = names.normal(tokens[last].text) in names.company_suffixes()
        described = last + 2 < len(tokens) and tokens[last + 1].text == "," and tokens[last + 2].text.casefold() in DETERMINERS \
            and any(t.text.casefold() in names.lexicon("company_nouns") for t in tokens[last + 3 : last + 3 + MAX_ROLE_WORDS])
        if legal or described:
            return key
    return None


def _names_before(context: Context, index: int, kind: str | None = None, anywhere: bool = False) -> Iterator[tuple[int, str]]:
    """``(last token, key)`` of each name (of ``kind`` if given) ending before token ``index``
    within the sentence before it (``anywhere``: in the article), nearest first."""
    for i in range(index - 1, (0 if anywhere else _two_sentences_before(context, index)) - 1, -1):
        found = _entity_at(context, i)
        if found is not None and found[1] == i + 1 and (kind is None or context.kinds.get(found[2], ("", None))[0] == kind):
            yield i, found[2]


def _two_sentences_before(context: Context, index: int) -> int:
    """The first token of the sentence before the one holding token ``index``."""
    floor = context.parsed.sentence_of(index - 1).first if index > 0 else 0
    return context.parsed.sentence_of(floor - 1).first if floor > 0 else floor


def _organization_before(context: Context, index: int) -> str | None:
    """The organisation named last before token ``index``, within the two sentences before it."""
    return next((key for _, key in _names_before(context, index, ORGANIZATION_KIND)), None)


def _only_country(context: Context) -> str | None:
    """The country the article is filed from ("MAPUTO, Mozambique (Reuters) —"), else the country
    it is about: the one it names, by name or by nationality ("Guatemalan" counts too), at least
    ``DOMINANT_COUNTRY`` times as often as any other."""
    filed = _dateline_country(context)
    if filed:
        return filed
    # Counted by node; a nationality whose country no article names competes under its own name.
    named: Counter[str] = Counter(key for _, key in set(context.at.values()) if context.kinds.get(key, ("", None)) == COUNTRY_KIND)
    for token in context.tokens:
        country = names.demonyms().get(names.normal(token.text)) if token.text[:1].isupper() else None
        if country:
            named[_country_key(context, country) or names.normal(country)] += 1
    ranked = named.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] < DOMINANT_COUNTRY * ranked[1][1]:
        return None
    return ranked[0][0] if ranked[0][0] in context.kinds else None


def _dateline_country(context: Context) -> str | None:
    """A country named in the dateline that opens the article's story, or the country whose
    capital the dateline names ("TUNIS (Reuters) -") when the article names that country."""
    text = context.parsed.article.text
    for block in context.parsed.blocks[:2]:  # the headline may come first
        match = DATELINE.match(text[block.start : block.end])
        if match:
            end = block.start + match.end()
            named = sorted((mention.start, mention.text, key) for mention, key in set(context.at.values())
                           if block.start <= mention.start < end)
            country = next((key for _, _, key in named if context.kinds.get(key, ("", None)) == COUNTRY_KIND), None)
            capital_of = names.capitals().get(names.normal(named[0][1])) if named else None
            return country or (capital_of and _country_key(context, capital_of))
    return None


def _label_of(context: Context, key: str) -> str:
    return next((m.text for m, k in context.at.values() if k == key), key)


def _story_company(context: Context) -> str | None:
    """The organisation the story is about: the first one the article names, a wire agency
    credited in parentheses ("(Reuters)") aside ("Brennecke Automotive AG said on Wednesday
    that ..." opens the story; a bidder named later is not it)."""
    for index in sorted(context.at):
        _, key = context.at[index]
        if context.kinds.get(key, ("", None))[0] == ORGANIZATION_KIND and not _credited(context, index):
            return key
    return None


def _credited(context: Context, index: int) -> bool:
    tokens = context.tokens
    return 0 < index < len(tokens) - 1 and tokens[index - 1].text == "(" and tokens[index + 1].text == ")"


def _profession_at_place(context: Context, obj: str, role: str | None) -> bool:
    """A profession before or after a place's name: the place is not the employer."""
    last_word = role.split()[-1].casefold() if role else ""
    return context.kinds.get(obj, ("", None))[0] == "Place" and last_word in names.professions()


def _of_after(context: Context, sentence: Sentence, person: tuple[int, int, str]) -> Iterator[tuple[str, None]]:
    """"<Person> of [the] <Organization>": "Dr. Jane Doe of Example University", "their lawyer,
    Jane Doe, of the Strelsau-based Acme Trust".

    Only an organisation: "Jane Doe of Quillmoor" says where she lives, not for whom she works.
    """
    tokens = context.tokens
    index = person[1]
    if index + 1 < sentence.last and tokens[index].text == ",":
        index += 1
    if index + 1 >= sentence.last or tokens[index].text.casefold() != "of":
        return
    index += 1
    if tokens[index].text.casefold() == "the" and index + 1 < sentence.last:
        index += 1
    if index + 3 < sentence.last and tokens[index + 1].text == "-" and tokens[index + 2].text.casefold() == "based":
        index += 3
    found = _entity_at(context, index)
    if found and found[0] == index and context.kinds.get(found[2], ("", None))[0] == "Organization":
        yield found[2], None


def _title_before(context: Context, sentence: Sentence, person: tuple[int, int, str]) -> Iterator[tuple[str, str]]:
    """"<Org or nationality> <role> <Person>": "Freedonian Prime Minister Jane Doe";
    also "the <Org> <role>, <Person>"."""
    tokens = context.tokens
    first = person[0]
    comma = first - 1 >= sentence.first and tokens[first - 1].text == ","
    if comma:
        first -= 1
    for start in range(first - 1, max(sentence.first, first - MAX_ROLE_WORDS) - 1, -1):
        org_end = _org_ending_at(context, sentence, start) or _governed_place_ending_at(context, sentence, start, first)
        if org_end is None:
            continue
        org_first, org_key = org_end
        role = _role(context, start + 1, first)
        introduced = org_first > sentence.first and tokens[org_first - 1].text.casefold() in DETERMINERS | POSSESSIVE_PRONOUNS
        if role and (introduced or not comma):
            yield org_key, role
        return


def _governed_place_ending_at(context: Context, sentence: Sentence, end: int, first: int) -> tuple[int, str] | None:
    """"Roccaverde Mayor Jane Doe": a place of any kind before an office held over it."""
    found = _entity_at(context, end) if end >= sentence.first else None
    if not found or found[1] != end + 1 or context.kinds.get(found[2], ("", None))[0] != "Place":
        return None
    office = " ".join(t.text.casefold() for t in context.tokens[end + 1 : first])
    return (found[0], found[2]) if office in names.place_offices() else None


def _org_ending_at(context: Context, sentence: Sentence, end: int, after_of: bool = False) -> tuple[int, str] | None:
    """``(first, key)`` of an organisation or country whose name ends at token ``end`` (inclusive);
    ``after_of`` as for ``_organization_at``."""
    if end < sentence.first:
        return None
    found = _entity_at(context, end)
    if found and found[1] == end + 1:
        organization = _organization_at(context, found[0], after_of)
        return (found[0], found[2]) if organization else None
    for width in (1, 2):
        start = end - width + 1
        if start >= sentence.first:
            adjective = _country_of_adjective(context, start)
            if adjective and adjective[0] == end + 1:
                return start, adjective[1]
    return None


def _possessive(context: Context, sentence: Sentence, person: tuple[int, int, str]) -> Iterator[tuple[str, str]]:
    """"<Org>'s <role>, <Person>" and "<Org>'s <role> <Person>"."""
    tokens = context.tokens
    end = person[0] - 1
    if end >= sentence.first and tokens[end].text == ",":
        end -= 1
    for mark in range(end - 1, max(sentence.first, end - MAX_ROLE_WORDS) - 1, -1):
        if tokens[mark].text in POSSESSIVE_MARKS:
            owner = _org_ending_at(context, sentence, mark - 1)
            role = _role(context, mark + 1, end + 1)
            if owner and role:
                yield owner[1], role
            return


def _role_of_before(context: Context, sentence: Sentence, person: tuple[int, int, str]) -> Iterator[tuple[str, str]]:
    """"the <role> of <Org>, [<rank>] <Person>"."""
    tokens = context.tokens
    end = _before_rank(context, sentence, person[0]) - 1
    if end < sentence.first or tokens[end].text != ",":
        return
    owner = _org_ending_at(context, sentence, end - 1, after_of=True)
    if not owner:
        return
    preposition = _descriptor_start(context, sentence, owner[0]) - 1
    if preposition > sentence.first and tokens[preposition].text.casefold() == "the":
        preposition -= 1
    if preposition <= sentence.first or tokens[preposition].text.casefold() not in ROLE_PREPOSITIONS:
        return
    if tokens[preposition].text.casefold() != "of" and not _organization_at(context, owner[0]):
        return  # an untyped place holds an office only after "of"
    start = preposition - 1
    while start > sentence.first and tokens[start - 1].text.casefold() not in DETERMINERS | {","} and preposition - start < MAX_ROLE_WORDS:
        start -= 1
    for first in range(start, preposition):
        role = _role(context, first, preposition)
        if role:
            yield owner[1], role
            return


def _descriptor_start(context: Context, sentence: Sentence, name: int) -> int:
    """Where a short description before a name begins: "Chilean airline" in "of Chilean airline
    Aerovía Austral SA" (a nationality and common nouns); the name itself when there is none."""
    tokens = context.tokens
    start = name
    while start - 1 > sentence.first and tokens[start - 1].pos == "NOUN" and tokens[start - 1].text.islower() \
            and name - start < MAX_ROLE_WORDS:
        start -= 1
    if start < name and start - 1 > sentence.first and names.normal(tokens[start - 1].text) in names.demonyms():
        start -= 1
    return start


def _governed_place(context: Context, sentence: Sentence, index: int) -> str | None:
    """"[the] [provincial] government of <Place>" from token ``index``: the place's key."""
    tokens = context.tokens
    while index < sentence.last and tokens[index].tag in ADJECTIVE_TAGS and index not in context.at:
        index += 1
    if index + 2 >= sentence.last or tokens[index].text.casefold() not in names.lexicon("government_nouns") \
            or tokens[index + 1].text != "of":
        return None
    place = _entity_at(context, index + 2)
    return place[2] if place and place[0] == index + 2 and context.kinds.get(place[2], ("", None))[0] == "Place" else None


def _past_places(context: Context, sentence: Sentence, index: int) -> int:
    """The index after any "in <Place>" from ``index``: "a spokeswoman in Examplia for Acme"
    works for Acme; the place says where, not for whom."""
    tokens = context.tokens
    while index + 1 < sentence.last and tokens[index].text.casefold() == "in":
        place = _entity_at(context, index + 1)
        if not place or place[0] != index + 1 or context.kinds.get(place[2], ("", None))[0] != "Place":
            break
        index = place[1]
    return index


def _appositive(context: Context, sentence: Sentence, person: tuple[int, int, str]) -> Iterator[tuple[str, str]]:
    """"<Person>, [the] [<Org>] <role> [of|at|for|to [the] <Org>]"."""
    tokens = context.tokens
    index = person[1]
    while index < sentence.last and (tokens[index].text == "," or tokens[index].text in names.lexicon("honorifics")):
        index += 1
    if index == person[1] or index >= sentence.last or tokens[index - 1].text != ",":
        return
    index = _past_age_and_copula(tokens, index, sentence.last)
    definite = tokens[index].text.casefold() == "the"
    if tokens[index].text.casefold() in DETERMINERS:
        index += 1
    owner = _organization_at(context, index)
    if owner is None and definite and index + 1 < sentence.last and tokens[index].pos == "NOUN" and tokens[index + 1].tag == "POS":
        named = _named_by_noun(context, index)  # "Jane Doe, the club's sporting director"
        owner = (index, index + 1, named) if named else None
    start = owner[1] if owner else index
    possessed = owner is not None and start < sentence.last and tokens[start].tag == "POS"
    if possessed:
        start += 1  # "Jane Doe, Acme Gold's chief executive"
    end = start
    while end < sentence.last and end - start < MAX_ROLE_WORDS and tokens[end].text.casefold() not in ROLE_PREPOSITIONS \
            and tokens[end].tag in ROLE_WORD_TAGS | {"HYPH"}:
        end += 1
    role = _role(context, start, end)
    if not role:
        return
    if possessed:
        yield owner[2], role  # "the agency's director for Johor": the possessor employs, "for" names the area
        return
    after = _past_places(context, sentence, end)
    if owner and after < sentence.last and tokens[after].text.casefold() == "for":
        yield owner[2], role  # "the National Police commander for the county": the body employs, "for" names the area
        return
    if after < sentence.last and tokens[after].text.casefold() in ROLE_PREPOSITIONS:
        target = after + 1
        if target < sentence.last and tokens[target].text.casefold() == "the":
            target += 1
        target = _past_seat(context, sentence, target)  # "director of the Colombo-based Centre for ..."
        target = _past_possessor(context, sentence, target)  # "leader of Iceland's center-left Solidarity Party"
        target = _past_descriptors(context, sentence, target)  # "leader of the small opposition Civic Party"
        unit_at = target
        target = _past_local_unit(context, sentence, target)  # "head of the Rotterdam unit of the National Police"
        if target != unit_at:
            of = max(i for i in range(unit_at, target) if tokens[i].text.casefold() == "of")
            role = " ".join([role, *(t.text if t.index in context.at else t.text.casefold() for t in tokens[after:of])])
        after_of = tokens[after].text.casefold() == "of"
        organization = _organization_at(context, target, after_of) if target < sentence.last else None
        governed = _governed_place(context, sentence, target)
        if governed:
            yield governed, role
            return
        if organization and not (organization[1] < sentence.last and _role(context, organization[1], organization[1] + 1)):
            yield organization[2], role
            return
        if organization:
            return  # "a lawyer for the <Org> secretary": the role is held for a person
        referred = _named_by_head(context, sentence, after + 1)
        if referred:
            yield referred, role  # "a teacher at the school": the school the article named
            return
    if owner:
        yield owner[2], role


def _past_age_and_copula(tokens: Sequence[Token], index: int, end: int) -> int:
    """Where the role phrase of an appositive begins past an age ("Jan Maj, 47, an inspector at ...")
    and a relative "who was" ("Lis, who was the site manager for ...")."""
    if index + 2 < end and tokens[index].tag == "CD" and tokens[index + 1].text == ",":
        index += 2
    if index < end and tokens[index].text.casefold() == "who":
        index += 1
        while index < end and tokens[index].text.casefold() in COPULA_WORDS:
            index += 1
    return index


def _name_head(context: Context, name: tuple[int, int, str]) -> Token | None:
    """The token of a name hung on something outside it: the name's syntactic head."""
    return next((t for t in context.tokens[name[0] : name[1]] if not name[0] <= t.head < name[1]), None)


def _appointed_as(context: Context, sentence: Sentence, person: tuple[int, int, str]) -> Iterator[tuple[str, str]]:
    """"X was appointed finance minister", "X becomes fisheries minister": the post the verb gives,
    held at the organisation after "of", else where a bare title would be (the story's country
    for an office of state, its company for a company title)."""
    tokens = context.tokens
    head = _name_head(context, person)
    if head is None or head.dep not in ("nsubj", "nsubjpass") or tokens[head.head].lemma.casefold() not in names.lexicon("appointing_verbs"):
        return
    verb = tokens[head.head]
    post = next((t for t in tokens[verb.index + 1 : sentence.last]
                 if t.head == verb.index and t.dep in ("oprd", "attr", "xcomp", "dobj") and t.pos == "NOUN"), None)
    if post is None:
        return
    first = post.index
    while first - 1 > verb.index and tokens[first - 1].head == post.index and tokens[first - 1].dep in ("compound", "amod"):
        first -= 1
    role = _role(context, first, post.index + 1)
    if not role:
        return
    if post.index + 2 < sentence.last and tokens[post.index + 1].text.casefold() == "of":
        target = post.index + 2 + (tokens[post.index + 2].text.casefold() == "the")
        organization = _organization_at(context, target, after_of=True) if target < sentence.last else None
        if organization:
            yield organization[2], role
        return
    others = any(key != person[2] and context.kinds.get(key, ("", None))[0] in (ORGANIZATION_KIND, "Person")
                 for i, (_, key) in context.at.items() if sentence.first <= i < sentence.last)
    owner = _title_owner(context, sentence, first, role.casefold(), others)
    if owner:
        yield owner, role


def _founded(context: Context, sentence: Sentence, person: tuple[int, int, str]) -> Iterator[tuple[str, str]]:
    """"X founded Acme", "X, 58, who set up the Acme Trust in 2012": the organisation the person's
    verb (or the verb of a "who" clause on the name) founded (`entities/founding_verbs.txt`)."""
    tokens = context.tokens
    head = _name_head(context, person)
    if head is None:
        return
    verbs = [tokens[head.head]] if head.dep == "nsubj" else []
    verbs += [t for t in tokens[head.index + 1 : sentence.last] if t.head == head.index and t.dep == "relcl"]
    for verb in verbs:
        particles = [t.text.casefold() for t in tokens[verb.index + 1 : sentence.last] if t.head == verb.index and t.dep == "prt"]
        if not {verb.lemma.casefold(), *(f"{verb.lemma.casefold()} {p}" for p in particles)} & names.lexicon("founding_verbs"):
            continue
        objects = [t for t in tokens[verb.index + 1 : sentence.last] if t.head == verb.index and t.dep == "dobj"]
        for obj in objects:
            for i in range(verb.index + 1, obj.index + 1):
                organization = _entity_at(context, i)
                if organization and organization[0] == i and context.kinds.get(organization[2], ("", None))[0] == ORGANIZATION_KIND:
                    yield organization[2], FOUNDER
                    return


def _past_possessor(context: Context, sentence: Sentence, index: int) -> int:
    """Where the organisation a place's possessive introduces begins ("Iceland's center-left
    Solidarity Party"); ``index`` itself when there is none."""
    tokens = context.tokens
    owner = _entity_at(context, index) if index < sentence.last else None
    if not owner or owner[0] != index or owner[1] >= sentence.last or tokens[owner[1]].tag != "POS":
        return index
    after = _past_descriptors(context, sentence, owner[1] + 1)
    return after if after != owner[1] + 1 or _organization_starts(context, sentence, after) else index


def _past_descriptors(context: Context, sentence: Sentence, index: int) -> int:
    """Where the organisation that lower-case descriptors introduce begins ("the small opposition
    Civic Party", "center-left Solidarity Party"); ``index`` itself when none does."""
    tokens = context.tokens
    after = index
    while after < sentence.last and after not in context.at and tokens[after].tag in ADJECTIVE_TAGS | {"HYPH", "NN", "VBN", "VBG"}:
        after += 1
    return after if after != index and _organization_starts(context, sentence, after) else index


def _organization_starts(context: Context, sentence: Sentence, index: int) -> bool:
    organization = _entity_at(context, index) if index < sentence.last else None
    return bool(organization) and organization[0] == index and context.kinds.get(organization[2], ("", None))[0] == ORGANIZATION_KIND


def _named_by_head(context: Context, sentence: Sentence, index: int) -> str | None:
    """"the school" at token ``index``, a definite noun ending its phrase: what "the school" stands
    for (``_named_by_noun``: "Abai Secondary School", named before)."""
    tokens = context.tokens
    if index + 1 >= sentence.last or tokens[index].text.casefold() != "the" or tokens[index + 1].pos != "NOUN":
        return None
    if index + 2 < sentence.last and tokens[index + 2].pos in ("NOUN", "PROPN"):
        return None  # "the school board": another body
    return _named_by_noun(context, index + 1)


def _led_by(context: Context, sentence: Sentence, person: tuple[int, int, str]) -> Iterator[tuple[str, str]]:
    """"Kallio's board, led by chairman Pekka Rautio,", "the Red Hand, led by General X": the
    organisation (or its body) right before "led by" is the person's, the title the post when it
    is a post there, else "leader" ("led by former finance minister X": the title is another post)."""
    tokens = context.tokens
    start = _before_rank(context, sentence, person[0])
    by = next((i for i in range(start - 1, max(sentence.first, start - 1 - MAX_ROLE_WORDS) - 1, -1)
               if tokens[i].text.casefold() == "by"), None)
    if by is None or by - 1 < sentence.first or tokens[by - 1].text.casefold() != "led":
        return
    title = _role(context, by + 1, start) if by + 1 < start else None
    elsewhere = title is None or names.is_past_role(title) or names.is_state_office(title)
    role = names.role_verbs()["leads"] if elsewhere else title
    led = by - 1 - (by - 2 >= sentence.first and tokens[by - 2].text == ",")
    if led - 2 >= sentence.first and tokens[led - 1].pos == "NOUN" and tokens[led - 2].tag == "POS":
        led -= 2  # "Kallio's board": the organisation the body is of
    organization = _entity_at(context, led - 1) if led > sentence.first else None
    if not role or not organization or organization[1] != led or context.kinds.get(organization[2], ("", None))[0] != ORGANIZATION_KIND:
        return
    before = organization[0] - 1 - (organization[0] > sentence.first and tokens[organization[0] - 1].text.casefold() in DETERMINERS)
    if before >= sentence.first and tokens[before].text.casefold() == "of":
        return  # "a faction of the FPR led by Col. X": a part of it is led
    yield organization[2], role


def _who_leads(context: Context, sentence: Sentence, person: tuple[int, int, str]) -> Iterator[tuple[str, str]]:
    """"<Person>, [<age>,] who leads [the] <Org>": the post the verb gives (`entities/role_verbs.tsv`)."""
    tokens = context.tokens
    index = person[1]
    if index + 3 < sentence.last and tokens[index].text == "," and tokens[index + 1].pos == "NUM" and tokens[index + 2].text == ",":
        index += 2  # "Jane Doe, 48, who leads ..."
    if index + 3 >= sentence.last or tokens[index].text != "," or tokens[index + 1].text.casefold() != "who":
        return
    verb_end = index + 3
    role = names.role_verbs().get(tokens[index + 2].text.casefold())
    if role is None and verb_end + 1 < sentence.last:  # "who had headed"
        role = names.role_verbs().get(f"{tokens[index + 2].text} {tokens[index + 3].text}".casefold())
        verb_end += 1
    target = verb_end + (tokens[verb_end].text.casefold() == "the")
    target = _past_descriptors(context, sentence, target)  # "who leads the governing Acme Alliance"
    organization = _organization_at(context, target) if role and target < sentence.last else None
    # "who ran Acme's iron ore division": a part of the organisation, not the whole.
    if organization and organization[0] == target and not (organization[1] < sentence.last and tokens[organization[1]].tag == "POS"):
        yield organization[2], role


# --- locations -------------------------------------------------------------


def _locations(context: Context, sentence: Sentence) -> Iterator[Relation]:
    seat = _story_company_seat(context, sentence)
    if seat:
        yield seat
    for index in range(sentence.first, sentence.last):
        place = _entity_at(context, index)
        if place and place[0] == index and context.kinds.get(place[2], ("", None))[0] == "Organization":
            seat = _based_in(context, sentence, place[1])
            if seat:
                yield _relation(context, place[2], LOCATION, seat, sentence, "based-in")
            seat = _sited_in(context, sentence, place)
            if seat:
                yield _relation(context, place[2], LOCATION, seat, sentence, "sited-in")
            seat = _seat_after_possessive(context, sentence, place[1]) or _seat_before_of(context, sentence, place)
            if seat:
                yield _relation(context, place[2], LOCATION, seat, sentence, "seat-of")
            seat = _workplace_in(context, sentence, place)
            if seat:
                yield _relation(context, place[2], LOCATION, seat, sentence, "workplace-in")
        if not place or place[0] != index or context.kinds.get(place[2], ("", None))[0] != "Place":
            continue
        container = None if _subtype(context, place[2]) == "Country" else \
            _place_in(context, sentence, place[1]) or _conjunct_place_in(context, sentence, place[1])
        if container and container != place[2]:
            yield _relation(context, place[2], CONTAINED_IN, container, sentence, "place-in")
        container = _place_comma(context, sentence, place)
        if container and container != place[2]:
            yield _relation(context, place[2], CONTAINED_IN, container, sentence, "place-comma")
        container = _place_appositive(context, sentence, place[1])
        if container and container != place[2]:
            yield _relation(context, place[2], CONTAINED_IN, container, sentence, "place-appositive")
        container = _region_of(context, sentence, place[1])
        if container and container != place[2]:
            yield _relation(context, place[2], CONTAINED_IN, container, sentence, "region-of")
        inner = _possessed_place(context, sentence, place)
        if inner:
            yield _relation(context, inner[2], CONTAINED_IN, place[2], sentence, "place-possessive")
        based = _based_organization(context, sentence, place)
        if based:
            yield _relation(context, based, LOCATION, place[2], sentence, "place-based")


def _seat_after_possessive(context: Context, sentence: Sentence, index: int) -> str | None:
    """After an organisation: "'s headquarters in <Place>", "'s head office in <Place>"
    (`entities/seat_nouns.txt`); the seat's key."""
    tokens = context.tokens
    if index >= sentence.last or tokens[index].tag != "POS":
        return None
    for width in (2, 1):
        noun = " ".join(t.text.casefold() for t in tokens[index + 1 : index + 1 + width])
        if noun in names.lexicon("seat_nouns"):
            return _place_in(context, sentence, index + 1 + width)
    return None


def _seat_before_of(context: Context, sentence: Sentence, organization: tuple[int, int, str]) -> str | None:
    """"the headquarters of Aerovía Austral in Santiago": a seat noun, "of" the organisation, then
    "in <Place>"; the seat's key."""
    tokens = context.tokens
    of = organization[0] - 1
    if of - 1 < sentence.first or tokens[of].text.casefold() != "of":
        return None
    for width in (2, 1):
        noun = " ".join(t.text.casefold() for t in tokens[max(sentence.first, of - width) : of])
        if noun in names.lexicon("seat_nouns"):
            return _place_in(context, sentence, organization[1])
    return None


def _sited_in(context: Context, sentence: Sentence, organization: tuple[int, int, str]) -> str | None:
    """"the Eugenio Espejo Hospital in Quito": an organisation that stands at one place
    (`entities/sited_heads.txt`), right before "in <Place>"."""
    words = [context.tokens[i].text for i in range(organization[0], organization[1])]
    # "the National Hospital of Sri Lanka in Colombo": the head comes before "of"
    head = names.normal(words[words.index("of") - 1] if "of" in words[1:] else words[-1])
    if head not in names.lexicon("sited_heads") or organization[1] >= sentence.last \
            or context.tokens[organization[1]].text.casefold() != "in":
        return None
    return _place_phrase(context, sentence, organization[1] + 1)


def _story_company_seat(context: Context, sentence: Sentence) -> Relation | None:
    """"The company, based in Oslo, said ...": the seat of the company the story is about."""
    tokens = context.tokens
    first = sentence.first
    if first + 2 >= sentence.last or tokens[first].text.casefold() != "the":
        return None
    if tokens[first + 1].text.casefold() not in names.lexicon("company_nouns"):
        return None
    seat = _based_in(context, sentence, first + 2)
    company = _story_company(context) if seat else None
    return _relation(context, company, LOCATION, seat, sentence, "story-based-in") if company else None


def _based_in(context: Context, sentence: Sentence, index: int) -> str | None:
    """After an organisation: ", based|headquartered in <Place>", or the same after a short
    description (", a state-owned arms maker based in the central town of Vrbnica", ", a Tarvik-based
    company"), or a company described as in a place (", a small photography company in Tarvik"); the seat's key.

    The participle is required: "Acme in Paris" may be a branch or a visit.
    """
    tokens = context.tokens
    if index + 1 >= sentence.last or tokens[index].text != ",":
        return None
    if tokens[index + 1].text.casefold() not in LOCATED_WORDS:
        if tokens[index + 1].text.casefold() not in DETERMINERS:
            return None
        described = range(index + 2, min(sentence.last - 1, index + 2 + MAX_ROLE_WORDS))
        hyphened = next((i for i in described if tokens[i].text.casefold() == "based" and tokens[i - 1].text == "-"
                         and tokens[i + 1].lemma.casefold() in names.lexicon("company_nouns")), None)
        seat = _entity_at(context, hyphened - 2) if hyphened else None
        if seat and context.kinds.get(seat[2], ("", None))[0] == "Place":
            return seat[2]  # "X, a Linz-based company"
        # "a state-owned arms maker based in X", "a small photography company in X"
        index = next((i for i in described if (tokens[i].text.casefold() in LOCATED_WORDS
                                               or tokens[i].lemma.casefold() in names.lexicon("company_nouns")
                                               and tokens[i + 1].text.casefold() == "in")
                      and all(t.text not in (",", ";") and t.index not in context.at for t in tokens[index + 2 : i])), None)
        if index is None:
            return None
        if tokens[index].text.casefold() not in LOCATED_WORDS:
            index += 1  # the company noun: "in" follows it
    return _place_in(context, sentence, index)


def _workplace_in(context: Context, sentence: Sentence, organization: tuple[int, int, str]) -> str | None:
    """"chief economist at Acme Capital in Cairo": where someone's post is held, a town
    after the employer is where the employer is (a country may be a market, not a seat)."""
    first = organization[0]
    tokens = context.tokens
    if first - 2 < sentence.first or tokens[first - 1].text.casefold() not in WORKPLACE_PREPOSITIONS \
            or not _role(context, first - 2, first - 1):
        return None
    seat = _place_in(context, sentence, organization[1])
    return seat if seat is not None and _subtype(context, seat) in (None, "City") else None


def _subtype(context: Context, key: str) -> str | None:
    return context.kinds.get(key, ("", None))[1]


def _place_in(context: Context, sentence: Sentence, index: int) -> str | None:
    """After a place: "[,] [located] in [the] [adjectives] [city of] <Place>"; the container's key."""
    tokens = context.tokens
    if index < sentence.last and tokens[index].text == ",":
        index += 1
    if index < sentence.last and tokens[index].text.casefold() in LOCATED_WORDS:
        index += 1
    if index >= sentence.last or tokens[index].text.casefold() != "in":
        return None
    return _place_phrase(context, sentence, index + 1)


def _conjunct_place_in(context: Context, sentence: Sentence, index: int) -> str | None:
    """"Velmora and Zenda in Strelsau", "Velmora and Zenda, two communities in Strelsau": a place joined
    by "and" to one that is in another is in it too."""
    if index + 1 >= sentence.last or context.tokens[index].text.casefold() != "and":
        return None
    other = _entity_at(context, index + 1)
    if not other or other[0] != index + 1 or context.kinds.get(other[2], ("", None))[0] != "Place":
        return None
    return _place_in(context, sentence, other[1]) or _place_appositive(context, sentence, other[1])


def _place_phrase(context: Context, sentence: Sentence, index: int) -> str | None:
    """"[the] [adjectives] [city of] <Place>" from token ``index``: the place's key."""
    tokens = context.tokens
    if index < sentence.last and tokens[index].text.casefold() in DETERMINERS:
        index += 1
    # "central" before a name may be tagged a proper noun; written in lower case it is no name.
    while index < sentence.last and index not in context.at and (
            tokens[index].tag in ADJECTIVE_TAGS or tokens[index].pos == "PROPN" and tokens[index].text.islower()):
        index += 1
    if index + 1 < sentence.last and tokens[index].text.casefold() in names.settlement_nouns() \
            and tokens[index + 1].text.casefold() == "of":
        index += 2
    found = _entity_at(context, index) if index < sentence.last else None
    if found and found[0] == index and context.kinds.get(found[2], ("", None))[0] == "Place":
        inner = _possessed_place(context, sentence, found)
        return inner[2] if inner else found[2]  # "in Mozambique's northern Cabo Delgado province"
    return None


def _possessed_place(context: Context, sentence: Sentence, owner: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """"Mozambique's northern Cabo Delgado province", "Fiji's second-largest island, Vanua Levu":
    the place a place's possessive introduces."""
    tokens = context.tokens
    index = owner[1]
    if index >= sentence.last or tokens[index].tag != "POS":
        return None
    index += 1
    while index < sentence.last and index not in context.at and (tokens[index].tag in ADJECTIVE_TAGS | {"HYPH"}
                                                                 or tokens[index].text == ","
                                                                 or tokens[index].text.casefold() in names.settlement_nouns()):
        index += 1
    found = _entity_at(context, index) if index < sentence.last else None
    if found and found[0] == index and found[2] != owner[2] and context.kinds.get(found[2], ("", None))[0] == "Place":
        return found
    return None


def _past_seat(context: Context, sentence: Sentence, index: int) -> int:
    """The token after a seat written before a name ("the Colombo-based Centre"), else ``index``."""
    tokens = context.tokens
    found = _entity_at(context, index)
    if found and found[0] == index and found[1] + 1 < sentence.last and tokens[found[1]].text == "-" \
            and tokens[found[1] + 1].text.casefold() in names.SEAT_WORDS:
        return found[1] + 2
    return index


def _past_local_unit(context: Context, sentence: Sentence, index: int) -> int:
    """The token after "<Place> unit|branch|office of [the]" ("the Rotterdam unit of the National
    Police" is part of the police, not of Rotterdam), else ``index``."""
    tokens = context.tokens
    found = _entity_at(context, index)
    if not found or found[0] != index or context.kinds.get(found[2], ("", None))[0] != "Place":
        return index
    after = found[1]
    if after + 2 < sentence.last and tokens[after].text.casefold() in names.lexicon("unit_nouns") | {"office"} \
            and tokens[after + 1].text.casefold() == "of":
        return after + 2 + (tokens[after + 2].text.casefold() == "the")
    return index


def _based_organization(context: Context, sentence: Sentence, place: tuple[int, int, str]) -> str | None:
    """"Johannesburg-based Leeuwbank Resources Ltd", "the Stuttgart-based company": the
    organisation (or, for a company noun, the story's company) sitting in the place."""
    tokens = context.tokens
    index = place[1]
    if index + 1 >= sentence.last or tokens[index].text != "-" or tokens[index + 1].text.casefold() not in names.SEAT_WORDS:
        return None
    company_noun = False
    for i in range(index + 2, min(sentence.last, index + 2 + MAX_ROLE_WORDS)):
        found = _entity_at(context, i)
        if found and context.kinds.get(found[2], ("", None))[0] == ORGANIZATION_KIND:
            return found[2]  # "Breda-based freight company Kampen Logistics BV"
        if tokens[i].pos not in ("ADJ", "NOUN", "PROPN"):
            break
        company_noun = tokens[i].text.casefold() in names.lexicon("company_nouns")
    return _story_company(context) if company_noun else None  # "the Stuttgart-based company said"


def _place_appositive(context: Context, sentence: Sentence, index: int) -> str | None:
    """After a place: ", a [adjectives] <settlement noun> of|in <Place>" ("X, a suburb of Y"),
    or its "in <Place>" after a short description ("X, a village of 300 people in Y")."""
    tokens = context.tokens
    if index + 3 < sentence.last and tokens[index].text == "," and tokens[index + 2].tag == "POS":
        owner = _entity_at(context, index + 1)
        # "Phnom Penh, Cambodia's capital": the place whose settlement the first one is.
        if owner and owner[1] == index + 2 and context.kinds.get(owner[2], ("", None))[0] == "Place" \
                and _settlement_noun_ahead(context, sentence, index + 3):
            return owner[2]
    # ", a suburb of Y", and after two places ", two divisions of Y".
    if index + 2 >= sentence.last or tokens[index].text != "," \
            or tokens[index + 1].text.casefold() not in DETERMINERS and tokens[index + 1].tag != "CD":
        return None
    index += 2
    # "a remote town", "a market town": adjectives and nouns before the settlement noun.
    while index + 1 < sentence.last and index not in context.at and not _settlement_word(tokens[index]) \
            and tokens[index].tag in ADJECTIVE_TAGS | COMMON_NOUN_TAGS:
        index += 1
    if index + 1 >= sentence.last or not _settlement_word(tokens[index]):
        return None
    if tokens[index + 1].text.casefold() in {"of", "in"} and (container := _place_phrase(context, sentence, index + 2)):
        return container
    # "X, a village of about 300 people in the municipality of Y": "in" after a short description.
    for i in range(index + 1, min(sentence.last, index + 1 + MAX_ROLE_WORDS)):
        if tokens[i].text == "," or i in context.at:
            return None
        if tokens[i].text.casefold() == "in":
            return _place_phrase(context, sentence, i + 1)
    return None


def _settlement_word(token: Token) -> bool:
    return token.text.casefold() in names.settlement_nouns() or token.lemma.casefold() in names.settlement_nouns()


def _settlement_noun_ahead(context: Context, sentence: Sentence, index: int) -> bool:
    """Whether a settlement noun follows at ``index``, past adjectives ("second-largest city")."""
    tokens = context.tokens
    while index < sentence.last and index not in context.at and tokens[index].text.casefold() not in names.settlement_nouns() \
            and tokens[index].tag in ADJECTIVE_TAGS | {"HYPH", "JJS", "RB"}:
        index += 1
    return index < sentence.last and tokens[index].text.casefold() in names.settlement_nouns()


def _region_of(context: Context, sentence: Sentence, index: int) -> str | None:
    """After a place: "<settlement noun> of|in <Place>" ("Ruwakot district of Karnali Province")."""
    tokens = context.tokens
    if index + 2 >= sentence.last or tokens[index].text.casefold() not in names.settlement_nouns():
        return None
    return _place_phrase(context, sentence, index + 2) if tokens[index + 1].text.casefold() in {"of", "in"} else None


def _place_comma(context: Context, sentence: Sentence, place: tuple[int, int, str]) -> str | None:
    """"<City>, <Country or region>", not inside a list ("A, B and C")."""
    tokens = context.tokens
    first, last, key = place
    if context.kinds.get(key, ("", None))[1] in REGION_SUBTYPES:
        return None
    if last + 1 >= sentence.last or tokens[last].text != ",":
        return None
    if first > sentence.first and tokens[first - 1].text == ",":
        return None
    container = _entity_at(context, last + 1)
    if not container or container[0] != last + 1:
        return None
    # An untyped place after the comma is read as a state or region ("Quillby, Ohio"):
    # the list checks below keep "Berlin, Paris and Rome" out.
    if context.kinds.get(container[2], ("", None)) not in {("Place", "Country"), ("Place", "Region"), ("Place", None)}:
        return None
    after = container[1]
    if after < sentence.last and tokens[after].text in POSSESSIVE_MARKS:
        return None  # "Jane Doe, Freedonia's envoy": a person, not a place
    if after < sentence.last and (tokens[after].text == "," and after + 1 < sentence.last and _entity_at(context, after + 1)
                                  or tokens[after].text.casefold() in {"and", "or"}):
        return None
    return container[2]


def _facility_descriptions(context: Context, found: list[Relation]) -> Iterator[Relation]:
    """"a prison in <Place>", "the prison, in <Place>", "a Freedonian prison": said of the
    article's one named facility with that head noun."""
    facilities = _named_facilities(context)
    tokens = context.tokens
    for sentence in context.parsed.sentences:
        for index in range(sentence.first, sentence.last):
            head = tokens[index].text.casefold()
            if head not in facilities or index in context.at or tokens[index].tag != "NN":
                continue
            facility = facilities[head]
            determiner = index - 1
            if determiner >= sentence.first:
                adjective = _country_of_adjective(context, determiner)
                if adjective and adjective[0] == index:
                    yield _relation(context, facility, CONTAINED_IN, adjective[1], sentence, "facility-description")
                    continue
            container = _place_in(context, sentence, index + 1)
            if container and container != facility:
                yield _relation(context, facility, CONTAINED_IN, container, sentence, "facility-description")


def _named_facilities(context: Context) -> dict[str, str]:
    """Facility head noun -> the key of the one named facility the article has with that head."""
    by_head: dict[str, set[str]] = {}
    for mention, key in {v for v in context.at.values()}:
        kind, subtype = context.kinds.get(key, ("", None))
        if kind != "Place" or subtype not in set(names.facility_heads().values()):
            continue
        words = names.normal(mention.text).split()
        if words and words[-1] in names.facility_heads():
            by_head.setdefault(words[-1], set()).add(key)
    return {head: next(iter(keys)) for head, keys in by_head.items() if len(keys) == 1}


def _facility_inferences(context: Context, found: list[Relation]) -> Iterator[Relation]:
    """A facility in a city and in a country: the city is in that country."""
    places = [r for r in found if r.predicate == CONTAINED_IN]
    for city_link in places:
        for country_link in places:
            if city_link.subject != country_link.subject or city_link.object == country_link.object:
                continue
            if _subtype(context, city_link.object) in REGION_SUBTYPES or _subtype(context, country_link.object) != "Country":
                continue
            if any(r.subject == country_link.object and r.object == city_link.object for r in places):
                continue
            yield Relation(
                subject=city_link.object,
                predicate=CONTAINED_IN,
                object=country_link.object,
                article_id=city_link.article_id,
                evidence_start=min(city_link.evidence_start, country_link.evidence_start),
                evidence_end=max(city_link.evidence_end, country_link.evidence_end),
                confidence=CONFIDENCE["facility-inference"],
                rule="facility-inference",
            )


def _units_of_its(context: Context, sentence: Sentence) -> Iterator[Relation]:
    """"Acme said it would sell its coffee unit, Nordkaffe AB, ...": the named unit is part of
    the organisation "its" stands for (the one named last before it)."""
    tokens = context.tokens
    for index in range(sentence.first, sentence.last - 2):
        if tokens[index].text.casefold() != "its":
            continue
        for end in range(index + 1, min(index + 1 + MAX_ROLE_WORDS, sentence.last - 1)):
            if tokens[end].text.casefold() in names.lexicon("unit_nouns") and tokens[end + 1].text == ",":
                unit = _entity_at(context, end + 2)
                parent = _organization_before(context, index)
                if unit and parent and context.kinds.get(unit[2], ("", None))[0] == ORGANIZATION_KIND and unit[2] != parent:
                    yield _relation(context, unit[2], PARENT, parent, sentence, "its-unit")
                break


def _units_described(context: Context, sentence: Sentence) -> Iterator[Relation]:
    """"Acme Ltd, a subsidiary of Spain's Beta Group", "the Rapid Response Unit, an elite unit of
    the National Police", "X, part of the Y": an organisation described as a unit of another."""
    tokens = context.tokens
    for index in range(sentence.first, sentence.last):
        unit = _entity_at(context, index)
        if not unit or unit[0] != index or context.kinds.get(unit[2], ("", None))[0] != ORGANIZATION_KIND:
            continue
        of = _unit_phrase_end(tokens, unit[1], sentence.last)
        if of is None:
            continue
        target = of + 1 + (of + 1 < sentence.last and tokens[of + 1].text.casefold() == "the")
        # "Spain's Beta Group", "Singapore-based Beta Group", "the state-owned Beta Group"
        target = _past_possessor(context, sentence, _past_descriptors(context, sentence, _past_seat(context, sentence, target)))
        parent = _organization_at(context, target) if target < sentence.last else None
        if parent and parent[0] == target and parent[2] != unit[2] \
                and context.kinds.get(parent[2], ("", None))[0] == ORGANIZATION_KIND:
            yield _relation(context, unit[2], PARENT, parent[2], sentence, "unit-of")


def _unit_phrase_end(tokens: Sequence[Token], after_name: int, last: int) -> int | None:
    """The "of" ending ", a [adjectives] subsidiary of" or ", part of" right after a name, if one does."""
    if after_name + 2 >= last or tokens[after_name].text != ",":
        return None
    index = after_name + 1
    if tokens[index].text.casefold() == "part" and tokens[index + 1].text.casefold() == "of":
        return index + 1
    if tokens[index].text.casefold() not in DETERMINERS:
        return None
    for end in range(index + 1, min(index + 1 + MAX_ROLE_WORDS, last - 1)):
        if tokens[end].text.casefold() in names.lexicon("unit_nouns") and tokens[end + 1].text.casefold() == "of":
            return end + 1
        if tokens[end].tag not in ADJECTIVE_TAGS | {"NN", "HYPH", "VBN"}:
            return None
    return None


def _parent_organizations(context: Context) -> Iterator[Relation]:
    """"<Org> Media Center" is part of <Org> when both are named in the article."""
    organizations = {}
    for mention, key in {v for v in context.at.values()}:
        if mention.kind == "Organization":
            organizations.setdefault(key, []).append(mention)
    for key, mentions in sorted(organizations.items()):
        for mention in mentions:
            first_word = names.words(mention.text)[0] if names.words(mention.text) else ""
            words = names.words(mention.text)
            if len(words) < 2 or names.normal(words[-1]) not in names.lexicon("unit_heads"):
                continue
            for other_key, others in organizations.items():
                if other_key != key and any(names.normal(o.text) == names.normal(first_word) for o in others):
                    sentence = context.parsed.sentence_of(_token_at(context, mention.start))
                    yield _relation(context, key, PARENT, other_key, sentence, "name-prefix")


def _token_at(context: Context, start: int) -> int:
    return next(t.index for t in context.tokens if t.start == start)


def _best(found: list[Relation]) -> list[Relation]:
    """One relation per (subject, predicate, object, evidence): the most confident."""
    best: dict[tuple, Relation] = {}
    for relation in found:
        key = (relation.subject, relation.predicate, relation.object, relation.evidence_start, relation.evidence_end)
        if key not in best or relation.confidence > best[key].confidence:
            best[key] = relation
    return sorted(best.values(), key=lambda r: (r.evidence_start, r.subject, r.predicate, r.object, r.rule))
