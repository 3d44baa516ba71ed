"""The N+1 guard for list pages: a page with many rows costs no more queries than with a few."""

from django.core.cache import cache

FEW, MANY = 3, 15
# No page should need this many at any size: it only bounds the first, measured, request.
CEILING = 150


def assert_queries_flat(
    client, url, add_rows, assert_max_queries, *, shown=None, few=FEW, many=MANY
):
    """Render `url` with `few` rows, then with `many`, and assert the query count did not grow.

    `add_rows(n)` adds n more rows; each row puts `shown` (if given) on the page once, so the test
    fails if the rows never reach it. Each request starts with an empty cache, so work the page
    caches is counted too. Returns the two counts.
    """
    add_rows(few)
    _get(client, url, shown, few)  # the first request fills per-process caches: not measured
    with assert_max_queries(CEILING) as small:
        _get(client, url, shown, few)
    add_rows(many - few)
    with assert_max_queries(len(small)) as large:
        _get(client, url, shown, many)
    return len(small), len(large)


def _get(client, url, shown, rows):
    cache.clear()
    response = client.get(url)
    assert response.status_code == 200, url
    if shown is not None:
        assert response.content.decode().count(shown) == rows, f"{rows} rows should show {shown!r}"
