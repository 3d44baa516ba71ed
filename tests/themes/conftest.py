from tests.surveys.conftest import (  # noqa: F401 - shared survey fixtures
    home,
    keys,
    option_ids,
    service,
    survey,
    touchpoint,
)
