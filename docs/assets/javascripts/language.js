/* The language switch keeps the reader's place: the link to the same page in the other
   language gets the address's #anchor (a section or a figure's sentence: both languages
   share these ids) at the moment it is followed. */
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element && event.target.closest("a[data-report-switch]");
  if (!link || !location.hash) return;
  var url = new URL(link.href, location.href);
  url.hash = location.hash;
  link.href = url.href;
}, true);
