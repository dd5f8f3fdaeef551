/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // The judge explores hundreds of interleavings per case in a child process: give it time.
  testTimeout: 120_000,
};
