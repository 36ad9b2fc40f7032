/**
 * The slides of one deck (Node, site build): for an area of a release, in a language, each slide
 * with one message stated as a sentence built from its figures, a chart drawn by the site's own
 * chart definitions at slide size, speaker notes with the exact figures, and a QR code opening
 * the same view on the live site. A slide whose figures are all withheld or empty is left out.
 */
import { parseHTML } from 'linkedom';
import type { AnyChartDefinition, ChartContext, ChartRow } from '../../charts/chart-definition.ts';
import { arrivalsNationalities } from '../../charts/arrivals-nationalities.ts';
import { arrivalsPorts, shortPortName } from '../../charts/arrivals-ports.ts';
import { arrivalsTrend } from '../../charts/arrivals-trend.ts';
import { drawChart } from '../../charts/draw-chart.ts';
import { enumLabel, localName } from '../../charts/labels.ts';
import { operationsFunnel } from '../../charts/operations-funnel.ts';
import { heightFor } from '../../charts/plot-kit.ts';
import { rankingChart, type RankingRow } from '../../charts/ranking-chart.ts';
import { registryGaps } from '../../charts/registry-gaps.ts';
import { sanctionsGroups, sanctionsOffices, shortOfficeName } from '../../charts/sanctions-rankings.ts';
import { deckText, type DeckTopic, type SlideId } from '../../i18n/deck.ts';
import { formatChange, formatCount, formatDate, formatMonthSpan, formatPercent } from '../../i18n/format.ts';
import { PAGES, type PageKey } from '../../i18n/index.ts';
import type { Locale } from '../../i18n/locales.ts';
import { WITHHELD } from '../../schema/disclosure.ts';
import { FILTER_PARAMS, NO_FILTERS } from '../../schema/filters.ts';
import type { KeptRelease } from '../releases.ts';
import { absoluteUrl } from '../site-origin.ts';
import type { DeckArea } from './deck-areas.ts';
import { releaseFacts, type AreaFacts, type Cell, type DeckPeriod } from './deck-facts.ts';
import { qrSvg } from './qr-code.ts';
import { buildCityDeck } from './city-deck.ts';

export interface SlideChart {
  markup: string;
  /** CSS zoom that brings the drawing to slide size (its 12 px text to ≥ 18 px). */
  zoom: number;
  width: number;
  height: number;
  summary: string;
}

export interface Slide {
  id: SlideId;
  topic: DeckTopic | null;
  heading: string;
  message: string;
  chart?: SlideChart;
  figures?: { label: string; value: string; note: string; withheld: boolean }[];
  list?: string[];
  /** The same view on the live site, and its QR code. */
  live: { url: string; qr: string };
  notes: string[];
}

export interface Deck {
  locale: Locale;
  title: string;
  areaName: string;
  periodText: string;
  asOf: string;
  synthetic: boolean;
  snapshotDate: string;
  slides: Slide[];
}

/** The box a chart fills on a 1280 × 720 slide, and the smallest zoom that keeps Plot's 12 px text at 18 px. */
const CHART_BOX = { width: 1100, height: 432 };
/** Slides are wide: a chart taller than half its width is drawn at half (its rows, e.g. the gaps', thinned to fit). */
const SLIDE_ASPECT = 0.5;
const MIN_ZOOM = 1.5;

let shared: Document | null = null;
const plotDocument = (): Document => (shared ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document);

function drawForSlide(definition: AnyChartDefinition, rows: readonly ChartRow[], locale: Locale, snapshotDate: string): SlideChart {
  const chart: AnyChartDefinition = definition.aspect.wide > SLIDE_ASPECT ? { ...definition, aspect: { ...definition.aspect, wide: SLIDE_ASPECT } } : definition;
  // Wide drawing (≥ 560 px), no wider than lets the zoom keep the text at 18 px inside the box.
  const width = Math.max(560, Math.min(640, Math.floor(CHART_BOX.height / MIN_ZOOM / chart.aspect.wide)));
  const height = heightFor(width, chart.aspect);
  const context: ChartContext = { locale, width, document: plotDocument(), filters: NO_FILTERS, snapshotDate };
  const zoom = Math.min(CHART_BOX.width / width, CHART_BOX.height / height);
  return { markup: drawChart(chart, rows, context).outerHTML, zoom: Math.round(zoom * 1000) / 1000, width, height, summary: chart.summary(rows, context) };
}

const shown = (rows: readonly { count: number | null; count_withheld: boolean }[]): boolean => rows.some((r) => !r.count_withheld && r.count !== null && r.count > 0);

const activitiesChart = rankingChart({
  id: 'deck-activities',
  table: 'operations',
  breakdown: 'activity',
  filters: ['period', 'province', 'office'],
  label: (row, locale) => enumLabel('operationActivity', row.code, locale),
  limit: 4,
  aspect: { wide: 0.3, narrow: 0.6 },
  axis: { id: 'Kegiatan', en: 'Activities' },
  codeLabel: { id: 'Kode kegiatan', en: 'Activity code' },
  countLabel: { id: 'Kegiatan', en: 'Activities' },
  definition: { id: 'Kegiatan TIMPORA menurut jenis selama periode.', en: 'TIMPORA activities by kind in the period.' },
  title: { id: (top, count) => `${top}: ${count}`, en: (top, count) => `${top}: ${count}` },
  empty: { id: 'Kegiatan TIMPORA', en: 'TIMPORA activities' },
});

/** The change as official releases quote it (two digits, cut), and its verb. */
function changeWords(now: Cell, earlier: Cell, locale: Locale): { verb: string; change: string } | null {
  if (now.withheld || earlier.withheld || now.value === null || !earlier.value) return null;
  const ratio = now.value / earlier.value - 1;
  const t = deckText(locale);
  return { verb: ratio > 0 ? t.up : ratio < 0 ? t.down : t.same, change: formatChange(Math.abs(ratio), locale, 2, true).replace('+', '') };
}

const cellText = (c: Cell, locale: Locale): string => (c.withheld ? WITHHELD.symbol : c.value === null ? '–' : formatCount(c.value, locale));

const rankingNotes = (rows: readonly RankingRow[], label: (r: RankingRow) => string, locale: Locale): string[] =>
  rows.map((r) => `${label(r)}: ${r.count_withheld ? WITHHELD.symbol : formatCount(r.count ?? 0, locale)}${r.share === null ? '' : ` (${formatPercent(r.share, locale)})`}`);

/** "2025-01-01" → "2025-H1": the period filter of the half-year a deck covers. */
const halfFilter = (from: string): string => `${from.slice(0, 4)}-H${from.slice(5, 7) === '01' ? 1 : 2}`;

/**
 * A site path without the base, in the deck's language, for the live view of a topic in the area:
 * the section page with the deck's period and the province as filters (`/kedatangan/?periode=2025-H1&provinsi=36`),
 * an office's page, or without a topic the area's page.
 */
function livePath(area: DeckArea, topic: DeckTopic | null, locale: Locale, period: DeckPeriod): string {
  const regions = locale === 'id' ? { province: '/wilayah/', office: '/wilayah/kantor/' } : { province: '/en/regions/', office: '/en/regions/office/' };
  if (area.kind === 'office') return `${regions.office}${area.area!.slug}/`;
  if (topic === null) return area.kind === 'nation' ? PAGES.home[locale] : `${regions.province}${area.slug}/`;
  const page: PageKey = topic;
  const filters = new URLSearchParams({ [FILTER_PARAMS.period]: halfFilter(period.from), ...(area.kind === 'province' ? { [FILTER_PARAMS.province]: area.key } : {}) });
  return `${PAGES[page][locale]}?${filters.toString()}`;
}

export async function buildDeck(release: KeptRelease, area: DeckArea, locale: Locale): Promise<Deck> {
  if (area.kind === 'regency') {
    const slide = (chart: AnyChartDefinition) => (rows: readonly ChartRow[]) => drawForSlide(chart, rows, locale, release.manifest.snapshotDate);
    return buildCityDeck(release, area, locale, { activities: slide(activitiesChart), arrivals: slide(arrivalsTrend) });
  }
  const t = deckText(locale);
  const facts = await releaseFacts(release.dir);
  const f: AreaFacts = facts.area(area.key);
  const p: DeckPeriod = facts.period;
  const { snapshotDate, synthetic } = release.manifest;
  const span = formatMonthSpan(p.from, p.to, locale);
  const earlierSpan = formatMonthSpan(p.earlierFrom, p.earlierTo, locale);
  const earlierYear = p.earlierFrom.slice(0, 4);
  const areaName = area.kind === 'nation' ? t.nation : area.kind === 'province' ? t.province(area.name) : shortOfficeName(area.name);
  const periodNote = t.notes.period(span, earlierSpan);
  const live = (topic: DeckTopic | null) => {
    const url = absoluteUrl(livePath(area, topic, locale, p));
    return { url, qr: qrSvg(url, `${t.qr.corner}: ${url}`) };
  };
  const draw = (chart: AnyChartDefinition, rows: readonly ChartRow[]) => drawForSlide(chart, rows, locale, snapshotDate);
  const source = (file: string) => t.notes.source(file, formatDate(snapshotDate, locale));
  const slides: Slide[] = [];

  slides.push({ id: 'title', topic: null, heading: t.heading.title, message: areaName, live: live(null), notes: [periodNote, source('manifest.json')] });

  // Key figures: the half-year's published totals beside the same half a year earlier.
  const figures: NonNullable<Slide['figures']> = [];
  const messages: string[] = [];
  if (f.arrivals && (f.arrivals.now.value || f.arrivals.now.withheld)) {
    const words = changeWords(f.arrivals.now, f.arrivals.earlier, locale);
    figures.push({ label: t.keyFigure.arrivals, value: cellText(f.arrivals.now, locale), note: `${t.keyFigure.earlier(earlierSpan)} ${cellText(f.arrivals.earlier, locale)}`, withheld: f.arrivals.now.withheld });
    if (!f.arrivals.now.withheld) messages.push(words ? t.arrivalsChange(span, words.verb, words.change, earlierYear) : t.arrivalsOnly(span, cellText(f.arrivals.now, locale)));
  }
  const takMessage = (() => {
    if (!f.tak || f.tak.now.withheld || f.tak.now.value === null) return null;
    const words = changeWords(f.tak.now, f.tak.earlier, locale);
    const count = formatCount(f.tak.now.value, locale);
    return words ? t.takChange(span, count, words.verb, words.change, earlierYear) : t.takOnly(span, count);
  })();
  if (f.tak && (f.tak.now.value !== null || f.tak.now.withheld)) {
    figures.push({ label: t.keyFigure.tak, value: cellText(f.tak.now, locale), note: `${t.keyFigure.earlier(earlierSpan)} ${cellText(f.tak.earlier, locale)}`, withheld: f.tak.now.withheld });
    if (takMessage && messages.length === 0) messages.push(takMessage);
  }
  const joint = f.activities.find((r) => r.code === 'operasi_gabungan');
  if (joint && joint.count) figures.push({ label: t.keyFigure.operations, value: formatCount(joint.count, locale), note: span, withheld: false });
  if (figures.some((x) => !x.withheld)) {
    slides.push({ id: 'key-figures', topic: null, heading: t.heading['key-figures'], message: messages[0] ?? t.activities(span, `${enumLabel('operationActivity', 'operasi_gabungan', locale).toLowerCase()} ${formatCount(joint?.count ?? 0, locale)}`), figures, live: live(null), notes: [periodNote, ...figures.map((x) => `${x.label}: ${x.value} (${x.note})`), t.notes.events, t.notes.persons, t.notes.withheld] });
  }

  // The context titles and summaries are written in (the drawing's own is made in drawForSlide).
  const context: ChartContext = { locale, width: 640, document: plotDocument(), filters: NO_FILTERS, snapshotDate };
  if (shown(f.arrivalsMonths)) {
    slides.push({ id: 'arrivals-trend', topic: 'arrivals', heading: t.heading['arrivals-trend'], message: arrivalsTrend.title(f.arrivalsMonths, context), chart: draw(arrivalsTrend, f.arrivalsMonths), live: live('arrivals'),
      notes: [arrivalsTrend.summary(f.arrivalsMonths, context), t.notes.events, source('arrivals_totals.parquet')] });
  }
  if (shown(f.nationalities)) {
    slides.push({ id: 'nationalities', topic: 'arrivals', heading: t.heading.nationalities, message: arrivalsNationalities.title(f.nationalities, context), chart: draw(arrivalsNationalities, f.nationalities), live: live('arrivals'),
      notes: [periodNote, ...rankingNotes(f.nationalities, (r) => localName(r, locale), locale), t.notes.events, source('arrivals_totals.parquet')] });
  }
  if (shown(f.ports)) {
    slides.push({ id: 'ports', topic: 'arrivals', heading: t.heading.ports, message: arrivalsPorts.title(f.ports, context), chart: draw(arrivalsPorts, f.ports), live: live('arrivals'),
      notes: [periodNote, ...rankingNotes(f.ports, (r) => shortPortName(String(r.name_id ?? r.code)), locale), t.notes.events, source('arrivals_totals.parquet')] });
  }
  if (shown(f.sanctionGroups)) {
    slides.push({ id: 'sanctions-groups', topic: 'sanctions', heading: t.heading['sanctions-groups'], message: takMessage ?? sanctionsGroups.title(f.sanctionGroups, context), chart: draw(sanctionsGroups, f.sanctionGroups), live: live('sanctions'),
      notes: [periodNote, ...rankingNotes(f.sanctionGroups, (r) => sanctionsGroups.columns[1]!.value!(r, locale) as string, locale), t.notes.persons, t.notes.halfOnly, t.notes.withheld, source('sanctions_totals.parquet')] });
  }
  if (area.kind !== 'office' && shown(f.sanctionOffices)) {
    slides.push({ id: 'sanctions-offices', topic: 'sanctions', heading: t.heading['sanctions-offices'], message: sanctionsOffices.title(f.sanctionOffices, context), chart: draw(sanctionsOffices, f.sanctionOffices), live: live('sanctions'),
      notes: [periodNote, ...rankingNotes(f.sanctionOffices, (r) => shortOfficeName(String(r.name_id ?? r.code)), locale), t.notes.persons, t.notes.halfOnly, t.notes.withheld, source('sanctions_totals.parquet')] });
  }
  if (shown(f.activities)) {
    const list = f.activities.filter((r) => r.count).map((r) => `${enumLabel('operationActivity', r.code, locale).toLowerCase()} ${formatCount(r.count as number, locale)}`).join(', ');
    slides.push({ id: 'activities', topic: 'operations', heading: t.heading.activities, message: t.activities(span, list), chart: draw(activitiesChart, f.activities), live: live('operations'),
      notes: [periodNote, ...rankingNotes(f.activities, (r) => enumLabel('operationActivity', r.code, locale), locale), source('operations_totals.parquet')] });
  }
  if (f.funnel.some((r) => !r.withheld && r.value)) {
    slides.push({ id: 'funnel', topic: 'operations', heading: t.heading.funnel, message: operationsFunnel.title(f.funnel, context), chart: draw(operationsFunnel, f.funnel), live: live('operations'),
      notes: [periodNote, operationsFunnel.summary(f.funnel, context), t.notes.funnel, t.notes.persons, source('operations_totals.parquet')] });
  }
  if (f.gaps.some((g) => g.gap !== null)) {
    slides.push({ id: 'gaps', topic: 'integration', heading: t.heading.gaps, message: registryGaps.title(f.gaps, context), chart: draw(registryGaps, f.gaps.slice(0, 8)), live: live('integration'),
      notes: [registryGaps.summary(f.gaps, context), t.notes.gaps, t.notes.withheld, source('registry_totals.parquet')] });
  }

  const areaLive = live(null);
  slides.push({ id: 'qr', topic: null, heading: t.qr.heading, message: t.qr.message, live: { url: areaLive.url, qr: qrSvg(areaLive.url, t.qr.scan(areaLive.url)) }, notes: [t.qr.scan(areaLive.url)] });
  slides.push({
    id: 'closing', topic: null, heading: t.closing.heading, message: t.closing.message,
    list: [...t.closing.definitions, t.closing.peopleEvents, t.closing.withheld, ...(synthetic ? [t.closing.synthetic] : [])],
    live: areaLive, notes: [source('arrivals_totals, sanctions_totals, operations_totals, registry_totals'), ...release.manifest.sources.map((s) => s.path)],
  });

  return { locale, title: t.deckTitle(areaName), areaName, periodText: t.period(span), asOf: t.dataAsOf(formatDate(snapshotDate, locale)), synthetic, snapshotDate, slides };
}
