"""A page's blocks of text read for identifying details as its reader reads them, in one pass, passing over blocks
that passed before.

A site repeats most of its text from page to page (the navigation, a listing's items), so a build remembers the
blocks that passed (`seen`) and reads again only those it has not seen, with the text before them that a detector
reads back over, as a fresh check would read them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from generator.output.pagetext import Fragment
from generator.privacy.birthdates import leads_on, listed, passed_over
from generator.privacy.characters import BOTH_ORDERS, REORDERS, normalised
from generator.privacy.detectors import detect
from generator.privacy.mobiles import leads_on as names_a_phone
from generator.privacy.reading import Read, read_lines

SEEN_LIMIT = 50_000
"""Pieces of text remembered as passed, at most: the navigation repeats on every page, so after a clear-out it
is soon remembered again, while a large site's own text is not held twice."""


_SPACES = re.compile(r"\s+")


def _spaced(text: str) -> str:
    """A page's text as a browser shows it: any run of spaces and line breaks is one space (first, so that a
    direction override read across a line break turns the words round as the browser does)."""
    text = normalised(_SPACES.sub(" ", text) if "\n" in text or "  " in text or "\t" in text else text)
    return _SPACES.sub(" ", text) if "  " in text else text


def _shown_whole(block: list[Fragment], spaced: list[str]) -> None:
    """A block whose words an override turns round across its inline parts (`\u202e321009 <em>00770</em>`) is shown
    turned round as one line: read so, after its last part."""
    whole = normalised(_SPACES.sub(" ", "".join(text for _, text in block)))
    if BOTH_ORDERS in whole:
        spaced[-1] += BOTH_ORDERS + whole.split(BOTH_ORDERS, 1)[1]


def scan_blocks(blocks: list[list[Fragment]], seen: set[str] | None = None) -> tuple[Read, list[tuple[int, int, str]]]:
    """A page's blocks read in one pass, as its reader reads them, and what the detectors found there. Blocks in
    `seen` (the navigation on every page) passed before, with the same text before them, unless one before says what
    they hold (a DOB label, read through its asides); a block scanned is read with the text before it, as a fresh
    build reads it (`CONTEXT`). Only blocks with no finding are remembered, so a detail is reported on every page."""
    pieces = [[_spaced(text) for _, text in block] for block in blocks]
    for block, spaced in zip(blocks, pieces, strict=True):
        if len(block) > 1 and any(not text.isascii() and REORDERS.search(text) for _, text in block):
            _shown_whole(block, spaced)
    scanned = ["".join(spaced) for spaced in pieces]  # each block's text as the detectors read it
    keys = _remembered(scanned) if seen is not None else scanned
    if seen is not None and len(seen) > SEEN_LIMIT:
        seen.clear()
    chosen, leading, lead = [], [], False
    for index, text in enumerate(scanned):
        unseen = seen is None or keys[index] not in seen
        # a block that leads on (a DOB label, a phone's word) is never remembered as seen
        leading.append(unseen and (leads_on(text) or names_a_phone(text)))
        if unseen or lead:
            chosen.append(index)
        # a link's target, a comment, a rule; the next date of a list under a DOB label
        lead = leading[index] or (lead and (passed_over(text) or listed(text)))
    wanted, chosen = set(chosen), _with_context(chosen, scanned)
    page = _Reading(chosen, blocks, pieces)
    found = detect(page.read.text)
    if seen is not None and chosen:
        held = [page.blocks_held(start, end) for start, end, _ in found]
        leaky = {block for blocks in held for block in blocks}
        seen.update(keys[i] for position, i in enumerate(chosen) if position not in leaky and not leading[i])
        found = [
            item
            for item, blocks in zip(found, held, strict=True)
            if any(chosen[b] in wanted for b in blocks) or not page.unsure(item[0], blocks[0])
        ]
    return page.read, found


class _Reading:
    """The blocks `chosen` of a page read as one text, those not next to each other on the page read apart."""

    def __init__(self, chosen: list[int], blocks: list[list[Fragment]], pieces: list[list[str]]) -> None:
        fragments: list[Fragment] = []
        gaps: list[str] = []
        self.chosen = chosen
        self.block_starts: list[int] = []  # the fragment each block read starts with
        self.run_starts: list[int] = []  # the position among the blocks read of the first block of each block's run
        for number, index in enumerate(chosen):
            apart = not number or chosen[number - 1] != index - 1  # the first block of a run
            self.block_starts.append(len(fragments))
            self.run_starts.append(number if apart else self.run_starts[-1])
            for position, ((line, _), text) in enumerate(zip(blocks[index], pieces[index], strict=True)):
                gaps.append("" if position or not fragments else _APART if apart else "\n")
                fragments.append((line, text))
        self.read = read_lines(fragments, gaps)

    def blocks_held(self, start: int, end: int) -> range:
        """The positions among the blocks read of those a finding covers: one that runs on from one block into the next
        ("the baby is" ⏎ "due on 14 June", a court's letters ⏎ its case number) holds both, and neither passed."""
        return range(self._block_at(start), self._block_at(max(start, end - 1)) + 1)

    def _block_at(self, offset: int) -> int:
        return bisect_right(self.block_starts, bisect_right(self.read.starts, offset) - 1) - 1

    def unsure(self, start: int, first: int) -> bool:
        """Whether a finding at `start` in blocks read only as context (the block at position `first` its first) may
        be there only because the text before their run is not read: within `CONTEXT` characters of a run that does
        not start the page ("Appendix " before "14 Laburnum Close …" keeps it no address). Those blocks passed with that
        text before them; what a block read after them makes of them (a DOB label reads back over a date) is found
        further on."""
        run = self.run_starts[first]
        return self.chosen[run] > 0 and start < self.read.starts[self.block_starts[run]] + CONTEXT


def _remembered(scanned: list[str]) -> list[str]:
    """Each block's text with the `CONTEXT` characters a detector reads before it: it passed where both were the same."""
    keys, tail = [], ""
    for index, text in enumerate(scanned):
        keys.append(tail + "\x00" + text if index else text)
        tail = (tail + "\n" + text)[-CONTEXT:] if index else text[-CONTEXT:]
    return keys


CONTEXT = 80
"""Characters of text before a detail that a detector reads back over, at most: a child named before a birth (60), a
phone's word, "Appendix" before a number (20), "Address:" before a house number written out, an e-mail's name (80)."""

_APART = "\n" + " ".join(["apart"] * (CONTEXT // len("apart ") + 3)) + "\n"
"""Read between two blocks that are not next to each other on the page (those between them passed): more than
`CONTEXT` characters of words no detector reads as a detail or reads across, as a fresh build reads other text there."""


def _with_context(chosen: list[int], scanned: list[str]) -> list[int]:
    """The blocks `chosen` to scan, with the blocks passed before just before each run of them, as many as hold the
    last `CONTEXT` characters before it, twice over: what a fresh build reads before a detail may say what it is or is
    not, and a block read for that is itself read with what stands before it, but for its first `CONTEXT` characters
    (`_Reading.unsure`), which no detector reading back from the blocks chosen reaches."""
    taken = set(chosen)
    for index in chosen:
        before, reach = index - 1, 0
        if before in taken:
            continue  # within a run: its first block's context reaches further back
        while before >= 0 and reach < 2 * CONTEXT:
            taken.add(before)
            reach += len(scanned[before]) + 1
            before -= 1
    return sorted(taken) if len(taken) > len(chosen) else chosen
