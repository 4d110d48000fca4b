// Reads roster files and runs the matching off the page's main thread, so
// the page stays responsive with large rosters. The same WebAssembly module
// as the page; nothing is fetched from anywhere but this site.
import init, { import_in_worker, match_in_worker } from './doorgroei_web.js';

const ready = init();

self.onmessage = async (event) => {
  await ready;
  const { kind, id, ladderName, ladderText } = event.data;
  if (kind === 'import') {
    const { fileName, bytes } = event.data;
    self.postMessage({ kind, id, result: import_in_worker(ladderName, ladderText, fileName, bytes) });
  } else {
    const { rosterFile, full } = event.data;
    self.postMessage({ kind, id, result: match_in_worker(ladderName, ladderText, rosterFile, full) });
  }
};
