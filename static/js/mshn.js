// A select marked data-refresh="organization" refreshes, in place, the fields marked
// data-depends-on="organization" (say, the organisation's mentors): the page is asked again with the new
// value and only those fields' options and help texts are taken from it. Nothing typed is lost, the focus
// stays where it is (an arrow key in the select is no change of context), and a status region says so.
document.addEventListener("change", function (event) {
  var name = event.target.getAttribute && event.target.getAttribute("data-refresh");
  if (!name) return;
  var url = new URL(window.location.href);
  url.searchParams.set(name, event.target.value);
  fetch(url, { credentials: "same-origin" })
    .then(function (response) { return response.text(); })
    .then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html");
      document.querySelectorAll('[data-depends-on="' + name + '"]').forEach(function (field) {
        var twin = fresh.getElementById(field.id);
        if (!twin) return;
        var chosen = Array.prototype.map.call(field.selectedOptions, function (o) { return o.value; });
        field.innerHTML = twin.innerHTML;
        Array.prototype.forEach.call(field.options, function (o) { o.selected = chosen.indexOf(o.value) >= 0; });
        var help = document.getElementById(field.id + "_helptext");
        var freshHelp = fresh.getElementById(field.id + "_helptext");
        if (help) help.textContent = freshHelp ? freshHelp.textContent : "";
      });
      announce(event.target, "Списки участников обновлены для выбранной организации.");
    });
});

function announce(near, text) {
  var status = near.parentElement.querySelector(".refresh-status");
  if (status) status.textContent = text;
}

// The status region is there before it speaks: a region added with its text is not announced.
document.querySelectorAll("[data-refresh]").forEach(function (select) {
  var status = document.createElement("div");
  status.className = "visually-hidden refresh-status";
  status.setAttribute("role", "status");
  select.insertAdjacentElement("afterend", status);
});

// A form sent back with errors: the focus goes to the error summary (role="alert"), so that a screen
// reader reads it and the keyboard starts from it. Without a summary, to the first field in error.
(function () {
  var errors = "main .is-invalid, main .invalid-feedback, main [data-error-summary], main form .alert-danger[role=alert]";
  if (!document.querySelector(errors)) return;
  var target = document.querySelector("main .alert-danger[role=alert]") || document.querySelector("main .is-invalid");
  if (!target) return;
  if (!target.matches("input, select, textarea")) target.setAttribute("tabindex", "-1");
  target.focus();
})();

// A table wider than its box scrolls: the scrolling box takes the focus (the keyboard scrolls it) and
// has a name — the table's caption or the heading before it.
function markScrollers() {
  document.querySelectorAll("main .table-responsive, main table").forEach(function (box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== "visible";
    var marked = box.hasAttribute("data-scroll-region");
    if (scrolls === marked) return;
    if (!scrolls) {
      ["data-scroll-region", "tabindex", "role", "aria-label"].forEach(function (a) { box.removeAttribute(a); });
      return;
    }
    box.setAttribute("data-scroll-region", "");
    box.setAttribute("tabindex", "0");
    if (box.tagName !== "TABLE") box.setAttribute("role", "region");
    if (!box.hasAttribute("aria-labelledby")) box.setAttribute("aria-label", tableName(box));
  });
}

function tableName(box) {
  var caption = box.querySelector("caption");
  if (caption) return caption.textContent.trim();
  var headings = Array.prototype.filter.call(document.querySelectorAll("main h1, main h2, main h3"), function (h) {
    return h.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  var heading = headings[headings.length - 1];
  return "Таблица" + (heading ? ": " + heading.textContent.trim() : "") + " (прокручивается)";
}

markScrollers();
window.addEventListener("resize", markScrollers);

// A person's form shows only the fields of the chosen category (a pupil's class, a pedagogue's experience):
// each such field is marked data-for-category="…" (registry/forms.py), the category select data-category-switch.
function showCategoryFields(select) {
  var chosen = select.value;
  document.querySelectorAll("[data-for-category]").forEach(function (field) {
    var wrapper = field.closest('[id^="div_id_"]') || field.parentElement;
    var shown = !chosen || field.getAttribute("data-for-category").split(" ").indexOf(chosen) >= 0;
    wrapper.hidden = !shown;
  });
}
document.addEventListener("change", function (event) {
  if (event.target.hasAttribute && event.target.hasAttribute("data-category-switch")) showCategoryFields(event.target);
});
document.querySelectorAll("[data-category-switch]").forEach(showCategoryFields);
