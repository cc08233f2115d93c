"""Realistic, valid synthetic content for benchmarks: N audits of about 600 words, every field used.

Deterministic (seeded), fictional, and written to pass the privacy guard like real content must.
"""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

AGENCIES = ["children-social-care", "police", "health", "education", "early-help", "probation", "housing", "youth-justice"]
THEMES = [
    "voice-of-the-child",
    "domestic-abuse",
    "neglect",
    "information-sharing",
    "professional-curiosity",
    "parental-mental-health",
    "child-exploitation",
    "escalation",
]
SUBJECTS = [
    "the social worker",
    "the health visitor",
    "the school's safeguarding lead",
    "the police officer",
    "the early help worker",
    "the family support worker",
    "the school nurse",
    "the youth justice worker",
    "the housing officer",
    "the probation officer",
]
ACTIONS = [
    "recorded the child's views in their own words",
    "shared concerns with partner agencies on the same day",
    "started a chronology when concerns first arose",
    "visited the family at home and saw the children alone",
    "asked about the adults living in the household",
    "used the escalation policy when a referral was closed",
    "reviewed the plan with the family every six weeks",
    "checked what the child's day looked like from morning to night",
    "attended the core group and reported on progress",
    "followed up a missed health appointment promptly",
]
FINDINGS = [
    "records described the home but rarely the child's experience",
    "information was held separately by each agency and not put together",
    "plans were written in language the family found hard to follow",
    "concerns were not escalated when progress stalled",
    "fathers and partners were not included in assessments",
    "the impact of repeated incidents on the children was not analysed",
    "reduced timetables continued for months without review",
    "the child's communication needs were not considered",
]
CONNECTORS = [
    "In most cases",
    "In several cases",
    "In a few cases",
    "Across the audit",
    "In two of the cases",
    "Where it went well",
]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(CONNECTORS)}, {rng.choice(SUBJECTS)} {rng.choice(ACTIONS)}."
    return f"{rng.choice(CONNECTORS)}, auditors found that {rng.choice(FINDINGS)}."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def audit(index: int, rng: random.Random) -> str:
    span = 11 * 365 - 28  # each published by 2025-03-28, before the tests' build date (2025-06-01)
    day = date(2014, 4, 1) + timedelta(days=rng.randrange(0, 12 * 365) * span // (12 * 365))  # the same draws as before
    kind = "thematic" if index % 7 == 0 else "maca"
    themes = rng.sample(THEMES, 3)
    agencies = rng.sample(AGENCIES, 4)
    cases = rng.randrange(3, 9)
    due = [day + timedelta(days=rng.randrange(60, 900)) for _ in range(3)]
    statuses = [rng.choice(["Not started", "In progress", "Complete"]) for _ in range(3)]
    rows = "\n".join(
        f"| {rng.choice(ACTIONS).capitalize()} | {rng.choice(agencies)} | {d.isoformat()} | {s} |"
        for d, s in zip(due, statuses, strict=True)
    )
    return f"""---
title: "Synthetic audit {index}: {rng.choice(FINDINGS)}"
type: {kind}
date: {day.isoformat()}
published: {(day + timedelta(days=28)).isoformat()}
status: published
cases: {cases}
children: {cases + rng.randrange(2, 9)}
agencies: [{", ".join(agencies)}]
themes: [{", ".join(themes)}]
summary: {paragraph(rng, 2)}
pseudonyms: [Child A, Child B]
review_date: {(day + timedelta(days=3 * 365)).isoformat()}
---

## Background

{paragraph(rng, 5)}

## Why it matters

{paragraph(rng, 4)}

## What worked well

- {sentence(rng)}
- {sentence(rng)}
- {sentence(rng)}

{paragraph(rng, 3)}

## What we are worried about

- {sentence(rng)}
- {sentence(rng)}
- {sentence(rng)}

{paragraph(rng, 3)}

## What needs to happen

1. {sentence(rng)}
2. {sentence(rng)}
3. {sentence(rng)}

## Questions for reflection

- How would you know whether this applies to a family you work with?
- What would the child say about the help they receive?

## Action plan

| Action | Owner | Due | Status |
|---|---|---|---|
{rows}

## Good practice

### Practice that made a difference in audit {index}
Agency: {agencies[0]}
Themes: {themes[0]}

{paragraph(rng, 4)}
"""


def make_project(root: Path, count: int, seed: int = 1) -> Path:
    """A project folder like the repo's, with `count` synthetic audits and the sample taxonomy."""
    if root.exists():
        shutil.rmtree(root)
    (root / "content" / "audits").mkdir(parents=True)
    (root / "content" / "briefings").mkdir()
    shutil.copy(REPO / "mkdocs.yml", root)
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(REPO / "content" / "pages", root / "content" / "pages")
    shutil.copy(REPO / "content" / "taxonomy.yml", root / "content" / "taxonomy.yml")
    rng = random.Random(seed)
    for index in range(1, count + 1):
        (root / "content" / "audits" / f"audit-{index:05d}.md").write_text(audit(index, rng), encoding="utf-8")
    return root


def make_plain_project(root: Path, count: int, words: int = 600, seed: int = 2) -> Path:
    """A bare MkDocs project: `count` plain pages, none in the navigation, Material with its search."""
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    docs.mkdir(parents=True)
    rng = random.Random(seed)
    (root / "mkdocs.yml").write_text(
        "site_name: Plain\nsite_url: https://example.org/plain/\ntheme:\n  name: material\n  font: false\nnav:\n  - index.md\n"
        "plugins:\n  - search\nvalidation:\n  nav:\n    omitted_files: ignore\n",
        encoding="utf-8",
    )
    (docs / "index.md").write_text("# Plain\n\nHome.\n", encoding="utf-8")
    for index in range(1, count):
        body = "\n\n".join(f"## Part {part}\n\n{paragraph(rng, words // 60)}" for part in range(1, 6))
        (docs / f"page-{index:05d}.md").write_text(f"# Page {index}\n\n{body}\n", encoding="utf-8")
    return root
