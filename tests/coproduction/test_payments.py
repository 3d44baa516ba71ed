"""Involvement payments: checked amounts and dates, who approved them, a working export, and
only the officers of the member's board see or change them."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from freezegun import freeze_time
from wagtail.models import ModelLogEntry

from coproduction import services
from coproduction.choices import BoardRole, PaymentKind, PaymentStatus
from coproduction.models import InvolvementPayment
from core import roles
from tests.coproduction.factories import MembershipFactory, user_in_role

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def seat(board):
    return MembershipFactory(board=board, user__first_name="Aisha", user__last_name="Khan")


@pytest.fixture
def other_officer(other_board):
    user = user_in_role(roles.OFFICERS)
    MembershipFactory(board=other_board, user=user, role=BoardRole.OFFICER)
    return user


def _payment(seat, **fields):
    values = {"kind": PaymentKind.INVOLVEMENT, "amount": Decimal("25.00"), "claimed_on": TODAY}
    return InvolvementPayment(membership=seat, **{**values, **fields})


@pytest.fixture
def claimed(seat, officer):
    with freeze_time(TODAY):
        return services.payment_record(payment=_payment(seat), by=officer)


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"amount": Decimal("-10.00")}, "amount"),
        ({"amount": Decimal("0")}, "amount"),
        ({"status": PaymentStatus.PAID}, "paid_on"),
        ({"status": PaymentStatus.PAID, "paid_on": TODAY + datetime.timedelta(1)}, "paid_on"),
        ({"status": PaymentStatus.PAID, "paid_on": TODAY - datetime.timedelta(1)}, "paid_on"),
        ({"status": PaymentStatus.APPROVED, "paid_on": TODAY}, "paid_on"),
        ({"claimed_on": TODAY + datetime.timedelta(3)}, "claimed_on"),
    ],
)
@freeze_time(TODAY)
def test_wrong_amounts_and_dates_are_refused(seat, officer, fields, field):
    with pytest.raises(ValidationError) as error:
        services.payment_record(payment=_payment(seat, **fields), by=officer)
    assert field in error.value.message_dict
    assert not InvolvementPayment.objects.exists()


@freeze_time(TODAY)
def test_a_paid_payment_has_its_date(seat, officer):
    payment = _payment(seat, status=PaymentStatus.PAID, paid_on=TODAY)
    assert services.payment_record(payment=payment, by=officer).pk


def test_approval_records_who_and_when(claimed, officer):
    assert claimed.approved_by is None and claimed.approved_at is None
    claimed.status = PaymentStatus.APPROVED
    with freeze_time("2026-03-11 10:00"):
        services.payment_record(payment=claimed, by=officer)
    claimed.refresh_from_db()
    assert claimed.approved_by == officer
    assert claimed.approved_at.date() == datetime.date(2026, 3, 11)
    assert ModelLogEntry.objects.filter(
        action="coproduction.payment.approve", user=officer, object_id=str(claimed.pk)
    ).exists()


def test_paying_keeps_the_first_approval(claimed, officer, board):
    claimed.status = PaymentStatus.APPROVED
    services.payment_record(payment=claimed, by=officer)
    second = user_in_role(roles.OFFICERS)
    MembershipFactory(board=board, user=second, role=BoardRole.OFFICER)
    claimed.status, claimed.paid_on = PaymentStatus.PAID, datetime.date.today()
    services.payment_record(payment=claimed, by=second)
    claimed.refresh_from_db()
    assert claimed.approved_by == officer


def test_a_payment_cannot_go_back_a_stage(claimed, officer):
    claimed.status = PaymentStatus.APPROVED
    services.payment_record(payment=claimed, by=officer)
    claimed.status = PaymentStatus.CLAIMED
    with pytest.raises(ValidationError):
        services.payment_record(payment=claimed, by=officer)


def test_another_boards_officer_cannot_record_or_approve(claimed, seat, other_officer):
    with pytest.raises(PermissionDenied):
        services.payment_record(payment=_payment(seat), by=other_officer)
    claimed.status = PaymentStatus.APPROVED
    with pytest.raises(PermissionDenied):
        services.payment_record(payment=claimed, by=other_officer)


def _form(seat, **fields):
    return {
        "membership": seat.pk,
        "meeting": "",
        "kind": PaymentKind.INVOLVEMENT,
        "amount": "25.00",
        "description": "",
        "status": PaymentStatus.CLAIMED,
        "claimed_on": TODAY.isoformat(),
        "paid_on": "",
        **fields,
    }


@freeze_time(TODAY)
def test_admin_form_refuses_a_negative_amount_and_paid_without_a_date(client, officer, seat):
    client.force_login(officer)
    url = reverse("coproduction_involvementpayment:add")
    assert client.post(url, _form(seat, amount="-5.00")).status_code == 200
    assert client.post(url, _form(seat, status=PaymentStatus.PAID)).status_code == 200
    assert not InvolvementPayment.objects.exists()
    assert client.post(url, _form(seat)).status_code == 302
    assert InvolvementPayment.objects.get().amount == Decimal("25.00")


@freeze_time(TODAY)
def test_approving_in_the_admin_records_the_approver(client, officer, claimed, seat):
    client.force_login(officer)
    url = reverse("coproduction_involvementpayment:edit", args=[claimed.pk])
    assert client.post(url, _form(seat, status=PaymentStatus.APPROVED)).status_code == 302
    claimed.refresh_from_db()
    assert claimed.status == PaymentStatus.APPROVED and claimed.approved_by == officer


@freeze_time(TODAY)
def test_sending_a_payment_back_in_the_admin_is_an_error_on_the_form(
    client, officer, claimed, seat
):
    claimed.status = PaymentStatus.APPROVED
    services.payment_record(payment=claimed, by=officer)
    client.force_login(officer)
    url = reverse("coproduction_involvementpayment:edit", args=[claimed.pk])
    response = client.post(url, _form(seat, status=PaymentStatus.CLAIMED))
    assert response.status_code == 200 and "earlier stage" in response.content.decode()


@pytest.mark.parametrize("who", ["other_officer", "engagement_lead"])
@freeze_time(TODAY)
def test_staff_without_a_seat_on_the_board_cannot_see_or_change_its_payments(
    client, request, claimed, seat, who
):
    client.force_login(request.getfixturevalue(who))
    listing = client.get(reverse("coproduction_involvementpayment:index"))
    assert listing.status_code == 200 and "Aisha" not in listing.content.decode()
    export = client.get(reverse("coproduction_involvementpayment:index"), {"export": "csv"})
    assert "Aisha" not in export.content.decode()
    for name in ["edit", "history", "usage", "delete"]:
        url = reverse(f"coproduction_involvementpayment:{name}", args=[claimed.pk])
        assert client.get(url).status_code == 404, name
    url = reverse("coproduction_involvementpayment:edit", args=[claimed.pk])
    assert client.post(url, _form(seat, status=PaymentStatus.APPROVED)).status_code == 404
    claimed.refresh_from_db()
    assert claimed.status == PaymentStatus.CLAIMED and claimed.approved_by is None


@pytest.mark.parametrize("who", ["member", "safeguarding_lead"])
def test_people_without_the_permission_never_reach_payments(client, request, claimed, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("coproduction_involvementpayment:index")).status_code in {302, 403}
    url = reverse("coproduction_involvementpayment:edit", args=[claimed.pk])
    assert client.post(url, {"status": PaymentStatus.APPROVED}).status_code in {302, 403, 404}
    claimed.refresh_from_db()
    assert claimed.status == PaymentStatus.CLAIMED


def _export(client, officer, file_format):
    client.force_login(officer)
    url = reverse("coproduction_involvementpayment:index")
    return client.get(url, {"export": file_format})


def test_payments_export_to_csv_with_headers_and_rows(client, officer, claimed, board):
    claimed.description = "=cmd|' /C calc'!A0"
    claimed.status = PaymentStatus.APPROVED
    services.payment_record(payment=claimed, by=officer)
    response = _export(client, officer, "csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["Board", "Member", "Meeting", "Kind", "Amount (£)"]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Board"] == board.name and row["Member"] == "Aisha Khan"
    assert row["Amount (£)"] == "25.00" and row["Status"] == "Approved"
    assert row["Approved by"] == officer.get_full_name()
    assert row["Description"].startswith("'=")  # never a live formula


def test_payments_export_to_xlsx(client, officer, claimed):
    response = _export(client, officer, "xlsx")
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0][0] == "Board" and rows[1][1] == "Aisha Khan"
    assert rows[1][4] == 25
