/*!
 * Prongsai participation forms — the public's side of the ITA widget (docs/participation.md):
 * report wrong information (beside every entry, and for the page in general), ask the unit a
 * question, rate its website, report corruption in confidence (a separate, confidential
 * channel), and follow a tracking code. Thai, no account.
 *
 * Not pasted by anyone: public/widget/ita.js loads it from its own server, once, when a widget
 * has rendered (so a page still pastes ONE script tag), unless the container says
 * data-forms="off". Container attributes (on the ita.js container):
 *   data-forms   optional  "off" for none; or a list of "corrections questions survey complaints
 *                          track" (space or comma separated); default: all of them
 *
 * Safety: everything a person wrote, and everything the server answers, is inserted as text
 * (textContent / text nodes), never as HTML. Requests go to the CMS without cookies; the page's
 * origin must be the unit's registered website (CORS), as for the list itself.
 *
 * The proof-of-work (ALTCHA). The server issues altcha-lib 2.8.0 challenges of its v2 protocol
 * (PBKDF2/SHA-256, a uint32 counter appended to the nonce, solved when the derived key starts
 * with the signed keyPrefix). This file solves them itself with the browser's WebCrypto PBKDF2,
 * the same computation as altcha-lib's solveChallenge, rather than loading the `altcha` web
 * component: that component is a second, larger script with its own UI and strings, it
 * registers a global custom element (<altcha-widget>) on the unit's page (a clash with a site
 * that already uses another version of it), and it would have to be vendored into this server's
 * public/ (never a CDN) and kept in step with altcha-lib's protocol. The solver below is ~40
 * lines and is proven against the server in tests/e2e/participation-widget.test.js. Solving
 * starts when a form opens, so it is usually done before the person presses "send".
 * Plain ES2019, no dependencies, no build step.
 */
(function () {
  'use strict';
  if (window.ProngsaiParticipation) return;

  const TIMEOUT_MS = 30000;
  const KINDS = ['corrections', 'questions', 'survey', 'complaints', 'track'];

  const T = {
    report: 'แจ้งข้อมูลไม่ถูกต้อง',
    reportAbout: (title) => `แจ้งข้อมูลไม่ถูกต้อง: ${title}`,
    section: 'ช่องทางการมีส่วนร่วมของประชาชน',
    general: 'แจ้งข้อมูลไม่ถูกต้องหรือไม่เป็นปัจจุบันในหน้านี้',
    ask: 'ถามคำถามถึงหน่วยงาน',
    rate: 'ประเมินความพึงพอใจต่อเว็บไซต์',
    track: 'ติดตามเรื่องด้วยรหัสติดตาม',
    confidential: 'ช่องทางร้องเรียนการทุจริต (เป็นความลับ)',
    confidentialNote:
      'เรื่องร้องเรียนการทุจริตและประพฤติมิชอบแยกจากช่องทางทั่วไป ผู้ที่อ่านได้มีเพียงเจ้าหน้าที่รับเรื่องร้องเรียนที่ได้รับมอบหมาย ไม่เปิดเผยต่อสาธารณะ และแจ้งโดยไม่เปิดเผยตัวตนได้',
    complain: 'แจ้งเรื่องร้องเรียนการทุจริต',
    close: 'ปิด',
    send: 'ส่ง',
    optional: ' (ไม่บังคับ)',
    required: ' (จำเป็น)',
    about: 'เกี่ยวกับรายการ: ',
    aboutPage: 'เกี่ยวกับหน้าข้อมูล ITA ของหน่วยงานโดยรวม',
    message: 'รายละเอียดข้อมูลที่ไม่ถูกต้องหรือไม่เป็นปัจจุบัน',
    question: 'คำถาม',
    name: 'ชื่อ',
    email: 'อีเมล (เพื่อรับแจ้งความคืบหน้า)',
    publishConsent:
      'ยินยอมให้เผยแพร่คำถามและคำตอบเป็นถาม–ตอบสาธารณะของหน่วยงาน (โดยไม่เปิดเผยชื่อและอีเมล)',
    ratings: {
      findability: 'ค้นหาข้อมูลที่ต้องการได้ง่าย',
      currency: 'ข้อมูลเป็นปัจจุบัน',
      ease: 'ใช้งานเว็บไซต์ได้สะดวก',
      overall: 'ความพึงพอใจโดยรวม',
    },
    scale: '1 = น้อยที่สุด, 5 = มากที่สุด',
    comment: 'ความคิดเห็นเพิ่มเติม',
    complaint: 'รายละเอียดเรื่องร้องเรียน (ใคร ทำอะไร ที่ไหน เมื่อใด)',
    category: 'ประเภทเรื่องร้องเรียน',
    categories: {
      bribery: 'การเรียกรับสินบน',
      procurement: 'การจัดซื้อจัดจ้าง',
      abuse_of_power: 'การใช้อำนาจหน้าที่โดยมิชอบ',
      conflict_of_interest: 'การมีผลประโยชน์ทับซ้อน',
      misconduct: 'การประพฤติมิชอบหรือผิดวินัย',
      other: 'อื่น ๆ',
    },
    anonymous: 'ร้องเรียนโดยไม่เปิดเผยตัวตน (ไม่ให้ช่องทางติดต่อกลับ)',
    contact: 'ช่องทางติดต่อกลับ',
    contactName: 'ชื่อผู้ร้องเรียน',
    contactEmail: 'อีเมล',
    contactPhone: 'หมายเลขโทรศัพท์',
    files: 'ไฟล์หลักฐาน',
    filesHint: (n, mb) =>
      `ไม่เกิน ${n} ไฟล์ ไฟล์ละไม่เกิน ${mb} MB (PDF, Word, Excel, ODF, CSV, JPG, PNG, GIF, WebP)`,
    maxChars: (n) => `ไม่เกิน ${n.toLocaleString('th-TH')} ตัวอักษร`,
    consentTitle: 'การคุ้มครองข้อมูลส่วนบุคคล (PDPA)',
    consentAgree:
      'ข้าพเจ้าได้อ่านและยินยอมตามข้อความข้างต้น (จำเป็นเมื่อให้ชื่อ อีเมล หรือช่องทางติดต่อ)',
    consentMissing: 'กรุณาอ่านและยืนยันความยินยอม (PDPA) เมื่อให้ชื่อ อีเมล หรือช่องทางติดต่อ',
    consentUnavailable: 'ไม่สามารถโหลดข้อความความยินยอม (PDPA) ได้ กรุณาลองอีกครั้ง',
    honeypot: 'เว็บไซต์ (เว้นว่างไว้)',
    solving: 'กำลังยืนยันว่าไม่ใช่โปรแกรมอัตโนมัติ อาจใช้เวลาสักครู่…',
    sending: 'กำลังส่ง…',
    sent: 'ได้รับเรื่องของท่านแล้ว',
    code: 'รหัสติดตาม: ',
    keep: 'โปรดจดรหัสนี้ไว้เพื่อติดตามความคืบหน้า',
    follow: 'ติดตามเรื่องนี้',
    youWrote: 'ข้อความที่ท่านส่ง',
    trackCode: 'รหัสติดตาม (เช่น 7KQ2M-X9D4P)',
    check: 'ตรวจสอบสถานะ',
    kind: 'ประเภท: ',
    status: 'สถานะ: ',
    unit: 'หน่วยงาน: ',
    received: 'วันที่รับเรื่อง: ',
    due: 'กำหนดตอบภายใน: ',
    closed: 'วันที่ปิดเรื่อง: ',
    reply: 'คำตอบจากหน่วยงาน',
    reason: 'เหตุผลที่ไม่รับพิจารณา',
    noReply: 'ยังไม่มีคำตอบจากหน่วยงาน',
    kinds: {
      correction: 'แจ้งข้อมูลไม่ถูกต้อง',
      question: 'คำถาม',
      survey: 'แบบประเมินความพึงพอใจ',
      complaint: 'เรื่องร้องเรียนการทุจริต',
    },
    statuses: {
      received: 'ได้รับเรื่องแล้ว',
      assigned: 'อยู่ระหว่างดำเนินการ',
      answered: 'ตอบแล้ว',
      resolved: 'ดำเนินการเสร็จสิ้น',
      rejected: 'ไม่รับพิจารณา',
      investigating: 'อยู่ระหว่างตรวจสอบ',
    },
    e400: 'ข้อมูลที่ส่งไม่ถูกต้อง',
    e404: 'ไม่พบหน่วยงานหรือรายการนี้ในระบบ',
    e404track: 'ไม่พบเรื่องที่มีรหัสติดตามนี้ กรุณาตรวจสอบรหัสอีกครั้ง',
    e413: 'ข้อความหรือไฟล์แนบมีขนาดใหญ่เกินกำหนด',
    e429: (min) => `ส่งเรื่องบ่อยเกินไป กรุณาลองใหม่ในอีกประมาณ ${min} นาที`,
    eServer: 'ระบบขัดข้องชั่วคราว กรุณาลองอีกครั้งภายหลัง',
    eNetwork: 'ไม่สามารถติดต่อระบบได้ กรุณาตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง',
    eSolve: 'ไม่สามารถยืนยันว่าไม่ใช่โปรแกรมอัตโนมัติได้ กรุณาลองอีกครั้ง',
    eTooManyFiles: (n) => `แนบไฟล์ได้ไม่เกิน ${n} ไฟล์`,
    eFileSize: (name, mb) => `ไฟล์ ${name} ใหญ่เกิน ${mb} MB`,
    eTooLong: (label, n) => `${label} ยาวเกิน ${n} ตัวอักษร`,
    eRequired: (label) => `กรุณากรอก${label}`,
    eRatings: 'กรุณาให้คะแนนทุกข้อ (1–5)',
  };

  const CSS = `
.pp{margin-top:1.5em;border-top:2px solid var(--a);padding-top:.5em}
.pp h2,.pp h3,.pp h4,.pp h5,.pp h6{font-size:1.15em;margin:.8em 0 .4em}
.pp .cf{border:2px solid #8250df;border-radius:6px;padding:.5em 1em;margin-top:1em}
.pp .cf p{margin:.3em 0}
.lk{font:inherit;background:none;border:0;padding:0;margin:0;color:var(--a);
text-decoration:underline;cursor:pointer;text-align:start}
.rp{font-size:.9em;margin:.3em 0 0}
.acts{display:flex;flex-wrap:wrap;gap:.5em 1em}
dialog.dw{--a:var(--prongsai-accent,#0a58a8);max-width:min(40em,calc(100vw - 2em));width:100%;
max-height:calc(100vh - 2em);overflow:auto;border:1px solid #8c959f;border-radius:8px;
padding:1em 1.25em;color:var(--prongsai-text,#1f2328);background:var(--prongsai-bg,#fff);
font-family:inherit;font-size:max(16px,1rem);line-height:1.6;text-align:start;
overflow-wrap:anywhere;letter-spacing:normal;text-transform:none}
dialog::backdrop{background:rgba(0,0,0,.45)}
dialog h2,dialog h3{font-size:1.2em;margin:0 0 .6em}
.x{float:right;margin:0 0 .5em .5em;background:#fff;color:var(--a)}
label,legend{display:block;font-weight:600;margin:.8em 0 .2em}
fieldset{border:1px solid #d0d7de;border-radius:6px;margin:.8em 0;padding:.3em .8em .6em}
.ck label,.sc label{display:inline;font-weight:400;margin:0 .8em 0 .2em}
.ck{margin:.8em 0}
input[type=text],input[type=email],input[type=tel],input:not([type]),textarea,select{
font:inherit;width:100%;padding:.35em .5em;border:1px solid #8c959f;border-radius:4px;
color:inherit;background:#fff}
textarea{min-height:7em;resize:vertical}
input:focus-visible,textarea:focus-visible,select:focus-visible,.lk:focus-visible{
outline:3px solid var(--a);outline-offset:2px}
[aria-invalid=true]{border-color:#cf222e;border-width:2px}
.hint{font-size:.85em;color:#57606a;margin:.15em 0}
.pd{font-size:.85em;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;
padding:.4em .8em;margin:.8em 0}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.ok{border-inline-start:4px solid #1a7f37;background:#dafbe1;padding:.5em 1em;margin:.6em 0}
.ok .tc{font-size:1.3em;font-weight:700;letter-spacing:.05em}
.st2{margin:.5em 0}
.said{white-space:pre-wrap;background:#f6f8fa;border-radius:4px;padding:.4em .6em}
.rpl{white-space:pre-wrap;border-inline-start:4px solid var(--a);padding:.3em .8em;margin:.4em 0}
dl{margin:.4em 0}dt{font-weight:600}dd{margin:0 0 .3em}`;

  /** createElement with attributes and children; strings become text nodes (never HTML). */
  const h = (tag, attrs, ...kids) => {
    const el = document.createElement(tag);
    for (const k in attrs || {})
      if (attrs[k] != null && attrs[k] !== false) el.setAttribute(k, attrs[k]);
    for (const kid of kids.flat(Infinity)) if (kid != null && kid !== false) el.append(kid);
    return el;
  };
  /** Element.append with nested lists flattened and empty parts left out. */
  const put = (el, ...kids) =>
    el.append(...kids.flat(Infinity).filter((k) => k != null && k !== false));
  let seq = 0;
  const uid = (p) => `pp-${p}-${++seq}`;

  /** Public responses are HTML-escaped by the server (docs/participation.md): decode, then insert as text. */
  const ENT = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };
  const unescape = (s) =>
    s == null ? '' : String(s).replace(/&(?:lt|gt|quot|#39|amp);/g, (m) => ENT[m]);
  const thaiPart = (msg) => String(msg || '').split(' / ')[0];

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
          month: 'long',
          year: 'numeric',
        });
      return dateFormat.format(d);
    } catch {
      return d.toISOString().slice(0, 10);
    }
  };

  // ---- HTTP ---------------------------------------------------------------------------------

  /** fetch without cookies; resolves { status, body, retryAfter }, rejects only on network errors. */
  const call = (url, init) => {
    const ctrl = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = ctrl && setTimeout(() => ctrl.abort(), TIMEOUT_MS);
    return fetch(
      url,
      Object.assign({ credentials: 'omit', signal: ctrl ? ctrl.signal : undefined }, init),
    )
      .then((res) =>
        res
          .json()
          .catch(() => null)
          .then((body) => ({
            status: res.status,
            body,
            retryAfter: Number(res.headers.get('Retry-After')) || 0,
          })),
      )
      .finally(() => timer && clearTimeout(timer));
  };

  /** The Thai message for an answer that is not a success (400/404/413/429/5xx). */
  const errorText = (r, track) => {
    const err = (r.body && r.body.error) || {};
    const detail = /[\u0e00-\u0e7f]/.test(err.message || '') ? thaiPart(err.message) : '';
    if (r.status === 400) return detail || T.e400;
    if (r.status === 404) return track ? T.e404track : detail || T.e404;
    if (r.status === 413) return detail ? `${T.e413}: ${detail}` : T.e413;
    if (r.status === 429) {
      // Retry-After is not readable across origins (not exposed): the body says it too.
      const s = (err.details && Number(err.details.retryAfter)) || r.retryAfter || 60;
      return T.e429(Math.max(1, Math.ceil(s / 60)));
    }
    return T.eServer;
  };

  // ---- ALTCHA (see the header) --------------------------------------------------------------

  const hexToBytes = (hex) => new Uint8Array((hex.match(/../g) || []).map((x) => parseInt(x, 16)));
  const bytesToHex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

  /** altcha-lib 2.8.0 v2 solveChallenge (counterMode uint32) over WebCrypto PBKDF2. */
  const solve = async (challenge, stop) => {
    const p = (challenge && challenge.parameters) || {};
    const m = /^PBKDF2\/SHA-(256|384|512)$/.exec(p.algorithm || '');
    if (!m || !/^[0-9a-f]+$/i.test(p.keyPrefix || '') || !(p.cost > 0))
      throw new Error('challenge');
    const hash = `SHA-${m[1]}`;
    const salt = hexToBytes(p.salt);
    const nonce = hexToBytes(p.nonce);
    const bits = (p.keyLength || 32) * 8;
    const prefix = p.keyPrefix.toLowerCase();
    const started = Date.now();
    const derive = async (n) => {
      const pw = new Uint8Array(nonce.length + 4);
      pw.set(nonce);
      new DataView(pw.buffer).setUint32(nonce.length, n, false);
      const key = await crypto.subtle.importKey('raw', pw, 'PBKDF2', false, ['deriveBits']);
      const dk = await crypto.subtle.deriveBits(
        { name: 'PBKDF2', hash, salt, iterations: p.cost },
        key,
        bits,
      );
      return bytesToHex(new Uint8Array(dk));
    };
    // Several counters at once: WebCrypto runs them on the browser's worker threads.
    const batch = Math.min(8, Math.max(2, navigator.hardwareConcurrency || 4));
    for (let n = 0; n <= 0xffffffff; n += batch) {
      const keys = await Promise.all(Array.from({ length: batch }, (_, i) => derive(n + i)));
      const i = keys.findIndex((k) => k.startsWith(prefix));
      if (i >= 0) return { counter: n + i, derivedKey: keys[i], time: Date.now() - started };
      if (Date.now() - started > 5 * 60 * 1000 || (stop && stop())) break;
    }
    throw new Error('unsolved');
  };

  /** A fresh challenge, solved: the `altcha` field as the widget of altcha.org sends it. */
  const solvedChallenge = (base, stop) =>
    call(`${base}/api/participation/challenge`).then((r) => {
      if (r.status !== 200 || !r.body || !r.body.parameters) {
        const e = new Error('challenge');
        e.response = r;
        throw e;
      }
      return solve(r.body, stop).then((solution) =>
        btoa(JSON.stringify({ challenge: r.body, solution })),
      );
    });

  // ---- Settings (consent text, limits) ------------------------------------------------------

  const settingsOf = new Map();
  const DEFAULTS = {
    consent: null,
    limits: {
      message: 5000,
      question: 5000,
      comment: 2000,
      name: 200,
      email: 254,
      phone: 40,
      maxFiles: 3,
      maxFileBytes: 10 * 1024 * 1024,
    },
    complaintCategories: Object.keys(T.categories),
  };
  const loadSettings = (base) => {
    if (!settingsOf.has(base))
      settingsOf.set(
        base,
        call(`${base}/api/participation/settings`).then(
          (r) => (r.status === 200 && r.body && r.body.data) || DEFAULTS,
          () => DEFAULTS,
        ),
      );
    return settingsOf.get(base);
  };

  // ---- Form parts ---------------------------------------------------------------------------

  const field = (type, name, label, opts) => {
    const o = opts || {};
    const id = uid(name);
    const hint = o.max ? h('p', { class: 'hint', id: `${id}-h` }, T.maxChars(o.max)) : null;
    const attrs = {
      id,
      name,
      maxlength: o.max,
      required: o.required ? '' : null,
      autocomplete: o.autocomplete,
      inputmode: o.inputmode,
      'aria-describedby': hint ? `${id}-h` : null,
    };
    const input =
      type === 'textarea' ? h('textarea', attrs) : h('input', Object.assign({ type }, attrs));
    return h(
      'div',
      { class: 'fd' },
      h('label', { for: id }, label, o.required ? T.required : T.optional),
      input,
      hint,
    );
  };

  const checkbox = (name, label, checked) => {
    const id = uid(name);
    const box = h('input', { type: 'checkbox', id, name, checked: checked ? '' : null });
    return h('div', { class: 'ck' }, box, h('label', { for: id }, label));
  };

  /** The honeypot: hidden from people (off-screen), screen readers (aria-hidden) and the keyboard. */
  const honeypot = () => {
    const id = uid('website');
    return h(
      'div',
      { class: 'hp', 'aria-hidden': 'true' },
      h('label', { for: id }, T.honeypot),
      h('input', { type: 'text', id, name: 'website', tabindex: '-1', autocomplete: 'off' }),
    );
  };

  const consentBox = (settings) =>
    h(
      'div',
      { class: 'pd', role: 'note' },
      h('p', null, h('strong', null, T.consentTitle)),
      h('p', { class: 'ct' }, settings.consent ? settings.consent.text : T.consentUnavailable),
      checkbox('consent', T.consentAgree, false),
    );

  // ---- The dialog ---------------------------------------------------------------------------

  const dialogFor = (ctx, titleText) => {
    const hid = uid('t');
    const dlg = h('dialog', { 'aria-labelledby': hid, lang: 'th', class: 'dw' });
    const x = h('button', { type: 'button', class: 'x' }, T.close);
    x.addEventListener('click', () => dlg.close());
    dlg.addEventListener('close', () => dlg.remove());
    const body = h('div', { class: 'db' });
    dlg.append(x, h('h2', { id: hid, tabindex: '-1' }, titleText), body);
    ctx.root.append(dlg);
    dlg.showModal();
    return { dlg, body, heading: dlg.querySelector('h2') };
  };

  const value = (form, name) => {
    const el = form.elements.namedItem(name);
    return el && typeof el.value === 'string' ? el.value.trim() : '';
  };
  const checked = (form, name) => {
    const el = form.elements.namedItem(name);
    return Boolean(el && el.checked);
  };

  /**
   * One form in a dialog: builds the fields, starts solving a challenge as it opens, checks what
   * it can before sending (required, lengths, files, consent), sends, explains any refusal in
   * Thai next to the field it concerns, and shows the tracking code on success.
   */
  const openForm = (ctx, spec) => {
    const { dlg, body, heading } = dialogFor(ctx, spec.title);
    // Closing the form stops the work on its challenge.
    const stop = () => !dlg.isConnected;
    const status = h('div', { role: 'status', 'aria-live': 'polite', class: 'st2' });
    const alert = h('div', { role: 'alert', class: 'err', hidden: '' });
    const form = h('form', { novalidate: '', 'data-form': spec.kind });
    body.append(form);
    let challenge = null;
    const prepare = () => {
      challenge = solvedChallenge(ctx.base, stop);
      challenge.catch(() => {}); // reported when the form is sent
    };
    prepare();
    loadSettings(ctx.base).then((settings) => {
      put(
        form,
        spec.fields(settings),
        honeypot(),
        spec.personal ? consentBox(settings) : null,
        alert,
        status,
        h('button', { type: 'submit' }, T.send),
      );
      const first = form.querySelector('textarea,input:not([tabindex="-1"]),select');
      if (first) first.focus();
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        send(settings);
      });
    });

    const fail = (text, fieldName) => {
      alert.textContent = text;
      alert.hidden = false;
      status.textContent = '';
      const el = fieldName && form.elements.namedItem(String(fieldName).split('.')[0]);
      if (el && el.focus) {
        if (el.setAttribute) el.setAttribute('aria-invalid', 'true');
        el.focus();
      } else {
        alert.setAttribute('tabindex', '-1');
        alert.focus();
      }
    };

    let busy = false;
    const send = async (settings) => {
      if (busy) return;
      form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
      alert.hidden = true;
      const problem = spec.check(form, settings);
      if (problem) return fail(problem[0], problem[1]);
      if (spec.personal && spec.personal(form) && !checked(form, 'consent'))
        return fail(T.consentMissing, 'consent');
      busy = true;
      form.setAttribute('aria-busy', 'true');
      try {
        status.textContent = T.solving;
        let altcha;
        try {
          altcha = await challenge;
        } catch (err) {
          prepare();
          if (err && err.response) return fail(errorText(err.response));
          return fail(err && err.name === 'TypeError' ? T.eNetwork : T.eSolve);
        }
        status.textContent = T.sending;
        const payload = spec.body(form);
        const honey = value(form, 'website');
        let init;
        if (spec.multipart) {
          const fd = new FormData();
          for (const k in payload)
            fd.append(
              k,
              typeof payload[k] === 'object' ? JSON.stringify(payload[k]) : String(payload[k]),
            );
          fd.append('altcha', altcha);
          if (honey) fd.append('website', honey);
          for (const f of spec.files(form)) fd.append('files', f, f.name);
          init = { method: 'POST', body: fd };
        } else {
          init = {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(
              Object.assign(payload, { altcha }, honey ? { website: honey } : {}),
            ),
          };
        }
        let r;
        try {
          r = await call(
            `${ctx.base}/api/participation/${encodeURIComponent(ctx.unit)}/${spec.kind}`,
            init,
          );
        } catch {
          prepare();
          return fail(T.eNetwork);
        }
        const errField =
          r.body && r.body.error && r.body.error.details && r.body.error.details.field;
        // A refusal before the challenge was checked leaves the solution unused: keep it; any other
        // answer used it up (a new one is solved for the next try; none after a success).
        if (r.status !== 201 && (r.status !== 400 || !errField || errField === 'altcha')) prepare();
        if (r.status !== 201 || !r.body || !r.body.data) return fail(errorText(r), errField);
        done(r.body.data.trackingCode, spec.summary(form));
      } finally {
        busy = false;
        form.removeAttribute('aria-busy');
      }
    };

    const done = (code, said) => {
      body.textContent = '';
      const follow = h('button', { type: 'button' }, T.follow);
      follow.addEventListener('click', () => {
        body.closest('dialog').close();
        openTrack(ctx, code);
      });
      put(
        body,
        h(
          'div',
          { class: 'ok', role: 'status' },
          h('p', null, T.sent),
          h('p', null, T.code, h('span', { class: 'tc', 'data-tracking-code': '' }, code)),
          h('p', null, T.keep),
        ),
        said.length
          ? h(
              'div',
              { class: 'you' },
              h('h3', null, T.youWrote),
              said.map(([label, text]) =>
                h('div', null, h('p', { class: 'hint' }, label), h('p', { class: 'said' }, text)),
              ),
            )
          : null,
        follow,
      );
      heading.focus();
    };
  };

  const tooLong = (form, name, label, max) =>
    [...value(form, name)].length > max ? [T.eTooLong(label, max), name] : null;
  const need = (form, name, label) => (value(form, name) ? null : [T.eRequired(label), name]);
  const firstOf = (...checks) => checks.find(Boolean) || null;

  // ---- The four forms -----------------------------------------------------------------------

  const openCorrection = (ctx, entry) =>
    openForm(ctx, {
      kind: 'corrections',
      title: T.report,
      personal: (f) => Boolean(value(f, 'email')),
      fields: (s) => [
        h('p', { class: 'hint' }, entry ? [T.about, h('strong', null, entry.title)] : T.aboutPage),
        field('textarea', 'message', T.message, { required: true, max: s.limits.message }),
        field('email', 'email', T.email, { max: s.limits.email, autocomplete: 'email' }),
      ],
      check: (f, s) =>
        firstOf(need(f, 'message', T.message), tooLong(f, 'message', T.message, s.limits.message)),
      body: (f) => {
        const b = { message: value(f, 'message') };
        if (entry) b.entry = entry.documentId;
        if (value(f, 'email')) b.email = value(f, 'email');
        return b;
      },
      summary: (f) => [[T.message, value(f, 'message')]],
    });

  const openQuestion = (ctx) =>
    openForm(ctx, {
      kind: 'questions',
      title: T.ask,
      personal: (f) => Boolean(value(f, 'name') || value(f, 'email')),
      fields: (s) => [
        field('textarea', 'question', T.question, { required: true, max: s.limits.question }),
        field('text', 'name', T.name, { max: s.limits.name, autocomplete: 'name' }),
        field('email', 'email', T.email, { max: s.limits.email, autocomplete: 'email' }),
        checkbox('publishConsent', T.publishConsent, false),
      ],
      check: (f, s) =>
        firstOf(
          need(f, 'question', T.question),
          tooLong(f, 'question', T.question, s.limits.question),
          tooLong(f, 'name', T.name, s.limits.name),
        ),
      body: (f) => {
        const b = { question: value(f, 'question'), publishConsent: checked(f, 'publishConsent') };
        if (value(f, 'name')) b.name = value(f, 'name');
        if (value(f, 'email')) b.email = value(f, 'email');
        return b;
      },
      summary: (f) =>
        [
          [T.question, value(f, 'question')],
          value(f, 'name') ? [T.name, value(f, 'name')] : null,
        ].filter(Boolean),
    });

  const ratingGroup = (name, label) =>
    h(
      'fieldset',
      { class: 'sc', 'data-rating': name },
      h('legend', null, label, T.required),
      [1, 2, 3, 4, 5].map((n) => {
        const id = uid(`${name}${n}`);
        return [
          h('input', { type: 'radio', id, name, value: String(n), required: '' }),
          h('label', { for: id }, String(n)),
        ];
      }),
    );

  const openSurvey = (ctx) =>
    openForm(ctx, {
      kind: 'survey',
      title: T.rate,
      fields: (s) => [
        h('p', { class: 'hint' }, T.scale),
        Object.keys(T.ratings).map((k) => ratingGroup(k, T.ratings[k])),
        field('textarea', 'comment', T.comment, { max: s.limits.comment }),
      ],
      check: (f, s) => {
        const missing = Object.keys(T.ratings).find(
          (k) => !f.querySelector(`input[name="${k}"]:checked`),
        );
        if (missing) return [T.eRatings, null];
        return tooLong(f, 'comment', T.comment, s.limits.comment);
      },
      body: (f) => {
        const ratings = {};
        for (const k of Object.keys(T.ratings))
          ratings[k] = Number(f.querySelector(`input[name="${k}"]:checked`).value);
        const b = { ratings };
        if (value(f, 'comment')) b.comment = value(f, 'comment');
        return b;
      },
      summary: (f) => (value(f, 'comment') ? [[T.comment, value(f, 'comment')]] : []),
    });

  const openComplaint = (ctx) =>
    openForm(ctx, {
      kind: 'complaints',
      title: T.complain,
      multipart: true,
      personal: (f) =>
        !checked(f, 'anonymous') &&
        Boolean(value(f, 'cname') || value(f, 'cemail') || value(f, 'cphone')),
      fields: (s) => {
        const catId = uid('category');
        const contact = h(
          'fieldset',
          { class: 'co', hidden: '' },
          h('legend', null, T.contact),
          field('text', 'cname', T.contactName, { max: s.limits.name, autocomplete: 'name' }),
          field('email', 'cemail', T.contactEmail, { max: s.limits.email, autocomplete: 'email' }),
          field('tel', 'cphone', T.contactPhone, {
            max: s.limits.phone,
            autocomplete: 'tel',
            inputmode: 'tel',
          }),
        );
        const anon = checkbox('anonymous', T.anonymous, true);
        anon.querySelector('input').addEventListener('change', (ev) => {
          contact.hidden = ev.target.checked;
        });
        const filesId = uid('files');
        const mb = Math.round((s.limits.maxFileBytes / 1024 / 1024) * 10) / 10;
        return [
          h('p', { class: 'hint' }, T.confidentialNote),
          h(
            'div',
            { class: 'fd' },
            h('label', { for: catId }, T.category),
            h(
              'select',
              { id: catId, name: 'category' },
              s.complaintCategories.map((c) =>
                h(
                  'option',
                  { value: c, selected: c === 'other' ? '' : null },
                  T.categories[c] || c,
                ),
              ),
            ),
          ),
          field('textarea', 'message', T.complaint, { required: true, max: s.limits.message }),
          anon,
          contact,
          s.limits.maxFiles > 0
            ? h(
                'div',
                { class: 'fd' },
                h('label', { for: filesId }, T.files, T.optional),
                h('input', {
                  type: 'file',
                  id: filesId,
                  name: 'files',
                  multiple: '',
                  accept:
                    '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.csv,.jpg,.jpeg,.png,.gif,.webp',
                  'aria-describedby': `${filesId}-h`,
                }),
                h('p', { class: 'hint', id: `${filesId}-h` }, T.filesHint(s.limits.maxFiles, mb)),
              )
            : null,
        ];
      },
      files: (f) => {
        const el = f.elements.namedItem('files');
        return el && el.files ? Array.from(el.files) : [];
      },
      check: (f, s) => {
        const el = f.elements.namedItem('files');
        const files = el && el.files ? Array.from(el.files) : [];
        const mb = Math.round((s.limits.maxFileBytes / 1024 / 1024) * 10) / 10;
        const big = files.find((x) => x.size > s.limits.maxFileBytes);
        return firstOf(
          need(f, 'message', T.complaint),
          tooLong(f, 'message', T.complaint, s.limits.message),
          files.length > s.limits.maxFiles ? [T.eTooManyFiles(s.limits.maxFiles), 'files'] : null,
          big ? [T.eFileSize(big.name, mb), 'files'] : null,
        );
      },
      body: (f) => {
        const anonymous = checked(f, 'anonymous');
        const b = {
          message: value(f, 'message'),
          category: value(f, 'category') || 'other',
          anonymous,
        };
        if (!anonymous) {
          const c = {};
          if (value(f, 'cname')) c.name = value(f, 'cname');
          if (value(f, 'cemail')) c.email = value(f, 'cemail');
          if (value(f, 'cphone')) c.phone = value(f, 'cphone');
          if (Object.keys(c).length) b.contact = c;
        }
        return b;
      },
      summary: (f) => [[T.complaint, value(f, 'message')]],
    });

  // ---- Following a tracking code ------------------------------------------------------------

  const openTrack = (ctx, code) => {
    const { body } = dialogFor(ctx, T.track);
    const form = h('form', { novalidate: '', 'data-form': 'track' });
    const id = uid('code');
    const input = h('input', {
      type: 'text',
      id,
      name: 'code',
      required: '',
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: '20',
    });
    const out = h('div', { class: 'res', 'aria-live': 'polite' });
    form.append(
      h('label', { for: id }, T.trackCode),
      input,
      h('button', { type: 'submit' }, T.check),
    );
    body.append(form, out);
    const check = async () => {
      const c = input.value.trim().toUpperCase();
      out.textContent = '';
      if (!c) return put(out, h('p', { role: 'alert', class: 'err' }, T.eRequired('รหัสติดตาม')));
      let r;
      try {
        r = await call(`${ctx.base}/api/participation/requests/${encodeURIComponent(c)}`);
      } catch {
        return put(out, h('p', { role: 'alert', class: 'err' }, T.eNetwork));
      }
      if (r.status !== 200 || !r.body || !r.body.data)
        return put(out, h('p', { role: 'alert', class: 'err' }, errorText(r, true)));
      const d = r.body.data;
      const row = (label, v) => (v ? [h('dt', null, label), h('dd', null, v)] : null);
      const answerable = d.kind === 'correction' || d.kind === 'question';
      put(
        out,
        h(
          'dl',
          { 'data-status': d.status, 'data-kind': d.kind },
          row(T.code, d.trackingCode),
          row(T.kind, T.kinds[d.kind] || d.kind),
          row(T.status, T.statuses[d.status] || d.status),
          row(T.unit, d.unit && d.unit.nameTh),
          row(T.received, thaiDate(d.receivedAt)),
          answerable && !d.closedAt ? row(T.due, thaiDate(d.dueAt)) : null,
          row(T.closed, thaiDate(d.closedAt)),
        ),
        d.reply
          ? [h('h3', null, T.reply), h('p', { class: 'rpl', 'data-reply': '' }, unescape(d.reply))]
          : answerable && d.status !== 'rejected'
            ? h('p', { class: 'hint' }, T.noReply)
            : null,
        d.rejectionReason
          ? [h('h3', null, T.reason), h('p', { class: 'rpl' }, unescape(d.rejectionReason))]
          : null,
      );
    };
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      check();
    });
    if (code) {
      input.value = code;
      check();
    }
    input.focus();
  };

  // ---- Attaching to a rendered ITA widget ---------------------------------------------------

  /** Which forms a container asks for: data-forms="off" | a list | (default) all. */
  const formsOf = (host) => {
    const raw = (host.dataset.forms || '').trim().toLowerCase();
    if (!raw) return new Set(KINDS);
    if (/^(off|none|false|no|0)$/.test(raw)) return new Set();
    return new Set(raw.split(/[\s,]+/).filter((k) => KINDS.includes(k)));
  };

  const linkButton = (label, onClick, attrs) => {
    const b = h('button', Object.assign({ type: 'button', class: 'lk' }, attrs || {}), label);
    b.addEventListener('click', onClick);
    return b;
  };

  /**
   * Called by ita.js once a container has rendered (state "ready"): a "report wrong information"
   * link beside every entry, and the forms below the list.
   */
  const attach = (opts) => {
    const { host, root, base, unit } = opts;
    const forms = formsOf(host);
    if (!forms.size || !root || !unit) return;
    const ctx = { host, root, base, unit };
    const wrap = root.querySelector('.w') || root;
    if (!root.querySelector('style[data-pp]')) root.append(h('style', { 'data-pp': '' }, CSS));
    loadSettings(base);

    if (forms.has('corrections'))
      root.querySelectorAll('li.e[data-id]').forEach((li) => {
        if (li.querySelector('.rp')) return;
        const t = li.querySelector('.et');
        const entry = { documentId: li.dataset.id, title: t ? t.textContent : '' };
        li.append(
          h(
            'p',
            { class: 'rp' },
            linkButton(T.report, () => openCorrection(ctx, entry), {
              'aria-label': entry.title ? T.reportAbout(entry.title) : T.report,
              'data-entry': entry.documentId,
            }),
          ),
        );
      });

    const old = wrap.querySelector('.pp');
    if (old) old.remove();
    const level = Math.min(Math.max(parseInt(host.dataset.heading, 10) || 2, 1), 5) + 1;
    const hd = (text) => h(`h${Math.min(level, 6)}`, null, text);
    const general = [
      forms.has('corrections') ? linkButton(T.general, () => openCorrection(ctx, null)) : null,
      forms.has('questions') ? linkButton(T.ask, () => openQuestion(ctx)) : null,
      forms.has('survey') ? linkButton(T.rate, () => openSurvey(ctx)) : null,
      forms.has('track') ? linkButton(T.track, () => openTrack(ctx)) : null,
    ].filter(Boolean);
    const section = h(
      'section',
      { class: 'pp', 'aria-label': T.section },
      general.length ? [hd(T.section), h('div', { class: 'acts' }, general)] : null,
      forms.has('complaints')
        ? h(
            'div',
            { class: 'cf' },
            hd(T.confidential),
            h('p', null, T.confidentialNote),
            linkButton(T.complain, () => openComplaint(ctx)),
          )
        : null,
    );
    wrap.append(section);
  };

  /**
   * attach: used by ita.js. solveChallenge(challenge) → Promise<{ counter, derivedKey, time }>:
   * the solver, for a page that builds its own form (base64 of JSON { challenge, solution } is
   * the `altcha` field).
   */
  window.ProngsaiParticipation = { attach, solveChallenge: solve };
})();
