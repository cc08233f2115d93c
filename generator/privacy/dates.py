"""How a date is written, as patterns to build others from: a date in any of the forms authors use, and what
stands in for one where it is withheld. `birthdates` finds which of them are dates of birth."""

from __future__ import annotations

MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
SPACE = r"[ \t]"
"""Spacing inside one paragraph: a pattern never spans two paragraphs but where it says so."""
_ORDINAL = r"(?:st|nd|rd|th)"
_DAY_WORDS = (
    r"(?:(?:twenty|thirty)[ \-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)
_DAY = rf"(?:\d{{1,2}}{_ORDINAL}?|{_DAY_WORDS})"
DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})(?!\d)|\d{{1,2}} ?/ ?\d{{1,2}} ?/ ?\d{{4}}(?!\d)"
    rf"|\d{{1,2}} \d{{1,2}} \d{{4}}|\d{{4}}[-/]\d{{2}}[-/]\d{{2}}"
    rf"|\d{{1,2}}[-/ ]{MONTHS}[-/ ](?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|{_DAY}{SPACE}{{1,3}}(?:of{SPACE}{{1,3}})?{MONTHS}\.?,?{SPACE}{{1,3}}(?:\d{{4}}|'?\d{{2}}\b)"
    rf"|{MONTHS}\.?{SPACE}{{1,3}}(?:the{SPACE}{{1,3}})?{_DAY},?{SPACE}{{1,3}}(?:\d{{4}}|'?\d{{2}}\b))"
)
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
NOT_A_RANGE = rf"(?!{SPACE}{{0,3}}(?:-|to\b|until\b|till\b|through\b){SPACE}{{0,3}}(?:the{SPACE}{{1,3}})?{DATE})"
"""Not the start of a range of dates: "born 1 April 2020 to 31 March 2021" is a cohort, not a child."""
PLACEHOLDER = (
    rf"(?:n/?[ak]\b|not{SPACE}(?:known|recorded|given)|unknown|withheld|redacted|removed|unborn|tb[cd]\b|\[[^\]\n]{{0,30}}\]"
    rf"|[X*#?]{{1,4}}[/.\-][X*#?]{{1,4}}[/.\-](?:\d{{2,4}}|[X*#?]{{2,4}})|{MONTHS}\.?{SPACE}{{1,3}}\d{{4}}|(?:19|20)\d\d\b)"
)
"""What an author writes where a date of birth would be: "n/k", "[redacted]", "XX/XX/2012", "April 2012"."""
NOTE = rf"(?:{SPACE}{{0,3}}\([^()\n]{{0,30}}\))?"
"""A note after a date: "(Child A)", "(aged 12)"."""
