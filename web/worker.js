// Reads the files the user opens and runs the matching off the page's main
// thread, so the page stays responsive with large rosters. A WebAssembly
// module of its own (doorgroei_worker), loaded only when the page first
// needs it; nothing is fetched from anywhere but this site.
//
// Messages pass through unread: the page sends [number, request as JSON
// text], the module answers the request, and the page gets [number, reply
// as JSON text], or [number, null, error] if a module failed.
//
// Spreadsheets are read by a third module (doorgroei_xlsx), fetched with a
// dynamic import() the first time a spreadsheet is opened: the worker's
// module answers such a file with READ_SHEET, the spreadsheet module reads
// the sheet the request asks for, and the worker's module answers again
// with that sheet.
import init, { answer, answer_with_sheet } from './doorgroei_worker.js';

const ready = init();

// The answer that asks for the spreadsheet module: ImportReply::ReadSheet
// as JSON (a test in core's exchange module checks that it still is).
const READ_SHEET = '{"import":"ReadSheet"}';

let spreadsheets = null;

// The spreadsheet module, loaded once; tried again after a failed load.
function spreadsheetReader() {
  spreadsheets ??= import('./doorgroei_xlsx.js').then(async (module) => {
    await module.default();
    return module;
  });
  spreadsheets.catch(() => { spreadsheets = null; });
  return spreadsheets;
}

self.onmessage = async (event) => {
  const [id, request] = event.data;
  try {
    await ready;
    let reply = answer(request);
    if (reply === READ_SHEET) {
      const reader = await spreadsheetReader();
      reply = answer_with_sheet(request, reader.read_sheet(request));
    }
    self.postMessage([id, reply]);
  } catch (e) {
    self.postMessage([id, null, String(e)]);
  }
};
