# The survey fixtures (home, service, survey, touchpoint, keys, staff users) are shared.
from tests.surveys.conftest import (  # noqa: F401
    _user_with,
    home,
    keys,
    option_ids,
    service,
    staff_client,
    staff_user,
    survey,
    touchpoint,
)
