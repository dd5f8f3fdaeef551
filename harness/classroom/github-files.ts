/**
 * The files GitHub Actions gives a step for what it hands on: $GITHUB_OUTPUT (step outputs) and
 * $GITHUB_STEP_SUMMARY (the Markdown on the run's page). Outside Actions neither is set.
 */
import * as fs from 'node:fs';

/**
 * Appends `name=value` to $GITHUB_OUTPUT; false when the variable is not set. The value must be
 * one line (base64 is).
 */
export function setStepOutput(name: string, value: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env.GITHUB_OUTPUT;
  if (!file) return false;
  if (/[\r\n]/.test(value)) throw new Error(`step output ${name} must be one line`);
  fs.appendFileSync(file, `${name}=${value}\n`);
  return true;
}

/** Appends Markdown to $GITHUB_STEP_SUMMARY; false when the variable is not set. */
export function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  fs.appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return true;
}

/** Is this process a step of a GitHub Actions run (where workflow commands mean something)? */
export function inGitHubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}
