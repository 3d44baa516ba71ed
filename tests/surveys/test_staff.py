import csv
import io
import uuid
from datetime import date, timedelta

from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from surveys.choices import Channel
from surveys.models import ContactRequest, FreeTextAnswer, Response
from surveys.services import response_submit
from surveys.staff.forms import ExportForm
from surveys.submission import Comment, Submission
from tests.text_direction import RIGHT_TO_LEFT_OVERRIDE, assert_isolated


def _entry_data(keys, **extra):
    data = {
        "submission_token": str(uuid.uuid4()),
        "channel": "paper",
        "date_given": "2026-03-14",
        f"q_{keys['overall']}": "poor",
        f"q_{keys['do_better']}": "Call me back on 07700 900123 please",
    }
    data.update(extra)
    return data


def test_paper_card_is_keyed_in_with_channel_and_card_date(staff_client, touchpoint, keys):
    response = staff_client.post(f"/admin/feedback/enter/{touchpoint.pk}/", _entry_data(keys))
    assert response.status_code == 302
    assert response["Location"] == (
        f"/admin/feedback/enter/{touchpoint.pk}/?channel=paper&date=2026-03-14"
    )
    stored = Response.objects.get()
    assert (stored.channel, stored.submitted_on, stored.touchpoint) == (
        Channel.PAPER,
        date(2026, 3, 14),
        touchpoint,
    )
    assert stored.comments.get().purpose == "do_better"


def test_phone_feedback_records_phone_channel(staff_client, touchpoint, keys):
    staff_client.post(f"/admin/feedback/enter/{touchpoint.pk}/", _entry_data(keys, channel="phone"))
    assert Response.objects.get().channel == Channel.PHONE


def test_card_date_in_future_is_refused(staff_client, touchpoint, keys):
    future = (date.today() + timedelta(days=3)).isoformat()
    response = staff_client.post(
        f"/admin/feedback/enter/{touchpoint.pk}/", _entry_data(keys, date_given=future)
    )
    assert "can&#x27;t be in the future" in response.content.decode()
    assert Response.objects.count() == 0


def test_staff_without_permission_cannot_key_in(client, plain_staff, touchpoint, keys):
    client.force_login(plain_staff)
    response = client.post(f"/admin/feedback/enter/{touchpoint.pk}/", _entry_data(keys))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Response.objects.count() == 0


def _store(touchpoint, keys, text="Ring me on 07700 900123, Mrs Jones"):
    response, _ = response_submit(
        survey=touchpoint.survey,
        touchpoint=touchpoint,
        channel=Channel.QR,
        submission=Submission(
            overall="poor", comments=[Comment(keys["do_better"], "do_better", text)]
        ),
    )
    return response


def test_response_list_hides_comments_without_permission(staff_client, touchpoint, keys):
    _store(touchpoint, keys)
    html = staff_client.get("/admin/feedback/responses/").content.decode()
    assert "Hospital discharge" in html
    assert "Discharge team" in html  # the touchpoint
    assert "QR code" in html  # the channel
    assert "07700 900123" not in html
    assert "[phone]" in html  # redacted, not hidden


def test_unredacted_view_is_allowed_with_permission_and_audited(
    client, unredacted_user, touchpoint, keys
):
    stored = _store(touchpoint, keys)
    client.force_login(unredacted_user)
    html = client.get(f"/admin/feedback/responses/{stored.pk}/").content.decode()
    assert "07700 900123" in html
    entry = ModelLogEntry.objects.get(action="surveys.view_unredacted")
    assert entry.user_id == unredacted_user.pk
    assert entry.object_id == str(stored.pk)


def test_unredacted_response_list_is_audited_with_the_responses_shown(
    client, unredacted_user, touchpoint, keys
):
    first, second = _store(touchpoint, keys), _store(touchpoint, keys, text="Mr Patel was kind")
    client.force_login(unredacted_user)
    html = client.get("/admin/feedback/responses/").content.decode()
    assert "07700 900123" in html
    entry = ModelLogEntry.objects.get(action="surveys.view_unredacted")
    assert entry.user_id == unredacted_user.pk
    assert sorted(entry.data["responses"]) == sorted([first.pk, second.pk])


def test_redacted_response_list_writes_no_unredacted_audit_entry(staff_client, touchpoint, keys):
    _store(touchpoint, keys)
    assert staff_client.get("/admin/feedback/responses/").status_code == 200
    assert not ModelLogEntry.objects.filter(action="surveys.view_unredacted").exists()


def test_contact_requests_are_read_closed_and_deleted_through_audited_services(
    client, unredacted_user, touchpoint, keys
):
    from surveys.models import ContactRequest
    from surveys.services import contact_request_create

    contact = contact_request_create(
        response=_store(touchpoint, keys),
        name="A resident",
        phone="07700 900999",
        preferred_contact=ContactRequest.PreferredContact.PHONE,
    )
    client.force_login(unredacted_user)
    assert "07700 900999" in client.get("/admin/feedback/contact-requests/").content.decode()
    client.post(f"/admin/feedback/contact-requests/{contact.pk}/close/")
    contact.refresh_from_db()
    assert contact.status == ContactRequest.Status.CLOSED
    client.post(f"/admin/feedback/contact-requests/{contact.pk}/delete/")
    assert not ContactRequest.objects.filter(pk=contact.pk).exists()
    entries = ModelLogEntry.objects.filter(user=unredacted_user).order_by("pk")
    assert [e.action for e in entries] == [
        "surveys.view_contact_details",
        "wagtail.edit",
        "wagtail.delete",
    ]


def test_comment_with_a_direction_override_cannot_reorder_staff_screens(
    client, unredacted_user, touchpoint, keys
):
    stored = _store(touchpoint, keys, text=f"Carer was late {RIGHT_TO_LEFT_OVERRIDE}nehw sa ot")
    client.force_login(unredacted_user)
    for url in [f"/admin/feedback/responses/{stored.pk}/", "/admin/feedback/responses/"]:
        assert_isolated(client.get(url).content.decode())


def test_response_filter_and_export_fields_have_translatable_labels():
    form = ExportForm()
    assert [name for name, field in form.fields.items() if field.label is None] == []


def test_export_csv_leaves_out_comments_by_default(staff_client, touchpoint, keys):
    _store(touchpoint, keys)
    response = staff_client.get("/admin/feedback/export/?file_format=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    assert rows[0]["Overall experience"] == "poor"
    assert rows[0]["Touchpoint"] == "hd7k2"
    assert "What could be better" not in rows[0]
    assert "07700" not in response.content.decode()
    assert ModelLogEntry.objects.filter(action="surveys.export").count() == 1


def test_export_with_comments_needs_unredacted_permission(staff_client, touchpoint, keys):
    _store(touchpoint, keys)
    response = staff_client.get("/admin/feedback/export/?file_format=csv&include_comments=on")
    assert "Your role can&#x27;t export comments." in response.content.decode()
    assert ModelLogEntry.objects.filter(action="surveys.export").count() == 0


def test_export_xlsx_with_comments_for_permitted_user(client, unredacted_user, touchpoint, keys):
    _store(touchpoint, keys)
    client.force_login(unredacted_user)
    response = client.get("/admin/feedback/export/?file_format=xlsx&include_comments=on")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    values = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert values["What could be better"] == "Ring me on 07700 900123, Mrs Jones"
    assert values["Service"] == "Hospital discharge"


def test_contact_requests_are_visible_only_with_permission(
    client, staff_user, unredacted_user, touchpoint, keys
):
    stored = _store(touchpoint, keys)
    ContactRequest.objects.create(
        response=stored,
        name="Pat Example",
        phone="07700 900456",
        preferred_contact="phone",
        created_on=date.today(),
    )
    client.force_login(staff_user)
    assert "Pat Example" not in client.get("/admin/feedback/contact-requests/").content.decode()
    client.force_login(unredacted_user)
    assert "Pat Example" in client.get("/admin/feedback/contact-requests/").content.decode()


def test_contact_details_can_be_deleted_on_their_own(client, unredacted_user, touchpoint, keys):
    stored = _store(touchpoint, keys)
    contact = ContactRequest.objects.create(
        response=stored,
        name="Pat Example",
        phone="07700 900456",
        preferred_contact="phone",
        created_on=date.today(),
    )
    client.force_login(unredacted_user)
    client.post(f"/admin/feedback/contact-requests/{contact.pk}/delete/")
    assert ContactRequest.objects.count() == 0
    assert Response.objects.filter(pk=stored.pk).exists()
    assert FreeTextAnswer.objects.filter(response=stored).exists()
