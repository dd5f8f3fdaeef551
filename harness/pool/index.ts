/** The sandbox that judges untrusted submissions: workers, limits, containment. */
export { Sandbox, type SandboxOptions, type JobTiming } from './sandbox';
export { judgeIsolated } from './isolated';
export { judgeJobs, type JudgeJobsOptions, type JudgedJobs } from './judge-jobs';
export { limitsFor, DEFAULT_MEMORY_MB, DEFAULT_WALL_MS, type Limits } from './limits';
export type { Job, SandboxTask, JudgeOptions } from './job';
export type { SandboxRunner } from './runner';
