// Approve, deny and withdraw, each behind a confirmation in the card itself.
import { el, replace } from './dom.js';
import { ApiError, SessionExpired } from './api.js';

/**
 * A confirmation panel in {@code card}: an optional reason, a confirm and a cancel button.
 * {@code perform(reason)} runs on confirm; its outcome is announced in the status line.
 */
export function confirmPanel(card, { question, confirmLabel, danger, withReason, reasonLabel, perform, done, announce, expired }) {
  card.querySelector('.confirm')?.remove();
  const reasonId = `reason-${Math.random().toString(36).slice(2)}`;
  const input = withReason ? el('input', { id: reasonId, type: 'text', maxlength: 1024, autocomplete: 'off' }) : null;
  const error = el('p', { class: 'error', role: 'alert' });
  const panel = el('form', { class: 'confirm', 'aria-label': question });
  const confirm = el('button', { type: 'submit', class: `primary${danger ? ' danger' : ''}` }, confirmLabel);
  const cancel = el('button', { type: 'button', onclick: () => { panel.remove(); if (stale) announce('', true); } }, 'Cancel');
  let stale = false;
  replace(panel, el('p', {}, el('strong', {}, question)),
    withReason ? [el('label', { for: reasonId }, reasonLabel || 'Reason (optional)'), input] : null,
    error, el('div', { class: 'actions' }, confirm, cancel));
  panel.addEventListener('submit', async (event) => {
    event.preventDefault();
    confirm.disabled = true;
    try {
      const result = await perform(input ? input.value.trim() : '');
      panel.remove();
      done(result);
    } catch (e) {
      if (e instanceof SessionExpired) {
        panel.remove();
        expired(e);
        return;
      }
      confirm.disabled = false;
      stale = e instanceof ApiError && e.status === 409;
      error.textContent = explain(e);
      announce(error.textContent);
    }
  });
  card.append(panel);
  (input || confirm).focus();
}

/** What a failed action means, in words. */
export function explain(e) {
  if (e instanceof ApiError) {
    if (e.status === 409) {
      return e.code === 'already_reviewed' ? 'You have already reviewed this request.'
        : 'Someone else resolved this request first (or it expired). Cancel, and the list updates.';
    }
    if (e.status === 403) return `Not allowed: ${e.message}`;
    if (e.status === 404) return 'This request no longer exists.';
    if (e.status === 400) return `Refused: ${e.message}`;
    if (e.status === 429 || e.status === 503) return 'Airlock is busy or unavailable right now. Try again in a moment.';
    return `The request failed (HTTP ${e.status}).`;
  }
  return `Airlock could not be reached (${e.message}).`;
}
