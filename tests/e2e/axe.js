/**
 * Accessibility checks with axe-core (the npm package, run inside the page): injects
 * node_modules/axe-core/axe.min.js into a playwright page and returns the violations of the
 * given impacts (serious and critical by default), open shadow roots included.
 *
 *   const { axeViolations, formatViolations } = require('./axe');
 *   const violations = await axeViolations(page, { include: '[data-prongsai-ita]' });
 *   expect(formatViolations(violations)).toEqual([]);
 *
 * The script is evaluated through the DevTools protocol, so a page's Content-Security-Policy
 * (the admin panel's) does not block it.
 */
const fs = require('fs');

let source;
const axeSource = () => {
  source ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
};

/**
 * @param {import('playwright-core').Page} page
 * @param {{ include?: string | string[], exclude?: string | string[], impacts?: string[],
 *   tags?: string[], rules?: Record<string, { enabled: boolean }> }} [options]
 * @returns {Promise<Array<{ id: string, impact: string, help: string, helpUrl: string,
 *   nodes: Array<{ target: unknown[], html: string, summary: string }> }>>}
 */
async function axeViolations(page, options = {}) {
  const {
    include,
    exclude,
    impacts = ['serious', 'critical'],
    tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    rules,
  } = options;
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(`${axeSource()}\n;void 0`);
  }
  const context = {};
  if (include) context.include = [].concat(include);
  if (exclude) context.exclude = [].concat(exclude);
  const result = await page.evaluate(
    async ({ context, tags, rules }) => {
      const r = await window.axe.run(Object.keys(context).length ? context : document, {
        runOnly: { type: 'tag', values: tags },
        ...(rules ? { rules } : {}),
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target,
          html: n.html.slice(0, 200),
          summary: n.failureSummary,
        })),
      }));
    },
    { context, tags, rules },
  );
  return result.filter((v) => impacts.includes(v.impact));
}

/** One line per violation and element, for readable test failures. */
const formatViolations = (violations) =>
  violations.flatMap((v) =>
    v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} — ${JSON.stringify(n.target)} ${n.html}`),
  );

module.exports = { axeViolations, formatViolations };
