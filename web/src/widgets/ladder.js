// The ladder drawing's view: zoom (buttons, Ctrl/⌘ + wheel, a touchpad's
// or two fingers' pinch), panning by dragging, the lane labels and level
// headers kept in view while panned, the highlighted route brought into
// view, and what the drawing shows as an SVG or PNG file.
// widgets/ladder.rs draws the drawing and decides everything else; this
// is plain DOM work on what it drew, kept out of the page's WebAssembly,
// which must stay small.
//
// The stylesheet fits the drawing to its box; zoomed, `.ladder-wrap` has
// `data-zoom` and the drawing's width in `--zoom-w`.

const MIN = 0.25; // zoom range, as shares of the drawing's natural size
const MAX = 5;
const STEP = 1.25; // one button press

function parts(frame) {
  const wrap = frame.querySelector('.ladder-wrap');
  const svg = wrap?.querySelector('svg');
  return svg ? { wrap, svg, natural: Number(svg.getAttribute('width')) } : null;
}

const width = (svg) => svg.getBoundingClientRect().width;

// Moves the lane labels right and the level headers down by as much as the
// drawing is panned, so both stay in view.
function pin({ wrap, svg, natural }) {
  const k = width(svg) / natural;
  // A drawing not shown (its workspace hidden, as at a tab switch) has no
  // width: there is nothing to keep in view, and 0 / 0 would be NaN.
  if (!(k > 0 && Number.isFinite(k))) return;
  const x = wrap.scrollLeft / k;
  const y = wrap.scrollTop / k;
  for (const [group, dx, dy] of [['.lane-labels', x, 0], ['.level-labels', 0, y], ['.corner', x, y]]) {
    svg.querySelector(group)?.setAttribute('transform', `translate(${dx.toFixed(1)} ${dy.toFixed(1)})`);
  }
}

// Zooms by `factor` (0: back to fit), keeping the point (x, y) of the box
// (its middle when not given) where it is.
function zoom(p, factor, x = p.wrap.clientWidth / 2, y = p.wrap.clientHeight / 2) {
  const { wrap, svg, natural } = p;
  const before = width(svg);
  if (factor) {
    const w = Math.min(Math.max(before * factor, natural * MIN), natural * MAX);
    wrap.style.setProperty('--zoom-w', `${Math.round(w)}px`);
    wrap.dataset.zoom = '';
  } else {
    delete wrap.dataset.zoom;
  }
  const ratio = width(svg) / before;
  wrap.scrollLeft = (wrap.scrollLeft + x) * ratio - x;
  wrap.scrollTop = (wrap.scrollTop + y) * ratio - y;
  pin(p);
}

// Called on every draw of the drawing (widgets/ladder.rs, and the
// editor's web/editor/src/app.rs). Once it is on
// the page: listen on a new frame, and bring the highlighted roles into
// view when they changed (Mijn groeipad's route, a finding's roles).
let listening = null;
let shown = '';
// A mouse drag on a zoomed drawing; its click picks nothing. (The page's
// own listeners catch clicks on their way down, so this one listens on the
// window, which comes first.)
let drag = null;
window.addEventListener('click', (e) => {
  if (drag?.moved) e.stopPropagation();
}, true);
// The page's drawing, or the drawing inside `root` (the ladder editor,
// a module of its own, calls this file's own copy with its root).
export function drawn(root) {
  requestAnimationFrame(() => {
    const frame = root
      ? root.querySelector('.ladder-frame')
      : [...document.querySelectorAll('.ladder-frame')].find((f) => !f.closest('.editor'));
    if (!frame) return;
    if (frame !== listening) {
      listening = frame;
      listen(frame);
    }
    const route = [...frame.querySelectorAll('.ladder-wrap g.role.highlighted')].map((g) => g.dataset.role).join(' ');
    if (route !== shown) reveal(frame);
    shown = route;
  });
}

function listen(frame) {
  const wrap = frame.querySelector('.ladder-wrap');
  const at = (e) => {
    const r = wrap.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  frame.addEventListener('click', (e) => {
    const button = e.target.closest('[data-zoom-by]');
    const p = parts(frame);
    if (button && p) zoom(p, Number(button.dataset.zoomBy));
    const download = e.target.closest('[data-download]')?.dataset.download;
    if (download && p) save(file(p.svg), download);
    if (e.target.closest('[data-show-table]')) {
      const table = document.querySelector('details.ladder-table');
      table.open = true;
      table.scrollIntoView();
      table.querySelector('summary').focus();
    }
  });
  // Ctrl/⌘ + wheel, and a touchpad's pinch (which comes as Ctrl + wheel).
  wrap.addEventListener('wheel', (e) => {
    const p = parts(frame);
    if (!(e.ctrlKey || e.metaKey) || !p) return;
    e.preventDefault();
    zoom(p, Math.min(Math.max(1 - e.deltaY / 400, 0.8), STEP), ...at(e));
  }, { passive: false });
  // Two fingers: zoom by how much further apart they moved.
  let apart = 0;
  const pinch = (e) => {
    const [a, b] = e.touches;
    const p = parts(frame);
    if (!b || !p) {
      apart = 0;
      return;
    }
    const now = Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY);
    if (e.type === 'touchmove' && apart > 0) {
      zoom(p, now / apart, ...at({ clientX: (a.clientX + b.clientX) / 2, clientY: (a.clientY + b.clientY) / 2 }));
    }
    apart = now;
  };
  wrap.addEventListener('touchstart', pinch, { passive: true });
  wrap.addEventListener('touchmove', pinch, { passive: true });
  // Dragging with the mouse pans a zoomed drawing; a drag is not a click.
  wrap.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse' && e.button === 0 && 'zoom' in wrap.dataset) {
      drag = { x: e.clientX, y: e.clientY, left: wrap.scrollLeft, top: wrap.scrollTop, moved: false };
    }
  });
  wrap.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    drag.moved ||= Math.abs(dx) + Math.abs(dy) > 4;
    if (drag.moved) {
      wrap.scrollLeft = drag.left - dx;
      wrap.scrollTop = drag.top - dy;
    }
  });
  // (The click that ends a drag comes after pointerup, in the same task.)
  wrap.addEventListener('pointerup', () => setTimeout(() => { drag = null; }));
  wrap.addEventListener('pointerleave', () => { drag = null; });
  wrap.addEventListener('scroll', () => {
    const p = parts(frame);
    if (p) pin(p);
  }, { passive: true });
}

// Pans, and zooms out if need be, so that every highlighted role is in the
// drawing's box, clear of the pinned lane labels and level headers
// (Mijn groeipad's route, goal included).
function reveal(frame) {
  const p = parts(frame);
  const roles = frame.querySelectorAll('.ladder-wrap g.role.highlighted');
  const corner = frame.querySelector('.ladder-wrap .corner rect');
  if (!p || roles.length === 0 || !corner) return;
  const { wrap, svg } = p;
  const box = wrap.getBoundingClientRect();
  const ox = box.left + wrap.clientLeft - wrap.scrollLeft;
  const oy = box.top + wrap.clientTop - wrap.scrollTop;
  let [l, t, r, b] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const role of roles) {
    const rect = role.getBoundingClientRect();
    l = Math.min(l, rect.left - ox);
    t = Math.min(t, rect.top - oy);
    r = Math.max(r, rect.right - ox);
    b = Math.max(b, rect.bottom - oy);
  }
  // The room beside the labels and under the headers.
  const { width: label, height: header } = corner.getBoundingClientRect();
  const [w, h] = [wrap.clientWidth - label, wrap.clientHeight - header];
  const shrink = Math.min(w / (r - l + 24), h / (b - t + 24), 1);
  const [left, top] = [wrap.scrollLeft + label, wrap.scrollTop + header];
  if (shrink >= 1 && l >= left && r <= left + w && t >= top && b <= top + h) return;
  const before = width(svg);
  if (shrink < 1) zoom(p, shrink);
  const ratio = width(svg) / before;
  wrap.scrollLeft = ((l + r) / 2 - label) * ratio - w / 2;
  wrap.scrollTop = ((t + b) / 2 - header) * ratio - h / 2;
  pin(p);
}

// The drawing as an SVG file that stands alone: what it shows, without the
// labels' panning, with the drawing's stylesheet inside.
function file(svg) {
  const copy = svg.cloneNode(true);
  for (const g of copy.querySelectorAll('.lane-labels, .level-labels, .corner')) g.removeAttribute('transform');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = [...document.styleSheets]
    .filter((sheet) => sheet.href?.endsWith('/ladder.css'))
    .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
    .join('\n');
  copy.querySelector('title').after(style);
  return new XMLSerializer().serializeToString(copy);
}

function offer(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

// Offers the drawing as functiehuis.svg, or as functiehuis.png at twice its
// size (the SVG drawn on a canvas in this browser).
function save(svg, kind) {
  const blob = new Blob([svg], { type: 'image/svg+xml' });
  if (kind === 'svg') {
    offer(blob, 'functiehuis.svg');
    return;
  }
  const url = URL.createObjectURL(blob);
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * 2;
    canvas.height = image.naturalHeight * 2;
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(url);
    canvas.toBlob((png) => offer(png, 'functiehuis.png'), 'image/png');
  };
  image.src = url;
}
