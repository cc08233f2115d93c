/* Search: Pagefind's UI in the header, fetched only when a reader focuses or types in the search box (its
   script and styles are most of a page's weight, and most readers never search). Results show each
   briefing's summary (its data-pagefind-meta). */
(function () {
  var box = document.getElementById("site-search");
  if (!box) return;
  if (box.dataset.parts === "0") {
    /* nothing published yet (see generator/output/search.py): no index to search */
    box.innerHTML = '<p class="site-search__empty">Nothing has been published yet, so there is nothing to search.</p>';
    return;
  }
  var root = (window.__md_scope || new URL(".", location)).pathname; /* the site's base path, on any host */
  var label = "Search briefings";
  /* Until then, a plain box of the same size: what is typed into it is carried over. */
  box.innerHTML =
    '<div class="site-search__waiting"><input class="pagefind-ui__search-input site-search__input" type="text" autocapitalize="none"' +
    ' enterkeyhint="search" placeholder="' + label + '" title="' + label + '" aria-label="' + label + '"></div>';
  var waiting = box.querySelector("input");
  var loading = false;

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  function load(then) {
    if (loading) return;
    loading = true;
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = root + "pagefind/pagefind-ui.css";
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = root + "pagefind/pagefind-ui.js";
    script.onload = function () { start(then); };
    document.body.appendChild(script);
  }
  function start(then) {
    var more = []; /* a large archive's index comes in parts (see generator/output/search.py), merged here */
    for (var part = 2; part <= Number(box.dataset.parts || 1); part++) {
      more.push({ bundlePath: root + "pagefind-" + part + "/" });
    }
    var typed = waiting.value, focused = document.activeElement === waiting;
    box.innerHTML = "";
    var ui = new window.PagefindUI({
      element: "#site-search",
      baseUrl: root,
      bundlePath: root + "pagefind/",
      mergeIndex: more,
      showImages: false,
      showSubResults: false,
      resetStyles: false,
      translations: { placeholder: label },
      processResult: function (result) {
        if (result.meta && result.meta.summary) result.excerpt = escape(result.meta.summary);
        result.meta = { title: result.meta.title }; /* the summary is the excerpt: no metadata list */
        return result;
      }
    });
    var input = box.querySelector("input");
    if (input && focused) input.focus();
    var asked = then || typed;
    if (asked) ui.triggerSearch(asked);
  }
  waiting.addEventListener("focus", function () { load(); });
  waiting.addEventListener("input", function () { load(); });
  /* A search sent from a form without JavaScript's help (the "Page not found" page's): ?q=words */
  var asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    waiting.value = asked;
    load(asked);
  }
})();
