// Kusto's Bridge.NET scripts take `global` as the global object when they see a CommonJS wrapper; a worker has only
// `self`. This module runs first in the Kusto worker, before the Bridge scripts are evaluated.
(self as unknown as { global: typeof globalThis }).global = self as unknown as typeof globalThis;

export {};
