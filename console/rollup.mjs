// Console bundle: one ESM file (plus chunks) served by the server as /console.js.
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export default [
  {
    input: 'console/index.ts',
    output: { dir: 'dist', format: 'es', entryFileNames: 'console.js', chunkFileNames: 'console-[hash].js' },
    plugins: [nodeResolve({ browser: true }), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }), terser({ format: { comments: false } })],
  },
];
