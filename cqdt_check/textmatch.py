"""Vietnamese-aware matching of free text against concepts (sets of synonymous phrases).

Text and phrases are compared after Unicode NFC normalisation and case folding; where a rule asks,
diacritics are ignored too, with đ/Đ folded to d explicitly (it has no decomposition, so stripping
combining marks alone would leave it). Phrases match on word boundaries: "LGSP" does not match "LGSPX".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_NON_WORD_KEEP_SLASH = re.compile(r"[^\w/]+", re.UNICODE)  # citations: "47/2020/nđ-cp" stays one run


@lru_cache(maxsize=4096)
def fold(text: str, diacritics: bool = True, keep_slash: bool = False) -> str:
    """Normalise for comparison: NFC, case-folded, punctuation (including '/') to single spaces;
    optionally no diacritics. `keep_slash` keeps '/' for legal citation numbers."""
    text = unicodedata.normalize("NFC", text).casefold()
    if not diacritics:
        text = text.replace("đ", "d")
        text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
        text = unicodedata.normalize("NFC", text)
    pattern = _NON_WORD_KEEP_SLASH if keep_slash else _NON_WORD
    return " " + pattern.sub(" ", text).strip() + " "


def mentions(text: str, phrases: tuple[str, ...], diacritics: bool = True) -> str | None:
    """The first phrase (as written in the concept) that `text` contains, or None."""
    haystack = fold(text, diacritics)
    for phrase in phrases:
        needle = fold(phrase, diacritics)
        if needle.strip() and needle in haystack:
            return phrase
    return None


@lru_cache(maxsize=4096)  # every rule run compares each citation with every instrument's spellings
def citation_key(text: str) -> str:
    """A legal citation reduced for matching: no diacritics, no spaces ("NĐ 47/2020/NĐ-CP" → "nd47/2020/nd-cp")."""
    return fold(text, diacritics=False, keep_slash=True).replace(" ", "")
