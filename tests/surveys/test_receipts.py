import uuid

from django.core import mail

from surveys.models import ContactRequest, FreeTextAnswer, Response


def _submit(client, keys):
    client.post(
        "/f/hd7k2",
        {
            "submission_token": str(uuid.uuid4()),
            f"q_{keys['overall']}": "poor",
            f"q_{keys['do_better']}": "Waited too long",
        },
    )
    return Response.objects.get()


def _ask_for_contact(client, stored, details):
    """The contact form as its page posts it: the receipt code travels in the body."""
    data = {"receipt_code": stored.receipt_code, "step": "details", **details}
    return client.post("/feedback/contact/", data)


def test_receipt_code_finds_the_feedback(client, touchpoint, keys):
    stored = _submit(client, keys)
    code = stored.receipt_code.replace("-", " ").lower()
    response = client.post("/feedback/receipt/", {"receipt_code": code})
    assert response.status_code == 200  # answered in place: the code goes into no address
    page = response.content.decode()
    assert stored.receipt_code in page
    assert "Hospital discharge" in page
    assert "Delete my feedback" in page


def test_wrong_receipt_code_says_so(client, touchpoint):
    page = client.post("/feedback/receipt/", {"receipt_code": "AAAA-BBBB-CC"}).content.decode()
    assert "We could not find feedback with that receipt code." in page


def test_malformed_receipt_code_says_what_it_looks_like(client, touchpoint):
    page = client.post("/feedback/receipt/", {"receipt_code": "123"}).content.decode()
    assert "Enter the 10 letters and numbers" in page


def test_withdrawal_deletes_the_response_comments_and_contact(client, touchpoint, keys):
    stored = _submit(client, keys)
    _ask_for_contact(
        client,
        stored,
        {"name": "Sam Example", "preferred_contact": "email", "email": "sam@example.org"},
    )
    assert ContactRequest.objects.count() == 1
    assert client.get("/feedback/receipt/withdraw/")["Location"] == "/feedback/receipt/"
    confirm = client.post("/feedback/receipt/withdraw/", {"receipt_code": stored.receipt_code})
    assert "Are you sure" in confirm.content.decode()
    assert Response.objects.count() == 1  # asking "are you sure?" never deletes
    kept = client.post("/feedback/receipt/", {"receipt_code": stored.receipt_code})
    assert "Delete my feedback" in kept.content.decode()  # "No, keep it" goes back
    client.post(
        "/feedback/receipt/withdraw/", {"receipt_code": stored.receipt_code, "confirm": "yes"}
    )
    assert Response.objects.count() == 0
    assert FreeTextAnswer.objects.count() == 0
    assert ContactRequest.objects.count() == 0


def test_contact_request_is_stored_apart_from_answers(client, touchpoint, keys):
    stored = _submit(client, keys)
    details = {"name": "Sam Example", "preferred_contact": "phone", "phone": "07700 900111"}
    response = _ask_for_contact(client, stored, details)
    assert "We will contact you" in response.content.decode()
    contact = ContactRequest.objects.get()
    assert contact.response == stored
    assert "Sam Example" not in str(Response.objects.values().get())
    assert len(mail.outbox) == 0


def test_contact_request_needs_the_chosen_way_to_reach_you(client, touchpoint, keys):
    stored = _submit(client, keys)
    page = _ask_for_contact(
        client, stored, {"name": "Sam Example", "preferred_contact": "email"}
    ).content.decode()
    assert "Enter how we can reach you, or choose another way." in page
    assert ContactRequest.objects.count() == 0


def test_only_one_contact_request_per_response(client, touchpoint, keys):
    stored = _submit(client, keys)
    data = {"name": "Sam", "preferred_contact": "phone", "phone": "07700 900111"}
    _ask_for_contact(client, stored, data)
    second = _ask_for_contact(client, stored, data)
    assert "We will contact you" in second.content.decode()
    assert ContactRequest.objects.count() == 1


def test_the_contact_button_opens_an_empty_form(client, touchpoint, keys):
    stored = _submit(client, keys)
    page = client.post("/feedback/contact/", {"receipt_code": stored.receipt_code})
    assert page.status_code == 200
    assert "There is a problem" not in page.content.decode()
    assert 'name="step" value="details"' in page.content.decode()
    assert ContactRequest.objects.count() == 0
