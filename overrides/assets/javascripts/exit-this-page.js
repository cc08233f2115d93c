/* "Exit this page" (GOV.UK Design System pattern): the link works without JavaScript; with it, the page
   is replaced so Back does not return here, and pressing Shift three times in a row also exits. */
(function () {
  var link = document.querySelector("[data-exit-this-page]");
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  var presses = 0;
  var timer = null;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1000);
    if (presses >= 3) leave();
  });
})();
