/**
 * What a person sees on an admin screen, measured in the browser: visible text lines in Latin
 * letters with no Thai (outside an allowlist of data), elements whose text overflows its box,
 * and console errors. Used by tests/e2e/thai-ui.test.js.
 */

/**
 * Data, not interface text: codes, e-mail addresses, URLs, file names, numbers and dates, MIME
 * types, the product's own name. Everything else an editor reads must have Thai in it.
 */
const ALLOW = [
  /^[A-Z0-9][A-Z0-9._/-]*$/, // codes: OQA, O11, PV-AGRI, ITA, PDF, DOCX
  /^[A-Z]{1,4}\d*[A-Z0-9.-]*(\s*[·,/]\s*[A-Z0-9.-]+)*$/,
  /^[\w.+-]+@[\w.-]+$/, // e-mail
  /^(https?:\/\/|\/)\S*$/, // URLs, paths
  /^[\w ().\-–]+\.(pdf|docx?|xlsx?|csv|png|jpe?g|gif|svg|webp|zip|txt|odt|ods)$/i, // files
  /^[\d\s.,:/%()+–-]*(KB|MB|GB|B|px|x|×)?$/i, // numbers, sizes, dates
  /^(image|application|text|video|audio)\/[\w.+-]+$/i, // MIME types
  /^Prongsai$/i,
  /^(th|en|TH|EN)$/,
  /^[A-Za-z]$/, // single letters: avatars' initials, keyboard hints
];

const isAllowed = (line) => ALLOW.some((re) => re.test(line));

/** Runs in the page: the visible text lines and the elements whose text spills out of its box. */
const measurePage = () => {
  const visible = (el) => {
    if (!el) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0)
      return false;
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  const lines = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const parent = node.parentElement;
    if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName)) continue;
    // Screen-reader-only text is read, not seen: it is counted too (it must be Thai as well),
    // but it is clipped, so check visibility on an ancestor that is laid out.
    if (!visible(parent) && !parent.closest('[class*="VisuallyHidden"]')) continue;
    lines.add(text);
  }
  // Values shown inside form controls (placeholders, select and input values).
  for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    if (visible(el) && el.placeholder.trim()) lines.add(el.placeholder.trim());
  }
  const overflowing = [];
  for (const el of document.querySelectorAll('button, a, [role="status"], span, p, h1, h2, h3')) {
    if (!visible(el) || !el.textContent.trim()) continue;
    const style = getComputedStyle(el);
    if (style.overflowX !== 'visible' || style.textOverflow === 'ellipsis') continue;
    const rect = el.getBoundingClientRect();
    // A child laid out outside its parent's box (the label wrapping out of a button).
    for (const child of el.children) {
      const c = child.getBoundingClientRect();
      if (c.width === 0 || !visible(child)) continue;
      if (c.right > rect.right + 2 || c.bottom > rect.bottom + 2 || c.left < rect.left - 2) {
        if (el.tagName === 'BUTTON' || el.getAttribute('role') === 'status') {
          const box = (r) =>
            `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
          overflowing.push(
            `${el.tagName.toLowerCase()}: ${el.textContent.trim().slice(0, 60)} [${box(rect)} ⊅ ${child.tagName.toLowerCase()} ${box(c)}]`,
          );
          break;
        }
      }
    }
    // Thai marks above and below a consonant may reach a few pixels past the text's advance
    // width; more than 4 px is text that does not fit.
    if (el.scrollWidth > el.clientWidth + 4 && el.clientWidth > 0 && el.tagName === 'BUTTON') {
      overflowing.push(
        `${el.tagName.toLowerCase()}: ${el.textContent.trim().slice(0, 60)} [scroll ${el.scrollWidth} > ${el.clientWidth}]`,
      );
    }
  }
  return { lines: [...lines], overflowing: [...new Set(overflowing)] };
};

const THAI = /[\u0E00-\u0E7F]/;
const LATIN = /[A-Za-z]/;

/** Lines in Latin letters with no Thai that are not data. */
const latinLines = (lines) =>
  lines.filter((line) => LATIN.test(line) && !THAI.test(line) && !isAllowed(line));

/** Collects console errors and failed requests of a page from now on. */
const watchPage = (page) => {
  const errors = [];
  const failed = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text().slice(0, 300));
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${String(err.message).slice(0, 300)}`));
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (res.status() >= 400 && !url.pathname.startsWith('/admin/auth'))
      failed.push(`${res.status()} ${res.request().method()} ${url.pathname}`);
  });
  return {
    errors,
    failed,
    reset() {
      errors.length = 0;
      failed.length = 0;
    },
  };
};

module.exports = { measurePage, latinLines, watchPage, isAllowed };
