/** Compiles the server and, when it is missing, builds the admin panel the browser will load. */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { compileStrapi } = require('@strapi/strapi');

module.exports = async () => {
  const appDir = path.resolve(__dirname, '..', '..');
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  if (!fs.existsSync(path.join(appDir, 'dist', 'build', 'index.html'))) {
    execFileSync(
      process.execPath,
      [path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'build'],
      {
        cwd: appDir,
        stdio: 'inherit',
      },
    );
  }
  await compileStrapi({ appDir });
};
