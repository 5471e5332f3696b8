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
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/support/built-code-check.ts',
  maxWorkers: 2,
};
