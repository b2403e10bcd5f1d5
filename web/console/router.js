// A small path router for the console under /console.

import { signal, computed } from '@preact/signals';

export const BASE = '/console';
export const path = signal(location.pathname);

/** route is the parsed path: a list and a conversation, or an admin page. */
export const route = computed(() => {
  const parts = path.value.slice(BASE.length).split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'visitors') return { section: 'visitors' };
  if (parts[0] === 'admin') return { section: 'admin', page: parts[1] || 'agents', id: parts[2] || '' };
  if (parts[0] === 'reports') return { section: 'reports' };
  if (parts[0] === 'supervisor') return { section: 'supervisor' };
  if (parts[0] === 'search') return { section: 'search', q: parts[1] || '', conversation: parts[2] || '', seq: Number(parts[3]) || 0 };
  const list = ['queue', 'mine', 'open', 'snoozed', 'resolved'].includes(parts[0]) ? parts[0] : 'queue';
  return { section: 'inbox', list, conversation: parts[1] || '' };
});

/** navigate changes the page without reloading it. */
export function navigate(to, { replace = false } = {}) {
  if (to === path.value) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  path.value = to;
}

export const listPath = (list, id) => `${BASE}/${list}${id ? '/' + encodeURIComponent(id) : ''}`;

window.addEventListener('popstate', () => { path.value = location.pathname; });
window.addEventListener('parley:navigate', (e) => navigate(e.detail));

/** searchPath is the search page for q, with a conversation opened at a message. */
export const searchPath = (q, id, seq) =>
  `${BASE}/search/${encodeURIComponent(q)}${id ? '/' + encodeURIComponent(id) + (seq ? '/' + seq : '') : ''}`;
