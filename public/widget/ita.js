/*!
 * Prongsai ITA widget — shows a unit's ITA (OIT) checklist for a fiscal year, with the published
 * entries and their files, on the unit's own website (any origin, any CMS or plain HTML).
 *
 * Embed code (paste where the list should appear, e.g. a WordPress "Custom HTML" block):
 *
 *   <div data-prongsai-ita data-unit="ENG" data-year="2569"></div>
 *   <script src="https://cms.example.ac.th/widget/ita.js" defer></script>
 *
 * Container attributes:
 *   data-unit     required  the unit's code in the CMS, e.g. ENG
 *   data-year     optional  fiscal year in Buddhist Era, e.g. 2569 (Thai digits accepted);
 *                           default: the current Thai fiscal year in Asia/Bangkok
 *                           (CE year + 543, plus 1 from October)
 *   data-item     optional  show one checklist item only, e.g. O12
 *   data-api      optional  the CMS address; default: where this script was loaded from
 *   data-heading  optional  level of the widget's top heading, 1–5; default 2 (h2, then h3, h4…)
 *   data-forms    optional  the public's forms below the list and beside each entry (loaded from
 *                           /widget/participation.js): "off", or a list of corrections questions
 *                           survey complaints track; default all
 *
 * - Several containers per page are fine; each is rendered once. Containers added later:
 *   window.ProngsaiITA.render(element) (also re-renders, e.g. after changing data-year).
 * - Deep links: the page address #O12 scrolls to item O12 and focuses it (also on hashchange).
 * - Anything inside the container is fallback shown only where the script does not run.
 * - The site's origin must be registered in the CMS as the unit's website (websiteUrl), or the
 *   browser refuses the data (CORS). Requests are simple GETs without cookies.
 * - Styles live in a shadow root. The host page may set --prongsai-accent, --prongsai-text,
 *   --prongsai-bg and --prongsai-scroll-offset (room kept above an item scrolled to, e.g. for a
 *   sticky header) on the container.
 * Plain ES2019, no dependencies, no build step.
 */
(function () {
  'use strict';
  if (window.ProngsaiITA) {
    // The script is on the page twice: the first copy does the work.
    window.ProngsaiITA.render();
    return;
  }

  const script = document.currentScript;
  const DEFAULT_BASE = (() => {
    try {
      const src = new URL(script.src);
      // https://cms.example/widget/ita.js → https://cms.example (also under a path prefix).
      const m = /^(.*)\/widget\/[^/]+$/.exec(src.pathname);
      return src.origin + (m ? m[1] : '');
    } catch {
      return location.origin;
    }
  })();
  const TIMEOUT_MS = 20000;
  const generation = new WeakMap();
  const itemsOf = new WeakMap();

  const T = {
    title: 'การเปิดเผยข้อมูลสาธารณะ (ITA) ปีงบประมาณ พ.ศ. ',
    loading: 'กำลังโหลดข้อมูล…',
    // The item's status (the public subset of the compliance status, as the API gives it).
    st: {
      complete: 'เผยแพร่แล้ว',
      declared_none: 'ประกาศว่าไม่มี',
      not_yet_due: 'ยังไม่ถึงกำหนด',
      missing: 'ยังไม่เผยแพร่',
    },
    noData: 'ยังไม่มีข้อมูล',
    none: 'หน่วยงานแจ้งว่าไม่มีข้อมูลที่ต้องเผยแพร่ในข้อนี้',
    noItems: 'ยังไม่มีรายการตรวจสำหรับปีงบประมาณนี้',
    indicator: 'ตัวชี้วัดที่ ',
    subindicator: 'ตัวชี้วัดย่อยที่ ',
    published: 'เผยแพร่ ',
    newTab: ' (เปิดในแท็บใหม่)',
    itemLink: 'ลิงก์มายังข้อนี้',
    summary: (done, all) => `มีข้อมูลแล้ว ${done} จาก ${all} ข้อ`,
    noUnit: 'ยังไม่ได้ระบุรหัสหน่วยงาน (data-unit) ในโค้ดที่ฝังไว้',
    notFound: (unit, year, item) =>
      `ไม่พบข้อมูล ITA ของหน่วยงาน ${unit} ปีงบประมาณ พ.ศ. ${year}` + (item ? ` ข้อ ${item}` : ''),
    badRequest: 'โค้ดที่ฝังไว้ระบุข้อมูลไม่ถูกต้อง (รหัสหน่วยงาน ปีงบประมาณ หรือรหัสข้อ)',
    network: 'ไม่สามารถโหลดข้อมูล ITA ได้ กรุณาตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง',
    server: 'ระบบข้อมูล ITA ขัดข้องชั่วคราว กรุณาลองอีกครั้งภายหลัง',
    // The CMS answered a no-cors probe, so the refusal is CORS: this origin is not registered.
    origin: (o, unit) =>
      `ไม่สามารถโหลดข้อมูล ITA ได้: เว็บไซต์นี้ (${o}) ยังไม่ได้ลงทะเบียนเป็นเว็บไซต์ของหน่วยงาน ` +
      `ในระบบ ITA วิธีแก้: ผู้ดูแลระบบเปิดข้อมูลหน่วยงาน ${unit} ในระบบหลังบ้าน แล้วกรอก ${o} ` +
      'ในช่อง "เว็บไซต์หลักของหน่วยงาน"',
    originEn: (o, unit) =>
      `This site's origin (${o}) is not registered in the ITA CMS, so the browser refuses its ` +
      `data (CORS). To fix it, an administrator sets unit ${unit}'s website ("websiteUrl") to ` +
      `${o} in the admin panel (or adds it to CORS_ORIGINS).`,
    retry: 'ลองอีกครั้ง',
    sizes: ['ไบต์', 'กิโลไบต์', 'เมกะไบต์', 'กิกะไบต์'],
  };

  const CSS = `
:host{display:block}
:host([hidden]){display:none}
.w{all:initial;display:block;font-family:inherit;font-size:max(16px,1rem);line-height:1.65;
color:var(--prongsai-text,#1f2328);background:var(--prongsai-bg,#fff);text-align:start;
overflow-wrap:anywhere;--a:var(--prongsai-accent,#0a58a8)}
*{box-sizing:border-box}
h1,h2,h3,h4,h5,h6{color:inherit;font-family:inherit;font-weight:700;line-height:1.35;
letter-spacing:normal;text-transform:none;margin:1.4em 0 .5em;padding:0}
.t{font-size:1.45em;margin-top:0}
.i{font-size:1.25em;padding-bottom:.2em;border-bottom:2px solid var(--a)}
.s{font-size:1.1em}
.h{font-size:1em;margin:0 0 .4em}
p{margin:.3em 0}
ul{margin:0;padding:0;list-style:none}
a{color:var(--a);text-decoration:underline}
.u,.m,.fm,.sum{color:#57606a}
.m,.fm{font-size:.9em}
.it{border:1px solid #d0d7de;border-radius:6px;padding:.75em 1em;margin:.75em 0;
scroll-margin-top:var(--prongsai-scroll-offset,1em)}
.c{display:inline-block;min-width:2.8em;margin-inline-end:.5em;padding:0 .4em;border-radius:4px;
background:var(--a);color:#fff;text-align:center;text-decoration:none}
.en>li+li{margin-top:.6em;padding-top:.6em;border-top:1px dashed #d0d7de}
.et{font-weight:600}
.f{margin:.2em 0 0 1.2em;list-style:disc}
.nd{color:#57606a;font-style:italic}
.st{display:inline-block;font-size:.85em;margin:0 0 .4em;padding:0 .4em;border:1px solid;
border-radius:4px}
[data-status=complete]>.st,[data-status=declared_none]>.st{color:#1a7f37}
[data-status=missing]>.st{color:#cf222e}
.nt{background:#fff8c5;color:#1f2328;padding:.3em .6em;border-radius:4px}
.err{border-inline-start:4px solid #cf222e;background:#ffebe9;color:#1f2328;padding:.5em 1em}
button{font:inherit;margin:.4em 0;padding:.3em 1em;border:1px solid var(--a);border-radius:4px;
background:var(--a);color:#fff;cursor:pointer}
a:focus-visible,button:focus-visible,[tabindex="-1"]:focus{outline:3px solid var(--a);
outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap;border:0;padding:0}
@media (forced-colors:active){.c,button{border:1px solid}}`;

  /** createElement with attributes and children; strings become text nodes (never HTML). */
  const h = (tag, attrs, ...kids) => {
    const el = document.createElement(tag);
    for (const k in attrs || {}) if (attrs[k] != null) el.setAttribute(k, attrs[k]);
    for (const kid of kids.flat(Infinity)) if (kid != null && kid !== false) el.append(kid);
    return el;
  };
  const heading = (level, cls, ...kids) => h(`h${Math.min(level, 6)}`, { class: cls }, ...kids);
  const thaiDigits = (s) => String(s).replace(/[๐-๙]/g, (c) => c.charCodeAt(0) - 0x0e50);

  /** The current Thai fiscal year: Bangkok is UTC+7 all year; October starts the next year. */
  const currentFiscalYear = () => {
    const d = new Date(Date.now() + 7 * 3600 * 1000);
    return d.getUTCFullYear() + 543 + (d.getUTCMonth() >= 9 ? 1 : 0);
  };

  let dateFormat;
  const thaiDate = (iso) => {
    const d = new Date(iso);
    if (!iso || isNaN(d)) return null;
    try {
      dateFormat =
        dateFormat ||
        new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
          timeZone: 'Asia/Bangkok',
          day: 'numeric',
          month: 'short',
          year: 'numeric',
        });
      return dateFormat.format(d);
    } catch {
      return d.toISOString().slice(0, 10);
    }
  };

  const number = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 });
  const fileSize = (bytes) => {
    let n = bytes == null || bytes === '' ? NaN : Number(bytes);
    if (!isFinite(n) || n < 0) return null;
    let i = 0;
    for (; n >= 1024 && i < T.sizes.length - 1; i++) n /= 1024;
    return `${number.format(i ? n : Math.round(n))} ${T.sizes[i]}`;
  };

  const MIME = {
    'application/pdf': 'PDF',
    'text/csv': 'CSV',
    'image/jpeg': 'JPG',
    'image/png': 'PNG',
    'application/msword': 'DOC',
    'application/vnd.ms-excel': 'XLS',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  };
  const fileType = (f) => {
    const ext = /\.([a-z0-9]{1,5})$/i.exec(f.name || '');
    if (ext) return ext[1].toUpperCase();
    return (
      MIME[f.mime] ||
      String(f.mime || 'ไฟล์')
        .split('/')
        .pop()
        .toUpperCase()
    );
  };

  /** Absolute http(s) address of a link from the API (relative ones are the CMS's), else null. */
  const safeUrl = (url, base) => {
    try {
      const u = new URL(url, `${base}/`);
      return /^https?:$/.test(u.protocol) ? u.href : null;
    } catch {
      return null;
    }
  };

  const fileEl = (f, base) => {
    const href = safeUrl(f.url, base);
    const name = f.name || 'ไฟล์แนบ';
    const meta = [fileType(f), fileSize(f.size)].filter(Boolean).join(', ');
    return h(
      'li',
      null,
      href
        ? h(
            'a',
            { href, target: '_blank', rel: 'noopener' },
            name,
            h('span', { class: 'sr' }, T.newTab),
          )
        : name,
      ' ',
      meta ? h('span', { class: 'fm' }, `(${meta})`) : null,
    );
  };

  const entryEl = (e, base) => {
    const date = thaiDate(e.publishedAt);
    const files = Array.isArray(e.files) ? e.files : [];
    return h(
      'li',
      { class: 'e', 'data-type': e.type, 'data-id': e.documentId },
      e.title ? h('p', { class: 'et' }, e.title) : null,
      e.isNone ? h('p', { class: 'nt' }, e.noneText || T.none) : null,
      date
        ? h('p', { class: 'm' }, T.published, h('time', { datetime: e.publishedAt }, date))
        : null,
      files.length
        ? h(
            'ul',
            { class: 'f' },
            files.map((f) => fileEl(f, base)),
          )
        : null,
    );
  };

  /** The item's code as a link to itself (#O12); clicked when already there, it refocuses. */
  const selfLink = (code) => {
    const a = h('a', { class: 'c', href: `#${encodeURIComponent(code)}`, title: T.itemLink }, code);
    a.addEventListener('click', (ev) => {
      if (hashCode() === code.toUpperCase()) {
        ev.preventDefault();
        focusHash();
      }
    });
    return a;
  };

  const itemEl = (it, level, base) => {
    const code = String(it.code || '');
    const title = it.titleTh || it.titleEn || '';
    const entries = Array.isArray(it.entries) ? it.entries : [];
    const label = T.st[it.status] || it.statusTh || '';
    return h(
      'li',
      {
        class: 'it',
        tabindex: '-1',
        'aria-label': `${code} ${title}`,
        'data-code': code,
        'data-status': it.status,
      },
      heading(level, 'h', selfLink(code), ' ', title),
      label ? h('p', { class: 'st' }, label) : null,
      entries.length
        ? h(
            'ul',
            { class: 'en' },
            entries.map((e) => entryEl(e, base)),
          )
        : it.status === 'declared_none' || !label
          ? h('p', { class: 'nd' }, it.status === 'declared_none' ? T.none : T.noData)
          : null,
    );
  };

  /** Items grouped under indicator → sub-indicator headings, in the order they first appear. */
  const groupsEl = (items, level, base) => {
    const key = (x) => (x && x.code ? String(x.code) : '');
    const groups = new Map();
    for (const it of items) {
      const ik = key(it.indicator);
      if (!groups.has(ik)) groups.set(ik, { ind: it.indicator, subs: new Map() });
      const subs = groups.get(ik).subs;
      const sk = key(it.subindicator);
      if (!subs.has(sk)) subs.set(sk, { sub: it.subindicator, items: [] });
      subs.get(sk).items.push(it);
    }
    const title = (prefix, x) =>
      [x.code ? prefix + x.code : '', x.titleTh || x.titleEn].filter(Boolean).join(' ');
    return [...groups.values()].map(({ ind, subs }) => {
      const l1 = ind && ind.code ? level + 1 : level;
      return h(
        'section',
        null,
        l1 > level ? heading(l1, 'i', title(T.indicator, ind)) : null,
        [...subs.values()].map(({ sub, items: list }) => {
          // A sub-indicator without a code means "not grouped": no heading for it.
          const l2 = sub && sub.code ? l1 + 1 : l1;
          return [
            l2 > l1 ? heading(l2, 's', title(T.subindicator, sub)) : null,
            h(
              'ul',
              { class: 'its' },
              list.map((it) => itemEl(it, l2 + 1, base)),
            ),
          ];
        }),
      );
    });
  };

  const hashCode = () => {
    try {
      return decodeURIComponent(location.hash.slice(1)).trim().toUpperCase();
    } catch {
      return '';
    }
  };

  /** Scrolls to and focuses the item named by the page address (#O12), first widget having it. */
  const focusHash = () => {
    const code = hashCode();
    if (!code) return;
    for (const host of document.querySelectorAll('[data-prongsai-state="ready"]')) {
      const el = itemsOf.has(host) && itemsOf.get(host).get(code);
      if (el) {
        el.scrollIntoView({ block: 'start' });
        el.focus({ preventScroll: true });
        return;
      }
    }
  };

  const fetchJson = (url) => {
    const ctrl = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = ctrl && setTimeout(() => ctrl.abort(), TIMEOUT_MS);
    // A simple GET: no cookies, no custom headers, so no CORS preflight.
    return fetch(url, { credentials: 'omit', signal: ctrl ? ctrl.signal : undefined })
      .then((res) =>
        res
          .json()
          .catch(() => null)
          .then((body) => {
            if (res.ok && body && body.data) return body.data;
            const err = new Error(
              (body && body.error && body.error.message) || `HTTP ${res.status}`,
            );
            err.status = res.status;
            throw err;
          }),
      )
      .finally(() => timer && clearTimeout(timer));
  };

  /**
   * The public's forms (report wrong information, ask, rate, report corruption, follow a code):
   * public/widget/participation.js from this script's own server, loaded once, after the list,
   * unless the container says data-forms="off" (see that file for data-forms).
   */
  const participation = (host, root, base, unit) => {
    if (/^(off|none|false|no|0)$/i.test((host.dataset.forms || '').trim())) return;
    const attach = () =>
      window.ProngsaiParticipation &&
      window.ProngsaiParticipation.attach({ host, root, base, unit });
    if (window.ProngsaiParticipation) return attach();
    let s = document.querySelector('script[data-prongsai-participation]');
    if (!s) {
      s = h('script', {
        src: `${DEFAULT_BASE}/widget/participation.js`,
        'data-prongsai-participation': '',
      });
      s.async = true;
      document.head.append(s);
    }
    s.addEventListener('load', attach);
  };

  const render = (host, focus) => {
    if (!host) {
      document.querySelectorAll('[data-prongsai-ita]:not([data-prongsai-state])').forEach((el) => {
        try {
          render(el);
        } catch (err) {
          // One broken container (e.g. an element that cannot have a shadow root) spoils no other.
          console.error('Prongsai ITA:', err);
        }
      });
      return;
    }
    const gen = (generation.get(host) || 0) + 1;
    generation.set(host, gen);
    const ds = host.dataset;
    const unit = (ds.unit || '').trim();
    const year = thaiDigits(ds.year || '').trim() || String(currentFiscalYear());
    const item = (ds.item || '').trim();
    const base = (ds.api || DEFAULT_BASE).trim().replace(/\/+$/, '');
    const level = Math.min(Math.max(parseInt(ds.heading, 10) || 2, 1), 5);

    const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    const title = heading(level, 't', T.title + year);
    title.tabIndex = -1;
    const body = h('div', { class: 'b' }, h('p', { role: 'status' }, T.loading));
    const wrap = h('div', { class: 'w', lang: 'th', 'aria-busy': 'true' }, title, body);
    root.textContent = '';
    root.append(h('style', null, CSS), wrap);
    host.setAttribute('data-prongsai-state', 'loading');
    if (focus) title.focus();

    const done = (state, ...kids) => {
      body.textContent = '';
      body.append(...kids.flat(Infinity).filter(Boolean));
      wrap.setAttribute('aria-busy', 'false');
      host.setAttribute('data-prongsai-state', state);
    };
    const fail = (message, detail, retry, detailLang) =>
      done(
        'error',
        h(
          'div',
          { class: 'err', role: 'alert' },
          h('p', null, message),
          detail ? h('p', { class: 'm', lang: detailLang || null }, detail) : null,
          retry ? retryButton() : null,
        ),
      );
    const retryButton = () => {
      const b = h('button', { type: 'button' }, T.retry);
      b.addEventListener('click', () => render(host, true));
      return b;
    };

    if (!unit) return fail(T.noUnit);
    const path = ['api', 'ita', unit, year]
      .concat(item ? [item] : [])
      .map(encodeURIComponent)
      .join('/');
    fetchJson(`${base}/${path}`).then(
      (data) => {
        if (generation.get(host) !== gen) return;
        const items = data.item ? [data.item] : Array.isArray(data.items) ? data.items : [];
        const u = data.unit || {};
        if (data.fiscalYear) title.textContent = T.title + data.fiscalYear;
        const filled = items.filter(
          (it) => it.status === 'complete' || it.status === 'declared_none',
        ).length;
        done(
          'ready',
          u.nameTh || u.nameEn ? h('p', { class: 'u' }, u.nameTh || u.nameEn) : null,
          items.length > 1 ? h('p', { class: 'sum' }, T.summary(filled, items.length)) : null,
          items.length
            ? data.item
              ? h('ul', { class: 'its' }, itemEl(data.item, level + 1, base))
              : groupsEl(items, level, base)
            : h('p', { class: 'nd' }, T.noItems),
        );
        const map = new Map();
        body.querySelectorAll('.it').forEach((el) => map.set(el.dataset.code.toUpperCase(), el));
        itemsOf.set(host, map);
        focusHash();
        participation(host, root, base, unit);
      },
      (err) => {
        if (generation.get(host) !== gen) return;
        const s = err.status;
        // The CMS's message is "Thai / English": keep the Thai half as the detail.
        const detail =
          s && /[\u0e00-\u0e7f]/.test(err.message) ? err.message.split(' / ')[0] : null;
        if (s === 404) fail(T.notFound(unit, year, item), detail);
        else if (s === 400) fail(T.badRequest, detail);
        else if (s) fail(T.server, null, true);
        else if (err.name === 'AbortError')
          fail(T.network, null, true); // timed out
        else {
          // The request failed without an answer. If the CMS answers a no-cors request (an
          // opaque response), it is reachable and refused this page's origin: CORS.
          fetch(`${base}/${path}`, { mode: 'no-cors', credentials: 'omit' }).then(
            () => {
              if (generation.get(host) !== gen) return;
              console.warn(
                `Prongsai ITA: ${base} refused this site's origin (${location.origin}): register ` +
                  `it as unit ${unit}'s website (websiteUrl) in the CMS, or in CORS_ORIGINS.`,
              );
              fail(T.origin(location.origin, unit), T.originEn(location.origin, unit), true, 'en');
            },
            () => {
              if (generation.get(host) !== gen) return;
              console.warn(`Prongsai ITA: could not reach ${base}/${path} (${err.message}).`);
              fail(T.network, null, true);
            },
          );
        }
      },
    );
  };

  window.ProngsaiITA = { render: (element) => render(element) };
  window.addEventListener('hashchange', focusHash);
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', () => render());
  else render();
})();
