"""English demo pages: information in plain English, easy read, help, news, "You said, we did"."""

from cms.models import (
    ContactPage,
    EasyReadPage,
    InformationPage,
    NewsIndexPage,
    NewsPage,
    YouSaidWeDidIndexPage,
)
from demo.pages.blocks import bullets, easy_read, heading, inset, page_link, paragraph, table
from demo.pages.pictures import picture
from demo.pages.tree import child_page

HOME_BODY = [
    paragraph(
        "You can tell us about any adult social care service: a visit, a phone call, an "
        "assessment or a care home. It takes about 2 minutes."
    ),
]


def assessment_body(contact):
    return [
        paragraph(
            "If everyday things are getting hard, you can ask us for a care needs assessment. "
            "Anyone can ask, whatever their income."
        ),
        heading("What happens"),
        paragraph(
            "We talk with you about your day. We ask what is going well and what is hard. "
            "A family member or friend can be with you.",
            "We can meet you at home, talk on the phone or use a video call.",
        ),
        heading("How long it takes"),
        table(
            "How long each step usually takes",
            ["Step", "Usual time"],
            ["We reply to your request", "5 working days"],
            ["We visit you or call you", "4 weeks"],
            ["We send you a written plan", "2 weeks after the visit"],
        ),
        heading("How to ask for an assessment"),
        paragraph(
            "Call us on 0300 123 4567. We can book an interpreter for you.",
            page_link(contact, "Find out how to get help to contact us"),
        ),
        inset("If you are in danger now, call 999."),
    ]


def carers_body(contact):
    return [
        paragraph(
            "You are a carer if you help a family member or friend who could not manage "
            "without you. You may not call yourself a carer, but we can still help you."
        ),
        heading("A carer's assessment"),
        paragraph(
            "This is a talk about your life and what would make caring easier. It is free. "
            "You can have one even if the person you care for does not get help from us."
        ),
        heading("Help you can get"),
        bullets(
            "a break from caring, for a few hours or a few days",
            "advice about money and benefits",
            "a carers' group where you can meet other carers",
            "a plan for what happens if you are ill",
        ),
        paragraph(page_link(contact, "Ask for a carer's assessment")),
    ]


def feedback_body(easy_read_page, you_said):
    return [
        paragraph(
            "After we help you, we may give you a How Did We Do card. You can answer on your "
            "phone by scanning the code, or post the card back for free."
        ),
        heading("You do not need to give your name"),
        paragraph(
            "You can tell us how it went without saying who you are. If you want us to call "
            "you back, you can leave your details. We keep them safe."
        ),
        heading("What happens next"),
        paragraph(
            "We read every answer. A group of residents who use our services meets every "
            "month to look at what people are telling us. Together we agree what to change.",
            page_link(you_said, "See what we changed because of your feedback"),
        ),
        paragraph(page_link(easy_read_page, "Read about giving feedback in easy read")),
    ]


def easy_read_body():
    return [
        heading("Tell us how we did"),
        easy_read(
            picture("Easy read: person"),
            "A smiling person",
            "We want to know what you think about our help.",
        ),
        easy_read(
            picture("Easy read: speech bubble"),
            "A speech bubble",
            "Tell us what was good. Tell us what was not good.",
        ),
        easy_read(
            picture("Easy read: phone with code"),
            "A mobile phone showing a square code",
            "Use your phone to scan the code on the card.",
        ),
        easy_read(
            picture("Easy read: envelope"),
            "An envelope",
            "Or write on the card and post it. You do not need a stamp.",
        ),
        heading("What we do next"),
        easy_read(
            picture("Easy read: green tick"),
            "A green tick",
            "We read every card. We use them to make things better.",
        ),
    ]


def build(home):
    """Create the English demo pages under the home page. Returns them by short name."""
    contact, _ = child_page(
        home,
        ContactPage,
        "get-help",
        title="Get help to give feedback",
        summary="You can give feedback by phone, text relay, British Sign Language or post. "
        "We can book an interpreter.",
        introduction="Tell us the way that suits you. Someone can help you, too.",
    )
    you_said, _ = child_page(
        home,
        YouSaidWeDidIndexPage,
        "you-said-we-did",
        title="You said, we did",
        summary="What residents told us and what we changed because of it.",
        introduction="Our residents' board reads your feedback and agrees what to change.",
    )
    easy, _ = child_page(
        home,
        EasyReadPage,
        "easy-read-how-to-tell-us",
        title="How to tell us how we did: easy read",
        summary="Easy read: how to tell us what you think of our help.",
        body=easy_read_body(),
    )
    assessment, _ = child_page(
        home,
        InformationPage,
        "getting-a-care-needs-assessment",
        title="Getting a care needs assessment",
        summary="An assessment is a talk with us about the help you need day to day. It is free.",
        body=assessment_body(contact),
    )
    carers, _ = child_page(
        home,
        InformationPage,
        "support-for-unpaid-carers",
        title="Support for unpaid carers",
        summary="If you look after someone, you can get help for yourself too.",
        body=carers_body(contact),
    )
    feedback, _ = child_page(
        home,
        InformationPage,
        "how-we-use-your-feedback",
        title="How we use your feedback",
        summary="What happens to your How Did We Do card after you send it.",
        body=feedback_body(easy, you_said),
        easy_read_version=easy,
    )
    news, news_item = _news(home)
    return {
        "contact": contact,
        "you_said": you_said,
        "easy_read": easy,
        "assessment": assessment,
        "carers": carers,
        "feedback": feedback,
        "news": news,
        "news_item": news_item,
    }


def _news(home):
    news, _ = child_page(
        home,
        NewsIndexPage,
        "news",
        title="News and updates",
        summary="What is new in adult social care feedback.",
    )
    item, _ = child_page(
        news,
        NewsPage,
        "new-how-did-we-do-cards",
        title="New How Did We Do cards",
        summary="Our cards now come in large print, easy read, Polish and Urdu.",
        body=[
            paragraph(
                "Residents helped us design the new cards. Ask any of our teams for a copy, or "
                "pick one up at your local library."
            )
        ],
    )
    return news, item
