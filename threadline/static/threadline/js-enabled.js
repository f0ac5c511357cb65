// Runs first in <body>, before anything is drawn, so GOV.UK Frontend's JavaScript-only styles
// apply from the start and nothing jumps about as the page loads.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
