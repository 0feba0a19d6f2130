// Progressive enhancement only: every page works without this file.
// A submit button with data-confirm asks once before a destructive action.
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var message = button && button.getAttribute("data-confirm");
  if (message && !window.confirm(message)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

// After htmx swaps in an error summary, move focus to it so keyboard and screen-reader users hear it.
document.addEventListener("htmx:afterSettle", function () {
  var summary = document.getElementById("error-summary") || document.getElementById("conflict");
  if (summary) { summary.setAttribute("tabindex", "-1"); summary.focus(); }
});
