/**
 * No network for sandbox workers where the platform allows it (Linux with `unshare -n`): code in a
 * worker that reaches Node's sockets (as code that escaped SES would) cannot connect even to a
 * listener on 127.0.0.1. A stand-in runner plays that code; the listener counts what reaches it.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from './cli';

const RUNNER = path.join(__dirname, 'fixtures', 'runners', 'connect-out.js');
const canUnshare = process.platform === 'linux' && spawnSync('unshare', ['-n', 'true']).status === 0;

/** One job through a real Sandbox (in a fresh Node: jest cannot load tinypool) with the stand-in runner. */
/** (Asynchronous, so that the listener in this process accepts while the worker runs.) */
async function connectFromWorker(port: number, env: NodeJS.ProcessEnv = {}): Promise<{ network: { isolated: boolean; note?: string }; message: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'interleave-net-'));
  try {
    const file = path.join(dir, 'Foo.ts');
    writeFileSync(file, `${port}\n`);
    const script = `
      const { Sandbox, limitsFor } = require(${JSON.stringify(path.join(ROOT, 'dist', 'harness', 'pool', 'index.js'))});
      (async () => {
        const sandbox = await Sandbox.create({ workers: 1, limits: limitsFor(256, 20000), runner: ${JSON.stringify(RUNNER)}, readable: [${JSON.stringify(RUNNER)}] });
        try {
          const r = await sandbox.run({ student: '', problemId: 'print-in-order', file: ${JSON.stringify(file)}, displayName: 'Foo.ts', maxScore: 100 });
          process.stdout.write(JSON.stringify({ network: sandbox.network, message: r.error && r.error.message }));
        } finally {
          await sandbox.close();
        }
      })();`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, ...env } });
    return JSON.parse(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('sandbox workers have no network', () => {
  let server: net.Server;
  let port = 0;
  let connections = 0;
  beforeAll(async () => {
    server = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    connections = 0;
  });

  (canUnshare ? test : test.skip)('a worker cannot connect to a listener on 127.0.0.1: the listener sees nothing', async () => {
    const r = await connectFromWorker(port);
    expect(r.network).toEqual({ isolated: true, how: 'unshare -n' });
    expect(r.message).toMatch(/^error (ENETUNREACH|ECONNREFUSED|EHOSTUNREACH)$/);
    expect(connections).toBe(0);
  }, 60_000);

  test('where namespaces are off, the sandbox says so, and the same worker does connect (the test can see a connection)', async () => {
    const r = await connectFromWorker(port, { INTERLEAVE_NETNS: '0' });
    expect(r.network.isolated).toBe(false);
    expect(r.network.note).toMatch(/^learner code is not cut off from the network: INTERLEAVE_NETNS=0 turned network namespaces off\./);
    expect(r.message).toBe('connected');
    expect(connections).toBe(1);
  }, 60_000);
});
