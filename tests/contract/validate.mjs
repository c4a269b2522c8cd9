// Validates an AsyncAPI document with @asyncapi/parser (the reference parser: schema, references, semantic
// rules). Prints every diagnostic; exits 1 when the document has an error (severity 0) or does not parse.
// Usage: node validate.mjs PATH/asyncapi.yaml
import { readFile } from 'node:fs/promises';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const path = process.argv[2];
if (!path) {
  console.error('usage: node validate.mjs PATH/asyncapi.yaml');
  process.exit(2);
}

const parser = new Parser();
const { document, diagnostics } = await parser.parse(await readFile(path, 'utf8'), { source: path });
const severity = ['error', 'warning', 'info', 'hint'];
for (const d of diagnostics) {
  console.log(`${severity[d.severity] ?? d.severity}  ${d.code}  ${d.path.join('.')}  ${d.message}`);
}
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
if (!document || errors.length > 0) {
  console.log(`asyncapi: FAIL (${errors.length} errors) ${path}`);
  process.exit(1);
}
console.log(`asyncapi: PASS ${path}: AsyncAPI ${document.version()}, ${document.channels().length} channels, ${document.messages().length} messages, ${diagnostics.length} warnings/hints`);
