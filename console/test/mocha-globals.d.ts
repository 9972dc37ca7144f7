// The mocha globals @web/test-runner provides in the browser (only what the console's tests use).
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => void | Promise<void>): void;
declare function afterEach(fn: () => void | Promise<void>): void;
declare function beforeEach(fn: () => void | Promise<void>): void;
declare function before(fn: (this: { timeout(ms: number): void }) => void | Promise<void>): void;
