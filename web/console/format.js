// Formatting helpers: relative times, sizes, initials.

const units = [
  ['year', 365 * 24 * 3600], ['month', 30 * 24 * 3600], ['week', 7 * 24 * 3600],
  ['day', 24 * 3600], ['hour', 3600], ['minute', 60],
];
const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

/** ago says how long ago an RFC 3339 time was ("3 min. ago", "now"). */
export function ago(iso, now = Date.now()) {
  if (!iso) return '';
  const s = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(s) < 45) return 'now';
  for (const [unit, secs] of units) {
    if (Math.abs(s) >= secs || unit === 'minute') return rtf.format(Math.round(s / secs), unit);
  }
  return '';
}

/** clock is the local time of day of an RFC 3339 time, with the date when not today. */
export function clock(iso) {
  const d = new Date(iso);
  const today = new Date();
  const opts = { hour: '2-digit', minute: '2-digit' };
  if (d.toDateString() !== today.toDateString()) Object.assign(opts, { month: 'short', day: 'numeric' });
  return d.toLocaleString(undefined, opts);
}

export const fullTime = (iso) => (iso ? new Date(iso).toLocaleString() : '');

/** size formats bytes. */
export function size(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** initials of a name, for avatars. */
export function initials(name) {
  const parts = (name || '?').trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] || '?') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
}

/** hue picks a stable avatar colour for an id. */
export function hue(id) {
  let h = 0;
  for (const ch of id || '') h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}
