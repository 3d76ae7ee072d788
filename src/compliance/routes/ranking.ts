import type { AdminRoute } from './index';

const routes: AdminRoute[] = [];

export default routes;
