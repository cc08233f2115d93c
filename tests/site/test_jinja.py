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


def test_a_template_is_compiled_again_for_an_environment_that_compiles_it_differently(tmp_path: Path) -> None:
    """A plugin or hook added while previewing may change how templates compile (whitespace, a filter folded
    into a constant): the template kept from before must not be served then."""
    (tmp_path / "page.html").write_text("{% if true %}\nA{{ 'b' | shout }}\n{% endif %}", encoding="utf-8")
    cache = CompiledTemplates()

    def render(shout: object, **settings: object) -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), **settings)
        env.filters["shout"] = shout
        env.bytecode_cache = cache
        return env.get_template("page.html").render()

    assert render(str.upper) == render(str.upper) == "\nAB\n"
    assert render(str.upper, trim_blocks=True) == "AB\n"
    assert render(str.title, trim_blocks=True) == "AB\n"
    assert render(lambda text: text * 2, trim_blocks=True) == "Abb\n"


def test_a_template_kept_without_a_finalize_is_not_served_to_an_environment_with_one(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>{{ nothing }}</p>", encoding="utf-8")
    cache = CompiledTemplates()

    def render(**settings: object) -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), **settings)
        env.bytecode_cache = cache
        return env.get_template("page.html").render(nothing=None)

    assert render() == "<p>None</p>"
    assert render(finalize=lambda value: "" if value is None else value) == "<p></p>"
