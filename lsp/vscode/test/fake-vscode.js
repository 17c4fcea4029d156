// A stand-in for the `vscode` module, just enough of it for the real vscode-languageclient library to start
// the real language server and report what it publishes. Outside VS Code there is no `vscode` module: the
// test installs this one under that name. What the client registers (providers, commands, watchers) is
// accepted and recorded; whatever this file does not define answers with a harmless recording function,
// so that a new client version asking for more still starts.
'use strict';

const path = require('path');
const { EventEmitter: NodeEmitter } = require('events');

const calls = [];

class Disposable {
  constructor(fn) { this._fn = fn; }
  static from(...ds) { return new Disposable(() => ds.forEach((d) => d && d.dispose && d.dispose())); }
  dispose() { if (this._fn) { this._fn(); this._fn = undefined; } }
}

class EventEmitter {
  constructor() { this._e = new NodeEmitter(); this.event = (listener, thisArg) => {
    const l = (x) => listener.call(thisArg, x);
    this._e.on('e', l);
    return new Disposable(() => this._e.off('e', l));
  }; }
  fire(x) { this._e.emit('e', x); }
  dispose() { this._e.removeAllListeners(); }
}

class Uri {
  constructor(scheme, fsPath) { this.scheme = scheme; this.fsPath = fsPath; this.path = fsPath; this.authority = ''; this.query = ''; this.fragment = ''; }
  static file(p) { return new Uri('file', path.resolve(p)); }
  static parse(s) {
    const u = new URL(s);
    return new Uri(u.protocol.replace(/:$/, ''), decodeURIComponent(u.pathname));
  }
  with(change) { return new Uri(change.scheme || this.scheme, change.path || this.fsPath); }
  toString() { return this.scheme === 'file' ? 'file://' + encodeURI(this.fsPath) : this.scheme + ':' + this.fsPath; }
  toJSON() { return { scheme: this.scheme, path: this.path }; }
}

class Position {
  constructor(line, character) { this.line = line; this.character = character; }
}
class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') { this.start = new Position(a, b); this.end = new Position(c, d); }
    else { this.start = a; this.end = b; }
  }
}
class Location { constructor(uri, range) { this.uri = uri; this.range = range; } }
class Diagnostic {
  constructor(range, message, severity) { this.range = range; this.message = message; this.severity = severity; }
}
class DiagnosticRelatedInformation { constructor(location, message) { this.location = location; this.message = message; } }
class MarkdownString { constructor(value) { this.value = value || ''; } appendMarkdown(s) { this.value += s; return this; } }
class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? this.value + '.' + part : part); }
  contains(other) { return this.value === other.value || other.value.startsWith(this.value + '.'); }
  intersects(other) { return this.contains(other) || other.contains(this); }
}
for (const k of ['Empty', 'QuickFix', 'Refactor', 'RefactorExtract', 'RefactorInline', 'RefactorRewrite', 'Source',
  'SourceOrganizeImports', 'SourceFixAll', 'Notebook']) {
  CodeActionKind[k] = new CodeActionKind(k === 'Empty' ? '' : k.replace(/([a-z])([A-Z])/g, '$1.$2').toLowerCase());
}
class CancellationTokenSource {
  constructor() { const e = new EventEmitter(); this._e = e; this.token = { isCancellationRequested: false, onCancellationRequested: e.event }; }
  cancel() { if (!this.token.isCancellationRequested) { this.token.isCancellationRequested = true; this._e.fire(); } }
  dispose() {}
}
class SemanticTokensLegend { constructor(types, modifiers) { this.tokenTypes = types; this.tokenModifiers = modifiers || []; } }

function record(name) {
  return (...args) => { calls.push(name); return new Disposable(); };
}

// An object whose missing members are recording functions (or, for names like `FooKind`, enums).
function lenient(name, base) {
  return new Proxy(base, {
    get(target, prop) {
      if (prop in target || typeof prop === 'symbol') return target[prop];
      const value = /^[A-Z]/.test(prop) ? lenient(name + '.' + prop, class { constructor(...args) { this.args = args; } })
        : record(name + '.' + prop);
      target[prop] = value;
      return value;
    },
  });
}

const settings = new Map();
const diagnostics = new Map();
const documentOpened = new EventEmitter();
const textDocuments = [];

function textDocument(file, text) {
  return {
    uri: Uri.file(file), fileName: file, languageId: 'skiff', version: 1, isClosed: false, isUntitled: false,
    getText: () => text, lineCount: text.split('\n').length,
  };
}

const outputChannel = () => lenient('outputChannel', {
  name: 'Skiff', lines: [],
  append(s) { this.lines.push(s); }, appendLine(s) { this.lines.push(s + '\n'); },
  clear() {}, show() {}, hide() {}, dispose() {},
});

const vscode = {
  Disposable, EventEmitter, Uri, Position, Range, Location, Diagnostic, DiagnosticRelatedInformation, MarkdownString,
  CodeActionKind, SemanticTokensLegend, CancellationTokenSource,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
  version: '1.90.0',
  env: lenient('env', { appName: 'fake', language: 'en', machineId: 'test', sessionId: 'test', uiKind: 1 }),
  workspace: lenient('workspace', {
    workspaceFolders: [],
    textDocuments,
    notebookDocuments: [],
    getConfiguration: (section) => ({
      get: (key, dflt) => (settings.has(section + '.' + key) ? settings.get(section + '.' + key) : dflt),
      has: (key) => settings.has(section + '.' + key),
      inspect: () => undefined,
      update: async () => {},
    }),
    onDidOpenTextDocument: documentOpened.event,
    createFileSystemWatcher: () => lenient('watcher', {
      onDidCreate: record('watcher.onDidCreate'), onDidChange: record('watcher.onDidChange'),
      onDidDelete: record('watcher.onDidDelete'), dispose() {},
    }),
    getWorkspaceFolder: () => undefined,
  }),
  window: lenient('window', {
    createOutputChannel: outputChannel,
    showErrorMessage: async (m) => { calls.push('window.showErrorMessage: ' + m); return undefined; },
    activeTextEditor: undefined,
    visibleTextEditors: [],
  }),
  languages: lenient('languages', {
    createDiagnosticCollection: (name) => lenient('diagnostics', {
      name,
      set(uri, ds) {
        if (Array.isArray(uri)) { uri.forEach(([u, d]) => diagnostics.set(u.toString(), d || [])); }
        else { diagnostics.set(uri.toString(), ds || []); }
      },
      delete(uri) { diagnostics.delete(uri.toString()); },
      clear() { diagnostics.clear(); },
      get(uri) { return diagnostics.get(uri.toString()); },
      forEach() {}, dispose() {},
    }),
    match: (selector, document) => {
      const list = Array.isArray(selector) ? selector : [selector];
      return list.some((s) => (typeof s === 'string' ? s : s.language) === document.languageId) ? 10 : 0;
    },
  }),
  commands: lenient('commands', { registerCommand: record('commands.registerCommand'), executeCommand: async () => undefined }),
  extensions: lenient('extensions', { all: [], getExtension: () => undefined }),
};

module.exports = lenient('vscode', vscode);
module.exports.__test = {
  calls, settings, diagnostics, textDocuments,
  open(file, text) { const d = textDocument(file, text); textDocuments.push(d); documentOpened.fire(d); return d; },
};
