"""Listing a built site's files: what the output checks, the page policies and a preview's clean-up walk over."""

from __future__ import annotations

from pathlib import Path

from generator.output.sitedir import files_in


def test_files_in_lists_every_file_and_linked_file_in_the_order_of_their_parts_and_enters_no_linked_folder(
    tmp_path: Path,
) -> None:
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    for path in ("index.html", "a/index.html", "a-b/index.html", "a/b/.hidden", "feed.xml", "empty/"):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        if not path.endswith("/"):
            (site / path).write_text("x", encoding="utf-8")
    (elsewhere / "secret").mkdir(parents=True)
    (elsewhere / "secret/page.html").write_text("x", encoding="utf-8")
    (elsewhere / "note.txt").write_text("x", encoding="utf-8")
    (site / "linked-folder").symlink_to(elsewhere / "secret")
    (site / "a/linked.txt").symlink_to(elsewhere / "note.txt")
    (site / "a/broken.txt").symlink_to(elsewhere / "gone.txt")

    assert files_in(site) == ["a/b/.hidden", "a/index.html", "a/linked.txt", "a-b/index.html", "feed.xml", "index.html"]
    assert sorted(files_in(site)) != files_in(site), "by parts: a/… comes before a-b/…, unlike a sort of the strings"
