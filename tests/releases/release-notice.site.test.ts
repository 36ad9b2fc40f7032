/**
 * The release line a reader sees on every page of the built site, in a real browser: the footer's
 * "Data per <date> · snapshot <n>" linking to the release calendar, the calendar's next dates, and
 * the late-data notice decided by the reader's clock (a page is read long after it was built).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';
import { snapshotNumber } from '../../src/build/snapshot-number.ts';
import { formatDate } from '../../src/i18n/format.ts';
import { parseManifest, type Manifest } from '../../src/schema/manifest.ts';
import { parseSchedule } from '../../src/schema/schedule.ts';
import { freshUntil, scheduledDatesAfter } from '../../src/shared/release-schedule.ts';
import { foreignRequests, launchChromium, visitPage } from '../site/browser-session.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const schedule = parseSchedule(readFileSync(join(ROOT, 'config/schedule.json'), 'utf8'));
let server: StaticServer;
let browser: Browser;
let manifest: Manifest;

beforeAll(async () => {
  manifest = parseManifest(JSON.parse(readFileSync(join(DIST, 'data/manifest.json'), 'utf8')), 'dist/data/manifest.json');
  server = await startStaticServer(DIST);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('footer, release calendar and late-data notice, in both languages', async () => {
  const n = snapshotNumber(manifest.snapshotDate);
  expect(n).toBeGreaterThan(0);
  const until = freshUntil(schedule, manifest.snapshotDate);
  const today = new Date().toISOString().slice(0, 10);
  for (const { path, locale, footer, calendar } of [
    { path: '/sanksi/', locale: 'id', footer: `Data per ${formatDate(manifest.snapshotDate, 'id')} · snapshot ke-${n}`, calendar: '/metodologi/' },
    { path: '/en/methodology/', locale: 'en', footer: `Data as of ${formatDate(manifest.snapshotDate, 'en')} · snapshot ${n}`, calendar: '/en/methodology/' },
  ] as const) {
    const visit = await visitPage(browser, `${server.origin}${path}`);
    const link = visit.page.locator('[data-footer-release] a');
    expect(await link.innerText()).toBe(footer);
    expect(await link.getAttribute('href')).toBe(`${calendar}#kalender-rilis`);
    expect(await visit.page.locator('[data-stale-notice]').isVisible()).toBe(today > until);
    if (today > until) expect(await visit.page.locator('[data-stale-notice]').innerText()).toContain(formatDate(until, locale));
    await link.click();
    await visit.page.waitForURL(`**${calendar}#kalender-rilis`);
    const next = await visit.page.locator('[data-release-calendar] [data-next-snapshot]').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    // built today (the test reuses this build): the dates after today and after the snapshot
    const after = today > manifest.snapshotDate ? today : manifest.snapshotDate;
    expect(next).toEqual(scheduledDatesAfter(schedule, after, schedule.upcoming));
    expect(foreignRequests(visit.requests)).toEqual([]);
    expect(visit.errors).toEqual([]);
    await visit.context.close();
  }

  // a reader on time and one late see the same page differently: the notice follows their clock
  for (const [day, visible] of [[until, false], [scheduledDatesAfter(schedule, until, 1)[0]!, true]] as const) {
    const context = await browser.newContext();
    await context.clock.setFixedTime(new Date(`${day}T12:00:00Z`));
    const page = await context.newPage();
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await expect.poll(() => page.locator('[data-stale-notice]').isVisible()).toBe(visible);
    await context.close();
  }
});
