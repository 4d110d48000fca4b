// The bridge between the page and the rooms in WebAssembly modules of
// their own: the mentoring programme's (Besprekingen and Intervisie:
// web/calendar, web/intervisie) and Mijn groeipad (web/groeipad), each
// loaded from this same origin the first time the room is opened: a visit
// that never plans reviews or groups, or never looks at a growth path,
// does not download them.
//
// The page calls `doorgroeiRoom(place, room, lang, ladder, ladderName,
// roster, rosterName)` with an empty element of its own (`place`) whenever
// the room is shown or the language, the ladder or the roster changes. Each
// room lives in one element of this file's (`hosts[room]`), moved into the
// page's place each time, so that it keeps its state between visits to the
// tab. Mijn groeipad is shown with `doorgroeiGrowth(place, lang, ladder,
// ladderName, profile, onProfile)`: the profile the page keeps (a profile
// file's JSON form, or null), and `onProfile(json)`, which the room calls
// with each change of it.

// Each room's module, loaded once.
const MODULES = {
  besprekingen: './doorgroei_calendar.js',
  intervisie: './doorgroei_intervisie.js',
  groeipad: './doorgroei_groeipad.js',
};
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
  groeipad: {
    nl: { wait: 'Mijn groeipad wordt geladen…', failed: 'Mijn groeipad kon niet worden geladen: ' },
    en: { wait: 'Loading my growth path…', failed: 'My growth path could not be loaded: ' },
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

// The room's module, loaded once, in its element (`hosts[room]`), which
// is put in `place`; none when it did not load (the element says why).
async function load(place, room, lang) {
  const texts = (TEXTS[room] ?? TEXTS.besprekingen)[lang] ?? TEXTS.besprekingen.nl;
  let host = hosts[room];
  if (!host) {
    host = hosts[room] = document.createElement('div');
    host.className = 'room-host';
    host.append(line('busy', 'status', texts.wait, true));
  }
  if (host.parentNode !== place) place.append(host);
  try {
    loading[room] ??= import(MODULES[room] ?? MODULES.besprekingen).then(async (m) => {
      await m.default();
      return m;
    });
    return { host, module: await loading[room] };
  } catch (error) {
    loading[room] = null;
    console.error(`doorgroei: the module of the ${room} room did not load`, error);
    host.replaceChildren(line('problem', 'alert', texts.failed + error, false));
    return null;
  }
}

globalThis.doorgroeiRoom = async (place, room, lang, ladder, ladderName, roster, rosterName) => {
  const loaded = await load(place, room, lang);
  loaded?.module.show(loaded.host, lang, ladder, ladderName, roster ?? undefined, rosterName ?? undefined);
};

globalThis.doorgroeiGrowth = async (place, lang, ladder, ladderName, profile, onProfile) => {
  const loaded = await load(place, 'groeipad', lang);
  loaded?.module.show(loaded.host, lang, ladder, ladderName, profile ?? undefined, onProfile);
};
