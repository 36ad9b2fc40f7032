/**
 * The import graph of the repository's own code, read from the source text with TypeScript's
 * pre-processor (static imports, re-exports, `import type`, dynamic `import('…')`): one edge per
 * import, from a file to a repository path or a package. An .astro file has two sides: its
 * frontmatter runs at build time, its <script> blocks in the browser, so each gets its own edges.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Repository path of the importing file, e.g. "src/client/explorer.ts". */
  from: string;
  /** 'module': a .ts/.mjs file or an .astro frontmatter (build time); 'browser-script': an .astro <script>. */
  side: 'module' | 'browser-script';
  /** Repository path of a local import (query such as `?url` removed), or the package name ("@duckdb/duckdb-wasm", "node:fs"). */
  to: string;
  kind: 'local' | 'package';
}

const SOURCE = /\.(ts|mts|mjs|astro)$/;

/** Files under `folders` (repository paths) that hold code. */
export function codeFiles(root: string, folders: readonly string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts'))
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/')),
  );
}

/** The specifiers one piece of code imports. */
export function importSpecifiers(code: string): string[] {
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

/** An .astro file's frontmatter (build time) and its processed <script> blocks (browser). */
export function astroParts(text: string): { frontmatter: string; scripts: string[] } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const body = match ? text.slice(match[0].length) : text;
  // Only bare <script> tags are bundled modules; JSON data blocks and is:inline scripts are not.
  const scripts = [...body.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes = '']) => !/type=|is:inline/.test(attributes))
    .map(([, , code = '']) => code);
  return { frontmatter: match?.[1] ?? '', scripts };
}

function edge(from: string, side: ImportEdge['side'], specifier: string): ImportEdge {
  const clean = specifier.replace(/\?.*$/, '');
  if (clean.startsWith('.')) return { from, side, to: posix.normalize(posix.join(posix.dirname(from), clean)), kind: 'local' };
  const parts = clean.split('/');
  const name = clean.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return { from, side, to: name, kind: 'package' };
}

/** Every import edge of `files` (repository paths under `root`). */
export function importEdges(root: string, files: readonly string[]): ImportEdge[] {
  return files.flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    if (!file.endsWith('.astro')) return importSpecifiers(text).map((s) => edge(file, 'module', s));
    const { frontmatter, scripts } = astroParts(text);
    return [
      ...importSpecifiers(frontmatter).map((s) => edge(file, 'module', s)),
      ...scripts.flatMap((code) => importSpecifiers(code).map((s) => edge(file, 'browser-script', s))),
    ];
  });
}

export const repositoryRoot = (): string => join(dirname(new URL(import.meta.url).pathname), '..', '..');
