// Browser notifications and a short chime for new pending conversations and
// new messages in the agent's own conversations, while the tab is hidden.

import { signal } from '@preact/signals';

const SOUND_KEY = 'parley.console.sound';

/** permission mirrors Notification.permission ('unsupported' without the API). */
export const permission = signal(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);
/** sound says whether the chime plays. */
export const sound = signal(localStorage.getItem(SOUND_KEY) !== 'off');

let audio = null;

/** enable asks for permission and prepares audio; call it from a user gesture. */
export async function enable() {
  unlockAudio();
  if (typeof Notification === 'undefined') return;
  try {
    permission.value = await Notification.requestPermission();
  } catch {
    permission.value = Notification.permission;
  }
}

export function setSound(on) {
  sound.value = on;
  localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
  if (on) unlockAudio();
}

// unlockAudio creates the AudioContext within a user gesture, as browsers
// allow playing sound only after one.
function unlockAudio() {
  const Ctx = window.AudioContext || window.webkitAudioContext;
  if (!Ctx) return;
  if (!audio) audio = new Ctx();
  if (audio.state === 'suspended') audio.resume().catch(() => {});
}

// A click or key press anywhere on the page prepares the audio, so that the
// chime works without visiting the sound switch first.
function unlockOnGesture(e) {
  if (e.isTrusted && sound.value && audio?.state !== 'running') unlockAudio();
}
document.addEventListener('pointerdown', unlockOnGesture, true);
document.addEventListener('keydown', unlockOnGesture, true);

/** chime plays two short soft tones. */
export function chime() {
  if (!sound.value || !audio || audio.state !== 'running') return;
  const t = audio.currentTime;
  [[880, 0], [1318.5, 0.12]].forEach(([freq, at]) => {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t + at);
    gain.gain.exponentialRampToValueAtTime(0.18, t + at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + at + 0.35);
    osc.connect(gain).connect(audio.destination);
    osc.start(t + at);
    osc.stop(t + at + 0.4);
  });
}

/** alertNew notifies of something new when the tab is hidden. */
export function alertNew(title, body, path) {
  if (!document.hidden) return;
  chime();
  if (permission.value !== 'granted') return;
  try {
    const n = new Notification(title, { body: body.slice(0, 140), tag: path, icon: undefined });
    n.onclick = () => {
      window.focus();
      window.dispatchEvent(new CustomEvent('parley:navigate', { detail: path }));
      n.close();
    };
  } catch { /* some browsers allow notifications only from a service worker */ }
}
