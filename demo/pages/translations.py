"""Polish and Urdu versions of the home page and one information page, written by hand."""

from wagtail.models import Locale

from demo.pages import urdu
from demo.pages.blocks import heading, inset, page_link, paragraph, table
from demo.pages.tree import publish

HOME = {
    "pl": {
        "title": "Powiedz nam, jak nam poszło",
        "introduction": "Dział opieki społecznej dla dorosłych chce poznać Twoje zdanie. Powiedz "
        "nam, co poszło dobrze, a co możemy zrobić lepiej. Nie musisz podawać swojego nazwiska.",
        "body": [
            paragraph(
                "Możesz opowiedzieć nam o każdej usłudze opieki dla dorosłych: o wizycie, rozmowie "
                "telefonicznej, ocenie potrzeb albo domu opieki. Zajmie to około 2 minut."
            )
        ],
    },
    "ur": {
        "title": "ہمیں بتائیں کہ ہم نے کیسا کام کیا",
        "introduction": "بالغوں کی سماجی نگہداشت کا شعبہ آپ کی رائے جاننا چاہتا ہے۔ ہمیں بتائیں کہ "
        "کیا اچھا رہا اور ہم کیا بہتر کر سکتے ہیں۔ آپ کو اپنا نام بتانے کی ضرورت نہیں۔",
        "body": [
            paragraph(
                "آپ ہمیں بالغوں کی سماجی نگہداشت کی کسی بھی سروس کے بارے میں بتا سکتے ہیں: "
                "گھر پر ملاقات، "
                "فون کال، جائزہ یا کیئر ہوم۔ اس میں تقریباً 2 منٹ لگتے ہیں۔"
            )
        ],
    },
}


def _assessment(language, contact):
    text = ASSESSMENT[language]
    return {
        "title": text["title"],
        "summary": text["summary"],
        "body": [
            paragraph(text["intro"]),
            heading(text["what_happens"]),
            paragraph(*text["what_happens_text"]),
            heading(text["how_long"]),
            table(text["caption"], *text["rows"]),
            heading(text["how_to_ask"]),
            paragraph(text["how_to_ask_text"], page_link(contact, text["help_link"])),
            inset(text["danger"]),
        ],
    }


ASSESSMENT = {
    "pl": {
        "title": "Jak uzyskać ocenę potrzeb opiekuńczych",
        "summary": "Ocena to rozmowa z nami o tym, jakiej pomocy potrzebujesz na co dzień. "
        "Jest bezpłatna.",
        "intro": "Jeśli codzienne czynności sprawiają Ci coraz więcej trudności, możesz poprosić "
        "nas o ocenę potrzeb opiekuńczych. Może o nią poprosić każdy, bez względu na dochody.",
        "what_happens": "Jak to wygląda",
        "what_happens_text": [
            "Rozmawiamy z Tobą o Twoim dniu. Pytamy, co idzie dobrze, a co jest trudne. Może "
            "być przy Tobie ktoś z rodziny lub przyjaciel.",
            "Możemy spotkać się u Ciebie w domu, porozmawiać przez telefon albo przez wideo.",
        ],
        "how_long": "Ile to trwa",
        "caption": "Ile zwykle trwa każdy etap",
        "rows": [
            ["Etap", "Zwykle"],
            ["Odpowiadamy na Twoją prośbę", "5 dni roboczych"],
            ["Odwiedzamy Cię lub dzwonimy do Ciebie", "4 tygodnie"],
            ["Wysyłamy Ci plan na piśmie", "2 tygodnie po wizycie"],
        ],
        "how_to_ask": "Jak poprosić o ocenę",
        "how_to_ask_text": "Zadzwoń do nas pod numer 0300 123 4567. Możemy zamówić dla Ciebie "
        "tłumacza.",
        "help_link": "Dowiedz się, jak uzyskać pomoc w kontakcie z nami",
        "danger": "Jeśli grozi Ci niebezpieczeństwo, zadzwoń teraz pod numer 999.",
    },
    "ur": {
        "title": "نگہداشت کی ضروریات کا جائزہ کیسے حاصل کریں",
        "summary": "جائزہ ہمارے ساتھ ایک بات چیت ہے کہ آپ کو روزمرہ زندگی میں کس مدد کی ضرورت ہے۔ "
        "یہ مفت ہے۔",
        "intro": "اگر روزمرہ کے کام آپ کے لیے مشکل ہوتے جا رہے ہیں تو آپ ہم سے نگہداشت کی ضروریات "
        "کے جائزے کی درخواست کر سکتے ہیں۔ آمدنی چاہے جتنی بھی ہو، کوئی بھی یہ درخواست کر سکتا ہے۔",
        "what_happens": "کیا ہوتا ہے",
        "what_happens_text": [
            "ہم آپ سے آپ کے دن کے بارے میں بات کرتے ہیں۔ "
            "ہم پوچھتے ہیں کہ کیا ٹھیک چل رہا ہے اور کیا "
            "مشکل ہے۔ آپ کے ساتھ خاندان کا کوئی فرد یا دوست موجود ہو سکتا ہے۔",
            "ہم آپ سے گھر پر مل سکتے ہیں، فون پر بات کر سکتے ہیں یا ویڈیو کال کر سکتے ہیں۔",
        ],
        "how_long": "اس میں کتنا وقت لگتا ہے",
        "caption": "ہر مرحلے میں عام طور پر کتنا وقت لگتا ہے",
        "rows": [
            ["مرحلہ", "عام وقت"],
            ["ہم آپ کی درخواست کا جواب دیتے ہیں", "5 کام کے دن"],
            ["ہم آپ سے ملنے آتے ہیں یا فون کرتے ہیں", "4 ہفتے"],
            ["ہم آپ کو تحریری منصوبہ بھیجتے ہیں", "ملاقات کے 2 ہفتے بعد"],
        ],
        "how_to_ask": "جائزے کی درخواست کیسے کریں",
        "how_to_ask_text": "ہمیں 0300 123 4567 پر فون کریں۔ "
        "ہم آپ کے لیے ترجمان کا انتظام کر سکتے ہیں۔",
        "help_link": "ہم سے رابطہ کرنے میں مدد حاصل کرنے کا طریقہ جانیں",
        "danger": "اگر آپ اس وقت خطرے میں ہیں تو 999 پر فون کریں۔",
    },
}


def translate(page, language, fields):
    """The `language` translation of `page` with these fields, created and published once."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


def build(home, pages):
    """Home and assessment pages in Polish and Urdu; one page of every other type in Urdu."""
    for language in ("pl", "ur"):
        translate(home, language, HOME[language])
        translate(pages["assessment"], language, _assessment(language, pages["contact"]))
    translate(pages["contact"], "ur", urdu.CONTACT)
    translate(pages["easy_read"], "ur", urdu.easy_read_page())
    translate(pages["you_said"], "ur", urdu.YOU_SAID)
    translate(pages["news"], "ur", urdu.NEWS_INDEX)
    translate(pages["news_item"], "ur", urdu.NEWS)
