/** Routes of a company's reports: monthly (YYYY-MM) and annual (YYYY), as JSON or CSV. */
import { Hono } from 'hono';
import { buildReport, reportCsv } from '../../app/reports/reports.ts';
import { presentReport } from '../presenters/index.ts';
import { requestContext, type Env } from '../request.ts';

/** Mounted at /api/companies/:company/reports */
export function reportRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  routes.get('/:period', async (c) => {
    const raw = c.req.param('period');
    const csv = raw.endsWith('.csv');
    const report = await buildReport(
      c.get('deps'),
      await requestContext(c),
      c.req.param('company') as string,
      csv ? raw.slice(0, -4) : raw,
    );
    if (!csv) return c.json(presentReport(report));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header(
      'content-disposition',
      `attachment; filename="kesu-${report.company}-${report.period}.csv"`,
    );
    return c.body(reportCsv(report));
  });
  return routes;
}
