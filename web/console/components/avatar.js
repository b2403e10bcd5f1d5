// Avatars: the picture at url when there is one, else initials on a colour
// chosen from the id.

import { html } from '../html.js';
import { initials, hue } from '../format.js';

export function Avatar({ id, name, size = 'md', url }) {
  if (url) return html`<img class=${`avatar avatar-${size} avatar-img`} src=${url} alt="" referrerpolicy="no-referrer" />`;
  return html`<span class=${`avatar avatar-${size} av-${hue(id) % 8}`} aria-hidden="true">${initials(name)}</span>`;
}
