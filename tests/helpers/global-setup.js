/** Compiles the TypeScript app once for the whole run (each test file then only loads it). */
const { compileStrapi } = require('@strapi/strapi');

module.exports = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  await compileStrapi({ appDir: process.cwd(), ignoreDiagnostics: false });
};
