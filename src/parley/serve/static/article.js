// Article view: bring the record named in the URL fragment (#event-12) into view and mark its sentence.
(function () {
  "use strict";
  function focus(key) {
    document.querySelectorAll(".seg.focus").forEach(function (el) { el.classList.remove("focus"); });
    var segs = Array.prototype.filter.call(document.querySelectorAll(".seg[data-records]"), function (el) {
      return el.getAttribute("data-records").split(" ").indexOf(key) >= 0;
    });
    segs.forEach(function (el) { el.classList.add("focus"); });
    if (segs.length) { segs[0].scrollIntoView({block: "center"}); }
    document.body.setAttribute("data-focused", segs.length ? key : "");
  }
  function fromHash() {
    var key = decodeURIComponent(location.hash.replace(/^#/, ""));
    if (/^(event|quote|claim|position)-\d+$/.test(key)) { focus(key); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
