/** Integration tests boot a real Strapi (tests/helpers/strapi.js); one file at a time on 2 cores. */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.test.js'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.strapi/', '/.tmp/', '/tests/e2e/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.strapi/', '<rootDir>/.tmp/'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  testTimeout: 300000,
  maxWorkers: 1,
};
