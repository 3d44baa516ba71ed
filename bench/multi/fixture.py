"""People and boards for bench/multi_server.py, added to the load test's minimal site.

`python -m bench.multi.fixture` in the harness's environment; prints one JSON object: the
engagement lead's sign-in (with the TOTP secret the harness answers MFA with), a member of
each of two boards, and the first board's papers collection.
"""

import json
import secrets

import django


def seed():
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from coproduction.models import Board, BoardMembership
    from coproduction.papers import papers_collection_for
    from core import roles

    users = get_user_model().objects
    password = secrets.token_urlsafe(18)

    def person(name, group):
        user = users.create_user(username=name, email=f"{name}@multi.example", password=password)
        user.groups.add(Group.objects.get(name=group))
        return user

    lead = person("lead", roles.ENGAGEMENT_LEADS)
    totp_secret = generate_totp_secret()
    TOTP.activate(lead, totp_secret)
    boards = [Board.objects.create(name=f"Board {n}", slug=f"board-{n}") for n in (1, 2)]
    members = []
    for number, board in enumerate(boards, start=1):
        member = person(f"member{number}", roles.BOARD_MEMBERS)
        BoardMembership.objects.create(board=board, user=member, role="resident_member")
        members.append(member.email)
    return {
        "password": password,
        "lead": lead.email,
        "totp_secret": totp_secret,
        "members": members,
        "papers_collection": papers_collection_for(boards[0]).pk,
    }


if __name__ == "__main__":
    django.setup()
    print(json.dumps(seed()))
