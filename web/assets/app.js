// orgnet explorer: the page's behaviour. Plain JavaScript, no build step.
'use strict';

const S = {
  lang: localStorage.getItem('orgnet.lang') || 'en',
  labels: {},
  limits: {},
  presets: [],
  preset: '',
  groups: [],
  values: {},    // path -> value changed on top of the preset (text form)
  session: '',
  state: null,
  version: -1,
  loading: {},   // chart name -> true while an image loads
  dilemma: null,
  paramIndex: {}, // path -> param view (of the current preset)
};
const CHARTS = ['orientation', 'value', 'trust_legitimacy', 'partners', 'network'];
const $ = (id) => document.getElementById(id);
const t = (k) => S.labels[k] || k;

async function api(method, path, body) {
  const opt = { method, headers: {} };
  if (body !== undefined) {
    opt.headers['Content-Type'] = 'application/json';
    opt.body = JSON.stringify(body);
  }
  const r = await fetch(path, opt);
  if (r.status === 204) return null;
  let data = null;
  try { data = await r.json(); } catch (e) { /* not JSON */ }
  if (!r.ok) {
    const err = new Error((data && data.error) || r.statusText);
    err.status = r.status;
    throw err;
  }
  return data;
}

function showMessage(msg) {
  const m = $('message');
  if (!msg) { m.hidden = true; m.textContent = ''; return; }
  m.textContent = msg;
  m.hidden = false;
}

function applyLabels() {
  document.documentElement.lang = S.lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    const k = el.getAttribute('data-i18n');
    if (S.labels[k]) el.textContent = S.labels[k];
  });
  document.querySelectorAll('.lang button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === S.lang)));
  const sp = $('speed');
  const cur = sp.value;
  sp.innerHTML = '';
  for (const v of S.limits.speeds || []) {
    const o = document.createElement('option');
    o.value = String(v);
    o.textContent = v === 0 ? t('web.speed.max') : t('web.speed.weeks').replace('%d', v);
    sp.appendChild(o);
  }
  sp.value = cur || '52';
}

async function loadLang() {
  const c = await api('GET', '/api/catalogue?lang=' + S.lang);
  S.labels = c.labels;
  S.limits = c.limits;
  applyLabels();
  const p = await api('GET', '/api/presets?lang=' + S.lang);
  S.presets = p.presets;
  if (!S.preset) S.preset = p.default;
  for (const id of ['preset', 'a-preset', 'b-preset']) fillPresets($(id), id === 'preset' ? S.preset : $(id).value || S.preset);
}

function fillPresets(sel, value) {
  sel.innerHTML = '';
  for (const kind of ['case', 'scenario']) {
    const g = document.createElement('optgroup');
    g.label = t(kind === 'case' ? 'web.cases' : 'web.scenarios');
    for (const p of S.presets.filter((x) => x.kind === kind)) {
      const o = document.createElement('option');
      o.value = p.name;
      o.textContent = p.name;
      g.appendChild(o);
    }
    sel.appendChild(g);
  }
  sel.value = value;
}

function presetInfo(name) { return S.presets.find((p) => p.name === name) || { title: '', question: '' }; }

async function loadParams(keepValues) {
  const d = await api('GET', `/api/params?preset=${encodeURIComponent(S.preset)}&lang=${S.lang}`);
  $('preset-title').textContent = d.title;
  $('preset-question').textContent = d.question;
  if (!keepValues) {
    S.values = {};
    $('years').value = d.years;
    $('seed').value = d.seed;
  }
  S.groups = d.groups;
  S.paramIndex = {};
  for (const g of d.groups) for (const p of g.params) S.paramIndex[p.path] = p;
  renderParams();
  refreshDilemmaTitles();
}

function fmt(x) {
  const n = Number(x);
  if (!isFinite(n)) return String(x);
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 1000) / 1000);
}

function renderParams() {
  const root = $('params');
  const open = {};
  root.querySelectorAll('details').forEach((d) => { open[d.dataset.key] = d.open; });
  root.innerHTML = '';
  S.groups.forEach((g, gi) => {
    const det = document.createElement('details');
    det.className = 'card group';
    det.dataset.key = g.key;
    det.open = g.key in open ? open[g.key] : gi < 2;
    const sum = document.createElement('summary');
    sum.textContent = g.title;
    det.appendChild(sum);
    for (const p of g.params) det.appendChild(paramRow(p));
    root.appendChild(det);
  });
}

function paramRow(p) {
  const row = document.createElement('div');
  row.className = 'param';
  row.dataset.path = p.path;
  const value = p.path in S.values ? S.values[p.path] : p.value;
  if (p.path in S.values && S.values[p.path] !== p.value) row.classList.add('changed');
  const head = document.createElement('div');
  head.className = 'phead';
  const lab = document.createElement('label');
  lab.textContent = p.label;
  lab.htmlFor = 'p-' + p.path;
  head.appendChild(lab);
  let input;
  if (p.kind === 'boolean') {
    input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = value === 'true';
    input.id = 'p-' + p.path;
    head.appendChild(input);
    input.addEventListener('change', () => setParam(p, input.checked ? 'true' : 'false'));
  } else if (p.kind === 'choice') {
    input = document.createElement('select');
    input.id = 'p-' + p.path;
    p.choices.forEach((c, i) => {
      const o = document.createElement('option');
      o.value = c;
      o.textContent = p.choice_labels[i];
      input.appendChild(o);
    });
    input.value = value;
    head.appendChild(input);
    input.addEventListener('change', () => setParam(p, input.value));
  } else {
    const out = document.createElement('span');
    out.className = 'pval';
    out.textContent = fmt(value) + (p.unit ? ' ' + p.unit : '');
    head.appendChild(out);
    input = document.createElement('input');
    input.type = 'range';
    input.id = 'p-' + p.path;
    input.min = p.min;
    input.max = p.max;
    input.step = p.step;
    input.value = value;
    input.addEventListener('input', () => { out.textContent = fmt(input.value) + (p.unit ? ' ' + p.unit : ''); });
    input.addEventListener('change', () => setParam(p, fmt(input.value)));
  }
  row.appendChild(head);
  if (p.kind !== 'boolean' && p.kind !== 'choice') row.appendChild(input);
  const m = document.createElement('p');
  m.className = 'meaning';
  m.textContent = p.meaning;
  row.appendChild(m);
  return row;
}

async function setParam(p, v) {
  if (v === p.value) delete S.values[p.path]; else S.values[p.path] = v;
  const row = document.querySelector(`.param[data-path="${CSS.escape(p.path)}"]`);
  if (row) row.classList.toggle('changed', p.path in S.values);
  await setup();
}

function runRequest() {
  return {
    preset: S.preset,
    params: S.values,
    years: Number($('years').value),
    seed: Number($('seed').value),
  };
}

async function ensureSession() {
  if (S.session) return;
  const r = await api('POST', '/api/sessions');
  S.session = r.id;
}

// withSession calls f, opening a new session once if the old one timed out.
async function withSession(f) {
  await ensureSession();
  try {
    return await f();
  } catch (e) {
    if (e.status !== 404) throw e;
    S.session = '';
    await ensureSession();
    await api('POST', `/api/sessions/${S.session}/setup`, runRequest());
    return await f();
  }
}

async function setup() {
  try {
    const st = await withSession(() => api('POST', `/api/sessions/${S.session}/setup`, runRequest()));
    showMessage('');
    update(st);
  } catch (e) {
    showMessage(e.message);
  }
}

async function control(action, extra) {
  try {
    const body = Object.assign({ action, speed: Number($('speed').value) }, extra || {});
    const st = await withSession(() => api('POST', `/api/sessions/${S.session}/control`, body));
    showMessage('');
    update(st);
  } catch (e) {
    showMessage(e.message);
  }
}

function sessionURL(rest) { return `/api/sessions/${S.session}/${rest}`; }

function update(st) {
  S.state = st;
  if (!st.ready) return;
  $('tick').textContent = st.tick;
  $('ticks').textContent = st.ticks;
  $('year').textContent = st.year.toFixed(1);
  $('progress').max = st.ticks;
  $('progress').value = st.tick;
  $('run').disabled = st.running || st.done;
  $('pause').disabled = !st.running;
  $('step').disabled = st.running || st.done;
  document.body.classList.toggle('running', st.running);
  const ol = $('events');
  ol.innerHTML = '';
  for (const e of st.events) {
    const li = document.createElement('li');
    li.innerHTML = '<b></b> <span></span>';
    li.firstChild.textContent = t('web.year') + ' ' + e.year.toFixed(1);
    li.lastChild.textContent = e.label || e.type;
    ol.appendChild(li);
  }
  $('no-events').hidden = st.events.length > 0;
  if (st.version !== S.version) {
    S.version = st.version;
    refreshCharts();
  }
  updateDownloads();
}

function refreshCharts() {
  for (const c of CHARTS) {
    if (S.loading[c]) continue;
    const url = sessionURL(`chart/${c}.svg?lang=${S.lang}&v=${S.version}`);
    const img = new Image();
    S.loading[c] = true;
    img.onload = () => {
      S.loading[c] = false;
      const el = $('chart-' + c);
      el.src = img.src;
      el.dataset.version = String(S.version);
      el.dataset.lang = S.lang;
    };
    img.onerror = () => { S.loading[c] = false; };
    img.src = url;
  }
}

function updateDownloads() {
  if (!S.session) return;
  for (const id of ['dl-csv', 'dl-toml', 'dl-report']) {
    const a = $(id);
    a.href = sessionURL(`download/${a.dataset.file}?lang=${S.lang}`);
  }
  const c = $('dl-chart').value;
  $('dl-svg').href = sessionURL(`download/${c}.svg?lang=${S.lang}`);
  $('dl-png').href = sessionURL(`download/${c}.png?lang=${S.lang}`);
}

async function poll() {
  if (S.session) {
    try {
      const st = await api('GET', sessionURL('state'));
      update(st);
    } catch (e) {
      if (e.status === 404) { S.session = ''; await setup(); }
    }
  }
  setTimeout(poll, S.state && S.state.running ? 250 : 1500);
}

// ---- Dilemma ----

function refreshDilemmaTitles() {
  for (const side of ['a', 'b']) {
    $(side + '-title').textContent = presetInfo($(side + '-preset').value).title;
  }
}

function changeRow(side, path, value) {
  const li = document.createElement('li');
  const sel = document.createElement('select');
  sel.className = 'cpath';
  for (const g of S.groups) {
    const og = document.createElement('optgroup');
    og.label = g.title;
    for (const p of g.params) {
      const o = document.createElement('option');
      o.value = p.path;
      o.textContent = p.label;
      og.appendChild(o);
    }
    sel.appendChild(og);
  }
  if (path) sel.value = path;
  const inp = document.createElement('input');
  inp.className = 'cvalue';
  inp.type = 'text';
  const unit = document.createElement('span');
  unit.className = 'unit';
  const sync = (keep) => {
    const p = S.paramIndex[sel.value];
    if (!p) return;
    if (!keep) inp.value = p.value;
    unit.textContent = p.unit;
    inp.title = p.meaning;
  };
  sel.addEventListener('change', () => sync(false));
  inp.value = value !== undefined ? value : '';
  sync(value !== undefined);
  const rm = document.createElement('button');
  rm.className = 'remove';
  rm.textContent = '×';
  rm.title = t('web.change.remove');
  rm.addEventListener('click', () => li.remove());
  li.append(sel, inp, unit, rm);
  $(side + '-changes').appendChild(li);
}

function sideRequest(side) {
  const params = {};
  document.querySelectorAll(`#${side}-changes li`).forEach((li) => {
    params[li.querySelector('.cpath').value] = li.querySelector('.cvalue').value;
  });
  return { preset: $(side + '-preset').value, params };
}

async function compare() {
  const body = {
    a: sideRequest('a'),
    b: sideRequest('b'),
    years: Number($('d-years').value),
    seed: Number($('d-seed').value),
    replications: Number($('d-reps').value),
  };
  $('compare').disabled = true;
  $('d-busy').hidden = false;
  try {
    const r = await withSession(() => api('POST', sessionURL(`dilemma?lang=${S.lang}`), body));
    showMessage('');
    S.dilemma = r;
    renderDilemma();
  } catch (e) {
    showMessage(e.message);
  } finally {
    $('compare').disabled = false;
    $('d-busy').hidden = true;
  }
}

function renderDilemma() {
  const r = S.dilemma;
  if (!r) return;
  $('d-result').hidden = false;
  const ul = $('d-sentences');
  ul.innerHTML = '';
  for (const s of r.sentences) {
    const li = document.createElement('li');
    li.textContent = s;
    ul.appendChild(li);
  }
  const box = $('d-charts');
  box.innerHTML = '';
  for (const c of r.charts) {
    const f = document.createElement('figure');
    const img = document.createElement('img');
    img.className = 'd-chart';
    img.alt = c;
    img.src = sessionURL(`dilemma/${c}.svg?lang=${S.lang}&v=${r.version}`);
    f.appendChild(img);
    box.appendChild(f);
  }
  $('d-dl-csv').href = sessionURL(`dilemma/compare.csv?lang=${S.lang}`);
  $('d-dl-report').href = sessionURL(`dilemma/report.html?lang=${S.lang}`);
  $('d-dl-a').href = sessionURL('dilemma/a.toml');
  $('d-dl-b').href = sessionURL('dilemma/b.toml');
}

async function redoDilemmaText() {
  if (!S.dilemma) return;
  try {
    const r = await api('GET', sessionURL(`dilemma/result.json?lang=${S.lang}`));
    S.dilemma = r;
    renderDilemma();
  } catch (e) { /* no result kept */ }
}

// ---- Wiring ----

function showView(v) {
  for (const name of ['explore', 'dilemma']) {
    $('view-' + name).hidden = name !== v;
    $('tab-' + name).setAttribute('aria-selected', String(name === v));
  }
}

async function switchLang(l) {
  S.lang = l;
  localStorage.setItem('orgnet.lang', l);
  await loadLang();
  await loadParams(true);
  S.version = -1;
  if (S.state) update(S.state);
  redoDilemmaText();
}

async function main() {
  await loadLang();
  await loadParams(false);
  $('a-preset').value = S.preset;
  $('b-preset').value = S.preset;
  refreshDilemmaTitles();
  await setup();
  poll();

  $('preset').addEventListener('change', async () => {
    S.preset = $('preset').value;
    await loadParams(false);
    await setup();
  });
  $('years').addEventListener('change', setup);
  $('seed').addEventListener('change', setup);
  $('run').addEventListener('click', () => control('run'));
  $('pause').addEventListener('click', () => control('pause'));
  $('step').addEventListener('click', () => control('step', { weeks: 1 }));
  $('reset').addEventListener('click', () => control('reset'));
  $('speed').addEventListener('change', () => { if (S.state && S.state.running) control('run'); });
  $('dl-chart').addEventListener('change', updateDownloads);
  $('save').addEventListener('click', async () => {
    try {
      const r = await withSession(() => api('POST', sessionURL(`save?lang=${S.lang}`)));
      $('saved').textContent = t('web.saved').replace('%s', r.folder);
    } catch (e) { showMessage(e.message); }
  });
  document.querySelectorAll('nav button').forEach((b) => b.addEventListener('click', () => showView(b.dataset.view)));
  document.querySelectorAll('.lang button').forEach((b) => b.addEventListener('click', () => switchLang(b.dataset.lang)));
  for (const side of ['a', 'b']) $(side + '-preset').addEventListener('change', refreshDilemmaTitles);
  document.querySelectorAll('button.add').forEach((b) => b.addEventListener('click', () => changeRow(b.dataset.side)));
  document.querySelectorAll('button.copy').forEach((b) => b.addEventListener('click', () => {
    const side = b.dataset.side;
    $(side + '-preset').value = S.preset;
    $(side + '-changes').innerHTML = '';
    for (const [p, v] of Object.entries(S.values)) changeRow(side, p, v);
    refreshDilemmaTitles();
  }));
  $('compare').addEventListener('click', compare);
  window.addEventListener('pagehide', () => {
    if (S.session) navigator.sendBeacon(sessionURL('close'));
  });
}

main().catch((e) => showMessage(e.message));
