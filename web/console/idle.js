// Idle → away (docs/console.md#presence). When no tab of the console in
// this browser has seen the agent's activity — a key pressed, a click or
// touch, the pointer moved, the tab focused or shown — for the server's
// away_after_seconds (PARLEY_AWAY_AFTER, from GET /api/v1/me), and the
// status the agent chose is Online, the console sets the agent away; the
// next activity sets it online again. Only an away set here is undone: an
// agent who chose Away stays away. The tabs share the time of the last
// activity and the "away because idle" mark through localStorage, so one
// busy tab keeps the agent online and any tab brings it back.

import { signal } from '@preact/signals';
import { api } from './api.js';
import { toast } from './store.js';

const ACTIVE_KEY = 'parley.console.activeAt';
const IDLE_KEY = 'parley.console.idleAway';

/** idleAway is true while the agent is away because the console saw no activity. */
export const idleAway = signal(false);

/** pending counts the presence changes sent and not yet answered. */
export const pending = signal(0);

let queue = Promise.resolve();

/** putPresence sets the agent's presence through the API, one call after
 * the other, so that the last status asked for is the one that stays. */
export function putPresence(status) {
  pending.value++;
  const call = queue.then(() => api.presence(status));
  queue = call.catch(() => {}).finally(() => { pending.value--; });
  return call;
}

let awayMs = 0;
let timer = 0;
let lastSeen = 0; // this tab's last activity, ms
let lastWrite = 0; // when this tab last wrote ACTIVE_KEY
let chosen = () => 'online';
let shown = () => {};

const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focus'];

/** startIdle watches for activity; seconds is away_after_seconds (0: never);
 * chosenStatus() is the status the agent chose; show(status) shows a status
 * set here. Opening the console counts as activity. */
export function startIdle(seconds, chosenStatus, show) {
  detach();
  chosen = chosenStatus;
  shown = show;
  idleAway.value = localStorage.getItem(IDLE_KEY) === '1';
  awayMs = Math.max(0, Number(seconds) || 0) * 1000;
  if (!awayMs) {
    if (idleAway.value) comeBack();
    return;
  }
  for (const e of activityEvents) window.addEventListener(e, onActivity, { capture: true, passive: true });
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('storage', onStorage);
  timer = setInterval(check, Math.min(15000, Math.max(250, awayMs / 4)));
  seen(true);
}

/** stopIdle stops watching, on signing out, and forgets an idle away. */
export function stopIdle() {
  detach();
  clearIdle();
}

function detach() {
  clearInterval(timer);
  timer = 0;
  for (const e of activityEvents) window.removeEventListener(e, onActivity, { capture: true });
  document.removeEventListener('visibilitychange', onVisible);
  window.removeEventListener('storage', onStorage);
}

/** clearIdle forgets an idle away: the agent chose a status by hand. */
export function clearIdle() {
  localStorage.removeItem(IDLE_KEY);
  idleAway.value = false;
}

function onVisible() {
  if (!document.hidden) seen(true);
}

function onActivity(e) {
  // Pointer moves come many a second: one a quarter second is plenty.
  seen(e.type !== 'pointermove' || Date.now() - lastSeen > 250);
}

function seen(record) {
  if (!record) return;
  const now = Date.now();
  lastSeen = now;
  if (now - lastWrite >= 1000) {
    lastWrite = now;
    localStorage.setItem(ACTIVE_KEY, String(now));
  }
  if (idleAway.value) comeBack();
}

let checking = false;

// check sets the agent away when no tab saw activity for awayMs. It shows
// the change once the server took it; activity meanwhile undoes it.
function check() {
  if (checking || idleAway.value || chosen() !== 'online') return;
  const last = Math.max(lastSeen, Number(localStorage.getItem(ACTIVE_KEY)) || 0);
  const now = Date.now();
  if (now - last < awayMs) return;
  checking = true;
  putPresence('away').then(() => {
    if (chosen() !== 'online') return; // the agent chose meanwhile: that call comes next
    const active = Math.max(lastSeen, Number(localStorage.getItem(ACTIVE_KEY)) || 0);
    if (active > now) online(); // the agent came back meanwhile
    else mark(true);
  }, (e) => {
    if (e?.status === 401) stopIdle(); // signed out
  }).finally(() => { checking = false; });
}

// comeBack sets the agent online again after an idle away, unless it has
// chosen another status since. If that fails, the next activity tries again.
function comeBack() {
  mark(false);
  if (chosen() === 'online') online();
}

function online() {
  putPresence('online').catch(() => {
    localStorage.setItem(IDLE_KEY, '1');
    idleAway.value = true;
  });
}

// mark records the idle away for every tab and shows it in this one.
function mark(away) {
  if (away) localStorage.setItem(IDLE_KEY, '1');
  else localStorage.removeItem(IDLE_KEY);
  changed(away);
}

// onStorage follows another tab's idle away.
function onStorage(e) {
  if (e.key === IDLE_KEY) changed(e.newValue === '1');
}

function changed(away) {
  if (idleAway.value === away) return;
  idleAway.value = away;
  if (away) {
    shown('away');
    toast(`You are away: no activity for ${duration(awayMs / 1000)}. You will be online again when you come back.`);
  } else if (chosen() === 'online') {
    shown('online');
    toast('Welcome back: you are online again.');
  }
}

function duration(s) {
  if (s % 3600 === 0) return s === 3600 ? '1 hour' : `${s / 3600} hours`;
  if (s % 60 === 0) return s === 60 ? '1 minute' : `${s / 60} minutes`;
  return s === 1 ? '1 second' : `${s} seconds`;
}
