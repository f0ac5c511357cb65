// Threadline's own behaviour. Everything works without JavaScript; this only makes it quicker.
import { initAll } from "../vendor/govuk-frontend/govuk-frontend.min.js";

initAll();

// Print buttons are hidden until JavaScript can work them; without it, the browser's own
// print command does the same.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// GOV.UK components swapped in by htmx (details, error summaries) need initialising too.
document.body.addEventListener("htmx:afterSwap", (event) => {
  initAll({ scope: event.target });
});
