"""brievenbus: Dutch advocacy letters on the Istanbul Convention, as Word documents.

The public API is what tests and scripts may import; everything else is internal.
"""

from brievenbus.errors import BriefError, DataError, OutputError, TemplateError

__all__ = ["BriefError", "DataError", "OutputError", "TemplateError"]
