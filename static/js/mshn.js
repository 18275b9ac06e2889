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

// The browser checks required fields before sending, in its own language («Please check this box»): each
// message is said in Russian instead (a picker says its own, static/js/picker.js), and cleared on change.
function russianMessage(field) {
  var v = field.validity;
  if (v.valueMissing) {
    if (field.type === "checkbox") return "Отметьте это поле, чтобы продолжить.";
    if (field.type === "file") return "Выберите файл.";
    if (field.tagName === "SELECT") return "Выберите значение из списка.";
    return "Заполните это поле.";
  }
  if (v.typeMismatch && field.type === "email") return "Введите адрес электронной почты, например ivanova@school.ru.";
  if (v.typeMismatch && field.type === "url") return "Введите адрес ссылки, начиная с https://";
  if (v.rangeUnderflow) return "Значение должно быть не меньше " + field.min + ".";
  if (v.rangeOverflow) return "Значение должно быть не больше " + field.max + ".";
  if (v.stepMismatch || v.badInput) return "Введите целое число.";
  if (v.tooLong) return "Слишком длинный текст: не больше " + field.maxLength + " знаков.";
  return "Проверьте значение этого поля.";
}
document.addEventListener("invalid", function (event) {
  var field = event.target;
  if (!field.setCustomValidity || (field.closest && field.closest(".picker"))) return;
  field.setCustomValidity(russianMessage(field));
}, true);
["input", "change"].forEach(function (kind) {
  document.addEventListener(kind, function (event) {
    if (event.target.setCustomValidity) event.target.setCustomValidity("");
  });
});

// A file input's own button and text speak the browser's language («Choose Files»): each one gets a Russian
// button and the names of the chosen files beside it; the input itself stays in the form, only hidden.
document.querySelectorAll('input[type="file"]').forEach(function (input) {
  var box = document.createElement("div");
  box.className = "d-flex align-items-center gap-2 file-choice";
  var button = document.createElement("button");
  button.type = "button";
  button.className = "btn btn-outline-secondary btn-sm";
  button.textContent = input.multiple ? "Выбрать файлы" : "Выбрать файл";
  var names = document.createElement("span");
  names.className = "small text-muted";
  names.setAttribute("aria-live", "polite");
  names.textContent = "Файл не выбран";
  button.addEventListener("click", function () { input.click(); });
  input.addEventListener("change", function () {
    var chosen = Array.prototype.map.call(input.files, function (f) { return f.name; });
    names.textContent = chosen.length ? chosen.join(", ") : "Файл не выбран";
  });
  input.classList.add("visually-hidden");
  input.setAttribute("tabindex", "-1");
  input.parentNode.insertBefore(box, input.nextSibling);
  box.appendChild(button);
  box.appendChild(names);
});

// A «Печать» button (data-print) prints the page: no inline handlers (the Content-Security-Policy forbids them).
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) { window.print(); }
});

// A checkbox marked data-check-all="name" ticks or clears every checkbox of that name (all the rows of a table).
document.addEventListener("change", function (event) {
  var name = event.target.getAttribute && event.target.getAttribute("data-check-all");
  if (!name) return;
  document.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (box) {
    box.checked = event.target.checked;
  });
});
