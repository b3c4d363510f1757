"""The exceptions library code raises; only ``kg.cli`` turns them into exit codes.

Every message names the culprit (a file, a row, a value) and, where there is
one, the fix.
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg reports to the user."""


class InputError(KgError):
    """An input file, row or manifest cannot be used."""

    def __init__(self, source: str, reason: str | None = None):
        """``InputError("a.txt", "empty file")`` reads "a.txt: empty file"."""
        super().__init__(source if reason is None else f"{source}: {reason}")
        self.source = source
        self.reason = reason or source


class PublicationDateError(InputError):
    """A publication date is impossible or in an unknown format (a missing one is only a warning)."""


class RuleError(KgError):
    """A rule table under kg/resources is malformed."""


class UnknownFormat(KgError):
    """An output or query format kg does not know."""


class NothingToBuild(KgError):
    """No input could be read, so no graph was written."""
