/**
 * The deck of one city/regency (Node, site build), from the figures its page shows
 * (src/build/regency-figures.ts, the current publication): TIMPORA activities by kind and by level
 * in the latest year with any, the agencies' figures side by side with their gap, the arrivals at
 * the checkpoints standing there (the arrivals trend chart, latest 12 months against the 12 before)
 * and the Kanim serving it. A slide with nothing published for the city is left out (most cities
 * have no checkpoint, so no arrivals slide).
 */
import { parseHTML } from 'linkedom';
import { enumCodes, enumLabel } from '../../charts/labels.ts';
import type { RankingRow } from '../../charts/ranking-chart.ts';
import { shortOfficeName } from '../../charts/sanctions-rankings.ts';
import { deckText } from '../../i18n/deck.ts';
import { formatCount, formatDate, formatMonthYear, formatPercent } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import { REGIONS_TEXT } from '../../i18n/regions.ts';
import { WITHHELD } from '../../schema/disclosure.ts';
import { officeAreas } from '../areas.ts';
import type { ArrivalsMonthRow } from '../../charts/arrivals-trend-sql.ts';
import { arrivalsTrend } from '../../charts/arrivals-trend.ts';
import type { ChartContext } from '../../charts/chart-definition.ts';
import { NO_FILTERS } from '../../schema/filters.ts';
import { NO_REGENCY_FIGURES, regencyFigures, twelveMonthSentence, type AgencyFigure, type Reconciliation } from '../regency-figures.ts';
import type { KeptRelease } from '../releases.ts';
import { absoluteUrl } from '../site-origin.ts';
import type { DeckArea } from './deck-areas.ts';
import { qrSvg } from './qr-code.ts';
import type { Deck, Slide, SlideChart } from './deck-slides.ts';

/** Draw the city's charts at slide size (passed in: deck-slides.ts owns the slide drawing). */
export interface CityDeckDrawings {
  /** The activities-by-kind ranking. */
  activities: (rows: RankingRow[]) => SlideChart;
  /** The arrivals trend chart of the arrivals page. */
  arrivals: (rows: ArrivalsMonthRow[]) => SlideChart;
}

let shared: Document | null = null;
const textDocument = (): Document => (shared ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document);

const regionPrefix = (locale: Locale) => (locale === 'id' ? '/wilayah/' : '/en/regions/');

export async function buildCityDeck(release: KeptRelease, area: DeckArea, locale: Locale, draw: CityDeckDrawings): Promise<Deck> {
  const t = deckText(locale);
  const r = REGIONS_TEXT[locale];
  const figures = (await regencyFigures()).get(area.key) ?? NO_REGENCY_FIGURES;
  const { snapshotDate, synthetic } = release.manifest;
  const url = absoluteUrl(`${regionPrefix(locale)}${area.slug}/`);
  const live = { url, qr: qrSvg(url, `${t.qr.corner}: ${url}`) };
  const source = (file: string) => t.notes.source(file, formatDate(snapshotDate, locale));
  const slides: Slide[] = [];

  const years = [...new Set(figures.activities.map((a) => a.year))].sort();
  const year = years.at(-1);
  const inYear = figures.activities.filter((a) => a.year === year);
  const sum = (pick: (a: (typeof inYear)[number]) => boolean) => inYear.filter(pick).reduce((n, a) => n + a.activities, 0);
  const periodText = years.length > 0 ? t.city.periodYears(years[0]!, years.at(-1)!) : t.city.periodYears(snapshotDate.slice(0, 4), snapshotDate.slice(0, 4));

  slides.push({ id: 'title', topic: null, heading: t.heading.title, message: area.name, live, notes: [periodText, source('manifest.json')] });

  if (year !== undefined) {
    const kinds = enumCodes('operationActivity').map((code) => ({ code, count: sum((a) => a.activity === code) })).filter((k) => k.count > 0).sort((a, b) => b.count - a.count);
    const rows: RankingRow[] = kinds.map((k) => ({
      code: k.code, name_id: null, name_en: null, count: k.count, count_withheld: false, total: null, total_withheld: null, share: null,
      period_from: `${year}-01-01`, period_to: `${year}-12-01`,
    }));
    const list = kinds.map((k) => `${formatCount(k.count, locale)} ${enumLabel('operationActivity', k.code, locale).toLowerCase()}`).join(', ');
    slides.push({
      id: 'activities', topic: 'operations', heading: t.heading.activities, message: t.city.activities(year, list), chart: draw.activities(rows.slice(0, 4)), live,
      notes: [...kinds.map((k) => `${enumLabel('operationActivity', k.code, locale)}: ${formatCount(k.count, locale)}`), ...years.map((y) => `${y}: ${formatCount(figures.activities.filter((a) => a.year === y).reduce((n, a) => n + a.activities, 0), locale)}`), t.city.levelsNote, source('operations.parquet')],
    });
    const levels = enumCodes('operationLevel').map((code) => ({ code, count: sum((a) => a.level === code) })).filter((l) => l.count > 0);
    const levelList = levels.map((l) => `${enumLabel('operationLevel', l.code, locale).toLowerCase()} ${formatCount(l.count, locale)}`).join(', ');
    slides.push({
      id: 'activity-levels', topic: 'operations', heading: t.heading['activity-levels'], message: t.city.levels(year, levelList),
      figures: levels.map((l) => ({ label: enumLabel('operationLevel', l.code, locale), value: formatCount(l.count, locale), note: year, withheld: false })),
      list: figures.agencies.slice(0, 6).map((a) => `${a.name}: ${formatCount(a.activities, locale)} ${r.activities.toLowerCase()}`),
      live, notes: [t.city.levelsNote, `${r.agenciesHeading}: ${figures.agencies.map((a) => `${a.name} ${formatCount(a.activities, locale)}`).join(', ')}`, source('operations.parquet')],
    });
  }

  // The agencies' gap: the latest period of each metric with any figure published.
  const cell = (f: AgencyFigure | null) => (f === null ? '–' : f.withheld || f.value === null ? WITHHELD.symbol : formatCount(f.value, locale));
  const latest = (['mixed_marriages', 'foreign_residents'] as const)
    .map((metric) => figures.reconciliations.filter((x) => x.metric === metric && x.figures.some((f) => f && !f.withheld && f.value !== null)).at(-1))
    .filter((x): x is Reconciliation => x !== undefined);
  if (latest.length > 0) {
    const what = (x: Reconciliation) => (x.metric === 'mixed_marriages' ? t.city.mixedMarriages : t.city.foreignResidents);
    const when = (x: Reconciliation) => (x.metric === 'mixed_marriages' ? x.period : formatMonthYear(x.period, locale));
    const sentence = (x: Reconciliation) => {
      if (x.gap === null) return t.city.gapNone(what(x), when(x));
      if (x.gap === 0) return t.city.gapEqual(what(x), when(x));
      const [a, b] = x.agencies.map((agency) => r.agencyName[agency]) as [string, string];
      return t.city.gap(what(x), when(x), x.gap > 0 ? b : a, x.gap > 0 ? a : b, formatCount(Math.abs(x.gap), locale), formatPercent(x.relativeGap ?? 0, locale));
    };
    // The message is the mixed-marriage gap where it is comparable (what a rakor discusses), else the first.
    const lead = latest.find((x) => x.gap !== null) ?? latest[0]!;
    slides.push({
      id: 'gaps', topic: 'integration', heading: t.heading.gaps, message: sentence(lead),
      figures: latest.flatMap((x) => x.agencies.map((agency, i) => ({ label: `${what(x)} · ${r.agencyName[agency]}`, value: cell(x.figures[i]!), note: when(x), withheld: Boolean(x.figures[i]?.withheld) }))),
      live, notes: [...latest.map(sentence), t.notes.gaps, t.notes.withheld, source('registry_totals.parquet')],
    });
  }

  // Arrivals at the checkpoints standing in the city: the trend, and the latest 12 months against the 12 before.
  const months = figures.arrivals?.months ?? [];
  if (months.some((m) => !m.count_withheld && m.count !== null && m.count > 0)) {
    // The title and summary read only the rows and the locale; the drawing has its own context.
    const context: ChartContext = { locale, width: 640, document: textDocument(), filters: NO_FILTERS, snapshotDate };
    const chart = draw.arrivals(months);
    const checkpoints = figures.arrivals!.checkpoints.map((c) => c.name);
    slides.push({
      id: 'arrivals-trend', topic: 'arrivals', heading: t.heading['arrivals-trend'], message: arrivalsTrend.title(months, context), chart, live,
      notes: [twelveMonthSentence(months, locale), t.city.checkpoints(checkpoints.join(', ')), chart.summary, t.notes.events, t.notes.withheld, source('arrivals_totals.parquet, ports.parquet')],
    });
  }

  const offices = (await officeAreas()).filter((o) => figures.offices.includes(o.code));
  const names = offices.map((o) => shortOfficeName(o.name)).join(', ');
  slides.push({
    id: 'office', topic: null, heading: t.heading.office, message: offices.length > 0 ? t.city.office(names) : t.city.noOffice,
    ...(offices.length > 0 ? { list: offices.map((o) => o.name) } : {}), live, notes: [t.city.officeNote],
  });

  slides.push({ id: 'qr', topic: null, heading: t.qr.heading, message: t.qr.message, live: { url, qr: qrSvg(url, t.qr.scan(url)) }, notes: [t.qr.scan(url)] });
  slides.push({
    id: 'closing', topic: null, heading: t.closing.heading, message: t.closing.message,
    list: [t.closing.definitions[2]!, t.notes.gaps, t.closing.withheld, ...(synthetic ? [t.closing.synthetic] : [])],
    live, notes: [source(`operations, registry_totals, office_regencies${months.length > 0 ? ', arrivals_totals, ports' : ''}`), ...release.manifest.sources.map((s) => s.path)],
  });

  return { locale, title: t.deckTitle(area.name), areaName: area.name, periodText, asOf: t.dataAsOf(formatDate(snapshotDate, locale)), synthetic, snapshotDate, slides };
}
