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
