// Widget bundles: the loader (dist/widget.js, an IIFE for a plain script tag) and the app it loads
// on demand (dist/widget-app.js, an ES module fetched with import()).
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { transform } from 'esbuild';
import esbuild from 'rollup-plugin-esbuild';

/** Minifies the CSS held as the default-exported template in `*.styles.ts` files. */
const minifyStyles = () => ({
  name: 'parley-minify-styles',
  async transform(code, id) {
    if (!id.endsWith('.styles.ts')) return null;
    const match = /export default `([^`]*)`/.exec(code);
    if (!match) return null;
    const css = (await transform(match[1], { loader: 'css', minify: true })).code.trim();
    return { code: code.replace(match[0], `export default ${JSON.stringify(css)}`), map: null };
  },
});

/** Classic `h(tag, props, ...children)` calls are smaller than the automatic runtime's `jsx(tag, {children})`. */
const injectH = () => ({
  name: 'parley-inject-h',
  transform(code, id) {
    return id.endsWith('.tsx') ? { code: `import { h as __h, Fragment as __F } from 'preact';\n${code}`, map: null } : null;
  },
});

const plugins = () => [
  minifyStyles(),
  injectH(),
  resolve({ browser: true }),
  esbuild({ target: 'es2022', jsx: 'transform', jsxFactory: '__h', jsxFragment: '__F', tsconfig: false }),
  // Names starting with one underscore are internals (STYLE.md): safe to shorten. Preact's own `__x` are left alone.
  terser({ ecma: 2022, module: true, compress: { passes: 3 }, mangle: { properties: { regex: /^_[a-zA-Z]/ } }, format: { comments: false } }),
];

export default [
  { input: 'widget/loader.ts', output: { file: 'dist/widget.js', format: 'iife' }, plugins: plugins() },
  // Features used rarely (the rating form) are chunks of their own, named widget-<name>.js; they
  // import what they share from widget-app.js itself (allow-extension: no extra facade file).
  { input: 'widget/app.tsx', output: { dir: 'dist', entryFileNames: 'widget-app.js', chunkFileNames: 'widget-[name].js', format: 'es' }, preserveEntrySignatures: 'allow-extension', plugins: plugins() },
];
