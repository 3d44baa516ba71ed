from allauth.account.adapter import DefaultAccountAdapter


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: staff and board members are invited."""

    def is_open_for_signup(self, request):
        return False
