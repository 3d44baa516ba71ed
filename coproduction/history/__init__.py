"""A board's whole record as one workbook: exported, and imported again into any database.

`board_history export [--board SLUG] FILE` writes one XLSX workbook (a sheet per kind) or a zip
of CSVs (`<kind>.csv`); `board_history import FILE` reads it back in one transaction, all or
nothing, reporting every problem by sheet, row and column (`services.history_import`).

Sheets, in import order, and the natural key that finds each row again (never the id: ids
differ between databases, and another database's id could name a different row). A parent is
named by its own key in the row's other columns: a meeting by the row's `board` and its
`starts_at`, an action by board, meeting and title. A column called `id` is ignored.

| sheet | rows | natural key |
|---|---|---|
| boards | `Board` | slug |
| services | `surveys.Service` named by the actions | slug |
| members | `BoardMembership` | board, member's email |
| meetings | `Meeting` | board, starts_at |
| agenda_items | `AgendaItem` | meeting, title |
| papers | `MeetingPaper` (title, order; its file stays in the library) | meeting, title |
| attendance | `Attendance` | meeting, member's email |
| minutes | `Minutes` | meeting |
| minute_items | `MinuteItem` | meeting, heading |
| minutes_versions | `MinutesVersion` (frozen; added, never changed) | meeting, number |
| minutes_send_backs | `MinutesSendBack` | meeting, sent_at |
| minutes_comments | `MinutesComment` | meeting, created_at, author's email |
| theme_decisions | `ThemeReviewDecision` | meeting, suggested_phrase |
| phrase_decisions | `themes.PhraseDecision` for the boards' phrases | phrase |
| actions | `Action` (themes by key, separated by `|`) | board, meeting (may be blank), title |
| progress_notes | `ActionProgressNote` | action, created_at |

Rules:
- An import adds and updates rows; it never deletes one. Changing a key cell (a meeting's
  start, an item's title) makes a new row.
- Boards and services are created when missing. Themes are not: a theme key must name a theme
  from the taxonomy.
- People are named by email and never created. A member's email must match exactly one
  account. In the other person columns (approved_by, author, sent_by, decided_by) a blank cell
  records no one, as after an account was deleted; an email that matches no account is an error.
- Access needs and involvement payments are never exported: they are private to the officers
  who arrange them. Invitations are not history and are left out too.
- Every row passes its model's `full_clean()` (choices, required text, email addresses). A row
  can name only its own board's meetings, seats and actions, because they are looked up among
  that board's rows.
- Minutes circulated or approved before the import began are never changed, nor are approved
  versions. Approved or published minutes without a version in the file get one frozen from the
  imported rows (ADR 0012); a version that contradicts its minutes is refused.
- Times are written in ISO 8601 with their offset and microseconds
  (`2026-03-10T14:00:00+00:00`); a time without an offset is read as UK time. Dates are
  `2026-03-10`, yes/no cells `yes` or `no`. Timestamps the database sets itself (created_at,
  sent_at, decided_at) keep the value in the file.
"""
