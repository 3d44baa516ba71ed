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


def test_receipt_code_finds_the_feedback(client, touchpoint, keys):
    stored = _submit(client, keys)
    code = stored.receipt_code.replace("-", " ").lower()
    response = client.post("/feedback/receipt/", {"receipt_code": code})
    assert response["Location"] == f"/feedback/receipt/{stored.receipt_code}/"
    page = client.get(response["Location"]).content.decode()
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
    client.post(
        f"/feedback/thanks/{stored.receipt_code}/contact/",
        {"name": "Sam Example", "preferred_contact": "email", "email": "sam@example.org"},
    )
    assert ContactRequest.objects.count() == 1
    confirm = client.get(f"/feedback/receipt/{stored.receipt_code}/withdraw/")
    assert "Are you sure" in confirm.content.decode()
    assert Response.objects.count() == 1  # a GET never deletes
    client.post(f"/feedback/receipt/{stored.receipt_code}/withdraw/")
    assert Response.objects.count() == 0
    assert FreeTextAnswer.objects.count() == 0
    assert ContactRequest.objects.count() == 0


def test_contact_request_is_stored_apart_from_answers(client, touchpoint, keys):
    stored = _submit(client, keys)
    response = client.post(
        f"/feedback/thanks/{stored.receipt_code}/contact/",
        {"name": "Sam Example", "preferred_contact": "phone", "phone": "07700 900111"},
    )
    assert "We will contact you" in response.content.decode()
    contact = ContactRequest.objects.get()
    assert contact.response == stored
    assert "Sam Example" not in str(Response.objects.values().get())
    assert len(mail.outbox) == 0


def test_contact_request_needs_the_chosen_way_to_reach_you(client, touchpoint, keys):
    stored = _submit(client, keys)
    page = client.post(
        f"/feedback/thanks/{stored.receipt_code}/contact/",
        {"name": "Sam Example", "preferred_contact": "email"},
    ).content.decode()
    assert "Enter how we can reach you, or choose another way." in page
    assert ContactRequest.objects.count() == 0


def test_only_one_contact_request_per_response(client, touchpoint, keys):
    stored = _submit(client, keys)
    data = {"name": "Sam", "preferred_contact": "phone", "phone": "07700 900111"}
    client.post(f"/feedback/thanks/{stored.receipt_code}/contact/", data)
    second = client.post(f"/feedback/thanks/{stored.receipt_code}/contact/", data)
    assert second.status_code == 302
    assert ContactRequest.objects.count() == 1
