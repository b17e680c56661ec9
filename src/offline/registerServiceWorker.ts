const SERVICE_WORKER = './sw.js';

/**
 * The page's side of working offline: registers `sw.js` (production builds only), and when a new
 * version has installed and waits, calls `onUpdate` with the way to switch to it (the waiting worker
 * takes over and the page reloads into the new version).
 */
export function registerServiceWorker(onUpdate: (apply: () => void) => void, container: ServiceWorkerContainer | undefined = navigator.serviceWorker): void {
  if (!container || import.meta.env.DEV) return;
  let reloading = false;
  const apply = (waiting: ServiceWorker) => () => {
    container.addEventListener('controllerchange', () => {
      if (reloading) return;
      reloading = true;
      window.location.reload();
    });
    waiting.postMessage({ type: 'skip-waiting' });
  };
  // A first install (no controller yet) is not an update: there is nothing older to leave.
  const offer = (registration: ServiceWorkerRegistration) => {
    if (registration.waiting && container.controller) onUpdate(apply(registration.waiting));
  };
  // Installing caches every file of the build: wait until the page has loaded and the browser is idle,
  // so that download never competes with the first graph (it is not part of the first-visit budget).
  whenLoadedAndIdle(() => container.register(SERVICE_WORKER, { scope: './' }).then(
    (registration: ServiceWorkerRegistration | undefined) => {
      // Some embedders (test drivers, kiosk browsers) answer without a registration.
      if (!registration) return;
      offer(registration);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed') offer(registration);
        });
      });
    },
    // Without a service worker the page works as before, only not offline.
    () => {},
  ));
}

function whenLoadedAndIdle(task: () => void): void {
  const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => task(), { timeout: 5_000 }) : setTimeout(task, 1_000));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

/**
 * Whether Flowplay's own service worker (the `sw.js` beside this page) answers this page's requests,
 * and so will answer for the pages it frames, with the headers it gives them.
 */
export function servedByFlowplayWorker(container: ServiceWorkerContainer | undefined = navigator.serviceWorker, base: string = document.baseURI): boolean {
  const controller = container?.controller;
  return !!controller && controller.scriptURL === new URL(SERVICE_WORKER, base).href;
}
