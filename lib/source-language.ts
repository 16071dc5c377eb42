/**
 * The language of the source report's verbatim text: commitments keep their titles and text as
 * the report printed them and mark them with this `lang`. Source documents have no language of
 * their own yet (the seeded report is in English); when they do, it replaces this constant.
 */
export const SOURCE_REPORT_LANGUAGE = 'en';
