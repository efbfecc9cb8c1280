// yanglao: a clamped long text opens (and closes) on a click or Enter; nothing else runs here.
document.addEventListener("click", function (event) {
  var cell = event.target.closest && event.target.closest(".yl-clamp");
  if (cell && !event.target.closest("a")) cell.classList.toggle("yl-open");
});
document.addEventListener("keydown", function (event) {
  if (event.key === "Enter" && event.target.classList && event.target.classList.contains("yl-clamp")) {
    event.target.classList.toggle("yl-open");
  }
});
// Where the first row of a table sits in the window (read by tests/test_browser.py from the rendered DOM).
window.addEventListener("load", function () {
  var row = document.querySelector("table.rows-and-columns tbody tr");
  if (row) document.body.setAttribute("data-yl-first-row-top", Math.round(row.getBoundingClientRect().top));
  document.body.setAttribute("data-yl-window", window.innerWidth + "x" + window.innerHeight);
});
