/** Integration tests boot a real Strapi (tests/helpers/strapi.js); one file at a time on 2 cores, in one worker process. */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.test.js'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.strapi/', '/.tmp/', '/tests/e2e/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.strapi/', '<rootDir>/.tmp/'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  testTimeout: 300000,
  maxWorkers: 1,
  // One worker, one file at a time, restarted after a file that leaves it above this size: each
  // file boots its own Strapi, and in one long-lived process what they leave behind adds up
  // (GC thrash, then out of memory) over the whole suite.
  workerIdleMemoryLimit: '1500MB',
};
