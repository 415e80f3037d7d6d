// A table's scroll box is a tab stop (so keys can scroll it) only while it scrolls. Loaded
// only by pages that have a table (Table.astro).
const scrollers = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    const box = target.closest('.table-scroll');
    if (box && box.scrollWidth > box.clientWidth) box.setAttribute('tabindex', '0');
    else box?.removeAttribute('tabindex');
  }
});
for (const box of document.querySelectorAll('.table-scroll'))
  for (const el of [box, box.firstElementChild]) if (el) scrollers.observe(el);
