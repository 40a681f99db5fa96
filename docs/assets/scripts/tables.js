// Material puts wide tables in a box that scrolls sideways on a phone but cannot
// be focused, so a keyboard cannot scroll it (axe: scrollable-region-focusable).
// document$ is Material's page-load stream, so this also runs after instant loads.
document$.subscribe(() => {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap")) {
    box.tabIndex = 0;
  }
});
