/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/harness', '<rootDir>/problems', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: { '^interleave/sync$': '<rootDir>/harness/sync/index.ts' },
  testTimeout: 60_000,
  // Each suite is small; two workers match the two cores CI has.
  maxWorkers: process.env.CI ? 2 : '50%',
};

export default config;
