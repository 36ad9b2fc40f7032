/**
 * The revisions pages a build makes (Node, site build): one per kept release after the oldest,
 * each compared with the kept release before it (src/build/releases.ts), at /revisi/<date>/ and
 * /en/revisions/<date>/; and the index /revisi/ listing every kept release, newest first. A
 * release's comparison is read once per build and shared by both languages.
 */
import type { Locale } from '../../i18n/locales.ts';
import { releasesByDate, type KeptRelease } from '../releases.ts';
import { readReleaseRevisions, type ReleaseRevisions } from './read-figure-pairs.ts';

export const REVISIONS_ROOT: Record<Locale, string> = { id: '/revisi/', en: '/en/revisions/' };

/** The path of a release's revisions page, without the site's base. */
export const revisionsPath = (locale: Locale, snapshotDate: string): string => `${REVISIONS_ROOT[locale]}${snapshotDate}/`;

export interface RevisionsPage {
  release: KeptRelease;
  previous: KeptRelease;
  /** The newest kept release, which the pages of older ones link to. */
  newest: KeptRelease;
}

/** Every kept release that has a release before it, newest first, with that release. */
export function revisionsPages(): RevisionsPage[] {
  const releases = releasesByDate();
  return releases.slice(0, -1).map((release, i) => ({ release, previous: releases[i + 1]!, newest: releases[0]! }));
}

/** getStaticPaths of the dated revisions pages. */
export function revisionsPagePaths() {
  return revisionsPages().map((page) => ({ params: { release: page.release.manifest.snapshotDate }, props: { page } }));
}

const comparisons = new Map<string, Promise<ReleaseRevisions>>();

/** What changed from the previous kept release to this one (read once per build). */
export function pageRevisions(page: RevisionsPage): Promise<ReleaseRevisions> {
  const key = `${page.previous.dir}\n${page.release.dir}`;
  let result = comparisons.get(key);
  if (!result) {
    result = readReleaseRevisions(page.previous, page.release);
    comparisons.set(key, result);
  }
  return result;
}
