// "Add a row" for every Django formset on a page. The button names the formset's prefix:
//   <button type="button" data-formset-add="activities">…</button>
// and the page holds <template id="activities-template"> (the formset's empty form) and the
// container #activities-rows that receives the new rows.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-formset-add]");
  if (!button) return;
  var prefix = button.getAttribute("data-formset-add");
  var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
  var template = document.getElementById(prefix + "-template");
  var html = template.innerHTML.replace(/__prefix__/g, total.value);
  document.getElementById(prefix + "-rows").insertAdjacentHTML("beforeend", html);
  total.value = parseInt(total.value, 10) + 1;
});
