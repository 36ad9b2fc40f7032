/**
 * Astro integration: after the build, writes `<file>.br` and `<file>.gz` beside every compressible
 * file in dist/ (text, SVG, JSON, WebAssembly), so a server sends them with Content-Encoding instead
 * of compressing on each request (src/build/static-server.ts via sirv, deploy/nginx.conf with
 * brotli_static/gzip_static; Netlify and Cloudflare Pages compress by themselves).
 *
 * Brotli quality by what the file is (measured in docs/benchmarks.md, "Precompressed files"):
 * quality 11 for the fingerprinted scripts and styles under /_astro/ (a few MB, compressed once per
 * version and cached for a year by every browser); quality 6 for the ~4,900 pages and the data
 * (quality 11 is 12 % smaller there but took 40 times as long: ten minutes of build for 117 MB of
 * HTML on this machine); quality 6 for the 34 MB DuckDB-WASM engines too (3 % larger than quality
 * 9 in a sixth of the time). gzip (for clients without brotli) at level 9 for text, 6 for wasm.
 * Parquet, PNG and files that are already gzip are left alone. Runs on the libuv thread pool
 * (zlib's async API), a few files at a time.
 *
 * Keep it LAST in astro.config.mjs: every file an integration writes before it (the service
 * worker, _headers, the data copies) is compressed too.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';

/** The endings worth compressing: text formats and WebAssembly. */
export const COMPRESSIBLE_EXTENSIONS = ['.html', '.js', '.mjs', '.css', '.svg', '.json', '.wasm', '.txt', '.xml', '.webmanifest', '.csv', '.map'] as const;
/** Levels for one file. */
export interface CompressionLevels {
  brotli: number;
  gzip: number;
}
export const FINGERPRINTED_LEVELS: CompressionLevels = { brotli: 11, gzip: 9 };
export const PAGE_LEVELS: CompressionLevels = { brotli: 6, gzip: 9 };
export const WASM_LEVELS: CompressionLevels = { brotli: 6, gzip: 6 };

/** The levels for a file at a path relative to dist/ ("_astro/x.js", "kedatangan/index.html"). */
export function compressionLevels(relativePath: string): CompressionLevels {
  if (extname(relativePath).toLowerCase() === '.wasm') return WASM_LEVELS;
  return relativePath.split(sep).join('/').startsWith('_astro/') ? FINGERPRINTED_LEVELS : PAGE_LEVELS;
}
/** Files compressed at once: zlib's async work runs on libuv's 4 threads. */
const PARALLEL = 4;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export const isCompressible = (path: string): boolean => (COMPRESSIBLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());

/** Every compressible file under dir (absolute paths). */
export async function compressibleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && isCompressible(entry.name)).map((entry) => join(entry.parentPath, entry.name));
}

/** Writes path.br and path.gz; returns the three sizes. */
export async function precompressFile(path: string, levels: CompressionLevels): Promise<{ raw: number; br: number; gz: number }> {
  const bytes = await readFile(path);
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: levels.brotli,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: extname(path) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    }),
    gzipAsync(bytes, { level: levels.gzip }),
  ]);
  await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
  return { raw: bytes.length, br: br.length, gz: gz.length };
}

export async function precompressDir(dir: string): Promise<{ files: number; raw: number; br: number; gz: number }> {
  const queue = await compressibleFiles(dir);
  // The largest first (the engine), so the pool never waits on one big file at the end.
  const sizes = new Map(await Promise.all(queue.map(async (path) => [path, (await stat(path)).size] as const)));
  queue.sort((a, b) => sizes.get(b)! - sizes.get(a)!);
  const total = { files: queue.length, raw: 0, br: 0, gz: 0 };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const path = queue[next++]!;
      const sizes = await precompressFile(path, compressionLevels(relative(dir, path)));
      total.raw += sizes.raw;
      total.br += sizes.br;
      total.gz += sizes.gz;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return total;
}

export default function precompress(): AstroIntegration {
  return {
    name: 'pantau-precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { files, raw, br, gz } = await precompressDir(fileURLToPath(dir));
        const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
        logger.info(`${files} files: ${mb(raw)} MB → ${mb(br)} MB brotli, ${mb(gz)} MB gzip in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
