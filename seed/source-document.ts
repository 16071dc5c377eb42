import type { SourceDocumentSeed } from './types';

/**
 * The summary report of the thematic expert on the fifth thematic session of the GCM
 * consultations (Vienna, 4-5 September 2017). The report is dated "9/6/2017", US order:
 * 6 September 2017, the day after the session closed.
 */
export const REPORT: SourceDocumentSeed = {
  slug: 'gcm-ts5-expert-report',
  title:
    'Report of the thematic expert: fifth thematic session on smuggling of migrants, trafficking in persons and contemporary forms of slavery',
  author: 'Prof. Joy Ngozi Ezeilo',
  publishedOn: '2017-09-06',
  place: 'Vienna, Austria',
  reference:
    'Global Compact for Safe, Orderly and Regular Migration, thematic consultations, session 5',
  url: null,
  textFile: 'seed/source/gcm-thematic-session-5-expert-report.txt',
};
