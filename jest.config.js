/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The desk's d3 modules are ES modules; their UMD builds load under Jest's CommonJS.
  moduleNameMapper: {
    '^d3-(time|array)$': '<rootDir>/node_modules/d3-$1/dist/d3-$1.js',
  },
  // An outer bound above the deadlines tests wait on (test/support/deadlines.ts), so a failure names
  // what was awaited; tests that start service processes set a longer one of their own.
  testTimeout: 120_000,
  globalSetup: '<rootDir>/test/support/built-code-check.ts',
  maxWorkers: 2,
};
