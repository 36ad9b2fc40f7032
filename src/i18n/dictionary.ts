/** The shape every language file fills in. Page text lives in id.ts and en.ts, nowhere else. */
import type { CountUnit } from '../schema/tables.ts';
import type { ReferenceTableName } from '../schema/tables.ts';

export type StageName = 'ingest' | 'validate' | 'anonymise' | 'aggregate' | 'publish';

export interface Dictionary {
  siteName: string;
  tagline: string;
  skipToContent: string;
  navLabel: string;
  nav: { home: string; arrivals: string; sanctions: string; operations: string; integration: string; regions: string; methodology: string };
  languageSwitch: { label: string; name: string };
  synthetic: { heading: string; body: string; link: string };
  /** Shown on every page of an internal (unsuppressed) build. */
  internal: { heading: string; body: string };
  footer: { snapshot: string; coverage: string; source: string; sourceText: string; licences: string; builtAt: string };
  home: {
    heading: string;
    title: string;
    description: string;
    lead: string;
    snapshotDate: string;
    coverage: string;
    previousSnapshot: string;
    noPreviousSnapshot: string;
    tablesHeading: string;
    tablesIntro: string;
    factTables: string;
    /** The <table>_totals files: every view by month, half-year and year. */
    totalsTables: string;
    totalsTitle: (table: string) => string;
    referenceTables: string;
    table: string;
    rows: string;
    /** After a fact table's total rows when its detail rows are not public (sanctions). */
    totalsOnly: string;
    size: string;
    download: string;
    downloadFile: (file: string) => string;
    manifestHeading: string;
    manifestText: string;
    manifestLink: string;
    warningsHeading: string;
    warningsIntro: string;
    noWarnings: string;
  };
  methodology: {
    title: string;
    description: string;
    lead: string;
    pipelineHeading: string;
    pipelineIntro: string;
    stages: Record<StageName, { name: string; text: string }>;
    scheduleHeading: string;
    scheduleText: string;
    currentSnapshot: (date: string) => string;
    syntheticHeading: string;
    syntheticText: string;
    syntheticReal: string;
    /** Heading of the same section for official figures. */
    realHeading: string;
    tablesHeading: string;
    tablesIntro: string;
    descriptionsInEnglish: string;
    unitsLabel: string;
    columnsLabel: string;
    column: string;
    type: string;
    columnDescription: string;
    derived: string;
    referenceHeading: string;
    referenceText: string;
    unitsHeading: string;
    unitsText: string;
    disclosureHeading: string;
    disclosureText: string;
    disclosureTimeText: string;
    /** How sparse person counts (sanctions) are published: coarser tables, no detail rows. */
    disclosureDesignText: string;
    /** After a detail file's name when only internal builds publish it. */
    detailInternalOnly: string;
    /** After a count column's name when the public detail rows leave it empty (it is in the totals only). */
    measureTotalsOnly: string;
    disclosureInternal: string;
    disclosureTable: string;
    disclosureK: string;
    /** Caption of the table of withheld cells (its region is named by it). */
    disclosureCaption: string;
    /** Column header: every withheld cell of a measure, whatever rule withheld it. */
    disclosureWithheld: string;
    disclosureAudited: string;
    disclosureNotProtected: string;
    yes: string;
    no: string;
  };
  units: Record<CountUnit, string>;
  referenceTables: Record<ReferenceTableName, string>;
}
