"""benchmarks/RESULTS.md is written in sections: rewriting the table keeps every section scale.py does not write."""

from __future__ import annotations

from pathlib import Path

from benchmarks import results


def test_scale_keeps_every_section_it_does_not_write_in_its_order(tmp_path: Path, monkeypatch) -> None:
    file = tmp_path / "RESULTS.md"
    file.write_text(
        "# Benchmark results\n\nold table\n\n## Choices\nold choices\n\n## Preview\nold preview\n\n"
        "## Performance mechanisms\nmechanisms\n\n## A finding measured by hand (2026-12-06)\nby hand\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(results, "RESULTS", file)
    assert results.kept_sections(results.SCALE_SECTIONS) == (
        "\n## Preview\nold preview\n\n## Performance mechanisms\nmechanisms\n\n## A finding measured by hand (2026-12-06)\nby hand\n"
    )
    assert "old preview" not in results.kept_sections((*results.SCALE_SECTIONS, "## Preview"))
