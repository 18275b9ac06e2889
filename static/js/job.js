// «Файл готовится»: asks the job's state every second and moves the progress bar without reloading the page;
// when the file is ready, offers it and starts the download; when it failed, shows what happened.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) { return; }
  var progress = box.querySelector("[data-job-progress]");
  var state = box.querySelector("[data-job-state]");
  var message = box.querySelector("[data-job-message]");
  var download = box.querySelector("[data-job-download]");

  function show(job) {
    progress.value = job.percent;
    progress.textContent = job.percent + "%";
    if (job.status === "done") {
      state.textContent = "Файл готов: загрузка начнётся сама, или нажмите «Скачать».";
      download.textContent = "Скачать " + job.filename;
      download.classList.remove("d-none");
      window.location.assign(download.href);
      return true;
    }
    if (job.status === "failed") {
      state.textContent = "Файл не собран.";
      message.textContent = job.message;
      message.classList.remove("d-none");
      return true;
    }
    state.textContent = job.status_label + ": " + job.percent + "% (" + job.done + " из " + job.total + " строк).";
    return false;
  }

  function poll() {
    fetch(box.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) { if (!show(job)) { window.setTimeout(poll, 1000); } })
      .catch(function () {
        state.textContent = "Нет связи с сервером: проверяем снова…";
        window.setTimeout(poll, 3000);
      });
  }
  if (box.querySelector("[data-job-download]").classList.contains("d-none") && message.classList.contains("d-none")) {
    poll();
  }
})();
