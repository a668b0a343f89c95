// Draw the compare chart: the Plotly figure is JSON in the element's data-figure attribute
// (escaped by the template), drawn by the plotly.js this server ships (/vendor/plotly.min.js).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("chart");
    if (!el || typeof Plotly === "undefined") { return; }
    var fig = JSON.parse(el.dataset.figure);
    Plotly.newPlot(el, fig.data, fig.layout, { responsive: true, displaylogo: false }).then(function () {
      el.dataset.rendered = "true";
    });
    // a point opens its figure's sentence in its article (the server's own /a/ address)
    el.on("plotly_click", function (ev) {
      var point = ev && ev.points && ev.points[0];
      var href = point && point.customdata;
      if (typeof href === "string" && href.indexOf("/a/") === 0) { window.location.assign(href); }
    });
  });
})();
