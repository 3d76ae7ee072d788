/**
 * Public read-only endpoints for unit websites and assessors (docs/public-api.md,
 * docs/openapi.json). No authentication: they serve published content only.
 */
const publicRoute = (path: string, handler: string) => ({
  method: 'GET',
  path,
  handler: `delivery.${handler}`,
  config: { auth: false as const, policies: [], middlewares: [] },
});

export default {
  routes: [
    publicRoute('/ita/:unitCode/:fiscalYear', 'itaPage'),
    publicRoute('/ita/:unitCode/:fiscalYear/:itemCode', 'itaItem'),
    publicRoute('/ita-links/:fiscalYear', 'itaLinks'),
    publicRoute('/feeds/:unitCode/:feed', 'newsFeed'),
    publicRoute('/exports/:unitCode/:file', 'procurement'),
  ],
};
