"""Verified crisis and support contacts (resources/library/contacts.json): load, check, render."""

from __future__ import annotations

from .checking import BAD_REACH as BAD_REACH
from .checking import BAD_REVIEWED as BAD_REVIEWED
from .checking import BAD_SOURCE as BAD_SOURCE
from .checking import DUPLICATE_ID as DUPLICATE_ID
from .checking import FUTURE_CHECKED_ON as FUTURE_CHECKED_ON
from .checking import MISSING_LABEL as MISSING_LABEL
from .checking import MISSING_TEXT as MISSING_TEXT
from .checking import NO_CHECKED_ON as NO_CHECKED_ON
from .checking import NO_ID as NO_ID
from .checking import NO_REACH as NO_REACH
from .checking import NO_REGION_NAME as NO_REGION_NAME
from .checking import NO_REGION_NOTE as NO_REGION_NOTE
from .checking import NO_SOURCE as NO_SOURCE
from .checking import UNKNOWN_KIND as UNKNOWN_KIND
from .checking import UNKNOWN_REGION as UNKNOWN_REGION
from .checking import WRONG_TYPE as WRONG_TYPE
from .checking import contact_problems as contact_problems
from .checking import fresh_since as fresh_since
from .checking import is_stale as is_stale
from .checking import problems as problems
from .checking import shown_contacts as shown_contacts
from .checking import stale_contacts as stale_contacts
from .command import main as main
from .loading import default_path as default_path
from .loading import load_contacts as load_contacts
from .loading import parse_contacts as parse_contacts
from .model import CONTEXT as CONTEXT
from .model import FILE_NAME as FILE_NAME
from .model import FORMAT as FORMAT
from .model import KINDS as KINDS
from .model import LABEL_KEYS as LABEL_KEYS
from .model import LANGS as LANGS
from .model import MAX_FILE_BYTES as MAX_FILE_BYTES
from .model import REACH_KINDS as REACH_KINDS
from .model import STALE_AFTER_MONTHS as STALE_AFTER_MONTHS
from .model import TEXT_FIELDS as TEXT_FIELDS
from .model import Contact as Contact
from .model import ContactBook as ContactBook
from .model import ContactsUnreadable as ContactsUnreadable
from .model import Problem as Problem
from .model import Reach as Reach
from .model import Region as Region
from .model import Source as Source
from .rendering import _MARKER as _MARKER  # the article's {{contacts}} pattern, read by the tests
from .rendering import expand as expand
from .rendering import render_contacts as render_contacts
