// The Skiff extension: starts `skiff lsp` (the command is the `skiff.path` setting) and connects
// VS Code to it over standard input and output.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverOptions() {
  const command = vscode.workspace.getConfiguration('skiff').get('path') || 'skiff';
  return {
    command,
    args: ['lsp'],
    transport: TransportKind.stdio,
  };
}

function clientOptions() {
  return {
    documentSelector: [
      { scheme: 'file', language: 'skiff' },
      { scheme: 'untitled', language: 'skiff' },
    ],
    synchronize: {
      // kcl.mod and CRDs change what the server knows about Kubernetes schemas
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{kcl.mod,*.yaml,*.yml}'),
    },
    outputChannelName: 'Skiff',
  };
}

async function start() {
  client = new LanguageClient('skiff', 'Skiff', serverOptions(), clientOptions());
  try {
    await client.start();
  } catch (e) {
    const path = vscode.workspace.getConfiguration('skiff').get('path');
    vscode.window.showErrorMessage(
      `Could not start the Skiff language server with \`${path} lsp\`: ${e.message || e}. ` +
        'Set `skiff.path` to the skiff command.');
  }
}

async function stop() {
  if (client) {
    const c = client;
    client = undefined;
    await c.stop();
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('skiff.restartServer', async () => {
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('skiff.path')) {
        await stop();
        await start();
      }
    }),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
