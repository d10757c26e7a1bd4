// orgnet explorer: the page's behaviour. Plain JavaScript, no build step.
'use strict';

const Q = new URLSearchParams(location.search);
const S = {
  lang: Q.get('lang') || localStorage.getItem('orgnet.lang') || 'en',
  labels: {},
  limits: {},
  metrics: [],   // metric names the server records, in column order
  presets: [],
  preset: '',
  shownPreset: '', // the preset whose run is on screen
  groups: [],
  values: {},    // path -> value changed on top of the preset (text form)
  session: '',
  state: null,
  version: -1,
  loading: {},   // chart name -> true while an image loads
  dilemma: null,
  paramIndex: {}, // path -> param view (of the current preset)
  series: null,  // {setup, to, metrics: {name: {run, mean, lo, hi, base}}}
  net: null,     // {setup, orgs, levels, frames}
  cursor: null,  // week shown; null: follow the run
  playing: null, // timer of a replay
  present: Q.get('present') === '1',
  base: '',      // baseline preset of the run on screen
  fetching: false,
};
const CHARTS = ['orientation', 'value', 'trust_legitimacy', 'partners', 'network'];
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];
const DASHES = ['', '8 4', '2 3', '8 3 2 3'];
// Chart views: a few metrics together; every other metric is offered alone.
const VIEWS = {
  orientation: ['orientation_executive', 'orientation_manager', 'orientation_professional'],
  trust: ['trust', 'legitimacy_internal', 'legitimacy_external'],
  cases: ['cases_solved_cum', 'cases_failed_cum'],
  reach: ['problems_reached', 'problems_solved'],
  weeks: ['waiting_weeks', 'case_weeks'],
  key: ['trust_manager', 'key_capital', 'structure_partner_trust'],
};
const $ = (id) => document.getElementById(id);
const t = (k) => S.labels[k] || k;
const tf = (k, ...a) => { let i = 0; return t(k).replace(/%[sd]/g, () => String(a[i++])); };

function nf(x, digits) {
  if (x === null || x === undefined || !isFinite(x)) return '–';
  return new Intl.NumberFormat(S.lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x);
}

// fmt writes a parameter value for people: decimal commas in Dutch.
function fmt(x) {
  const n = Number(x);
  if (!isFinite(n)) return String(x);
  if (Number.isInteger(n)) return nf(n, 0);
  return new Intl.NumberFormat(S.lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 3 }).format(n);
}

// plain writes a value as the server reads it: decimal point.
function plain(x) {
  const n = Number(x);
  if (!isFinite(n)) return String(x);
  return String(Math.round(n * 1000) / 1000);
}

async function api(method, path, body, ctype) {
  const opt = { method, headers: {} };
  if (body !== undefined) {
    opt.headers['Content-Type'] = ctype || 'application/json';
    opt.body = ctype ? body : JSON.stringify(body);
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

// showError puts a message next to the control that caused it: a slider
// when the message names its parameter, else the given place.
function showError(where, msg) {
  document.querySelectorAll('.field-error').forEach((e) => { e.hidden = true; e.textContent = ''; });
  document.querySelectorAll('.param.error').forEach((e) => e.classList.remove('error'));
  if (!msg) return;
  // rowError shows the message next to the slider of path, if it is shown.
  const rowError = (path) => {
    const row = document.querySelector(`.param[data-path="${CSS.escape(path)}"]`);
    if (!row) return false;
    row.classList.add('error');
    const e = row.querySelector('.field-error');
    e.textContent = plainMessage(msg);
    e.hidden = false;
    $('more').open = true;
    return true;
  };
  const m = /^(?:parameter )?([a-z_]+\.[a-z_.]+):/.exec(msg);
  if (m && S.paramIndex[m[1]] && rowError(m[1])) return;
  if (where && where.startsWith('param:') && rowError(where.slice(6))) return;
  const e = $('err-' + where) || $('err-run');
  e.textContent = plainMessage(msg);
  e.hidden = false;
}

// ERRORS are the server's common refusals, said in the page's language
// (the server answers in English); each label's %s are the captured parts.
const ERRORS = [
  [/^(?:parameter )?([a-z_.]+): (-?[0-9.e+]+) is out of range; allowed: an? (number|integer) from (-?[0-9.e+]+) to (-?[0-9.e+]+)/, 'web.err.range'],
  [/^years: (-?[0-9.e+]+) is out of range; allowed: a number from (\S+) to (\S+) years/, 'web.err.years'],
  [/^partners: (?:every kind of partner is 0|no partner organisations)/, 'web.err.partners'],
  [/^persons\.professionals: this run would have about (\d+) persons; allowed: at most (\d+)/, 'web.err.persons'],
  [/^too many runs at once: at most (\d+) per client/, 'web.err.runs'],
  [/^the server is busy/, 'web.err.busy'],
  [/^not saved: the results folder is full/, 'web.err.full'],
];

// plainMessage says a server's message in the page's words: sliders by
// name instead of their file keys, and common refusals in the page's
// language.
function plainMessage(msg) {
  const name = (k) => (S.paramIndex[k] ? '‘' + S.paramIndex[k].label + '’' : k);
  for (const [re, key] of ERRORS) {
    const m = re.exec(msg);
    if (!m || !S.labels[key]) continue;
    const parts = m.slice(1).filter((x) => x !== 'number' && x !== 'integer').map((x) => (/^[a-z_]+\.[a-z_.]+$/.test(x) ? name(x) : (isFinite(Number(x)) ? fmt(x) : x)));
    return tf(key, ...parts);
  }
  return msg.replace(/\b([a-z_]+\.[a-z_.]*[a-z_])\b/g, name);
}

function applyLabels() {
  document.documentElement.lang = S.lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    const k = el.getAttribute('data-i18n');
    if (S.labels[k]) el.textContent = S.labels[k];
  });
  document.querySelectorAll('[data-i18n-label]').forEach((el) => {
    const k = el.getAttribute('data-i18n-label');
    if (S.labels[k]) el.setAttribute('aria-label', S.labels[k]);
  });
  for (const c of CHARTS) {
    const key = document.querySelector(`#chart-${c} + figcaption`).getAttribute('data-i18n');
    $('chart-' + c).alt = t(key) + ' — ' + t('web.alt.chart');
  }
  document.querySelectorAll('.lang button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === S.lang)));
  const sp = $('speed');
  const cur = sp.value;
  sp.innerHTML = '';
  for (const v of S.limits.speeds || []) {
    const o = document.createElement('option');
    o.value = String(v);
    o.textContent = v === 0 ? t('web.speed.max') : tf('web.speed.weeks', v);
    sp.appendChild(o);
  }
  sp.value = cur || '52';
  const vm = $('view-metric');
  const vcur = vm.value || 'orientation';
  vm.innerHTML = '';
  for (const v of Object.keys(VIEWS)) {
    if (!VIEWS[v].every((m) => S.metrics.includes(m))) continue;
    const o = document.createElement('option');
    o.value = v;
    o.textContent = t('web.view.' + v);
    vm.appendChild(o);
  }
  for (const m of S.metrics) {
    const o = document.createElement('option');
    o.value = m;
    o.textContent = t('metric.' + m);
    vm.appendChild(o);
  }
  vm.value = vcur;
  $('present').setAttribute('aria-pressed', String(S.present));
}

async function loadLang() {
  const c = await api('GET', '/api/catalogue?lang=' + S.lang);
  S.labels = c.labels;
  S.limits = c.limits;
  S.metrics = c.metrics || [];
  applyLabels();
  if (!S.postText) {
    S.posterior = c.posterior;
    renderPosterior();
  } else if (S.session) {
    sendPosterior().catch(() => { /* kept as it was */ }); // Its text in the new language, in the background.
  }
  const p = await api('GET', '/api/presets?lang=' + S.lang);
  S.presets = p.presets;
  if (!S.preset) S.preset = p.default;
  S.defaultPreset = p.default;
  for (const id of ['preset', 'a-preset', 'b-preset']) fillPresets($(id), id === 'preset' ? S.preset : $(id).value || S.preset);
  const why = S.presets.filter((x) => !x.offered).map((x) => x.why);
  $('preset-note').textContent = why.join(' ');
}

function fillPresets(sel, value) {
  sel.innerHTML = '';
  for (const kind of ['case', 'scenario']) {
    const g = document.createElement('optgroup');
    g.label = t(kind === 'case' ? 'web.cases' : 'web.scenarios');
    for (const p of S.presets.filter((x) => x.kind === kind)) {
      const o = document.createElement('option');
      o.value = p.name;
      o.textContent = p.short + (p.offered ? '' : ' — ' + t('web.preset.notoffered'));
      o.disabled = !p.offered;
      o.title = p.title;
      g.appendChild(o);
    }
    sel.appendChild(g);
  }
  sel.value = value;
}

function presetInfo(name) { return S.presets.find((p) => p.name === name) || { title: '', question: '', short: name }; }

// loadParams fetches the sliders of S.preset; the title and question change
// only when a run of the preset is set up (see setup).
async function loadParams(keepValues) {
  const d = await api('GET', `/api/params?preset=${encodeURIComponent(S.preset)}&lang=${S.lang}`);
  S.pendingTitle = { title: d.title, question: d.question, parts: d.question_parts };
  if (S.shownPreset === S.preset) showTitle();
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

// renderQuestion writes a question; a translated quote carries its Dutch
// original on hover.
function renderQuestion(el, parts) {
  el.innerHTML = '';
  for (const p of parts) {
    if (!p.original) { el.appendChild(document.createTextNode(p.text)); continue; }
    const q = document.createElement('span');
    q.className = 'quote';
    q.textContent = p.text;
    q.title = t('web.quote.original') + ' ' + p.original;
    el.appendChild(q);
  }
}

function showTitle() {
  if (!S.pendingTitle) return;
  $('preset-title').textContent = S.pendingTitle.title;
  renderQuestion($('preset-question'), S.pendingTitle.parts || [{ text: S.pendingTitle.question }]);
  const base = presetInfo(S.preset).base;
  $('preset-base').hidden = !base;
  $('preset-base').textContent = base ? tf('web.builds_on', presetInfo(base).short) : '';
}

function unitOf(p, value) {
  if (!p.unit) return '';
  return ' ' + (Number(value) === 1 && p.unit_one ? p.unit_one : p.unit);
}

function renderParams() {
  const root = $('params');
  const open = {};
  root.querySelectorAll('details').forEach((d) => { open[d.dataset.key] = d.open; });
  root.innerHTML = '';
  S.groups.forEach((g, gi) => {
    const det = document.createElement('details');
    det.className = 'group';
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
    const out = document.createElement('output');
    out.className = 'pval';
    out.htmlFor = 'p-' + p.path;
    out.textContent = fmt(value) + unitOf(p, value);
    head.appendChild(out);
    input = document.createElement('input');
    input.type = 'range';
    input.id = 'p-' + p.path;
    input.min = p.min;
    input.max = p.max;
    input.step = p.step;
    input.value = value;
    input.addEventListener('input', () => { out.textContent = fmt(input.value) + unitOf(p, input.value); });
    input.addEventListener('change', () => setParam(p, plain(input.value)));
  }
  row.appendChild(head);
  if (p.kind !== 'boolean' && p.kind !== 'choice') row.appendChild(input);
  const m = document.createElement('p');
  m.className = 'meaning';
  m.textContent = p.meaning;
  m.id = 'm-' + p.path;
  input.setAttribute('aria-describedby', m.id);
  row.appendChild(m);
  const e = document.createElement('p');
  e.className = 'field-error';
  e.setAttribute('role', 'alert');
  e.hidden = true;
  row.appendChild(e);
  return row;
}

// setParam sets up the run with a slider's new value; when the server
// refuses it, the slider goes back and the reason stands next to it.
async function setParam(p, v) {
  const had = p.path in S.values, prev = S.values[p.path];
  if (v === p.value) delete S.values[p.path]; else S.values[p.path] = v;
  const row = document.querySelector(`.param[data-path="${CSS.escape(p.path)}"]`);
  if (row) row.classList.toggle('changed', p.path in S.values);
  if (await setup('param:' + p.path)) return;
  if (had) S.values[p.path] = prev; else delete S.values[p.path];
  renderParams();
  showError('param:' + p.path, S.lastError);
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
    await api('POST', sessionURL(`setup?lang=${S.lang}`), runRequest());
    return await f();
  }
}

// setup starts the run again from week 0 with the page's settings. When the
// server refuses them, the page goes back to the run it shows, and says why
// next to the control.
async function setup(where) {
  try {
    const st = await withSession(() => api('POST', sessionURL(`setup?lang=${S.lang}`), runRequest()));
    showMessage('');
    showError('');
    S.shownPreset = S.preset;
    showTitle();
    S.cursor = null;
    update(st);
    writeURL();
    return true;
  } catch (e) {
    S.lastError = e.message;
    showError(where || 'run', e.message);
    if (S.shownPreset && S.shownPreset !== S.preset) {
      S.preset = S.shownPreset;
      $('preset').value = S.preset;
      await loadParams(true);
    }
    return false;
  }
}

async function control(action, extra) {
  try {
    const body = Object.assign({ action, speed: Number($('speed').value) }, extra || {});
    const st = await withSession(() => api('POST', sessionURL(`control?lang=${S.lang}`), body));
    showError('');
    if (action === 'run' || action === 'reset') S.cursor = null;
    update(st);
  } catch (e) {
    showError('run', e.message);
  }
}

function sessionURL(rest) { return `/api/sessions/${S.session}/${rest}`; }

function update(st) {
  S.state = st;
  if (!st.ready) return;
  $('tick').textContent = nf(st.tick, 0);
  $('ticks').textContent = nf(st.ticks, 0);
  $('year').textContent = nf(st.year, 1);
  $('progress').max = st.ticks;
  $('progress').value = st.tick;
  $('run').disabled = st.running || st.done || !!st.failure;
  $('pause').disabled = !st.running;
  $('step').disabled = st.running || st.done || !!st.failure;
  document.body.classList.toggle('running', st.running);
  if (st.failure) showError('run', st.failure);
  const as = $('actual-speed');
  const want = st.speed;
  as.hidden = !(st.running && st.actual_speed > 0 && (want === 0 || st.actual_speed < 0.9 * want));
  if (!as.hidden) as.textContent = tf(want === 0 ? 'web.speed.actual.max' : 'web.speed.actual', nf(st.actual_speed, 0), st.replications + (st.base ? st.replications : 0));
  const ol = $('events');
  ol.innerHTML = '';
  for (const e of st.events) {
    const li = document.createElement('li');
    li.innerHTML = '<b></b> <span></span>';
    li.firstChild.textContent = t('web.year') + ' ' + nf(e.year, 1);
    li.lastChild.textContent = e.label || e.type;
    ol.appendChild(li);
  }
  $('no-events').hidden = st.events.length > 0;
  S.base = st.base;
  $('base-label').textContent = st.base ? tf('web.base.label', presetInfo(st.base).short) : t('web.base.none');
  $('show-base').disabled = !st.base;
  $('to-dilemma').disabled = !st.base;
  if (st.version !== S.version) {
    S.version = st.version;
    refreshCharts();
    fetchLive();
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

// fetchLive brings the page's series and network frames up to the run.
async function fetchLive() {
  if (!S.session) return;
  if (S.fetching) { S.again = true; return; }
  S.fetching = true;
  S.again = false;
  try {
    const st = S.state;
    if (!S.series || S.series.setup !== st.setup) S.series = null;
    const from = S.series ? S.series.to : 0;
    if (!S.series || S.series.to < st.tick + 1) {
      const d = await api('GET', sessionURL(`series?from=${from}`));
      if (!S.series || d.setup !== S.series.setup || d.from !== S.series.to) {
        if (d.from === 0) S.series = { setup: d.setup, to: 0, reps: d.replications, base: d.base, metrics: {} };
      }
      if (S.series && d.from === S.series.to) {
        for (const [name, part] of Object.entries(d.metrics)) {
          const m = S.series.metrics[name] || (S.series.metrics[name] = { run: [], mean: [], lo: [], hi: [], base: [] });
          for (const k of ['run', 'mean', 'lo', 'hi', 'base']) if (part[k]) m[k].push(...part[k]);
        }
        S.series.to = d.to;
      }
    }
    if (!S.net || S.net.setup !== st.setup) S.net = null;
    const nfrom = S.net ? S.net.frames.length : 0;
    if (!S.net || nfrom < st.frames) {
      const d = await api('GET', sessionURL(`network?from=${nfrom}&lang=${S.lang}`));
      if (d.from === 0) S.net = { setup: d.setup, orgs: d.orgs, levels: d.levels, frames: [] };
      if (S.net && d.from === S.net.frames.length && d.setup === S.net.setup) S.net.frames.push(...d.frames);
    }
  } catch (e) {
    /* the next poll tries again */
  } finally {
    S.fetching = false;
  }
  drawLive();
  if (S.again) fetchLive();
}

function weekShown() {
  const last = S.series ? S.series.to - 1 : 0;
  return S.cursor === null ? last : Math.min(S.cursor, last);
}

// drawLive draws what depends on the week shown: scrubber, big numbers,
// the main chart and the network.
function drawLive() {
  if (!S.series) return;
  const w = weekShown();
  const sc = $('scrubber');
  sc.max = String(Math.max(0, S.series.to - 1));
  sc.value = String(w);
  $('scrub-at').textContent = tf('web.scrub.at', nf(w, 0), nf(w / 52, 1));
  $('follow').disabled = S.cursor === null;
  drawBig(w);
  drawChart(w);
  drawNet(w);
}

function val(name, k, w) {
  const m = S.series && S.series.metrics[name];
  if (!m || !m[k] || w >= m[k].length) return null;
  return m[k][w];
}

function drawBig(w) {
  const showBase = S.base && $('show-base').checked;
  const set = (id, name, digits) => {
    $(id).textContent = nf(val(name, 'mean', w), digits);
    const b = val(name, 'base', w);
    $(id + '-base').textContent = showBase && b !== null ? tf('web.big.base', nf(b, digits)) : '';
  };
  set('bn-cases', 'cases_solved_cum', 0);
  set('bn-wellbeing', 'wellbeing', 1);
  if (val('wellbeing', 'mean', w) === null) $('bn-wellbeing-base').textContent = t('web.big.nocase');
  set('bn-trust', 'trust', 2);
  VIEWS.orientation.forEach((m, i) => { $('bn-o' + i).textContent = nf(val(m, 'mean', w), 2); });
}

const SVGNS = 'http://www.w3.org/2000/svg';

function el(name, attrs, parent) {
  const e = document.createElementNS(SVGNS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

// pathOf draws a line through the defined points, with gaps where a value is null.
function pathOf(ys, x, y) {
  let d = '';
  let pen = false;
  ys.forEach((v, i) => {
    if (v === null || v === undefined) { pen = false; return; }
    d += (pen ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(v).toFixed(1);
    pen = true;
  });
  return d;
}

function bandOf(lo, hi, x, y) {
  let d = '';
  let seg = [];
  const flush = () => {
    if (seg.length > 1) {
      d += 'M' + seg.map((i) => x(i).toFixed(1) + ' ' + y(hi[i]).toFixed(1)).join('L');
      d += 'L' + seg.slice().reverse().map((i) => x(i).toFixed(1) + ' ' + y(lo[i]).toFixed(1)).join('L') + 'Z';
    }
    seg = [];
  };
  lo.forEach((v, i) => { if (v === null || hi[i] === null) flush(); else seg.push(i); });
  flush();
  return d;
}

function chartMetrics() {
  const v = $('view-metric').value || 'orientation';
  return VIEWS[v] || [v];
}

function metricLabel(m) {
  const i = VIEWS.orientation.indexOf(m);
  return i >= 0 ? t('web.level.' + ['executive', 'manager', 'professional'][i]) : t('metric.' + m);
}

function drawChart(w) {
  const svg = $('live-chart');
  svg.innerHTML = '';
  svg.setAttribute('xmlns', SVGNS);
  svg.setAttribute('font-family', 'DejaVu Sans, Liberation Sans, Arial, sans-serif');
  // Drawn at the size it is shown, so that its text stays readable.
  const W = Math.max(320, Math.round(svg.getBoundingClientRect().width) || 640);
  const H = Math.round(W * (S.present ? 0.52 : 0.47));
  const fs = S.present ? 16 : 12;
  const L = 4 * fs, R = 12, T = 2.4 * fs, B = 3.4 * fs;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('width', W);
  svg.setAttribute('height', H);
  const ms = chartMetrics();
  const showBase = S.base && $('show-base').checked;
  const ticks = S.state ? S.state.ticks : S.series.to - 1;
  let lo = 0, hi = 0;
  for (const m of ms) {
    for (const k of ['lo', 'hi', 'base']) {
      if (k === 'base' && !showBase) continue;
      for (const v of (S.series.metrics[m] || {})[k] || []) if (v !== null) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    }
  }
  if (hi <= 1 && lo >= 0) hi = 1; else hi = hi * 1.08 || 1;
  const x = (i) => L + (W - L - R) * i / Math.max(1, ticks);
  const y = (v) => T + (H - T - B) * (1 - (v - lo) / (hi - lo));
  el('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' }, svg);
  for (let k = 0; k <= 4; k++) {
    const v = lo + (hi - lo) * k / 4;
    el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#e3e6ea', 'stroke-width': 1 }, svg);
    const tx = el('text', { x: L - 6, y: y(v) + fs / 3, 'text-anchor': 'end', 'font-size': fs, fill: '#3d4650' }, svg);
    tx.textContent = nf(v, hi > 20 ? 0 : (hi > 2 ? 1 : 2));
  }
  const years = ticks / 52;
  const stepY = years > 12 ? 5 : (years > 5 ? 2 : 1);
  for (let yr = 0; yr <= years + 1e-9; yr += stepY) {
    const tx = el('text', { x: x(yr * 52), y: H - 1.9 * fs, 'text-anchor': 'middle', 'font-size': fs, fill: '#3d4650' }, svg);
    tx.textContent = nf(yr, 0);
  }
  const xl = el('text', { x: (L + W - R) / 2, y: H - 4, 'text-anchor': 'middle', 'font-size': fs, fill: '#5b6470' }, svg);
  xl.textContent = t('web.chart.years');
  // Event markers.
  for (const e of (S.state && S.state.events) || []) {
    el('line', { x1: x(e.tick), x2: x(e.tick), y1: T, y2: H - B, stroke: '#9aa3ad', 'stroke-dasharray': '3 3' }, svg);
  }
  ms.forEach((m, i) => {
    const s = S.series.metrics[m];
    if (!s) return;
    const col = COLOURS[i % COLOURS.length];
    if (S.series.reps > 1) el('path', { d: bandOf(s.lo, s.hi, x, y), fill: col, 'fill-opacity': 0.16, stroke: 'none' }, svg);
    if (showBase && s.base.length) el('path', { d: pathOf(s.base, x, y), fill: 'none', stroke: col, 'stroke-opacity': 0.45, 'stroke-width': 1.4, 'stroke-dasharray': '1 3', 'data-base': '1' }, svg);
    el('path', { d: pathOf(s.mean, x, y), fill: 'none', stroke: col, 'stroke-width': 2.4, 'stroke-dasharray': DASHES[i % DASHES.length], 'data-metric': m }, svg);
  });
  // Legend.
  let lx = L;
  ms.forEach((m, i) => {
    const col = COLOURS[i % COLOURS.length];
    el('line', { x1: lx, x2: lx + 2 * fs, y1: fs, y2: fs, stroke: col, 'stroke-width': 2.4, 'stroke-dasharray': DASHES[i % DASHES.length] }, svg);
    const tx = el('text', { x: lx + 2.3 * fs, y: fs * 1.35, 'font-size': fs, fill: '#1d232b' }, svg);
    tx.textContent = metricLabel(m);
    lx += 3 * fs + 0.58 * fs * metricLabel(m).length;
  });
  el('line', { x1: x(w), x2: x(w), y1: T, y2: H - B, stroke: '#1d232b', 'stroke-width': 1.2 }, svg);
  const desc = tf('web.chart.desc', S.series.reps) + (showBase ? ' ' + tf('web.chart.desc.base', presetInfo(S.base).short) : '');
  $('live-chart-desc').textContent = desc;
  S.chartScale = { x, L, R, W, ticks };
}

function hoverChart(ev) {
  if (!S.series || !S.chartScale) return;
  const svg = $('live-chart');
  const r = svg.getBoundingClientRect();
  const { L, R, W, ticks } = S.chartScale;
  const px = (ev.clientX - r.left) / r.width * W;
  const w = Math.max(0, Math.min(S.series.to - 1, Math.round((px - L) / (W - L - R) * ticks)));
  const h = $('hover');
  const lines = [tf('web.scrub.at', nf(w, 0), nf(w / 52, 1))];
  const showBase = S.base && $('show-base').checked;
  for (const m of chartMetrics()) {
    const digits = Math.abs(val(m, 'hi', w) || 0) > 20 ? 0 : 2;
    let s = metricLabel(m) + ': ' + nf(val(m, 'mean', w), digits);
    if (S.series.reps > 1 && val(m, 'lo', w) !== null) s += ' (' + nf(val(m, 'lo', w), digits) + '–' + nf(val(m, 'hi', w), digits) + ')';
    if (showBase && val(m, 'base', w) !== null) s += ' · ' + tf('web.big.base', nf(val(m, 'base', w), digits));
    lines.push(s);
  }
  h.textContent = lines.join('\n');
  h.hidden = false;
  h.style.left = Math.min(r.width - 220, Math.max(0, ev.clientX - r.left + 12)) + 'px';
  h.style.top = (ev.clientY - r.top + 12) + 'px';
}

// ---- Network ----

function orientColour(o) {
  // From the own organisation (warm) to the network (cool), as in the pictures.
  const a = [194, 87, 26], b = [31, 95, 168], m = [200, 200, 200];
  const f = o / 100;
  const c = f < 0.5 ? a.map((v, i) => v + (m[i] - v) * f * 2) : m.map((v, i) => v + (b[i] - v) * (f - 0.5) * 2);
  return `rgb(${c.map(Math.round).join(',')})`;
}

function frameAt(w) {
  if (!S.net || !S.net.frames.length) return null;
  let f = S.net.frames[0];
  for (const x of S.net.frames) { if (x.tick <= w) f = x; else break; }
  return f;
}

function drawNet(w) {
  const f = frameAt(w);
  const svg = $('net');
  if (!f) { svg.innerHTML = ''; return; }
  if (svg.dataset.tick === String(f.tick) && svg.dataset.setup === String(S.net.setup) && svg.dataset.lang === S.lang && svg.dataset.present === String(S.present) && svg.dataset.frames === String(S.net.frames.length)) return;
  svg.dataset.present = String(S.present);
  svg.dataset.frames = String(S.net.frames.length);
  svg.dataset.tick = String(f.tick);
  svg.dataset.setup = String(S.net.setup);
  svg.dataset.lang = S.lang;
  const orgs = S.net.orgs;
  // Organisations on a ring, each in its own place over the whole run, so
  // that a partner joining later appears in a place of its own.
  if (S.net.ringOf !== S.net.frames.length) {
    const all = new Set();
    for (const x of S.net.frames) for (const p of x.persons) all.add(p[0]);
    S.net.ring = [...all].sort((a, b) => a - b);
    S.net.ringOf = S.net.frames.length;
  }
  const ring = S.net.ring;
  const used = [...new Set(f.persons.map((p) => p[0]))].sort((a, b) => a - b);
  const place = {};
  const R0 = 235;
  ring.forEach((o, i) => {
    const a = -Math.PI / 2 + 2 * Math.PI * i / ring.length;
    place[o] = [R0 * Math.cos(a), R0 * Math.sin(a), a];
  });
  const counts = {};
  const pos = f.persons.map((p) => {
    const k = p[0] + ':' + p[1];
    const j = counts[k] = (counts[k] || 0) + 1;
    const [cx, cy] = place[p[0]];
    const ring = [10, 20, 30][p[1]] + 9 * Math.floor((j - 1) / 18);
    const ang = (j - 1) * 2.4 + p[1];
    return [cx + ring * Math.cos(ang), cy + ring * Math.sin(ang)];
  });
  let html = '';
  for (const tie of f.ties) {
    const a = pos[tie[0]], b = pos[tie[1]];
    if (!a || !b) continue;
    html += `<line x1="${a[0].toFixed(1)}" y1="${a[1].toFixed(1)}" x2="${b[0].toFixed(1)}" y2="${b[1].toFixed(1)}" stroke="#4a5866" stroke-opacity="${(0.05 + 0.5 * tie[2] / 100).toFixed(2)}" stroke-width="0.8"/>`;
  }
  for (const o of used) {
    const [cx, cy, a] = place[o];
    const active = f.active[o];
    html += `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="5" fill="${active ? '#20303f' : '#ffffff'}" stroke="#20303f" ${active ? '' : 'stroke-dasharray="2 2"'} data-org="${o}"/>`;
    if (ring.length <= 40) {
      const lx = cx + 48 * Math.cos(a), ly = cy + 48 * Math.sin(a);
      html += `<text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" font-size="${S.present ? 15 : 12}" text-anchor="middle" fill="${active ? '#1d232b' : '#8a929b'}" pointer-events="none">${escapeXML(shortOrg(orgs[o].name))}</text>`;
    }
  }
  f.persons.forEach((p, i) => {
    const [px, py] = pos[i];
    const r = p[1] === 0 ? 4 : (p[1] === 1 ? 3.2 : 2.4);
    const role = f.roles[i];
    html += `<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="${r}" fill="${f.active[p[0]] ? orientColour(p[2]) : '#d0d4d8'}" stroke="${role ? '#000' : 'none'}" stroke-width="0.8" data-person="${i}"/>`;
  });
  svg.innerHTML = html;
  const left = f.active.filter((a) => !a).length;
  $('net-info').textContent = tf('web.net.info', nf(f.tick / 52, 1), nf(f.persons.length, 0), nf(f.ties.length, 0)) + (left ? ' · ' + tf('web.net.left', left) : '');
}

function shortOrg(name) { return name.length > 14 ? name.slice(0, 13) + '…' : name; }
function escapeXML(s) { return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' }[c])); }

function hoverNet(ev) {
  const tip = $('net-tip');
  const target = ev.target;
  const f = frameAt(weekShown());
  if (!f || !(target.dataset && (target.dataset.org || target.dataset.person))) { tip.hidden = true; return; }
  let text;
  if (target.dataset.org) {
    const o = S.net.orgs[Number(target.dataset.org)];
    text = o.name + ' (' + o.kind + ')' + (o.core ? ' · ' + t('web.net.core') : '') + (o.lead ? ' · ' + t('web.net.lead') : '') +
      (f.active[Number(target.dataset.org)] ? '' : ' · ' + t('web.net.gone'));
  } else {
    const i = Number(target.dataset.person);
    const p = f.persons[i];
    const o = S.net.orgs[p[0]];
    const roles = [];
    if (f.roles[i] & 1) roles.push(t('web.net.manager'));
    if (f.roles[i] & 2) roles.push(t('web.net.ambassador'));
    if (f.roles[i] & 4) roles.push(t('web.net.core'));
    const ties = f.ties.filter((x) => x[0] === i || x[1] === i).length;
    text = S.net.levels[p[1]] + ', ' + o.name + (roles.length ? ' (' + roles.join(', ') + ')' : '') + '\n' + tf('web.net.person', nf(p[2] / 100, 2), ties);
  }
  const r = $('net').getBoundingClientRect();
  tip.textContent = text;
  tip.hidden = false;
  tip.style.left = Math.min(r.width - 220, Math.max(0, ev.clientX - r.left + 12)) + 'px';
  tip.style.top = (ev.clientY - r.top + 12) + 'px';
}

function play() {
  if (S.playing) { clearInterval(S.playing); S.playing = null; $('play').textContent = t('web.play'); return; }
  if (!S.net || !S.net.frames.length) return;
  let k = 0;
  $('play').textContent = t('web.play.stop');
  S.playing = setInterval(() => {
    const f = S.net.frames[k];
    if (!f) { clearInterval(S.playing); S.playing = null; $('play').textContent = t('web.play'); return; }
    S.cursor = f.tick;
    drawLive();
    k++;
  }, 120);
}

// ---- Sharing ----

function shareURL() {
  const q = new URLSearchParams();
  q.set('preset', S.preset);
  q.set('years', plain($('years').value));
  q.set('seed', plain($('seed').value));
  for (const [k, v] of Object.entries(S.values).sort()) q.set('p.' + k, v);
  q.set('lang', S.lang);
  if (S.present) q.set('present', '1');
  return location.origin + location.pathname + '?' + q.toString();
}

function writeURL() { history.replaceState(null, '', shareURL()); }

// readURL takes the run's settings from the page's address.
function readURL() {
  if (Q.get('preset')) S.preset = Q.get('preset');
  const values = {};
  for (const [k, v] of Q.entries()) if (k.startsWith('p.')) values[k.slice(2)] = v;
  return { values, years: Q.get('years'), seed: Q.get('seed') };
}

async function openScenario(file) {
  try {
    const text = await file.text();
    const d = await api('POST', `/api/scenario?lang=${S.lang}`, text, 'application/toml');
    S.preset = d.preset;
    $('preset').value = d.preset;
    await loadParams(false);
    S.values = d.params;
    $('years').value = d.years;
    $('seed').value = d.seed;
    renderParams();
    await setup('preset');
  } catch (e) {
    showError('preset', e.message);
  }
}

function loadImage(src) {
  return new Promise((ok, bad) => { const i = new Image(); i.onload = () => ok(i); i.onerror = bad; i.src = src; });
}

function wrap(ctx, text, x, y, width, lh, maxLines) {
  const words = text.split(/\s+/);
  let line = '';
  let n = 0;
  for (const w of words) {
    const test = line ? line + ' ' + w : w;
    if (ctx.measureText(test).width > width && line) {
      if (n === maxLines - 1) { ctx.fillText(line + ' …', x, y); return y + lh; }
      ctx.fillText(line, x, y);
      y += lh; n++;
      line = w;
    } else line = test;
  }
  if (line) { ctx.fillText(line, x, y); y += lh; }
  return y;
}

// slide draws one 1920×1080 picture: title, question, the answer in
// sentences and the main chart; and offers it as a PNG.
async function slide(kind) {
  const c = document.createElement('canvas');
  c.width = 1920; c.height = 1080;
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, 1920, 1080);
  ctx.fillStyle = '#1d232b';
  let title, question, sentences, chart;
  if (kind === 'dilemma' && S.dilemma) {
    title = t('web.dilemma.title');
    question = 'A: ' + S.dilemma.a + ' · B: ' + S.dilemma.b;
    // What matters first, then the rest as far as there is room.
    const ans = S.dilemma.answer || S.dilemma.sentences.map((x) => ({ text: x }));
    sentences = [ans[0].text, ...ans.slice(1).filter((a) => a.matters).map((a) => a.text), ...ans.slice(1).filter((a) => !a.matters).map((a) => a.text)];
    chart = await loadImage(document.querySelector('img.d-chart').src);
  } else {
    title = $('preset-title').textContent;
    question = $('preset-question').textContent;
    const w = weekShown();
    sentences = [tf('web.slide.sentence', nf(w / 52, 1), nf(val('cases_solved_cum', 'mean', w), 0), nf(val('wellbeing', 'mean', w), 1), nf(val('trust', 'mean', w), 2))];
    if (S.base && val('cases_solved_cum', 'base', w) !== null) sentences.push(tf('web.slide.base', presetInfo(S.base).short, nf(val('cases_solved_cum', 'base', w), 0), nf(val('trust', 'base', w), 2)));
    sentences.push($('live-chart-desc').textContent);
    const svg = new XMLSerializer().serializeToString($('live-chart'));
    chart = await loadImage('data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg));
  }
  ctx.font = 'bold 50px DejaVu Sans, Arial, sans-serif';
  let y = wrap(ctx, title, 80, 110, 1760, 60, 2);
  ctx.font = '28px DejaVu Sans, Arial, sans-serif';
  ctx.fillStyle = '#3d4650';
  y = wrap(ctx, question, 80, y + 10, 1760, 38, 4);
  ctx.fillStyle = '#1d232b';
  ctx.font = '26px DejaVu Sans, Arial, sans-serif';
  let sy = y + 40;
  for (const s of sentences) {
    if (sy + 5 * 34 > 1010) break; // No room for another sentence.
    sy = wrap(ctx, '• ' + s, 80, sy, 720, 34, 5) + 14;
  }
  const cw = 1000, ch = Math.min(1080 - y - 60, cw * chart.height / chart.width);
  ctx.drawImage(chart, 840, y + 20, ch * chart.width / chart.height, ch);
  ctx.font = '20px DejaVu Sans, Arial, sans-serif';
  ctx.fillStyle = '#5b6470';
  ctx.fillText(t('web.slide.footer'), 80, 1050);
  const url = c.toDataURL('image/png');
  S.lastSlide = url;
  const a = document.createElement('a');
  a.href = url;
  a.download = (kind === 'dilemma' ? 'dilemma' : S.preset) + '-slide.png';
  document.body.appendChild(a);
  a.click();
  a.remove();
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
      const st = await api('GET', sessionURL(`state?lang=${S.lang}`));
      update(st);
      if (S.series && S.series.to < st.tick + 1) fetchLive();
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
  sel.setAttribute('aria-label', t('web.change.param'));
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
  inp.setAttribute('aria-label', t('web.change.value'));
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
  rm.setAttribute('aria-label', t('web.change.remove'));
  rm.addEventListener('click', () => li.remove());
  li.append(sel, inp, unit, rm);
  $(side + '-changes').appendChild(li);
}

function sideRequest(side) {
  const params = {};
  document.querySelectorAll(`#${side}-changes li`).forEach((li) => {
    params[li.querySelector('.cpath').value] = li.querySelector('.cvalue').value.replace(',', '.');
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
    posterior: !!S.posterior && $('d-post-use').checked,
  };
  $('compare').disabled = true;
  $('d-busy').hidden = false;
  try {
    const r = await withSession(async () => {
      // A posterior loaded on this page goes into a new session again.
      if (body.posterior && S.postText && S.postSession !== S.session) await sendPosteriorOnce();
      return api('POST', sessionURL(`dilemma?lang=${S.lang}`), body);
    });
    showError('');
    S.dilemma = r;
    renderDilemma();
  } catch (e) {
    showError('compare', e.message);
  } finally {
    $('compare').disabled = false;
    $('d-busy').hidden = true;
  }
}

// A calibration posterior the dilemma can draw each pair's parameters from:
// the server's (orgnet serve --posterior), or a posterior.csv loaded here,
// whose text the page keeps to load it again into a new session.
async function loadPosterior(file) {
  try {
    S.postText = await file.text();
    S.postName = file.name;
    await sendPosterior();
    showError('');
  } catch (e) {
    S.postText = null;
    showError('posterior', e.message);
  }
}

async function sendPosterior() {
  await withSession(sendPosteriorOnce);
}

async function sendPosteriorOnce() {
  const r = await api('POST', sessionURL(`posterior?lang=${S.lang}&name=${encodeURIComponent(S.postName)}`), S.postText, 'text/csv');
  S.postSession = S.session;
  S.posterior = r.posterior;
  renderPosterior();
}

function renderPosterior() {
  const p = S.posterior;
  $('d-post').hidden = !p;
  $('d-post-text').textContent = p ? tf('web.posterior.use', p.file, p.particles, p.params) : '';
}

function renderDilemma() {
  const r = S.dilemma;
  if (!r) return;
  $('d-result').hidden = false;
  const ul = $('d-sentences');
  ul.innerHTML = '';
  for (const s of r.answer || r.sentences.map((x) => ({ text: x }))) {
    const li = document.createElement('li');
    li.textContent = s.text;
    if (s.matters) li.className = 'matters';
    ul.appendChild(li);
  }
  const box = $('d-charts');
  box.innerHTML = '';
  for (const c of r.charts) {
    const f = document.createElement('figure');
    const img = document.createElement('img');
    img.className = 'd-chart';
    img.alt = t('web.dilemma.chart.' + c);
    img.src = sessionURL(`dilemma/${c}.svg?lang=${S.lang}&v=${r.version}`);
    f.appendChild(img);
    box.appendChild(f);
  }
  $('d-dl-csv').href = sessionURL(`dilemma/compare.csv?lang=${S.lang}`);
  $('d-dl-report').href = sessionURL(`dilemma/report.html?lang=${S.lang}`);
  $('d-dl-a').href = sessionURL('dilemma/a.toml');
  $('d-dl-b').href = sessionURL('dilemma/b.toml');
  for (const c of ['orientation', 'value']) $('d-png-' + c).href = sessionURL(`dilemma/${c}.png?lang=${S.lang}&download=1`);
}

async function redoDilemmaText() {
  if (!S.dilemma) return;
  try {
    const r = await api('GET', sessionURL(`dilemma/result.json?lang=${S.lang}`));
    S.dilemma = r;
    renderDilemma();
  } catch (e) { /* no result kept */ }
}

// compareWithBase fills A with the baseline and B with the page's run, and
// compares them.
async function compareWithBase() {
  if (!S.base) return;
  S.dilemmaSeen = true;
  $('a-preset').value = S.base;
  $('a-changes').innerHTML = '';
  $('b-preset').value = S.preset;
  $('b-changes').innerHTML = '';
  for (const [p, v] of Object.entries(S.values)) changeRow('b', p, v);
  $('d-years').value = $('years').value;
  $('d-seed').value = $('seed').value;
  refreshDilemmaTitles();
  showView('dilemma');
  await compare();
}

// ---- Wiring ----

function showView(v) {
  // The first time the dilemma opens on a run with a baseline, it offers
  // the baseline (A) against the run (B) rather than A = B.
  if (v === 'dilemma' && !S.dilemmaSeen) {
    S.dilemmaSeen = true;
    if (S.base && !$('a-changes').children.length && !$('b-changes').children.length && $('a-preset').value === $('b-preset').value) {
      $('a-preset').value = S.base;
      $('b-preset').value = S.preset;
      for (const [p, val] of Object.entries(S.values)) changeRow('b', p, val);
      $('d-years').value = $('years').value;
      $('d-seed').value = $('seed').value;
      refreshDilemmaTitles();
    }
  }
  for (const name of ['explore', 'dilemma']) {
    $('view-' + name).hidden = name !== v;
    const tab = $('tab-' + name);
    tab.setAttribute('aria-selected', String(name === v));
    tab.tabIndex = name === v ? 0 : -1;
  }
}

function setPresent(on) {
  S.present = on;
  document.body.classList.toggle('present', on);
  $('present').setAttribute('aria-pressed', String(on));
  $('more').open = !on;
  writeURL();
  if (S.series) { $('net').dataset.tick = ''; drawLive(); }
}

async function switchLang(l) {
  $('hover').hidden = true;
  $('net-tip').hidden = true;
  const kept = {};
  for (const side of ['a', 'b']) kept[side] = Object.entries(sideRequest(side).params);
  S.lang = l;
  localStorage.setItem('orgnet.lang', l);
  await loadLang();
  await loadParams(true);
  S.version = -1;
  S.net = null; // Names of organisations and levels in the new language.
  if (S.session) {
    try { update(await api('GET', sessionURL(`state?lang=${S.lang}`))); } catch (e) { /* the next poll */ }
  }
  for (const side of ['a', 'b']) {
    $(side + '-changes').innerHTML = '';
    for (const [p, v] of kept[side]) changeRow(side, p, v);
  }
  redoDilemmaText();
  writeURL();
}

async function main() {
  const fromURL = readURL();
  await loadLang();
  await loadParams(false);
  S.values = fromURL.values;
  if (fromURL.years) $('years').value = fromURL.years;
  if (fromURL.seed) $('seed').value = fromURL.seed;
  renderParams();
  $('a-preset').value = S.preset;
  $('b-preset').value = S.preset;
  refreshDilemmaTitles();
  if (S.present) setPresent(true);
  await setup('preset');
  if (!S.shownPreset) {
    // The address asked for a run this server does not make: show why, and
    // the default preset.
    const why = $('err-preset').textContent;
    S.preset = S.defaultPreset;
    $('preset').value = S.preset;
    await loadParams(false);
    await setup('preset');
    if (why) showError('preset', why);
  }
  poll();

  $('preset').addEventListener('change', async () => {
    S.preset = $('preset').value;
    await loadParams(false);
    await setup('preset');
  });
  $('years').addEventListener('change', () => setup('run'));
  $('seed').addEventListener('change', () => setup('run'));
  $('run').addEventListener('click', () => control('run'));
  $('pause').addEventListener('click', () => control('pause'));
  $('step').addEventListener('click', () => control('step', { weeks: 1 }));
  $('reset').addEventListener('click', () => control('reset'));
  $('speed').addEventListener('change', () => { if (S.state && S.state.running) control('run'); });
  $('dl-chart').addEventListener('change', updateDownloads);
  $('view-metric').addEventListener('change', drawLive);
  $('show-base').addEventListener('change', drawLive);
  $('scrubber').addEventListener('input', () => {
    const v = Number($('scrubber').value);
    S.cursor = S.series && v >= S.series.to - 1 && !(S.state && S.state.done) ? null : v;
    drawLive();
  });
  $('follow').addEventListener('click', () => { S.cursor = null; drawLive(); });
  $('play').addEventListener('click', play);
  $('live-chart').addEventListener('mousemove', hoverChart);
  $('live-chart').addEventListener('mouseleave', () => { $('hover').hidden = true; });
  $('live-chart').addEventListener('click', (ev) => {
    hoverChart(ev);
    const r = $('live-chart').getBoundingClientRect();
    const { L, R, W, ticks } = S.chartScale;
    S.cursor = Math.max(0, Math.min(S.series.to - 1, Math.round(((ev.clientX - r.left) / r.width * W - L) / (W - L - R) * ticks)));
    drawLive();
  });
  window.addEventListener('resize', () => { if (S.series) drawLive(); });
  $('net').addEventListener('mousemove', hoverNet);
  $('net').addEventListener('click', hoverNet); // Touch screens have no hover.
  $('net').addEventListener('mouseleave', () => { $('net-tip').hidden = true; });
  $('save').addEventListener('click', async () => {
    try {
      const r = await withSession(() => api('POST', sessionURL(`save?lang=${S.lang}`)));
      $('saved').textContent = tf('web.saved', r.folder);
      showError('');
    } catch (e) { showError('save', e.message); }
  });
  $('share').addEventListener('click', async () => {
    const u = shareURL();
    $('share-out').textContent = u;
    try { await navigator.clipboard.writeText(u); $('share-out').textContent = t('web.share.copied') + ' ' + u; } catch (e) { /* shown */ }
  });
  $('open-file').addEventListener('change', () => { const f = $('open-file').files[0]; if (f) openScenario(f); });
  $('d-post-file').addEventListener('change', () => { const f = $('d-post-file').files[0]; if (f) loadPosterior(f); });
  $('slide').addEventListener('click', () => slide('explore'));
  $('d-slide').addEventListener('click', () => slide('dilemma'));
  $('to-dilemma').addEventListener('click', compareWithBase);
  $('present').addEventListener('click', () => setPresent(!S.present));
  const tabs = [...document.querySelectorAll('nav [role="tab"]')];
  tabs.forEach((b) => b.addEventListener('click', () => showView(b.dataset.view)));
  document.querySelector('nav').addEventListener('keydown', (ev) => {
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    let j = -1;
    if (ev.key === 'ArrowRight') j = (i + 1) % tabs.length;
    if (ev.key === 'ArrowLeft') j = (i + tabs.length - 1) % tabs.length;
    if (ev.key === 'Home') j = 0;
    if (ev.key === 'End') j = tabs.length - 1;
    if (j < 0) return;
    ev.preventDefault();
    tabs[j].focus();
    showView(tabs[j].dataset.view);
  });
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
