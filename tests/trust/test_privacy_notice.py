"""The privacy notice states the retention periods that apply_retention actually uses."""


def test_privacy_notice_states_the_configured_periods(client, db, settings):
    settings.RETENTION_FREE_TEXT_MONTHS = 18
    settings.RETENTION_CONTACT_DAYS_AFTER_CLOSE = 45
    settings.RETENTION_OPEN_CONTACT_MONTHS = 9
    html = client.get("/privacy/").content.decode()
    assert "for 18 months" in html
    assert "45 days after we finish helping you" in html
    assert "after 9 months at the most" in html
    assert "They do not say who you are." in html


def test_privacy_notice_says_when_comments_are_deleted_not_redacted(client, db, settings):
    settings.RETENTION_FREE_TEXT_REDACT = False
    settings.RETENTION_RESPONSE_YEARS = 7
    html = client.get("/privacy/").content.decode()
    assert "After that we delete them." in html
    assert "for 7 years, then we delete them" in html


def test_privacy_notice_states_how_long_export_files_are_kept(client, db, settings):
    settings.RETENTION_EXPORT_DAYS = 3
    assert "we delete the file 3 days after it is made" in client.get("/privacy/").content.decode()
    assert "usuwamy plik po 3 dniach" in client.get("/pl/privacy/").content.decode()
