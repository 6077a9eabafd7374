// Monaco's Kusto language worker (completion, hover, semantic highlighting, validation), bundled from the local
// package: imports run in order, so `global` is defined before the Bridge.NET scripts.
import '../../../kql/syntax/kustoGlobal';
import '@kusto/monaco-kusto/release/esm/kusto.worker.js';
