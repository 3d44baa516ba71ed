// Kiosk mode for a shared tablet: clear and return to the start after 2 minutes without a touch,
// or 30 seconds after a confirmation page. Without JavaScript, the "Start again" button does this.
const IDLE_MS = 120000;
const AFTER_SUBMIT_MS = 30000;
const restart = document.getElementById("kiosk-restart");
const startUrl = restart ? restart.href : window.location.pathname + "?via=kiosk";
let timer;

function reset(delay) {
  window.clearTimeout(timer);
  timer = window.setTimeout(() => window.location.replace(startUrl), delay);
}

const delay = restart ? AFTER_SUBMIT_MS : IDLE_MS;
["pointerdown", "keydown", "input", "scroll"].forEach((name) =>
  document.addEventListener(name, () => reset(delay), { passive: true }),
);
reset(delay);
