/* The language switch keeps the reader's place: the link to the same page in the other
   language gets the address's #anchor (a section or a figure's sentence: both languages
   share these ids) at the moment it is followed: by a click, a middle click (a new tab), or
   the context menu's "open in new tab" or "copy link". */
function keepPlace(event) {
  var link = event.target instanceof Element && event.target.closest("a[data-report-switch]");
  if (!link || !location.hash) return;
  var url = new URL(link.href, location.href);
  url.hash = location.hash;
  link.href = url.href;
}
["click", "auxclick", "contextmenu"].forEach(function (type) {
  document.addEventListener(type, keepPlace, true);
});
