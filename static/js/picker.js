// Pickers (core/pickers.py): typing in the search box asks the server for up to 20 people (or
// organisations) of the user's scope; a click (or Enter) on a result puts it into the select next to it
// (a single choice's select stays hidden until something is chosen).
(function () {
  "use strict";
  var timers = new WeakMap();

  function show(picker, results, query) {
    var box = picker.querySelector(".picker-results");
    box.replaceChildren();
    results.forEach(function (item) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "list-group-item list-group-item-action py-1 small";
      button.textContent = item.label;
      button.dataset.id = item.id;
      box.appendChild(button);
    });
    if (!results.length && query.length >= 2) {
      var none = document.createElement("div");
      none.className = "list-group-item py-1 small text-muted";
      none.textContent = "Ничего не найдено";
      box.appendChild(none);
    }
  }

  function search(picker, query) {
    var url = picker.dataset.url + (picker.dataset.url.indexOf("?") >= 0 ? "&" : "?") + "q=" + encodeURIComponent(query);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { show(picker, data.results, query); });
  }

  function choose(picker, id, label) {
    var select = picker.querySelector("select");
    if (!select.multiple) {
      Array.prototype.slice.call(select.options).forEach(function (option) { if (option.value) option.remove(); });
    }
    var option = Array.prototype.find.call(select.options, function (o) { return o.value === id; });
    if (!option) {
      option = new Option(label, id);
      select.add(option);
    }
    option.selected = true;
    select.hidden = false;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    picker.querySelector(".picker-results").replaceChildren();
    picker.querySelector(".picker-search").value = "";
  }

  // A single choice with nothing chosen yet shows the search box alone: one control for one field.
  function hideEmpty() {
    document.querySelectorAll(".picker select:not([multiple])").forEach(function (select) {
      select.hidden = !Array.prototype.some.call(select.options, function (o) { return o.value; });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", hideEmpty);
  else hideEmpty();

  document.addEventListener("input", function (event) {
    var input = event.target.closest && event.target.closest(".picker-search");
    if (!input) return;
    var picker = input.closest(".picker");
    clearTimeout(timers.get(picker));
    timers.set(picker, setTimeout(function () { search(picker, input.value.trim()); }, 250));
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".picker-results button");
    if (!button) return;
    choose(button.closest(".picker"), button.dataset.id, button.textContent);
  });

  document.addEventListener("keydown", function (event) {
    var input = event.target.closest && event.target.closest(".picker-search");
    if (!input || event.key !== "Enter") return;
    event.preventDefault(); // Enter picks the first person found, it never submits the form
    var first = input.closest(".picker").querySelector(".picker-results button");
    if (first) first.click();
  });
})();
