"""Vietnamese-aware matching with real sentences from plans: NFC/NFD, case, diacritics, đ, word boundaries."""

from __future__ import annotations

import unicodedata

import pytest

from cqdt_check.textmatch import citation_key, mentions

LGSP = ("LGSP", "nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh", "nền tảng tích hợp, chia sẻ dữ liệu tỉnh")
NDXP = ("NDXP", "NGSP", "nền tảng tích hợp, chia sẻ dữ liệu quốc gia")
KET_NOI = ("kết nối", "tích hợp")


@pytest.mark.parametrize(
    "sentence, phrases, diacritics, expected",
    [
        ("Hệ thống phải kết nối, chia sẻ dữ liệu với Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP).", LGSP, True, "LGSP"),
        ("Kết nối với nền tảng tích hợp chia sẻ dữ liệu cấp tỉnh của Quảng Ngãi", LGSP, True,
         "nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh"),
        ("Tổ chức xây dựng nền tảng tích hợp, chia sẻ dữ liệu của tỉnh (LGSP), kết nối với NGSP", NDXP, True, "NGSP"),
        ("Liên thông với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia", NDXP, True,
         "nền tảng tích hợp, chia sẻ dữ liệu quốc gia"),
        ("He thong ket noi LGSP tinh Quang Ngai", KET_NOI, False, "kết nối"),  # no diacritics, rule asks insensitive
        ("He thong ket noi LGSP tinh Quang Ngai", KET_NOI, True, None),  # strict: must have them
        ("HỆ THỐNG KẾT NỐI LGSP", KET_NOI, True, "kết nối"),  # case folded
        ("Dữ liệu được đồng bộ hằng ngày", ("dong bo",), False, "dong bo"),  # đ folds to d
        ("Hệ thống dùng LGSPX riêng", ("LGSP",), True, None),  # word boundary
        ("Không nhắc tới nền tảng nào", LGSP, False, None),
    ],
)
def test_mentions(sentence, phrases, diacritics, expected):
    assert mentions(sentence, phrases, diacritics) == expected


def test_nfd_text_matches_nfc_phrase():
    nfd = unicodedata.normalize("NFD", "Hệ thống phải kết nối liên thông các cấp")
    assert nfd != unicodedata.normalize("NFC", nfd)
    assert mentions(nfd, ("kết nối",), True) == "kết nối"
    assert mentions("kết nối", (unicodedata.normalize("NFD", "kết nối"),), True)


@pytest.mark.parametrize(
    "citation, number, cited",
    [
        ("Nghị định số 47/2020/NĐ-CP ngày 09/4/2020 của Chính phủ", "47/2020/NĐ-CP", True),
        ("Nghi dinh 47/2020/ND-CP", "47/2020/NĐ-CP", True),
        ("NĐ 147/2020/NĐ-CP", "47/2020/NĐ-CP", True),  # key contains it; the check itself rejects a leading digit
    ],
)
def test_citation_key(citation, number, cited):
    assert (citation_key(number) in citation_key(citation)) is cited


def test_cited_instruments_respects_number_boundaries():
    from cqdt_check.checks import _cites

    assert _cites(citation_key("Nghị định 85/2016/NĐ-CP"), citation_key("85/2016/NĐ-CP"))
    assert not _cites(citation_key("Nghị định 185/2016/NĐ-CP"), citation_key("85/2016/NĐ-CP"))


@pytest.mark.parametrize("text, phrase, stated", [
    ("Hệ thống kết nối LGSP, chia sẻ dữ liệu và liên thông các cấp.", "liên thông", True),
    ("không kết nối LGSP, không chia sẻ dữ liệu và không liên thông", "liên thông", False),
    ("không kết nối LGSP, không chia sẻ dữ liệu và không liên thông", "chia sẻ", False),
    ("không kết nối LGSP, không chia sẻ dữ liệu và không liên thông", "kết nối", False),
    ("Giai đoạn này chưa kết nối với LGSP.", "kết nối", False),
    ("Hệ thống không cần liên thông với cấp xã.", "liên thông", False),
    ("Không có chia sẻ dữ liệu với cơ quan khác.", "chia sẻ", False),
    ("Hệ thống không chỉ kết nối LGSP mà còn chia sẻ dữ liệu.", "kết nối", True),
    ("Không dùng tài khoản riêng; hệ thống kết nối LGSP.", "kết nối", True),
    ("khong ket noi LGSP", "kết nối", False),
])
def test_negated_concepts_are_not_stated(text, phrase, stated):
    from cqdt_check.textmatch import affirms

    assert (affirms(text, (phrase,), diacritics=False) is not None) is stated


@pytest.mark.parametrize("text, phrases, found", [
    # a later occurrence counts when an earlier one is negated, in the same clause
    ("không kết nối LGSP nhưng sau đó kết nối LGSP", ("kết nối",), "kết nối"),
    # a phrase is whole words: "nối" alone inside "kết nối" is found, "ết n" is not
    ("hệ thống kết nối", ("ết n", "nối"), "nối"),
    # the first phrase that is stated wins, in the order the concept lists them
    ("liên thông và kết nối", ("kết nối", "liên thông"), "kết nối"),
    # negation reaches three words back, no further
    ("không có một hai ba kết nối", ("kết nối",), "kết nối"),
    ("không có một kết nối", ("kết nối",), None),
    ("", ("kết nối",), None),
    ("kết nối", ("", "  "), None),
])
def test_affirms_finds_phrases_as_whole_words(text, phrases, found):
    from cqdt_check.textmatch import affirms

    assert affirms(text, phrases) == found


@pytest.mark.parametrize("text, folded", [
    ("Quảng Ngãi", " quang ngai "),
    ("ĐƯỜNG TRỤC", " duong truc "),
    ("Đắk Lắk", " dak lak "),
    ("Cafe\u0301 ﬁ", " cafe fi "),  # a combining accent typed apart; a ligature folded by casefold
    ("Ελληνικά", " ελληνικα "),  # marks of any script go, not only Vietnamese ones
    ("ASCII only, 47/2020", " ascii only 47 2020 "),
    ("Kết\u034fnối", " ket noi "),  # the grapheme joiner is not a mark: it stays, and separates like punctuation
    ("Ἀθῆναι Đà", " αθηναι da "),  # Greek with its own marks beside Vietnamese: the general table
])
def test_fold_without_diacritics(text, folded):
    from cqdt_check.textmatch import fold

    assert fold(text, diacritics=False) == folded
