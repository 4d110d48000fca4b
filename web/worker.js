// Reads the files the user opens and runs the matching off the page's main
// thread, so the page stays responsive with large rosters. A WebAssembly
// module of its own (doorgroei_worker), loaded only when the page first
// needs it; nothing is fetched from anywhere but this site.
import init, {
  read_ladder, read_profile, import_roster, match_roster, migrate, profile_yaml, roster_yaml,
} from './doorgroei_worker.js';

const ready = init();

const answer = {
  ladder: (m) => read_ladder(m.name, m.text),
  profile: (m) => read_profile(m.name, m.text, m.ladder),
  import: (m) => import_roster(m.ladder, m.name, m.bytes),
  match: (m) => match_roster(m.ladder, m.roster, m.full),
  migrate: (m) => migrate(m.name, m.text, m.rosterName || '', m.rosterText || ''),
  write: (m) => (m.what === 'roster' ? roster_yaml(m.json) : profile_yaml(m.json)),
};

self.onmessage = async (event) => {
  const m = event.data;
  try {
    await ready;
    self.postMessage({ kind: m.kind, id: m.id, name: m.name, result: answer[m.kind](m) });
  } catch (e) {
    self.postMessage({ kind: m.kind, id: m.id, name: m.name, error: String(e) });
  }
};
