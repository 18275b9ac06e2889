// Pickers (core/pickers.py): an ARIA 1.2 combobox. Typing asks the server for up to 20 people (or
// organisations) of the user's scope; the results are a listbox: ↓/↑ move through them (the focus stays
// in the box, aria-activedescendant names the option), Enter or a click chooses, Escape closes (a second
// Escape clears the text). The status region says how many were found, or «Ничего не найдено».
// A single choice goes into the select after the box (hidden until something is chosen); several choices
// are checkboxes. A required picker left empty says so in words on submit instead of a silent block.
(function () {
  "use strict";
  var timers = new WeakMap();

  function parts(picker) {
    return {
      input: picker.querySelector(".picker-search"),
      list: picker.querySelector(".picker-results"),
      status: picker.querySelector(".picker-status"),
      select: picker.querySelector("select"),
      chosen: picker.querySelector(".picker-chosen"),
    };
  }

  function options(picker) {
    return Array.prototype.slice.call(picker.querySelectorAll(".picker-results [role=option]"));
  }

  function close(picker) {
    var p = parts(picker);
    p.list.hidden = true;
    p.input.setAttribute("aria-expanded", "false");
    p.input.removeAttribute("aria-activedescendant");
  }

  function activate(picker, index) {
    var all = options(picker);
    var p = parts(picker);
    if (!all.length) return;
    p.list.hidden = false;
    p.input.setAttribute("aria-expanded", "true");
    index = (index + all.length) % all.length;
    all.forEach(function (option, i) {
      option.classList.toggle("active", i === index);
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    p.input.setAttribute("aria-activedescendant", all[index].id);
    all[index].scrollIntoView({ block: "nearest" });
  }

  function show(picker, results, query) {
    var p = parts(picker);
    p.list.replaceChildren();
    results.forEach(function (item, i) {
      var option = document.createElement("li");
      option.id = p.list.id + "_" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.className = "list-group-item list-group-item-action py-1 small";
      option.textContent = item.label;
      option.dataset.id = item.id;
      p.list.appendChild(option);
    });
    p.input.removeAttribute("aria-activedescendant");
    p.list.hidden = !results.length;
    p.input.setAttribute("aria-expanded", results.length ? "true" : "false");
    if (query.length < 2) p.status.textContent = "";
    else if (!results.length) p.status.textContent = "Ничего не найдено";
    else p.status.textContent = "Найдено: " + results.length + (results.length >= 20 ? " (уточните запрос)" : "") +
      ". Стрелки вниз и вверх — выбор, Enter — взять.";
  }

  function search(picker, query) {
    if (query.length < 2) return show(picker, [], query);
    var url = picker.dataset.url + (picker.dataset.url.indexOf("?") >= 0 ? "&" : "?") + "q=" + encodeURIComponent(query);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { show(picker, data.results, query); });
  }

  function addBox(chosen, id, label) {
    var box = chosen.querySelector('input[value="' + CSS.escape(id) + '"]');
    if (!box) {
      var wrap = document.createElement("div");
      wrap.className = "form-check";
      box = document.createElement("input");
      box.type = "checkbox";
      box.className = "form-check-input";
      box.name = chosen.dataset.name;
      box.value = id;
      box.id = chosen.id + "_" + id;
      var text = document.createElement("label");
      text.className = "form-check-label";
      text.htmlFor = box.id;
      text.textContent = label;
      wrap.append(box, text);
      chosen.appendChild(wrap);
    }
    box.checked = true;
  }

  function setSelect(select, id, label) {
    Array.prototype.slice.call(select.options).forEach(function (option) { if (option.value) option.remove(); });
    var option = new Option(label, id);
    select.add(option);
    option.selected = true;
    select.hidden = false;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function choose(picker, option) {
    var p = parts(picker);
    if (p.chosen) addBox(p.chosen, option.dataset.id, option.textContent);
    else setSelect(p.select, option.dataset.id, option.textContent);
    clearError(picker);
    p.list.replaceChildren();
    close(picker);
    p.input.value = "";
    p.status.textContent = "Выбрано: " + option.textContent;
    p.input.focus();
  }

  function clearError(picker) {
    var error = picker.querySelector(".picker-error");
    if (error) error.remove();
    parts(picker).input.classList.remove("is-invalid");
  }

  // A required single choice left empty: the browser cannot point at a hidden select, so we say it.
  document.addEventListener("invalid", function (event) {
    var picker = event.target.closest && event.target.closest(".picker");
    if (!picker) return;
    event.preventDefault();
    var p = parts(picker);
    if (!picker.querySelector(".picker-error")) {
      var error = document.createElement("div");
      error.className = "invalid-feedback d-block picker-error";
      error.id = p.input.id + "_error";
      error.textContent = "Выберите значение: начните вводить и выберите из списка.";
      p.input.insertAdjacentElement("afterend", error);
      p.input.setAttribute("aria-describedby", ((p.input.getAttribute("aria-describedby") || "") + " " + error.id).trim());
    }
    p.input.classList.add("is-invalid");
    p.input.setAttribute("aria-invalid", "true");
    var first = event.target.form && event.target.form.querySelector(":invalid");
    if (first === event.target) p.input.focus();
  }, true);

  // A single choice with nothing chosen yet shows the search box alone: one control for one field.
  function hideEmpty() {
    document.querySelectorAll(".picker select").forEach(function (select) {
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

  // A click on an option must not take the focus from the box.
  document.addEventListener("mousedown", function (event) {
    if (event.target.closest && event.target.closest(".picker-results [role=option]")) event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    var option = event.target.closest && event.target.closest(".picker-results [role=option]");
    if (option) choose(option.closest(".picker"), option);
  });

  document.addEventListener("focusout", function (event) {
    var picker = event.target.closest && event.target.closest(".picker");
    if (picker && !picker.contains(event.relatedTarget)) close(picker);
  });

  document.addEventListener("keydown", function (event) {
    var input = event.target.closest && event.target.closest(".picker-search");
    if (!input) return;
    var picker = input.closest(".picker");
    var all = options(picker);
    var current = all.findIndex(function (o) { return o.id === input.getAttribute("aria-activedescendant"); });
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (current < 0) activate(picker, event.key === "ArrowDown" ? 0 : -1);
      else activate(picker, current + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter") {
      event.preventDefault(); // Enter chooses, it never submits the form
      if (all.length && !parts(picker).list.hidden) choose(picker, all[current < 0 ? 0 : current]);
    } else if (event.key === "Escape") {
      if (input.getAttribute("aria-expanded") === "true") close(picker);
      else input.value = "";
      event.preventDefault();
    }
  });
})();
