// The Request page's audit trail: each record with a verified / does-not-verify mark (verify.js).
import { el, facts } from './dom.js';
import { timeNode } from './time.js';
import { verifyTrail } from './verify.js';
import { explain } from './actions.js';
import { SessionExpired } from './api.js';

/** The "Audit trail" section of request {@code id}; an error fetching it stays inside the section. */
export async function auditSection(ctx, id) {
  const heading = el('h3', { id: 'audit-heading' }, 'Audit trail');
  let trail;
  try {
    trail = await ctx.api.audit(id);
  } catch (e) {
    if (e instanceof SessionExpired) throw e;
    return el('section', { 'aria-labelledby': 'audit-heading' }, heading, el('p', { class: 'error' }, explain(e)));
  }
  const { results, headOk } = await verifyTrail(trail);
  const bad = results.filter((r) => !r.ok).length;
  const summary = bad === 0 && headOk
    ? `All ${results.length} records verify against their hashes (checked in this browser).`
    : `${bad} of ${results.length} records ${bad === 1 ? 'does' : 'do'} not verify${headOk ? '' : '; the chain does not end at the request\'s recorded head (records missing or added)'}.`;
  return el('section', { 'aria-labelledby': 'audit-heading', class: 'audit' }, heading,
    el('p', { class: bad === 0 && headOk ? 'audit-summary' : 'audit-summary notice', id: 'audit-summary' }, summary),
    el('ol', { class: 'audit-records' }, results.map(recordItem)));
}

function recordItem({ record, ok, problems }) {
  const mark = ok ? el('span', { class: 'mark mark-ok' }, '✓ Verified')
    : el('span', { class: 'mark mark-bad' }, `✗ Does not verify: ${problems.join('; ')}`);
  const details = record.details && typeof record.details === 'object' ? Object.keys(record.details).sort() : [];
  return el('li', { class: ok ? 'audit-ok' : 'audit-bad', 'data-seq': String(record.seq) },
    el('p', {}, el('strong', {}, String(record.action)), ' by ', String(record.actor), ' ', timeNode(record.at), ' ', mark),
    details.length ? facts(details.map((k) => [k, String(record.details[k])])) : null,
    el('p', { class: 'hash' }, 'hash ', el('code', { title: String(record.hash) }, String(record.hash).slice(0, 16) + '…')));
}
