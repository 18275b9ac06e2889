// Automatic website checks under way: asks the round's state every two seconds, moves the progress bar and
// each organisation's state without reloading; when the last queued site is done, reloads once to show what
// was found (the reloaded page no longer asks).
(function () {
  "use strict";
  var box = document.querySelector("[data-progress-url]");
  if (!box) { return; }
  var cells = Array.prototype.slice.call(document.querySelectorAll("[data-check-state]"));
  var ids = cells.map(function (cell) { return cell.dataset.checkState; });
  var url = box.dataset.progressUrl + "?ids=" + ids.join(",");

  function show(progress) {
    var bar = box.querySelector("[data-progress-bar]");
    var text = box.querySelector("[data-progress-text]");
    if (bar) { bar.value = progress.percent; bar.textContent = progress.percent + "%"; }
    if (text) { text.textContent = progress.text; }
    cells.forEach(function (cell) {
      var state = progress.checks[cell.dataset.checkState];
      if (!state) { return; }
      cell.querySelector("[data-state-label]").textContent = state[1];
      cell.querySelector("[data-state-outcome]").textContent = state[2];
    });
    return progress.pending === 0;
  }

  function poll() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (progress) {
        if (show(progress)) { window.location.reload(); } else { window.setTimeout(poll, 2000); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
})();
