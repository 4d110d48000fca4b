// Runs the matching off the page's main thread, so the page stays responsive
// with large rosters. The same WebAssembly module as the page; nothing is
// fetched from anywhere but this site.
import init, { match_in_worker } from './doorgroei_web.js';

const ready = init();

self.onmessage = async (event) => {
  await ready;
  const { id, ladderName, ladderText, rosterYaml, full } = event.data;
  self.postMessage({ id, result: match_in_worker(ladderName, ladderText, rosterYaml, full) });
};
