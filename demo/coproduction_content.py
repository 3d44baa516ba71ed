"""Made-up people and words for the demo board. Any likeness to real people is accidental."""

from coproduction.choices import ActionStatus, BoardRole, MinutesStatus

MEMBERS = [
    {
        "email": "marjorie.pell@demo.example",
        "first": "Marjorie",
        "last": "Pell",
        "role": BoardRole.CHAIR,
    },
    {
        "email": "tariq.bellamy@demo.example",
        "first": "Tariq",
        "last": "Bellamy",
        "role": BoardRole.CO_CHAIR,
        "needs": {"large_print": True, "regular_breaks": True},
    },
    {
        "email": "wren.okafor@demo.example",
        "first": "Wren",
        "last": "Okafor",
        "role": BoardRole.RESIDENT,
        "needs": {"bsl_interpreter": True},
    },
    {
        "email": "dot.harkness@demo.example",
        "first": "Dot",
        "last": "Harkness",
        "role": BoardRole.CARER,
        "needs": {"easy_read_papers": True, "step_free_access": True},
    },
    {
        "email": "sam.quill@council.example",
        "first": "Sam",
        "last": "Quill",
        "role": BoardRole.OFFICER,
    },
    {
        "email": "ines.fairweather@demo.example",
        "first": "Ines",
        "last": "Fairweather",
        "role": BoardRole.FACILITATOR,
    },
]

_PLACE = {
    "place": "Civic Centre, Committee Room 3 (step-free entrance on Mill Lane)",
    "online_link": "https://meet.council.example/always-listening",
    "bsl_interpreter": True,
    "easy_read_agenda": True,
    "hearing_loop": True,
    "step_free_access": True,
}

# Dates in the minutes come from their meeting, which is seeded a number of days before today:
# {met} is the month it met, {since} and {until} the first and last months of the feedback it
# read (the three months before), {previous} the month of the meeting before.
MEETINGS = [
    {
        "title": "Board meeting: getting through on the phone",
        "days_ago": 120,
        "place": _PLACE,
        "apologies": ["tariq.bellamy@demo.example"],
        "agenda": [
            ("Welcome and how we work together", "Independent facilitator"),
            ("What residents told us since the last meeting", "Council officer"),
            ("Getting through on the phone", "Chair"),
        ],
        "minutes_status": MinutesStatus.PUBLISHED,
        "summary": "<p>The board looked at what residents said between {since} and {until}.</p>",
        "easy_read": "We met in {met}.\nWe read what people told us.\n"
        "Many people could not get through on the phone.\nWe asked the council to fix this.",
        "items": [
            (
                "What residents told us since the last meeting",
                "<p>The council officer presented the themes. A carer member said the quotes about "
                "waiting matched her own experience.</p>",
                "<p>The board agreed to look at phone waiting times first.</p>",
            ),
            (
                "Getting through on the phone",
                "<p>A resident member said people give up after twenty minutes on hold. "
                "The Head of "
                "Customer Services agreed to look at call-backs.</p>",
                "<p>(ACTION) Offer a call-back instead of waiting on hold.</p>",
            ),
        ],
    },
    {
        "title": "Board meeting: carers' breaks",
        "days_ago": 30,
        "place": _PLACE,
        "apologies": ["dot.harkness@demo.example"],
        "agenda": [
            ("Actions from the last meeting", "Chair"),
            ("Carers' breaks and respite", "Carer member"),
        ],
        "minutes_status": MinutesStatus.APPROVED,
        "summary": "<p>The board checked progress since {previous} and talked about respite "
        "for carers.</p>",
        "easy_read": "We met in {met}.\nThe phone call-back now works.\n"
        "Carers need more breaks. The council will look at this.",
        "items": [
            (
                "Actions from the last meeting",
                "<p>The council officer reported that call-backs started after the meeting in "
                "{previous}.</p>",
                "<p>The board agreed the phone action is done.</p>",
            ),
            (
                "Carers' breaks and respite",
                "<p>A carer member said booking respite takes too many forms.</p>",
                "<p>(ACTION) Make booking respite one short form.</p>",
            ),
        ],
    },
]

ACTIONS = [
    {
        "meeting": 0,
        "title": "Offer a call-back instead of waiting on hold",
        "owner": "Head of Customer Services",
        "owner_email": "customer.services@council.example",
        "due_in": 60,
        "status": ActionStatus.DONE,
        "service": "front-door",
        "themes": ["getting_through", "communication"],
        "evidence": "Many comments said people waited on hold and gave up.",
        "you_said": "You could not get through on the phone and gave up waiting.",
        "we_did": "You can now ask for a call-back. We call back the same day.",
    },
    {
        "meeting": 0,
        "title": "Send letters in easy read when people ask for it",
        "owner": "Assessment team manager",
        "owner_email": "assessments@council.example",
        "due_in": 75,
        "status": ActionStatus.DONE,
        "service": "hospital-discharge",
        "themes": ["accessible_formats"],
        "you_said": "Letters about your care were hard to understand.",
        "we_did": "We now send easy read letters to anyone who asks, and we note it on "
        "your record so you do not have to ask again.",
    },
    {
        "meeting": 1,
        "title": "Make booking respite one short form",
        "owner": "Carers' support lead",
        "owner_email": "carers@council.example",
        "due_in": 45,
        "status": ActionStatus.OPEN,
        "service": "carers-support",
        "themes": ["respite", "carers_support"],
        "evidence": "Carers said respite forms are long and ask the same things twice.",
    },
    {
        "meeting": 1,
        "title": "Report waiting times for assessments at every meeting",
        "owner": "Head of Assessment",
        "owner_email": "assessments@council.example",
        "due_in": 20,
        "status": ActionStatus.IN_PROGRESS,
        "themes": ["waiting_times"],
    },
]
