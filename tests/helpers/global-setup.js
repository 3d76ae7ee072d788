/**
 * Compiles the TypeScript app once for the whole run (each test file then only loads it).
 * Nothing beyond npm is needed: the PDF font comes from @fontsource/sarabun and the tests read
 * PDFs back with pdfjs-dist (tests/helpers/pdf-text.js).
 */
const { compileStrapi } = require('@strapi/strapi');

module.exports = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  await compileStrapi({ appDir: process.cwd(), ignoreDiagnostics: false });
};
