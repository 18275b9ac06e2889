// A select marked data-reload-on-change reloads the page with its value in the query string,
// so that the choices that depend on it (say, the organisation's mentors) are offered.
document.addEventListener("change", function (event) {
  var name = event.target.getAttribute && event.target.getAttribute("data-reload-on-change");
  if (!name) return;
  var url = new URL(window.location.href);
  url.searchParams.set(name, event.target.value);
  window.location.assign(url.toString());
});
