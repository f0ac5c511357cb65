"""Sessions with an idle timeout that do not write on every request, and one commit per request.

Signed-in sessions end after ``SESSION_COOKIE_AGE`` (30 minutes) without activity. Django can keep
that timeout by saving the session on every request (``SESSION_SAVE_EVERY_REQUEST``), but that is a
database write and a commit on every page. Here the session is saved again only when its last
save is ``SESSION_REFRESH_SECONDS`` (a minute) old or more, so a user is signed out between 29 and
30 minutes after they were last active: never later than the timeout, at most a minute earlier.

The audit entries the request made (``access.selectors`` holds them on the request) and any
session change are written in one transaction, once the response is ready and before it is sent:
one commit per request rather than one for each write. A failure to write them turns the response
into an error, so nothing is shown unaudited.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.exceptions import SessionInterrupted
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from threadline.access.selectors import held_audit, hold_audit, write_held_audit

# When the session was last saved (seconds since the epoch): kept in the session itself.
REFRESHED_AT = "_threadline_refreshed_at"


def refresh_seconds() -> int:
    """A minute, or less for a timeout shorter than half an hour (a thirtieth of it)."""
    wanted = int(getattr(settings, "SESSION_REFRESH_SECONDS", 60))
    return max(1, min(wanted, settings.SESSION_COOKIE_AGE // 30))


def mark_activity(session: SessionBase, now: float) -> None:
    """Mark the session for saving (which restarts its timeout) if its last save is a minute old,
    or if it is being saved anyway."""
    refreshed_at = session.get(REFRESHED_AT)
    stale = not isinstance(refreshed_at, int) or now - refreshed_at >= refresh_seconds()
    if stale or session.modified:
        session[REFRESHED_AT] = int(now)


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's session middleware, with the idle timeout above and one commit per request.

    Takes the place of ``django.contrib.sessions.middleware.SessionMiddleware`` in MIDDLEWARE.
    """

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        hold_audit(request)

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        session = getattr(request, "session", None)
        # Only a session the request read counts as activity (every signed-in page reads it to
        # find the user); an emptied one (signed out) must not be brought back.
        if session is not None and session.accessed and not session.is_empty():
            mark_activity(session, timezone.now().timestamp())
        saving_session = (
            session is not None
            and session.modified
            and not session.is_empty()
            and response.status_code < 500  # as Django's middleware decides
        )
        if not (saving_session and held_audit(request)):
            # Nothing to combine: the audit entries, if any, are one statement and one commit.
            write_held_audit(request)
            return super().process_response(request, response)
        interrupted: SessionInterrupted | None = None
        with transaction.atomic():
            write_held_audit(request)
            try:
                response = super().process_response(request, response)
            except SessionInterrupted as error:
                # The session was deleted meanwhile (signed out in another tab): the audit
                # entries are still written, then Django answers as it would have.
                interrupted = error
        if interrupted is not None:
            raise interrupted
        return response
