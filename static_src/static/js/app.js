// Progressive enhancement only: every page works without this file.
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// Back to a survey already sent: the browser fetches the page again (with a new submission token)
// but puts back the answers. Keeping the first token in this history entry means sending again
// is recognised as the same submission and stored once. Not on a kiosk: there Back must never
// tie the next person's answers to the last person's submission.
const submissionToken = document.querySelector("input[name=submission_token]");
if (submissionToken && !document.body.classList.contains("app-kiosk")) {
  const state = window.history.state || {};
  if (state.submissionToken) {
    submissionToken.value = state.submissionToken;
  } else {
    window.history.replaceState({ ...state, submissionToken: submissionToken.value }, "");
  }
}
