/** Browser tests: Debian Chromium driven by playwright-core against a real Strapi serving the built admin. */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.test.js'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.strapi/', '<rootDir>/.tmp/'],
  globalSetup: '<rootDir>/tests/e2e/global-setup.js',
  testTimeout: 180000,
  maxWorkers: 1,
};
