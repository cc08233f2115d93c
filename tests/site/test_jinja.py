"""The Jinja helpers: compiled templates kept for an engine's new environment at each of a preview's rebuilds."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.site.jinja import CompiledTemplates


def test_compiled_templates_serve_each_new_environment_and_a_changed_template_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[str] = []
    compile_source = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        compiled.append(name or "")
        return compile_source(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    (tmp_path / "page.html").write_text("<p>{{ text }}</p>", encoding="utf-8")
    cache = CompiledTemplates()

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=True)
        env.bytecode_cache = cache  # as the engine plugin sets it on each new theme environment
        return env.get_template("page.html").render(text="<b>")

    assert render() == render() == "<p>&lt;b&gt;</p>"
    assert compiled == ["page.html"]
    (tmp_path / "page.html").write_text("<div>{{ text }}</div>", encoding="utf-8")
    assert render() == "<div>&lt;b&gt;</div>"
    assert compiled == ["page.html", "page.html"]
