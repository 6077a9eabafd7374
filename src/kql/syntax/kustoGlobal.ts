// Bridge.NET assigns its globals through `global`; a Web Worker only has `self`/`globalThis`.
const scope = globalThis as { global?: unknown };
scope.global ??= globalThis;
export {};
