/**
 * A chart's share preview as a PNG (Node, site build): the chart pre-rendered by its own definition
 * (render-chart.ts, the same drawing the page shows), on a 1200 × 630 card with its title and the
 * source line (which says "data contoh sintetis" while the publication is synthetic), rasterised by
 * sharp (librsvg, with the fonts the machine has). No browser and no outside service.
 */
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { CHART_UI } from '../i18n/charts.ts';
import { t } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';
import { readManifest } from './published.ts';
import { renderChart } from './render-chart.ts';
import { SHARE_IMAGE } from './share-charts.ts';

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Splits a title into at most two lines of about `perLine` characters, at spaces. */
export function titleLines(title: string, perLine = 62): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/)) {
    if (line && `${line} ${word}`.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length <= 2 ? lines : [lines[0]!, `${lines.slice(1).join(' ').slice(0, perLine - 1)}…`];
}

/**
 * The chart's SVG elements (its legend and its plot, in the order drawn) stacked one under the other
 * and scaled into the box, keeping their proportions.
 */
export function chartInBox(markup: string, box: { x: number; y: number; width: number; height: number }): string {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  const svgs = [...document.body.querySelectorAll('svg')].filter((svg) => !svg.parentElement?.closest('svg'));
  if (svgs.length === 0) throw new Error('share image: the chart drew no SVG');
  let y = 0;
  let width = 0;
  const placed = svgs.map((svg) => {
    const w = Number(svg.getAttribute('width')) || 0;
    const h = Number(svg.getAttribute('height')) || 0;
    svg.setAttribute('x', '0');
    svg.setAttribute('y', String(y));
    y += h;
    width = Math.max(width, w);
    return svg.outerHTML;
  });
  return `<svg x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" viewBox="0 0 ${width} ${y}" preserveAspectRatio="xMidYMid meet">${placed.join('')}</svg>`;
}

/** The card as SVG: title on top, the chart in the middle, the source line at the bottom. */
export async function shareCardSvg(chart: string, locale: Locale): Promise<string> {
  const rendered = await renderChart(chart, locale);
  const { width, height } = SHARE_IMAGE;
  const manifest = readManifest();
  const lines = titleLines(rendered.title);
  const top = 40 + lines.length * 40;
  const chartBox = { x: 40, y: top + 10, width: width - 80, height: height - top - 70 };
  const inner = chartInBox(rendered.wide.markup, chartBox);
  const source = `${t(locale).siteName} · ${CHART_UI[locale].sourceLine(manifest.snapshotDate, manifest.synthetic)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="${width}" height="${height}" fill="#ffffff"/>
<rect width="${width}" height="8" fill="#0b5cad"/>
${lines.map((line, i) => `<text x="40" y="${64 + i * 40}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="30" font-weight="700" fill="#1d2733">${escapeXml(line)}</text>`).join('\n')}
${inner}
<text x="40" y="${height - 28}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="20" fill="#3d4b5c">${escapeXml(source)}</text>
</svg>`;
}

/** The card as PNG bytes. */
export async function shareImagePng(chart: string, locale: Locale): Promise<Buffer> {
  return sharp(Buffer.from(await shareCardSvg(chart, locale))).png({ compressionLevel: 9 }).toBuffer();
}
