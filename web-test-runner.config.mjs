// Component tests in real Chromium (Debian's /usr/bin/chromium; no browser download).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { parleyServerPlugin } from './widget/test/parley-server-plugin.mjs';
import { parleyConsoleServer } from './console/test/parley-console-server.mjs';

const consoleServer = parleyConsoleServer();

export default {
  files: ['widget/**/*.test.{ts,tsx}', '!widget/size-budget.test.ts', 'console/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  middleware: [consoleServer.middleware],
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, tsx: true, jsx: true, target: 'es2022', tsconfig: 'tsconfig.json' }), parleyServerPlugin(), consoleServer.plugin],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      },
    }),
  ],
};
