/**
 * Shared browser plumbing for the site tests: Debian's Chromium through playwright-core, a page
 * visit that records every request and console error, and the check that nothing left 127.0.0.1.
 *
 * Every browser context opened through launchChromium() records Content-Security-Policy
 * violations (the page's `securitypolicyviolation` events, from an init script in every frame, and
 * console "Refused to …" messages), and closing a context or the browser with any recorded throws:
 * every site test fails on a violation without checking for it itself.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const REPORT_BINDING = '__pantauReportCspViolation';

/** Sends each violation of the page's policy to the test (runs in every frame before its scripts). */
const REPORT_VIOLATIONS = `(() => {
  document.addEventListener('securitypolicyviolation', (event) => {
    const report = window[${JSON.stringify(REPORT_BINDING)}];
    if (typeof report === 'function') report(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' on ' + event.documentURI + (event.sample ? ' (' + event.sample + ')' : ''));
  });
})();`;

/** A console message from Chromium's CSP checks. */
const isCspMessage = (text: string): boolean => /^Refused to |Content Security Policy/.test(text);

export class CspViolationError extends Error {
  constructor(readonly violations: readonly string[]) {
    super(`Content-Security-Policy violations:\n${violations.join('\n')}`);
    this.name = 'CspViolationError';
  }
}

const recorded = new WeakMap<BrowserContext, string[]>();

/** The CSP violations seen in a context so far (a context from launchChromium()). */
export const cspViolations = (context: BrowserContext): readonly string[] => recorded.get(context) ?? [];

async function watchCsp(context: BrowserContext): Promise<BrowserContext> {
  const violations: string[] = [];
  recorded.set(context, violations);
  await context.exposeBinding(REPORT_BINDING, (_source, text: string) => violations.push(text));
  await context.addInitScript(REPORT_VIOLATIONS);
  context.on('console', (message) => {
    if (isCspMessage(message.text())) violations.push(message.text());
  });
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    if (violations.length > 0) throw new CspViolationError(violations.splice(0));
  };
  return context;
}

/**
 * A reader who asked to save data (`navigator.connection.saveData`): the section pages then do not
 * start the query engine at idle (src/client/engine-prefetch.ts) and start it on the first filter
 * instead. Site tests browse as such a reader unless they test the prefetch itself: a 34 MB engine
 * compiled in the background of every page visited doubled the browser tests' time on two cores.
 */
const SAVE_DATA = `Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ saveData: true, effectiveType: '4g' }) });`;

export interface LaunchOptions {
  /** Let section pages start the query engine at idle, as for a reader who did not ask to save data. */
  enginePrefetch?: boolean;
}

export async function launchChromium({ enginePrefetch = false }: LaunchOptions = {}): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await watchCsp(await newContext(options));
    if (!enginePrefetch) await context.addInitScript(SAVE_DATA);
    return context;
  };
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // Like Playwright's own newPage: closing the page closes its context (and reports its violations).
    const closePage = page.close.bind(page);
    page.close = async (closeOptions) => {
      await closePage(closeOptions);
      await context.close();
    };
    return page;
  };
  const close = browser.close.bind(browser);
  browser.close = async (options) => {
    const left = browser.contexts().flatMap((context) => cspViolations(context));
    await close(options);
    if (left.length > 0) throw new CspViolationError(left);
  };
  return browser;
}

export interface Visit {
  context: BrowserContext;
  page: Page;
  status: number | undefined;
  requests: string[];
  errors: string[];
}

export async function visitPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  const response = await page.goto(url, { waitUntil: 'load' });
  return { context, page, status: response?.status(), requests, errors };
}

/** Requests to anything but the local server (data: and blob: URLs stay in the page). */
export const foreignRequests = (requests: readonly string[]): string[] =>
  requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    return !(protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1');
  });
