import { showUpdateBanner } from './updateBanner';

/**
 * Registers the generated service worker (production builds only: the dev server has none).
 * A new version waits until the learner chooses to reload, so nothing is swapped under an
 * unfinished answer; learner data lives in IndexedDB, which a service-worker update never touches.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(watchForUpdates)
      .catch((error: unknown) => {
        // Offline support is an enhancement: the page itself works without it.
        console.warn('Offline support is unavailable in this browser:', error);
      });
  });
}

function watchForUpdates(registration: ServiceWorkerRegistration): void {
  const offer = (worker: ServiceWorker) => {
    // With no controller this is the first install, not an update.
    if (!navigator.serviceWorker.controller) return;
    showUpdateBanner(() => applyUpdate(worker));
  };
  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    if (!installing) return;
    installing.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(installing);
    });
  });
}

function applyUpdate(worker: ServiceWorker): void {
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  // Workbox's generated worker calls skipWaiting() on this message.
  worker.postMessage({ type: 'SKIP_WAITING' });
}
