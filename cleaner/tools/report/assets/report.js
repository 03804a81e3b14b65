// cleaner report: draws the Plotly charts from their embedded JSON and makes
// tables with class "sortable" sort on a header click. No network access.
(function () {
  "use strict";
  var config = {displaylogo: false, responsive: true};
  document.querySelectorAll("div.chart[data-figure]").forEach(function (div) {
    var fig = JSON.parse(document.getElementById(div.getAttribute("data-figure")).textContent);
    window.Plotly.newPlot(div, fig.data, fig.layout, config);
  });

  // A cell sorts by its data-sort number if it has one, else by its text.
  function key(cell) {
    var v = cell.getAttribute("data-sort");
    return v !== null ? parseFloat(v) : cell.textContent.trim().toLowerCase();
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows).filter(function (r) { return !r.classList.contains("rest"); });
        var rest = Array.prototype.slice.call(body.rows).filter(function (r) { return r.classList.contains("rest"); });
        var dir = th.getAttribute("aria-sort") === "descending" ? 1 : -1;
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = key(a.cells[col]), y = key(b.cells[col]);
          if (typeof x !== typeof y) { return (typeof x === "number" ? -1 : 1); }
          return x < y ? -dir : x > y ? dir : 0;
        });
        rows.concat(rest).forEach(function (r) { body.appendChild(r); });
      });
    });
  });
}());
