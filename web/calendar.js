// The bridge between the page and the mentoring programme's rooms
// (Besprekingen and Intervisie), each a WebAssembly module of its own
// (web/calendar, web/intervisie), loaded from this same origin the first
// time the room is opened: a visit that never plans reviews or groups does
// not download them.
//
// The page calls `doorgroeiRoom(place, room, lang, ladder, ladderName,
// roster, rosterName)` with an empty element of its own (`place`) whenever
// the room is shown or the language, the ladder or the roster changes. Each
// room lives in one element of this file's (`hosts[room]`), moved into the
// page's place each time, so that it keeps its state between visits to the
// tab.

// Each room's module, loaded once.
const MODULES = { besprekingen: './doorgroei_calendar.js', intervisie: './doorgroei_intervisie.js' };
const loading = {};
const hosts = {};

const TEXTS = {
  besprekingen: {
    nl: { wait: 'De besprekingen worden geladen…', failed: 'De besprekingen konden niet worden geladen: ' },
    en: { wait: 'Loading the reviews…', failed: 'The reviews could not be loaded: ' },
  },
  intervisie: {
    nl: { wait: 'Intervisie wordt geladen…', failed: 'Intervisie kon niet worden geladen: ' },
    en: { wait: 'Loading intervisie…', failed: 'Intervisie could not be loaded: ' },
  },
};

function line(cls, role, text, progress) {
  const p = document.createElement('p');
  p.className = cls;
  p.setAttribute('role', role);
  if (progress) {
    const bar = document.createElement('progress');
    bar.setAttribute('aria-label', text);
    p.append(bar, ' ');
  }
  p.append(text);
  return p;
}

globalThis.doorgroeiRoom = async (place, room, lang, ladder, ladderName, roster, rosterName) => {
  const texts = (TEXTS[room] ?? TEXTS.besprekingen)[lang] ?? TEXTS.besprekingen.nl;
  let host = hosts[room];
  if (!host) {
    host = hosts[room] = document.createElement('div');
    host.className = 'room-host';
    host.append(line('busy', 'status', texts.wait, true));
  }
  if (host.parentNode !== place) place.append(host);
  let module;
  try {
    loading[room] ??= import(MODULES[room] ?? MODULES.besprekingen).then(async (m) => {
      await m.default();
      return m;
    });
    module = await loading[room];
  } catch (error) {
    loading[room] = null;
    console.error(`doorgroei: the module of the ${room} room did not load`, error);
    host.replaceChildren(line('problem', 'alert', texts.failed + error, false));
    return;
  }
  module.show(host, lang, ladder, ladderName, roster ?? undefined, rosterName ?? undefined);
};
