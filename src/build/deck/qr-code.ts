/**
 * QR codes for the slides, drawn at build time as inline SVG with `uqr` (no outside service, no
 * script in the deck): a phone in the meeting room scans it and opens the live site.
 */
import { encode } from 'uqr';

const drawn = new Map<string, string>();

/**
 * An SVG QR code for an absolute address, with a quiet zone and a label naming the address. Made
 * once per address and label: every release's deck of an area links the same live pages.
 */
export function qrSvg(url: string, label: string): string {
  const key = `${url}\n${label}`;
  let svg = drawn.get(key);
  if (svg === undefined) drawn.set(key, (svg = draw(url, label)));
  return svg;
}

const attr = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

function draw(url: string, label: string): string {
  // Error correction M survives a projector's glare. One path, a rectangle per run of dark modules
  // in a row (a third of the markup of one square per module: a deck has a code on every slide).
  const { size, data } = encode(url, { ecc: 'M', border: 2 });
  let path = '';
  data.forEach((row, y) => {
    for (let x = 0; x < size; x += 1) {
      if (!row[x]) continue;
      let run = 1;
      while (x + run < size && row[x + run]) run += 1;
      path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${attr(label)}" data-qr-url="${attr(url)}" shape-rendering="crispEdges"><rect fill="#fff" width="${size}" height="${size}"/><path fill="#000" d="${path}"/></svg>`;
}
