// Reads the files the user opens, matches and plans off the page's main
// thread, so the page stays responsive with large rosters. Nothing is
// fetched from anywhere but this site.
//
// The work is done by WebAssembly modules of their own, each fetched with
// a dynamic import() the first time a request needs it:
// - doorgroei_planner: matching, the review schedule and its calendar
//   files;
// - doorgroei_growth: the ladder's scan, a profile file read and its
//   growth plan;
// - doorgroei_files: the files read and written (YAML, CSV, rosters);
// - doorgroei_programme: the review log read and the pairs' status;
// - doorgroei_xlsx: spreadsheets. The files module answers such a file
//   with READ_SHEET; the spreadsheet module reads the sheet the request
//   asks for, and the files module answers again with that sheet.
//
// Messages pass through unread: the page sends [number, module, request as
// JSON text] (the module named by core's exchange::Request::module), the
// module answers the request, and the page gets [number, reply as JSON
// text], or [number, null, error] if a module failed.

// The answer that asks for the spreadsheet module: ImportReply::ReadSheet
// as JSON (a test in core's exchange module checks that it still is).
const READ_SHEET = '{"import":"ReadSheet"}';

const SOURCES = {
  files: './doorgroei_files.js',
  planner: './doorgroei_planner.js',
  growth: './doorgroei_growth.js',
  programme: './doorgroei_programme.js',
  xlsx: './doorgroei_xlsx.js',
};

const loaded = {};

// A module, loaded once; tried again after a failed load.
function load(name) {
  const source = SOURCES[name];
  if (!source) return Promise.reject(new Error(`no module ${name}`));
  loaded[name] ??= import(source).then(async (module) => {
    await module.default();
    return module;
  });
  loaded[name].catch(() => { delete loaded[name]; });
  return loaded[name];
}

self.onmessage = async (event) => {
  const [id, name, request] = event.data;
  try {
    const module = await load(name);
    let reply = module.answer(request);
    if (reply === READ_SHEET) {
      const reader = await load('xlsx');
      reply = module.answer_with_sheet(request, reader.read_sheet(request));
    }
    self.postMessage([id, reply]);
  } catch (e) {
    self.postMessage([id, null, String(e)]);
  }
};
