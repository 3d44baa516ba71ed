"""Words for the demo surveys. Written for the demo: synthetic, made up, about nobody."""


def _questions(went_well="What went well?", do_better="What could we do better?"):
    return [
        {
            "type": "overall",
            "value": {
                "question": "Overall, how was your experience of our service?",
                "required": True,
                "easy_read_question": "Was our service good or bad?",
            },
        },
        {
            "type": "free_text",
            "value": {
                "question": went_well,
                "purpose": "went_well",
                "hint": "Please do not include names or contact details.",
                "easy_read_question": "What was good?",
            },
        },
        {
            "type": "free_text",
            "value": {
                "question": do_better,
                "purpose": "do_better",
                "hint": "Please do not include names or contact details.",
                "easy_read_question": "What should we change?",
            },
        },
        {
            "type": "ascs_information",
            "value": {
                "question": (
                    "In the past year, have you generally found it easy or difficult to find "
                    "information and advice about support, services or benefits?"
                ),
                "easy_read_question": "Was it easy to find out about help?",
            },
        },
    ]


SERVICES = [
    {
        "service": "Hospital discharge",
        "slug": "hospital-discharge",
        "title": "How did we do? Leaving hospital",
        "description": "Support to leave hospital and settle back at home.",
        "introduction": (
            "You recently had help from our hospital discharge team. Tell us how it went."
        ),
        "questions": _questions(),
        "touchpoints": [
            ("Hospital discharge team – City Hospital", "hd7k2"),
            ("Discharge to assess beds", "hd3m9"),
        ],
    },
    {
        "service": "Carers' support",
        "slug": "carers-support",
        "title": "How did we do? Support for carers",
        "description": "Carers' assessments, respite and support for unpaid carers.",
        "introduction": "You look after someone and had contact with us. Tell us how it went.",
        "questions": _questions(do_better="What would make things easier for you as a carer?"),
        "touchpoints": [("Carers assessment", "ca4p8"), ("Carers' centre drop-in", "ca9t2")],
    },
    {
        "service": "Front door and contact centre",
        "slug": "front-door",
        "title": "How did we do? Contacting adult social care",
        "description": "The first contact: phone lines, the contact centre and online requests.",
        "introduction": "You contacted adult social care. Tell us how it went.",
        "questions": _questions(),
        "touchpoints": [
            ("Front door / contact centre", "fd2w6"),
            ("Community library desk", "fd8r4"),
        ],
    },
]

TRANSLATIONS = {
    "pl": {
        "title": "Jak nam poszło? Wyjście ze szpitala",
        "introduction": (
            "Niedawno pomógł Ci nasz zespół ds. wypisów ze szpitala. Powiedz nam, jak poszło."
        ),
        "invitation": (
            "Powiedz nam, jak nam poszło. To zajmie 2 minuty i nie musisz podawać imienia."
        ),
        "thank_you_message": "Dziękujemy. Czytamy każdy komentarz.",
        "hint": "Prosimy nie podawać imion ani danych kontaktowych.",
        "questions": {
            "overall": "Ogólnie rzecz biorąc, jak oceniasz nasze usługi?",
            "went_well": "Co poszło dobrze?",
            "do_better": "Co możemy zrobić lepiej?",
            "ascs_information": (
                "Czy w ostatnim roku łatwo czy trudno było Ci znaleźć informacje i porady "
                "dotyczące wsparcia, usług lub świadczeń?"
            ),
        },
        "easy_read_questions": {
            "overall": "Czy nasza pomoc była dobra czy zła?",
            "went_well": "Co było dobre?",
            "do_better": "Co powinniśmy zmienić?",
            "ascs_information": "Czy łatwo było znaleźć informacje o pomocy?",
        },
    },
    "ur": {
        "title": "ہم نے کیسا کام کیا؟ ہسپتال سے گھر واپسی",
        "introduction": (
            "حال ہی میں ہسپتال سے گھر واپسی کی ہماری ٹیم نے آپ کی مدد کی۔ "
            "ہمیں بتائیں کہ یہ کیسا رہا۔"
        ),
        "invitation": (
            "ہمیں بتائیں کہ ہم نے کیسا کام کیا۔ اس میں 2 منٹ لگتے ہیں اور آپ کو اپنا نام بتانے "
            "کی ضرورت نہیں۔"
        ),
        "thank_you_message": "شکریہ۔ ہم ہر تبصرہ پڑھتے ہیں۔",
        "hint": "براہ کرم نام یا رابطے کی تفصیلات نہ لکھیں۔",
        "questions": {
            "overall": "مجموعی طور پر، ہماری سروس کے ساتھ آپ کا تجربہ کیسا رہا؟",
            "went_well": "کیا اچھا رہا؟",
            "do_better": "ہم کیا بہتر کر سکتے ہیں؟",
            "ascs_information": (
                "پچھلے ایک سال میں، کیا آپ کو مدد، خدمات یا مالی فوائد کے بارے میں معلومات "
                "اور مشورہ ڈھونڈنا عام طور پر آسان لگا یا مشکل؟"
            ),
        },
        "easy_read_questions": {
            "overall": "کیا ہماری سروس اچھی تھی یا بری؟",
            "went_well": "کیا اچھا تھا؟",
            "do_better": "ہمیں کیا بدلنا چاہیے؟",
            "ascs_information": "کیا مدد کے بارے میں معلومات ڈھونڈنا آسان تھا؟",
        },
    },
}

COMMENTS = {
    "went_well": [
        "The social worker was kind and listened to what my mum wanted.",
        "Staff treated my dad with dignity and respect.",
        "The carers who come in the morning are always cheerful and on time.",
        "I got a call back the same day and everything was explained clearly.",
        "The respite break gave me a chance to rest. Thank you.",
        "The reablement team helped me get back on my feet after my fall.",
        "Having an interpreter at the assessment made a big difference.",
        "The easy read letter was really helpful for my son.",
        "Quick assessment and the equipment arrived within a week.",
        "Everyone was friendly and patient with me.",
    ],
    "positive": [
        "Nothing really, it was all good.",
        "Keep doing what you are doing.",
        "Maybe send a letter to confirm the plan, but otherwise great.",
        "It would help to have the same carer each visit.",
    ],
    "negative": [
        "I could not get through on the phone for three days.",
        "Nobody called me back after I left two messages.",
        "We waited four months for the care assessment.",
        "Different carers every week, my mum gets confused and upset.",
        "The discharge was rushed and there was no care package in place when he got home.",
        "Letters are full of jargon and hard to understand.",
        "There was no interpreter so my father could not explain his needs.",
        "I am a carer and I am exhausted, I asked for respite months ago and heard nothing.",
        "The carers arrive late and only stay ten minutes.",
        "Nobody explained the charges and we got a large bill.",
        "The website is hard to use and I do not have a computer.",
        "Staff were rude on the phone and did not listen.",
        "The form was not available in easy read or large print.",
        "I felt nobody took my views into account in the review.",
    ],
    # Made-up disclosures, so the safeguarding queue has something to show.
    "safeguarding": [
        "The carer shouted at my dad and he has bruises on his arm he cannot explain.",
        "Mum was left in wet pads all day and nobody came to help her.",
    ],
}
