// Client-side verification of a request's audit chain (GET /requests/{id}/audit): every hash is
// recomputed here with WebCrypto, over the canonical form of core/audit/CanonicalForm (docs/AUDIT.md
// "Canonical form"), so a record changed in the table shows as one that does not verify.

export const GENESIS = '0'.repeat(64);
const encoder = new TextEncoder();

/** `<UTF-8 length>:<UTF-8 bytes>\n`, as CanonicalForm.field writes it. */
function field(parts, value) {
  const bytes = encoder.encode(value);
  parts.push(encoder.encode(`${bytes.length}:`), bytes, encoder.encode('\n'));
}

/** What the hash covers: the canonical form followed by prevHash (ASCII hex). */
export function hashInput(record) {
  const parts = [];
  for (const value of [record.chain, String(record.seq), record.at, record.actor, record.action]) field(parts, value);
  // Java's TreeMap orders keys by UTF-16 code units, as Array.prototype.sort does by default.
  const keys = Object.keys(record.details).sort();
  field(parts, String(keys.length));
  for (const key of keys) {
    field(parts, key);
    field(parts, record.details[key]);
  }
  parts.push(encoder.encode(record.prevHash));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function wellFormed(record) {
  const strings = ['chain', 'at', 'actor', 'action', 'prevHash', 'hash'].every((k) => typeof record[k] === 'string');
  const details = record.details && typeof record.details === 'object' && !Array.isArray(record.details)
    && Object.values(record.details).every((v) => typeof v === 'string');
  return strings && details && Number.isSafeInteger(record.seq);
}

/**
 * Checks every record of {@code trail} ({requestId, head, records}) and returns one result per record,
 * {record, ok, problems}, plus {headOk}: whether the last record is the head the request names (so
 * records removed from, or added to, the end show too).
 */
export async function verifyTrail(trail) {
  const chain = `request#${trail.requestId}`;
  const records = Array.isArray(trail.records) ? trail.records : [];
  const results = [];
  for (const [i, record] of records.entries()) {
    const problems = [];
    if (!wellFormed(record)) {
      results.push({ record, ok: false, problems: ['it is malformed'] });
      continue;
    }
    if (await sha256Hex(hashInput(record)) !== record.hash) problems.push('its content does not match its hash');
    const expectedPrev = i === 0 ? GENESIS : records[i - 1].hash;
    if (record.prevHash !== expectedPrev) problems.push('its link to the previous record is broken');
    if (record.seq !== i + 1) problems.push(`it is numbered ${record.seq} in position ${i + 1}`);
    if (record.chain !== chain) problems.push('it belongs to another chain');
    results.push({ record, ok: problems.length === 0, problems });
  }
  const last = records[records.length - 1];
  const head = trail.head || {};
  const headOk = records.length === 0 ? head.seq === 0 : !!last && last.seq === head.seq && last.hash === head.hash;
  return { results, headOk };
}
