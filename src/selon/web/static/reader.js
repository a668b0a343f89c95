// selon reader: hovering a statement lights up all its pieces; Tab (or a click) selects it
// and shows its speaker, role, kind and cue in the panel under the text; a click, Enter or
// Space opens its card in the who-said-what list. No framework, no inline code.
(function () {
  "use strict";
  function pieces(id) {
    return document.querySelectorAll('.article-text [data-s="' + CSS.escape(id) + '"]');
  }
  function light(id, on) {
    pieces(id).forEach(function (el) { el.classList.toggle("hl", on); });
    var card = document.getElementById("st-" + id);
    if (card) { card.classList.toggle("hl", on); }
  }
  function select(id) {
    document.querySelectorAll(".article-text .st.on").forEach(function (el) { el.classList.remove("on"); });
    pieces(id).forEach(function (el) { el.classList.add("on"); });
    var panel = document.getElementById("statement-info");
    if (!panel) { return; }
    panel.querySelectorAll(".st-desc.shown").forEach(function (el) { el.classList.remove("shown"); });
    var desc = document.getElementById("d-" + id);
    if (desc) {
      desc.classList.add("shown");
      panel.classList.add("chosen");
    }
  }
  function open(id) {
    var card = document.getElementById("st-" + id);
    if (!card) { return; }
    document.querySelectorAll("details.statement.focus").forEach(function (el) {
      el.classList.remove("focus");
    });
    card.open = true;
    card.classList.add("focus");
    card.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var text = document.getElementById("article-text");
    if (text) {
      text.addEventListener("mouseover", function (ev) {
        var el = ev.target.closest("[data-s]");
        if (el) { light(el.dataset.s, true); }
      });
      text.addEventListener("mouseout", function (ev) {
        var el = ev.target.closest("[data-s]");
        if (el) { light(el.dataset.s, false); }
      });
      text.addEventListener("focusin", function (ev) {
        var el = ev.target.closest("[data-s]");
        if (el) { select(el.dataset.s); light(el.dataset.s, true); }
      });
      text.addEventListener("focusout", function (ev) {
        var el = ev.target.closest("[data-s]");
        if (el) { light(el.dataset.s, false); }
      });
      text.addEventListener("click", function (ev) {
        var el = ev.target.closest("[data-s]");
        if (el) { select(el.dataset.s); open(el.dataset.s); }
      });
      text.addEventListener("keydown", function (ev) {
        var el = ev.target.closest("[data-s]");
        if (el && (ev.key === "Enter" || ev.key === " ")) {
          ev.preventDefault();
          select(el.dataset.s);
          open(el.dataset.s);
        }
      });
    }
    document.querySelectorAll("details.statement").forEach(function (card) {
      card.addEventListener("mouseenter", function () { light(card.dataset.s, true); });
      card.addEventListener("mouseleave", function () { light(card.dataset.s, false); });
    });
  });
})();
