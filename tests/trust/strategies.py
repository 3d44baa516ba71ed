"""Hypothesis strategies for hostile input: the kinds of text and bytes residents, broken
devices and attackers actually send."""

from hypothesis import strategies as st

NASTY = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE surveys_response; --",
    "1 OR 1=1",
    "Robert'); DELETE FROM surveys_freetextanswer WHERE ('1'='1",
    '=HYPERLINK("http://evil.example","click")',
    "\u202egnp.exe",  # right-to-left override
    "\u200f\u200e\u2066\u2069",  # bidi marks and isolates
    "\x00",
    "nul\x00in the middle",
    "\x1b[31mred\x1b[0m",
    "\x07\x08\x0b\x0c\x7f\x85\x9f",
    "line one\r\nline two\rline three",
    "😀👍🏽👨‍👩‍👧 🏳️‍🌈",
    "e\u0301 cafe\u0301",  # decomposed accents (NFC changes them)
    "\ufeffBOM",
    "ﷺ ﷽ 𒐫 𝕳𝖊𝖑𝖑𝖔",
    "زبردست خدمت",
    "{{ settings.SECRET_KEY }} {% debug %}",
    "%s%s%s%n",
    "../../etc/passwd",
    "   ",
]

# Any Unicode a browser can send as UTF-8 (lone surrogates can't be encoded, so can't arrive).
unicode_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)
hostile_text = st.one_of(
    st.sampled_from(NASTY),
    unicode_text,
    st.tuples(st.sampled_from(NASTY), unicode_text).map("".join),
    st.integers(4990, 5010).map(lambda n: "ü" * n),  # around the 5,000 character limit
)
