/**
 * `npm start`'s server: the built site in dist/ on http://127.0.0.1:4321/, as a deploy serves it
 * (src/build/static-server.ts: precompressed files with Content-Encoding, Cache-Control, the
 * Content-Security-Policy). PORT and HOST override the address. Stops on Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startStaticServer } from './static-server.ts';

const dist = resolve(process.argv[2] ?? 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`${dist} holds no built site: run \`npm run data && npx astro build\` first.`);
  process.exit(1);
}
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4321);
const server = await startStaticServer(dist, { host, port });
console.log(`serving ${dist} on http://${host}:${port}/`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
