// One access request as a card: the facts every page shows, each value rendered as text.
import { el, facts } from './dom.js';
import { timeNode } from './time.js';

export function approvals(request) {
  return (request.reviews || []).filter((r) => r.verdict === 'APPROVE').length;
}

/** "1 approval so far", with the reviews listed. */
export function progress(request) {
  const count = approvals(request);
  const denials = (request.reviews || []).length - count;
  let text = `${count} approval${count === 1 ? '' : 's'} so far`;
  if (denials) text += `, ${denials} denial${denials === 1 ? '' : 's'}`;
  return text;
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
