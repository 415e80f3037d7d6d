// The one source the site retells (shared/seed): its bibliographic data.
export const article = {
  title: 'Was ist Bare Metal Virtualisierung?',
  author: 'andreas',
  /** ISO date of publication. */
  date: '2012-12-16',
  category: 'Cloud Artikel',
  language: 'de',
} as const;
