// Kiosk mode for a shared tablet: clear and return to the start after 2 minutes without a touch,
// or 30 seconds after a confirmation page. Without JavaScript, the "Start again" button does this
// and the server makes sure Back finds nothing of the last person (one-time confirmation pages,
// no-store, autocomplete="off").
const IDLE_MS = 120000;
const AFTER_SUBMIT_MS = 30000;
const restart = document.getElementById("kiosk-restart");
const startUrl = restart ? restart.href : window.location.pathname + "?via=kiosk";
let timer;

// replace(), not a new history entry: Back from the next person's survey can't reach this page.
function startAgain() {
  window.location.replace(startUrl);
}

function reset(delay) {
  window.clearTimeout(timer);
  timer = window.setTimeout(startAgain, delay);
}

if (restart) {
  restart.addEventListener("click", (event) => {
    event.preventDefault();
    startAgain();
  });
}

// A page restored from the back/forward cache would show what the last person typed.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) {
    document.querySelectorAll("form").forEach((form) => form.reset());
    startAgain();
  }
});

const delay = restart ? AFTER_SUBMIT_MS : IDLE_MS;
["pointerdown", "keydown", "input", "scroll"].forEach((name) =>
  document.addEventListener(name, () => reset(delay), { passive: true }),
);
reset(delay);
