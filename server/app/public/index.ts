/** The public complaint form and the complainant's follow link. */
export * from './public-complaints.ts';
export * from './public-follow.ts';
