// Key in a card: Ctrl+Enter (Cmd+Enter on a Mac) saves it from any field, a textarea included,
// so a pile of cards can be keyed in without reaching for the mouse or tabbing to the button.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
  const form = event.target.closest && event.target.closest("form[data-staff-entry]");
  if (!form) return;
  event.preventDefault();
  form.requestSubmit();
});
