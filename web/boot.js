// Starts the WebAssembly app. A separate file, so the page needs no inline script.
import init from './doorgroei_web.js';
// The bridge to the ladder editor, which it loads only when it is opened.
import './editor.js';
// The bridge to the Besprekingen room, which it loads only when it is opened.
import './calendar.js';

init().catch((error) => {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = 'Doorgroei kon niet starten / could not start: ' + error;
  document.body.append(p);
});

// The service worker (web/sw.js) keeps this build's files for offline use.
// When a newer build is deployed, it is offered, never mixed in: the page
// says so and reloads into it when asked.
const UPDATE = {
  nl: { text: 'Er is een nieuwe versie van Doorgroei.', button: 'Nu bijwerken' },
  en: { text: 'There is a new version of Doorgroei.', button: 'Update now' },
};

function offer(waiting) {
  if (document.querySelector('.update-offer')) return;
  const texts = UPDATE[document.documentElement.lang] ?? UPDATE.nl;
  const bar = document.createElement('div');
  bar.className = 'update-offer';
  bar.setAttribute('role', 'status');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = texts.button;
  button.addEventListener('click', () => waiting.postMessage('update'));
  bar.append(texts.text, ' ', button);
  document.body.append(bar);
}

if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('./sw.js').then((registration) => {
    const watch = (worker) => {
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      });
    };
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    if (registration.installing) watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
  }).catch((error) => console.warn('doorgroei: no offline copy', error));
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only when the page asked for the new build (a first visit's worker
    // taking over changes nothing the page shows).
    if (document.querySelector('.update-offer') && !reloading) {
      reloading = true;
      window.location.reload();
    }
  });
}
