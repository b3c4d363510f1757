"""Separating an article's own text from the page around it.

In: the text of a scraped page. Out: the ``Block``s (character ranges of the
original text, never rewritten) that belong to the article; everything else
(site names, page date headers, lists of related headlines, "Source link",
comment forms, aggregator disclaimers) produces nothing downstream.

The method is general, line by line:
- a line that is, or contains, known page furniture (``page_furniture.txt``)
  is furniture;
- a line that is only a date is a page date header;
- a line shaped like a headline (mostly capitalised words, no sentence
  punctuation) or a short fragment is furniture, unless it continues a
  wrapped sentence of the line before or after it;
- a run of headline-shaped lines is a list of related articles;
- everything else is prose, and consecutive prose lines form one block, so
  hard-wrapped sentences stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.model import Block
from kg.resources import table_section

PROSE, HEADLINE, FRAGMENT, FURNITURE, BLANK = "prose", "headline", "fragment", "furniture", "blank"
# Headlines rarely run this long; a longer line without a full stop is prose cut short.
MIN_UNPUNCTUATED_PROSE_WORDS = 20
# A paragraph of this many lines, half of them not prose, is a list of links.
MIN_LIST_LINES = 3
MAX_FRAGMENT_WORDS = 3
SENTENCE_END = re.compile(r"[.!?:;…]['\"”’)\]]*$")
WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Small words that stay lowercase in title case.
TITLE_CASE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into is of off on or over per the to up via vs with".split()
)
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
DATE_ONLY_LINE = re.compile(
    rf"^({_WEEKDAY},?\s+)?({_MONTH}\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})(\s+\d{{1,2}}:\d{{2}}(\s*[ap]\.?m\.?)?)?$",
    re.IGNORECASE,
)

# A wire story's dateline ("PARIS, May 3 (AP) --") opens the article itself.
DATELINE = re.compile(r"^[A-Z][\w .,'’-]{1,60}\([A-Za-z][\w .&-]{0,30}\)\s*(--|_|—|–|-)?\s*$")


@dataclass(frozen=True)
class Line:
    """One line of the page: characters ``[start, end)`` of the text, and its shape."""

    start: int
    end: int
    text: str
    shape: str


@cache
def _furniture_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    whole_line, phrase = (_alternation(table_section("page_furniture.txt", name)) for name in ("line", "phrase"))
    return whole_line, phrase


def _alternation(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def line_shape(text: str) -> str:
    """Classify one line of a page: prose, headline, fragment, furniture or blank."""
    stripped = text.strip()
    if not stripped:
        return BLANK
    whole_line, phrase = _furniture_patterns()
    if whole_line.fullmatch(stripped.rstrip(".:")) or phrase.search(stripped) or DATE_ONLY_LINE.match(stripped):
        return FURNITURE
    words = WORD.findall(stripped)
    ends_sentence = bool(SENTENCE_END.search(stripped))
    if (ends_sentence and len(words) > 1) or DATELINE.match(stripped):
        return PROSE
    if len(words) <= MAX_FRAGMENT_WORDS:
        return FRAGMENT
    if len(words) >= MIN_UNPUNCTUATED_PROSE_WORDS and not _is_title_case(words):
        return PROSE
    return HEADLINE


def _is_title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in TITLE_CASE_SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75


def split_lines(text: str) -> list[Line]:
    """Every line of the text with its offsets and shape."""
    lines = []
    for match in re.finditer(r"[^\n]*", text):
        if match.start() > 0 and match.start() == match.end() and text[match.start() - 1 : match.start()] != "\n":
            continue
        lines.append(Line(match.start(), match.end(), match.group(), line_shape(match.group())))
    return lines


def _join_wrapped(lines: list[Line]) -> list[Line]:
    """Mark as prose the lines of a hard-wrapped sentence: one left unfinished, the next going on in lowercase."""
    joined = list(lines)
    for position in range(len(joined) - 1):
        line, following = joined[position], joined[position + 1]
        if (
            line.shape in (HEADLINE, FRAGMENT, PROSE)
            and following.shape in (HEADLINE, FRAGMENT, PROSE)
            and not SENTENCE_END.search(line.text.strip())
            and following.text.lstrip()[:1].islower()
        ):
            joined[position] = Line(line.start, line.end, line.text, PROSE)
            joined[position + 1] = Line(following.start, following.end, following.text, PROSE)
    return joined


def content_lines(text: str) -> list[Line]:
    """The lines that belong to the article."""
    lines = _join_wrapped(split_lines(text))
    listed = _lines_in_lists(lines)
    return [line for position, line in enumerate(lines) if line.shape == PROSE and position not in listed]


def _lines_in_lists(lines: list[Line]) -> set[int]:
    """Positions of lines in paragraphs that are lists (related headlines, menus)."""
    listed: set[int] = set()
    paragraph: list[int] = []
    for position, line in enumerate([*lines, Line(0, 0, "", BLANK)]):
        if line.shape != BLANK:
            paragraph.append(position)
            continue
        not_prose = sum(1 for p in paragraph if lines[p].shape != PROSE)
        if len(paragraph) >= MIN_LIST_LINES and 2 * not_prose >= len(paragraph):
            listed.update(paragraph)
        paragraph = []
    return listed


def content_blocks(text: str) -> list[Block]:
    """The article's own text as blocks of consecutive content lines.

    Example: ``content_blocks("Source link\\nThe mayor resigned on Monday.")``
    gives one block covering the second line.
    """
    blocks: list[Block] = []
    previous_end = -2
    for line in content_lines(text):
        first = line.start + (len(line.text) - len(line.text.lstrip()))
        last = line.start + len(line.text.rstrip())
        if blocks and line.start == previous_end + 1:
            blocks[-1] = Block(blocks[-1].start, last)
        else:
            blocks.append(Block(first, last))
        previous_end = line.end
    return blocks
