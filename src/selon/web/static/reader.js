// selon reader: hovering a statement lights up all its pieces; clicking one opens its card
// (speaker, role, kind, cue, figures) in the who-said-what list. No framework, no inline code.
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
      text.addEventListener("click", function (ev) {
        var el = ev.target.closest("[data-s]");
        if (el) { open(el.dataset.s); }
      });
    }
    document.querySelectorAll("details.statement").forEach(function (card) {
      card.addEventListener("mouseenter", function () { light(card.dataset.s, true); });
      card.addEventListener("mouseleave", function () { light(card.dataset.s, false); });
    });
  });
})();
