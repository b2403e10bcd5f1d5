// The signed-in agent's corner: presence, notifications, sound, sign out.

import { signal } from '@preact/signals';
import { html } from '../html.js';
import { me, fail, toast } from '../store.js';
import { permission, sound, enable, setSound } from '../notify.js';
import { Avatar } from './avatar.js';
import { Bell, LogOut, Keyboard } from './icons.js';
import { helpOpen } from './shortcuts.js';
import { startIdle, stopIdle, clearIdle, idleAway, pending, putPresence } from '../idle.js';

const statuses = [
  ['online', 'Online'],
  ['away', 'Away'],
  ['offline', 'Offline'],
];

/** presence is the agent's status as last set here or reported by the server. */
export const presence = signal('');

const PRESENCE_KEY = 'parley.console.presence';

const chosen = () => localStorage.getItem(PRESENCE_KEY) || 'online';

/** restorePresence sets the status the agent last chose here, online at
 * first, and starts watching for idleness (../idle.js). */
export function restorePresence() {
  setPresence(chosen(), true);
  startIdle(me.value?.away_after_seconds, chosen, (status) => { presence.value = status; });
}

/** signOffPresence sets the agent offline on signing out, without changing
 * the status restored at the next sign-in. */
export async function signOffPresence() {
  stopIdle();
  try { await putPresence('offline'); } catch { /* signing out matters more */ }
  presence.value = '';
}

async function setPresence(status, quiet) {
  const before = presence.value;
  presence.value = status;
  if (!quiet) {
    localStorage.setItem(PRESENCE_KEY, status);
    clearIdle();
  }
  try {
    const r = await putPresence(status);
    if (r?.status) presence.value = r.status;
    else if (r?.presence) presence.value = r.presence;
  } catch (e) {
    presence.value = before;
    if (!quiet) fail(e, 'Could not change your status');
  }
}

export function UserMenu({ onLogout }) {
  const a = me.value?.agent || {};
  const current = presence.value || a.presence || 'offline';
  return html`
    <div class="user">
      <div class="user-id">
        <span class="avatar-wrap"><${Avatar} id=${a.id} name=${a.name} /><span class=${'presence-dot p-' + current} aria-hidden="true"></span></span>
        <div class="user-text">
          <span class="user-name">${a.name}</span>
          <span class="user-role">${a.role}</span>
        </div>
      </div>
      <fieldset class="presence" aria-busy=${pending.value > 0 ? 'true' : 'false'}>
        <legend class="sr-only">Your status</legend>
        ${statuses.map(([v, label]) => html`
          <label class=${'presence-option' + (current === v ? ' checked' : '')}>
            <input type="radio" name="presence" value=${v} checked=${current === v}
              onChange=${() => setPresence(v)} />
            <span class=${'presence-dot p-' + v} aria-hidden="true"></span>${v === 'away' && idleAway.value ? 'Away (idle)' : label}
          </label>`)}
      </fieldset>
      <div class="user-actions">
        ${permission.value !== 'granted' && permission.value !== 'unsupported' ? html`
          <button type="button" class="button ghost small" onClick=${async () => {
            await enable();
            if (permission.value === 'granted') toast('Notifications are on.', 'success');
            else if (permission.value === 'denied') toast('Notifications are blocked in your browser settings.', 'error');
          }}><${Bell} size=${16} /> Enable notifications</button>` : null}
        <label class="switch">
          <input type="checkbox" checked=${sound.value} onChange=${(e) => setSound(e.currentTarget.checked)} />
          <span>Sound for new chats</span>
        </label>
        <div class="user-buttons">
          <button type="button" class="button ghost small" onClick=${() => { helpOpen.value = true; }} aria-keyshortcuts="?">
            <${Keyboard} size=${16} /> Shortcuts</button>
          <button type="button" class="button ghost small" onClick=${onLogout}><${LogOut} size=${16} /> Sign out</button>
        </div>
      </div>
    </div>`;
}
