// Progressive enhancement for session times: remember the browser's time zone in a cookie (the server then shows
// times in it on the next page), and show the local time at once where the server did not know the zone yet.
(function () {
  "use strict";
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone) { return; }
  if (document.cookie.indexOf("femi_tz=" + encodeURIComponent(zone)) === -1) {
    document.cookie = "femi_tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Lax";
  }
  if (zone === "America/New_York") { return; }
  var lang = document.documentElement.lang || undefined;
  
  document.querySelectorAll(".session-time-browser").forEach(function (el) {
    var box = el.closest(".session-time");
    var start = new Date(box.getAttribute("data-session-start"));
    var end = new Date(box.getAttribute("data-session-end"));
    var day = new Intl.DateTimeFormat(lang, {dateStyle: "full", timeStyle: "short", timeZone: zone});
    var hour = new Intl.DateTimeFormat(lang, {timeStyle: "short", timeZone: zone, timeZoneName: "short"});
    el.textContent = " · " + day.format(start) + "–" + hour.format(end) + " (" + (el.getAttribute("data-label") || "") + zone.replace(/_/g, " ") + ")";
  });
}());
