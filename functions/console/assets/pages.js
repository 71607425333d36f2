// The three pages: To review, My requests, one Request.
import { el, replace } from './dom.js';
import { requestFacts, reviewsList, detailsLink, progress } from './cards.js';
import { confirmPanel, explain } from './actions.js';
import { auditSection } from './audit.js';

/** To review: pending requests the signed-in reviewer may still review, and break-glass post-reviews due. */
export async function reviewPage(ctx) {
  const [pending, due] = await Promise.all([ctx.api.listRequests({ state: 'PENDING' }), ctx.api.reviewDue()]);
  const items = pending.filter((r) => r.user !== ctx.user && !(r.reviews || []).some((v) => v.reviewer === ctx.user));
  const heading = el('h2', { tabindex: '-1' }, 'To review');
  if (!items.length && !due.length) {
    return [heading, el('p', { class: 'empty' }, 'Nothing to review: no pending request is waiting for you.')];
  }
  return [heading,
    due.length ? [el('h3', {}, `Break-glass access awaiting post-review (${due.length})`), due.map((r) => postReviewCard(ctx, r))] : null,
    el('p', {}, items.length ? `${items.length} pending request${items.length === 1 ? '' : 's'}.`
      : 'No pending request is waiting for you.'),
    items.map((request) => reviewCard(ctx, request))];
}

function reviewCard(ctx, request) {
  const card = el('section', { class: 'card', 'aria-label': `Request by ${request.user}` });
  const ask = (verdict) => confirmPanel(card, {
    question: `${verdict === 'APPROVE' ? 'Approve' : 'Deny'} ${request.user}'s request for ${(request.roles || []).join(', ')}?`,
    confirmLabel: verdict === 'APPROVE' ? 'Confirm approval' : 'Confirm denial',
    danger: verdict === 'DENY', withReason: true,
    perform: (reason) => ctx.api.review(request.id, verdict, reason),
    done: (after) => ctx.announce(`${verdict === 'APPROVE' ? 'Approved' : 'Denied'}: ${after.user}'s request is now ${after.state} (${progress(after)}).`, true),
    announce: ctx.announce, expired: ctx.expired,
  });
  replace(card, el('h3', {}, `${request.user} asks for ${(request.roles || []).join(', ')}`), requestFacts(request),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', onclick: () => ask('APPROVE') }, 'Approve'),
      el('button', { type: 'button', class: 'danger', onclick: () => ask('DENY') }, 'Deny'),
      detailsLink(request)));
  return card;
}

/**
 * A break-glass request owed its post-review (docs/API.md "POST /requests/{id}/reviews"): approving
 * confirms it, denying revokes its access; the buttons say so.
 */
function postReviewCard(ctx, request) {
  const roles = (request.roles || []).join(', ');
  const card = el('section', { class: 'card break-glass', 'aria-label': `Break-glass by ${request.user}` });
  const ask = (verdict) => confirmPanel(card, {
    question: verdict === 'APPROVE' ? `Confirm ${request.user}'s break-glass access (${roles}) was justified?`
      : `Deny ${request.user}'s break-glass access (${roles}) and revoke it now?`,
    confirmLabel: verdict === 'APPROVE' ? 'Confirm break-glass' : 'Deny and revoke',
    danger: verdict === 'DENY', withReason: true,
    perform: (reason) => ctx.api.review(request.id, verdict, reason),
    done: (after) => ctx.announce(verdict === 'APPROVE' ? `Confirmed: ${after.user}'s break-glass access.`
      : `Denied: ${after.user}'s break-glass access is now ${after.state}.`, true),
    announce: ctx.announce, expired: ctx.expired,
  });
  replace(card, el('h3', {}, el('span', { class: 'flag' }, 'Break-glass'), ` ${request.user} used ${roles} without approval`),
    requestFacts(request),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', onclick: () => ask('APPROVE') }, 'Confirm (approve)'),
      el('button', { type: 'button', class: 'danger', onclick: () => ask('DENY') }, 'Revoke (deny)'),
      detailsLink(request)));
  return card;
}

/** My requests: every request of the signed-in user, newest first. */
export async function minePage(ctx) {
  const items = (await ctx.api.listRequests({ user: ctx.user }))
    .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  const heading = el('h2', { tabindex: '-1' }, 'My requests');
  if (!items.length) {
    return [heading, el('p', { class: 'empty' }, 'You have no access requests. Create one with: access login --request-roles=ROLE --reason "…"')];
  }
  return [heading, items.map((request) => mineCard(ctx, request))];
}

function mineCard(ctx, request) {
  const card = el('section', { class: 'card', 'aria-label': `Request for ${(request.roles || []).join(', ')}` });
  const actions = el('div', { class: 'actions' }, detailsLink(request));
  if (request.state === 'PENDING') {
    actions.prepend(el('button', { type: 'button', class: 'danger', onclick: () => confirmPanel(card, {
      question: 'Withdraw this request?', confirmLabel: 'Confirm withdrawal', danger: true, withReason: false,
      perform: () => ctx.api.withdraw(request.id),
      done: () => ctx.announce('Request withdrawn.', true), announce: ctx.announce, expired: ctx.expired,
    }) }, 'Withdraw'));
  }
  if (request.state === 'APPROVED') actions.prepend(revokeButton(ctx, card, request));
  replace(card, el('h3', {}, (request.roles || []).join(', ')), requestFacts(request),
    command(request), actions);
  return card;
}

/** Ends approved access early (POST /requests/{id}/revocation): the requester, or a reviewer with a reason. */
function revokeButton(ctx, card, request) {
  return el('button', { type: 'button', class: 'danger', onclick: () => confirmPanel(card, {
    question: `Revoke ${request.user}'s access (${(request.roles || []).join(', ')}) and its certificates now?`,
    confirmLabel: 'Confirm revocation', danger: true, withReason: true,
    reasonLabel: request.user === ctx.user ? 'Reason (optional)' : 'Reason (required)',
    perform: (reason) => ctx.api.revoke(request.id, reason),
    done: () => ctx.announce('Access revoked.', true), announce: ctx.announce, expired: ctx.expired,
  }) }, 'Revoke');
}

/** The CLI command that uses this request, with a copy button (when it can still be used). */
function command(request) {
  if (request.state !== 'APPROVED' && request.state !== 'PENDING') return null;
  const text = `access login --request-id ${request.id}`;
  const pre = el('pre', { class: 'command' }, el('code', {}, text));
  const copied = el('span', { role: 'status' });
  const copy = el('button', { type: 'button', onclick: async () => {
    try {
      await navigator.clipboard.writeText(text);
      copied.textContent = 'Copied.';
    } catch (e) {
      window.getSelection().selectAllChildren(pre);
      copied.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
    }
  } }, 'Copy command');
  return el('div', {}, el('p', {}, request.state === 'APPROVED' ? 'Sign in with:' : 'Once approved, sign in with:'),
    pre, el('div', { class: 'actions' }, copy, copied));
}

/** One request with its reviews and its audit trail, verified in this browser. */
export async function requestPage(ctx, id) {
  const [request, audit] = await Promise.all([ctx.api.request(id), auditSection(ctx, id)]);
  const card = el('section', { class: 'card' });
  replace(card, requestFacts(request, { detailed: true }), el('h3', {}, 'Reviews'), reviewsList(request),
    request.user === ctx.user ? command(request) : null,
    request.state === 'APPROVED' ? el('div', { class: 'actions' }, revokeButton(ctx, card, request)) : null);
  return [el('h2', { tabindex: '-1' }, `Request by ${request.user}`), card, audit];
}

export { explain };
