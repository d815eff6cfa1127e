"""Per-check known gaps for the client-matrix modules (test_sqlalchemy.py, test_asyncpg.py, ...).

known_gap(reason, raises) marks one test xfail(strict=True): it still runs and must still fail
with that exception type, so a server fix shows up as XPASS (which fails the run until the
marker is removed) and a failure of another kind is an ordinary failure. Each reason quotes the
SQL and the server error that was observed, to steer the catalog and dialect work.
"""

import pytest


def known_gap(reason, raises=Exception):
    return pytest.mark.xfail(strict=True, reason=reason, raises=raises)
