// Builds the browser bundles into dist/. Each client keeps its own part so they can change independently.
import widget from './widget/rollup.mjs';
import consoleApp from './console/rollup.mjs';

export default [...widget, ...consoleApp];
