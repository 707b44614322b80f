// Starts the real host (dotnet) on a free loopback port with the freshly built pane, and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(web, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`host exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`host did not answer /health within ${timeoutMs / 1000}s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(web, 'dist', 'index.html'))) throw new Error('web/dist is missing: run npm run build before npm run test:e2e');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // A fresh folder archive per run: the tests archive last quarter themselves and never touch a developer's archive.
  const archive = mkdtempSync(join(tmpdir(), 'cchc-e2e-archive-'));
  let output = '';
  const child = spawn(
    'dotnet',
    ['run', '--project', 'src/Cchc.Host', '-c', 'Release', '--no-launch-profile', '--urls', url],
    {
      cwd: repo,
      env: {
        ...process.env,
        ASPNETCORE_ENVIRONMENT: 'Development',
        // Local mode is asked for, never implied by the environment; the host listens on loopback only.
        Host__LocalMode: 'true',
        Archive__Kind: 'Folder',
        Archive__Folder__Root: archive,
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
        DOTNET_NOLOGO: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    rmSync(archive, { recursive: true, force: true });
  };
  try {
    // A cold Release build of the host on a shared two-core machine takes minutes.
    await waitForHealth(url, child, () => output, 540_000);
  } catch (error) {
    stop();
    throw error;
  }
  project.provide('hostUrl', url);
  return () => stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    hostUrl: string;
  }
}
