// One access request as a card: the facts every page shows, each value rendered as text.
import { el, facts } from './dom.js';
import { timeNode } from './time.js';

/** "1 of 2 approvals", from the request's approvals {given, required} (docs/API.md), with any denials. */
export function progress(request) {
  const { given = 0, required = 1 } = request.approvals || {};
  const denials = (request.reviews || []).filter((r) => r.verdict === 'DENY').length;
  let text = `${given} of ${required} approval${required === 1 ? '' : 's'}`;
  if (denials) text += `, ${denials} denial${denials === 1 ? '' : 's'}`;
  return text;
}

/** "Awaiting post-review, due …" for a break-glass request; null for any other. */
export function postReviewNode(request) {
  const p = request.postReview;
  if (!request.breakGlass || !p) return null;
  if (p.reviewedBy) {
    return el('span', {}, `${p.verdict === 'APPROVE' ? 'Confirmed' : 'Denied'} by ${p.reviewedBy} `, timeNode(p.reviewedAt));
  }
  return el('span', { class: p.overdue ? 'error' : '' }, p.overdue ? 'Overdue since ' : 'Awaiting post-review, due ',
    timeNode(p.dueAt));
}

export function stateNode(state) {
  return el('span', { class: `state state-${String(state).replace(/[^A-Z_]/g, '')}` }, state);
}

export function requestFacts(request, { detailed = false } = {}) {
  const pairs = [
    ['Requester', request.user],
    ['Roles', (request.roles || []).join(', ')],
    ['Reason', request.reason || '(none)'],
    ['State', stateNode(request.state)],
    ['Requested', timeNode(request.createdAt)],
  ];
  if (request.state === 'PENDING') {
    pairs.push(['Expires unless approved', timeNode(request.pendingExpiresAt)]);
    pairs.push(['Reviews', progress(request)]);
  }
  if (request.breakGlass) pairs.push(['Break-glass', postReviewNode(request)]);
  if (request.accessExpiresAt) {
    pairs.push(['Access', el('span', {}, 'from ', timeNode(request.resolvedAt), ' until ', timeNode(request.accessExpiresAt))]);
  } else if (request.accessDuration) {
    pairs.push(['Access once approved', request.accessDuration]);
  }
  if (detailed) {
    pairs.push(['Request id', el('code', {}, request.id)]);
    if (request.resolvedAt) pairs.push(['Resolved', timeNode(request.resolvedAt)]);
    if (request.resolutionReason) pairs.push(['Resolution', request.resolutionReason]);
    if ((request.certificateSerials || []).length) pairs.push(['Certificates', request.certificateSerials.join(', ')]);
  }
  return facts(pairs);
}

export function reviewsList(request) {
  const reviews = request.reviews || [];
  if (!reviews.length) return el('p', { class: 'empty' }, 'No reviews yet.');
  return el('ul', { class: 'reviews' }, reviews.map((r) => el('li', {},
    `${r.reviewer}: ${r.verdict === 'APPROVE' ? 'approved' : 'denied'}`,
    r.reason ? ` — “${r.reason}”` : '', ' ', timeNode(r.at))));
}

export function detailsLink(request) {
  return el('a', { href: `#/request/${encodeURIComponent(request.id)}` }, 'Details');
}
