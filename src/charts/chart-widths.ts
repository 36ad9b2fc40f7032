/**
 * The two drawings every chart ships, in CSS pixels: wide (columns of 560 px and more) and narrow
 * (phones). The build pre-renders both and the browser redraws both at the same widths, so a page
 * does not shift when scripts take over. No Plot import: the chart element loads this eagerly.
 */
export const CHART_WIDTHS = { wide: 760, narrow: 360 } as const;
