// Milepost import page: drop files anywhere on the drop zone. Without this file the plain
// <input type="file" multiple> does the same job.
(function () {
  "use strict";
  var zone = document.querySelector("[data-dropzone]");
  if (!zone) return;
  var input = zone.querySelector("input[type=file]");
  var list = zone.querySelector("[data-chosen]");
  var form = document.querySelector("[data-import-form]");

  function size(bytes) {
    if (bytes >= 1048576) return (bytes / 1048576).toFixed(1) + " MB";
    return Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  function show() {
    list.textContent = "";
    var files = input.files;
    for (var i = 0; i < files.length && i < 50; i++) {
      var li = document.createElement("li");
      li.textContent = files[i].name + " (" + size(files[i].size) + ")";
      list.appendChild(li);
    }
    if (files.length > 50) {
      var more = document.createElement("li");
      more.textContent = "and " + (files.length - 50) + " more";
      list.appendChild(more);
    }
  }

  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("dragging");
    });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("dragging"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      show();
    }
  });
  form.addEventListener("submit", function () {
    var button = form.querySelector("[data-submit]");
    if (input.files.length) {
      button.disabled = true;
      button.textContent = "Uploading…";
    }
  });
})();
