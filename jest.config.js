// Three suites, one runner: `unit` (domain and handlers with aws-sdk-client-mock), `infra` (CDK
// assertions and cdk-nag on the synthesized stack), `e2e` (black box over HTTP against an outputs
// file; starts the local cloud itself when none is given).
const common = {
  transform: {
    // Swagger UI's files, which the reference asset function imports as text (esbuild's text loader).
    '/swagger-ui-dist/.+\\.(js|css)$': '<rootDir>/test/support/text-transformer.cjs',
    '^.+\\.(ts|js|mjs)$': '<rootDir>/test/support/esbuild-transformer.cjs',
    '^.+\\.csv$': '<rootDir>/test/support/text-transformer.cjs',
  },
  // Packages that ship only ESM must be transformed too.
  transformIgnorePatterns: ['/node_modules/(?!(@middy|request-filtering-agent|swagger-ui-dist)/)'],
  moduleNameMapper: {
    '^@middy/core$': '<rootDir>/node_modules/@middy/core/index.js',
    '^@middy/util$': '<rootDir>/node_modules/@middy/util/index.js',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json', 'csv', 'css'],
  testEnvironment: 'node',
};

export default {
  // A local-cloud e2e run that skips a test fails (test/support/zero-skips-reporter.cjs).
  reporters: ['default', '<rootDir>/test/support/zero-skips-reporter.cjs'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/unit-env.cjs'],
      setupFilesAfterEnv: ['<rootDir>/test/support/unit-limiter.ts'],
    },
    {
      ...common,
      displayName: 'infra',
      testMatch: ['<rootDir>/test/infra/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
    },
  ],
};
