// Milepost: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  // Brainstorm notes: what is being typed is kept on this device, so a reload or a lost
  // connection loses nothing; a note that fails to send is retried with the same id.
  function setUpNoteForm(form, roundId) {
    var key = "milepost:draft:" + roundId + ":" + form.dataset.question;
    var text = form.querySelector("textarea");
    var idField = form.querySelector("input[name=client_id]");
    var state = form.querySelector("[data-state]");
    var error = form.querySelector("[data-error]");
    var saved = JSON.parse(localStorage.getItem(key) || "null");
    if (saved && saved.text && !text.value) {
      text.value = saved.text;
      idField.value = saved.id;
      state.textContent = "Your unsent note is back. Press Add note to save it.";
    }
    if (!idField.value) idField.value = uuid();
    var remember = function () {
      localStorage.setItem(key, JSON.stringify({ text: text.value, id: idField.value }));
    };
    text.addEventListener("input", function () {
      remember();
      error.textContent = "";
      state.textContent = text.value ? "Kept on this device until you add it." : "";
    });
    text.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener("htmx:beforeRequest", function () {
      state.textContent = "Saving…";
    });
    form.addEventListener("htmx:afterRequest", function (event) {
      var xhr = event.detail.xhr;
      if (event.detail.successful) {
        text.value = "";
        idField.value = uuid();
        localStorage.removeItem(key);
        state.textContent = "Saved.";
        error.textContent = "";
      } else if (xhr && xhr.status >= 400 && xhr.status < 500) {
        error.textContent = xhr.responseText;
        state.textContent = "";
      }
    });
    form.addEventListener("htmx:sendError", function () {
      remember();
      state.textContent = "No connection. Your note is kept here and we'll try again.";
      setTimeout(function () { if (text.value) htmx.trigger(form, "submit"); }, 5000);
    });
    window.addEventListener("online", function () {
      if (text.value && state.textContent.indexOf("No connection") === 0) htmx.trigger(form, "submit");
    });
  }

  // Forms: show a part only when another field has one of the values it needs,
  // e.g. data-show-when="kind:measurable". Without JavaScript every part shows.
  function currentValue(form, name) {
    var field = form.querySelector("[name=" + name + "]:checked") ||
      form.querySelector("select[name=" + name + "]");
    return field ? field.value : "";
  }

  function setUpConditionalParts(form) {
    var parts = form.querySelectorAll("[data-show-when]");
    var update = function () {
      parts.forEach(function (part) {
        var rule = part.dataset.showWhen.split(":");
        part.hidden = rule[1].split(",").indexOf(currentValue(form, rule[0])) === -1;
      });
    };
    form.addEventListener("change", update);
    update();
  }

  // The site menu: folded on a phone, always open on a wider screen.
  function setUpSiteMenu(menu) {
    var phone = window.matchMedia("(max-width: 40rem)");
    var fit = function () { menu.open = !phone.matches; };
    if (phone.addEventListener) phone.addEventListener("change", fit);
    fit();
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && phone.matches && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    // Sign-up: the browser's own time zone (the server checks it against its list).
    document.querySelectorAll("input[data-browser-time-zone]").forEach(function (field) {
      try {
        if (!field.value) field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
      } catch (error) { /* an old browser: the profile page asks instead */ }
    });
    var menu = document.querySelector("[data-site-menu]");
    if (menu) setUpSiteMenu(menu);
    var messages = document.getElementById("messages");
    if (messages && document.activeElement === document.body) messages.focus();
    var questions = document.querySelector(".questions[data-round]");
    if (questions) {
      questions.querySelectorAll("form.note-form").forEach(function (form) {
        setUpNoteForm(form, questions.dataset.round);
      });
    }
    document.querySelectorAll("form").forEach(function (form) {
      if (form.querySelector("[data-show-when]")) setUpConditionalParts(form);
    });
    // Signing out leaves no unsent note behind for the next person at this computer (the
    // server's Clear-Site-Data header does it too, where the browser heeds it).
    document.querySelectorAll("form.log-out").forEach(function (form) {
      form.addEventListener("submit", function () {
        for (var i = localStorage.length - 1; i >= 0; i--) {
          var key = localStorage.key(i);
          if (key && key.indexOf("milepost:") === 0) localStorage.removeItem(key);
        }
      });
    });
  });
})();
