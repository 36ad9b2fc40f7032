/**
 * Colour-blind-safe colours. Categories use Okabe & Ito's eight (distinguishable with the common
 * colour-vision deficiencies), ordered so that the first few also differ in lightness; quantities
 * use a single-hue blue ramp (ColorBrewer "Blues"), which reads in greyscale too.
 */
export const CATEGORICAL = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'] as const;
/** For a ninth and tenth category: greys that stay apart from the eight above. */
export const CATEGORICAL_EXTRA = ['#8C8C8C', '#C8C8C8'] as const;

export const categorical = (n: number): string[] => [...CATEGORICAL, ...CATEGORICAL_EXTRA].slice(0, n);

/** The main series colour, and the comparison (a year earlier). */
export const PRIMARY = '#0072B2';
export const COMPARISON = '#E69F00';
export const NEGATIVE = '#D55E00';
/** Withheld cells: a neutral grey with a hatch, never a colour of the scale. */
export const WITHHELD_FILL = '#e6e6e6';
export const WITHHELD_INK = '#555555';

/** Five steps of ColorBrewer Blues for tile maps (light = few). */
export const SEQUENTIAL_5 = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
/** Text colour readable on each step above. */
export const SEQUENTIAL_5_INK = ['#0d1321', '#0d1321', '#0d1321', '#ffffff', '#ffffff'] as const;
