/* Interleave report: sorting, filters, keyboard moves and lazily opened details.
   Inlined into index.html; plain ES2020, no dependencies, works from file://. */
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const grid = $('grid');
  const tbody = grid.tBodies[0];
  const rows = Array.from(tbody.rows);
  const problemIds = Array.from(grid.tHead.rows[0].cells).slice(1, -1).map((th) => th.dataset.id);
  let blobs;

  // Only one cell of the matrix is in the tab order; arrow keys move within it (roving tabindex).
  const cells = grid.querySelectorAll('tbody .who, tbody .c');
  grid.querySelectorAll('tbody .who').forEach((b) => b.setAttribute('aria-controls', 'panel'));
  cells.forEach((el, i) => (el.tabIndex = i === 0 ? 0 : -1));
  let current = cells[0];
  function focusCell(el) {
    if (!el) return;
    if (current) current.tabIndex = -1;
    el.tabIndex = 0;
    current = el;
    el.focus();
  }

  // --- details: each student's panel is gzip'd HTML in the #details blob, inflated on demand
  // into a side panel. Kept out of the matrix table: inserting a row there re-lays out all of it.
  const panel = $('panel');
  const panelBody = $('panel-body');
  const inflated = new Map();
  let shownRow = null;
  let opener = null;

  async function detailHtml(i) {
    if (inflated.has(i)) return inflated.get(i);
    blobs = blobs || JSON.parse($('details').textContent);
    if (typeof DecompressionStream === 'undefined') throw new Error('this browser has no DecompressionStream');
    const bin = atob(blobs[i]);
    const bytes = new Uint8Array(bin.length);
    for (let k = 0; k < bin.length; k++) bytes[k] = bin.charCodeAt(k);
    const html = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    inflated.set(i, html);
    return html;
  }

  let opening = 0;
  async function open(tr, problem) {
    if (shownRow && shownRow !== tr) mark(shownRow, false);
    shownRow = tr;
    mark(tr, true);
    panel.hidden = false;
    const ticket = ++opening;
    let html;
    try {
      html = await detailHtml(Number(tr.dataset.i));
    } catch (e) {
      html = null;
      panelBody.textContent = 'Could not open these details (' + e.message + '); results.json holds them.';
    }
    if (ticket !== opening) return; // another student was asked for meanwhile
    if (html !== null) panelBody.innerHTML = html;
    history.replaceState(null, '', '#student=' + encodeURIComponent(tr.dataset.name) + (problem === undefined ? '' : '&problem=' + encodeURIComponent(problemIds[problem])));
    const target = (problem !== undefined && $('s' + tr.dataset.i + '-p' + problem)) || panelBody.querySelector('h3');
    panel.scrollTop = 0;
    if (target) {
      target.tabIndex = -1;
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }

  function close() {
    if (!shownRow) return;
    mark(shownRow, false);
    shownRow = null;
    panel.hidden = true;
    panelBody.textContent = '';
    history.replaceState(null, '', location.pathname + location.search);
    if (opener) opener.focus();
  }

  function mark(tr, on) {
    tr.classList.toggle('sel', on);
    tr.querySelector('.who').setAttribute('aria-expanded', String(on));
  }

  function step(dir) {
    if (!shownRow) return;
    const shown = rows.filter((r) => !r.hidden);
    const next = shown[shown.indexOf(shownRow) + dir];
    if (next) {
      opener = next.querySelector('.who');
      open(next);
    }
  }
  $('panel-close').addEventListener('click', close);
  $('panel-prev').addEventListener('click', () => step(-1));
  $('panel-next').addEventListener('click', () => step(1));
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });

  tbody.addEventListener('click', (e) => {
    const el = e.target.closest('.who, .c');
    if (!el || !tbody.contains(el)) return;
    const tr = el.closest('tr');
    opener = el;
    if (el.classList.contains('who')) {
      if (shownRow === tr) close();
      else open(tr);
    } else if (!el.classList.contains('none')) open(tr, Number(el.dataset.p));
    if (current) current.tabIndex = -1;
    el.tabIndex = 0;
    current = el;
  });

  tbody.addEventListener('keydown', (e) => {
    const el = e.target;
    if (!el.matches || !el.matches('.who, .c')) return;
    const cell = el.closest('td, th');
    const tr = cell.parentElement;
    const visible = (c) => c && c.offsetParent !== null;
    const pick = (row, col, step) => {
      for (let k = col; k >= 0 && k < row.cells.length; k += step) if (visible(row.cells[k])) return row.cells[k].querySelector('.who, .c');
      return null;
    };
    const sibling = (dir) => {
      const shown = rows.filter((r) => !r.hidden);
      return shown[shown.indexOf(tr) + dir];
    };
    let target = null;
    if (e.key === 'ArrowRight') target = pick(tr, cell.cellIndex + 1, 1);
    else if (e.key === 'ArrowLeft') target = pick(tr, cell.cellIndex - 1, -1);
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const r = sibling(e.key === 'ArrowDown' ? 1 : -1);
      target = r && (pick(r, cell.cellIndex, -1) || pick(r, cell.cellIndex, 1));
    } else if (e.key === 'Home') target = pick(tr, 0, 1);
    else if (e.key === 'End') target = pick(tr, tr.cells.length - 1, -1);
    else return;
    e.preventDefault();
    focusCell(target);
  });

  // --- sorting: stable, so equal rows keep the order of results.json.
  const state = { key: null, dir: 1 };
  grid.tHead.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-sort]');
    if (!b) return;
    const key = b.dataset.sort;
    state.dir = state.key === key ? -state.dir : 1;
    state.key = key;
    const value = (tr) =>
      key === 'name' ? tr.dataset.name : key === 'total' ? Number(tr.dataset.t) : Number(tr.cells[Number(key) + 1].dataset.s);
    rows.sort((a, b2) => {
      const x = value(a);
      const y = value(b2);
      const c = typeof x === 'string' ? x.localeCompare(y, undefined, { numeric: true, sensitivity: 'base' }) : x - y;
      return c * state.dir || a.dataset.i - b2.dataset.i;
    });
    const frag = document.createDocumentFragment();
    for (const tr of rows) frag.appendChild(tr);
    tbody.appendChild(frag);
    for (const th of grid.tHead.rows[0].cells) th.setAttribute('aria-sort', 'none');
    b.parentElement.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
  });

  // --- filters: by name, by verdict, and by problem (which also hides the other columns).
  const name = $('f-name');
  const verdict = $('f-verdict');
  const problem = $('f-problem');
  const matches = (v, want) => (want === 'fail' ? v !== 'AC' && v !== 'none' : v === want);
  function filter() {
    const q = name.value.trim().toLowerCase();
    const want = verdict.value;
    const p = problem.value;
    let shown = 0;
    for (const tr of rows) {
      let ok = !q || tr.dataset.name.toLowerCase().includes(q);
      if (ok && want) {
        ok = p === '' ? tr.dataset.v.split(' ').some((v) => matches(v, want)) : matches(tr.cells[Number(p) + 1].dataset.v, want);
      }
      tr.hidden = !ok;
      if (ok) shown++;
    }
    const col = Number(p) + 2;
    $('col-style').textContent =
      p === '' ? '' : `#grid tr > :nth-child(n+2):not(:nth-child(${col})):not(:last-child) { display: none; }`;
    $('status').textContent = `Showing ${shown} of ${rows.length} students`;
  }
  name.addEventListener('input', filter);
  verdict.addEventListener('change', filter);
  problem.addEventListener('change', filter);
  filter();

  // --- copy buttons (replay commands); the Clipboard API, or a selection where it is refused.
  document.addEventListener('click', async (e) => {
    const b = e.target.closest('[data-copy]');
    if (!b) return;
    let ok = false;
    try {
      await navigator.clipboard.writeText(b.dataset.copy);
      ok = true;
    } catch {
      const ta = document.createElement('textarea');
      ta.value = b.dataset.copy;
      ta.style.position = 'fixed';
      ta.style.opacity = '0';
      document.body.appendChild(ta);
      ta.select();
      ok = document.execCommand('copy');
      ta.remove();
    }
    b.textContent = ok ? 'Copied' : 'Select and copy';
    $('status').textContent = ok ? 'Replay command copied' : 'Could not copy; select the command instead';
    setTimeout(() => (b.textContent = 'Copy'), 1600);
  });

  // --- a trace row shows its line in the learner's code beside the trace.
  function showLine(tr) {
    const failure = tr.closest('.failure');
    const li = failure && failure.querySelectorAll('.src > li')[Number(tr.dataset.line) - 1];
    if (!li) return;
    failure.querySelectorAll('.src > li.at, .swim tr.at').forEach((x) => x.classList.remove('at'));
    li.classList.add('at');
    tr.classList.add('at');
    // Centre the line in the code pane (offsetTop would be measured from the wrong ancestor).
    const box = li.closest('.code-wrap');
    box.scrollTop += li.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 2;
  }
  document.addEventListener('click', (e) => {
    const tr = e.target.closest('.swim tr[data-line]');
    if (tr) showLine(tr);
  });
  document.addEventListener('keydown', (e) => {
    const tr = e.target.closest && e.target.closest('.swim tr[data-line]');
    if (tr && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      showLine(tr);
    }
  });

  // --- deep links: #student=ben&problem=foobar opens that submission (on load and when the hash changes).
  function follow() {
    const link = new URLSearchParams(location.hash.slice(1));
    const tr = rows.find((r) => r.dataset.name === link.get('student'));
    if (!tr) return;
    const p = problemIds.indexOf(link.get('problem'));
    opener = tr.querySelector('.who');
    open(tr, p < 0 ? undefined : p);
  }
  window.addEventListener('hashchange', follow);
  follow();
})();
