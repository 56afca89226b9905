"""A pytest session kept open: configured and collected once, its items run again for each program.

Why: ``pytest.main`` parses its options, registers its plugins and collects the grader modules on
every call, which costs as much as grading a blank notebook. A grading process grades one
program after another against the same graders; it pays that once. Each run goes through pytest's
own per-test protocol (setup, call, teardown, the report hooks), the one ``pytest.main`` would run,
ending with every fixture torn down.

pytest has no public API for this, so two of its internals are used, in this module only:
``_prepareconfig`` (what ``pytest.main`` builds its config with) and the config's
``_do_configure`` (pyproject caps pytest below 10; the test suite runs every grader through them).
"""

from __future__ import annotations

from contextlib import redirect_stderr, redirect_stdout
from io import StringIO

import pytest
from _pytest.config import _prepareconfig

# Output capture is off (no file descriptor is touched between runs or borrowed from a calling pytest; a
# grader's print goes to the caller's redirected sys.stdout); no terminal report, no fault handler; failures
# are not formatted (the caller's hooks read each exception itself).
QUIET = ["-s", "-p", "no:terminal", "-p", "no:faulthandler", "-p", "no:cacheprovider"]


def _one_line(excinfo) -> str:
    return excinfo.exconly()[:2000]


class _PlainReports:
    """Failures without tracebacks: pytest cuts and renders one for a failing check even with --tb=no, and
    hypothesis twice more through the item (each costs as much as grading the check); the caller reads
    the exception itself (``call.excinfo``)."""

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_makereport(self, item, call):
        excinfo = call.excinfo
        if excinfo is None or isinstance(excinfo.value, (pytest.skip.Exception, BaseExceptionGroup)):
            return None  # pytest's own report
        return pytest.TestReport(item.nodeid, item.location, {}, "failed", _one_line(excinfo), call.when,
                                 duration=call.duration, start=call.start, stop=call.stop,
                                 user_properties=item.user_properties)

    def pytest_collection_modifyitems(self, items):
        for item in items:
            item.repr_failure = _one_line  # what hypothesis formats a failing example's traceback with


class OpenSession:
    """One configured pytest session over a fixed set of test files."""

    def __init__(self, args: list[str], plugin: object):
        sink = StringIO()
        with redirect_stdout(sink), redirect_stderr(sink):
            self.config = _prepareconfig([*QUIET, *args], [plugin, _PlainReports()])
            self.config.option.tbstyle = "no"  # --tb=no (its option is the terminal's): no traceback is formatted
            self.session = pytest.Session.from_config(self.config)
            self.config._do_configure()
            self.config.hook.pytest_sessionstart(session=self.session)
            self.config.hook.pytest_collection(session=self.session)
        self.output = sink.getvalue()

    @property
    def items(self) -> list:
        return self.session.items

    @property
    def collection_failed(self) -> bool:
        return self.session.testsfailed > 0

    def run(self, items: list) -> None:
        """pytest's per-test protocol on each item; after the last, every fixture is torn down."""
        for i, item in enumerate(items):
            item.ihook.pytest_runtest_protocol(item=item, nextitem=items[i + 1] if i + 1 < len(items) else None)
