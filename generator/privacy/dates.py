"""How a date is written, and what is written around one, as patterns to build others from: a date in any of the
forms authors use, what stands in for one where it is withheld, whose it is, and how a list of dates runs on.
`birthdates` finds which of them are dates of birth."""

from __future__ import annotations

import re

MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
SPACE = r"[ \t]"
"""Spacing inside one paragraph: a pattern never spans two paragraphs but where it says so."""
_LEAVING_WORDS = r"sixteen|seventeen|eighteen|nineteen|twenty(?:[ \t-]?(?:one|two|three|four|five))?"
LEAVING_AGE = rf"(?:1[6-9]|2[0-5]|{_LEAVING_WORDS})\b"
"""An age a young person reaches on leaving care, 16 to 25: "(18 on 12/03/2025)", not a count ("(2 on 12/03/2024)")."""
AGE = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    rf"|{_LEAVING_WORDS})(?![\w-])"
)
"""An age, in figures or words: "18", "eighteen", "twenty-one"."""
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
DAY_MONTH = rf"(?:{_DAY}{SPACE}{{1,3}}(?:of{SPACE}{{1,3}})?{MONTHS}\b|{MONTHS}\.?{SPACE}{{1,3}}(?:the{SPACE}{{1,3}})?{_DAY}\b)"
"""A day and a month without a year ("14 June", "June the 14th"): enough where only one date is meant, a due date."""
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
NOT_A_RANGE = (
    rf"(?!{SPACE}{{0,3}}(?:-|\u2013|to\b|until\b|till\b|through\b){SPACE}{{0,3}}(?:the{SPACE}{{1,3}})?{DATE}"
    rf"(?![ \t,\-\u2013]{{0,4}}(?:respectively|both|each)\b|{SPACE}{{0,3}}[-\u2013]{SPACE}{{0,3}}{DATE})"
    rf"|{SPACE}{{1,3}}(?:(?:or|and){SPACE}{{1,3}}(?:later|after|earlier|before|since)|onwards?)\b)"
)
"""Not the start of a range of dates, nor a bound: "born 1 April 2020 to 31 March 2021" and "born on 1 April 2010 or
later" describe a cohort, not a child ("03/04/2012 - 05/06/2014 respectively", or three dates so joined, are children's)."""
PLACEHOLDER = (
    rf"(?:n\.?/?{SPACE}?[ak]\b\.?|not{SPACE}(?:known|recorded|given|provided|disclosed|available|stated)(?:{SPACE}on{SPACE}file)?"
    rf"|unknown|withheld|redacted|removed|unborn|tb[cd]\b|\[{SPACE}*(?:redacted|removed|withheld|deleted|hidden|x{{2,}}|\*{{2,}}|…|\.{{3}}|n/?k|unknown|dob|date{SPACE}of{SPACE}birth){SPACE}*\]|[█▇■]{{1,20}}|DD/MM/YY(?:YY)?"
    rf"|[X*#?]{{1,4}}[/.\-][X*#?]{{1,4}}[/.\-](?:\d{{2,4}}|[X*#?]{{2,4}})|{MONTHS}\.?{SPACE}{{1,3}}\d{{4}}|(?:19|20)\d\d\b)"
)
"""What an author writes where a date of birth would be: "n/k", "[redacted]", "XX/XX/2012", "April 2012"."""
NOTE = rf"(?:{SPACE}{{0,3}}\([^()\n]{{0,60}}\))?"
"""A note after a date: "(Child A)", "(aged 12)"."""
FILLER = (
    rf"(?:(?:on|or|the|is|was|falls|fell|of|at|about|around|approx|approximately|circa|estimated|prematurely|early|late|safely|"
    rf"thought|believed|recorded|given|stated|said|to|be|as|in{SPACE}{{1,3}}(?:the{SPACE}{{1,3}})?hospital|at{SPACE}{{1,3}}home|"
    rf"incorrectly|correctly|wrongly|mistakenly|originally|initially|previously|entered|listed|shown|noted|written|"
    rf"(?:in|at){SPACE}{{1,3}}(?:the{SPACE}{{1,3}})?(?:(?-i:[A-Z])[\w'’\-]*,?{SPACE}{{1,3}}){{1,5}}(?=on\b)|by{SPACE}{{1,3}}caesarean(?:{SPACE}{{1,3}}section)?|"
    rf"hospital|home|{WEEKDAY}|\d{{1,2}}{SPACE}{{1,3}}weeks?)\b[ \t,:\-]{{0,4}}){{0,6}}(?:(?:c|ca|est|approx)\.{SPACE}{{0,3}})?"
)
"""What may stand between "born" and the date: "on Tuesday", "prematurely on", "is thought to be", "c.", "was recorded
incorrectly as", "in Northbrook General Hospital on", "at the Royal Infirmary on", "by caesarean section on". Never
"between", "after", "in", "by" or "up to", which start a cohort or a deadline."""
NOT_BIRTH = (
    r"(?:checks?|checked|format|fields?|policy|training|audits?|verification|validation|recording|errors?|accuracy"
    r"|mismatch(?:es)?|discrepanc(?:y|ies)|spot|quality|data|corrected|correction|mandatory|added|changed|amended|missing"
    r"|allowances?|grants?|money|payments?|gifts?|presents?|cards?|part(?:y|ies)|celebrations?)"
)
"""Words after "date of birth" that make a label of something else: "Date of birth checks: 12 March 2024", "Birthday
allowance: 1 April 2024" (a foster carer's)."""
OTHER_DATE = (
    r"(?:date|seen|visit(?:ed)?|review(?:ed)?|referr(?:al|ed)|closed|opened|checked|due|meeting|assess(?:ed|ment)|completed?"
    r"|fixed|updated|done|actioned|received|sent|started|ended|held|deadline|escalat(?:ed|ion)|(?:re-?)?audit(?:ed)?|target"
    r"|extract(?:ed)?|agreed|workshop|strategy|conference|panel|training|ICPC|RCPC|minutes)"
)
"""Words that name a date other than a birth: before a date ("review date: …"), over its column ("Checked"), in its
note ("12/03/2024 (re-audit)")."""
NAMED = (
    rf"(?:(?!(?:[\w'’]{{1,20}}{SPACE}){{0,2}}(?:{OTHER_DATE}|{NOT_BIRTH})\b)[\w'’]{{1,20}}(?:{SPACE}[\w'’]{{1,20}}){{0,2}}{SPACE}{{0,3}}"
    rf"[:\-\u2013]{SPACE}{{0,3}})?"
)
"""Whose date it is, before it: "Child A: 03/04/2012", "Child A – 03/04/2012" (not "Date of visit: …")."""
WHOSE = (
    rf"(?:(?:child|baby|sibling|twin|infant|young{SPACE}person|brother|sister|son|daughter|mother|father|parent|mum|dad)\b"
    rf"(?:[^:|\n\-\u2013]{{0,12}}[:\-\u2013]|{SPACE}{{1,3}}[A-Z0-9]{{1,2}}\b)?{SPACE}{{0,3}})"
)
"""Whose date the next is: "Child B: ", "Child B – ", "Child B ", "Mother: "."""
MARKER = r"(?:[-*+•▪◦●‣⁃o][ \t]{1,3}|\d{1,3}[.)][ \t]{1,3}|[a-z][.)][ \t]{1,3}|[ivx]{1,4}[.)][ \t]{1,3})"
"""What starts an item of a list: a bullet as Word pastes it too ("o", "▪"), a number, a letter or a roman number."""
ITEM_SEP = (
    rf"(?:(?:{SPACE}{{0,3}}(?:[,;&|\t/\\~·•+●▪◦]|and/or\b|and\b|or\b|plus\b|as{SPACE}well{SPACE}as\b)){{1,2}}[ \t|]{{0,6}}"
    rf"|{SPACE}{{1,6}}(?=[\d\[X*#?█]|{WHOSE}|{MARKER}))"
)
TRAILER = rf"[-\u2013\u2014,]?{SPACE}{{0,3}}(?:respectively|both|each|too|also|as{SPACE}well|confirmed|verified)\b"
"""Words that may end a list of dates of birth: "… respectively", "… – both confirmed by health"."""
ITEM_END = (
    rf"(?={SPACE}{{0,3}}(?:[,;&|\t/\\~.)·•+●▪◦\d\[\"”’'*!:✓]|and\b|or\b|plus\b|as\b|$|{TRAILER})"
    rf"|{SPACE}{{1,6}}(?:{WHOSE}|{MARKER}))"
)
EDD = r"(?:(?-i:E\.?[ \t]?D\.?[ \t]?D)(?![A-Za-z])\.?|(?:expected|estimated)[ \t\-]+dates?[ \t\-]+of[ \t\-]+(?:delivery|confinement))"
"""An unborn child's expected date of delivery ("EDD", in capitals: Edd is a name): it identifies a pre-birth case
as a date of birth does."""
BIRTH = rf"(?:D\.?[ \t]?O\.?[ \t]?B(?:s|'s)?(?![A-Za-z])\.?|dates?[ \t\-]+of[ \t\-]+births?|birth[ \t\-]?(?:dates?|days?)|b['’\-]?days?(?![A-Za-z])|b[ \t]day(?=[ \t]*:)|{EDD})"
"""The words that only ever name a date of birth, or the date a birth is expected (a label's words, "bday", "b'day" and
"B day" as a form or a message writes them); "born" and "delivered" end other phrases too."""
KEYWORD_START = re.compile(
    r"[AaBbDdEeGgTtRrWw](?<!\w.)(?i:(?<=d)(?:\.?[ \t]?o|ate|eliv)|(?<=b)(?:irth|orn|[. \t]|['’\-]?day|ec[ao]m)"
    r"|(?<=e)(?:\.?[ \t]?d|xpec|stim)|(?<=g)(?:ave|iv)|(?<=t)urn|(?<=r)each|(?<=w)(?:ill|ould)|(?<=a)ttain)"
)
"""Where a word naming a birth may start, by its first letters ("DO", "D.O", "date", "deliv", "birth", "born", "b.",
"bday", "EDD", "expec", "estim", "gave", "giv", "turn", "becam", "becom", "reach", "will", "would"): looked for first (`anchored.anchored`), since a pattern that starts at any
word is tried at every character."""
OTHER_NAMED = re.compile(rf"\b{OTHER_DATE}", re.I)
"""A word naming a date other than a birth, found in a label, a note or a column's header."""


def line_end(text: str, at: int) -> int:
    """Where the line holding `at` ends: its line break, or the end of the text."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end
