// The extension as VS Code runs it: the bundled dist/extension.js, with the real vscode-languageclient
// library, starting the real `skiff lsp` (SKIFF_COMMAND, else `skiff` on PATH) and receiving its diagnostics.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

const fake = require('./fake-vscode.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? require.resolve('./fake-vscode.js') : resolve.call(this, request, ...rest);
};

const skiff = process.env.SKIFF_COMMAND || 'skiff';

async function until(what, predicate, ms = 60000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = predicate();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting for ' + what + '; calls: ' + fake.__test.calls.join(', '));
}

test('the extension starts skiff lsp through vscode-languageclient and shows its diagnostics', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skiff-vscode-'));
  fake.__test.settings.set('skiff.path', skiff);
  const extension = require('../dist/extension.js');
  const context = { subscriptions: [], extensionPath: path.resolve(__dirname, '..') };
  await extension.activate(context);
  assert.ok(!fake.__test.calls.some((c) => c.startsWith('window.showErrorMessage')), fake.__test.calls.join('\n'));
  assert.ok(fake.__test.calls.includes('commands.registerCommand'), 'the restart command is registered');

  const file = path.join(dir, 'main.k');
  const doc = fake.__test.open(file, 'replicas = 3\ncount = replicaz + 1\n');
  const found = await until('diagnostics of main.k', () => {
    const ds = fake.__test.diagnostics.get(doc.uri.toString());
    return ds && ds.length > 0 ? ds : undefined;
  });
  assert.match(found[0].message, /replicaz/);
  assert.strictEqual(found[0].range.start.line, 1);
  assert.strictEqual(found[0].range.start.character, 8);
  // the features a user sees are registered with the editor, as the server announced them
  for (const feature of ['languages.registerCompletionItemProvider', 'languages.registerHoverProvider',
    'languages.registerDocumentFormattingEditProvider']) {
    assert.ok(fake.__test.calls.includes(feature), feature + ' in ' + fake.__test.calls.join(', '));
  }
  await extension.deactivate();
  fs.rmSync(dir, { recursive: true, force: true });
});
