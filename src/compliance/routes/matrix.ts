const policies = ['admin::isAuthenticatedAdmin'];
const H = 'api::compliance.compliance';

export default [
  { method: 'GET' as const, path: '/matrix', handler: `${H}.matrix`, config: { policies } },
  { method: 'GET' as const, path: '/cell', handler: `${H}.cell`, config: { policies } },
  { method: 'GET' as const, path: '/history', handler: `${H}.history`, config: { policies } },
  {
    method: 'GET' as const,
    path: '/participation',
    handler: `${H}.participation`,
    config: { policies },
  },
];
