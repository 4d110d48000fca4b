// The bridge between the page and the Besprekingen room, which is a
// WebAssembly module of its own (web/calendar), loaded from this same
// origin the first time the room is opened: a visit that never plans
// reviews does not download it.
//
// The page calls `doorgroeiCalendar(place, lang, ladder, ladderName,
// roster, rosterName)` with an empty element of its own (`place`) whenever
// the room is shown or the language, the ladder or the roster changes. The
// room lives in one element of this file's (`host`), moved into the page's
// place each time, so that it keeps its settings between visits to the tab.

let loading = null;
let host = null;

const TEXTS = {
  nl: { wait: 'De besprekingen worden geladen…', failed: 'De besprekingen konden niet worden geladen: ' },
  en: { wait: 'Loading the reviews…', failed: 'The reviews could not be loaded: ' },
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

globalThis.doorgroeiCalendar = async (place, lang, ladder, ladderName, roster, rosterName) => {
  const texts = TEXTS[lang] ?? TEXTS.nl;
  if (!host) {
    host = document.createElement('div');
    host.className = 'room-host';
    host.append(line('busy', 'status', texts.wait, true));
  }
  if (host.parentNode !== place) place.append(host);
  let module;
  try {
    loading ??= import('./doorgroei_calendar.js').then(async (m) => {
      await m.default();
      return m;
    });
    module = await loading;
  } catch (error) {
    loading = null;
    console.error('doorgroei: the Besprekingen module did not load', error);
    host.replaceChildren(line('problem', 'alert', texts.failed + error, false));
    return;
  }
  module.show(host, lang, ladder, ladderName, roster ?? undefined, rosterName ?? undefined);
};
