// Toasts: short notices in a live region at the bottom of the screen.

import { html } from '../html.js';
import { toasts, dismissToast } from '../store.js';
import { X } from './icons.js';

export function Toasts() {
  return html`
    <div class="toasts" role="status" aria-live="polite">
      ${toasts.value.map((t) => html`
        <div key=${t.id} class=${'toast toast-' + t.kind} role=${t.kind === 'error' ? 'alert' : undefined}>
          <span>${t.text}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick=${() => dismissToast(t.id)}><${X} size=${16} /></button>
        </div>`)}
    </div>`;
}
