"""Entity resolution: which mentions, in which articles, name the same thing.

In: the ``Mention``s of every article and an optional ``AliasTable`` (the
user's ``--aliases FILE``). Out: a ``Resolution``: one ``Entity`` per real
thing, the ``Merge``s that explain every join, and each mention's entity key.

Mentions are first grouped by article, kind and normal form ("Da’esh" and
"Da'esh" are one name). Then, inside each article:
- ``alias``: names the built-in or user alias table lists together;
- ``company-name``: "Acme" and the one company of the article named "Acme"
  with a legal form after it ("Acme N.V.", "Acme Inc.");
- ``acronym-defined`` / ``acronym-initials``: "FLF" and the one name of the
  same kind whose initials spell it (defined in the text as "Name (FLF)" or not);
- ``surname``: a person's last word(s) ("Doe", "Ms. Doe") and the one
  full name of the article ending so;
- ``short-form``: an organisation's or place's leading or trailing words and
  the one longer name of the same kind and compatible subtype (a place is not
  the short form of itself plus a settlement noun: "Mexico" vs "Mexico City").
Across articles a name first gets one kind (``_one_kind_per_name``): an
article's weak reading gives way to the kind the corpus shows. Then the local
groups are joined when:
- ``same-name``: a group's fullest name is a name of the other (not a surname);
- ``alias``: the alias table lists them together;
- ``acronym-initials``: an acronym left alone and the one name in the corpus it spells;
- ``transliteration``: the names share a consonant skeleton and are similar
  enough, with the same kind and a compatible subtype;
- ``facility-by-place``: a facility named after a place ("the Dalmakah
  prison") and the one facility of that kind named in a sentence with that place.
A join never happens between two kinds (a person is never a place), when the
user's file lists the pair as never to merge,
or (across articles) when it would put two groups one article keeps apart
onto one node: "Iraq" and "Iran" side by side in one text contradict a
spelling variant. Ambiguous short forms (two people named Smith) stay apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from kg import names
from kg.aliases import AliasTable, builtin_aliases
from kg.model import Entity, Mention, Merge

# How sure each rule is; an entity's confidence is the least of its joins'.
CONFIDENCE = {
    "user-alias": 1.0,
    "same-name": 1.0,
    "alias": 0.95,
    "acronym-defined": 0.95,
    "acronym-initials": 0.85,
    "surname": 0.9,
    "company-name": 0.9,
    "short-form": 0.8,
    "transliteration": 0.75,
    "middle-name": 0.75,
    "facility-by-place": 0.6,
}
MIN_TRANSLITERATION_SIMILARITY = 0.75
MIN_TRANSLITERATION_LENGTH = 5
# Weight of an article's strong evidence for a name's kind, against one per mention.
STRONG_VOTE = 10
FACILITY_SUBTYPES = frozenset(names.facility_heads().values())


class EntityKeys(dict[Mention, str]):
    """Each mention's entity key, with the corpus-wide lookups later stages share.

    Computed once on first use, so a stage run article by article never
    rescans the whole corpus. ``resolve`` declares each entity's kind, which
    may differ from the kind one article gave a mention (see ``_one_kind_per_name``).
    """

    def __init__(self, *args, declared: dict[str, tuple[str, str | None]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._declared = declared

    @cached_property
    def kinds(self) -> dict[str, tuple[str, str | None]]:
        """Entity key -> (kind, subtype), the subtype its mentions give most often (as ``Entity``)."""
        if self._declared is not None:
            return self._declared
        subtypes: dict[str, Counter] = defaultdict(Counter)
        kinds = {}
        for mention, key in self.items():
            kinds[key] = mention.kind
            if mention.subtype:
                subtypes[key][mention.subtype] += 1
        return {key: (kind, _commonest(subtypes[key])) for key, kind in kinds.items()}

    @cached_property
    def place_keys(self) -> dict[str, str]:
        """Normal form of a place's name -> the key of the first place the corpus writes so."""
        found: dict[str, str] = {}
        for mention, key in sorted(self.items(), key=lambda item: (item[0].article_id, item[0].start, item[0].end)):
            if self.kinds[key][0] == "Place":
                found.setdefault(names.normal(mention.text), key)
        return found


@dataclass(frozen=True)
class Resolution:
    """Entities, the joins behind them, and each mention's entity key."""

    entities: list[Entity]
    merges: list[Merge]
    key_of: EntityKeys


@dataclass
class Name:
    """The mentions of one name (kind + normal form) in one article.

    ``kind`` starts as the article's and may be corrected by the corpus
    (``_one_kind_per_name``); ``mentions`` stay as the article gave them.
    """

    article_id: str
    kind: str
    normal: str
    mentions: list[Mention] = field(default_factory=list)

    # Names are complete once ``_names`` has read every mention; these are then fixed.
    @cached_property
    def surface(self) -> str:
        """The commonest way the article writes it (first on a tie)."""
        counts = Counter(m.text for m in self.mentions)
        first_seen = {text: -i for i, text in reversed(list(enumerate(m.text for m in self.mentions)))}
        return max(counts, key=lambda s: (counts[s], first_seen[s]))

    @cached_property
    def words(self) -> list[str]:
        return names.words(self.surface)

    @cached_property
    def subtype(self) -> str | None:
        return _commonest(Counter(m.subtype for m in self.mentions if m.subtype))

    @property
    def first(self) -> Mention:
        return self.mentions[0]


@dataclass(frozen=True)
class Join:
    a: int
    b: int
    rule: str
    evidence: str
    surface_a: str
    surface_b: str


class Groups:
    """Union-find over names, refusing joins the aliases or the articles forbid.

    Each group's root keeps its member list and its set of articles, so a join
    costs the size of the smaller group, never a pass over every name.
    """

    def __init__(self, items: list[Name], table: AliasTable):
        self.items = items
        self.parent = list(range(len(items)))
        self._members = [[i] for i in range(len(items))]
        self._articles = [{item.article_id} for item in items]
        self.table = table
        self.joins: list[Join] = []
        self.cross_article = False

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def members(self, i: int) -> list[int]:
        return sorted(self._members[self.find(i)])

    def join(self, a: int, b: int, rule: str, evidence: str, surfaces: tuple[str, str] | None = None) -> bool:
        """Put names ``a`` and ``b`` on one entity unless forbidden; ``surfaces`` default to theirs."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self._forbidden(ra, rb):
            return False
        keep, gone = min(ra, rb), max(ra, rb)  # the root is always a group's first name
        self.parent[gone] = keep
        # Grow the larger collection by the smaller one.
        members = sorted((self._members[keep], self._members[gone]), key=len)
        members[1].extend(members[0])
        articles = sorted((self._articles[keep], self._articles[gone]), key=len)
        articles[1].update(articles[0])
        self._members[keep], self._members[gone] = members[1], []
        self._articles[keep], self._articles[gone] = articles[1], set()
        surface_a, surface_b = surfaces or (self.items[a].surface, self.items[b].surface)
        self.joins.append(Join(a, b, rule, evidence, surface_a, surface_b))
        return True

    def _forbidden(self, ra: int, rb: int) -> bool:
        if self.items[ra].kind != self.items[rb].kind:
            return True  # a person is never a place: a wrong type must not pull two things together
        if self.table.never:
            left, right = self._members[ra], self._members[rb]
            if self.table.forbids({self.items[i].normal for i in left}, {self.items[i].normal for i in right}):
                return True
        # Two names one article keeps apart must not meet through a third article.
        return self.cross_article and not self._articles[ra].isdisjoint(self._articles[rb])


def resolve(mentions: Sequence[Mention], aliases: AliasTable | None = None) -> Resolution:
    """Join mentions into entities.

    Args:
        mentions: every mention of every article, in any order.
        aliases: the user's alias table; it overrides the built-in one and the rules.
    Returns:
        A Resolution whose entities are sorted by key.
    """
    user = aliases or AliasTable()
    items = _names(mentions)
    groups = Groups(items, user)
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        by_article[item.article_id].append(i)
    for article_id in sorted(by_article):
        _within_article(groups, by_article[article_id], user)
    groups.cross_article = True
    _one_kind_per_name(groups)
    _across_articles(groups, user)
    return _build(groups)


def _names(mentions: Sequence[Mention]) -> list[Name]:
    found: dict[tuple[str, str, str], Name] = {}
    for mention in sorted(mentions, key=lambda m: (m.article_id, m.start, m.end)):
        key = (mention.article_id, mention.kind, names.normal(mention.text))
        found.setdefault(key, Name(*key)).mentions.append(mention)
    return [found[key] for key in sorted(found)]


# --- within one article ----------------------------------------------------


def _within_article(groups: Groups, indexes: list[int], user: AliasTable) -> None:
    items = groups.items
    _join_by_alias(groups, indexes, user)
    _join_bracketed_acronyms(groups, indexes)
    longer = _longer_names(items, indexes)
    for short in indexes:
        for rule, match in WITHIN_ARTICLE_RULES:
            looked_up = longer.get((rule, *_short_key(rule, items[short])), ())
            candidates = [long for long in sorted(set(looked_up)) if long != short and match(items[short], items[long])]
            if rule == "surname" and len({groups.find(c) for c in candidates}) > 1:
                candidates = _introduced_before(items, candidates, items[short])
            roots = {groups.find(c) for c in candidates}
            if len(roots) == 1:  # one reading only; two candidates mean doubt, so keep apart
                long = min(candidates)
                if rule == "acronym":
                    rule = "acronym-defined" if _defined(items[long], items[short]) else "acronym-initials"
                groups.join(long, short, rule, _evidence(items[long], items[short]))
                break


def _introduced_before(items: list[Name], candidates: list[int], short: Name) -> list[int]:
    """"Daniel Kerr said ... Kerr, who ..." before "Fiona Kerr" is named: a surname stands for the
    one full name written before it, when only one is."""
    first = min(m.start for m in short.mentions)
    return [c for c in candidates if min(m.start for m in items[c].mentions) < first]


def _join_bracketed_acronyms(groups: Groups, indexes: list[int]) -> None:
    """"Revolutionary Front of the Cordillera (FRC)": an acronym in brackets right after a name
    of its kind is that name's, whatever language its letters come from."""
    items = groups.items
    by_end = {(m.article_id, m.end): i for i in indexes for m in items[i].mentions}
    for short in indexes:
        if not names.is_acronym(items[short].surface):
            continue
        for mention in items[short].mentions:
            long = by_end.get((mention.article_id, mention.start - 2))
            if long is not None and long != short and items[long].kind == items[short].kind and len(items[long].words) > 1:
                groups.join(long, short, "acronym-defined", _evidence(items[long], items[short]))
                break


def _longer_names(items: list[Name], indexes: list[int]) -> dict[tuple, list[int]]:
    """Each name filed under the short forms that could stand for it in its article.

    Keys are ``(rule, ...)``: its name without a legal form (``company-name``),
    its initials (``acronym``), its last words without
    particles (``surname``), its leading and trailing words (``short-form``); the
    rule's match function then decides, so only names sharing a key are compared.
    """
    found: dict[tuple, list[int]] = defaultdict(list)
    for i in indexes:
        name = items[i]
        base = names.company_base(name.surface)
        if base:
            found["company-name", base].append(i)
        found["acronym", names.initials(name.surface)].append(i)
        found["acronym", names.initials(name.surface, skip_function_words=False)].append(i)
        plain = [names.normal(names.strip_particle(w)) for w in name.words]
        normal = [names.normal(w) for w in name.words]
        for size in range(1, len(name.words)):
            found["surname", *plain[-size:]].append(i)
            found["short-form", *normal[:size]].append(i)
            found["short-form", *normal[-size:]].append(i)
    return found


def _short_key(rule: str, name: Name) -> tuple[str, ...]:
    """The key ``_longer_names`` files a longer name under when ``name`` may be its short form."""
    if rule == "company-name":
        return (name.normal,)
    if rule == "acronym":
        return (names.acronym_letters(name.surface),)
    if rule == "surname":
        return tuple(names.normal(names.strip_particle(w)) for w in name.words)
    return tuple(names.normal(w) for w in name.words)


def _join_by_alias(groups: Groups, indexes: list[int], user: AliasTable) -> None:
    """Join names an alias table lists together: the user's first, then the built-in one."""
    for table, rule in ((user, "user-alias"), (builtin_aliases(), "alias")):
        by_group: dict[int, list[int]] = defaultdict(list)
        for i in indexes:
            item = groups.items[i]
            for group in table.groups_of(item.surface, item.kind):
                by_group[group].append(i)
        for group, members in sorted(by_group.items()):
            for other in members[1:]:
                source = table.groups[group].source
                article = groups.items[other].article_id
                groups.join(members[0], other, rule, f"{article}: {source}: {' | '.join(table.groups[group].names)}")


def _company_match(short: Name, long: Name) -> bool:
    """"Acme" and "Acme N.V.": a company's name without its legal form."""
    return short.kind == long.kind == "Organization" and names.company_base(long.surface) == short.normal


def _acronym_match(short: Name, long: Name) -> bool:
    """"FLF" and "Freedonian Liberation Front", of the same kind."""
    if short.kind != long.kind or not names.is_acronym(short.surface) or len(long.words) < 2:
        return False
    letters = names.acronym_letters(short.surface)
    return letters in {names.initials(long.surface), names.initials(long.surface, skip_function_words=False)}


def _defined(long: Name, short: Name) -> bool:
    """The text writes "Long Name (ACR)"."""
    return any(s.start == l.end + 2 and s.article_id == l.article_id for l in long.mentions for s in short.mentions)


def _surname_match(short: Name, long: Name) -> bool:
    """"Doe" (or "W. Doe", "Hamdouni" for "al-Hamdouni") and the longer person's name ending so."""
    if short.kind != "Person" or long.kind != "Person" or len(short.words) >= len(long.words):
        return False
    tail = [names.normal(names.strip_particle(w)) for w in long.words[-len(short.words) :]]
    return tail == [names.normal(names.strip_particle(w)) for w in short.words]


def _short_match(short: Name, long: Name) -> bool:
    """An organisation's or place's leading or trailing words: "Karvo" of "Karvo prison"."""
    if short.kind != long.kind or short.kind == "Person" or len(short.words) >= len(long.words):
        return False
    if names.is_acronym(short.surface) or not _compatible_subtypes(short.subtype, long.subtype, facility_needs_own=True):
        return False
    size = len(short.words)
    mine = [names.normal(w) for w in short.words]
    theirs = [names.normal(w) for w in long.words]
    if short.kind == "Place" and not _generic_rest(short, long):
        return False
    return theirs[:size] == mine or theirs[-size:] == mine


def _generic_rest(short: Name, long: Name) -> bool:
    """Whether the words a place's longer name adds are a facility's head ("Karvo prison"), not
    another name's part ("Johor Bahru", "Kuala Lumpur") nor a noun naming another place ("Mexico
    City", "the Singapore Strait")."""
    size = len(short.words)
    rest = long.words[size:] if [names.normal(w) for w in long.words[:size]] == [names.normal(w) for w in short.words] \
        else long.words[: len(long.words) - size]
    noun = " ".join(names.normal(w) for w in rest)
    if noun in names.settlement_nouns() or noun in names.lexicon("feature_nouns"):
        return False
    return noun in names.facility_heads() or all(w.islower() for w in rest)


# Tried in this order for each name; the first rule with one reading joins it.
WITHIN_ARTICLE_RULES: tuple[tuple[str, Callable[[Name, Name], bool]], ...] = (
    ("company-name", _company_match),
    ("acronym", _acronym_match),
    ("surname", _surname_match),
    ("short-form", _short_match),
)


def _compatible_subtypes(a: str | None, b: str | None, facility_needs_own: bool = False) -> bool:
    """Subtypes agree or one is unknown; a bare name joins a facility only if it is typed as one."""
    if facility_needs_own and b in FACILITY_SUBTYPES:
        return a == b
    return a is None or b is None or a == b


def _evidence(a: Name, b: Name) -> str:
    return f"{a.article_id}: '{a.surface}' at {a.first.start}, '{b.surface}' at {b.first.start}"


# --- one kind per name across the corpus ----------------------------------


def _one_kind_per_name(groups: Groups) -> None:
    """Give a name the model typed differently in different articles the kind the corpus shows.

    Each article's group votes for its kind with its mentions of the name,
    plus ``STRONG_VOTE`` when the article's own evidence is strong (see
    ``_strong``). Only weak groups change kind, and only to a kind that wins
    the vote outright and has strong evidence somewhere: "Quillby" tagged a
    person once in a headline becomes the place other articles locate, "Doe"
    alone becomes the person another article names in full. Two strong
    readings (a country and a person's surname) both stay.
    """
    locals_ = _locals(groups)
    votes: dict[str, Counter] = defaultdict(Counter)
    strong_kinds: dict[str, set[str]] = defaultdict(set)
    for local in locals_:
        strong = _strong(groups, local)
        for i in groups.members(local.index):
            item = groups.items[i]
            votes[item.normal][local.kind] += len(item.mentions) + (STRONG_VOTE if strong else 0)
            if strong:
                strong_kinds[item.normal].add(local.kind)
    for local in locals_:
        item = groups.items[local.index]
        if len(votes[item.normal]) < 2 or _strong(groups, local):
            continue
        (best, score), (_, runner_up) = votes[item.normal].most_common(2)
        if best != item.kind and score > runner_up and best in strong_kinds[item.normal]:
            item.kind = best


def _strong(groups: Groups, local: Local) -> bool:
    """The article shows the kind itself: a subtype from the context ("the city of X"),
    a name of several words, or several names joined by a rule ("Jane Doe" ... "Doe")."""
    return local.subtype is not None or len(names.words(local.label)) > 1 or len(groups.members(local.index)) > 1


# --- across articles -------------------------------------------------------


@dataclass
class Local:
    """One article's group of names, seen from outside the article."""

    index: int  # a member name, standing for the group
    article_id: str
    kind: str
    label: str
    subtype: str | None
    name_forms: set[str]  # normal forms that are names, not surnames or short forms


def _locals(groups: Groups) -> list[Local]:
    short_rules = {"surname", "short-form"}
    shortened = {j.b for j in groups.joins if j.rule in short_rules}
    by_root: dict[int, list[int]] = defaultdict(list)
    for i in range(len(groups.items)):
        by_root[groups.find(i)].append(i)
    found = []
    for root, members in sorted(by_root.items()):
        items = [groups.items[i] for i in members]
        label = _fullest([m for item in items for m in item.mentions])
        subtype = _commonest(Counter(m.subtype for item in items for m in item.mentions if m.subtype))
        forms = {groups.items[i].normal for i in members if i not in shortened}
        found.append(Local(root, items[0].article_id, items[0].kind, label, subtype, forms))
    return found


def _across_articles(groups: Groups, user: AliasTable) -> None:
    locals_ = _locals(groups)
    _join_blocked(groups, locals_, "same-name", _same_name, _name_keys)
    _join_alias_groups(groups, locals_, user)
    _join_lone_acronyms(groups, locals_)
    _join_blocked(groups, locals_, "transliteration", _transliteration, _skeleton_keys)
    _join_blocked(groups, locals_, "middle-name", _middle_name, _first_and_last_keys)
    _join_facilities_by_place(groups, _locals(groups))


def _join_blocked(groups: Groups, locals_: list[Local], rule: str, match: Callable[[Local, Local], str | None],
                  keys: Callable[[Local], set[str]]) -> None:
    """Join groups of different articles that ``match`` pairs, comparing only groups sharing a key.

    Locals are taken in order; each is compared with the groups formed so far
    under its keys (at most one member of each that matches), so a name that
    every article uses costs one comparison per article, not one per pair.
    """
    seen: dict[tuple[str, str], dict[int, list[Local]]] = defaultdict(dict)  # key -> root -> members so far
    for local in locals_:
        for key in sorted(keys(local)):
            block = seen[local.kind, key]
            _regroup(groups, block)
            for root in sorted(block):
                if root == groups.find(local.index):
                    continue
                for other in block[root]:
                    why = match(other, local) if other.article_id != local.article_id else None
                    if why is not None:
                        groups.join(other.index, local.index, rule, why, (other.label, local.label))
                        break
            block.setdefault(groups.find(local.index), []).append(local)


def _regroup(groups: Groups, block: dict[int, list[Local]]) -> None:
    """Re-file a block's members under their current roots after joins."""
    for root in [r for r in block if groups.find(r) != r]:
        block.setdefault(groups.find(root), []).extend(block.pop(root))


def _name_keys(local: Local) -> set[str]:
    """Normal forms a same-name match must share: the label and the group's names."""
    return {names.normal(local.label)} | local.name_forms


def _skeleton_keys(local: Local) -> set[str]:
    """Transliteration variants share a consonant skeleton and a word count."""
    return {f"{names.skeleton(local.label)} {len(names.normal(local.label).split())}"}


def _same_name(a: Local, b: Local) -> str | None:
    """One group's fullest name is a name (not a surname) of the other."""
    if not _compatible_subtypes(a.subtype, b.subtype):
        return None
    if a.kind == "Person" and len(names.words(a.label)) < 2 and len(names.words(b.label)) < 2:
        return None  # a surname alone in two articles is not enough for a person
    la, lb = names.normal(a.label), names.normal(b.label)
    if la in b.name_forms or lb in a.name_forms:
        return f"'{a.label}' in {a.article_id} and '{b.label}' in {b.article_id}"
    return None


def _join_alias_groups(groups: Groups, locals_: list[Local], user: AliasTable) -> None:
    for table, rule in ((user, "user-alias"), (builtin_aliases(), "alias")):
        by_group: dict[int, list[Local]] = defaultdict(list)
        for local in locals_:
            hits = {g for form in local.name_forms for g in table.groups_of(form, local.kind)}
            for g in hits:
                by_group[g].append(local)
        for g, members in sorted(by_group.items()):
            source = table.groups[g].source
            for other in members[1:]:
                why = f"{source}: {' | '.join(table.groups[g].names)}"
                groups.join(members[0].index, other.index, rule, why, (members[0].label, other.label))


def _join_lone_acronyms(groups: Groups, locals_: list[Local]) -> None:
    """An acronym no article expands joins the one same-kind name in the corpus it spells."""
    spelling: dict[tuple[str, str], list[Local]] = defaultdict(list)  # (kind, initials) -> names
    for other in locals_:
        if len(names.words(other.label)) > 1:
            for letters in {names.initials(other.label), names.initials(other.label, skip_function_words=False)}:
                spelling[other.kind, letters].append(other)
    for local in locals_:
        if not names.is_acronym(local.label):
            continue
        candidates = spelling.get((local.kind, names.acronym_letters(local.label)), [])
        spelled = {groups.find(other.index) for other in candidates if other.article_id != local.article_id}
        if len(spelled) == 1:
            target = spelled.pop()
            groups.join(target, local.index, "acronym-initials", f"'{local.label}' in {local.article_id} spells "
                        f"'{groups.items[target].surface}' of {groups.items[target].article_id}")


def _transliteration(a: Local, b: Local) -> str | None:
    """Spelling variants of one name: same consonant skeleton, similar letters."""
    if not _compatible_subtypes(a.subtype, b.subtype):
        return None
    if names.is_acronym(a.label) or names.is_acronym(b.label):
        return None
    la, lb = names.normal(a.label), names.normal(b.label)
    if la == lb or min(len(la), len(lb)) < MIN_TRANSLITERATION_LENGTH:
        return None
    if len(la.split()) != len(lb.split()):
        return None
    if names.skeleton(a.label) != names.skeleton(b.label):
        return None
    score = names.similarity(a.label, b.label)
    if score < MIN_TRANSLITERATION_SIMILARITY:
        return None
    return f"'{a.label}' ({a.article_id}) ~ '{b.label}' ({b.article_id}): skeleton {names.skeleton(a.label)}, similarity {score:.2f}"


def _first_and_last_keys(local: Local) -> set[str]:
    """A person's first and last names: "Faith Wanjiru Njoroge" and "Faith Njoroge" share one."""
    words = names.normal(local.label).split()
    return {f"{words[0]} {words[-1]}"} if local.kind == "Person" and len(words) > 1 else set()


def _middle_name(a: Local, b: Local) -> str | None:
    """One person written with and without middle names: the first and last names are the same
    and one label is exactly those two."""
    wa, wb = names.normal(a.label).split(), names.normal(b.label).split()
    if a.kind != "Person" or len(wa) == len(wb) or min(len(wa), len(wb)) != 2:
        return None
    if (wa[0], wa[-1]) != (wb[0], wb[-1]):
        return None
    return f"'{a.label}' ({a.article_id}) and '{b.label}' ({b.article_id}): the same first and last names"


def _join_facilities_by_place(groups: Groups, locals_: list[Local]) -> None:
    """"the Dalmakah prison" is the one named prison the corpus puts in Dalmakah.

    A facility named after a place (place name + facility noun) joins the
    single other facility with the same noun that some sentence names together
    with that place; two such facilities mean doubt, and nothing is joined.
    """
    places = {}  # normal form of a place name -> root of its group
    for i, item in enumerate(groups.items):
        if item.kind == "Place" and item.subtype not in FACILITY_SUBTYPES:
            places.setdefault(item.normal, groups.find(i))
    facilities = [local for local in locals_ if local.kind == "Place" and local.subtype in FACILITY_SUBTYPES]
    for local in facilities:
        place_words, head = _facility_parts(local.label)
        place = places.get(place_words)
        if place is None:
            continue
        sentences = _sentences_naming(groups, place)
        others = {
            groups.find(other.index): other.label
            for other in facilities
            if groups.find(other.index) != groups.find(local.index)
            and _facility_parts(other.label)[1] == head
            and _facility_parts(other.label)[0] not in places
            and any((m.article_id, m.sentence_start) in sentences for m in _group_mentions(groups, other.index))
        }
        if len(others) == 1:
            (target, label), = others.items()
            why = f"'{local.label}' ({local.article_id}) is named after a place; '{label}' is the one {head} named with it"
            groups.join(target, local.index, "facility-by-place", why, (label, local.label))


def _facility_parts(label: str) -> tuple[str, str]:
    """``("dalmakah", "prison")`` from "Dalmakah prison"; the head is "" when none is known."""
    words = names.normal(label).split()
    for width in (2, 1):
        head = " ".join(words[-width:])
        if len(words) > width and head in names.facility_heads():
            return " ".join(words[:-width]), head
    return names.normal(label), ""


def _group_mentions(groups: Groups, index: int) -> list[Mention]:
    return [m for i in groups.members(index) for m in groups.items[i].mentions]


def _sentences_naming(groups: Groups, root: int) -> set[tuple[str, int]]:
    return {(m.article_id, m.sentence_start) for m in _group_mentions(groups, root)}


# --- entities --------------------------------------------------------------


def _fullest(mentions: list[Mention]) -> str:
    """The name with most words, then the commonest, then the longest, then alphabetical."""
    counts = Counter(m.text for m in mentions)
    return min(counts, key=lambda s: (-len(names.words(s)), -counts[s], -len(s), s))


def _build(groups: Groups) -> Resolution:
    by_root: dict[int, list[int]] = defaultdict(list)
    for i in range(len(groups.items)):
        by_root[groups.find(i)].append(i)
    joins_of: dict[int, list[Join]] = defaultdict(list)
    for join in groups.joins:
        joins_of[groups.find(join.a)].append(join)
    drafts = []
    for root, members in by_root.items():
        mentions = sorted((m for i in members for m in _typed(groups.items[i])), key=lambda m: (m.article_id, m.start))
        drafts.append((mentions, joins_of[root], members))
    entities, merges, originals = [], [], {}
    for (mentions, joins, members), key in zip(drafts, _keys([d[0] for d in drafts])):
        entity = _entity(key, mentions, joins)
        entities.append(entity)
        # Joining a name to the same name in another article needs no explaining.
        merges.extend(
            Merge(key, j.surface_a, j.surface_b, j.rule, j.evidence)
            for j in joins
            if j.surface_a != j.surface_b
        )
        # Later stages look mentions up as the articles gave them, before any kind correction.
        originals.update((m, key) for i in members for m in groups.items[i].mentions)
    entities.sort(key=lambda e: e.key)
    key_of = EntityKeys(originals, declared={e.key: (e.kind, e.subtype) for e in entities})
    merges.sort(key=lambda m: (m.entity_key, m.rule, m.surface_a, m.surface_b, m.evidence))
    return Resolution(entities, merges, key_of)


def _typed(item: Name) -> list[Mention]:
    """The name's mentions with the kind the corpus gave it (a corrected kind drops the subtype)."""
    return [m if m.kind == item.kind else replace(m, kind=item.kind, subtype=None) for m in item.mentions]


def _commonest(counts: Counter) -> str | None:
    """The most frequent value, the alphabetically first on a tie; None when there is none."""
    return min(counts, key=lambda value: (-counts[value], value)) if counts else None


def _keys(mention_lists: list[list[Mention]]) -> list[str]:
    """Readable keys, numbered in order of first mention when two entities share a label."""
    bases = [f"{ms[0].kind.lower()}/{names.slug(_fullest(ms))}" for ms in mention_lists]
    order = sorted(range(len(bases)), key=lambda i: (bases[i], mention_lists[i][0].article_id, mention_lists[i][0].start))
    keys = [""] * len(bases)
    seen: Counter = Counter()
    for i in order:
        seen[bases[i]] += 1
        keys[i] = bases[i] if seen[bases[i]] == 1 else f"{bases[i]}-{seen[bases[i]]}"
    return keys


def _entity(key: str, mentions: list[Mention], joins: list[Join]) -> Entity:
    label = _fullest(mentions)
    return Entity(
        key=key,
        kind=mentions[0].kind,
        subtype=_commonest(Counter(m.subtype for m in mentions if m.subtype)),
        label=label,
        alt_labels=tuple(sorted({m.text for m in mentions} - {label})),
        mentions=tuple(mentions),
        confidence=min((CONFIDENCE[j.rule] for j in joins), default=1.0),
    )
