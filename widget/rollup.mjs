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

/**
 * Drops what @preact/signals' Preact binding keeps only for its devtools (the devtools hook and the
 * names it shows), as a production build of it would. Each cut must match, so a new version that
 * changed its build fails here instead of shipping half-stripped; package.json pins the version the
 * cuts were written against, so an install never picks another by surprise.
 */
const signalsWithoutDevtools = () => ({
  name: 'parley-signals-without-devtools',
  transform(code, id) {
    if (!id.endsWith('/@preact/signals/dist/signals.module.js')) return null;
    const cuts = [
      ['"undefined"!=typeof window&&!!window.__PREACT_SIGNALS_DEVTOOLS__', '!1'],
      ['t.name="ReactiveDom";', ''],
      ['w.displayName="ReactiveTextNode";', ''],
      [',{name:n}', ''],
      [',"function"==typeof r.type?r.type.displayName||r.type.name:""', ''],
    ];
    for (const [from, to] of cuts) {
      if (!code.includes(from)) throw new Error(`@preact/signals changed its build: "${from}" not found (widget/rollup.mjs)`);
      code = code.replace(from, to);
    }
    return { code, map: null };
  },
});

const plugins = () => [
  minifyStyles(),
  signalsWithoutDevtools(),
  injectH(),
  resolve({ browser: true }),
  // Class fields assigned in the constructor, not declared one by one (`a;b;c;` in every class): 73 B
  // gzip less. Nothing in the bundled code tells the two apart (no `in`, keys or spread of instances).
  esbuild({ target: 'es2022', jsx: 'transform', jsxFactory: '__h', jsxFragment: '__F', tsconfig: false, tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } } }),
  // Names starting with one underscore are internals (STYLE.md): safe to shorten. Preact's own `__x` are left alone.
  // Measured on widget-app.js (gzip): `unsafe` (built-ins taken as unpatched) -35 B, hoisting vars and
  // not inlining single-use functions -42 B.
  terser({
    ecma: 2022,
    module: true,
    compress: { passes: 3, unsafe: true, hoist_vars: true, reduce_funcs: false },
    mangle: { properties: { regex: /^_[a-zA-Z]/ } },
    format: { comments: false },
  }),
];

export default [
  { input: 'widget/loader.ts', output: { file: 'dist/widget.js', format: 'iife' }, plugins: plugins() },
  // Features used rarely (the rating form) are chunks of their own, named widget-<name>.js; they
  // import what they share from widget-app.js itself (allow-extension: no extra facade file).
  { input: 'widget/app.tsx', output: { dir: 'dist', entryFileNames: 'widget-app.js', chunkFileNames: 'widget-[name].js', format: 'es' }, preserveEntrySignatures: 'allow-extension', plugins: plugins() },
];
