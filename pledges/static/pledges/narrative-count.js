/* Live character count for the pledge narrative (the server checks the same limits).
   Texts come from Django's JavaScript catalogue (djangojs domain of this app). */
(function () {
  "use strict";
  var field = document.querySelector("textarea[data-min][data-max]");
  var output = document.getElementById("narrative-count");
  if (!field || !output) { return; }
  var min = parseInt(field.dataset.min, 10);
  var max = parseInt(field.dataset.max, 10);
  var gettext = window.gettext || function (s) { return s; };
  var ngettext = window.ngettext || function (s, p, n) { return n === 1 ? s : p; };
  var fmt = window.interpolate || function (s, o) {
    return s.replace(/%\((\w+)\)s/g, function (m, k) { return o[k]; });
  };
  function update() {
    var count = field.value.replace(/\r\n/g, "\n").length;
    var text = fmt(ngettext("%(count)s character (between %(min)s and %(max)s).",
                            "%(count)s characters (between %(min)s and %(max)s).", count),
                   {count: count, min: min, max: max}, true);
    if (count < min) {
      text += " " + fmt(ngettext("%(n)s more needed.", "%(n)s more needed.", min - count), {n: min - count}, true);
    } else if (count > max) {
      text += " " + fmt(ngettext("%(n)s too many.", "%(n)s too many.", count - max), {n: count - max}, true);
    }
    output.textContent = text;
    output.classList.toggle("text-danger", count > max);
  }
  field.addEventListener("input", update);
  update();
}());
