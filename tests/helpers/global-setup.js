/** Compiles the TypeScript app once for the whole run (each test file then only loads it). */
const fs = require('fs');
const { execFileSync } = require('child_process');
const { compileStrapi } = require('@strapi/strapi');

/** Debian packages the suite needs beyond npm: say so at once rather than fail deep inside a test. */
const checkSystemPackages = () => {
  const missing = [];
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    missing.push('poppler-utils (pdftotext: the monthly report test reads the PDF back)');
  }
  if (!fs.existsSync('/usr/share/fonts/truetype/tlwg') && !process.env.THAI_FONT_DIR)
    missing.push('fonts-thai-tlwg (the Thai font of the PDF report)');
  if (missing.length)
    throw new Error(
      `Missing system packages: ${missing.join('; ')}.\n` +
        'Install them with: sudo apt-get install -y poppler-utils fonts-thai-tlwg',
    );
};

module.exports = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  checkSystemPackages();
  await compileStrapi({ appDir: process.cwd(), ignoreDiagnostics: false });
};
