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


class _Marks(dict):
    """A str.translate table that drops combining marks (any script): each character is classified once, on first
    sight, then looked up in C (folding runs on every clause of every plan)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_NO_MARKS = _Marks()
# U+034F, the grapheme joiner, is the one code point of the block that is not a combining mark (it stays)
_LATIN_MARK = re.compile("[\u0300-\u034e\u0350-\u036f]")
_LATIN_DECOMPOSED = re.compile("[\x00-\x7f\u0300-\u036f]*")


@lru_cache(maxsize=4096)
def fold(text: str, diacritics: bool = True, keep_slash: bool = False) -> str:
    """Normalise for comparison: NFC, case-folded, punctuation (including '/') to single spaces;
    optionally no diacritics. `keep_slash` keeps '/' for legal citation numbers."""
    text = unicodedata.normalize("NFC", text).casefold()
    if not diacritics:
        text = text.replace("đ", "d")
        if not text.isascii():
            text = unicodedata.normalize("NFD", text)
            # Latin text (Vietnamese) decomposes into ASCII and the combining marks of U+0300–U+036F: a regular
            # expression drops those several times faster than the table, which serves any other script
            text = _LATIN_MARK.sub("", text) if _LATIN_DECOMPOSED.fullmatch(text) else text.translate(_NO_MARKS)
            text = unicodedata.normalize("NFC", text)
    pattern = _NON_WORD_KEEP_SLASH if keep_slash else _NON_WORD
    return " " + pattern.sub(" ", text).strip() + " "


@lru_cache(maxsize=512)  # a concept's phrases are looked for in every text of every plan
def _needles(phrases: tuple[str, ...], diacritics: bool) -> tuple[tuple[str, str], ...]:
    """Each phrase with its folded form, leaving out phrases that fold to nothing."""
    return tuple((phrase, needle) for phrase in phrases if (needle := fold(phrase, diacritics)).strip())


def mentions(text: str, phrases: tuple[str, ...], diacritics: bool = True) -> str | None:
    """The first phrase (as written in the concept) that `text` contains, or None."""
    haystack = fold(text, diacritics)
    for phrase, needle in _needles(phrases, diacritics):
        if needle in haystack:
            return phrase
    return None


# A concept negated just before it ("không kết nối", "chưa chia sẻ", "không cần liên thông", "không có ...") is
# not stated; "không chỉ"/"không những" ("not only") do not negate. Negation reaches back a few words within
# one clause of the sentence (commas, semicolons and full stops end it).
_NEGATORS = {"không", "chưa", "chẳng", "khong", "chua", "chang"}
_NOT_NEGATING = {"chỉ", "những", "chi", "nhung"}
_NEGATION_REACH = 3
_CLAUSE_END = re.compile(r"[,;.:!?\n()]+")


@lru_cache(maxsize=1024)  # a plan's clauses are asked about by several rules, each for several concepts
def _parts(text: str, diacritics: bool) -> tuple[str, ...]:
    """The text's parts of sentences (commas, semicolons, full stops end one), each folded."""
    return tuple(fold(part, diacritics) for part in _CLAUSE_END.split(text))


def affirms(text: str, phrases: tuple[str, ...], diacritics: bool = True) -> str | None:
    """Like `mentions`, but a phrase counts only where it is not negated in its part of the sentence."""
    for haystack in _parts(text, diacritics):
        # folded text is words joined by single spaces, with a space at each end: a phrase's words stand together in
        # the part exactly where its folded text occurs in the part's (found in C, not word by word)
        words: list[str] | None = None
        for phrase, needle in _needles(phrases, diacritics):
            at = haystack.find(needle)
            while at >= 0:
                if words is None:
                    words = haystack.split()
                start = haystack.count(" ", 0, at + 1) - 1  # the words before the match
                before = words[max(0, start - _NEGATION_REACH):start]
                negated = any(w in _NEGATORS and (i + 1 >= len(before) or before[i + 1] not in _NOT_NEGATING)
                              for i, w in enumerate(before))
                if not negated:
                    return phrase
                at = haystack.find(needle, at + 1)
    return None


_PROVINCE = re.compile(r"\b(?:tỉnh|tinh)\s+", re.IGNORECASE)
_CITY = re.compile(r"\b(?:thành phố|thanh pho|tp\.?)\s*", re.IGNORECASE)
_NOT_A_NAME = {"uy", "uy ban", "doan"}  # "Tỉnh ủy", "Tỉnh đoàn": bodies named "tỉnh …", not a province


def provinces_named(text: str) -> list[str]:
    """The provinces a text names as "tỉnh X" (X: the capitalised words that follow, "Bà Rịa - Vũng Tàu" included),
    in order, as written. "tỉnh" followed by a lower-case word ("trong tỉnh", "Tỉnh ủy") names none."""
    names = []
    for match in _PROVINCE.finditer(unicodedata.normalize("NFC", text)):
        words: list[str] = []
        for word in re.split(r"\s+", text[match.end():].strip()):
            word = word.strip(",.;:()\"'“”")
            if word == "-" and words:
                words.append(word)
            elif word[:1].isupper() and not (not words and fold(word, diacritics=False).strip() in _NOT_A_NAME):
                words.append(word)
            else:
                break
        while words and words[-1] == "-":
            words.pop()
        if words:
            names.append(" ".join(words))
    return names


def cities_named(text: str, cities: tuple[str, ...]) -> list[str]:
    """The cities of `cities` a text names as "thành phố X", "TP X" or "TP. X" (diacritics and case aside), as the
    list spells them, in order. Other cities ("thành phố Quảng Ngãi", a city within a province) are not named."""
    folded = [(city, fold(city, diacritics=False)) for city in cities]
    text = unicodedata.normalize("NFC", text)
    names = []
    for match in _CITY.finditer(text):
        following = fold(text[match.end():match.end() + 40], diacritics=False)
        names += [city for city, key in folded if following.startswith(key)]
    return names


@lru_cache(maxsize=4096)  # every rule run compares each citation with every instrument's spellings
def citation_key(text: str) -> str:
    """A legal citation reduced for matching: no diacritics, no spaces ("NĐ 47/2020/NĐ-CP" → "nd47/2020/nd-cp")."""
    return fold(text, diacritics=False, keep_slash=True).replace(" ", "")
