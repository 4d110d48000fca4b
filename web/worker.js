// Reads the files the user opens and runs the matching off the page's main
// thread, so the page stays responsive with large rosters. A WebAssembly
// module of its own (doorgroei_worker), loaded only when the page first
// needs it; nothing is fetched from anywhere but this site.
//
// Messages pass through unread: the page sends [number, request as JSON
// text], the module answers the request, and the page gets [number, reply
// as JSON text], or [number, null, error] if the module failed.
import init, { answer } from './doorgroei_worker.js';

const ready = init();

self.onmessage = async (event) => {
  const [id, request] = event.data;
  try {
    await ready;
    self.postMessage([id, answer(request)]);
  } catch (e) {
    self.postMessage([id, null, String(e)]);
  }
};
