/* Search: Pagefind's UI in the header. Results show each briefing's summary (its data-pagefind-meta). */
(function () {
  var box = document.getElementById("site-search");
  if (box && box.dataset.parts === "0") {
    /* nothing published yet (see generator/search.py): no index to search */
    box.innerHTML = '<p class="site-search__empty">Nothing has been published yet, so there is nothing to search.</p>';
    return;
  }
  if (!box || !window.PagefindUI) return;
  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  var root = (window.__md_scope || new URL(".", location)).pathname; /* the site's base path, on any host */
  var more = []; /* a large archive's index comes in parts (see generator/search.py), merged here */
  for (var part = 2; part <= Number(box.dataset.parts || 1); part++) {
    more.push({ bundlePath: root + "pagefind-" + part + "/" });
  }
  var ui = new window.PagefindUI({
    element: "#site-search",
    baseUrl: root,
    bundlePath: root + "pagefind/",
    mergeIndex: more,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    translations: { placeholder: "Search briefings" },
    processResult: function (result) {
      if (result.meta && result.meta.summary) result.excerpt = escape(result.meta.summary);
      result.meta = { title: result.meta.title }; /* the summary is the excerpt: no metadata list */
      return result;
    }
  });
  /* A search sent from a form without JavaScript's help (the "Page not found" page's): ?q=words */
  var asked = new URLSearchParams(location.search).get("q");
  if (asked) ui.triggerSearch(asked);
})();
