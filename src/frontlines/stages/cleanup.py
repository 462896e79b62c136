"""Mask what is not article prose: headlines, datelines, bylines, captions, credits and links.

Masked text stays in the stored article (offsets keep pointing into the original); later stages
read ``doc.clean_text``, where masked stretches are blanked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontlines.document import NO_OPTIONS, Document, Mask, StageConfig
from frontlines.stages.document_parts import find_parts
from frontlines.stages.resources import Resources

# Datelines such as: ALEPPO, Syria (AP) —  or  KHARKIV, Ukraine (Frontline Wire) -  or  KHARTOUM —
# or, with the leading dash some pages keep from their layout,  -SEOUL —
DATELINE = re.compile(
    r"^[ \t]*(?:-[ \t]*)?(?:[A-Z][A-Z'’.\- ]{1,40}[A-Z.])(?:,[ \t]*[A-Z][\w.'’ ]{1,40})?"
    r"[ \t]*(?:\([^)\n]{1,60}\))?[ \t]*[—–-]{1,2}[ \t]*",
    re.MULTILINE,
)
# "By Jane Roe", "By Jane Roe and John Doe, Frontline Wire": at least two capitalised names.
BYLINE = re.compile(
    r"^[ \t]*By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"
    r"(?:(?:,| and) [A-Z][^\n]{0,60})?[ \t]*$",
    re.MULTILINE,
)
CREDIT = re.compile(
    r"^[ \t]*(?:Cover|Photo|Image|Picture|Main image|Top image|Credit|Photograph)s?"
    r"(?: credit)?[ \t]*:[^\n]*$|^[ \t]*\((?:AP|Reuters|AFP|Getty)[^)\n]*Photo[^)\n]*\)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


@dataclass
class Cleanup:
    name: str = "cleanup"
    version: str = "2"
    requires: tuple[str, ...] = ("article",)
    assigns: tuple[str, ...] = ("masks",)

    def __call__(self, doc: Document) -> Document:
        masks = find_masks(doc.text)
        doc.masks = masks
        return doc


def find_masks(text: str) -> list[Mask]:
    masks: list[Mask] = []
    for match in DATELINE.finditer(text):
        # A dateline stands only at the start of the article or of a paragraph, and ends in a dash.
        at_paragraph_start = match.start() == 0 or text[: match.start()].endswith("\n")
        caption = match.group().lstrip(" \t-").startswith("FILE")  # "FILE - ...": a photo caption
        if at_paragraph_start and match.start() < 400 and not caption:
            masks.append(Mask(match.start(), match.end(), "dateline"))
    masks.extend(Mask(m.start(), m.end(), "byline") for m in BYLINE.finditer(text))
    masks.extend(Mask(m.start(), m.end(), "credit") for m in CREDIT.finditer(text))
    masks.extend(Mask(start, end, reason) for start, end, reason in find_parts(text))
    return sorted(masks, key=lambda mask: mask.start)


def make_stage(*, resources: Resources, config: StageConfig = NO_OPTIONS) -> Cleanup:
    return Cleanup()
