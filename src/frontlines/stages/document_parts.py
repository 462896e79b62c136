"""The parts of a news page that are not its narrative: headline, captions, links, metadata.

Each finder returns (start, end, reason) stretches for the cleanup stage to mask. They look only
at layout: where a line stands, its case, the words that mark a caption or a link, never at what
the story is about.

- headline: the first line's title-cased run when the body follows it on the same line after a
  hyphen ("Title Words Here-Protesters took...", "Title -The presidents...") or a dateline
  ("Title-CAIRO — -Three weeks...", "TitleLONDON — For...", the dateline a stretch of its own
  with reason "dateline"), or glued to it ("Some Title
  WordsA court has..."); a first line that is all title and no final stop, followed
  by the body on the next line, likewise;
- caption: a line that opens with "FILE -" / "FILE PHOTO", or that is one sentence ending in a
  full date (", Sept. 21, 2016."), the way agency photo captions end;
- subhead: a short lower-case phrase glued to a paragraph by a hyphen ("Humanitarian aid-Yet...");
- link: "Read more", "Related", "Also read", "See also" lines;
- heading: the marks of a wiki-style section heading ("== Kabul ==", whose title may name the
  place of what follows); the sections that by their title tell
  what came before or after the happening (background, history, reactions, investigation, trial,
  victims, references...) are masked whole, up to the next heading;
- metadata: "This story is from March 5, 2002" lines, and a lower-case "city:" dateline at the
  start of a paragraph ("ahmedabad: defence minister...").
"""

from __future__ import annotations

import re

Stretch = tuple[int, int, str]

SPACE = r"[ \t\u00a0]"
CAPS_DATELINE = rf"[A-Z][A-Z'’.\-, ]{{1,50}}[A-Z.]{SPACE}*[—–]{SPACE}*-?{SPACE}*"
# Where the body starts after a glued headline: a dateline, " -", or "-" before a sentence start.
HEADLINE_CUT = re.compile(
    rf"(?P<sep>{SPACE}?-{SPACE}*)(?P<dateline>{CAPS_DATELINE})"
    rf"|(?P<spaced>{SPACE}-{SPACE}?)(?=[A-Z“\"‘'])"
    rf"|(?P<glued>-)(?=[A-Z][\w’']*{SPACE}+[a-z])"
    rf"|(?<=[a-z])(?P<glued_dateline>{CAPS_DATELINE})"
    rf"|(?<=[a-z])(?P<camel>)(?=[A-Z][a-z]*{SPACE}+[a-z])"
)
MAX_LOWER_WORDS = 2  # a title-cased headline leaves at most this many words uncapitalised
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "up",
        "vs",
        "with",
        "after",
        "amid",
    ]
)
MONTH = (
    r"(?:Jan\.?|January|Feb\.?|February|March|April|May|June|July|Aug\.?|August|"
    r"Sept?\.?|September|Oct\.?|October|Nov\.?|November|Dec\.?|December)"
)
CAPTION = re.compile(
    rf"^{SPACE}*(?:FILE{SPACE}*(?:PHOTO)?{SPACE}*[-–—:][^\n]*"
    rf"|[A-Z][^\n]{{20,400}}?,{SPACE}*{MONTH}{SPACE}*\d{{1,2}},{SPACE}*(?:19|20)\d\d\.?){SPACE}*$",
    re.MULTILINE,
)
PREFIXES = frozenset(
    ["pro", "anti", "non", "ex", "post", "pre", "mid", "self", "co", "al", "el", "ul", "bin", "ibn"]
)
SUBHEAD = re.compile(
    rf"^{SPACE}*([A-Z][a-z]+(?: [a-z]+){{0,3}})-(?=[A-Z][\w’']*{SPACE}+[a-z])", re.M
)
LINK = re.compile(
    rf"^{SPACE}*(?:read more|related|also read|see also|more on this|recommended)\b[^\n]*$",
    re.MULTILINE | re.IGNORECASE,
)
WIKI_HEADING = re.compile(r"={2,}[ \t]*([^=\n]{1,80}?)[ \t]*={2,}")
SIDE_SECTIONS = frozenset(
    {
        "background",
        "history",
        "aftermath",
        "reactions",
        "reaction",
        "responses",
        "response",
        "investigation",
        "investigations",
        "trial",
        "trials",
        "legacy",
        "memorial",
        "memorials",
        "victims",
        "perpetrators",
        "references",
        "see also",
        "external links",
        "notes",
        "further reading",
        "sources",
    }
)
STORY_DATE = re.compile(rf"^{SPACE}*This story is from [^\n]{{3,40}}$", re.MULTILINE)
LOWER_DATELINE = re.compile(r"^[a-z][a-z .]{2,30}: (?=[a-z\"“])", re.MULTILINE)


def title_cased(text: str) -> bool:
    """Most words of a headline start with a capital (small words aside)."""
    words: list[str] = [
        word for word in re.findall(r"[A-Za-z][\w’']*", text) if word not in SMALL_WORDS
    ]
    if len(words) < 2:
        return False
    capitals = sum(word[0].isupper() for word in words)
    # a sentence dense in names ("members of X Union staged a protest") is still a sentence
    return capitals >= 0.75 * len(words) and len(words) - capitals <= MAX_LOWER_WORDS


def find_headline(text: str) -> Stretch | None:
    """The headline (and a dateline glued to it) at the start of the text."""
    found = headline_parts(text)
    return (0, found[-1][1], "headline") if found else None


def headline_parts(text: str) -> list[Stretch]:
    """The headline at the start of the text, and the dateline glued to its end as a stretch of
    its own ("Title -SEOUL —\u00a0-Body": the dateline names where the report was filed, a
    weaker hint than a place the title names)."""
    line_end = text.find("\n")
    first = text if line_end < 0 else text[:line_end]
    for cut in HEADLINE_CUT.finditer(first, 0, 200):
        title = first[: cut.start()]
        glued = cut.group("camel") is not None
        if (
            len(title.strip()) >= (20 if glued else 8)
            and not re.search(r"[.!?]\s", title)
            and title_cased(title)
        ):
            dateline = cut.group("dateline") or cut.group("glued_dateline")
            if dateline is None:
                return [(0, cut.end(), "headline")]
            start = cut.start("dateline") if cut.group("dateline") else cut.start("glued_dateline")
            return [(0, start, "headline"), (start, cut.end(), "dateline")]
    rest = text[line_end + 1 :] if line_end >= 0 else ""
    if (
        rest.strip()
        and 8 <= len(first.strip()) <= 160
        and not first.rstrip().endswith((".", "!", "?", '"', "”", ":"))
        and title_cased(first)
    ):
        return [(0, len(first), "headline")]
    return []


def find_sections(text: str) -> list[Stretch]:
    """Wiki-style headings, and the side sections they open up to the next heading."""
    found: list[Stretch] = []
    headings = list(WIKI_HEADING.finditer(text))
    for number, heading in enumerate(headings):
        if heading.group(1).strip().lower() in SIDE_SECTIONS:
            end = headings[number + 1].start() if number + 1 < len(headings) else len(text)
            found.append((heading.start(), end, "side section"))
        else:
            # The title stays: "=== Kabul ===" tells where the section's happening was.
            found.append((heading.start(), heading.start(1), "heading"))
            found.append((heading.end(1), heading.end(), "heading"))
    return found


def find_parts(text: str) -> list[Stretch]:
    """Every stretch of ``text`` that is page furniture rather than narrative."""
    found: list[Stretch] = []
    found.extend(headline_parts(text))
    found.extend((m.start(), m.end(), "caption") for m in CAPTION.finditer(text))
    found.extend(
        (m.start(), m.end(), "subhead")
        for m in SUBHEAD.finditer(text)
        if m.group(1).split()[-1].lower() not in PREFIXES and len(m.group(1).split()) > 1
    )
    found.extend((m.start(), m.end(), "link") for m in LINK.finditer(text))
    found.extend(find_sections(text))
    found.extend((m.start(), m.end(), "metadata") for m in STORY_DATE.finditer(text))
    found.extend(
        (m.start(), m.end(), "dateline") for m in LOWER_DATELINE.finditer(text) if m.start() < 400
    )
    return found
