// Times in the viewer's zone, with the exact UTC instant on hover (title) and in datetime.

const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A <time> element for an ISO-8601 instant, or a dash for none. */
export function timeNode(iso, now = Date.now()) {
  if (!iso) return document.createTextNode('—');
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return document.createTextNode(String(iso));
  const node = document.createElement('time');
  node.dateTime = at.toISOString();
  node.title = at.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace('Z', ' UTC');
  node.textContent = `${local.format(at)} (${relative(at.getTime() - now)})`;
  return node;
}

/** "in 5 min", "3 h ago". */
export function relative(ms) {
  const past = ms < 0;
  const minutes = Math.round(Math.abs(ms) / 60000);
  let text;
  if (minutes < 1) text = 'less than a minute';
  else if (minutes < 90) text = `${minutes} min`;
  else if (minutes < 48 * 60) text = `${Math.round(minutes / 60)} h`;
  else text = `${Math.round(minutes / 1440)} days`;
  return past ? `${text} ago` : `in ${text}`;
}
