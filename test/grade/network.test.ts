/**
 * No network for sandbox workers where the platform allows it (Linux with `unshare -n`): code in a
 * worker that reaches Node's sockets (as code that escaped SES would) cannot connect even to a
 * listener on 127.0.0.1. A stand-in runner plays that code; the listener counts what reaches it.
 */
import { spawnSync } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { judgeWithStandIn, type StandInRun } from './stand-in';

const RUNNER = path.join(__dirname, 'fixtures', 'runners', 'connect-out.js');
const canUnshare = process.platform === 'linux' && spawnSync('unshare', ['-n', 'true']).status === 0;

/** A worker of a real sandbox connects to `port` (see stand-in.ts). */
function connectFromWorker(port: number, env: NodeJS.ProcessEnv = {}): Promise<StandInRun> {
  return judgeWithStandIn(RUNNER, { source: `${port}\n`, env });
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
