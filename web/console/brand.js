// The workspace's branding: product name, logo and colour, shown in the
// sign-in page and the console's header. Loaded from the sign-in options
// (public) before sign-in and from /api/v1/branding after.

import { signal, computed, effect } from '@preact/signals';
import { get } from './api.js';

export const branding = signal({});
export const productName = computed(() => branding.value.product_name || 'Parley');

/** loadBranding reads the branding of the signed-in workspace. */
export async function loadBranding() {
  try { branding.value = await get('/api/v1/branding'); } catch { /* keep what we have */ }
}

// The page's title and accent colour follow the branding.
effect(() => {
  const b = branding.value;
  document.title = `${productName.value} console`;
  const root = document.documentElement.style;
  if (b.color) {
    root.setProperty('--accent', b.color);
    root.setProperty('--accent-hover', b.color);
  } else {
    root.removeProperty('--accent');
    root.removeProperty('--accent-hover');
  }
});
