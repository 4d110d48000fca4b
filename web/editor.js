// The bridge between the page and the ladder editor ("Bewerken" in
// Functiehuis). The editor is a WebAssembly module of its own
// (web/editor), loaded from this same origin the first time it is opened,
// so a visit that never edits does not download it. It is shown in an
// element of its own, outside the page's yew tree.
//
// The page calls `doorgroeiEdit(ladderJson, fileName, lang)`; the editor
// calls back `apply(yaml, name)`, which gives the draft to the page's own
// ladder file input as a file opened (the page reads, checks, saves, scans
// and draws it as any ladder file), and `close()`.

const DRAFT = 'doorgroei.concept';
let editor = null;
let opener = null;
let applying = false;
// The last ladder file opened on the page, as text: the editor says
// before a download whether its comments are lost.
let opened = null;

function host() {
  let el = document.getElementById('editor-host');
  if (!el) {
    el = document.createElement('div');
    el.id = 'editor-host';
    el.hidden = true;
    document.body.append(el);
    // A finger on a role draws a step (web/editor's pointer events), so
    // it does not pan the drawing; elsewhere it pans as usual.
    el.addEventListener('touchmove', (e) => {
      if (e.touches.length === 1 && e.target.closest?.('.ladder-wrap g.role')) e.preventDefault();
    }, { passive: false });
  }
  return el;
}

// While the editor is open, the page under it takes no focus or clicks.
function cover(on) {
  for (const el of document.body.children) {
    if (el.id !== 'editor-host' && el.tagName !== 'SCRIPT') el.inert = on;
  }
}

function close() {
  host().hidden = true;
  cover(false);
  document.body.classList.remove('editing');
  if (opener?.isConnected) opener.focus();
}

function ladderInput() {
  return document.querySelector('.toolbar input[type=file]');
}

function apply(yaml, name) {
  const input = ladderInput();
  if (!input) return;
  const data = new DataTransfer();
  data.items.add(new File([yaml], name, { type: 'text/yaml' }));
  input.files = data.files;
  applying = true;
  try {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  } finally {
    applying = false;
  }
  close();
}

globalThis.doorgroeiEdit = async (json, name, lang) => {
  opener = document.activeElement;
  try {
    if (!editor) {
      const module = await import('./doorgroei_editor.js');
      await module.default();
      editor = module;
    }
  } catch (error) {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = (lang === 'en' ? 'The editor could not start: ' : 'De editor kon niet starten: ') + error;
    document.querySelector('.toolbar')?.append(p);
    return;
  }
  const el = host();
  el.hidden = false;
  cover(true);
  document.body.classList.add('editing');
  const original = opened?.name === name ? opened.text : undefined;
  editor.mount(el, json, name, lang, apply, close, original);
};

// Opening a ladder file on the page while the editor's draft has changes:
// ask first (the draft stays kept under its own key either way).
document.addEventListener('change', (e) => {
  if (applying || e.target !== ladderInput() || !e.target.files?.length) return;
  const file = e.target.files[0];
  file.text().then((text) => {
    opened = { name: file.name, text };
  }, () => {});
  let draft = null;
  try {
    draft = JSON.parse(localStorage.getItem(DRAFT));
  } catch {
    return;
  }
  if (!draft || JSON.stringify(draft.base) === JSON.stringify(draft.draft)) return;
  const en = document.documentElement.lang === 'en';
  const ask = en
    ? 'The ladder editor has a draft with changes. It stays kept: "Edit" takes you back to it. Open this file on the page?'
    : 'De editor heeft een concept met wijzigingen. Het blijft bewaard: met "Bewerken" ga je er verder mee. Dit bestand openen op de pagina?';
  if (!window.confirm(ask)) {
    e.stopImmediatePropagation();
    e.target.value = '';
  }
}, true);
