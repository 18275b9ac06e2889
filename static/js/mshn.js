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
