// The language selector links to the twin page's top. Both languages use the same
// heading ids, so carry the reader's place across: the address's #anchor if it has
// one, otherwise the section the table of contents marks as being read.
document$.subscribe(() => {
  for (const link of document.querySelectorAll(".md-select__link[hreflang]")) {
    link.addEventListener("click", () => {
      const reading = document.querySelector(".md-sidebar--secondary .md-nav__link--active");
      const hash = location.hash || (reading ? new URL(reading.href).hash : "");
      const target = new URL(link.href);
      target.hash = hash;
      link.href = target.href;
    });
  }
});
