/** Routes of a company's reports: monthly (YYYY-MM) and annual (YYYY), as JSON or CSV. */
import { Hono } from 'hono';
import { AppError } from '../../app/app-error.ts';
import { buildReport, buildReportCsv } from '../../app/reports/reports.ts';
import type { Lang } from '../../domain/policy/format.ts';
import { reportCsvWords } from '../messages/report-csv-words.ts';
import { presentReport } from '../presenters/index.ts';
import { requestContext, type Env } from '../request.ts';

/** The CSV's language: `?lang=` when given (zh-CN or en), else the request's Accept-Language. */
function csvLang(query: string | undefined, fallback: Lang): Lang {
  if (query === undefined) return fallback;
  if (query === 'zh-CN' || query === 'en') return query;
  throw new AppError('invalid_request', 'lang is zh-CN or en', {}, [
    { property: '.lang', message: 'zh-CN or en' },
  ]);
}

/** Mounted at /api/companies/:company/reports */
export function reportRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  routes.get('/:period', async (c) => {
    const raw = c.req.param('period');
    const company = c.req.param('company') as string;
    const request = await requestContext(c);
    if (!raw.endsWith('.csv'))
      return c.json(presentReport(await buildReport(c.get('deps'), request, company, raw)));
    const lang = csvLang(c.req.query('lang'), request.lang);
    const { report, csv } = await buildReportCsv(
      c.get('deps'),
      request,
      company,
      raw.slice(0, -4),
      reportCsvWords(lang),
    );
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-language', lang);
    c.header(
      'content-disposition',
      `attachment; filename="kesu-${report.company}-${report.period}.csv"`,
    );
    return c.body(csv);
  });
  return routes;
}
