/**
 * QR codes for the slides, drawn at build time as inline SVG with `uqr` (no outside service, no
 * script in the deck): a phone in the meeting room scans it and opens the live site.
 */
import { renderSVG } from 'uqr';

/** An SVG QR code for an absolute address, with a quiet zone and a title naming the address. */
export function qrSvg(url: string, label: string): string {
  // Error correction M survives a projector's glare; pixelSize 1 keeps the markup small (the SVG scales).
  const svg = renderSVG(url, { ecc: 'M', border: 2, pixelSize: 1 });
  const title = label.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  return svg.replace('<svg ', `<svg role="img" aria-label="${title.replaceAll('"', '&quot;')}" data-qr-url="${url.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}" shape-rendering="crispEdges" `);
}
