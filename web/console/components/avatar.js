// Avatars: initials on a colour chosen from the id.

import { html } from '../html.js';
import { initials, hue } from '../format.js';

export function Avatar({ id, name, size = 'md' }) {
  return html`<span class=${`avatar avatar-${size} av-${hue(id) % 8}`} aria-hidden="true">${initials(name)}</span>`;
}
