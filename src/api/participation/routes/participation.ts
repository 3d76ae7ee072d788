/**
 * The public's side (docs/participation.md): no account; every submission needs a solved
 * ALTCHA challenge and is rate limited per address and per unit.
 */
const route = (method: 'GET' | 'POST', path: string, handler: string) => ({
  method,
  path,
  handler: `participation.${handler}`,
  config: { auth: false as const, policies: [], middlewares: [] },
});

export default {
  routes: [
    route('GET', '/participation/challenge', 'challenge'),
    route('GET', '/participation/settings', 'settings'),
    route('GET', '/participation/requests/:trackingCode', 'status'),
    route('POST', '/participation/:unitCode/corrections', 'corrections'),
    route('POST', '/participation/:unitCode/questions', 'questions'),
    route('POST', '/participation/:unitCode/survey', 'survey'),
    route('POST', '/participation/:unitCode/complaints', 'complaints'),
    route('GET', '/participation/:unitCode/:fiscalYear/survey', 'surveyResults'),
    route(
      'GET',
      '/participation/:unitCode/:fiscalYear/complaint-statistics',
      'complaintStatistics',
    ),
  ],
};
