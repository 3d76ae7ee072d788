#!/usr/bin/env node
/**
 * `npm run test:pg`: the same suite on PostgreSQL, in a database this script creates and drops.
 * PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) must be able to CREATE DATABASE.
 */
const { spawnSync } = require('child_process');
const { Client } = require('pg');

const adminUrl = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `prongsai_test_${Date.now()}_${process.pid}`;

const withClient = async (fn) => {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

(async () => {
  try {
    await withClient((c) => c.query(`CREATE DATABASE "${dbName}"`));
  } catch (error) {
    console.error(`test:pg: cannot create a database through ${adminUrl}: ${error.message}`);
    console.error('Start PostgreSQL (see README.md) or set PG_ADMIN_URL.');
    process.exit(1);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  let status = 1;
  try {
    const result = spawnSync(
      process.execPath,
      [
        '--experimental-vm-modules',
        '--no-warnings=ExperimentalWarning',
        require.resolve('jest/bin/jest'),
        ...process.argv.slice(2),
      ],
      {
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: url.toString(), DATABASE_CLIENT: 'postgres' },
      },
    );
    status = result.status ?? 1;
  } finally {
    await withClient((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  }
  process.exit(status);
})();
