/**
 * A second Strapi process for the multi-instance tests: it boots the compiled app on the database
 * and Redis named in its environment (the parent's), listens on a free port, prints
 * `READY <port>` and runs until it is sent SIGTERM.
 */
const path = require('path');

const appDir = path.resolve(__dirname, '..', '..');

(async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  await strapi.load();
  await new Promise((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`READY ${strapi.server.httpServer.address().port}\n`);
  const stop = async () => {
    await strapi.destroy().catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
})().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
